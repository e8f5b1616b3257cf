/**
 * Reading and writing small Parquet files without apache-arrow or the WASM codec: what the hook
 * helpers use, so a hook's worker loads a few kilobytes of TypeScript instead of apache-arrow and a
 * 5 MB WASM module on every run.
 *
 * - {@link readPlainParquet} reads gmat-sweep's own per-run layout (`RUN_FILE_LAYOUT`: one row
 *   group, required fixed-width columns, one uncompressed PLAIN page each) into typed arrays; any
 *   other file gives undefined (the caller then takes the WASM codec).
 * - {@link encodePlainParquet} writes records (numbers, bigints, booleans, strings, nulls) as one
 *   row group of uncompressed PLAIN pages (optional columns where a value is null), a file every
 *   Parquet reader (pyarrow, DuckDB, parquet-wasm) reads.
 *
 * @module
 */

import { parseParquetTail } from "./parquet_footer.ts";
import { plainValues } from "./plain_pages.ts";

/** A column's values: one typed array per physical type (int64 and timestamps as bigints). */
export type PlainArray = Float64Array | Float32Array | Int32Array | BigInt64Array;

/** One column of a {@link PlainTable}: the shape of an apache-arrow vector that hooks use. */
export class PlainColumn {
  /** The column's name. */
  readonly name: string;
  readonly #values: PlainArray;

  /**
   * A column over its values.
   *
   * @param name The column's name.
   * @param values Its values.
   */
  constructor(name: string, values: PlainArray) {
    this.name = name;
    this.#values = values;
  }

  /** Number of values. */
  get length(): number {
    return this.#values.length;
  }

  /** The value at `i` (a bigint for int64 and timestamp columns). */
  get(i: number): number | bigint | undefined {
    return this.#values[i];
  }

  /** The values as a typed array (no copy). */
  toArray(): PlainArray {
    return this.#values;
  }

  /** The values in order. */
  [Symbol.iterator](): IterableIterator<number | bigint> {
    return this.#values[Symbol.iterator]();
  }
}

/** A table read from a plain-layout file: the shape of an apache-arrow table that hooks use. */
export class PlainTable {
  /** Number of rows. */
  readonly numRows: number;
  /** The columns' names, in file order (as apache-arrow's `schema.fields`). */
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  readonly #columns: Map<string, PlainColumn>;

  /**
   * A table over its columns.
   *
   * @param numRows Rows.
   * @param columns The columns, in file order.
   */
  constructor(numRows: number, columns: readonly PlainColumn[]) {
    this.numRows = numRows;
    this.schema = { fields: columns.map((c) => ({ name: c.name })) };
    this.#columns = new Map(columns.map((c) => [c.name, c]));
  }

  /** The column called `name`, or null. */
  getChild(name: string): PlainColumn | null {
    return this.#columns.get(name) ?? null;
  }
}

const ARRAYS = {
  INT32: Int32Array,
  INT64: BigInt64Array,
  FLOAT: Float32Array,
  DOUBLE: Float64Array,
} as const;

/**
 * Read a file of gmat-sweep's per-run layout without apache-arrow or WASM.
 *
 * @param bytes The whole file.
 * @returns The table, or undefined when the file has another layout (or is not Parquet).
 */
export function readPlainParquet(bytes: Uint8Array): PlainTable | undefined {
  let footer;
  try {
    footer = parseParquetTail(bytes, bytes.length);
  } catch {
    return undefined;
  }
  if (typeof footer === "number" || footer.plainChunks === undefined) return undefined;
  const rows = footer.numRows;
  const columns: PlainColumn[] = [];
  for (const chunk of footer.plainChunks) {
    const at = plainValues(bytes, chunk, rows);
    if (at === undefined) return undefined;
    // Copied: the values need the alignment of their type.
    const copy = bytes.slice(at.start, at.start + at.count * at.width);
    columns.push(new PlainColumn(chunk.name, new ARRAYS[chunk.physicalType](copy.buffer)));
  }
  return new PlainTable(rows, columns);
}

/** A value of one cell of a record: what {@link encodePlainParquet} writes. */
export type PlainScalar = number | bigint | string | boolean | null;

const UTF8 = new TextEncoder();

/**
 * Thrift compact-protocol writer (the subset a Parquet footer and page header need). Integers
 * are numbers (sizes, offsets and counts of a small file stay far below 2^53).
 */
class ThriftWriter {
  readonly #out: number[] = [];
  readonly #last: number[] = [0];

  get bytes(): Uint8Array {
    return new Uint8Array(this.#out);
  }

  #varint(v: number): void {
    while (v >= 0x80) {
      this.#out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.#out.push(v);
  }

  #zigzag(v: number): void {
    this.#varint(v >= 0 ? 2 * v : -2 * v - 1);
  }

  #field(id: number, type: number): void {
    const last = this.#last[this.#last.length - 1];
    const delta = id - last;
    if (delta > 0 && delta <= 15) this.#out.push((delta << 4) | type);
    else {
      this.#out.push(type);
      this.#zigzag(id);
    }
    this.#last[this.#last.length - 1] = id;
  }

  i32(id: number, v: number): this {
    this.#field(id, 5);
    this.#zigzag(v);
    return this;
  }

  i64(id: number, v: number): this {
    this.#field(id, 6);
    this.#zigzag(v);
    return this;
  }

  string(id: number, v: string): this {
    this.#field(id, 8);
    this.#binary(UTF8.encode(v));
    return this;
  }

  #binary(b: Uint8Array): void {
    this.#varint(b.length);
    for (let i = 0; i < b.length; i++) this.#out.push(b[i]);
  }

  /** A struct field: `body` writes its fields. */
  struct(id: number, body: (w: this) => void): this {
    this.#field(id, 12);
    this.#structBody(body);
    return this;
  }

  #structBody(body: (w: this) => void): void {
    this.#last.push(0);
    body(this);
    this.#out.push(0);
    this.#last.pop();
  }

  #listHeader(size: number, type: number): void {
    if (size < 15) this.#out.push((size << 4) | type);
    else {
      this.#out.push(0xf0 | type);
      this.#varint(size);
    }
  }

  /** A list of structs. */
  structs<T>(id: number, items: readonly T[], body: (w: this, item: T) => void): this {
    this.#field(id, 9);
    this.#listHeader(items.length, 12);
    for (const item of items) this.#structBody((w) => body(w, item));
    return this;
  }

  /** A list of i32. */
  i32s(id: number, items: readonly number[]): this {
    this.#field(id, 9);
    this.#listHeader(items.length, 5);
    for (const v of items) this.#zigzag(v);
    return this;
  }

  /** A list of strings. */
  strings(id: number, items: readonly string[]): this {
    this.#field(id, 9);
    this.#listHeader(items.length, 8);
    for (const v of items) this.#binary(UTF8.encode(v));
    return this;
  }

  /** End of the top-level struct. */
  stop(): this {
    this.#out.push(0);
    return this;
  }
}

const MAGIC = Uint8Array.of(0x50, 0x41, 0x52, 0x31); // "PAR1"

const TYPE = { BOOLEAN: 0, INT64: 2, DOUBLE: 5, BYTE_ARRAY: 6 } as const;
const PLAIN = 0;
const RLE = 3;

type Kind = keyof typeof TYPE;

function kindOf(name: string, values: readonly PlainScalar[]): Kind {
  const present = values.filter((v) => v !== null);
  if (present.every((v) => typeof v === "number")) return "DOUBLE";
  if (present.every((v) => typeof v === "bigint")) return "INT64";
  if (present.every((v) => typeof v === "boolean")) return "BOOLEAN";
  if (present.every((v) => typeof v === "string")) return "BYTE_ARRAY";
  throw new TypeError(
    `writeParquet(): column '${name}' mixes types; give each column numbers, bigints, ` +
      "booleans or strings (null for missing)",
  );
}

/** Growable little-endian byte buffer. */
class Bytes {
  #buf = new Uint8Array(256);
  #view = new DataView(this.#buf.buffer);
  length = 0;

  #room(n: number): void {
    if (this.length + n <= this.#buf.length) return;
    const next = new Uint8Array(Math.max(2 * this.#buf.length, this.length + n));
    next.set(this.#buf.subarray(0, this.length));
    this.#buf = next;
    this.#view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.#room(1);
    this.#buf[this.length++] = v;
  }

  u32(v: number): void {
    this.#room(4);
    this.#view.setUint32(this.length, v, true);
    this.length += 4;
  }

  f64(v: number): void {
    this.#room(8);
    this.#view.setFloat64(this.length, v, true);
    this.length += 8;
  }

  i64(v: bigint): void {
    this.#room(8);
    this.#view.setBigInt64(this.length, v, true);
    this.length += 8;
  }

  varint(v: number): void {
    while (v >= 0x80) {
      this.u8((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.u8(v);
  }

  bytes(b: Uint8Array): void {
    this.#room(b.length);
    this.#buf.set(b, this.length);
    this.length += b.length;
  }

  get view(): Uint8Array {
    return this.#buf.subarray(0, this.length);
  }
}

/** Definition levels (1 present, 0 null) in the RLE hybrid encoding, bit width 1. */
function definitionLevels(values: readonly PlainScalar[]): Uint8Array {
  const out = new Bytes();
  let i = 0;
  while (i < values.length) {
    const present = values[i] !== null;
    let j = i;
    while (j < values.length && (values[j] !== null) === present) j++;
    out.varint((j - i) * 2);
    out.u8(present ? 1 : 0);
    i = j;
  }
  return out.view;
}

function plainBody(kind: Kind, values: readonly PlainScalar[]): Uint8Array {
  const out = new Bytes();
  const present = values.filter((v) => v !== null);
  if (kind === "DOUBLE") { for (const v of present) out.f64(v as number); }
  else if (kind === "INT64") { for (const v of present) out.i64(BigInt.asIntN(64, v as bigint)); }
  else if (kind === "BYTE_ARRAY") {
    for (const v of present) {
      const b = UTF8.encode(v as string);
      out.u32(b.length);
      out.bytes(b);
    }
  } else {
    for (let i = 0; i < present.length; i += 8) {
      let byte = 0;
      for (let k = 0; k < 8 && i + k < present.length; k++) if (present[i + k]) byte |= 1 << k;
      out.u8(byte);
    }
  }
  return out.view;
}

/**
 * Encode records as a Parquet file: one column per key (in first-seen order), numbers as DOUBLE,
 * bigints as INT64, booleans as BOOLEAN, strings as UTF-8 BYTE_ARRAY; a column with a null (or a
 * record without the key) is OPTIONAL, else REQUIRED.
 *
 * @param records At least one record.
 * @returns The file's bytes.
 * @throws {TypeError} For no records, or a column that mixes value types.
 *
 * @example Usage
 * ```ts
 * import { encodePlainParquet, readPlainParquet } from "./plain_parquet.ts";
 * import assert from "node:assert/strict";
 *
 * const bytes = encodePlainParquet([{ r_km: 7000.5 }, { r_km: 7001.25 }]);
 * const table = readPlainParquet(bytes)!;
 * assert.deepEqual([...table.getChild("r_km")!], [7000.5, 7001.25]);
 * ```
 */
export function encodePlainParquet(records: readonly Record<string, PlainScalar>[]): Uint8Array {
  if (records.length === 0) throw new TypeError("writeParquet(): no records to write");
  const names = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const file = new Bytes();
  file.bytes(MAGIC);
  const chunks = names.map((name) => {
    const values = records.map((r) => r[name] ?? null);
    const kind = kindOf(name, values);
    const optional = values.some((v) => v === null);
    const levels = optional ? definitionLevels(values) : new Uint8Array(0);
    const data = plainBody(kind, values);
    const bodySize = (optional ? 4 + levels.length : 0) + data.length;
    const header = new ThriftWriter()
      .i32(1, 0)
      .i32(2, bodySize)
      .i32(3, bodySize)
      .struct(5, (w) => w.i32(1, values.length).i32(2, PLAIN).i32(3, RLE).i32(4, RLE))
      .stop().bytes;
    const offset = file.length;
    file.bytes(header);
    if (optional) {
      file.u32(levels.length);
      file.bytes(levels);
    }
    file.bytes(data);
    return { name, kind, optional, offset, size: file.length - offset, count: values.length };
  });
  const footer = new ThriftWriter()
    .i32(1, 1)
    .structs(2, [undefined, ...chunks], (w, c) => {
      if (c === undefined) w.string(4, "schema").i32(5, chunks.length);
      else {
        w.i32(1, TYPE[c.kind]).i32(3, c.optional ? 1 : 0).string(4, c.name);
        if (c.kind === "BYTE_ARRAY") w.i32(6, 0).struct(10, (l) => l.struct(1, () => {}));
      }
    })
    .i64(3, records.length)
    .structs(4, [chunks], (w, cs) => {
      w.structs(1, cs, (cw, c) => {
        cw.i64(2, c.offset).struct(3, (m) => {
          m.i32(1, TYPE[c.kind]).i32s(2, [PLAIN, RLE]).strings(3, [c.name]).i32(4, 0)
            .i64(5, c.count).i64(6, c.size).i64(7, c.size).i64(9, c.offset);
        });
      });
      w.i64(2, cs.reduce((n, c) => n + c.size, 0)).i64(3, records.length);
    })
    .string(6, "gmat-sweep plain writer")
    .stop().bytes;
  file.bytes(footer);
  file.u32(footer.length);
  file.bytes(MAGIC);
  return file.view.slice();
}
