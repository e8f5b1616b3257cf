/**
 * Checking a sweep's overrides against its script before any run starts, so a typo in a field
 * name or a value the engine cannot take fails at once with the override named, instead of as
 * hundreds of failed runs.
 *
 * @module
 */

import { parseScript } from "../script/parser.ts";
import { insertOverrides, type OverrideValue, renderOverrideLines } from "../script/overrides.ts";
import { ScriptError } from "../script/errors.ts";
import { Diagnostics, didYouMean } from "./diagnostics.ts";
import { applyAssignment, buildModel } from "./model.ts";
import { checkScriptText } from "./run_script.ts";

const DEFAULT_OBJECTS = new Set(["SolarSystem", "Earth", "Luna", "Sun"]);

/**
 * Check overrides for the built-in engine: each must name an existing resource and field and
 * carry a value the field accepts, and the script with all of them must pass every pre-run check.
 *
 * @param text The script text.
 * @param file The script path, for messages.
 * @param overrides The overrides of one run (every run of a sweep sets the same fields).
 * @throws {ScriptError} With a pseudo-file `<override NAME>` locating the bad override.
 */
export function checkOverridesBuiltin(
  text: string,
  file: string,
  overrides: Readonly<Record<string, OverrideValue>>,
): void {
  const script = parseScript(text, { file });
  const model = buildModel(script, new Diagnostics(script));
  for (const [key, value] of Object.entries(overrides)) {
    const line = renderOverrideLines({ [key]: value })[0];
    const one = parseScript(line, { file: `<override ${key}>` });
    const stmt = one.resources[0];
    if (stmt?.kind !== "assignment") continue;
    applyAssignment(model, stmt, new Diagnostics(one));
  }
  checkScriptText(insertOverrides(text, overrides, { file }), file);
}

/**
 * Check overrides for real GMAT, which only it can fully validate: each must at least name a
 * resource the script creates (or a default object such as SolarSystem).
 *
 * @throws {ScriptError} `SCRIPT_UNKNOWN_RESOURCE` naming the override.
 */
export function checkOverridesGmat(
  text: string,
  file: string,
  overrides: Readonly<Record<string, OverrideValue>>,
): void {
  const script = parseScript(text, { file });
  const names = new Set<string>();
  for (const r of script.resources) {
    if (r.kind === "create") { for (const n of r.names) names.add(n.name); }
  }
  for (const key of Object.keys(overrides)) {
    renderOverrideLines({ [key]: overrides[key] });
    const owner = key.split(".")[0];
    if (!names.has(owner) && !DEFAULT_OBJECTS.has(owner)) {
      throw new ScriptError("SCRIPT_UNKNOWN_RESOURCE", {
        message: `override '${key}': the script creates no resource '${owner}'${
          didYouMean(owner, names)
        }`,
        hint: `use a resource created in ${file}, e.g. ${[...names].slice(0, 3).join(", ")}`,
      });
    }
  }
}
