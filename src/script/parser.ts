/**
 * The GMAT script parser: text in, {@link Script} tree out.
 *
 * It reads the surface syntax GMAT accepts: `%` comments (outside quotes), `...` line
 * continuation, an optional `GMAT` keyword and optional `;` terminators, `Create Type a b c`,
 * literal assignments (numbers, quoted strings, unquoted words and dates, brace lists, bracket
 * arrays), `#Include`, `BeginMissionSequence`, and mission commands with labels and blocks.
 * Like GMAT it rejects non-ASCII bytes and a second statement after `;` on one line.
 *
 * The parser knows nothing about resource types or fields: that is the engine's job. Every
 * error it throws is a {@link ScriptError} naming file:line:column with an excerpt.
 *
 * @module
 */

import type {
  AssignmentStatement,
  CommandStatement,
  CreatedName,
  CreateStatement,
  MissionStatement,
  ResourceStatement,
  Script,
  ScriptValue,
} from "./ast.ts";
import { ScriptError, type ScriptErrorCode, type SourcePos } from "./errors.ts";

/** Commands that open a block, mapped to the keyword that closes it. */
const BLOCK_ENDS: Readonly<Record<string, string>> = {
  If: "EndIf",
  For: "EndFor",
  While: "EndWhile",
  Target: "EndTarget",
  Optimize: "EndOptimize",
  BeginScript: "EndScript",
};
const BLOCK_CLOSERS = new Set(Object.values(BLOCK_ENDS));

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_]*/;
const ASSIGN_RE = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*(?:\([^()]*\))?)\s*=(?!=)/;

/** A logical line: physical lines joined at `...`, comment removed, with a position map. */
interface LogicalLine {
  readonly text: string;
  /** Segments of `text` that came from one physical line each. */
  readonly segs: readonly { offset: number; line: number; col: number }[];
}

/** Options for {@link parseScript}. */
export interface ParseOptions {
  /** The path or label used in error messages. Default `<script>`. */
  readonly file?: string;
}

/**
 * Parse GMAT script text into a {@link Script}.
 *
 * @param text The script text (a leading BOM and CRLF line ends are accepted).
 * @param options Where the text came from, for error messages.
 * @returns The syntax tree.
 * @throws {ScriptError} With code `SCRIPT_SYNTAX`, `SCRIPT_NON_ASCII` or `SCRIPT_MISSION`.
 *
 * @example Parse a one-spacecraft script
 * ```ts
 * import { parseScript } from "./parser.ts";
 * const script = parseScript("Create Spacecraft Sat\nSat.SMA = 7000\nBeginMissionSequence\n");
 * console.log(script.resources.length); // 2
 * ```
 */
export function parseScript(text: string, options: ParseOptions = {}): Script {
  return new Parser(text, options.file ?? "<script>").parse();
}

class Parser {
  readonly #file: string;
  readonly #lines: string[];
  readonly #resources: ResourceStatement[] = [];
  #beginMission: SourcePos | undefined;
  /** Open blocks: the command and the list its statements go to. */
  readonly #stack: { cmd: MutableCommand; list: MissionStatement[] }[] = [];
  readonly #mission: MissionStatement[] = [];
  #inMission = false;

  constructor(text: string, file: string) {
    this.#file = file;
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.#lines = body.split(/\r\n|\r|\n/);
  }

  parse(): Script {
    for (const logical of this.#logicalLines()) this.#statement(logical);
    if (this.#stack.length > 0) {
      const open = this.#stack[this.#stack.length - 1].cmd;
      this.#fail("SCRIPT_SYNTAX", open.pos, `'${open.name}' is never closed`, {
        construct: open.name,
        hint: `add '${BLOCK_ENDS[open.name]}' after the last statement of the block`,
      });
    }
    return {
      file: this.#file,
      lines: this.#lines,
      resources: this.#resources,
      beginMission: this.#beginMission,
      mission: this.#mission,
    };
  }

  // ---- lines -------------------------------------------------------------------------------

  *#logicalLines(): Generator<LogicalLine> {
    let text = "";
    let segs: { offset: number; line: number; col: number }[] = [];
    for (let i = 0; i < this.#lines.length; i++) {
      const raw = this.#lines[i];
      this.#checkAscii(raw, i + 1);
      let code = stripComment(raw);
      let col = 1;
      if (segs.length > 0) {
        // A continuation line: drop its indentation so the joined text reads naturally.
        col = code.length - code.trimStart().length + 1;
        code = code.trimStart();
      }
      segs.push({ offset: text.length, line: i + 1, col });
      const trimmed = code.trimEnd();
      if (trimmed.endsWith("...")) {
        text += trimmed.slice(0, -3).trimEnd() + " ";
        continue;
      }
      text += code;
      if (text.trim() !== "") yield { text, segs };
      text = "";
      segs = [];
    }
    if (text.trim() !== "") yield { text, segs };
  }

  #checkAscii(raw: string, line: number): void {
    for (let c = 0; c < raw.length; c++) {
      if (raw.charCodeAt(c) > 0x7e || (raw.charCodeAt(c) < 0x20 && raw[c] !== "\t")) {
        const shown = JSON.stringify(raw[c]);
        this.#fail(
          "SCRIPT_NON_ASCII",
          { file: this.#file, line, column: c + 1 },
          [
            `character ${shown} is outside the printable ASCII set GMAT accepts`,
          ].join(""),
          {
            hint: "replace it with ASCII text (GMAT rejects such bytes even inside comments)",
          },
        );
      }
    }
  }

  #pos(ll: LogicalLine, offset: number): SourcePos {
    let seg = ll.segs[0];
    for (const s of ll.segs) if (s.offset <= offset) seg = s;
    return { file: this.#file, line: seg.line, column: offset - seg.offset + seg.col };
  }

  #fail(
    code: ScriptErrorCode,
    pos: SourcePos,
    message: string,
    extra: { construct?: string; hint?: string } = {},
  ): never {
    throw new ScriptError(code, {
      message,
      pos,
      sourceLine: this.#lines[pos.line - 1],
      ...extra,
    });
  }

  // ---- statements --------------------------------------------------------------------------

  #statement(ll: LogicalLine): void {
    const end = this.#statementEnd(ll);
    let start = ll.text.length - ll.text.trimStart().length;
    let body = ll.text.slice(start, end).trimEnd();
    if (body === "") return; // a bare `;`
    const fullText = body;

    if (body.startsWith("#")) {
      this.#include(ll, start, body);
      return;
    }
    let gmatKeyword = false;
    const gm = /^GMAT\s+/.exec(body);
    if (gm) {
      gmatKeyword = true;
      start += gm[0].length;
      body = body.slice(gm[0].length);
    }
    const pos = this.#pos(ll, start);
    const word = IDENT_RE.exec(body)?.[0] ?? "";

    if (word === "Create" && /^Create(\s|$)/.test(body)) {
      if (gmatKeyword) {
        this.#fail("SCRIPT_SYNTAX", pos, "'GMAT' cannot precede 'Create'", {
          hint: "remove the 'GMAT' keyword",
        });
      }
      this.#create(ll, start, body, pos, fullText);
      return;
    }
    if (word === "BeginMissionSequence" && body === word) {
      this.#begin(pos);
      return;
    }
    const assign = ASSIGN_RE.exec(body);
    if (assign) {
      const rhsStart = start + assign[0].length;
      const rhsText = ll.text.slice(rhsStart, end);
      if (this.#inMission) {
        this.#push({
          kind: "missionAssignment",
          lhs: assign[1],
          rhs: rhsText.trim(),
          rhsPos: this.#pos(ll, rhsStart + leading(rhsText)),
          pos,
          text: fullText,
        });
      } else {
        this.#assignment(ll, assign[1], rhsStart, rhsText, pos, fullText);
      }
      return;
    }
    if (gmatKeyword) {
      this.#fail("SCRIPT_SYNTAX", pos, "expected 'Resource.Field = value' after 'GMAT'", {
        hint: "write an assignment such as 'GMAT Sat.SMA = 7000;'",
      });
    }
    if (word === "") {
      this.#fail(
        "SCRIPT_SYNTAX",
        pos,
        `unexpected '${body[0]}': expected a Create statement, an assignment or a command`,
      );
    }
    this.#command(ll, start, body, word, pos, fullText);
  }

  /** Offset where the statement ends (before `;`), rejecting a second statement on the line. */
  #statementEnd(ll: LogicalLine): number {
    const t = ll.text;
    let quote = false;
    let depth = 0;
    for (let i = 0; i < t.length; i++) {
      const ch = t[i];
      if (ch === "'") quote = !quote;
      else if (quote) continue;
      else if (ch === "[" || ch === "{" || ch === "(") depth++;
      else if (ch === "]" || ch === "}" || ch === ")") depth = Math.max(0, depth - 1);
      else if (ch === ";" && depth === 0) {
        const rest = t.slice(i + 1);
        const extra = rest.replace(/[;\s]/g, "");
        if (extra !== "") {
          const at = i + 1 + rest.search(/[^;\s]/);
          this.#fail("SCRIPT_SYNTAX", this.#pos(ll, at), "a second statement follows ';'", {
            hint: "put each statement on its own line (GMAT R2026a rejects two on one line)",
          });
        }
        return i;
      }
    }
    return t.length;
  }

  #include(ll: LogicalLine, start: number, body: string): void {
    const pos = this.#pos(ll, start);
    const m = /^#Include\s+'([^']*)'\s*$/.exec(body) ?? /^#Include\s+"([^"]*)"\s*$/.exec(body);
    if (!m) {
      this.#fail("SCRIPT_SYNTAX", pos, "expected #Include 'file'", {
        hint: "quote the included file name, e.g. #Include 'common.script'",
      });
    }
    if (this.#inMission) {
      this.#fail("SCRIPT_SYNTAX", pos, "#Include is only allowed before the mission sequence");
    }
    this.#resources.push({ kind: "include", file: m[1], pos, text: body });
  }

  #begin(pos: SourcePos): void {
    if (this.#beginMission) {
      this.#fail("SCRIPT_MISSION", pos, "BeginMissionSequence appears twice", {
        hint: `remove this one; the mission sequence began at line ${this.#beginMission.line}`,
      });
    }
    if (this.#inMission) {
      this.#fail("SCRIPT_MISSION", pos, "BeginMissionSequence after mission commands", {
        hint: "move BeginMissionSequence above the first command",
      });
    }
    this.#beginMission = pos;
    this.#inMission = true;
  }

  #create(ll: LogicalLine, start: number, body: string, pos: SourcePos, text: string): void {
    if (this.#inMission) {
      this.#fail("SCRIPT_MISSION", pos, "Create is not allowed in the mission sequence", {
        hint: "move the Create statement above BeginMissionSequence",
      });
    }
    let off = "Create".length;
    const skip = () => {
      while (off < body.length && /[\s,]/.test(body[off])) off++;
    };
    skip();
    const typeMatch = IDENT_RE.exec(body.slice(off));
    if (!typeMatch) {
      this.#fail("SCRIPT_SYNTAX", this.#pos(ll, start + off), "expected a resource type", {
        hint: "write e.g. 'Create Spacecraft Sat'",
      });
    }
    const type = typeMatch[0];
    const typePos = this.#pos(ll, start + off);
    off += type.length;
    const names: CreatedName[] = [];
    for (;;) {
      skip();
      if (off >= body.length) break;
      const npos = this.#pos(ll, start + off);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(\[\s*(\d+)\s*(?:,\s*(\d+)\s*)?\])?/.exec(
        body.slice(off),
      );
      if (!m || (off + m[0].length < body.length && !/[\s,]/.test(body[off + m[0].length]))) {
        this.#fail("SCRIPT_SYNTAX", npos, `invalid resource name in Create ${type}`, {
          hint: "names start with a letter and contain letters, digits and '_'",
        });
      }
      const dims = m[2] ? [Number(m[3]), ...(m[4] ? [Number(m[4])] : [])] : undefined;
      names.push(dims ? { name: m[1], dims, pos: npos } : { name: m[1], pos: npos });
      off += m[0].length;
    }
    if (names.length === 0) {
      this.#fail("SCRIPT_SYNTAX", typePos, `Create ${type} names no resource`, {
        hint: `add a name, e.g. 'Create ${type} My${type}'`,
      });
    }
    const stmt: CreateStatement = { kind: "create", type, typePos, names, pos, text };
    this.#resources.push(stmt);
  }

  #assignment(
    ll: LogicalLine,
    target: string,
    rhsStart: number,
    rhsText: string,
    pos: SourcePos,
    text: string,
  ): void {
    if (target.includes("(")) {
      this.#fail("SCRIPT_SYNTAX", pos, `indexed assignment '${target}' before the mission`, {
        hint: "set array elements in the mission sequence, after BeginMissionSequence",
      });
    }
    const value = this.#value(ll, rhsStart, rhsText);
    const stmt: AssignmentStatement = {
      kind: "assignment",
      target,
      path: target.split("."),
      value,
      pos,
      text,
    };
    this.#resources.push(stmt);
  }

  #command(
    ll: LogicalLine,
    start: number,
    body: string,
    name: string,
    pos: SourcePos,
    text: string,
  ): void {
    this.#inMission = true;
    let off = name.length;
    while (off < body.length && /\s/.test(body[off])) off++;
    let label: string | undefined;
    if (body[off] === "'") {
      const close = body.indexOf("'", off + 1);
      if (close < 0) {
        this.#fail("SCRIPT_SYNTAX", this.#pos(ll, start + off), "unterminated command label", {
          hint: "close the label with a single quote",
        });
      }
      label = body.slice(off + 1, close);
      off = close + 1;
      while (off < body.length && /\s/.test(body[off])) off++;
    }
    const args = body.slice(off).trim();
    const argsPos = this.#pos(ll, start + off);

    if (BLOCK_CLOSERS.has(name) || name === "Else") {
      this.#closeOrElse(name, pos, args, argsPos);
      return;
    }
    const cmd: MutableCommand = { kind: "command", name, args, argsPos, pos, text };
    if (label !== undefined) cmd.label = label;
    this.#push(cmd);
    if (name in BLOCK_ENDS) {
      cmd.body = [];
      this.#stack.push({ cmd, list: cmd.body });
    }
  }

  #closeOrElse(name: string, pos: SourcePos, args: string, argsPos: SourcePos): void {
    const top = this.#stack[this.#stack.length - 1];
    if (name === "Else") {
      if (!top || top.cmd.name !== "If" || top.cmd.elseBody) {
        this.#fail("SCRIPT_SYNTAX", pos, "'Else' without a matching 'If'", {
          hint: "Else must sit inside an If ... EndIf block, once",
        });
      }
      top.cmd.elseBody = [];
      top.list = top.cmd.elseBody;
      return;
    }
    if (!top) {
      this.#fail("SCRIPT_SYNTAX", pos, `'${name}' without an open block`, {
        hint: `remove it, or open the block it closes`,
      });
    }
    const expected = BLOCK_ENDS[top.cmd.name];
    if (expected !== name) {
      this.#fail(
        "SCRIPT_SYNTAX",
        pos,
        `'${name}' closes '${top.cmd.name}' opened at line ${top.cmd.pos.line}`,
        { hint: `write '${expected}' here, or close the inner block first` },
      );
    }
    if (args !== "" && !/^['A-Za-z0-9_ ]*$/.test(args)) {
      this.#fail("SCRIPT_SYNTAX", argsPos, `unexpected text after '${name}'`);
    }
    this.#stack.pop();
  }

  #push(stmt: MissionStatement): void {
    this.#inMission = true;
    const top = this.#stack[this.#stack.length - 1];
    (top ? top.list : this.#mission).push(stmt);
  }

  // ---- values ------------------------------------------------------------------------------

  #value(ll: LogicalLine, start: number, raw: string): ScriptValue {
    const lead = leading(raw);
    const text = raw.trim();
    const off = start + lead;
    const pos = this.#pos(ll, off);
    if (text === "") {
      this.#fail("SCRIPT_SYNTAX", pos, "expected a value after '='", {
        hint: "write a number, a quoted string, a word, {a, b} or [1 2 3]",
      });
    }
    const first = text[0];
    if (first === "'") {
      const close = text.indexOf("'", 1);
      if (close < 0) {
        this.#fail("SCRIPT_SYNTAX", pos, "unterminated string", {
          hint: "close the string with a single quote on the same line",
        });
      }
      this.#expectEnd(ll, off, text, close + 1);
      return { kind: "string", value: text.slice(1, close), pos };
    }
    if (first === "{") {
      const close = matching(text, 0, "{", "}");
      if (close < 0) {
        this.#fail("SCRIPT_SYNTAX", pos, "unterminated list: expected '}'", {
          hint: "close the list, e.g. {Earth, Luna}",
        });
      }
      this.#expectEnd(ll, off, text, close + 1);
      const inner = text.slice(1, close);
      if (inner.trim() === "") return { kind: "list", items: [], pos };
      const items: ScriptValue[] = [];
      let itemStart = 1;
      for (const part of splitTop(inner, ",")) {
        const itemOff = off + itemStart + leading(part);
        if (part.trim() === "") {
          this.#fail("SCRIPT_SYNTAX", this.#pos(ll, itemOff), "empty item in list", {
            hint: "remove the extra comma",
          });
        }
        items.push(this.#scalar(ll, itemOff, part.trim()));
        itemStart += part.length + 1;
      }
      return { kind: "list", items, pos };
    }
    if (first === "[") {
      const close = matching(text, 0, "[", "]");
      if (close < 0) {
        this.#fail("SCRIPT_SYNTAX", pos, "unterminated array: expected ']'", {
          hint: "close the array, e.g. [1 2 3]",
        });
      }
      this.#expectEnd(ll, off, text, close + 1);
      const rows: ScriptValue[][] = [];
      let rowStart = 1;
      for (const rowText of text.slice(1, close).split(";")) {
        const row: ScriptValue[] = [];
        const re = /[^\s,]+/g;
        for (let m = re.exec(rowText); m; m = re.exec(rowText)) {
          row.push(this.#scalar(ll, off + rowStart + m.index, m[0]));
        }
        rows.push(row);
        rowStart += rowText.length + 1;
      }
      return { kind: "array", rows, pos };
    }
    return this.#scalar(ll, off, text);
  }

  #scalar(ll: LogicalLine, off: number, text: string): ScriptValue {
    const pos = this.#pos(ll, off);
    if (NUMBER_RE.test(text)) return { kind: "number", value: Number(text), text, pos };
    if (text.startsWith("'")) {
      if (text.length < 2 || !text.endsWith("'") || text.slice(1, -1).includes("'")) {
        this.#fail("SCRIPT_SYNTAX", pos, `malformed string ${text}`, {
          hint: "strings are single-quoted and cannot contain a quote",
        });
      }
      return { kind: "string", value: text.slice(1, -1), pos };
    }
    const bad = text.search(/['{}[\]"]/);
    if (bad >= 0) {
      this.#fail("SCRIPT_SYNTAX", this.#pos(ll, off + bad), `unexpected '${text[bad]}' in value`, {
        hint: "check for a missing or extra quote, brace or bracket",
      });
    }
    return { kind: "word", value: text.replace(/\s+/g, " "), pos };
  }

  #expectEnd(ll: LogicalLine, off: number, text: string, from: number): void {
    const rest = text.slice(from);
    if (rest.trim() !== "") {
      const at = off + from + leading(rest);
      this.#fail("SCRIPT_SYNTAX", this.#pos(ll, at), "unexpected text after the value", {
        hint: "one value per assignment; start a new line for the next statement",
      });
    }
  }
}

type MutableCommand =
  & {
    -readonly [K in keyof CommandStatement]: CommandStatement[K];
  }
  & { body?: MissionStatement[]; elseBody?: MissionStatement[] };

/** Remove a `%` comment that is not inside single quotes. */
function stripComment(line: string): string {
  let quote = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'") quote = !quote;
    else if (ch === "%" && !quote) return line.slice(0, i);
  }
  return line;
}

function leading(s: string): number {
  return s.length - s.trimStart().length;
}

/** Index of the bracket closing the one at `open`, or -1; quotes are skipped. */
function matching(text: string, open: number, o: string, c: string): number {
  let depth = 0;
  let quote = false;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quote = !quote;
    else if (quote) continue;
    else if (ch === o) depth++;
    else if (ch === c && --depth === 0) return i;
  }
  return -1;
}

/** Split on `sep` outside quotes and brackets. */
function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quote = !quote;
    else if (quote) continue;
    else if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
    else if (ch === sep && depth === 0) {
      parts.push(text.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(text.slice(last));
  return parts;
}
