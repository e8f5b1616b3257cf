/**
 * Per-run metrics for the scatter and heatmap plots: each run's overrides from the manifest
 * joined with one value per run of a column of a stitched table (a hook output's table, or the
 * last row of each run of a report).
 *
 * @module
 */

import type * as arrow from "npm:apache-arrow@21.2.0";
import type { ManifestEntry } from "../manifest/mod.ts";
import { numericColumn, okRows, runIds } from "./_columns.ts";
import { isFiniteNumber } from "./_spec.ts";
import type { RunMetricRow } from "./run_metric_row.ts";

/**
 * One value per run of a numeric column: the last finite value among the run's ok rows (the
 * final state of a report, the one row of a typical hook output).
 *
 * @param table A table with `run_id` (and `__status`), sorted by run_id then time.
 * @param column The column.
 * @param source What the table is, for messages. @default {"the table"}
 * @returns run_id to value; runs without a value are absent.
 * @throws {PlotError} `PLOT_UNKNOWN_COLUMN` or `PLOT_NOT_NUMERIC` naming the column and listing
 *   the numeric ones.
 */
export function lastValueByRun(
  table: arrow.Table,
  column: string,
  source = "the table",
): Map<number, number> {
  const values = numericColumn(table, column, source);
  const ids = runIds(table, source);
  const ok = okRows(table);
  const out = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (ok(i) && isFiniteNumber(v)) out.set(ids[i], v);
  }
  return out;
}

/**
 * Join the manifest's runs with one value per run of a column.
 *
 * @param entries The manifest's entries (last attempt per run).
 * @param table The metric table (see {@link lastValueByRun}).
 * @param column The metric column.
 * @param source What the table is, for messages.
 * @returns One row per entry, by run_id; `value` null for runs without a value.
 *
 * @example
 * ```ts ignore
 * const manifest = await readManifest("sweeps/sma/manifest.jsonl");
 * const table = await lazyExtraOutputs("sweeps/sma/manifest.jsonl", "orbit_metrics");
 * const rows = runMetricRows(manifest.entries, table, "final_radius_km");
 * ```
 */
export function runMetricRows(
  entries: readonly ManifestEntry[],
  table: arrow.Table,
  column: string,
  source?: string,
): RunMetricRow[] {
  const values = lastValueByRun(table, column, source);
  return [...entries].sort((a, b) => a.run_id - b.run_id).map((e) => ({
    runId: e.run_id,
    parameters: e.overrides,
    value: e.status === "ok" ? values.get(e.run_id) ?? null : null,
  }));
}
