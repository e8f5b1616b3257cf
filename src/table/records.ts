/**
 * Arrow tables as plain JavaScript rows: what `JSON.stringify`, `===` and a CSV writer expect.
 *
 * The Parquet files keep Arrow's types for pandas and Polars (`run_id` Int64, epochs
 * `timestamp[ns]`); here `run_id` and other 64-bit integers become numbers (a value beyond
 * 2^53 becomes its exact decimal text, never a rounded number), and timestamps become exact
 * ISO 8601 text with nanoseconds (`2026-01-01T00:00:30.000000000`, no `Z`: gmat-sweep's epochs
 * are naive clocks in the epoch's own time scale) or `Date` objects (millisecond precision).
 * Nulls stay `null`.
 *
 * @module
 */

import { ArgumentError } from "../errors/arguments.ts";
import * as arrow from "npm:apache-arrow@21.2.0";
import { civilFromDays } from "../physics/time/civil_date.ts";

/** One row: column name to a JSON-friendly value. */
export type TableRecord = Record<string, string | number | boolean | Date | null>;

/** Options of {@link tableRecords}. */
export interface RecordsOptions {
  /** Timestamps as exact ISO text (`"iso"`, the default) or as `Date` objects (`"date"`). */
  readonly times?: "iso" | "date";
}

const NS_PER_UNIT: Record<number, bigint> = {
  [arrow.TimeUnit.SECOND]: 1_000_000_000n,
  [arrow.TimeUnit.MILLISECOND]: 1_000_000n,
  [arrow.TimeUnit.MICROSECOND]: 1_000n,
  [arrow.TimeUnit.NANOSECOND]: 1n,
};

const pad = (n: number | bigint, width: number) => String(n).padStart(width, "0");

/**
 * Nanoseconds since 1970-01-01T00:00:00 of a naive clock as ISO 8601 text with nine decimals.
 *
 * @param ns Signed nanoseconds.
 * @returns Text such as `2026-01-01T00:00:30.000000000` (years beyond 0000-9999 are signed).
 */
export function nsToIso(ns: bigint): string {
  const NS_PER_DAY = 86_400_000_000_000n;
  let days = ns / NS_PER_DAY;
  let rest = ns % NS_PER_DAY;
  if (rest < 0n) {
    rest += NS_PER_DAY;
    days -= 1n;
  }
  const { year, month, day } = civilFromDays(Number(days));
  const seconds = rest / 1_000_000_000n;
  const fraction = rest % 1_000_000_000n;
  const y = year >= 0 && year <= 9999
    ? pad(year, 4)
    : (year < 0 ? "-" : "+") + pad(Math.abs(year), 6);
  return `${y}-${pad(month, 2)}-${pad(day, 2)}T${pad(seconds / 3600n, 2)}:` +
    `${pad((seconds / 60n) % 60n, 2)}:${pad(seconds % 60n, 2)}.${pad(fraction, 9)}`;
}

/** A 64-bit integer as a number when exact, else as its decimal text. */
function int64Value(v: bigint): number | string {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : v.toString();
}

/** Reads row `i` of one column of one batch as a record value. */
type CellReader = (i: number) => string | number | boolean | Date | null;

function cellReader(vector: arrow.Vector, times: "iso" | "date"): CellReader {
  const type = vector.type;
  if (arrow.DataType.isTimestamp(type)) {
    const perUnit = NS_PER_UNIT[type.unit];
    const chunks = vector.data;
    return (i) => {
      if (!vector.isValid(i)) return null;
      // Find the chunk and read the raw 64-bit value (the getter rounds to milliseconds).
      let k = 0;
      let j = i;
      while (j >= chunks[k].length) j -= chunks[k++].length;
      const raw = (chunks[k].values as BigInt64Array)[j];
      const ns = BigInt(raw) * perUnit;
      return times === "date" ? new Date(Number(ns / 1_000_000n)) : nsToIso(ns);
    };
  }
  return (i) => {
    const v: unknown = vector.get(i);
    if (v === null || v === undefined) return null;
    if (typeof v === "bigint") return int64Value(v);
    if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
    if (v instanceof Date) return times === "date" ? v : v.toISOString();
    return String(v);
  };
}

/**
 * The rows of a table as plain objects, in order.
 *
 * @example A stitched table's rows
 * ```ts ignore
 * const rows = tableRecords(await sweep.toTable());
 * rows.filter((r) => r.run_id === 3);
 * JSON.stringify(rows[0]);
 * ```
 * @param table Any Arrow table (a stitched or extra-outputs table).
 * @param options How timestamps come out.
 * @returns One object per row, keys in the table's column order.
 */
export function tableRecords(table: arrow.Table, options: RecordsOptions = {}): TableRecord[] {
  if (!(table instanceof arrow.Table)) {
    throw new ArgumentError(
      "tableRecords(table): expected an apache-arrow Table (sweep.toTable(), lazyOutputs(...))",
    );
  }
  const times = options.times ?? "iso";
  const names = table.schema.fields.map((f) => f.name);
  const out: TableRecord[] = [];
  for (const batch of table.batches) {
    const readers = names.map((_, c) => cellReader(batch.getChildAt(c)!, times));
    for (let i = 0; i < batch.numRows; i++) {
      const row: TableRecord = {};
      for (let c = 0; c < names.length; c++) row[names[c]] = readers[c](i);
      out.push(row);
    }
  }
  return out;
}
