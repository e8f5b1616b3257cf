/**
 * Sweeps: planning, running, resuming and extending runs of one script, with the manifest as the
 * single record of what happened, and the stitched tables of their outputs.
 *
 * @module
 */

export {
  type ContextProvider,
  type FromManifestOptions,
  type ManifestTotals,
  type ResumeOptions,
  Sweep,
  SweepConfigError,
  type SweepOptions,
  type SweepProgress,
  type SweepSummary,
  type TableOptions,
} from "./sweep.ts";
export { SweepExistsError } from "./existing_sweep.ts";
export {
  type RehookOptions,
  type RehookProgress,
  type RehookSummary,
  rehookSweep,
} from "./rehook.ts";
export type { HookLimitOptions } from "./hook_options.ts";
export { LOCK_FILE, lockOutputDir, type OutputDirLock } from "./sweep_lock.ts";
export { checkRunCount, CONFIRM_RUNS, MAX_RUNS } from "./run_limits.ts";
export type { DiskEstimate } from "./disk_estimate.ts";
export { formatBytes } from "./format_bytes.ts";
export {
  type VerifyProblem,
  type VerifyReport,
  verifySweep,
  type VerifySweepOptions,
} from "./verify_sweep.ts";
export { type ResolvedEngine, resolveEngine, type ResolveEngineOptions } from "./engine_choice.ts";
export { GMAT_SWEEP_VERSION } from "../runtime/version.ts";
export {
  latinHypercube,
  monteCarlo,
  monteCarloExtend,
  type RunOptions,
  type SamplingOptions,
  sweep,
  type SweepResult,
} from "./entry_points.ts";
export { lazyExtraOutputs, lazyOutputs } from "./manifest_tables.ts";
export { confinedOutcomes, type ManifestTableOptions, readOutcomes } from "./outcomes.ts";
export {
  BACKEND_NAMES,
  type SlurmBackendOptions,
  slurmSpoolDir,
  type SweepPool,
} from "./backend_choice.ts";
