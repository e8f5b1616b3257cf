/**
 * Tables straight from a manifest file, without reopening the sweep (no script needed): the
 * stitched outputs and the hook outputs of whatever the manifest records.
 *
 * @module
 */

import { resolve } from "node:path";
import { runTreeOf } from "./run_tree.ts";
import type { Table } from "apache-arrow";
import { outcomeFromEntry, readManifest } from "../manifest/mod.ts";
import { extraOutputsTable, type OutputKind, stitchRuns } from "../table/mod.ts";

/** Where the run tree is when it is not beside the manifest. */
export interface ManifestTableOptions {
  /** Directory holding `run-<id>/`. @default {the manifest's directory} */
  readonly outputDir?: string;
}

async function outcomes(manifestPath: string, options: ManifestTableOptions) {
  const path = resolve(manifestPath);
  const manifest = await readManifest(path);
  const outputDir = runTreeOf(path, manifest.header, options.outputDir);
  return manifest.entries.map((e) => outcomeFromEntry(e, outputDir));
}

/**
 * The run_id-keyed table of one hook output registered in a manifest's `extra_outputs`.
 *
 * @param manifestPath The manifest.
 * @param key The hook output name, e.g. `orbit_metrics`.
 * @throws {TableError} `TABLE_UNKNOWN_NAME` naming the key when no run registered it.
 */
export async function lazyExtraOutputs(
  manifestPath: string,
  key: string,
  options: ManifestTableOptions = {},
): Promise<Table> {
  return await extraOutputsTable(await outcomes(manifestPath, options), key);
}

/**
 * The stitched table of one output of the runs a manifest records.
 *
 * @param manifestPath The manifest.
 * @param options `kind` (default `report`), `name` when there are several, `outputDir`.
 */
export async function lazyOutputs(
  manifestPath: string,
  options: ManifestTableOptions & { readonly kind?: OutputKind; readonly name?: string } = {},
): Promise<Table> {
  const entries = await outcomes(manifestPath, options);
  return stitchRuns(entries, { kind: options.kind ?? "report", name: options.name }).table;
}
