/**
 * Where a manifest's run tree is: the directory given, else the header's `output_dir` (relative
 * to the manifest's directory, as an archive records `runs`), else the manifest's directory.
 *
 * The header is untrusted input: its `output_dir` must be a relative path that stays inside the
 * manifest's directory, otherwise a manifest could make resume write (and clean) run directories
 * anywhere. A directory given explicitly by the caller is the caller's choice and is used as is.
 *
 * @module
 */

import { dirname, isAbsolute, resolve, win32 } from "node:path";
import { isInside } from "./confine.ts";
import { ManifestCorruptError } from "./errors.ts";
import type { ManifestHeader } from "./header.ts";

/**
 * The absolute directory holding a manifest's `run-<id>/` folders.
 *
 * @param manifestPath The manifest.
 * @param header Its header.
 * @param given An explicit directory (wins).
 * @throws {ManifestCorruptError} At line 1 when the header's `output_dir` is absolute or leaves
 *   the manifest's directory.
 */
export function runTreeOf(
  manifestPath: string,
  header: ManifestHeader,
  given: string | undefined,
): string {
  if (given !== undefined) return resolve(given);
  const base = dirname(resolve(manifestPath));
  const recorded = header.output_dir;
  if (recorded === undefined) return base;
  const tree = resolve(base, recorded);
  if (
    isAbsolute(recorded) || win32.isAbsolute(recorded) || recorded.includes("\0") ||
    !isInside(base, tree)
  ) {
    throw new ManifestCorruptError(
      manifestPath,
      1,
      `header output_dir ${JSON.stringify(recorded)} is not a directory inside the manifest's ` +
        `directory ${base}`,
      "a manifest may only place its run tree below its own directory (an archive records " +
        '"runs"); pass the directory that holds the run-<id> folders explicitly ' +
        "(--output-dir, outputDir) instead",
    );
  }
  return tree;
}
