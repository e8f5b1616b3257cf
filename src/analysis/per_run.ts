/**
 * One number per run from a stitched table: a column reduced over each ok run's rows (its last
 * value in time by default, upstream's "metric = last value per run"). Used by
 * {@link mcConvergence} and {@link sobolAnalyze}, and useful on its own for a metric per run.
 *
 * Runs are taken in ascending `run_id`. A run counts as ok when every row of it has `__status`
 * `ok`; other runs (failed, skipped: their marker row) are listed in `notOk` and get no value.
 * Within an ok run the rows are ordered by `time` (tables without `time` keep table order) and
 * null or NaN cells are dropped before the reduction. An ok run left with no value, or whose
 * reduction is not a finite number, is an error naming the run.
 *
 * @module
 */

// @ts-types="@types/d3-array"
// @ts-types="npm:@types/d3-array@3.2.1"
import { fsum } from "npm:d3-array@3.2.4";
import type * as arrow from "npm:apache-arrow@21.2.0";
import {
  hasTime,
  readNumbers,
  readRunIds,
  readStatus,
  readTimes,
  requireNumericColumn,
} from "./_read.ts";
import { AnalysisError } from "./errors.ts";

/**
 * How a run's values become one number: its `last` or `first` value in time, their `mean`,
 * `min` or `max`, or a function of the values (in time order) and their times in nanoseconds.
 */
export type RunReduce =
  | "last"
  | "first"
  | "mean"
  | "min"
  | "max"
  | ((values: Float64Array, timesNs: BigInt64Array) => number);

/** Options of {@link perRunValues}. */
export interface PerRunOptions {
  /** The numeric column. */
  readonly column: string;
  /** The reduction. @default {"last"} */
  readonly reduce?: RunReduce;
}

/** One value per ok run. */
export interface PerRunValues {
  /** The ok runs, ascending. */
  readonly runIds: readonly number[];
  /** Each ok run's value. */
  readonly values: Float64Array;
  /** Runs left out because a row of theirs is not ok, with that status. */
  readonly notOk: readonly { readonly runId: number; readonly status: string }[];
}

function reducer(reduce: RunReduce): (v: Float64Array, t: BigInt64Array) => number {
  switch (reduce) {
    case "last":
      return (v) => v[v.length - 1];
    case "first":
      return (v) => v[0];
    case "mean":
      return (v) => fsum(v) / v.length;
    case "min":
      return (v) => v.reduce((m, x) => Math.min(m, x), Infinity);
    case "max":
      return (v) => v.reduce((m, x) => Math.max(m, x), -Infinity);
    default:
      if (typeof reduce === "function") return reduce;
      throw new AnalysisError(
        "ANALYSIS_OPTION",
        `reduce must be "last", "first", "mean", "min", "max" or a function, got ${
          JSON.stringify(reduce)
        }`,
      );
  }
}

/**
 * Reduce a column to one value per ok run.
 *
 * @example
 * ```ts ignore
 * const { runIds, values } = perRunValues(table, { column: "Sat.Earth.SMA", reduce: "last" });
 * ```
 * @param table A table stitched by gmat-sweep.
 * @param options The column and the reduction.
 * @param what The caller, for messages. @default {"perRunValues"}
 * @returns The ok runs' values, and the runs left out.
 * @throws {AnalysisError} `ANALYSIS_COLUMN` for a missing or non-numeric column,
 *   `ANALYSIS_NO_VALUE` for an ok run without a finite value.
 */
export function perRunValues(
  table: arrow.Table,
  options: PerRunOptions,
  what = "perRunValues",
): PerRunValues {
  const column = options.column;
  if (typeof column !== "string") {
    throw new AnalysisError("ANALYSIS_OPTION", `${what}: give the metric column name (column)`);
  }
  requireNumericColumn(table, column, what);
  const reduce = reducer(options.reduce ?? "last");
  const ids = readRunIds(table);
  const status = readStatus(table);
  const values = readNumbers(table, column);
  const times = hasTime(table) ? readTimes(table, what) : null;

  const rowsOf = new Map<number, number[]>();
  for (let i = 0; i < table.numRows; i++) {
    const rows = rowsOf.get(ids[i]);
    if (rows === undefined) rowsOf.set(ids[i], [i]);
    else rows.push(i);
  }
  const runIds: number[] = [];
  const out: number[] = [];
  const notOk: { runId: number; status: string }[] = [];
  for (const runId of [...rowsOf.keys()].sort((x, y) => x - y)) {
    let rows = rowsOf.get(runId)!;
    const bad = rows.find((i) => status[i] !== "ok");
    if (bad !== undefined) {
      notOk.push({ runId, status: status[bad] });
      continue;
    }
    if (times !== null) {
      rows = rows.filter((i) => times.valid[i] === 1);
      rows.sort((x, y) => (times.ns[x] < times.ns[y] ? -1 : times.ns[x] > times.ns[y] ? 1 : x - y));
    }
    rows = rows.filter((i) => !Number.isNaN(values[i]));
    if (rows.length === 0) {
      throw new AnalysisError(
        "ANALYSIS_NO_VALUE",
        `${what}: run ${runId} is ok but has no value of '${column}' (an output-less run?): ` +
          `check it with \`gmat-sweep show MANIFEST --run ${runId}\`, or leave it out of the table`,
      );
    }
    const v = Float64Array.from(rows, (i) => values[i]);
    const t = times === null
      ? new BigInt64Array(rows.length)
      : BigInt64Array.from(rows, (i) => times.ns[i]);
    const value = reduce(v, t);
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new AnalysisError(
        "ANALYSIS_NO_VALUE",
        `${what}: the reduction of '${column}' over run ${runId} gave ${String(value)}, not a ` +
          "finite number: fix the reduce function or leave the run out",
      );
    }
    runIds.push(runId);
    out.push(value);
  }
  return { runIds, values: Float64Array.from(out), notOk };
}
