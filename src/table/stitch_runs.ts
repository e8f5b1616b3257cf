/**
 * Stitching the per-run Parquet files of a sweep into one Arrow table indexed by `(run_id, time)`
 * (reports, ephemerides) or `(run_id, interval_id)` (contacts), gmat-sweep's aggregation contract
 * (`lazy_multiindex` / `lazy_ephemerides` / `lazy_contacts`).
 *
 * The result has the leading columns `run_id` (int64) and the secondary index, `time`
 * (`timestamp[ns]`) or `interval_id` (int64), then the data columns (the union of all runs'
 * columns, types promoted, missing values null), then `__status` (large_utf8, as in the upstream
 * golden file). It is sorted by `(run_id, index)` whatever order the entries come in. Data rows
 * have `__status = "ok"`; every failed or skipped entry, and every ok entry lacking the output (or
 * whose file is missing, unreadable, empty or has no index column), contributes exactly one
 * marker row: index and data null, `__status` = the entry's status, or `output_missing` /
 * `output_damaged` for an ok run whose file is missing / unusable (unreadable, or not the size
 * and SHA-256 the manifest recorded, when entries carry `outputDigests`).
 * After a sweep ran nothing here throws, except for the name errors, which come before any work:
 * a file that cannot be used becomes a marker row and a warning.
 *
 * Memory stays bounded: a first pass reads only each file's footer (row count and schema, see
 * `stitch_plan.ts`), the final columns are then allocated once at their full length, and a second
 * pass reads one file at a time into a reused buffer and copies its columns into place:
 * - files in the per-run layout (`RUN_FILE_LAYOUT`: one uncompressed PLAIN page per fixed-width
 *   required column) are copied straight from the file's bytes, one `memcpy` per column, without
 *   the WASM codec (`plain_pages.ts`);
 * - any other file (compressed, dictionary-encoded, nullable, strings, ...) and any file whose
 *   rows are not in index order is decoded by the WASM codec, and its column buffers are copied
 *   out of WASM memory before the next file is decoded (the zero-copy views die when WASM memory
 *   grows).
 * Peak memory is the final table plus one file.
 *
 * @module
 */

import * as arrow from "npm:apache-arrow@21.2.0";
import { createHash } from "node:crypto";
import type { FileDigest } from "../runs/mod.ts";
import { GMAT_SWEEP_VERSION } from "../runtime/version.ts";
import { EPOCH_SCALE_KEY, TIMESTAMP_NS } from "./_arrow_build.ts";
import { BigInt64Sink, type ColumnSink, createSink } from "./column_sink.ts";
import { INTERVAL_ID_COLUMN } from "./contact_table.ts";
import { FileReader } from "./_file_reader.ts";
import { CENTRAL_BODY_KEY, FRAME_KEY } from "./ephemeris_table.ts";
import { outputKey, type OutputKind } from "./output_key.ts";
import { PANDAS_METADATA_KEY, pandasMetadata } from "./pandas_metadata.ts";
import { decodeParquet, encodeParquet } from "./parquet_io.ts";
import { STITCHED_FILE_LAYOUT } from "./parquet_layout.ts";
import { PANDAS_ATTRS_KEY } from "./report_table.ts";
import { unifySchemas } from "./schema_union.ts";
import { outputNames, selectName } from "./select_name.ts";
import { type PlainValues, plainValues } from "./plain_pages.ts";
import {
  type DataItem,
  type EntryStatus,
  type IndexColumn,
  type MarkerItem,
  planStitch,
  type StitchItem,
  TIME_INDEX,
} from "./stitch_plan.ts";
import { displayTable } from "../display/mod.ts";

/** The run-id column. */
export const RUN_ID_COLUMN = "run_id";
/** The status column. */
export const STATUS_COLUMN = "__status";
/** Schema metadata key of a stitched table: JSON `{ kind, name }`. */
export const STITCH_METADATA_KEY = "gmat.stitch";

/** One run of a sweep, as the stitcher sees it (a manifest entry). */
export interface StitchEntry {
  /** The run's id. */
  readonly runId: number;
  /** How the run ended. */
  readonly status: EntryStatus;
  /** Output key (`report__RF`) to the absolute path of the run's Parquet file. */
  readonly outputPaths: Readonly<Record<string, string>>;
  /**
   * Size and SHA-256 recorded for files, by absolute path (a manifest's `output_digests`): a file
   * that differs becomes an `output_damaged` marker row.
   */
  readonly outputDigests?: Readonly<Record<string, FileDigest>>;
}

/** Options of {@linkcode stitchRuns}. */
export interface StitchOptions {
  /**
   * Which outputs to stitch: `report` and `ephemeris` by `time`, `contact` by `interval_id`,
   * `solver` (DifferentialCorrector logs) by `iteration`.
   */
  readonly kind: OutputKind;
  /** The output's name (e.g. `RF`); required when the runs have several of the kind. */
  readonly name?: string;
  /** Called with each warning as it arises (they are also returned). */
  readonly onWarning?: (message: string) => void;
}

/** Options of {@linkcode stitchAllRuns}. */
export type StitchAllOptions = Omit<StitchOptions, "name">;

/** The result of {@linkcode stitchRuns}. */
export interface StitchResult {
  /** The stitched table, one record batch. */
  readonly table: arrow.Table;
  /** The output name stitched (undefined when no ok run has an output of the kind). */
  readonly name: string | undefined;
  /** All output names of the kind among the ok runs, sorted. */
  readonly names: string[];
  /** Files that could not be used (each became a marker row) and type conversions. */
  readonly warnings: string[];
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The secondary index of a kind: contacts are keyed by `interval_id`, solver runs by
 * `iteration`, the rest by `time`.
 */
function indexOf(kind: OutputKind): IndexColumn {
  if (kind === "contact") return { name: INTERVAL_ID_COLUMN, cls: "int" };
  if (kind === "solver") return { name: "iteration", cls: "int" };
  return TIME_INDEX;
}

/** The row order that sorts a file's rows by index (nulls last), or undefined if already sorted. */
function timeOrder(chunks: readonly arrow.Data[]): Int32Array | undefined {
  // Compare int64 values through 32-bit words: reading a BigInt64Array allocates a BigInt.
  let sorted = true;
  let sawNull = false;
  let lastHi = -Infinity;
  let lastLo = 0;
  for (const c of chunks) {
    const v = c.values as BigInt64Array;
    const words = new Int32Array(v.buffer, v.byteOffset, 2 * c.length);
    const checkNulls = c.nullCount > 0;
    for (let i = 0; i < c.length && sorted; i++) {
      if (checkNulls && !c.getValid(i)) {
        sawNull = true;
        continue;
      }
      const hi = words[2 * i + 1];
      const lo = words[2 * i] >>> 0;
      if (sawNull || hi < lastHi || (hi === lastHi && lo < lastLo)) sorted = false;
      lastHi = hi;
      lastLo = lo;
    }
    if (!sorted) break;
  }
  if (sorted) return undefined;
  const times: (bigint | null)[] = [];
  for (const c of chunks) {
    const v = c.values as BigInt64Array;
    for (let i = 0; i < c.length; i++) times.push(c.getValid(i) ? v[i] : null);
  }
  const order = Array.from({ length: times.length }, (_, i) => i);
  order.sort((a, b) => {
    const ta = times[a];
    const tb = times[b];
    if (ta === null || tb === null) return ta === tb ? a - b : ta === null ? 1 : -1;
    return ta < tb ? -1 : ta > tb ? 1 : a - b;
  });
  return Int32Array.from(order);
}

/** The `__status` column as large_utf8 (int64 offsets, written through an int32 view). */
function statusData(items: readonly StitchItem[], length: number): arrow.Data {
  const offsets = new BigInt64Array(length + 1);
  const words = new Int32Array(offsets.buffer);
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const item of items) {
    bytes += item.kind === "data" ? 2 * item.rows : encoder.encode(item.status).length;
  }
  const data = new Uint8Array(bytes);
  let pos = 0;
  for (const item of items) {
    if (item.kind === "data") {
      for (let r = 0; r < item.rows; r++) {
        data[pos] = 0x6f; // o
        data[pos + 1] = 0x6b; // k
        pos += 2;
        words[2 * (item.at + r + 1)] = pos;
      }
    } else {
      const s = encoder.encode(item.status);
      data.set(s, pos);
      pos += s.length;
      // Rows reserved for a file that failed are dropped later; keep their offsets valid.
      for (let r = 0; r < (item.span ?? 1); r++) words[2 * (item.at + r + 1)] = pos;
    }
  }
  return arrow.makeData({ type: new arrow.LargeUtf8(), length, valueOffsets: offsets, data });
}

function stitchMetadata(
  fields: readonly arrow.Field[],
  schemas: readonly arrow.Schema[],
  kind: OutputKind,
  name: string | undefined,
): Map<string, string> {
  const index = indexOf(kind).name;
  const epochScales: Record<string, string> = {};
  for (const f of fields) {
    const scale = f.metadata.get(EPOCH_SCALE_KEY);
    if (scale !== undefined && f.name !== index) epochScales[f.name] = scale;
  }
  const attributes = { epoch_scales: epochScales };
  const pandas = pandasMetadata(
    fields,
    [RUN_ID_COLUMN, index],
    attributes,
    GMAT_SWEEP_VERSION,
  );
  const metadata = new Map([
    [PANDAS_METADATA_KEY, JSON.stringify(pandas)],
    [PANDAS_ATTRS_KEY, JSON.stringify(attributes)],
    [STITCH_METADATA_KEY, JSON.stringify({ kind, name: name ?? null })],
  ]);
  for (const key of [FRAME_KEY, CENTRAL_BODY_KEY]) {
    const values = new Set(schemas.map((s) => s.metadata.get(key)));
    const [only] = values;
    if (values.size === 1 && only !== undefined) metadata.set(key, only);
  }
  return metadata;
}

/** Drops the row ranges of files that failed after their rows were reserved (rare). */
function dropRows(table: arrow.Table, drop: readonly [number, number][]): arrow.Table {
  const batches: arrow.RecordBatch[] = [];
  let start = 0;
  for (const [from, to] of [...drop, [table.numRows, table.numRows] as [number, number]]) {
    if (from > start) batches.push(...table.slice(start, from).batches);
    start = to;
  }
  return new arrow.Table(table.schema, batches);
}

/** Whether rows [from, to) of an int64 array are non-decreasing (compared via 32-bit words). */
function sortedRange(values: BigInt64Array, from: number, to: number): boolean {
  const words = new Int32Array(values.buffer, values.byteOffset, 2 * values.length);
  for (let i = from + 1; i < to; i++) {
    const hi = words[2 * i + 1];
    const prevHi = words[2 * i - 1];
    if (hi < prevHi || (hi === prevHi && words[2 * i] >>> 0 < words[2 * i - 2] >>> 0)) {
      return false;
    }
  }
  return true;
}

/** The sinks of a stitch and the per-schema column positions of each sink. */
class Sinks {
  /** The secondary index (`time` or `interval_id`), first of {@linkcode all}. */
  readonly index: BigInt64Sink;
  readonly all: readonly ColumnSink[];
  readonly #positions = new Map<string, (number | undefined)[]>();

  constructor(
    indexField: arrow.Field,
    columns: ReturnType<typeof unifySchemas>["columns"],
    n: number,
  ) {
    this.index = new BigInt64Sink(indexField, n);
    this.all = [this.index, ...columns.map((c) => createSink(c.field, c.cls, n))];
  }

  /** For each sink, the index of its column in the schema (undefined when absent). */
  positions(schemaKey: string, schema: arrow.Schema): (number | undefined)[] {
    let p = this.#positions.get(schemaKey);
    if (p === undefined) {
      const index = new Map(schema.fields.map((f, i) => [f.name, i]));
      p = this.all.map((s) => index.get(s.field.name));
      this.#positions.set(schemaKey, p);
    }
    return p;
  }
}

/**
 * Copies a plain-layout file's columns straight from its bytes. Returns false (having written at
 * most the index column) when the file must go through the WASM codec instead: a page that is not
 * a single plain page, or rows out of index order.
 */
function copyPlain(
  bytes: Uint8Array,
  item: DataItem,
  schema: arrow.Schema,
  sinks: Sinks,
): boolean {
  const chunks = item.plain!;
  const values: PlainValues[] = [];
  for (const chunk of chunks) {
    const v = plainValues(bytes, chunk, item.rows);
    if (v === undefined) return false;
    values.push(v);
  }
  const positions = sinks.positions(item.schemaKey, schema);
  const indexAt = positions[0]!;
  sinks.index.writePlain(bytes, values[indexAt], schema.fields[indexAt].type, item.at);
  if (!sortedRange(sinks.index.values, item.at, item.at + item.rows)) return false;
  for (let k = 1; k < sinks.all.length; k++) {
    const j = positions[k];
    if (j === undefined) sinks.all[k].fillNull(item.at, item.rows);
    else sinks.all[k].writePlain(bytes, values[j], schema.fields[j].type, item.at);
  }
  return true;
}

/** Decodes a file with the WASM codec and copies its columns out of WASM memory. */
function copyDecoded(bytes: Uint8Array, item: DataItem, sinks: Sinks): void {
  decodeParquet(bytes, (t) => {
    if (t.numRows !== item.rows) {
      throw new Error(`it has ${t.numRows} rows, its footer said ${item.rows} (did it change?)`);
    }
    const positions = sinks.positions(item.schemaKey, t.schema);
    const order = timeOrder(t.getChildAt(positions[0]!)!.data);
    sinks.all.forEach((sink, k) => {
      const col = positions[k];
      if (col === undefined) return sink.fillNull(item.at, item.rows);
      const chunks = t.getChildAt(col)!.data;
      if (order !== undefined) return sink.gather(chunks, order, item.at);
      let at = item.at;
      for (const chunk of chunks) {
        sink.write(chunk, at);
        at += chunk.length;
      }
    });
  });
}

function stitchOne(
  entries: readonly StitchEntry[],
  kind: OutputKind,
  name: string | undefined,
  names: string[],
  options: StitchOptions,
): StitchResult {
  const warnings: string[] = [];
  const warn = (m: string): void => {
    warnings.push(m);
    options.onWarning?.(m);
  };
  const key = name === undefined ? undefined : outputKey(kind, name);
  const index = indexOf(kind);
  const { items, schemas, used, length } = planStitch(entries, key, warn, index);
  const unified = unifySchemas(used, new Set([index.name, RUN_ID_COLUMN, STATUS_COLUMN]));
  unified.warnings.forEach(warn);

  const indexMeta = used[0]?.fields.find((f) => f.name === index.name)?.metadata;
  const sinks = new Sinks(
    new arrow.Field(
      index.name,
      index.cls === "int" ? new arrow.Int64() : TIMESTAMP_NS,
      true,
      indexMeta,
    ),
    unified.columns,
    length,
  );
  const runIds = new BigInt64Array(length);
  const drop: [number, number][] = [];
  const reader = new FileReader();

  const final: StitchItem[] = [];
  for (const item of items) {
    runIds.fill(BigInt(item.runId), item.at, item.at + (item.kind === "data" ? item.rows : 1));
    if (item.kind === "marker") {
      for (const sink of sinks.all) sink.fillNull(item.at, 1);
      final.push(item);
      continue;
    }
    try {
      const bytes = reader.read(item.path, item.size);
      if (item.sha256 !== undefined) {
        const actual = createHash("sha256").update(bytes).digest("hex");
        if (actual !== item.sha256) {
          throw new Error(
            `its SHA-256 ${actual.slice(0, 12)}... is not the ${item.sha256.slice(0, 12)}... ` +
              `the manifest recorded`,
          );
        }
      }
      const schema = schemas.get(item.schemaKey)!.schema;
      if (item.plain === undefined || !copyPlain(bytes, item, schema, sinks)) {
        copyDecoded(bytes, item, sinks);
      }
      final.push(item);
    } catch (e) {
      warn(
        `Run ${item.runId}: cannot use ${item.path} (${message(e)}); the run is a marker row ` +
          `(output_damaged)`,
      );
      for (const sink of sinks.all) sink.fillNull(item.at, 1);
      if (item.rows > 1) drop.push([item.at + 1, item.at + item.rows]);
      const damaged: MarkerItem = {
        kind: "marker",
        runId: item.runId,
        status: "output_damaged",
        at: item.at,
        span: item.rows,
      };
      final.push(damaged);
    }
  }

  const runIdField = new arrow.Field(RUN_ID_COLUMN, new arrow.Int64(), true);
  const statusField = new arrow.Field(STATUS_COLUMN, new arrow.LargeUtf8(), true);
  const fields = [runIdField, ...sinks.all.map((s) => s.field), statusField];
  const schema = new arrow.Schema(fields, stitchMetadata(fields, used, kind, name));
  const children = [
    arrow.makeData({ type: new arrow.Int64(), length, data: runIds }),
    ...sinks.all.map((s) => s.finish()),
    statusData(final, length),
  ];
  const struct = arrow.makeData({ type: new arrow.Struct(fields), length, nullCount: 0, children });
  let table = new arrow.Table([new arrow.RecordBatch(schema, struct)]);
  if (drop.length > 0) table = dropRows(table, drop);
  return {
    table: displayTable(table, { title: `${kind}${name ? ` ${name}` : ""}` }),
    name,
    names,
    warnings,
  };
}

/**
 * Stitches one output of every run into a `(run_id, time)` table, or `(run_id, interval_id)` for
 * contacts (see the module doc). The work is synchronous: about 0.15 s for a thousand one-day,
 * 60-s reports (1.4 M rows) in the per-run layout.
 *
 * @param entries The runs, in any order (e.g. completion order); run ids should be unique
 *   (entries with equal ids are kept in the order given).
 * @param options The output kind, its name and a warning callback.
 * @returns The table, the name stitched, all names of the kind, and warnings.
 * @throws {TableError} `TABLE_NAME_REQUIRED` when no name is given and the runs have several
 *   outputs of the kind; `TABLE_UNKNOWN_NAME` when the name is not an output of any ok run. Both
 *   are thrown before any file is read.
 *
 * @example Usage
 * ```ts ignore
 * import { stitchRuns } from "./stitch_runs.ts";
 *
 * const { table, warnings } = stitchRuns([
 *   { runId: 0, status: "ok", outputPaths: { report__RF: "/sweep/run-0/report__RF.parquet" } },
 *   { runId: 1, status: "failed", outputPaths: {} },
 * ], { kind: "report" });
 * console.log(table.numRows, table.schema.names, warnings);
 * ```
 */
export function stitchRuns(entries: readonly StitchEntry[], options: StitchOptions): StitchResult {
  const { name, names } = selectName(entries, options.kind, options.name);
  return stitchOne(entries, options.kind, name, names, options);
}

/**
 * Stitches every output of a kind: one table per name (upstream raises when a sweep has several
 * reports; this returns them all).
 *
 * @param entries The runs, in any order.
 * @param options The output kind and a warning callback.
 * @returns Name to stitched table, names sorted; empty when no ok run has an output of the kind.
 *
 * @example Usage
 * ```ts ignore
 * import { stitchAllRuns } from "./stitch_runs.ts";
 *
 * const tables = stitchAllRuns(entries, { kind: "report" });
 * for (const [name, table] of tables) console.log(name, table.numRows);
 * ```
 */
export function stitchAllRuns(
  entries: readonly StitchEntry[],
  options: StitchAllOptions,
): Map<string, arrow.Table> {
  const names = outputNames(entries, options.kind);
  const tables = new Map<string, arrow.Table>();
  for (const name of names) {
    const result = stitchOne(entries, options.kind, name, names, options);
    tables.set(name, result.table);
  }
  return tables;
}

/**
 * Stitches one output of every run and writes the table to a Parquet file (Snappy, dictionaries,
 * row groups of 128 Ki rows, `pandas` metadata: `pandas.read_parquet` gives the `(run_id, time)`
 * or `(run_id, interval_id)` MultiIndex frame). Encoding holds about three copies of the table
 * for a moment (Arrow IPC, the WASM codec's table, the file's bytes).
 *
 * @param entries The runs, in any order.
 * @param path Destination file (replaced).
 * @param options As {@linkcode stitchRuns}.
 * @returns The stitch result and the path written.
 * @throws {TableError} As {@linkcode stitchRuns}, before any work; `TABLE_PARQUET` when the table
 *   cannot be encoded.
 *
 * @example Usage
 * ```ts ignore
 * import { stitchToParquet } from "./stitch_runs.ts";
 *
 * await stitchToParquet(entries, "/sweep/report__RF.parquet", { kind: "report", name: "RF" });
 * ```
 */
export async function stitchToParquet(
  entries: readonly StitchEntry[],
  path: string,
  options: StitchOptions,
): Promise<StitchResult & { path: string }> {
  const result = stitchRuns(entries, options);
  await Deno.writeFile(path, encodeParquet(result.table, STITCHED_FILE_LAYOUT));
  return { ...result, path };
}
