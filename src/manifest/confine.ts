/**
 * Confinement of the paths a manifest names: a manifest is untrusted input (an archive from a
 * colleague, a file edited by hand), so every path it holds must resolve inside the sweep's output
 * directory before anything reads, writes or deletes it. Lexically first ({@link confinedPath}:
 * `..` and absolute paths that leave the directory are refused), then, before files are read,
 * through symbolic links ({@link checkRealPathInside}).
 *
 * @module
 */

import { isAbsolute, relative, resolve, sep } from "node:path";
import { ManifestPathError } from "./errors.ts";

/** The fix named when a manifest points outside its output directory. */
export const OUTSIDE_PATH_FIX =
  "a manifest may name only files inside its sweep's output directory; restore the entry " +
  "from the sweep that wrote it, or pass the directory that holds the run-<id> folders " +
  "(--output-dir, outputDir) when the tree moved";

/**
 * Whether `path` lies strictly inside `dir` (both absolute), compared lexically.
 *
 * @param dir An absolute directory.
 * @param path An absolute path.
 * @returns True when `path` is below `dir` (not `dir` itself).
 *
 * @example
 * ```ts
 * import { isInside } from "./confine.ts";
 * console.log(isInside("/s/out", "/s/out/run-1/a.parquet"), isInside("/s/out", "/s/outside"));
 * // true false
 * ```
 */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * The absolute path of a path recorded in a manifest, refused unless it lies inside the output
 * directory. Relative paths resolve against the output directory; absolute ones (the Python
 * tool's) must point into it.
 *
 * @param outputDir The sweep's output directory.
 * @param value The path as recorded.
 * @param runId The run whose entry holds it (for the message).
 * @param field The entry field, e.g. `output_paths.report__RF` (for the message).
 * @returns The absolute path.
 * @throws {ManifestPathError} When the path leaves the output directory or holds a NUL byte.
 */
export function confinedPath(
  outputDir: string,
  value: string,
  runId: number,
  field: string,
): string {
  const base = resolve(outputDir);
  const abs = resolve(base, value);
  if (value.includes("\0") || !isInside(base, abs)) {
    throw new ManifestPathError(
      runId,
      field,
      value,
      base,
      "resolves outside the output directory",
      OUTSIDE_PATH_FIX,
    );
  }
  return abs;
}

/**
 * Refuse a file that a symbolic link makes resolve outside the (real) output directory. A file
 * that does not exist passes: it is reported as missing by whoever reads it.
 *
 * @param realOutputDir The output directory with its own links resolved (`Deno.realPathSync`).
 * @param abs The file's absolute path (already lexically confined).
 * @param runId The run whose entry names it.
 * @param field The entry field.
 * @throws {ManifestPathError} When the file's real path is outside the output directory.
 */
export function checkRealPathInside(
  realOutputDir: string,
  abs: string,
  runId: number,
  field: string,
): void {
  let real: string;
  try {
    real = Deno.realPathSync(abs);
  } catch {
    return;
  }
  if (!isInside(realOutputDir, real)) {
    throw new ManifestPathError(
      runId,
      field,
      abs,
      realOutputDir,
      `is a link to ${JSON.stringify(real)}, outside the output directory`,
      OUTSIDE_PATH_FIX,
    );
  }
}
