/**
 * Preallocated output columns of a stitch ("sinks"), filled file by file and row range by row
 * range, then handed to apache-arrow without another copy.
 *
 * A sink knows its final length up front (the stitcher reads every file's row count from its
 * footer first), allocates one typed array of that length, and copies each file's Arrow buffers
 * into place: one `TypedArray.set` per column chunk when the types match, an element loop when a
 * value must be converted (int64 -> float64, a timestamp unit -> ns). The validity bitmap is
 * allocated only when the first null arrives.
 *
 * @module
 */

import * as arrow from "npm:apache-arrow@21.2.0";
import { bitmapBytes } from "./_arrow_build.ts";
import type { PlainValues } from "./plain_pages.ts";

/** The value classes a stitched column can have. */
export type ValueClass = "int" | "float" | "timestamp" | "string";

/**
 * The value class of an Arrow type: `null` for the Null type, `other` for types the stitcher only
 * carries as text (booleans, dates, decimals, nested types...).
 *
 * @param type An Arrow type.
 * @returns Its class.
 */
export function valueClassOf(type: arrow.DataType): ValueClass | "null" | "other" {
  if (arrow.DataType.isInt(type)) return "int";
  if (arrow.DataType.isFloat(type)) return "float";
  if (arrow.DataType.isTimestamp(type)) return "timestamp";
  if (arrow.DataType.isUtf8(type) || arrow.DataType.isLargeUtf8(type)) return "string";
  if (arrow.DataType.isDictionary(type)) {
    const values = type.dictionary;
    if (arrow.DataType.isUtf8(values) || arrow.DataType.isLargeUtf8(values)) return "string";
    return "other";
  }
  if (arrow.DataType.isNull(type)) return "null";
  return "other";
}

/** Nanoseconds per unit of an Arrow timestamp. */
function nsPerUnit(type: arrow.DataType): bigint {
  if (!arrow.DataType.isTimestamp(type)) return 1n;
  switch (type.unit) {
    case arrow.TimeUnit.SECOND:
      return 1_000_000_000n;
    case arrow.TimeUnit.MILLISECOND:
      return 1_000_000n;
    case arrow.TimeUnit.MICROSECOND:
      return 1_000n;
    default:
      return 1n;
  }
}

/** A validity bitmap that exists only once a null has been written. */
class Validity {
  #bits: Uint8Array | undefined;
  #nulls = 0;
  constructor(readonly length: number) {}

  #ensure(): Uint8Array {
    return this.#bits ??= new Uint8Array(bitmapBytes(this.length)).fill(0xff);
  }

  /** Marks rows [at, at + n) null. */
  clear(at: number, n: number): void {
    if (n <= 0) return;
    const bits = this.#ensure();
    for (let i = at; i < at + n; i++) bits[i >> 3] &= ~(1 << (i & 7));
    this.#nulls += n;
  }

  /** Copies the validity of a chunk's rows to rows [at, at + chunk.length). */
  copy(chunk: arrow.Data, at: number): void {
    const src = chunk.nullBitmap;
    if (chunk.nullCount === 0 || src === undefined || src.length === 0) return;
    for (let i = 0; i < chunk.length; i++) {
      const bit = chunk.offset + i;
      if (((src[bit >> 3] >> (bit & 7)) & 1) === 0) this.clear(at + i, 1);
    }
  }

  /** The bitmap and null count for makeData. */
  finish(): { nullBitmap: Uint8Array | undefined; nullCount: number } {
    return { nullBitmap: this.#nulls > 0 ? this.#bits : undefined, nullCount: this.#nulls };
  }
}

/** Reads element `i` of a chunk as a number, bigint, string or null (slow, general path). */
type Reader = (i: number) => number | bigint | string | null;

function readerOf(chunk: arrow.Data): Reader {
  const vector = arrow.makeVector(chunk);
  const cls = valueClassOf(chunk.type);
  if (cls === "int" || cls === "float" || cls === "timestamp") {
    const values = chunk.values as ArrayLike<number | bigint>;
    return (i) => (chunk.getValid(i) ? values[i] : null);
  }
  return (i) => {
    const v = vector.get(i);
    return v === null || v === undefined ? null : typeof v === "string" ? v : String(v);
  };
}

/** One output column of a stitch. */
export abstract class ColumnSink {
  protected readonly validity: Validity;

  /**
   * @param field The final field (name, type, metadata).
   * @param length The final number of rows.
   */
  constructor(readonly field: arrow.Field, readonly length: number) {
    this.validity = new Validity(length);
  }

  /** Copies all rows of a chunk to rows [at, at + chunk.length). */
  write(chunk: arrow.Data, at: number): void {
    if (!this.fastWrite(chunk, at)) {
      const read = this.readerOf(chunk);
      for (let i = 0; i < chunk.length; i++) this.put(at + i, read(i));
      return;
    }
    this.validity.copy(chunk, at);
  }

  /**
   * Copies rows in a given order: row `at + j` gets row `order[j]` of the chunks taken as one
   * sequence (chunk `c` holds rows `starts[c]` to `starts[c] + chunks[c].length - 1`).
   */
  gather(chunks: readonly arrow.Data[], order: ArrayLike<number>, at: number): void {
    const readers = chunks.map((c) => this.readerOf(c));
    const starts: number[] = [];
    let start = 0;
    for (const c of chunks) {
      starts.push(start);
      start += c.length;
    }
    for (let j = 0; j < order.length; j++) {
      const g = order[j];
      let c = chunks.length - 1;
      while (starts[c] > g) c--;
      this.put(at + j, readers[c](g - starts[c]));
    }
  }

  /** A reader of a chunk's values as this sink stores them. */
  protected readerOf(chunk: arrow.Data): Reader {
    return readerOf(chunk);
  }

  /**
   * Copies a plain column's values (little-endian, no nulls) to rows [at, at + count).
   *
   * @param bytes The file's bytes.
   * @param values Where the values are.
   * @param type The Arrow type the file declares for the column.
   * @param at First row to write.
   */
  writePlain(bytes: Uint8Array, values: PlainValues, type: arrow.DataType, at: number): void {
    const view = new DataView(bytes.buffer, bytes.byteOffset + values.start);
    const float = valueClassOf(type) === "float";
    for (let i = 0; i < values.count; i++) {
      const o = i * values.width;
      this.put(
        at + i,
        values.width === 8
          ? (float ? view.getFloat64(o, true) : view.getBigInt64(o, true))
          : (float ? view.getFloat32(o, true) : view.getInt32(o, true)),
      );
    }
  }

  /** Sets rows [at, at + n) to null. */
  fillNull(at: number, n: number): void {
    this.validity.clear(at, n);
  }

  /** The finished column. */
  abstract finish(): arrow.Data;

  /** Bulk copy when the chunk's layout allows it; false to fall back to `put`. */
  protected abstract fastWrite(chunk: arrow.Data, at: number): boolean;

  /** Stores one value (null for null). */
  protected abstract put(row: number, value: number | bigint | string | null): void;
}

/** A float64 column. */
class Float64Sink extends ColumnSink {
  readonly #values = new Float64Array(this.length);
  readonly #bytes = new Uint8Array(this.#values.buffer);

  override writePlain(
    bytes: Uint8Array,
    values: PlainValues,
    type: arrow.DataType,
    at: number,
  ): void {
    if (values.width !== 8 || !arrow.DataType.isFloat(type)) {
      return super.writePlain(bytes, values, type, at);
    }
    this.#bytes.set(bytes.subarray(values.start, values.start + 8 * values.count), 8 * at);
  }

  protected fastWrite(chunk: arrow.Data, at: number): boolean {
    const src = chunk.values;
    if (!(src instanceof Float64Array)) return false;
    this.#values.set(src.length === chunk.length ? src : src.subarray(0, chunk.length), at);
    return true;
  }

  protected put(row: number, value: number | bigint | string | null): void {
    if (value === null) this.validity.clear(row, 1);
    else this.#values[row] = Number(value);
  }

  finish(): arrow.Data {
    return arrow.makeData({
      type: this.field.type as arrow.Float64,
      length: this.length,
      data: this.#values,
      ...this.validity.finish(),
    });
  }
}

/** An int64 or timestamp column (both BigInt64Array). */
export class BigInt64Sink extends ColumnSink {
  readonly #values = new BigInt64Array(this.length);
  readonly #bytes = new Uint8Array(this.#values.buffer);

  override writePlain(
    bytes: Uint8Array,
    values: PlainValues,
    type: arrow.DataType,
    at: number,
  ): void {
    const cls = valueClassOf(type);
    if (values.width !== 8 || (cls !== "int" && cls !== "timestamp")) {
      return super.writePlain(bytes, values, type, at);
    }
    this.#bytes.set(bytes.subarray(values.start, values.start + 8 * values.count), 8 * at);
    const scale = nsPerUnit(type) / nsPerUnit(this.field.type);
    if (scale !== 1n) {
      for (let i = at; i < at + values.count; i++) this.#values[i] *= scale;
    }
  }

  /** The stored values (for checks on rows already written). */
  get values(): BigInt64Array {
    return this.#values;
  }

  protected fastWrite(chunk: arrow.Data, at: number): boolean {
    const src = chunk.values;
    if (!(src instanceof BigInt64Array)) return false;
    const scale = nsPerUnit(chunk.type) / nsPerUnit(this.field.type);
    const view = src.length === chunk.length ? src : src.subarray(0, chunk.length);
    if (scale === 1n) {
      this.#values.set(view, at);
    } else {
      for (let i = 0; i < view.length; i++) this.#values[at + i] = view[i] * scale;
    }
    return true;
  }

  protected override readerOf(chunk: arrow.Data): Reader {
    const read = readerOf(chunk);
    const scale = nsPerUnit(chunk.type) / nsPerUnit(this.field.type);
    if (scale === 1n) return read;
    return (i) => {
      const v = read(i);
      return typeof v === "bigint" ? v * scale : v;
    };
  }

  protected put(row: number, value: number | bigint | string | null): void {
    if (value === null) this.validity.clear(row, 1);
    else this.#values[row] = typeof value === "bigint" ? value : BigInt(Math.trunc(Number(value)));
  }

  finish(): arrow.Data {
    return arrow.makeData({
      type: this.field.type as arrow.Int64,
      length: this.length,
      data: this.#values,
      ...this.validity.finish(),
    });
  }
}

/** A utf8 column; its byte buffer grows as strings arrive. */
class Utf8Sink extends ColumnSink {
  readonly #offsets = new Int32Array(this.length + 1);
  #bytes = new Uint8Array(1024);
  #used = 0;
  #next = 0;
  readonly #encoder = new TextEncoder();

  #reserve(extra: number): void {
    if (this.#used + extra <= this.#bytes.length) return;
    let size = this.#bytes.length * 2;
    while (size < this.#used + extra) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.#bytes.subarray(0, this.#used));
    this.#bytes = bigger;
  }

  /** Rows are written in increasing order; rows skipped so far get empty strings. */
  #advance(row: number): void {
    for (; this.#next <= row; this.#next++) this.#offsets[this.#next] = this.#used;
  }

  protected fastWrite(chunk: arrow.Data, at: number): boolean {
    const offsets = chunk.valueOffsets;
    const data = chunk.values;
    if (!(data instanceof Uint8Array) || !(offsets instanceof Int32Array)) return false;
    if (!(arrow.DataType.isUtf8(chunk.type) || arrow.DataType.isLargeUtf8(chunk.type))) {
      return false;
    }
    this.#advance(at);
    const start = offsets[0];
    const end = offsets[chunk.length];
    this.#reserve(end - start);
    this.#bytes.set(data.subarray(start, end), this.#used);
    const shift = this.#used - start;
    for (let i = 1; i <= chunk.length; i++) this.#offsets[at + i] = offsets[i] + shift;
    this.#used += end - start;
    this.#next = at + chunk.length + 1;
    return true;
  }

  protected put(row: number, value: number | bigint | string | null): void {
    this.#advance(row);
    if (value === null) {
      this.validity.clear(row, 1);
    } else {
      const bytes = this.#encoder.encode(String(value));
      this.#reserve(bytes.length);
      this.#bytes.set(bytes, this.#used);
      this.#used += bytes.length;
    }
    this.#offsets[row + 1] = this.#used;
    this.#next = row + 1;
  }

  override fillNull(at: number, n: number): void {
    this.#advance(at + n);
    super.fillNull(at, n);
  }

  finish(): arrow.Data {
    this.#advance(this.length);
    return arrow.makeData({
      type: this.field.type as arrow.Utf8,
      length: this.length,
      valueOffsets: this.#offsets,
      data: this.#bytes.subarray(0, this.#used),
      ...this.validity.finish(),
    });
  }
}

/**
 * Creates the sink of a final field.
 *
 * @param field Final field; its type is Int64, Float64, Timestamp or Utf8.
 * @param cls The field's value class.
 * @param length Final number of rows.
 * @returns The sink.
 */
export function createSink(field: arrow.Field, cls: ValueClass, length: number): ColumnSink {
  switch (cls) {
    case "float":
      return new Float64Sink(field, length);
    case "int":
    case "timestamp":
      return new BigInt64Sink(field, length);
    case "string":
      return new Utf8Sink(field, length);
  }
}
