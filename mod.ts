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
export { StorageError, type StorageErrorCode } from "./src/errors/storage_error.ts";
export { ArgumentError } from "./src/errors/arguments.ts";

// Sweeps
export {
  CONFIRM_RUNS,
  type ContextProvider,
  type DiskEstimate,
  type FromManifestOptions,
  GMAT_SWEEP_VERSION,
  type HookLimitOptions,
  latinHypercube,
  lazyExtraOutputs,
  lazyOutputs,
  type ManifestTableOptions,
  type ManifestTotals,
  MAX_RUNS,
  monteCarlo,
  monteCarloExtend,
  type RehookOptions,
  type RehookProgress,
  type RehookSummary,
  rehookSweep,
  type ResolvedEngine,
  resolveEngine,
  type ResolveEngineOptions,
  type ResumeOptions,
  type RunOptions,
  type SamplingOptions,
  Sweep,
  sweep,
  SweepConfigError,
  SweepExistsError,
  type SweepOptions,
  type SweepProgress,
  type SweepResult,
  type SweepSummary,
  type TableOptions,
  type VerifyProblem,
  type VerifyReport,
  verifySweep,
  type VerifySweepOptions,
} from "./src/sweep/mod.ts";

// Run sets and the seed contract
export {
  type ChoiceDistribution,
  type Distribution,
  type DistributionJson,
  type DistributionList,
  type ExplicitParameterSpec,
  type ExplicitRows,
  type ExplicitRunSet,
  explicitRunSet,
  extendMonteCarlo,
  type GridParameterSpec,
  type GridRunSet,
  gridRunSet,
  type LatinHypercubeRunSet,
  latinHypercubeRunSet,
  linspace,
  type LognormalDistribution,
  type MonteCarloRunSet,
  monteCarloRunSet,
  type NormalDistribution,
  type ParameterSpec,
  parseDistribution,
  readExplicitRows,
  type RunSet,
  RunSetError,
  runSetFromParameterSpec,
  type RunSetKind,
  type StochasticParameterSpec,
  type TruncnormalDistribution,
  type UniformDistribution,
} from "./src/runset/mod.ts";
export type {
  FileDigest,
  JsonValue,
  OverrideValueJson,
  PostprocessReason,
  PostprocessStatus,
  RunOutcome,
  RunSpec,
  RunStatus,
} from "./src/runs/mod.ts";

// Manifest
export {
  type AppendedLine,
  checkScriptDrift,
  type CheckScriptDriftOptions,
  type EngineInfo,
  findFailed,
  findMissing,
  type FsyncMode,
  type IndexedRun,
  indexManifest,
  type LinePosition,
  type Manifest,
  MANIFEST_SCHEMA_VERSION,
  ManifestArgumentError,
  ManifestCorruptError,
  type ManifestEntry,
  type ManifestEntryInput,
  type ManifestEntryReader,
  type ManifestHeader,
  type ManifestHeaderInput,
  ManifestIndex,
  ManifestLockedError,
  ManifestNotFoundError,
  ManifestPathError,
  ManifestWriter,
  type ManifestWriterStats,
  type ScriptDriftCheck,
  ScriptDriftError,
  type StatusCounts,
} from "./src/manifest/mod.ts";

export { readManifest } from "./src/display/mod.ts";

// Tables
export {
  contactTable,
  type EntryStatus,
  type ExtraOutputEntry,
  type ExtraOutputsOptions,
  extraOutputsTable,
  INTERVAL_ID_COLUMN,
  type MarkerStatus,
  nsToIso,
  type OutputKind,
  readParquet,
  type RecordsOptions,
  type StitchAllOptions,
  stitchAllRuns,
  type StitchEntry,
  type StitchOptions,
  type StitchResult,
  stitchRuns,
  stitchToParquet,
  type TableRecord,
  tableRecords,
  writeCsv,
  writeRunOutputs,
} from "./src/table/mod.ts";

// GMAT output formats
export {
  CONTACT_COLUMNS,
  type ContactColumn,
  type ContactReport,
  type ContactReportFormat,
  type ContactRow,
  type ContactTimeColumn,
  type ContactTimeFormat,
  type EpochFormat,
  type LineEnding,
  type OemFile,
  type OemHeader,
  type OemMetadata,
  type OemRecord,
  type OemSegment,
  OutputParseError,
  parseContactReport,
  parseOem,
  parseReportFile,
  type ParseReportFileOptions,
  parseStk,
  type ReportColumnType,
  type ReportFileTable,
  type RunOutput,
  type RunOutputFormat,
  type RunOutputKind,
  type StkDistanceUnit,
  type StkFile,
  type StkRecord,
  type TimeScale,
} from "./src/formats/mod.ts";

// Postprocess hooks (helpers for hook authors: ./hook.ts)
export {
  formatHookPermissions,
  HookError,
  type HookErrorCode,
  type HookIsolation,
  type HookPermissionGrant,
  type HookPermissions,
  type HookSpecifier,
  parseHookPermissions,
  parseHookSpecifier,
  type ParseHookSpecifierOptions,
  type ResolvedHook,
  resolveHook,
} from "./src/hooks/mod.ts";

// Analysis
export {
  ANALYSIS_METADATA_KEY,
  AnalysisError,
  type AnalysisErrorCode,
  type DiffColumnSummary,
  type DiffKey,
  mcConvergence,
  type McConvergenceOptions,
  type PerRunOptions,
  type PerRunValues,
  perRunValues,
  RunningMoments,
  type RunReduce,
  type SobolAnalysis,
  sobolAnalyze,
  type SobolAnalyzeOptions,
  type SobolDesign,
  type SobolIndex,
  type SobolParameter,
  sobolPoints,
  type SobolPointsOptions,
  sobolSample,
  type SobolSampleOptions,
  SUMMARY_STATISTICS,
  type SummaryStatistic,
  type SweepDiff,
  sweepDiff,
  type SweepDiffOptions,
  type SweepDiffSummary,
  sweepSummary,
  type SweepSummaryOptions,
} from "./src/analysis/mod.ts";

// Plots (Vega-Lite, with SVG rendering)
export {
  type BandRow,
  bandSpec,
  type BandSpecOptions,
  type ConvergenceRow,
  convergenceSpec,
  type ConvergenceSpecOptions,
  heatmapSpec,
  type HeatmapSpecOptions,
  Plot,
  type PlotBundle,
  plotBundle,
  PlotError,
  type PlotErrorCode,
  type PlotKind,
  type RenderOptions,
  renderSvg,
  type RunMetricRow,
  scatterSpec,
  type ScatterSpecOptions,
  sweepPlot,
  type SweepPlotOptions,
  VEGA_LITE_MIME,
  type VegaLiteSpec,
} from "./src/plots/mod.ts";

// Archives
export {
  ArchiveError,
  type ArchiveErrorCode,
  type ArchiveResult,
  archiveSweep,
  type ArchiveSweepOptions,
  type RunFilesMode,
} from "./src/archive/mod.ts";

// Notebook display
export {
  attachDisplay,
  type Displayable,
  displayTable,
  JUPYTER_DISPLAY,
  type MimeBundle,
  tableBundle,
  type TableDisplayOptions,
} from "./src/display/mod.ts";

// Execution
export {
  type AdoptSlurmOptions,
  type EngineChoice,
  type JobHook,
  LocalPool,
  type LocalPoolOptions,
  type RunJob,
  SlurmError,
  type SlurmErrorCode,
  SlurmPool,
  type SlurmPoolOptions,
  type SlurmStatus,
} from "./src/pool/mod.ts";
export type { SlurmBackendOptions } from "./src/sweep/mod.ts";
export {
  type DiscoveredOutput,
  type DiscoveredSolverLog,
  type GmatConsoleMode,
  GmatConsoleSession,
  type GmatConsoleSessionOptions,
  GmatInputFileError,
  type GmatInstall,
  GmatNotFoundError,
  type GmatOutputFormat,
  type GmatOutputKind,
  type GmatRunResult,
  type GmatSearchAttempt,
  locateGmat,
  type LocateGmatOptions,
  type MissingInputFile,
  type PlannedGmatOutput,
  type PlannedSolverLog,
  type PreparedGmatRun,
  prepareGmatRun,
  type PrepareGmatRunOptions,
  type ResolvedInputFile,
  type RestartCause,
  runGmatConsole,
  type RunGmatConsoleOptions,
  type Spawn,
  type SpawnedProcess,
  type SpawnRequest,
  type SpawnStatus,
} from "./src/gmat/mod.ts";

// Scripts and the built-in engine: the whole syntax tree, then the front end's functions
export type * from "./src/script/ast.ts";
export {
  canonicalScriptFileSha256,
  canonicalScriptSha256,
  canonicalScriptText,
  checkOverrideKey,
  formatOverrideValue,
  type IncludeReader,
  insertOverrides,
  type InsertOverridesOptions,
  type OverrideValue,
  type ParseOptions,
  parseScript,
  renderOverrideLines,
  ScriptError,
  type ScriptErrorCode,
  type SourcePos,
} from "./src/script/mod.ts";
export {
  BUILTIN_ENGINE_VERSION,
  checkScriptText,
  type ConsoleIo,
  type EngineOutput,
  EngineRunError,
  type EngineRunResult,
  runConsole,
  type RunCounters,
  runScriptFile,
  type RunScriptOptions,
  runScriptText,
  SUPPORTED_QUANTITIES,
  type WriteMessage,
} from "./src/engine/mod.ts";

// Run as a program (`deno run -A mod.ts run leo.script ...`, or `deno run -A jsr:@gmat/sweep ...`
// once published), the package's main module is the CLI; imported, it is the library and loads
// nothing of the CLI.
if (import.meta.main) {
  const { main } = await import("./src/cli/main.ts");
  Deno.exit(await main(Deno.args));
}
