/**
 * The real-GMAT driver: find a GMAT install, prepare a run directory (script with overrides and
 * absolute output Filenames, per-run startup file), run GmatConsole in its own process group
 * with a timeout, and judge the result the way GMAT's exit codes require.
 *
 * @example
 * ```ts ignore
 * import { describeInstall, locateGmat, prepareGmatRun, runGmatConsole } from "./mod.ts";
 * const install = await locateGmat(); // --gmat-root, GMAT_ROOT, ~/gmat-*, /opt/gmat-*, PATH
 * console.log(describeInstall(install)); // { kind: "gmat", version: "R2026a", path: ... }
 * const prepared = await prepareGmatRun(install, {
 *   scriptText: await Deno.readTextFile("leo.script"),
 *   scriptFile: "leo.script",
 *   overrides: { "Sat.SMA": 7100 },
 *   runDir: "/tmp/sweep/run-0",
 * });
 * const result = await runGmatConsole(install, prepared, { timeoutMs: 600_000 });
 * console.log(result.ok, result.reason, result.outputs);
 * ```
 *
 * @module
 */

export {
  GmatInputFileError,
  GmatNotFoundError,
  GmatRunDirError,
  type GmatSearchAttempt,
  type MissingInputFile,
} from "./errors.ts";
export {
  INPUT_FILE_FIELDS,
  type ResolvedInputFile,
  resolveInputFiles,
  type ResolveInputFilesOptions,
} from "./input_files.ts";
export {
  findGmatVersion,
  type GmatInstall,
  type GmatVersion,
  inspectGmatRoot,
  readGmatVersion,
} from "./install.ts";
export { locateGmat, type LocateGmatOptions } from "./locate_gmat.ts";
export {
  parseStartupFile,
  renderRunStartupFile,
  resolveStartupValues,
  type RunStartupFileOptions,
  type StartupEntry,
} from "./startup_file.ts";
export {
  type DiscoveredOutput,
  type DiscoveredSolverLog,
  discoverOutputs,
  discoverSolverLogs,
  type GmatOutputFormat,
  type GmatOutputKind,
  SOLVER_TYPES,
} from "./discover_outputs.ts";
export {
  expectedEngineOutputs,
  type GmatConsoleMode,
  type PlannedGmatOutput,
  type PlannedSolverLog,
  planOutputFiles,
  planSolverLogs,
  type PreparedGmatRun,
  prepareGmatRun,
  type PrepareGmatRunOptions,
  RUN_LOG_FILE,
  RUN_STARTUP_FILE,
} from "./prepare_run.ts";
export {
  findSetsid,
  type Spawn,
  type SpawnedProcess,
  spawnProcess,
  type SpawnRequest,
  type SpawnStatus,
} from "./spawn.ts";
export {
  type GmatRunResult,
  MISSION_COMPLETED,
  runGmatConsole,
  type RunGmatConsoleOptions,
} from "./run_console.ts";
export {
  describeInstall,
  type GmatEngineInfo,
  type GmatEngineRecord,
  gmatEngineRecord,
  readGmatBuildDate,
} from "./engine_info.ts";
export {
  GmatConsoleSession,
  type GmatConsoleSessionOptions,
  type RestartCause,
} from "./console_session.ts";
export {
  CONSOLE_PROMPT,
  CONSOLE_SUCCESS,
  ConsoleEvidence,
  SCRIPT_START,
} from "./console_protocol.ts";
