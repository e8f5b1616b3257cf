/**
 * The error the GMAT output parsers throw for text that does not follow the expected layout.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";

/**
 * A GMAT output file (ReportFile, CCSDS-OEM, STK `.e`) could not be parsed.
 *
 * The message starts with `path:line:` (1-based line) when a line is at fault, then says what was
 * expected, e.g. `runs/0/RF.txt:12: expected 7 columns, got 6`.
 *
 * @example Usage
 * ```ts
 * import { OutputParseError } from "./output_parse_error.ts";
 * import assert from "node:assert/strict";
 *
 * const error = new OutputParseError("RF.txt", 12, "expected 7 columns, got 6");
 * assert.equal(error.code, "OUTPUT_PARSE");
 * assert.equal(error.message, "RF.txt:12: expected 7 columns, got 6");
 * ```
 */
export class OutputParseError extends GmatSweepError {
  /** Path of the file as the caller named it. */
  readonly path: string;
  /** 1-based line number at fault, or `undefined` when the file as a whole is at fault. */
  readonly line: number | undefined;
  /** What was expected, without the `path:line:` prefix. */
  readonly detail: string;

  /**
   * Creates a parse error located at `path:line`.
   *
   * @param path Path of the file, used in the message.
   * @param line 1-based line number, or `undefined` for the whole file.
   * @param detail What was expected and what was found.
   * @param options Standard error options (`cause`).
   */
  constructor(path: string, line: number | undefined, detail: string, options?: ErrorOptions) {
    super("OUTPUT_PARSE", `${path}${line === undefined ? "" : `:${line}`}: ${detail}`, options);
    this.path = path;
    this.line = line;
    this.detail = detail;
  }
}
