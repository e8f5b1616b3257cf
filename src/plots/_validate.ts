/**
 * Checks shared by the per-run spec builders: the parameters exist on every plotted run and are
 * numeric, and there is something to plot.
 *
 * @module
 */

import { isFiniteNumber } from "./_spec.ts";
import { listNames, PlotError } from "./plot_error.ts";
import type { RunMetricRow } from "./run_metric_row.ts";

/** The parameters of the first row, sorted (the swept fields of a typical sweep). */
export function sweptParameters(rows: readonly RunMetricRow[]): string[] {
  return rows.length ? Object.keys(rows[0].parameters).sort() : [];
}

/**
 * The rows with a finite metric, after checking each parameter is a number on each of them.
 *
 * @throws {PlotError} `PLOT_UNKNOWN_PARAMETER` naming the parameter and the swept ones,
 *   `PLOT_NOT_NUMERIC` naming the parameter, run and value, `PLOT_NO_DATA` when no row has a
 *   metric.
 */
export function plottableRows(
  rows: readonly RunMetricRow[],
  parameters: readonly string[],
  metric: string,
): RunMetricRow[] {
  const known = new Set(rows.flatMap((r) => Object.keys(r.parameters)));
  for (const p of parameters) {
    if (!known.has(p)) {
      throw new PlotError(
        "PLOT_UNKNOWN_PARAMETER",
        `No run has the parameter '${p}'; swept parameters: ${listNames([...known].sort())}`,
      );
    }
  }
  const ok = rows.filter((r) => isFiniteNumber(r.value));
  if (!ok.length) {
    throw new PlotError(
      "PLOT_NO_DATA",
      `No run has a value of '${metric}' (of ${rows.length} runs): check that runs are ok and ` +
        `the column is filled`,
    );
  }
  for (const r of ok) {
    for (const p of parameters) {
      const v = r.parameters[p];
      if (!isFiniteNumber(v)) {
        throw new PlotError(
          "PLOT_NOT_NUMERIC",
          `Parameter '${p}' of run ${r.runId} is ${JSON.stringify(v ?? null)}, not a number: ` +
            `only numeric parameters go on an axis`,
        );
      }
    }
  }
  return ok;
}
