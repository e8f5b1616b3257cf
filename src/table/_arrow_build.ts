/**
 * Private helpers that assemble apache-arrow columns and single-batch tables from typed arrays,
 * without apache-arrow's type inference (which would turn JS strings into dictionaries).
 *
 * @module
 */

import * as arrow from "npm:apache-arrow@21.2.0";

/** Field metadata key: time scale of an epoch column (`UTC`, `TAI`, `TT`, `TDB`, `A1`). */
export const EPOCH_SCALE_KEY = "gmat.epoch_scale";
/** Field metadata key: GMAT representation of an epoch column (`Gregorian`, `ModJulian`). */
export const EPOCH_FORMAT_KEY = "gmat.epoch_format";
/** Field metadata key on `time`: the column it was copied from. */
export const TIME_SOURCE_KEY = "gmat.time_source";
/** Field metadata key: physical unit of a state column (`km`, `km/s`, `m`, `m/s`). */
export const UNIT_KEY = "gmat.unit";

/** The timestamp type of every epoch column: nanoseconds, naive (no time zone). */
export const TIMESTAMP_NS: arrow.Timestamp = new arrow.Timestamp(arrow.TimeUnit.NANOSECOND);

/** One column to assemble: a field and its data. */
export interface Column {
  readonly field: arrow.Field;
  readonly data: arrow.Data;
}

/** Number of bytes of a validity bitmap for `n` rows (padded to 8 bytes). */
export function bitmapBytes(n: number): number {
  return ((n + 63) >> 6) << 3;
}

/** A validity bitmap for `valid` (true: a value, false: null), or undefined when all are valid. */
export function validityOf(valid: readonly boolean[]): Uint8Array | undefined {
  if (valid.every((v) => v)) return undefined;
  const bitmap = new Uint8Array(bitmapBytes(valid.length));
  valid.forEach((v, i) => {
    if (v) bitmap[i >> 3] |= 1 << (i & 7);
  });
  return bitmap;
}

function nullsIn(bitmap: Uint8Array | undefined, n: number): number {
  if (bitmap === undefined) return 0;
  let valid = 0;
  for (let i = 0; i < n; i++) valid += (bitmap[i >> 3] >> (i & 7)) & 1;
  return n - valid;
}

function field(
  name: string,
  type: arrow.DataType,
  nullable: boolean,
  metadata?: ReadonlyMap<string, string>,
): arrow.Field {
  return new arrow.Field(name, type, nullable, metadata ? new Map(metadata) : undefined);
}

/** A float64 column. */
export function float64Column(
  name: string,
  values: Float64Array,
  metadata?: ReadonlyMap<string, string>,
): Column {
  const type = new arrow.Float64();
  return {
    field: field(name, type, false, metadata),
    data: arrow.makeData({ type, length: values.length, data: values }),
  };
}

/** An int64 column. */
export function int64Column(
  name: string,
  values: BigInt64Array,
  metadata?: ReadonlyMap<string, string>,
): Column {
  const type = new arrow.Int64();
  return {
    field: field(name, type, false, metadata),
    data: arrow.makeData({ type, length: values.length, data: values }),
  };
}

/** A naive `timestamp[ns]` column; `nullBitmap` marks valid rows when some are null. */
export function timestampColumn(
  name: string,
  values: BigInt64Array,
  nullBitmap: Uint8Array | undefined,
  metadata?: ReadonlyMap<string, string>,
): Column {
  const nullCount = nullsIn(nullBitmap, values.length);
  return {
    field: field(name, TIMESTAMP_NS, nullCount > 0, metadata),
    data: arrow.makeData({
      type: TIMESTAMP_NS,
      length: values.length,
      nullCount,
      nullBitmap: nullCount > 0 ? nullBitmap : undefined,
      data: values,
    }),
  };
}

/** A utf8 column (plain, not dictionary-encoded). */
export function utf8Column(
  name: string,
  values: readonly string[],
  metadata?: ReadonlyMap<string, string>,
): Column {
  const encoder = new TextEncoder();
  const encoded = values.map((v) => encoder.encode(v));
  const offsets = new Int32Array(values.length + 1);
  let total = 0;
  encoded.forEach((bytes, i) => {
    total += bytes.length;
    offsets[i + 1] = total;
  });
  const bytes = new Uint8Array(total);
  encoded.forEach((b, i) => bytes.set(b, offsets[i]));
  const type = new arrow.Utf8();
  return {
    field: field(name, type, false, metadata),
    data: arrow.makeData({ type, length: values.length, valueOffsets: offsets, data: bytes }),
  };
}

/** A single-batch table of the columns, with schema metadata. */
export function tableOf(
  columns: readonly Column[],
  metadata: ReadonlyMap<string, string> = new Map(),
): arrow.Table {
  const fields = columns.map((c) => c.field);
  const schema = new arrow.Schema(fields, new Map(metadata));
  const length = columns.length === 0 ? 0 : columns[0].data.length;
  const struct = arrow.makeData({
    type: new arrow.Struct(fields),
    length,
    nullCount: 0,
    children: columns.map((c) => c.data),
  });
  return new arrow.Table([new arrow.RecordBatch(schema, struct)]);
}
