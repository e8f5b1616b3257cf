/**
 * The one module that talks to the WASM Parquet codec (parquet-wasm) and its Arrow bridge
 * (arrow-js-ffi). Everything else in the table layer sees apache-arrow tables.
 *
 * Two ways to read:
 * - {@linkcode readParquet} copies every buffer out of WASM memory: the table it returns is an
 *   ordinary apache-arrow table that stays valid forever.
 * - {@linkcode decodeParquet} (used by the stitcher) hands a visitor zero-copy views into WASM
 *   memory, valid only while the visitor runs. Those views die silently (detached buffers,
 *   `undefined` values) as soon as a later parquet-wasm call grows WASM memory, so the visitor
 *   must copy what it needs and must not call parquet-wasm itself.
 *
 * @module
 */

import { canonicalizeKeyValueOrder } from "./parquet_canonical.ts";
// Explicit npm: specifiers (the packages deno.json maps): a postprocess hook in a project of its
// own, with its own import map, loads this module through hook.ts when a file needs the codec.
// deno-lint-ignore no-import-prefix
import * as arrow from "npm:apache-arrow@21.2.0";
// deno-lint-ignore no-import-prefix
import { parseSchema, parseTable } from "npm:arrow-js-ffi@0.4.3";
import {
  Compression,
  EnabledStatistics,
  Encoding,
  readParquet as wasmReadParquet,
  readSchema as wasmReadSchema,
  Table as WasmTable,
  wasmMemory,
  writeParquet as wasmWriteParquet,
  type WriterProperties,
  WriterPropertiesBuilder,
} from "./parquet_wasm.ts";
import type { ParquetLayout } from "./parquet_layout.ts";
import { TableError } from "./table_error.ts";

/** Rows per record batch when decoding: large, so a one-row-group file gives one batch. */
const BATCH_ROWS = 1 << 24;

function memory(): ArrayBuffer {
  return wasmMemory().buffer as ArrayBuffer;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function parquetError(what: string, e: unknown): TableError {
  return new TableError(
    "TABLE_PARQUET",
    `Cannot ${what}: ${describe(e)}; check that the file is a complete Parquet file`,
    { cause: e },
  );
}

/**
 * Reads a Parquet file into an apache-arrow table whose buffers are copied out of WASM memory.
 *
 * Int64 columns come back as `BigInt64Array` data; timestamps' `get()` returns epoch
 * milliseconds, the raw values in the file's unit are in `column.data[i].values`.
 *
 * @param source A file path or the file's bytes.
 * @returns The table, with the file's schema and field metadata.
 * @throws {TableError} `TABLE_PARQUET` when the bytes are not a readable Parquet file.
 *
 * @example Usage
 * ```ts ignore
 * import { readParquet } from "./parquet_io.ts";
 *
 * const table = await readParquet("fixtures/golden/sma_16.parquet");
 * console.log(table.numRows); // 48
 * ```
 */
export async function readParquet(source: string | Uint8Array): Promise<arrow.Table> {
  const bytes = typeof source === "string" ? await Deno.readFile(source) : source;
  const name = typeof source === "string" ? source : "Parquet bytes";
  let stream;
  try {
    stream = wasmReadParquet(bytes, { batchSize: BATCH_ROWS }).intoFFI();
  } catch (e) {
    throw parquetError(`read ${name}`, e);
  }
  try {
    return withLargeOffsets(parseTable(memory(), stream.arrayAddrs(), stream.schemaAddr(), true));
  } finally {
    stream.free();
  }
}

/**
 * arrow-js-ffi imports large_utf8 / large_binary data with 32-bit offsets and a utf8 / binary data
 * type under a large field type; apache-arrow would then write such a table wrongly. Rebuilds the
 * data with 64-bit offsets so data and field types agree.
 */
function withLargeOffsets(table: arrow.Table): arrow.Table {
  const large = table.schema.fields.map((f) =>
    arrow.DataType.isLargeUtf8(f.type) || arrow.DataType.isLargeBinary(f.type)
  );
  if (!large.some((l) => l)) return table;
  const batches = table.batches.map((batch) => {
    const children = batch.data.children.map((child, i) => {
      if (!large[i] || !(child.valueOffsets instanceof Int32Array)) return child;
      return arrow.makeData({
        type: table.schema.fields[i].type as arrow.LargeUtf8,
        offset: child.offset,
        length: child.length,
        nullCount: child.nullCount,
        nullBitmap: child.nullBitmap,
        valueOffsets: BigInt64Array.from(child.valueOffsets, (o) => BigInt(o)),
        data: child.values as Uint8Array,
      });
    });
    const struct = arrow.makeData({
      type: new arrow.Struct(table.schema.fields),
      length: batch.numRows,
      nullCount: 0,
      children,
    });
    return new arrow.RecordBatch(table.schema, struct);
  });
  return new arrow.Table(table.schema, batches);
}

/**
 * Decodes Parquet bytes and lets a visitor read the columns in place, in WASM memory.
 *
 * @param bytes The file's bytes.
 * @param visit Receives the decoded table. Its buffers are views into WASM memory: copy what is
 *   needed before returning, and call nothing from this module meanwhile.
 * @returns What the visitor returns.
 * @throws {TableError} `TABLE_PARQUET` when the bytes cannot be decoded.
 */
export function decodeParquet<T>(bytes: Uint8Array, visit: (table: arrow.Table) => T): T {
  let stream;
  try {
    stream = wasmReadParquet(bytes, { batchSize: BATCH_ROWS }).intoFFI();
  } catch (e) {
    throw parquetError("decode Parquet bytes", e);
  }
  try {
    return visit(parseTable(memory(), stream.arrayAddrs(), stream.schemaAddr(), false));
  } finally {
    stream.free();
  }
}

/**
 * Derives the Arrow schema a Parquet file decodes to from its footer alone.
 *
 * @param footerFile A minimal Parquet file holding only the footer (see `parquet_footer.ts`).
 * @returns The Arrow schema, with schema and field metadata.
 * @throws {TableError} `TABLE_PARQUET` when the footer cannot be parsed.
 */
export function schemaOfFooter(footerFile: Uint8Array): arrow.Schema {
  let ffi;
  try {
    ffi = wasmReadSchema(footerFile).intoFFI();
  } catch (e) {
    throw parquetError("read a Parquet schema", e);
  }
  try {
    return parseSchema(memory(), ffi.addr());
  } finally {
    ffi.free();
  }
}

const COMPRESSION: Record<ParquetLayout["compression"], Compression> = {
  uncompressed: Compression.UNCOMPRESSED,
  snappy: Compression.SNAPPY,
  zstd: Compression.ZSTD,
};

const STATISTICS: Record<ParquetLayout["statistics"], EnabledStatistics> = {
  none: EnabledStatistics.None,
  chunk: EnabledStatistics.Chunk,
  page: EnabledStatistics.Page,
};

/** Writer properties for a layout and metadata (built per call: writing consumes them). */
function writerProperties(layout: ParquetLayout, metadata: Map<string, string>): WriterProperties {
  return buildWriterProperties(layout, metadata);
}

function buildWriterProperties(
  layout: ParquetLayout,
  metadata: Map<string, string>,
): WriterProperties {
  let builder = new WriterPropertiesBuilder()
    .setCompression(COMPRESSION[layout.compression])
    .setDictionaryEnabled(layout.dictionary)
    .setStatisticsEnabled(STATISTICS[layout.statistics])
    .setMaxRowGroupSize(layout.maxRowGroupRows)
    .setDataPageSizeLimit(layout.dataPageBytes);
  if (!layout.dictionary) builder = builder.setEncoding(Encoding.PLAIN);
  if (metadata.size > 0) builder = builder.setKeyValueMetadata(metadata);
  return builder.build();
}

/**
 * Encodes an apache-arrow table as Parquet bytes.
 *
 * The schema metadata goes both into the embedded Arrow schema (`ARROW:schema`, which readers
 * built on Arrow restore, field metadata included) and into the file's own key-value metadata
 * (where pyarrow and pandas look for the `pandas` key).
 *
 * @param table The table.
 * @param layout Compression, encoding and row-group layout.
 * @returns The file's bytes.
 * @throws {TableError} `TABLE_PARQUET` when the table cannot be encoded.
 */
export function encodeParquet(table: arrow.Table, layout: ParquetLayout): Uint8Array {
  try {
    const wasmTable = WasmTable.fromIPCStream(arrow.tableToIPC(table, "stream"));
    return canonicalizeKeyValueOrder(
      wasmWriteParquet(wasmTable, writerProperties(layout, table.schema.metadata)),
    );
  } catch (e) {
    throw parquetError("encode a table as Parquet", e);
  }
}

/**
 * Writes an apache-arrow table to a Parquet file (replacing it).
 *
 * @param table The table.
 * @param path Destination path.
 * @param layout Compression, encoding and row-group layout.
 * @throws {TableError} `TABLE_PARQUET` when the table cannot be encoded.
 */
export async function writeParquetFile(
  table: arrow.Table,
  path: string,
  layout: ParquetLayout,
): Promise<void> {
  await Deno.writeFile(path, encodeParquet(table, layout));
}

/**
 * Writes an apache-arrow table to a Parquet file (replacing it), synchronously.
 *
 * @param table The table.
 * @param path Destination path.
 * @param layout Compression, encoding and row-group layout.
 * @throws {TableError} `TABLE_PARQUET` when the table cannot be encoded.
 */
export function writeParquetFileSync(
  table: arrow.Table,
  path: string,
  layout: ParquetLayout,
): void {
  Deno.writeFileSync(path, encodeParquet(table, layout));
}

/**
 * Current size of the WASM codec's linear memory in bytes (it only ever grows).
 *
 * @returns The size in bytes.
 */
export function wasmMemoryBytes(): number {
  return wasmMemory().buffer.byteLength;
}
