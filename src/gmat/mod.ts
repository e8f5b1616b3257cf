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

export { GmatNotFoundError, GmatRunDirError, type GmatSearchAttempt } from "./errors.ts";
export { type GmatInstall, inspectGmatRoot, readGmatVersion } from "./install.ts";
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
  discoverOutputs,
  type GmatOutputFormat,
  type GmatOutputKind,
} from "./discover_outputs.ts";
export {
  expectedEngineOutputs,
  type PlannedGmatOutput,
  planOutputFiles,
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
export { describeInstall, type GmatEngineInfo } from "./engine_info.ts";
export {
  makeGmatInstall,
  type MakeGmatInstallOptions,
  STOCK_STARTUP_FILE,
} from "./install_shim.ts";
