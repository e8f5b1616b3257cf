/**
 * gmat-sweep: run parameter sweeps and Monte Carlo dispersions over GMAT mission scripts.
 *
 * This version exports the foundation: the GMAT script front end and the built-in engine.
 *
 * @example Run a script on the built-in engine
 * ```ts ignore
 * import { runScriptFile } from "./mod.ts";
 * const result = await runScriptFile("fixtures/scripts/leo_basic.script", { outputDir: "/tmp/leo" });
 * console.log(result.outputs.map((o) => o.path));
 * ```
 *
 * @module
 */

export { GmatSweepError } from "./src/errors/mod.ts";
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
  type EngineOutput,
  EngineRunError,
  type EngineRunResult,
  runConsole,
  runScriptFile,
  type RunScriptOptions,
  runScriptText,
  SUPPORTED_QUANTITIES,
} from "./src/engine/mod.ts";
