/**
 * The one error class of the analysis helpers (summaries, diffs, convergence, Sobol indices).
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";

/**
 * Codes of {@linkcode AnalysisError}:
 * - `ANALYSIS_TABLE`: the table lacks a column the helper needs (`run_id`, `time`) or has it with
 *   the wrong type.
 * - `ANALYSIS_COLUMN`: a requested column is missing or not numeric.
 * - `ANALYSIS_OPTION`: an option is out of range (a quantile outside (0, 1), a negative
 *   tolerance, a bootstrap count below 2, ...).
 * - `ANALYSIS_DUPLICATE_KEY`: one side of a diff has two rows with the same (run_id, time).
 * - `ANALYSIS_NO_VALUE`: a run has no usable value of the metric (failed, output-less, NaN).
 * - `ANALYSIS_DESIGN`: outputs do not fit a Sobol design (count, missing runs, a constant output)
 *   or the design's parameters are invalid.
 */
export type AnalysisErrorCode =
  | "ANALYSIS_TABLE"
  | "ANALYSIS_COLUMN"
  | "ANALYSIS_OPTION"
  | "ANALYSIS_DUPLICATE_KEY"
  | "ANALYSIS_NO_VALUE"
  | "ANALYSIS_DESIGN";

/**
 * An analysis helper cannot work on what it was given; the message names the column, run or
 * option at fault and says how to fix it.
 *
 * @example Usage
 * ```ts
 * import { AnalysisError } from "./errors.ts";
 * const e = new AnalysisError("ANALYSIS_COLUMN", "no numeric column 'X': known are A, B");
 * console.log(e.code, e.name); // ANALYSIS_COLUMN AnalysisError
 * ```
 */
export class AnalysisError extends GmatSweepError {
  /** What went wrong, see {@linkcode AnalysisErrorCode}. */
  declare readonly code: AnalysisErrorCode;

  /**
   * Create the error.
   *
   * @param code What went wrong, see {@linkcode AnalysisErrorCode}.
   * @param message What is at fault and how to fix it.
   * @param options Standard error options (`cause`).
   */
  constructor(code: AnalysisErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}
