/**
 * Helpers for authors of postprocess hooks: the types a hook receives and returns, reading a
 * run's Parquet files into apache-arrow tables, and writing a table or plain records to Parquet.
 * A hook runs in a sandbox that may read and write only its run's directory, so these helpers
 * touch nothing else.
 *
 * @example A hook that writes one row of derived numbers
 * ```ts ignore
 * import { type Hook, readRunParquet, writeParquet } from "./hook.ts";
 *
 * export const deriveOrbitMetrics: Hook = async (spec, outcome) => {
 *   const report = await readRunParquet(outcome.outputPaths["report__RF"]);
 *   const x = report.getChild("Sat.EarthMJ2000Eq.X")!.toArray() as Float64Array;
 *   const path = `${spec.outputDir}/orbit_metrics.parquet`;
 *   await writeParquet([{ final_x_km: x[x.length - 1] }], path);
 *   return { orbit_metrics: path };
 * };
 * ```
 *
 * @module
 */

import * as arrow from "apache-arrow";
import type { RunOutcome } from "./src/runs/mod.ts";
import { readParquet } from "./src/table/parquet_io.ts";
import { writeParquetFile } from "./src/table/parquet_io.ts";
import { STITCHED_FILE_LAYOUT } from "./src/table/parquet_layout.ts";
import type { HookRunSpec } from "./src/hooks/host_protocol.ts";

export type { RunOutcome, RunSpec } from "./src/runs/mod.ts";
export type { HookRunSpec } from "./src/hooks/host_protocol.ts";

/**
 * A postprocess hook: called after each ok run with the run's spec (its `outputDir` is the run
 * directory) and outcome (`outputPaths` of its Parquet files, absolute); returns output names to
 * files it wrote inside the run directory. They become the manifest entry's `extra_outputs`.
 */
export type Hook = (
  spec: HookRunSpec,
  outcome: RunOutcome,
) => Record<string, string> | void | Promise<Record<string, string> | void>;

/**
 * Read a Parquet file (e.g. `outcome.outputPaths["report__RF"]`) into an apache-arrow table.
 *
 * @param path The file.
 */
export async function readRunParquet(path: string): Promise<arrow.Table> {
  return await readParquet(path);
}

/**
 * A value of one cell of a record given to {@link writeParquet}: numbers become float64, bigints
 * int64, strings utf8, booleans bool, and null a missing value.
 */
export type ParquetScalar = number | bigint | string | boolean | null;

function columnFor(name: string, values: ParquetScalar[]): arrow.Vector {
  const present = values.filter((v) => v !== null);
  if (present.every((v) => typeof v === "number")) {
    return arrow.vectorFromArray(values, new arrow.Float64());
  }
  if (present.every((v) => typeof v === "bigint")) {
    return arrow.vectorFromArray(values, new arrow.Int64());
  }
  if (present.every((v) => typeof v === "boolean")) {
    return arrow.vectorFromArray(values, new arrow.Bool());
  }
  if (present.every((v) => typeof v === "string")) {
    return arrow.vectorFromArray(values, new arrow.Utf8());
  }
  throw new TypeError(
    `writeParquet(): column '${name}' mixes types; give each column numbers, bigints, ` +
      "booleans or strings (null for missing)",
  );
}

/**
 * Write an apache-arrow table, or plain records (one object per row; numbers become float64,
 * bigints int64, strings utf8, booleans bool, null missing), to a Parquet file.
 *
 * @param data The table or the records (at least one).
 * @param path The destination (inside the run directory, in a hook).
 */
export async function writeParquet(
  data: arrow.Table | readonly Record<string, ParquetScalar>[],
  path: string,
): Promise<void> {
  let table: arrow.Table;
  if (data instanceof arrow.Table) table = data;
  else {
    if (data.length === 0) throw new TypeError("writeParquet(): no records to write");
    const names = [...new Set(data.flatMap((r) => Object.keys(r)))];
    const vectors: Record<string, arrow.Vector> = {};
    for (const name of names) vectors[name] = columnFor(name, data.map((r) => r[name] ?? null));
    table = new arrow.Table(vectors);
  }
  await writeParquetFile(table, path, STITCHED_FILE_LAYOUT);
}
