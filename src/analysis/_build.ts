/**
 * Building the analysis helpers' result tables: single-batch apache-arrow tables assembled from
 * typed arrays, with float64 columns where NaN means "no value" and is written as null.
 *
 * @module
 */

import { displayTable } from "../display/mod.ts";
import { tableOf } from "../table/_arrow_build.ts";
import * as arrow from "npm:apache-arrow@21.2.0";

/** One column of a result table. */
export interface BuiltColumn {
  /** Its field. */
  readonly field: arrow.Field;
  /** Its values. */
  readonly data: arrow.Data;
}

function bitmap(length: number, isValid: (i: number) => boolean): [Uint8Array | undefined, number] {
  const bits = new Uint8Array(((length + 63) >> 6) << 3);
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    if (isValid(i)) bits[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return nulls === 0 ? [undefined, 0] : [bits, nulls];
}

/** A nullable float64 column; NaN entries become null. */
export function float64Col(name: string, values: Float64Array): BuiltColumn {
  const type = new arrow.Float64();
  const [nullBitmap, nullCount] = bitmap(values.length, (i) => !Number.isNaN(values[i]));
  const clean = nullCount === 0 ? values : values.map((v) => (Number.isNaN(v) ? 0 : v));
  return {
    field: new arrow.Field(name, type, true),
    data: arrow.makeData({ type, length: values.length, nullCount, nullBitmap, data: clean }),
  };
}

/** A non-null int64 column. */
export function int64Col(name: string, values: ArrayLike<number>): BuiltColumn {
  const type = new arrow.Int64();
  const data = BigInt64Array.from({ length: values.length }, (_, i) => BigInt(values[i]));
  return {
    field: new arrow.Field(name, type, false),
    data: arrow.makeData({ type, length: data.length, data }),
  };
}

/** A `timestamp[ns]` column; rows whose `valid` byte is 0 are null. */
export function timestampCol(
  name: string,
  ns: BigInt64Array,
  valid: Uint8Array,
  metadata?: ReadonlyMap<string, string>,
): BuiltColumn {
  const type = new arrow.Timestamp(arrow.TimeUnit.NANOSECOND);
  const [nullBitmap, nullCount] = bitmap(ns.length, (i) => valid[i] === 1);
  return {
    field: new arrow.Field(name, type, true, metadata ? new Map(metadata) : undefined),
    data: arrow.makeData({ type, length: ns.length, nullCount, nullBitmap, data: ns }),
  };
}

/** A non-null utf8 column (plain, not dictionary-encoded). */
export function utf8Col(name: string, values: readonly string[]): BuiltColumn {
  const encoder = new TextEncoder();
  const encoded = values.map((v) => encoder.encode(v));
  const valueOffsets = new Int32Array(values.length + 1);
  encoded.forEach((bytes, i) => (valueOffsets[i + 1] = valueOffsets[i] + bytes.length));
  const data = new Uint8Array(valueOffsets[values.length]);
  encoded.forEach((bytes, i) => data.set(bytes, valueOffsets[i]));
  const type = new arrow.Utf8();
  return {
    field: new arrow.Field(name, type, false),
    data: arrow.makeData({ type, length: values.length, valueOffsets, data }),
  };
}

/** A nullable utf8 column: null where the value is null. */
export function nullableUtf8Col(name: string, values: readonly (string | null)[]): BuiltColumn {
  const plain = utf8Col(name, values.map((v) => v ?? ""));
  const [nullBitmap, nullCount] = bitmap(values.length, (i) => values[i] !== null);
  const type = new arrow.Utf8();
  return {
    field: new arrow.Field(name, type, true),
    data: arrow.makeData({
      type,
      length: values.length,
      nullCount,
      nullBitmap,
      valueOffsets: plain.data.valueOffsets,
      data: plain.data.values,
    }),
  };
}

/** A non-null boolean column. */
export function boolCol(name: string, values: readonly boolean[]): BuiltColumn {
  const type = new arrow.Bool();
  const data = new Uint8Array(((values.length + 63) >> 6) << 3);
  values.forEach((v, i) => {
    if (v) data[i >> 3] |= 1 << (i & 7);
  });
  return {
    field: new arrow.Field(name, type, false),
    data: arrow.makeData({ type, length: values.length, data }),
  };
}

/**
 * A single-batch table of the columns (the table layer's builder), displayed in notebooks with
 * the analysis kind its metadata records as title.
 */
export function buildTable(
  columns: readonly BuiltColumn[],
  metadata: ReadonlyMap<string, string> = new Map(),
): arrow.Table {
  let title = "analysis";
  try {
    const kind = JSON.parse(metadata.get(ANALYSIS_METADATA_KEY) ?? "{}").kind;
    if (typeof kind === "string") title = kind;
  } catch { /* no description */ }
  return displayTable(tableOf(columns, metadata), { title });
}

/** Schema metadata key of an analysis result: JSON describing what the table holds. */
export const ANALYSIS_METADATA_KEY = "gmat.analysis";
