/**
 * The one error class of the table layer, with a literal code per condition callers handle.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";

/**
 * Codes of {@linkcode TableError}:
 * - `TABLE_NAME_REQUIRED`: several outputs of the kind exist and no name was given.
 * - `TABLE_UNKNOWN_NAME`: the name asked for is not an output of any ok run.
 * - `TABLE_DUPLICATE_OUTPUT`: two outputs of one run map to the same Parquet file.
 * - `TABLE_EPOCH`: an epoch cell cannot be converted to a timestamp.
 * - `TABLE_PARQUET`: a Parquet file cannot be read or written.
 */
export type TableErrorCode =
  | "TABLE_NAME_REQUIRED"
  | "TABLE_UNKNOWN_NAME"
  | "TABLE_DUPLICATE_OUTPUT"
  | "TABLE_EPOCH"
  | "TABLE_PARQUET";

/**
 * An error of the table layer (per-run Parquet files, reading, stitching).
 *
 * @example Usage
 * ```ts
 * import { TableError } from "./table_error.ts";
 * import assert from "node:assert/strict";
 *
 * const e = new TableError("TABLE_UNKNOWN_NAME", "No report named 'X': known names are RF");
 * assert.equal(e.code, "TABLE_UNKNOWN_NAME");
 * assert.equal(e.name, "TableError");
 * ```
 */
export class TableError extends GmatSweepError {
  declare readonly code: TableErrorCode;

  /**
   * @param code What went wrong, see {@linkcode TableErrorCode}.
   * @param message What is at fault and how to fix it.
   * @param options Standard error options (`cause`).
   */
  constructor(code: TableErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}
