/**
 * Tables straight from a manifest file, without reopening the sweep (no script needed): the
 * stitched outputs and the hook outputs of whatever the manifest records.
 *
 * Reading trusts nothing the manifest says about files: every path must resolve inside the output
 * directory, through symbolic links too ({@link readOutcomes}), and nothing else is loaded (the
 * header's hook is never resolved for a table). Outputs that are missing or differ from the size
 * and SHA-256 the manifest recorded become `output_missing` / `output_damaged` marker rows, each
 * reported through `onWarning` (default `console.warn`).
 *
 * @module
 */

import { z } from "npm:zod@4.6.7";
import { checkArgument, PathArg } from "../errors/arguments.ts";
import type { Table } from "npm:apache-arrow@21.2.0";
import { extraOutputsTable, type OutputKind, stitchRuns } from "../table/mod.ts";
import { type ManifestTableOptions, readOutcomes } from "./outcomes.ts";

export type { ManifestTableOptions } from "./outcomes.ts";

/** A hook output's name. */
const KeyArg = z.string({ error: 'expected a hook output name such as "orbit_metrics"' }).min(1);

/**
 * The run_id-keyed table of one hook output registered in a manifest's `extra_outputs`.
 *
 * @param manifestPath The manifest.
 * @param key The hook output name, e.g. `orbit_metrics`.
 * @param options The output directory, warnings, verification.
 * @throws {TableError} `TABLE_UNKNOWN_NAME` naming the key when no run registered it.
 * @throws {ManifestPathError} When the manifest names a file outside the output directory.
 */
export async function lazyExtraOutputs(
  manifestPath: string,
  key: string,
  options: ManifestTableOptions = {},
): Promise<Table> {
  checkArgument("lazyExtraOutputs(manifestPath)", PathArg, manifestPath);
  checkArgument("lazyExtraOutputs(key)", KeyArg, key);
  return await extraOutputsTable(await readOutcomes(manifestPath, options), key, {
    onWarning: options.onWarning ?? console.warn,
  });
}

/**
 * The stitched table of one output of the runs a manifest records.
 *
 * @param manifestPath The manifest.
 * @param options `kind` (default `report`), `name` when there are several, `outputDir`,
 *   warnings, verification.
 * @throws {ManifestPathError} When the manifest names a file outside the output directory.
 */
export async function lazyOutputs(
  manifestPath: string,
  options: ManifestTableOptions & { readonly kind?: OutputKind; readonly name?: string } = {},
): Promise<Table> {
  checkArgument("lazyOutputs(manifestPath)", PathArg, manifestPath);
  const entries = await readOutcomes(manifestPath, options);
  return stitchRuns(entries, {
    kind: options.kind ?? "report",
    name: options.name,
    onWarning: options.onWarning ?? console.warn,
  }).table;
}
