/**
 * Helpers for authors of postprocess hooks: the types a hook receives and returns, reading a
 * run's Parquet files, and writing plain records (or an apache-arrow table) to Parquet. A run's
 * own files and plain records need neither apache-arrow nor the WASM codec, so a hook's worker
 * starts light; both load on first use for other files. A hook runs in a sandbox that may read and write only its run's directory, so these helpers
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

// Explicit (the package deno.json maps), so hook modules type-check under their own import map.
// deno-lint-ignore no-import-prefix
import type * as arrow from "npm:apache-arrow@21.2.0";
import type { RunOutcome } from "./src/runs/mod.ts";
import {
  encodePlainParquet,
  type PlainScalar,
  readPlainParquet,
} from "./src/table/plain_parquet.ts";
import type { HookRunSpec } from "./src/hooks/host_protocol.ts";

export type { RunOutcome, RunSpec } from "./src/runs/mod.ts";
export type { HookRunSpec } from "./src/hooks/host_protocol.ts";
export type { PlainArray, PlainColumn, PlainTable } from "./src/table/plain_parquet.ts";

/**
 * A postprocess hook: called after each ok run with the run's spec (its `outputDir` is the run
 * directory) and outcome (`outputPaths` of its Parquet files, absolute); returns output names to
 * files it wrote inside the run directory. They become the manifest entry's `extra_outputs`.
 */
export type Hook = (
  spec: HookRunSpec,
  outcome: RunOutcome,
) => Record<string, string> | void | Promise<Record<string, string> | void>;

/** One column of a {@link RunTable} (a {@link PlainColumn}, or an apache-arrow vector). */
export interface RunColumn {
  /** Number of values. */
  readonly length: number;
  /** The value at `i`. */
  get(i: number): unknown;
  /** The values: a typed array for numeric columns (`Float64Array` for float64). */
  toArray(): ArrayLike<unknown>;
}

/**
 * What {@link readRunParquet} returns: the part of an apache-arrow table a hook needs (a
 * {@link PlainTable} for a run's own files, an apache-arrow table for others).
 */
export interface RunTable {
  /** Number of rows. */
  readonly numRows: number;
  /** The columns' names, in file order. */
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  /** The column called `name`, or null. */
  getChild(name: string): RunColumn | null;
}

/**
 * Read a Parquet file (e.g. `outcome.outputPaths["report__RF"]`). A run's own files
 * (gmat-sweep's per-run layout) are read without apache-arrow or WASM: each column's `toArray()`
 * is a `Float64Array` (float64), `Float32Array`, `Int32Array` or `BigInt64Array` (int64, and
 * timestamps in the file's unit, nanoseconds for a run's `time`). Any other file is read with
 * apache-arrow and parquet-wasm (loaded on first use), as {@link readParquetTable} does.
 *
 * @param path The file.
 */
export async function readRunParquet(path: string): Promise<RunTable> {
  // Synchronous: a run's files are small, and a hook's worker has nothing else to do meanwhile.
  const bytes = Deno.readFileSync(path);
  return readPlainParquet(bytes) ?? await (await wasmCodec()).readParquet(bytes);
}

/**
 * Read any Parquet file into an apache-arrow table (loads apache-arrow and parquet-wasm).
 *
 * @param path The file.
 */
export async function readParquetTable(path: string): Promise<arrow.Table> {
  return await (await wasmCodec()).readParquet(path);
}

/** The WASM codec, loaded only when a file needs it. */
function wasmCodec(): Promise<typeof import("./src/table/parquet_io.ts")> {
  return import("./src/table/parquet_io.ts");
}

/**
 * A value of one cell of a record given to {@link writeParquet}: numbers become float64, bigints
 * int64, strings utf8, booleans bool, and null a missing value.
 */
export type ParquetScalar = PlainScalar;

/**
 * Write plain records (one object per row; numbers become float64, bigints int64, strings utf8,
 * booleans bool, null missing) to a Parquet file, without apache-arrow or WASM; or an
 * apache-arrow table (through parquet-wasm, loaded on first use).
 *
 * @param data The records (at least one), or a table.
 * @param path The destination (inside the run directory, in a hook).
 */
export async function writeParquet(
  data: arrow.Table | readonly Record<string, ParquetScalar>[],
  path: string,
): Promise<void> {
  if (Array.isArray(data)) {
    Deno.writeFileSync(path, encodePlainParquet(data as readonly Record<string, PlainScalar>[]));
    return;
  }
  const { writeParquetFile } = await wasmCodec();
  const { STITCHED_FILE_LAYOUT } = await import("./src/table/parquet_layout.ts");
  await writeParquetFile(data as arrow.Table, path, STITCHED_FILE_LAYOUT);
}
