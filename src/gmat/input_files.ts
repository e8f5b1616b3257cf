/**
 * Input files a script names, found the way GMAT finds them for the original script, so the
 * per-run script (which runs from another directory) can name them by absolute path.
 *
 * The fields read are GMAT's data-file fields: `PotentialFile`, `CSSISpaceWeatherFile`,
 * `SchattenFile`, `EopFileName`, a drag model's `InputFile`, `SPADSRPFile`, `SPADDragFile` and
 * `AttitudeFileName`, set in the initialisation section with a quoted or plain file name. An
 * absolute name is kept. A relative one is looked for in GMAT's order: its working directory
 * (the install's `bin/`, where GmatConsole changes to), the script's directory, then the startup
 * file's data paths (every `*_PATH` key in file order; for a gravity file also
 * `<GRAVITY_PATH>/<body>/`). The first hit is used. A name with a directory part found nowhere is
 * an error before any run ({@link GmatInputFileError}); a bare name found nowhere is left to GMAT,
 * whose own default locations are not all modelled here.
 *
 * @module
 */

import { dirname, isAbsolute, join, resolve } from "node:path";
import { parseScript, type ScriptValue } from "../script/mod.ts";
import { GmatInputFileError, type MissingInputFile } from "./errors.ts";
import { resolveStartupValues } from "./startup_file.ts";

/** Field names (last segment) that name an input data file. */
export const INPUT_FILE_FIELDS: readonly string[] = [
  "PotentialFile",
  "CSSISpaceWeatherFile",
  "SchattenFile",
  "EopFileName",
  "InputFile",
  "SPADSRPFile",
  "SPADDragFile",
  "AttitudeFileName",
];

/** An input file found. */
export interface ResolvedInputFile {
  /** The field path, e.g. `FM.Drag.CSSISpaceWeatherFile`. */
  readonly field: string;
  /** The file name as the script writes it. */
  readonly written: string;
  /** The absolute path found. */
  readonly path: string;
}

/** Options of {@link resolveInputFiles}. */
export interface ResolveInputFilesOptions {
  /** The script's path (its directory is searched; parse errors name it). */
  readonly scriptFile: string;
  /** The install's bin directory (GMAT's working directory). */
  readonly binDir: string;
  /** The install's startup file text (its data paths are searched). */
  readonly startupText: string;
}

function fileName(value: ScriptValue): string | null {
  if (value.kind === "string" || value.kind === "word") return value.value.trim();
  return null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}

/**
 * Find the input files a script names.
 *
 * @param scriptText The script text (overrides included).
 * @param options Script path, bin directory and startup file.
 * @returns Every relative input found, with its absolute path (absolute names are not listed).
 * @throws {GmatInputFileError} `GMAT_INPUT_FILE` listing every input with a directory part (or
 *   an absolute name) that exists nowhere GMAT looks.
 * @throws {ScriptError} When the script does not parse.
 *
 * @example
 * ```ts
 * import { resolveInputFiles } from "./input_files.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.mkdir(`${dir}/bin`);
 * await Deno.writeTextFile(`${dir}/sw.txt`, "data");
 * const found = await resolveInputFiles(
 *   "Create ForceModel FM\nFM.Drag.CSSISpaceWeatherFile = '../sw.txt'\nBeginMissionSequence\n",
 *   { scriptFile: `${dir}/a.script`, binDir: `${dir}/bin`, startupText: "" },
 * );
 * console.log(found[0].path === `${dir}/sw.txt`); // true
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function resolveInputFiles(
  scriptText: string,
  options: ResolveInputFilesOptions,
): Promise<ResolvedInputFile[]> {
  const script = parseScript(scriptText, { file: options.scriptFile });
  const named = new Map<string, string>();
  for (const stmt of script.resources) {
    if (stmt.kind !== "assignment" || stmt.path.length < 2) continue;
    if (!INPUT_FILE_FIELDS.includes(stmt.path[stmt.path.length - 1])) continue;
    const name = fileName(stmt.value);
    if (name !== null && name !== "") named.set(stmt.target, name);
  }
  if (named.size === 0) return [];
  const paths = resolveStartupValues(options.startupText, options.binDir);
  const dataDirs = [...paths.entries()].filter(([k]) => k.endsWith("_PATH")).map(([, v]) => v);
  const scriptDir = dirname(resolve(options.scriptFile));
  const found: ResolvedInputFile[] = [];
  const missing: MissingInputFile[] = [];
  for (const [field, written] of named) {
    const name = written.replace(/\\/g, "/");
    if (isAbsolute(name)) {
      if (!(await isFile(name))) missing.push({ field, written, tried: [name] });
      continue;
    }
    const dirs = [options.binDir, scriptDir, ...dataDirs];
    const gravity = paths.get("GRAVITY_PATH");
    const segments = field.split(".");
    if (field.endsWith(".PotentialFile") && gravity !== undefined && segments.length >= 2) {
      dirs.push(join(gravity, segments[segments.length - 2].toLowerCase()));
    }
    const tried = [...new Set(dirs.map((d) => resolve(d, name)))];
    let hit: string | undefined;
    for (const candidate of tried) {
      if (await isFile(candidate)) {
        hit = candidate;
        break;
      }
    }
    if (hit !== undefined) found.push({ field, written, path: hit });
    else if (name.includes("/")) missing.push({ field, written, tried });
  }
  if (missing.length > 0) throw new GmatInputFileError(options.scriptFile, missing);
  return found;
}
