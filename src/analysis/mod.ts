/**
 * Analysis helpers over stitched sweep tables (the Python tool's `sweep_summary`, `sweep_diff`,
 * `mc_convergence`, `sobol_sample` and `sobol_analyze`): per-time or per-run summaries with
 * numpy-compatible quantiles, row-aligned diffs with a tolerance, Monte Carlo convergence by a
 * numerically stable Welford update, and Sobol sensitivity indices from a Saltelli design with
 * bootstrap confidence intervals. Every table result is an apache-arrow Table.
 *
 * @example Summary, convergence and a Sobol study
 * ```ts ignore
 * import { mcConvergence, sobolAnalyze, sobolSample, sweepSummary } from "./mod.ts";
 * const band = sweepSummary(table, { by: "time", columns: ["Sat.Earth.SMA"] });
 * const conv = mcConvergence(table, { column: "Sat.Earth.SMA" });
 * const design = sobolSample({ "Sat.SMA": { lo: 6900, hi: 7100 }, "Sat.INC": { lo: 27, hi: 30 } }, 64);
 * const { table: runs } = await sweep("leo.script", { rows: design.rows, outputDir: "sob" });
 * const { S1, ST } = sobolAnalyze(design, runs!, { column: "Sat.EarthMJ2000Eq.Z", seed: 1 });
 * ```
 *
 * @module
 */

export { AnalysisError, type AnalysisErrorCode } from "./errors.ts";
export { RunningMoments } from "./running_moments.ts";
export {
  SUMMARY_STATISTICS,
  type SummaryStatistic,
  sweepSummary,
  type SweepSummaryOptions,
} from "./summary.ts";
export {
  type DiffColumnSummary,
  type DiffKey,
  type SweepDiff,
  sweepDiff,
  type SweepDiffOptions,
  type SweepDiffSummary,
} from "./diff.ts";
export { type PerRunOptions, type PerRunValues, perRunValues, type RunReduce } from "./per_run.ts";
export { mcConvergence, type McConvergenceOptions } from "./convergence.ts";
export { sobolPoints, type SobolPointsOptions } from "./sobol_sequence.ts";
export {
  type SobolDesign,
  type SobolParameter,
  sobolSample,
  type SobolSampleOptions,
} from "./sobol_sample.ts";
export {
  type SobolAnalysis,
  sobolAnalyze,
  type SobolAnalyzeOptions,
  type SobolIndex,
} from "./sobol_analyze.ts";
export { ANALYSIS_METADATA_KEY } from "./_build.ts";
