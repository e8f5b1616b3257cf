/**
 * Where GMAT puts an output file named by a `Filename` field (FileManager's output rules).
 *
 * Absolute paths are used as they are; names starting with `./` or `../` are relative to the
 * script's directory; any other name goes into OUTPUT_PATH. An unset Filename is `<Name>` plus
 * the resource's default extension.
 *
 * @module
 */

import { isAbsolute, join, resolve } from "node:path";

/**
 * Resolve an output Filename.
 *
 * @param filename The Filename field, or undefined when unset.
 * @param defaultName The name used when unset (e.g. `RF.txt`).
 * @param dirs The script directory and OUTPUT_PATH.
 * @returns An absolute path.
 */
export function resolveOutputPath(
  filename: string | undefined,
  defaultName: string,
  dirs: { readonly scriptDir: string; readonly outputDir: string },
): string {
  const name = filename ?? defaultName;
  if (isAbsolute(name)) return name;
  if (/^\.\.?[\\/]/.test(name)) return resolve(dirs.scriptDir, name);
  return resolve(join(dirs.outputDir, name.replace(/\\/g, "/")));
}
