/**
 * The one error class of the plots layer, with a literal code per condition a caller (or the
 * `plot` command, which maps every code to exit code 2) handles.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";

/**
 * Codes of {@linkcode PlotError}:
 * - `PLOT_UNKNOWN_COLUMN`: a column asked for is not in the table; the message lists the columns.
 * - `PLOT_UNKNOWN_PARAMETER`: a parameter asked for is not an override of the runs; the message
 *   lists the swept parameters.
 * - `PLOT_NOT_NUMERIC`: a column or parameter holds values that cannot go on a numeric axis.
 * - `PLOT_NO_DATA`: nothing to draw (no ok run with a value).
 * - `PLOT_NOT_GRID`: a heatmap asked of runs that are not a two-axis grid.
 * - `PLOT_BAD_OPTION`: an option is missing or out of range (kind, axis, quantile...).
 * - `PLOT_RENDER`: Vega could not render the spec to SVG.
 */
export type PlotErrorCode =
  | "PLOT_UNKNOWN_COLUMN"
  | "PLOT_UNKNOWN_PARAMETER"
  | "PLOT_NOT_NUMERIC"
  | "PLOT_NO_DATA"
  | "PLOT_NOT_GRID"
  | "PLOT_BAD_OPTION"
  | "PLOT_RENDER";

/**
 * An error of the plots layer: what cannot be plotted, naming the column, parameter or file and
 * how to fix it.
 *
 * @example Usage
 * ```ts
 * import { PlotError } from "./plot_error.ts";
 * import assert from "node:assert/strict";
 *
 * const e = new PlotError("PLOT_UNKNOWN_COLUMN", "No column 'SMA' in report RF; columns: time");
 * assert.equal(e.code, "PLOT_UNKNOWN_COLUMN");
 * assert.equal(e.name, "PlotError");
 * ```
 */
export class PlotError extends GmatSweepError {
  /** What went wrong (narrowed to the plot codes). */
  declare readonly code: PlotErrorCode;

  /**
   * Creates a plot error.
   *
   * @param code What went wrong, see {@linkcode PlotErrorCode}.
   * @param message What is at fault and how to fix it.
   * @param options Standard error options (`cause`).
   */
  constructor(code: PlotErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}

/** A list of names for a message: `a, b, c`, or `none` when empty. */
export function listNames(names: Iterable<string>): string {
  const all = [...names];
  return all.length ? all.join(", ") : "none";
}
