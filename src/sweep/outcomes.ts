/**
 * A manifest's runs as outcomes whose every path is confined to the sweep's output directory:
 * what tables, `Sweep#outcomes()` and archives read. A manifest is untrusted input, so a path that
 * leaves the output directory, lexically or through a symbolic link, is refused before anything
 * is opened; the header's hook is never loaded here.
 *
 * @module
 */

import { resolve } from "node:path";
import {
  checkRealPathInside,
  type ManifestEntry,
  outcomeFromEntry,
  readManifest,
} from "../manifest/mod.ts";
import type { RunOutcome } from "../runs/mod.ts";
import { runTreeOf } from "../manifest/mod.ts";

/** Where the run tree is when it is not beside the manifest, and where warnings go. */
export interface ManifestTableOptions {
  /** Directory holding `run-<id>/`. @default {the manifest's directory (or its `output_dir`)} */
  readonly outputDir?: string;
  /** Receives a warning per output that is missing or damaged. @default {console.warn} */
  readonly onWarning?: (message: string) => void;
  /**
   * Check each output against the size and SHA-256 the manifest recorded (a damaged file becomes
   * an `output_damaged` marker row). @default {true}
   */
  readonly verifyOutputs?: boolean;
}

/**
 * The outcomes of a manifest's entries with every path resolved and confined to the output
 * directory: a path that leaves it, lexically or through a link, is refused.
 *
 * @param entries The entries (last attempt per run).
 * @param outputDir The output directory.
 * @param verifyOutputs Keep the recorded digests (false drops them: no content check).
 * @returns One outcome per entry.
 * @throws {ManifestPathError} For a path outside the output directory.
 */
export function confinedOutcomes(
  entries: readonly ManifestEntry[],
  outputDir: string,
  verifyOutputs = true,
): RunOutcome[] {
  let real: string | undefined;
  try {
    real = Deno.realPathSync(outputDir);
  } catch {
    // no tree: every file is missing
  }
  return entries.map((e) => {
    const o = outcomeFromEntry(e, outputDir);
    if (real !== undefined) {
      for (const [k, p] of Object.entries(o.outputPaths)) {
        checkRealPathInside(real, p, o.runId, `output_paths.${k}`);
      }
      for (const [k, p] of Object.entries(o.extraOutputs)) {
        checkRealPathInside(real, p, o.runId, `extra_outputs.${k}`);
      }
    }
    if (!verifyOutputs) return { ...o, outputDigests: undefined };
    return o;
  });
}

/**
 * Read a manifest and turn its entries into confined outcomes (see {@link confinedOutcomes}).
 *
 * @param manifestPath The manifest.
 * @param options The output directory (default: the manifest's, or its header's `output_dir`).
 * @returns One outcome per run (last attempt).
 * @throws {ManifestPathError} For a path outside the output directory.
 * @throws {ManifestCorruptError} For a header `output_dir` outside the manifest's directory.
 */
export async function readOutcomes(
  manifestPath: string,
  options: ManifestTableOptions = {},
): Promise<RunOutcome[]> {
  const path = resolve(manifestPath);
  const manifest = await readManifest(path);
  const outputDir = runTreeOf(path, manifest.header, options.outputDir);
  return confinedOutcomes(manifest.entries, outputDir, options.verifyOutputs ?? true);
}
