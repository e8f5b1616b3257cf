/**
 * Reading a stitched table's columns into plain typed arrays: numeric data columns as float64
 * (null read as NaN), `run_id` as numbers, `time` as int64 nanoseconds with a validity mask, and
 * `__status` as strings. Shared by every analysis helper.
 *
 * @module
 */

import * as arrow from "npm:apache-arrow@21.2.0";
import { AnalysisError } from "./errors.ts";

/** The run-id column of a stitched table. */
export const RUN_ID = "run_id";
/** The time column of a stitched table. */
export const TIME = "time";
/** The status column of a stitched table. */
export const STATUS = "__status";
/** Index columns that are never data, even though they are integers. */
const INDEX_COLUMNS: ReadonlySet<string> = new Set([RUN_ID, "interval_id"]);

/** Whether an Arrow type holds numbers a statistic can be taken of (ints and floats). */
export function isNumeric(type: arrow.DataType): boolean {
  return arrow.DataType.isFloat(type) || arrow.DataType.isInt(type);
}

/** The numeric data columns of a table, in table order (index columns left out). */
export function numericColumns(table: arrow.Table): string[] {
  return table.schema.fields
    .filter((f) => !INDEX_COLUMNS.has(f.name) && isNumeric(f.type))
    .map((f) => f.name);
}

/**
 * The data columns to analyse: the given ones (each checked to exist and be numeric) or every
 * numeric data column.
 *
 * @param table The table.
 * @param columns The columns asked for, or undefined for all numeric ones.
 * @param what The helper and table, for messages (e.g. `sweepSummary`).
 */
export function selectColumns(
  table: arrow.Table,
  columns: readonly string[] | undefined,
  what: string,
): string[] {
  const numeric = numericColumns(table);
  if (columns === undefined) {
    if (numeric.length === 0) {
      throw new AnalysisError(
        "ANALYSIS_COLUMN",
        `${what}: the table has no numeric data column (columns: ${fieldNames(table)}); ` +
          "pass a stitched report or ephemeris table",
      );
    }
    return numeric;
  }
  if (!Array.isArray(columns)) {
    throw new AnalysisError("ANALYSIS_OPTION", `${what}: columns must be an array of names`);
  }
  const seen = new Set<string>();
  for (const name of columns) {
    if (seen.has(name)) {
      throw new AnalysisError("ANALYSIS_OPTION", `${what}: column '${name}' is listed twice`);
    }
    seen.add(name);
    requireNumericColumn(table, name, what);
  }
  return [...columns];
}

/** Throw unless the table has a numeric data column of that name. */
export function requireNumericColumn(table: arrow.Table, name: string, what: string): void {
  const field = table.schema.fields.find((f) => f.name === name);
  const known = numericColumns(table).join(", ") || "none";
  if (field === undefined) {
    throw new AnalysisError(
      "ANALYSIS_COLUMN",
      `${what}: no column '${name}' in the table; numeric columns are: ${known}`,
    );
  }
  if (INDEX_COLUMNS.has(name) || !isNumeric(field.type)) {
    throw new AnalysisError(
      "ANALYSIS_COLUMN",
      `${what}: column '${name}' is ${field.type}, not a numeric data column; ` +
        `numeric columns are: ${known}`,
    );
  }
}

function fieldNames(table: arrow.Table): string {
  return table.schema.fields.map((f) => f.name).join(", ") || "none";
}

function column(table: arrow.Table, name: string): arrow.Vector {
  const vector = table.getChild(name);
  if (vector === null) {
    throw new AnalysisError(
      "ANALYSIS_TABLE",
      `the table has no '${name}' column (columns: ${fieldNames(table)}); ` +
        "pass a table stitched by gmat-sweep (Sweep#toTable)",
    );
  }
  return vector;
}

/**
 * A numeric column as float64; null cells read as NaN, int64 values converted to numbers.
 *
 * @param table The table.
 * @param name A numeric column (see {@link requireNumericColumn}).
 */
export function readNumbers(table: arrow.Table, name: string): Float64Array {
  const vector = column(table, name);
  const out = new Float64Array(vector.length);
  let at = 0;
  for (const data of vector.data) {
    const values = data.values as ArrayLike<number | bigint>;
    const half = arrow.DataType.isFloat(data.type) && data.type.precision === arrow.Precision.HALF;
    for (let i = 0; i < data.length; i++, at++) {
      if (!data.getValid(i)) out[at] = NaN;
      else if (half) out[at] = vector.get(at) as number;
      else out[at] = Number(values[i]);
    }
  }
  return out;
}

/** The `run_id` column as numbers; a null run id is refused. */
export function readRunIds(table: arrow.Table): Float64Array {
  const vector = column(table, RUN_ID);
  if (!arrow.DataType.isInt(vector.type)) {
    throw new AnalysisError(
      "ANALYSIS_TABLE",
      `column 'run_id' is ${vector.type}, not an integer: pass a table stitched by gmat-sweep`,
    );
  }
  const ids = readNumbers(table, RUN_ID);
  const bad = ids.findIndex((v) => Number.isNaN(v));
  if (bad >= 0) {
    throw new AnalysisError("ANALYSIS_TABLE", `row ${bad} has a null run_id: every row needs one`);
  }
  return ids;
}

/** The `time` column in nanoseconds, and which rows have a time (marker rows have none). */
export interface Times {
  /** Nanoseconds since the epoch (0 where null). */
  readonly ns: BigInt64Array;
  /** 1 where the row has a time, 0 where it is null. */
  readonly valid: Uint8Array;
}

const NS_PER_UNIT: Record<number, bigint> = {
  [arrow.TimeUnit.SECOND]: 1_000_000_000n,
  [arrow.TimeUnit.MILLISECOND]: 1_000_000n,
  [arrow.TimeUnit.MICROSECOND]: 1_000n,
  [arrow.TimeUnit.NANOSECOND]: 1n,
};

/** Whether the table has a timestamp `time` column. */
export function hasTime(table: arrow.Table): boolean {
  const field = table.schema.fields.find((f) => f.name === TIME);
  return field !== undefined && arrow.DataType.isTimestamp(field.type);
}

/**
 * The `time` column as int64 nanoseconds (any timestamp unit is converted).
 *
 * @param table The table.
 * @param what The helper, for messages.
 */
export function readTimes(table: arrow.Table, what: string): Times {
  const vector = table.getChild(TIME);
  if (vector === null || !arrow.DataType.isTimestamp(vector.type)) {
    throw new AnalysisError(
      "ANALYSIS_TABLE",
      `${what}: the table has no timestamp 'time' column (columns: ${fieldNames(table)}); ` +
        'summarise it by run instead (by: "run")',
    );
  }
  const scale = NS_PER_UNIT[(vector.type as arrow.Timestamp).unit];
  const ns = new BigInt64Array(vector.length);
  const valid = new Uint8Array(vector.length);
  let at = 0;
  for (const data of vector.data) {
    const values = data.values as BigInt64Array;
    for (let i = 0; i < data.length; i++, at++) {
      if (data.getValid(i)) {
        ns[at] = BigInt(values[i]) * scale;
        valid[at] = 1;
      }
    }
  }
  return { ns, valid };
}

/**
 * The `__status` column as strings (a null status reads as `"null"`, so it never counts as ok),
 * or every row `"ok"` when the table has no status column.
 */
export function readStatus(table: arrow.Table): string[] {
  const vector = table.getChild(STATUS);
  if (vector === null) return new Array<string>(table.numRows).fill("ok");
  const out = new Array<string>(vector.length);
  for (let i = 0; i < vector.length; i++) {
    const v = vector.get(i);
    out[i] = v === null || v === undefined ? "null" : String(v);
  }
  return out;
}
