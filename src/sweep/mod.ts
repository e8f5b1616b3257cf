/**
 * Sweeps: planning, running, resuming and extending runs of one script, with the manifest as the
 * single record of what happened, and the stitched tables of their outputs.
 *
 * @module
 */

export {
  type ContextProvider,
  type FromManifestOptions,
  Sweep,
  SweepConfigError,
  type SweepOptions,
  type SweepProgress,
  type SweepSummary,
} from "./sweep.ts";
export { type ResolvedEngine, resolveEngine } from "./engine_choice.ts";
export { GMAT_SWEEP_VERSION } from "./version.ts";
export {
  latinHypercube,
  monteCarlo,
  monteCarloExtend,
  type RunOptions,
  type SamplingOptions,
  sweep,
  type SweepResult,
} from "./entry_points.ts";
export { lazyExtraOutputs, lazyOutputs, type ManifestTableOptions } from "./manifest_tables.ts";
export {
  BACKEND_NAMES,
  type SlurmBackendOptions,
  slurmSpoolDir,
  type SweepPool,
} from "./backend_choice.ts";
