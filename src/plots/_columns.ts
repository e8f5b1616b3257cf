/**
 * Reading plot data out of Arrow tables: which columns can go on an axis, and a numeric column
 * as plain numbers, with errors that name the column, the table and the columns there are.
 *
 * @module
 */

import * as arrow from "npm:apache-arrow@21.2.0";
import { listNames, PlotError } from "./plot_error.ts";

/** Columns of a stitched table that are its index or bookkeeping, never a metric. */
const NOT_DATA: ReadonlySet<string> = new Set([
  "run_id",
  "time",
  "interval_id",
  "__status",
  "__postprocess_status",
  "__postprocess",
  "__postprocess_sha256",
]);

/** The numeric data columns of a table, in table order. */
export function numericColumns(table: arrow.Table): string[] {
  return table.schema.fields
    .filter((f) => !NOT_DATA.has(f.name))
    .filter((f) => arrow.DataType.isFloat(f.type) || arrow.DataType.isInt(f.type))
    .map((f) => f.name);
}

/**
 * A numeric data column's values as numbers (null for a null cell).
 *
 * @param table The table.
 * @param name The column.
 * @param source What the table is, for messages (`report RF`, `hook output orbit_metrics`).
 * @throws {PlotError} `PLOT_UNKNOWN_COLUMN` listing the numeric columns, `PLOT_NOT_NUMERIC` for a
 *   column of another type.
 */
export function numericColumn(
  table: arrow.Table,
  name: string,
  source: string,
): (number | null)[] {
  const field = table.schema.fields.find((f) => f.name === name);
  const known = listNames(numericColumns(table));
  if (field === undefined || NOT_DATA.has(name)) {
    throw new PlotError(
      "PLOT_UNKNOWN_COLUMN",
      `No column '${name}' in ${source}; numeric columns: ${known}`,
    );
  }
  if (!arrow.DataType.isFloat(field.type) && !arrow.DataType.isInt(field.type)) {
    throw new PlotError(
      "PLOT_NOT_NUMERIC",
      `Column '${name}' of ${source} is ${field.type}, not a number; numeric columns: ${known}`,
    );
  }
  const vector = table.getChild(name)!;
  const out = new Array<number | null>(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const v = vector.get(i) as number | bigint | null;
    out[i] = v === null ? null : Number(v);
  }
  return out;
}

/** The `run_id` column as numbers. */
export function runIds(table: arrow.Table, source: string): number[] {
  const vector = table.getChild("run_id");
  if (vector === null) {
    throw new PlotError(
      "PLOT_UNKNOWN_COLUMN",
      `${source} has no run_id column: plot a table stitched by gmat-sweep`,
    );
  }
  return Array.from({ length: table.numRows }, (_, i) => Number(vector.get(i)));
}

/** Whether row i is from an ok run (true when the table has no `__status`). */
export function okRows(table: arrow.Table): (i: number) => boolean {
  const status = table.getChild("__status");
  return status === null ? () => true : (i) => status.get(i) === "ok";
}
