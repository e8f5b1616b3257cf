/**
 * The GMAT script parser: text in, {@link Script} tree out, reading the whole script language as
 * GMAT R2026a's interpreter does.
 *
 * Statements: `Create Type a b c` (anywhere, as GMAT allows `Create` in the mission sequence),
 * `[GMAT] Target = value` (field sets, object copies, variable and array element sets),
 * `[a, b] = f(x)` and `Obj.Method(x)` calls, `#Include 'file'` (read relative to the including
 * file when the caller supplies a reader; cycles refused), `BeginMissionSequence`, a `.gmf`
 * function header, and mission commands with a label after the keyword (or after `GMAT` for an
 * assignment) and blocks (`If/Else/EndIf`, `While`, `For`, `Target`, `Optimize`, `BeginScript`).
 * Like GMAT it rejects non-ASCII bytes and a second statement after `;` on one line.
 *
 * The parser decides syntax only; what a type, field or command means is the business of the
 * stage that uses the tree. Every error it throws is a {@link ScriptError} naming
 * `file:line:column` with an excerpt, the construct and a fix.
 *
 * @module
 */

import { dirname, isAbsolute, resolve } from "node:path";
import type {
  AssignTarget,
  CallStatement,
  CommandStatement,
  CreatedName,
  CreateStatement,
  Expr,
  FunctionHeader,
  IncludeStatement,
  MissionStatement,
  ResourceStatement,
  Script,
  ScriptValue,
} from "./ast.ts";
import { assignTarget, COMMAND_PARSERS } from "./commands.ts";
import { ScriptError, type ScriptErrorCode, type SourcePos } from "./errors.ts";
import { asStorageError, StorageError } from "../errors/storage_error.ts";
import { parseExpression } from "./expression.ts";
import { isTransposeQuote, type LogicalLine, logicalLines, physicalLines } from "./source.ts";
import { syntax, TokenCursor, tokenize } from "./tokens.ts";
import { parseValue } from "./values.ts";

/** Commands that open a block, mapped to the keyword that closes it. */
export const BLOCK_ENDS: Readonly<Record<string, string>> = {
  If: "EndIf",
  For: "EndFor",
  While: "EndWhile",
  Target: "EndTarget",
  Optimize: "EndOptimize",
  BeginScript: "EndScript",
};
const BLOCK_CLOSERS = new Set(Object.values(BLOCK_ENDS));

/** Deepest `#Include` chain followed. */
export const MAX_INCLUDE_DEPTH = 16;

const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_]*/;
/** An assignment target in trimmed text; written so it never backtracks over long blanks. */
const TARGET_RE = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*(?:\s*\([^]*\))?$/;

/** Reads an included file: its label for positions and its text. */
export type IncludeReader = (name: string, fromFile: string) => { file: string; text: string };

/** Options for {@link parseScript}. */
export interface ParseOptions {
  /** The path or label used in error messages. Default `<script>`. */
  readonly file?: string;
  /**
   * How to read `#Include` files. Without it includes are recorded, not read. See
   * {@link fileIncludeReader} for GMAT's rule (relative to the including file).
   */
  readonly include?: IncludeReader;
}

/**
 * Parse GMAT script text into a {@link Script}.
 *
 * @param text The script text (a leading BOM and CRLF line ends are accepted).
 * @param options Where the text came from, and how to read includes.
 * @returns The syntax tree.
 * @throws {ScriptError} `SCRIPT_SYNTAX`, `SCRIPT_NON_ASCII`, `SCRIPT_MISSION`, or
 *   `SCRIPT_NOT_FOUND` for an include that cannot be read.
 *
 * @example Parse a one-spacecraft script
 * ```ts
 * import { parseScript } from "./parser.ts";
 * const script = parseScript("Create Spacecraft Sat\nSat.SMA = 7000\nBeginMissionSequence\n");
 * console.log(script.resources.length); // 2
 * ```
 */
export function parseScript(text: string, options: ParseOptions = {}): Script {
  return new Parser(options.file ?? "<script>", options.include).parse(text);
}

/**
 * Read a script file and everything it includes (relative to the including file, as GMAT
 * resolves `#Include`), then parse it.
 *
 * @param path The script path.
 * @returns The syntax tree, includes spliced in.
 * @throws {ScriptError} `SCRIPT_NOT_FOUND` when the file or an include cannot be read, or any
 *   parse error.
 */
export function parseScriptFile(path: string): Script {
  return parseScript(readText(path, undefined), { file: path, include: fileIncludeReader });
}

/** GMAT's include rule: a relative name is read from the including file's directory. */
export const fileIncludeReader: IncludeReader = (name, fromFile) => {
  const file = isAbsolute(name) ? name : resolve(dirname(resolve(fromFile)), name);
  return { file, text: readText(file, name) };
};

function readText(path: string, asWritten: string | undefined): string {
  try {
    return Deno.readTextFileSync(path);
  } catch (e) {
    const refused = asStorageError(e, path, "cannot read script", "", { reading: true });
    if (refused instanceof StorageError) throw refused;
    const why = e instanceof Error ? e.message : String(e);
    throw new ScriptError("SCRIPT_NOT_FOUND", {
      message: asWritten === undefined
        ? `cannot read script ${path}: ${why}`
        : `cannot read the included file '${asWritten}' (${path}): ${why}`,
      construct: asWritten === undefined ? undefined : "#Include",
      hint: asWritten === undefined
        ? "check the path; scripts are read as UTF-8 text"
        : "include paths are relative to the including script's directory",
    });
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableCommand = Mutable<CommandStatement> & {
  body?: MissionStatement[];
  elseBody?: MissionStatement[];
};

class Parser {
  readonly #file: string;
  readonly #reader: IncludeReader | undefined;
  readonly #resources: ResourceStatement[] = [];
  readonly #sources = new Map<string, readonly string[]>();
  readonly #includeStack: string[] = [];
  #beginMission: SourcePos | undefined;
  #functionHeader: FunctionHeader | undefined;
  #statements = 0;
  /** Open blocks: the command and the list its statements go to. */
  readonly #stack: { cmd: MutableCommand; list: MissionStatement[] }[] = [];
  readonly #mission: MissionStatement[] = [];
  #inMission = false;
  /** Physical lines of the file being read. */
  #lines: readonly string[] = [];

  constructor(file: string, reader: IncludeReader | undefined) {
    this.#file = file;
    this.#reader = reader;
  }

  parse(text: string): Script {
    const lines = physicalLines(text);
    this.#readFile(this.#file, lines);
    if (this.#stack.length > 0) {
      const open = this.#stack[this.#stack.length - 1].cmd;
      this.#lines = this.#sources.get(open.pos.file) ?? lines;
      this.#fail("SCRIPT_SYNTAX", open.pos, `'${open.name}' is never closed`, {
        construct: open.name,
        hint: `add '${BLOCK_ENDS[open.name]}' after the last statement of the block`,
      });
    }
    return {
      file: this.#file,
      lines,
      sources: this.#sources,
      resources: this.#resources,
      beginMission: this.#beginMission,
      ...(this.#functionHeader ? { functionHeader: this.#functionHeader } : {}),
      mission: this.#mission,
    };
  }

  #readFile(file: string, lines: readonly string[]): void {
    this.#sources.set(file, lines);
    const outer = this.#lines;
    this.#lines = lines;
    for (const ll of logicalLines(lines, file)) this.#statement(ll);
    this.#lines = outer;
  }

  #fail(
    code: ScriptErrorCode,
    pos: SourcePos,
    message: string,
    extra: { construct: string; hint: string | undefined },
  ): never {
    const line = this.#lines[pos.line - 1];
    throw new ScriptError(code, {
      message,
      pos,
      sourceLine: line !== undefined && line.length <= 400 ? line : undefined,
      ...extra,
    });
  }

  #cursor(ll: LogicalLine, from: number, to: number, construct?: string): TokenCursor {
    return new TokenCursor(ll, tokenize(ll, from, to, this.#lines), this.#lines, construct);
  }

  // ---- statements --------------------------------------------------------------------------

  #statement(ll: LogicalLine): void {
    const end = this.#statementEnd(ll);
    let start = ll.text.length - ll.text.trimStart().length;
    let body = ll.text.slice(start, end).trimEnd();
    if (body === "") return; // a bare `;`
    const fullText = body;
    const first = this.#statements++ === 0;

    if (body.startsWith("#")) {
      this.#include(ll, start, body);
      return;
    }
    let gmatKeyword = false;
    let label: string | undefined;
    const gm = /^GMAT(\s+|(?='))/.exec(body);
    if (gm) {
      gmatKeyword = true;
      start += gm[0].length;
      body = body.slice(gm[0].length);
    }
    {
      // A label may also stand first: `'Save RAAN' RAAN = Sat.RAAN`, `'Call f' MyFunction`.
      if (body.startsWith("'")) {
        const close = body.indexOf("'", 1);
        if (close < 0) {
          this.#fail("SCRIPT_SYNTAX", ll.pos(start), "unterminated label", {
            construct: "label",
            hint: "close the label with a single quote",
          });
        }
        label = body.slice(1, close);
        const rest = body.slice(close + 1);
        const skip = close + 1 + (rest.length - rest.trimStart().length);
        start += skip;
        body = body.slice(skip);
      }
    }
    const pos = ll.pos(start);
    const word = IDENT_RE.exec(body)?.[0] ?? "";

    if (word === "function" && /^function[\s[]/.test(body)) {
      this.#functionHeaderStatement(ll, start, end, pos, first);
      return;
    }
    if (word === "Create" && /^Create(\s|$)/.test(body)) {
      if (gmatKeyword) {
        this.#fail("SCRIPT_SYNTAX", pos, "'GMAT' cannot precede 'Create'", {
          construct: "Create",
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
    const eq = topLevelEquals(ll.text, start, end);
    if (eq >= 0) {
      const lhs = ll.text.slice(start, eq).trim();
      if (lhs.startsWith("[")) {
        this.#callWithOutputs(ll, start, eq, end, pos, fullText, label);
        return;
      }
      if (TARGET_RE.test(lhs)) {
        this.#assignment(ll, start, eq, end, pos, fullText, label);
        return;
      }
    }
    if (label !== undefined && !gmatKeyword && /^[A-Za-z_][A-Za-z0-9_]*\s*$/.test(body)) {
      // `'label' FunctionName`: a labelled call of a GMAT function without arguments.
      this.#push({ kind: "call", name: word, outputs: [], args: [], label, pos, text: fullText });
      return;
    }
    if (label !== undefined || gmatKeyword) {
      this.#fail("SCRIPT_SYNTAX", pos, "expected an assignment 'Target = value' after 'GMAT'", {
        construct: "GMAT",
        hint: "write an assignment such as 'GMAT Sat.SMA = 7000;'",
      });
    }
    if (word === "") {
      this.#fail(
        "SCRIPT_SYNTAX",
        pos,
        `unexpected '${body[0]}': expected a Create statement, an assignment or a command`,
        {
          construct: "statement",
          hint: "statements start with Create, a name (Resource.Field = value) or a command",
        },
      );
    }
    // `f(x)` or `Obj.Method(a, b)` alone: a call (a method call in the resource section).
    const dotted = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*/.exec(body)![0];
    if (body[dotted.length] === "(" && !(word in COMMAND_PARSERS) && !(word in BLOCK_ENDS)) {
      const cur = this.#cursor(ll, start, end);
      const name = cur.take();
      const args = callArgs(cur);
      cur.expectEnd();
      const call: CallStatement = {
        kind: "call",
        name: name.text,
        outputs: [],
        args,
        pos,
        text: fullText,
      };
      if (this.#inMission) this.#push(call);
      else this.#resources.push(call);
      return;
    }
    this.#command(ll, start, end, body, word, pos, fullText);
  }

  /** Offset where the statement ends (before `;`), rejecting a second statement on the line. */
  #statementEnd(ll: LogicalLine): number {
    const t = ll.text;
    let quote = false;
    let depth = 0;
    for (let i = 0; i < t.length; i++) {
      const ch = t[i];
      if (ch === "'") {
        if (quote) quote = false;
        else if (!isTransposeQuote(t, i)) quote = true;
      } else if (quote) continue;
      else if (ch === "[" || ch === "{" || ch === "(") depth++;
      else if (ch === "]" || ch === "}" || ch === ")") depth = Math.max(0, depth - 1);
      else if (ch === ";" && depth === 0) {
        const rest = t.slice(i + 1);
        const extra = rest.replace(/[;\s]/g, "");
        if (extra !== "") {
          const at = i + 1 + rest.search(/[^;\s]/);
          throw syntax(
            ll,
            at,
            "a second statement follows ';'",
            "put each statement on its own line (GMAT R2026a rejects two on one line)",
            this.#lines,
            "statement separator",
          );
        }
        return i;
      }
    }
    return t.length;
  }

  #include(ll: LogicalLine, start: number, body: string): void {
    const pos = ll.pos(start);
    // `body` ends before any `;` and is trimmed, so the name is all that follows.
    const m = /^#Include\s+'([^']*)'$/.exec(body) ?? /^#Include\s+"([^"]*)"$/.exec(body);
    if (!m) {
      this.#fail("SCRIPT_SYNTAX", pos, "expected #Include 'file'", {
        construct: "#Include",
        hint: "quote the included file name, e.g. #Include 'common.script'",
      });
    }
    const stmt: Mutable<IncludeStatement> = { kind: "include", file: m[1], pos, text: body };
    if (this.#reader) {
      if (this.#includeStack.length >= MAX_INCLUDE_DEPTH) {
        this.#fail("SCRIPT_SYNTAX", pos, `#Include nested more than ${MAX_INCLUDE_DEPTH} deep`, {
          construct: "#Include",
          hint: "flatten the include chain",
        });
      }
      let read: { file: string; text: string };
      try {
        read = this.#reader(m[1], ll.file);
      } catch (e) {
        if (e instanceof ScriptError && e.pos === undefined) {
          this.#fail(e.code, pos, e.detail, { construct: "#Include", hint: e.hint });
        }
        throw e;
      }
      const { file, text } = read;
      const chain = [this.#file, ...this.#includeStack];
      if (chain.some((f) => resolve(f) === resolve(file))) {
        this.#fail(
          "SCRIPT_SYNTAX",
          pos,
          `#Include '${m[1]}' includes itself (cycle: ${[...chain, file].join(" -> ")})`,
          {
            construct: "#Include",
            hint: "remove the #Include that closes the cycle",
          },
        );
      }
      stmt.resolved = file;
      this.#place(stmt);
      this.#includeStack.push(file);
      this.#readFile(file, physicalLines(text));
      this.#includeStack.pop();
      return;
    }
    this.#place(stmt);
  }

  /** Put a statement in the section it belongs to. */
  #place(stmt: ResourceStatement & MissionStatement): void {
    if (this.#inMission) this.#push(stmt);
    else this.#resources.push(stmt);
  }

  #begin(pos: SourcePos): void {
    if (this.#beginMission) {
      this.#fail("SCRIPT_MISSION", pos, "BeginMissionSequence appears twice", {
        construct: "BeginMissionSequence",
        hint: `remove this one; the mission sequence began at line ${this.#beginMission.line}`,
      });
    }
    if (this.#inMission) {
      this.#fail("SCRIPT_MISSION", pos, "BeginMissionSequence after mission commands", {
        construct: "BeginMissionSequence",
        hint: "move BeginMissionSequence above the first command",
      });
    }
    this.#beginMission = pos;
    this.#inMission = true;
  }

  #functionHeaderStatement(
    ll: LogicalLine,
    start: number,
    end: number,
    pos: SourcePos,
    first: boolean,
  ): void {
    if (!first) {
      this.#fail("SCRIPT_SYNTAX", pos, "a function header must be the first statement", {
        construct: "function",
        hint: "move 'function [out] = Name(in)' to the top of the .gmf file",
      });
    }
    const cur = this.#cursor(ll, start + "function".length, end);
    const outputs: string[] = [];
    if (cur.eatOp("[")) {
      while (!cur.isOp("]")) {
        outputs.push(cur.expectName("an output name").text);
        cur.eatOp(",");
      }
      cur.take();
      cur.expectOp("=", "'='", "write 'function [out1, out2] = Name(in1, in2)'");
    } else if (cur.peek.kind === "name" && cur.next.text === "=") {
      outputs.push(cur.take().text);
      cur.take();
    }
    const name = cur.expectName("the function name");
    const inputs: string[] = [];
    if (cur.eatOp("(")) {
      while (!cur.isOp(")")) {
        inputs.push(cur.expectName("an input name").text);
        if (!cur.eatOp(",") && !cur.isOp(")")) cur.fail("expected ',' or ')'");
      }
      cur.take();
    }
    cur.expectEnd();
    this.#functionHeader = { name: name.text, outputs, inputs, pos };
  }

  #create(ll: LogicalLine, start: number, body: string, pos: SourcePos, text: string): void {
    let off = "Create".length;
    const skip = () => {
      while (off < body.length && /[\s,]/.test(body[off])) off++;
    };
    skip();
    const typeMatch = IDENT_RE.exec(body.slice(off));
    if (!typeMatch) {
      this.#fail("SCRIPT_SYNTAX", ll.pos(start + off), "expected a resource type", {
        construct: "Create",
        hint: "write e.g. 'Create Spacecraft Sat'",
      });
    }
    const type = typeMatch[0];
    const typePos = ll.pos(start + off);
    off += type.length;
    const names: CreatedName[] = [];
    for (;;) {
      skip();
      if (off >= body.length) break;
      const npos = ll.pos(start + off);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(\s*\[\s*(\d+)\s*(?:,\s*(\d+)\s*)?\])?/.exec(
        body.slice(off),
      );
      if (!m || (off + m[0].length < body.length && !/[\s,]/.test(body[off + m[0].length]))) {
        this.#fail("SCRIPT_SYNTAX", npos, `invalid resource name in Create ${type}`, {
          construct: "Create",
          hint: "names start with a letter and contain letters, digits and '_'",
        });
      }
      const dims = m[2] ? [Number(m[3]), ...(m[4] ? [Number(m[4])] : [])] : undefined;
      names.push(dims ? { name: m[1], dims, pos: npos } : { name: m[1], pos: npos });
      off += m[0].length;
    }
    if (names.length === 0) {
      this.#fail("SCRIPT_SYNTAX", typePos, `Create ${type} names no resource`, {
        construct: "Create",
        hint: `add a name, e.g. 'Create ${type} My${type}'`,
      });
    }
    const stmt: CreateStatement = { kind: "create", type, typePos, names, pos, text };
    this.#place(stmt);
  }

  #target(ll: LogicalLine, start: number, eq: number): AssignTarget {
    const cur = this.#cursor(ll, start, eq);
    const target = assignTarget(cur, "an assignment target");
    cur.expectEnd("'='");
    return target;
  }

  #assignment(
    ll: LogicalLine,
    start: number,
    eq: number,
    end: number,
    pos: SourcePos,
    text: string,
    label: string | undefined,
  ): void {
    const target = this.#target(ll, start, eq);
    if (!this.#inMission) {
      const value = parseValue(ll, eq + 1, end, this.#lines);
      this.#resources.push({
        kind: "assignment",
        target: target.name,
        path: target.path,
        ...(target.index ? { index: target.index } : {}),
        value,
        pos,
        text,
      });
      return;
    }
    const rhsText = ll.text.slice(eq + 1, end);
    const rhsStart = eq + 1 + (rhsText.length - rhsText.trimStart().length);
    this.#push({
      kind: "missionAssignment",
      lhs: ll.text.slice(start, eq).trim(),
      target,
      rhs: rhsText.trim(),
      value: this.#missionValue(ll, rhsStart, end),
      rhsPos: ll.pos(rhsStart),
      ...(label !== undefined ? { label } : {}),
      pos,
      text,
    });
  }

  /** A mission right-hand side: an expression, else a literal GMAT reads (a list, a date). */
  #missionValue(ll: LogicalLine, from: number, end: number): ScriptValue {
    const text = ll.text.slice(from, end).trim();
    if (text.startsWith("{") || /^''[^']+''$/.test(text)) {
      return parseValue(ll, from, end, this.#lines);
    }
    try {
      const cur = this.#cursor(ll, from, end);
      const expr = parseExpression(cur);
      cur.expectEnd("the end of the expression");
      return { kind: "expr", expr, text, pos: ll.pos(from) };
    } catch (e) {
      // Unquoted multi-word text (a date, `Relative Position`) is a literal in GMAT.
      if (e instanceof ScriptError && /^[A-Za-z0-9_ .:+-]+$/.test(text) && /\s/.test(text)) {
        return parseValue(ll, from, end, this.#lines);
      }
      throw e;
    }
  }

  #callWithOutputs(
    ll: LogicalLine,
    start: number,
    eq: number,
    end: number,
    pos: SourcePos,
    text: string,
    label: string | undefined,
  ): void {
    const out = this.#cursor(ll, start, eq);
    out.expectOp("[", "'['");
    const outputs: AssignTarget[] = [];
    while (!out.isOp("]")) {
      outputs.push(assignTarget(out, "an output name"));
      if (!out.eatOp(",") && !out.isOp("]")) out.fail("expected ',' or ']'");
    }
    out.take();
    out.expectEnd("'='");
    const cur = this.#cursor(ll, eq + 1, end);
    const fn = cur.expectName("a function name after '='", "write e.g. '[a, b] = MyFunction(x)'");
    const args = cur.isOp("(") ? callArgs(cur) : [];
    cur.expectEnd();
    this.#inMission = true;
    this.#push({
      kind: "call",
      name: fn.text,
      outputs,
      args,
      ...(label !== undefined ? { label } : {}),
      pos,
      text,
    });
  }

  #command(
    ll: LogicalLine,
    start: number,
    end: number,
    body: string,
    name: string,
    pos: SourcePos,
    text: string,
  ): void {
    let off = name.length;
    while (off < body.length && /\s/.test(body[off])) off++;
    let label: string | undefined;
    if (body[off] === "'") {
      const close = body.indexOf("'", off + 1);
      if (close < 0) {
        this.#fail("SCRIPT_SYNTAX", ll.pos(start + off), "unterminated command label", {
          construct: name,
          hint: "close the label with a single quote",
        });
      }
      label = body.slice(off + 1, close);
      off = close + 1;
      while (off < body.length && /\s/.test(body[off])) off++;
    }
    const args = body.slice(off).trim();
    const argsPos = ll.pos(start + off);

    if (BLOCK_CLOSERS.has(name) || name === "Else") {
      this.#closeOrElse(name, pos, args, argsPos);
      return;
    }
    const cmd: MutableCommand = { kind: "command", name, args, argsPos, pos, text };
    if (label !== undefined) cmd.label = label;
    const parser = COMMAND_PARSERS[name];
    if (parser) {
      try {
        cmd.detail = parser(this.#cursor(ll, start + off, end, name), name);
      } catch (e) {
        if (e instanceof ScriptError && (e.construct === name || e.construct === "statement")) {
          throw new ScriptError(e.code, {
            message: `${name}: ${e.detail}`,
            pos: e.pos,
            sourceLine: e.pos ? this.#sourceLine(e.pos) : undefined,
            construct: name,
            hint: e.hint,
          });
        }
        throw e;
      }
    }
    this.#inMission = true;
    this.#push(cmd);
    if (name in BLOCK_ENDS) {
      cmd.body = [];
      this.#stack.push({ cmd, list: cmd.body });
    }
  }

  #sourceLine(pos: SourcePos): string | undefined {
    const line = (this.#sources.get(pos.file) ?? this.#lines)[pos.line - 1];
    return line !== undefined && line.length <= 400 ? line : undefined;
  }

  #closeOrElse(name: string, pos: SourcePos, args: string, argsPos: SourcePos): void {
    const top = this.#stack[this.#stack.length - 1];
    if (name === "Else") {
      if (!top || top.cmd.name !== "If" || top.cmd.elseBody) {
        this.#fail("SCRIPT_SYNTAX", pos, "'Else' without a matching 'If'", {
          construct: "Else",
          hint: "Else must sit inside an If ... EndIf block, once",
        });
      }
      top.cmd.elseBody = [];
      top.list = top.cmd.elseBody;
      return;
    }
    if (!top) {
      this.#fail("SCRIPT_SYNTAX", pos, `'${name}' without an open block`, {
        construct: name,
        hint: `remove it, or open the block it closes`,
      });
    }
    const expected = BLOCK_ENDS[top.cmd.name];
    if (expected !== name) {
      this.#fail(
        "SCRIPT_SYNTAX",
        pos,
        `'${name}' closes '${top.cmd.name}' opened at line ${top.cmd.pos.line}`,
        { construct: name, hint: `write '${expected}' here, or close the inner block first` },
      );
    }
    if (args !== "" && !/^['A-Za-z0-9_ ;]*$/.test(args)) {
      this.#fail("SCRIPT_SYNTAX", argsPos, `unexpected text after '${name}'`, {
        construct: name,
        hint: `'${name}' takes nothing but an optional label`,
      });
    }
    top.cmd.endPos = pos;
    this.#stack.pop();
  }

  #push(stmt: MissionStatement): void {
    this.#inMission = true;
    const top = this.#stack[this.#stack.length - 1];
    (top ? top.list : this.#mission).push(stmt);
  }
}

/**
 * `(a, b, ...)` of a call. An argument that is no expression (an unquoted file name such as
 * `../data/file.txt`, which GMAT passes on as text) is kept as a string of its text.
 */
function callArgs(cur: TokenCursor): Expr[] {
  cur.expectOp("(", "'('");
  const args: Expr[] = [];
  while (!cur.isOp(")")) {
    const mark = cur.mark;
    const first = cur.peek;
    try {
      args.push(parseExpression(cur));
      if (!cur.isOp(",") && !cur.isOp(")")) throw new Error("not a whole argument");
    } catch (e) {
      if (e instanceof ScriptError && e.construct === "expression nesting") throw e;
      cur.reset(mark);
      let depth = 0;
      while (!cur.atEnd && !(depth === 0 && (cur.isOp(",") || cur.isOp(")")))) {
        const t = cur.take();
        if (t.kind === "op" && (t.text === "(" || t.text === "[" || t.text === "{")) depth++;
        if (t.kind === "op" && (t.text === ")" || t.text === "]" || t.text === "}")) depth--;
      }
      const raw = cur.ll.text.slice(first.at, cur.peek.at).trim();
      args.push({ kind: "string", value: raw, pos: cur.pos(first) });
    }
    if (!cur.eatOp(",") && !cur.isOp(")")) {
      cur.fail("expected ',' or ')'", "separate arguments with commas");
    }
  }
  cur.take();
  return args;
}

/**
 * Offset of the first `=` in `text[from, to)` outside quotes and brackets that is not part of
 * `==`, `~=`, `<=` or `>=`; -1 when there is none.
 */
function topLevelEquals(text: string, from: number, to: number): number {
  let depth = 0;
  let quote = false;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === "'") {
      if (quote) quote = false;
      else if (!isTransposeQuote(text, i)) quote = true;
    } else if (quote) continue;
    else if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth = Math.max(0, depth - 1);
    else if (ch === "=" && depth === 0) {
      if (text[i + 1] === "=" || /[=~<>]/.test(text[i - 1] ?? "")) continue;
      return i;
    }
  }
  return -1;
}
