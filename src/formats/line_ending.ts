/**
 * Line-ending helpers shared by the GMAT output parsers and writers.
 *
 * GMAT ends lines with `std::endl`, so files written on Windows use CRLF and files written on
 * Linux or macOS use LF. Parsers accept both; writers take the line ending as an option, and
 * {@linkcode detectLineEnding} lets a re-render keep the ending of the file it came from.
 *
 * @module
 */

/** The two line endings GMAT output files use. */
export type LineEnding = "\n" | "\r\n";

/**
 * Returns the line ending of the first line break in `text`: `"\r\n"` or `"\n"` (also for text
 * without any line break).
 *
 * @param text File contents.
 * @returns The line ending to write back.
 *
 * @example Usage
 * ```ts
 * import { detectLineEnding } from "./line_ending.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(detectLineEnding("a  b\r\n1  2\r\n"), "\r\n");
 * assert.equal(detectLineEnding("a  b\n"), "\n");
 * ```
 */
export function detectLineEnding(text: string): LineEnding {
  const lf = text.indexOf("\n");
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? "\r\n" : "\n";
}

/**
 * Splits file contents into lines like Python's universal newlines: a leading UTF-8 byte order
 * mark is dropped, and `\r\n`, `\n` and a lone `\r` all end a line. A final line break does not
 * produce an extra empty line.
 *
 * @param text File contents.
 * @returns The lines without their endings; index `i` is line `i + 1`.
 */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
