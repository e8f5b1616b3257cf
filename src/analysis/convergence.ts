/**
 * `mcConvergence`: how a Monte Carlo estimate settles as runs accumulate (the Python tool's
 * `mc_convergence`): the running mean, the running sample standard deviation and the standard
 * error of the mean over runs in `run_id` order.
 *
 * Input: a stitched table and a column (each ok run reduced to one number, its last value in
 * time by default, see {@link perRunValues}; non-ok runs are left out, as upstream), or one number
 * per run directly. The running statistics use Welford's algorithm on values shifted by the first
 * one ({@link RunningMoments}), so they stay exact to about 1e-15 relative for positions of
 * 7000 km that differ by micrometres, where `sum(x^2) - n mean^2` loses every digit.
 *
 * Result columns: `run_id` (int64; the index for a plain array), `n` (int64, runs so far),
 * `value` (this run's number), `running_mean`, `running_std` (ddof = 1, null for n = 1) and
 * `se_mean` = running_std / sqrt(n) (null for n = 1). Schema metadata `gmat.analysis`:
 * `{kind: "convergence", column, reduce, runs_left_out}`.
 *
 * @module
 */

import * as arrow from "npm:apache-arrow@21.2.0";
import { ANALYSIS_METADATA_KEY, buildTable, float64Col, int64Col } from "./_build.ts";
import { AnalysisError } from "./errors.ts";
import { perRunValues, type RunReduce } from "./per_run.ts";
import { RunningMoments } from "./running_moments.ts";

/** Options of {@link mcConvergence}. */
export interface McConvergenceOptions {
  /** The metric column (required for a table). */
  readonly column?: string;
  /** How a run's rows become one number. @default {"last"} */
  readonly reduce?: RunReduce;
}

/**
 * Running mean and standard error over runs.
 *
 * @example
 * ```ts
 * import { mcConvergence } from "./convergence.ts";
 * const conv = mcConvergence([7000.1, 7000.3, 7000.2]);
 * console.log(conv.getChild("running_mean")!.get(2)); // 7000.2
 * ```
 * @param input A stitched table (with `options.column`), or one finite number per run.
 * @param options The column and the per-run reduction (tables only).
 * @returns One row per run used, in run order; see the module documentation for the columns.
 * @throws {AnalysisError} `ANALYSIS_OPTION` without a column for a table, `ANALYSIS_NO_VALUE` for a
 *   non-finite value (naming the run), `ANALYSIS_COLUMN` for a missing or non-numeric column.
 */
export function mcConvergence(
  input: arrow.Table | readonly number[] | Float64Array,
  options: McConvergenceOptions = {},
): arrow.Table {
  let runIds: readonly number[];
  let values: ArrayLike<number>;
  let leftOut: number[] = [];
  if (input instanceof arrow.Table) {
    if (options.column === undefined) {
      throw new AnalysisError(
        "ANALYSIS_OPTION",
        "mcConvergence: a table needs options.column, the metric to follow",
      );
    }
    const per = perRunValues(
      input,
      { column: options.column, reduce: options.reduce },
      "mcConvergence",
    );
    runIds = per.runIds;
    values = per.values;
    leftOut = per.notOk.map((r) => r.runId);
  } else {
    values = input;
    runIds = Array.from({ length: input.length }, (_, i) => i);
    for (let i = 0; i < input.length; i++) {
      if (typeof input[i] !== "number" || !Number.isFinite(input[i])) {
        throw new AnalysisError(
          "ANALYSIS_NO_VALUE",
          `mcConvergence: value ${i} is ${String(input[i])}, not a finite number: drop that run`,
        );
      }
    }
  }
  const n = values.length;
  const mean = new Float64Array(n);
  const std = new Float64Array(n);
  const se = new Float64Array(n);
  const moments = new RunningMoments();
  for (let i = 0; i < n; i++) {
    moments.push(values[i]);
    mean[i] = moments.mean;
    std[i] = moments.std(1);
    se[i] = std[i] / Math.sqrt(i + 1);
  }
  const reduce = options.reduce ?? "last";
  const metadata = new Map([[
    ANALYSIS_METADATA_KEY,
    JSON.stringify({
      kind: "convergence",
      column: options.column ?? null,
      reduce: typeof reduce === "function" ? "function" : reduce,
      runs_left_out: leftOut,
    }),
  ]]);
  return buildTable([
    int64Col("run_id", runIds),
    int64Col("n", Array.from({ length: n }, (_, i) => i + 1)),
    float64Col("value", Float64Array.from(values)),
    float64Col("running_mean", mean),
    float64Col("running_std", std),
    float64Col("se_mean", se),
  ], metadata);
}
