/**
 * Plot rows from the analysis helpers' tables: the band rows of one column of a by-time
 * `sweepSummary`, and the rows of an `mcConvergence` table.
 *
 * @module
 */

import type * as arrow from "npm:apache-arrow@21.2.0";
import { numericColumn } from "./_columns.ts";
import type { BandRow } from "./band_spec.ts";
import type { ConvergenceRow } from "./convergence_spec.ts";
import { listNames, PlotError } from "./plot_error.ts";

/** Options of {@link bandRows}. */
export interface BandRowsOptions {
  /** Statistic label of the lower quantile. @default {"q0.05"} */
  readonly lower?: string;
  /** Statistic label of the median. @default {"q0.5"} */
  readonly median?: string;
  /** Statistic label of the upper quantile. @default {"q0.95"} */
  readonly upper?: string;
}

/** A timestamp cell as milliseconds since 1970 (apache-arrow gives ms numbers, or ns bigints). */
function millis(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v / 1_000_000n);
  if (v instanceof Date) return v.getTime();
  return null;
}

/**
 * The band rows of one column of a by-time summary (`sweepSummary(table, { by: "time" })`),
 * whose columns are `<column>__<statistic>` (`Sat.Earth.SMA__q0.05`).
 *
 * @param summary The summary table, with a `time` column.
 * @param column The summarized column.
 * @param options The statistic labels of the three quantiles.
 * @throws {PlotError} `PLOT_UNKNOWN_COLUMN` naming the missing statistic and listing the
 *   summarized columns, or when the summary is not by time.
 */
export function bandRows(
  summary: arrow.Table,
  column: string,
  options: BandRowsOptions = {},
): BandRow[] {
  const time = summary.getChild("time");
  if (time === null) {
    throw new PlotError(
      "PLOT_UNKNOWN_COLUMN",
      `The summary has no time column: summarize with { by: "time" } for a band over time`,
    );
  }
  const labels = [options.lower ?? "q0.05", options.median ?? "q0.5", options.upper ?? "q0.95"];
  const names = summary.schema.fields.map((f) => f.name);
  const summarized = [
    ...new Set(names.filter((n) => n.includes("__")).map((n) => n.split("__")[0])),
  ];
  for (const label of labels) {
    if (!names.includes(`${column}__${label}`)) {
      throw new PlotError(
        "PLOT_UNKNOWN_COLUMN",
        `The summary has no '${column}__${label}' (the ${label} quantile of '${column}'); ` +
          `summarized columns: ${listNames(summarized)}`,
      );
    }
  }
  const [lower, median, upper] = labels.map((l) =>
    numericColumn(summary, `${column}__${l}`, "the summary")
  );
  const rows: BandRow[] = [];
  for (let i = 0; i < summary.numRows; i++) {
    const ms = millis(time.get(i));
    if (ms === null) continue;
    rows.push({ time: ms, lower: lower[i], median: median[i], upper: upper[i] });
  }
  return rows;
}

/**
 * The rows of an `mcConvergence` table (`n`, `running_mean`, `se_mean`).
 *
 * @param convergence The table.
 * @throws {PlotError} `PLOT_UNKNOWN_COLUMN` when a column is missing.
 */
export function convergenceRows(convergence: arrow.Table): ConvergenceRow[] {
  const [n, mean, se] = ["n", "running_mean", "se_mean"].map((c) =>
    numericColumn(convergence, c, "the convergence table")
  );
  return n.map((count, i) => ({ n: count ?? i + 1, mean: mean[i], se: se[i] }));
}
