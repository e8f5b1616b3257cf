/**
 * The plain data of the per-run plots (scatter, heatmap): one row per run, the run's swept
 * parameter values and the value of one metric.
 *
 * @module
 */

/** One run's parameters and metric. */
export interface RunMetricRow {
  /** The run id. */
  readonly runId: number;
  /** Swept parameter (dotted field) to the value this run used (numbers go on an axis). */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The run's metric; null for a run without one (failed, skipped, or a null cell). */
  readonly value: number | null;
}
