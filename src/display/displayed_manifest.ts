/**
 * The public `readManifest`: the manifest layer's reader with the notebook display attached, so a
 * manifest shows its summary in Jupyter. (The manifest layer itself knows nothing of display.)
 *
 * @module
 */

import { type Manifest, readManifest as readPlainManifest } from "../manifest/mod.ts";
import { attachDisplay, type Displayable } from "./bundle.ts";
import { manifestBundle } from "./manifest_display.ts";

/**
 * Read and validate a whole manifest (last line of each run id wins, at the position of its first
 * line) and give it a notebook display: script, hash, engine, runs, status counts, first runs.
 *
 * @param path The manifest path.
 * @returns The manifest, displayable in the Deno Jupyter kernel.
 * @throws {ManifestNotFoundError} If the file does not exist.
 * @throws {ManifestCorruptError} If a line other than a torn tail is malformed.
 *
 * @example
 * ```ts ignore
 * import { readManifest } from "./displayed_manifest.ts";
 * const manifest = await readManifest("sweeps/sma/manifest.jsonl");
 * console.log(manifest.entries.length);
 * manifest; // in a notebook: the HTML summary
 * ```
 */
export async function readManifest(path: string): Promise<Manifest & Displayable> {
  const manifest = await readPlainManifest(path);
  return attachDisplay(manifest, () => manifestBundle(manifest));
}
