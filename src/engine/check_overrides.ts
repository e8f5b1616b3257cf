/**
 * Checking a sweep's overrides against its script before any run starts, so a typo in a field
 * name or a value the engine cannot take fails at once with the override named, instead of as
 * hundreds of failed runs.
 *
 * @module
 */

import type { MissionStatement, ResourceStatement } from "../script/ast.ts";
import {
  GMAT_DEFAULT_BODIES,
  GMAT_DEFAULT_COORDINATE_SYSTEMS,
  gmatHasField,
  gmatTypeInfo,
} from "../script/gmat_types.ts";
import { fileIncludeReader, type IncludeReader, parseScript } from "../script/parser.ts";
import { insertOverrides, type OverrideValue, renderOverrideLines } from "../script/overrides.ts";
import { ScriptError } from "../script/errors.ts";
import { Diagnostics, didYouMean } from "./diagnostics.ts";
import { applyAssignment, buildModel } from "./model.ts";
import { checkScriptText } from "./run_script.ts";

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
  const combined = insertOverrides(text, overrides, { file });
  try {
    checkScriptText(combined, file);
  } catch (e) {
    throw e instanceof ScriptError ? atOverride(e, combined, file, overrides) : e;
  }
}

/**
 * An error the whole-script check found on an inserted override line, located at that override
 * (`<override KEY>:1:COL`) instead of at a line number of the user's script that holds something
 * else; any other error unchanged.
 */
function atOverride(
  e: ScriptError,
  combined: string,
  file: string,
  overrides: Readonly<Record<string, OverrideValue>>,
): ScriptError {
  if (e.pos === undefined || e.pos.file !== file) return e;
  const line = combined.split(/\r\n|\r|\n/)[e.pos.line - 1];
  const key = Object.keys(overrides).find((k) =>
    renderOverrideLines({ [k]: overrides[k] })[0] === line
  );
  if (key === undefined) return e;
  return new ScriptError(e.code, {
    message: e.detail,
    pos: { file: `<override ${key}>`, line: 1, column: e.pos.column },
    sourceLine: line,
    construct: e.construct,
    hint: e.hint,
  }, { cause: e });
}

/**
 * Check overrides for real GMAT, which alone validates the rest of the script: each override
 * must name a resource the script (or a file it includes) creates, or one of GMAT's default
 * objects, and a field that resource's type has where GMAT's field list for the type is known.
 * Nothing else in the script is judged here: GMAT reports its own errors for the run.
 *
 * @throws {ScriptError} `SCRIPT_UNKNOWN_RESOURCE` or `SCRIPT_UNKNOWN_FIELD` naming the override.
 */
export function checkOverridesGmat(
  text: string,
  file: string,
  overrides: Readonly<Record<string, OverrideValue>>,
): void {
  if (Object.keys(overrides).length === 0) return;
  const script = parseScript(text, { file, include: lenientIncludeReader });
  const types = new Map<string, string>();
  const collect = (stmts: readonly (ResourceStatement | MissionStatement)[]) => {
    for (const r of stmts) {
      if (r.kind === "create") { for (const n of r.names) types.set(n.name, r.type); }
      else if (r.kind === "command") {
        collect(r.body ?? []);
        collect(r.elseBody ?? []);
      }
    }
  };
  collect(script.resources);
  collect(script.mission);
  for (const key of Object.keys(overrides)) {
    renderOverrideLines({ [key]: overrides[key] });
    const [owner, ...path] = key.split(".");
    const type = types.get(owner) ??
      (owner === "SolarSystem"
        ? "SolarSystem"
        : GMAT_DEFAULT_BODIES.includes(owner)
        ? "CelestialBody"
        : GMAT_DEFAULT_COORDINATE_SYSTEMS.includes(owner)
        ? "CoordinateSystem"
        : undefined);
    if (type === undefined) {
      throw new ScriptError("SCRIPT_UNKNOWN_RESOURCE", {
        message: `override '${key}': the script creates no resource '${owner}'${
          didYouMean(owner, types.keys())
        }`,
        construct: key,
        hint: `use a resource created in ${file}, e.g. ${[...types.keys()].slice(0, 3).join(", ")}`,
      });
    }
    if (gmatHasField(type, path) === false) {
      throw new ScriptError("SCRIPT_UNKNOWN_FIELD", {
        message: `override '${key}': GMAT's ${type} has no field '${path.join(".")}'${
          didYouMean(path.join("."), gmatTypeInfo(type)?.fields ?? [])
        }`,
        construct: `${type}.${path.join(".")}`,
        hint: `check the field name against GMAT's ${type} fields`,
      });
    }
  }
}

/** Read includes relative to the including file; one that cannot be read is left to GMAT. */
const lenientIncludeReader: IncludeReader = (name, from) => {
  try {
    return fileIncludeReader(name, from);
  } catch {
    return { file: name, text: "" };
  }
};
