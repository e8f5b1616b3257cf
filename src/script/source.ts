/**
 * Script text as GMAT reads it before any grammar: physical lines, `%` comments (outside
 * quotes), `...` continuation, the printable-ASCII rule, and the map from an offset in a joined
 * logical line back to `file:line:column`.
 *
 * @module
 */

import { ScriptError, type SourcePos } from "./errors.ts";

/** Longest logical line read (a bound for hostile input; GMAT's own lines are far shorter). */
export const MAX_LOGICAL_LINE = 1_000_000;

/** A statement's text: physical lines joined at `...`, comment removed, with a position map. */
export class LogicalLine {
  constructor(
    /** The file label for positions. */
    readonly file: string,
    /** The joined text. */
    readonly text: string,
    /** Segments of `text` that came from one physical line each. */
    readonly segs: readonly { offset: number; line: number; col: number }[],
  ) {}

  /** The source position of a character offset in {@link text}. */
  pos(offset: number): SourcePos {
    let lo = 0;
    let hi = this.segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segs[mid].offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    const seg = this.segs[lo];
    return { file: this.file, line: seg.line, column: offset - seg.offset + seg.col };
  }
}

/** Split text into physical lines (BOM dropped; LF, CRLF and CR accepted). */
export function physicalLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/);
}

/**
 * The logical lines of a file: comments removed, continuations joined, blank lines skipped.
 *
 * @param lines The physical lines.
 * @param file The file label for positions and errors.
 * @throws {ScriptError} `SCRIPT_NON_ASCII` for a byte outside printable ASCII (tab allowed), as
 *   GMAT rejects them even inside comments; `SCRIPT_SYNTAX` for an over-long logical line.
 */
export function* logicalLines(lines: readonly string[], file: string): Generator<LogicalLine> {
  let text = "";
  let segs: { offset: number; line: number; col: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    checkAscii(raw, file, i + 1);
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
    } else {
      text += code;
    }
    if (text.length > MAX_LOGICAL_LINE) {
      throw new ScriptError("SCRIPT_SYNTAX", {
        message: `a statement longer than ${MAX_LOGICAL_LINE} characters`,
        pos: { file, line: segs[0].line, column: 1 },
        construct: "line length",
        hint: "split the statement; GMAT scripts keep statements on a few lines",
      });
    }
    if (trimmed.endsWith("...")) continue;
    if (text.trim() !== "") yield new LogicalLine(file, text, segs);
    text = "";
    segs = [];
  }
  if (text.trim() !== "") yield new LogicalLine(file, text, segs);
}

function checkAscii(raw: string, file: string, line: number): void {
  for (let c = 0; c < raw.length; c++) {
    const code = raw.charCodeAt(c);
    if (code > 0x7e || (code < 0x20 && code !== 9)) {
      throw new ScriptError("SCRIPT_NON_ASCII", {
        message: `character ${
          JSON.stringify(raw[c])
        } is outside the printable ASCII set GMAT accepts`,
        pos: { file, line, column: c + 1 },
        sourceLine: raw.length > 400 ? undefined : raw,
        construct: "character set",
        hint: "replace it with ASCII text (GMAT rejects such bytes even inside comments)",
      });
    }
  }
}

/**
 * Whether the quote at `text[i]` (outside a string) is MATLAB's transpose operator rather than
 * the start of a string: it follows a name, a number, `)`, `]` or another transpose directly.
 */
export function isTransposeQuote(text: string, i: number): boolean {
  return i > 0 && /[A-Za-z0-9_)\]'.]/.test(text[i - 1]);
}

/** Remove a `%` comment that is not inside single quotes. */
export function stripComment(line: string): string {
  let quote = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'") {
      if (quote) quote = false;
      else if (!isTransposeQuote(line, i)) quote = true;
    } else if (ch === "%" && !quote) return line.slice(0, i);
  }
  return line;
}
