/**
 * Questions resume and extend ask of a manifest: which runs failed, which never finished, how many
 * runs the sweep has after extensions.
 *
 * @module
 */

import { ManifestArgumentError } from "./errors.ts";
import type { Manifest } from "./reader.ts";

/** Refuses anything but a read manifest (a path is the usual mistake). */
function checkManifest(fn: string, manifest: unknown): void {
  const entries = (manifest as { entries?: unknown } | null | undefined)?.entries;
  if (typeof manifest !== "object" || manifest === null || !Array.isArray(entries)) {
    throw new ManifestArgumentError(fn, manifest);
  }
}

/**
 * Run ids whose last entry is `failed`, in the order they first appear. `skipped` is not failed.
 *
 * @param manifest A manifest from `readManifest` (already last-wins deduplicated).
 * @returns The failed run ids.
 *
 * @example
 * ```ts
 * import { findFailed, type Manifest } from "./mod.ts";
 * const manifest = {
 *   entries: [{ run_id: 2, status: "failed" }, { run_id: 0, status: "skipped" }],
 * } as unknown as Manifest;
 * console.log(findFailed(manifest)); // [ 2 ]
 * ```
 */
export function findFailed(manifest: Pick<Manifest, "entries">): number[] {
  checkManifest("findFailed", manifest);
  return manifest.entries.filter((e) => e.status === "failed").map((e) => e.run_id);
}

/**
 * Expected run ids that have no line at all in the manifest, in the order given.
 *
 * @param manifest A manifest from `readManifest`.
 * @param expectedRunIds The run ids the sweep should have (e.g. `0..totalRunCount-1`).
 * @returns The missing run ids.
 */
export function findMissing(
  manifest: Pick<Manifest, "entries">,
  expectedRunIds: Iterable<number>,
): number[] {
  checkManifest("findMissing", manifest);
  const seen = new Set(manifest.entries.map((e) => e.run_id));
  const missing: number[] = [];
  for (const id of expectedRunIds) if (!seen.has(id)) missing.push(id);
  return missing;
}

function maxRunId(manifest: Pick<Manifest, "entries">): number {
  let max = -1;
  for (const e of manifest.entries) if (e.run_id > max) max = e.run_id;
  return max;
}

/**
 * The sweep's run count including extensions: `max(run_count, max(run_id) + 1)`. This tool's
 * `extend` raises the header's `run_count` to its target before any run; the Python tool's left
 * it frozen at launch, so there it lags behind.
 *
 * @param manifest A manifest from `readManifest`.
 * @returns The total run count.
 */
export function totalRunCount(manifest: Pick<Manifest, "header" | "entries">): number {
  checkManifest("totalRunCount", manifest);
  return Math.max(manifest.header.run_count, maxRunId(manifest) + 1);
}

/**
 * How many runs `extend` added to a Monte Carlo sweep: `max(0, max(run_id) + 1 - n)` where `n` is
 * the header's `parameter_spec.n`; 0 for any other kind of sweep.
 *
 * @param manifest A manifest from `readManifest`.
 * @returns The number of extension runs.
 */
export function extensionRunCount(manifest: Pick<Manifest, "header" | "entries">): number {
  checkManifest("extensionRunCount", manifest);
  const spec = manifest.header.parameter_spec;
  if (spec._kind !== "monte_carlo" || typeof spec.n !== "number") return 0;
  return Math.max(0, maxRunId(manifest) + 1 - spec.n);
}
