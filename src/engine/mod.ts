/**
 * The built-in GMAT engine: a TypeScript interpreter for a documented subset of GMAT script
 * (resources, the mission sequence with targeting and control flow, GMAT's force models from
 * `src/physics/`, integrators, stopping rules and output formats); plus a
 * GmatConsole-compatible console over it.
 *
 * @module
 */

export {
  BUILTIN_ENGINE_VERSION,
  type EngineOutput,
  EngineRunError,
  type EngineRunResult,
  runScriptFile,
  type RunScriptOptions,
  runScriptText,
} from "./run_script.ts";
export type { WriteMessage } from "./commands/write.ts";
export {
  CONSOLE_SUCCESS_LINE,
  type ConsoleIo,
  INTERACTIVE_PROMPT,
  readStartupFile,
  runConsole,
} from "./console.ts";
export {
  makeGmatInstall,
  type MakeGmatInstallOptions,
  STOCK_STARTUP_FILE,
} from "./gmat_install_shim.ts";
export type { RunCounters } from "./runtime.ts";
export { SUPPORTED_QUANTITIES } from "./parameters.ts";
export { checkScriptText } from "./run_script.ts";
export { checkOverridesBuiltin, checkOverridesGmat } from "./check_overrides.ts";
export { sweptFieldsWithoutEffect } from "./unused_fields.ts";
