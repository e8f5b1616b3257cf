/**
 * gmat-sweep: run parameter sweeps and Monte Carlo dispersions over GMAT mission scripts, in
 * parallel, durably and reproducibly, on real GMAT or on the built-in engine.
 *
 * @example A grid sweep, its table, and a resume
 * ```ts ignore
 * import { gridRunSet, linspace, Sweep } from "./mod.ts";
 * const sweep = await Sweep.create("leo.script", gridRunSet({ "Sat.SMA": linspace(7000, 7300, 16) }), {
 *   outputDir: "sweeps/sma",
 * });
 * await sweep.run();
 * const table = await sweep.toTable();
 * await (await Sweep.fromManifest("sweeps/sma/manifest.jsonl", "leo.script")).resume();
 * ```
 *
 * @module
 */

export { GmatSweepError } from "./src/errors/mod.ts";

// Sweeps
export {
  type ContextProvider,
  type FromManifestOptions,
  GMAT_SWEEP_VERSION,
  latinHypercube,
  lazyExtraOutputs,
  lazyOutputs,
  type ManifestTableOptions,
  monteCarlo,
  monteCarloExtend,
  type ResolvedEngine,
  resolveEngine,
  type RunOptions,
  type SamplingOptions,
  Sweep,
  sweep,
  SweepConfigError,
  type SweepOptions,
  type SweepProgress,
  type SweepResult,
  type SweepSummary,
} from "./src/sweep/mod.ts";

// Run sets and the seed contract
export {
  type Distribution,
  explicitRunSet,
  extendMonteCarlo,
  gridRunSet,
  latinHypercubeRunSet,
  linspace,
  monteCarloRunSet,
  type ParameterSpec,
  parseDistribution,
  readExplicitRows,
  type RunSet,
  RunSetError,
  runSetFromParameterSpec,
} from "./src/runset/mod.ts";
export type { RunOutcome, RunSpec, RunStatus } from "./src/runs/mod.ts";

// Manifest
export {
  checkScriptDrift,
  findFailed,
  findMissing,
  type FsyncMode,
  type Manifest,
  MANIFEST_SCHEMA_VERSION,
  ManifestCorruptError,
  type ManifestEntry,
  type ManifestHeader,
  ManifestNotFoundError,
  ManifestWriter,
  readManifest,
  ScriptDriftError,
} from "./src/manifest/mod.ts";

// Tables
export {
  contactTable,
  extraOutputsTable,
  INTERVAL_ID_COLUMN,
  type OutputKind,
  readParquet,
  stitchAllRuns,
  type StitchEntry,
  stitchRuns,
  stitchToParquet,
  writeRunOutputs,
} from "./src/table/mod.ts";

// GMAT output formats
export {
  type ContactReport,
  OutputParseError,
  parseContactReport,
  parseOem,
  parseReportFile,
  parseStk,
} from "./src/formats/mod.ts";

// Postprocess hooks (helpers for hook authors: ./hook.ts)
export {
  formatHookPermissions,
  HookError,
  type HookErrorCode,
  type HookPermissions,
  type HookSpecifier,
  parseHookPermissions,
  parseHookSpecifier,
  type ResolvedHook,
  resolveHook,
} from "./src/hooks/mod.ts";

// Notebook display
export {
  attachDisplay,
  type Displayable,
  displayTable,
  JUPYTER_DISPLAY,
  type MimeBundle,
  tableBundle,
} from "./src/display/mod.ts";

// Execution
export { LocalPool, type LocalPoolOptions } from "./src/pool/mod.ts";
export {
  type GmatInstall,
  GmatNotFoundError,
  locateGmat,
  prepareGmatRun,
  runGmatConsole,
} from "./src/gmat/mod.ts";

// Scripts and the built-in engine
export {
  canonicalScriptFileSha256,
  canonicalScriptSha256,
  canonicalScriptText,
  checkOverrideKey,
  formatOverrideValue,
  insertOverrides,
  type OverrideValue,
  parseScript,
  renderOverrideLines,
  type Script,
  ScriptError,
  type ScriptErrorCode,
} from "./src/script/mod.ts";
export {
  BUILTIN_ENGINE_VERSION,
  checkScriptText,
  type EngineOutput,
  EngineRunError,
  type EngineRunResult,
  runConsole,
  runScriptFile,
  type RunScriptOptions,
  runScriptText,
  SUPPORTED_QUANTITIES,
} from "./src/engine/mod.ts";
