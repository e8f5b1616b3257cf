/**
 * `sweepSummary`: per-time or per-run statistics of a stitched sweep table (the Python tool's
 * `sweep_summary`), as an Arrow table.
 *
 * Only rows whose `__status` is `ok` are used (upstream's `dropna=True`); marker rows of failed
 * and skipped runs therefore never count. NaN and null cells are skipped per column. For each
 * group (one `time`, or one `run_id`) and each numeric data column the statistics are:
 * - `mean`: the correctly rounded sum (Shewchuk's exact summation, d3-array `fsum`) over `count_ok`;
 * - `std`: the sample standard deviation (ddof = 1, as pandas), by shifted Welford;
 * - `min`, `max`;
 * - `count_ok`: how many ok rows of the group have a value in that column;
 * - `q<q>` for each quantile: numpy's default `linear` method (R type 7, d3-array `quantileSorted`).
 *
 * Result: the index column first (`time` as `timestamp[ns]`, or `run_id` as int64), ascending,
 * then for each data column in table order its statistics, named `<column>__<statistic>` with
 * the Python tool's statistic labels (`Sat.Earth.SMA__mean`, `Sat.Earth.SMA__q0.05`). Upstream's
 * pandas frame has a two-level `(statistic, column)` header; an Arrow table is flat, so the two
 * levels are joined with `__`, column first. `count_ok` is int64; every other statistic is a
 * nullable float64, null where it does not exist (no value; `std` of a single value). The schema
 * metadata `gmat.analysis` records `{kind: "summary", by, columns, statistics, quantiles}`.
 *
 * @module
 */

// @ts-types="@types/d3-array"
// @ts-types="npm:@types/d3-array@3.2.1"
import { fsum, quantileSorted } from "npm:d3-array@3.2.4";
import type * as arrow from "npm:apache-arrow@21.2.0";
import {
  ANALYSIS_METADATA_KEY,
  buildTable,
  type BuiltColumn,
  float64Col,
  int64Col,
  timestampCol,
} from "./_build.ts";
import { groupByRun, groupByTime } from "./_group.ts";
import { quantileLabel } from "./_labels.ts";
import { readNumbers, RUN_ID, selectColumns, TIME } from "./_read.ts";
import { AnalysisError } from "./errors.ts";
import { RunningMoments } from "./running_moments.ts";

/** A statistic besides the quantiles. */
export type SummaryStatistic = "mean" | "std" | "min" | "max" | "count_ok";

/** Every non-quantile statistic, in output order. */
export const SUMMARY_STATISTICS: readonly SummaryStatistic[] = [
  "mean",
  "std",
  "min",
  "max",
  "count_ok",
];

/** Options of {@link sweepSummary}. */
export interface SweepSummaryOptions {
  /**
   * Group by `time` (one row per epoch, across runs) or by run (`"run"`, or upstream's spelling
   * `"run_id"`: one row per run, across its epochs). @default {"time"}
   */
  readonly by?: "time" | "run" | "run_id";
  /** The numeric columns to summarise. @default every numeric data column */
  readonly columns?: readonly string[];
  /** Quantiles, each in (0, 1), no duplicates. @default {[0.05, 0.5, 0.95]} */
  readonly quantiles?: readonly number[];
  /** The other statistics, in output order. @default {["mean", "std", "min", "max", "count_ok"]} */
  readonly include?: readonly SummaryStatistic[];
}

function checkQuantiles(quantiles: readonly number[]): number[] {
  if (!Array.isArray(quantiles)) {
    throw new AnalysisError("ANALYSIS_OPTION", "sweepSummary: quantiles must be an array");
  }
  const seen = new Set<number>();
  for (const q of quantiles) {
    if (typeof q !== "number" || !(q > 0 && q < 1)) {
      throw new AnalysisError(
        "ANALYSIS_OPTION",
        `sweepSummary: quantile ${String(q)} is not in (0, 1): use min/max for 0 and 1`,
      );
    }
    if (seen.has(q)) {
      throw new AnalysisError("ANALYSIS_OPTION", `sweepSummary: quantile ${q} is given twice`);
    }
    seen.add(q);
  }
  return [...quantiles];
}

function checkInclude(include: readonly SummaryStatistic[]): SummaryStatistic[] {
  const seen = new Set<string>();
  for (const s of include) {
    if (!SUMMARY_STATISTICS.includes(s)) {
      throw new AnalysisError(
        "ANALYSIS_OPTION",
        `sweepSummary: unknown statistic '${String(s)}': choose from ${
          SUMMARY_STATISTICS.join(", ")
        }`,
      );
    }
    if (seen.has(s)) {
      throw new AnalysisError("ANALYSIS_OPTION", `sweepSummary: statistic '${s}' is given twice`);
    }
    seen.add(s);
  }
  return [...include];
}

/** The statistics of one group's values of one column. */
interface GroupStats {
  count: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  quantiles: number[];
}

function groupStats(values: Float64Array, quantiles: readonly number[]): GroupStats {
  const sorted = Array.from(values).sort((x, y) => x - y);
  const n = sorted.length;
  if (n === 0) {
    return {
      count: 0,
      mean: NaN,
      std: NaN,
      min: NaN,
      max: NaN,
      quantiles: quantiles.map(() => NaN),
    };
  }
  const moments = new RunningMoments();
  for (const v of values) moments.push(v);
  return {
    count: n,
    mean: fsum(sorted) / n,
    std: moments.std(1),
    min: sorted[0],
    max: sorted[n - 1],
    quantiles: quantiles.map((q) => quantileSorted(sorted, q)!),
  };
}

/**
 * Summarise a stitched sweep table per time or per run.
 *
 * @example
 * ```ts ignore
 * const table = await sweep.toTable();
 * const band = sweepSummary(table, { by: "time", columns: ["Sat.Earth.SMA"] });
 * band.getChild("Sat.Earth.SMA__q0.5"); // the median SMA at each epoch
 * ```
 * @param table A table stitched by gmat-sweep (`run_id`, `time`, data columns, `__status`).
 * @param options Grouping, columns, quantiles and statistics.
 * @returns One row per time (or run), ascending; see the module documentation for the columns.
 * @throws {AnalysisError} `ANALYSIS_COLUMN` for a missing or non-numeric column,
 *   `ANALYSIS_OPTION` for a bad quantile, statistic or `by`, `ANALYSIS_TABLE` for a table
 *   without `time` (by time) or `run_id`.
 */
export function sweepSummary(table: arrow.Table, options: SweepSummaryOptions = {}): arrow.Table {
  const by = options.by ?? "time";
  if (by !== "time" && by !== "run" && by !== "run_id") {
    throw new AnalysisError(
      "ANALYSIS_OPTION",
      `sweepSummary: by must be "time" or "run", got ${JSON.stringify(by)}`,
    );
  }
  const quantiles = checkQuantiles(options.quantiles ?? [0.05, 0.5, 0.95]);
  const include = checkInclude(options.include ?? SUMMARY_STATISTICS);
  const columns = selectColumns(table, options.columns, "sweepSummary");

  const out: BuiltColumn[] = [];
  let groupRows: number[][];
  if (by === "time") {
    const groups = groupByTime(table, "sweepSummary");
    groupRows = groups.rows;
    const timeField = table.schema.fields.find((f) => f.name === TIME)!;
    out.push(timestampCol(
      TIME,
      BigInt64Array.from(groups.keys),
      new Uint8Array(groups.keys.length).fill(1),
      timeField.metadata,
    ));
  } else {
    const groups = groupByRun(table);
    groupRows = groups.rows;
    out.push(int64Col(RUN_ID, groups.keys));
  }

  const g = groupRows.length;
  for (const name of columns) {
    const values = readNumbers(table, name);
    const stats = groupRows.map((rows) => {
      const picked = rows.map((i) => values[i]).filter((v) => !Number.isNaN(v));
      return groupStats(Float64Array.from(picked), quantiles);
    });
    for (const s of include) {
      if (s === "count_ok") out.push(int64Col(`${name}__count_ok`, stats.map((x) => x.count)));
      else out.push(float64Col(`${name}__${s}`, Float64Array.from(stats, (x) => x[s])));
    }
    quantiles.forEach((q, k) => {
      const col = new Float64Array(g);
      stats.forEach((x, i) => (col[i] = x.quantiles[k]));
      out.push(float64Col(`${name}__${quantileLabel(q)}`, col));
    });
  }
  const metadata = new Map([[
    ANALYSIS_METADATA_KEY,
    JSON.stringify({
      kind: "summary",
      by: by === "time" ? "time" : "run_id",
      columns,
      statistics: [...include, ...quantiles.map(quantileLabel)],
      quantiles,
    }),
  ]]);
  const stitch = table.schema.metadata.get("gmat.stitch");
  if (stitch !== undefined) metadata.set("gmat.stitch", stitch);
  return buildTable(out, metadata);
}
