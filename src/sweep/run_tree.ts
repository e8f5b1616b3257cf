/**
 * Where a manifest's run tree is: the directory given, else the header's `output_dir` (relative
 * to the manifest's directory, as an archive records `runs`), else the manifest's directory.
 *
 * @module
 */

import { dirname, resolve } from "node:path";
import type { ManifestHeader } from "../manifest/mod.ts";

/**
 * The absolute directory holding a manifest's `run-<id>/` folders.
 *
 * @param manifestPath The manifest.
 * @param header Its header.
 * @param given An explicit directory (wins).
 */
export function runTreeOf(
  manifestPath: string,
  header: ManifestHeader,
  given: string | undefined,
): string {
  if (given !== undefined) return resolve(given);
  const base = dirname(resolve(manifestPath));
  return header.output_dir === undefined ? base : resolve(base, header.output_dir);
}
