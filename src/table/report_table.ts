/**
 * A parsed GMAT ReportFile as an Arrow table, following gmat-run's and gmat-sweep's conventions.
 *
 * Columns keep GMAT's dotted names in file order and are typed by the parser: `int` -> int64,
 * `float` -> float64, `string` -> utf8. Epoch columns (last name segment one of the ten
 * `{A1,TAI,UTC,TT,TDB}{Gregorian,ModJulian}`) are promoted: Gregorian text becomes a naive
 * `timestamp[ns]` on the labelled scale's clock; ModJulian stays float64 (GMAT's days since
 * 1941-01-05T12:00:00). A column named `time` is appended, a copy of the first epoch column as
 * `timestamp[ns]` (unless the report already has a `time` column, which is kept as it is; a report
 * with no epoch column gets none, and a stitch then marks its run). Every epoch column and `time`
 * carry field metadata `gmat.epoch_scale` (and `gmat.epoch_format`; `time` also
 * `gmat.time_source`).
 *
 * @module
 */

import { basename } from "node:path";
import type * as arrow from "npm:apache-arrow@21.2.0";
import type { EpochFormat, ReportFileTable } from "../formats/mod.ts";
import {
  type Column,
  EPOCH_FORMAT_KEY,
  EPOCH_SCALE_KEY,
  float64Column,
  int64Column,
  tableOf,
  TIME_SOURCE_KEY,
  timestampColumn,
  utf8Column,
  validityOf,
} from "./_arrow_build.ts";
import { gregorianToNs, modJulianToNs } from "./epoch_ns.ts";
import { TableError } from "./table_error.ts";

/** Schema metadata key: JSON description of the GMAT output a per-run file was made from. */
export const OUTPUT_METADATA_KEY = "gmat.output";
/** Schema metadata key pandas (>= 2.1) restores as `DataFrame.attrs`. */
export const PANDAS_ATTRS_KEY = "PANDAS_ATTRS";

/** The name of the synthesized time column. */
export const TIME_COLUMN = "time";

/** Converts one epoch column to nanoseconds; null where a ModJulian value is NaN. */
function epochNs(
  table: ReportFileTable,
  col: number,
  format: EpochFormat,
  source: string,
): { values: BigInt64Array; valid: boolean[] } {
  const name = table.columns[col];
  const values = new BigInt64Array(table.rows.length);
  const valid = new Array<boolean>(table.rows.length).fill(true);
  table.rows.forEach((row, r) => {
    const cell = row[col];
    const ns = format === "Gregorian" ? gregorianToNs(String(cell)) : modJulianToNs(Number(cell));
    if (ns !== undefined) {
      values[r] = ns;
    } else if (format === "ModJulian" && typeof cell === "number") {
      valid[r] = false;
    } else {
      throw new TableError(
        "TABLE_EPOCH",
        `${source}: data row ${r + 1}, column ${name}: cannot read '${cell}' as a ${format} ` +
          `epoch; expected ${
            format === "Gregorian" ? "'DD Mon YYYY HH:MM:SS.mmm'" : "a number of days"
          }`,
      );
    }
  });
  return { values, valid };
}

/**
 * Builds the Arrow table of a parsed ReportFile.
 *
 * @param report The parsed ReportFile (`parseReportFile`).
 * @param source The report's path, for messages and the `gmat.output` metadata.
 * @param name The ReportFile resource name, recorded in the metadata.
 * @returns A single-batch table; columns non-nullable except `time` where a ModJulian is NaN.
 * @throws {TableError} `TABLE_EPOCH` when a Gregorian cell is not an epoch.
 *
 * @example Usage
 * ```ts
 * import { reportTable } from "./report_table.ts";
 * import { parseReportFile } from "../formats/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const report = parseReportFile(
 *   "Sat.UTCGregorian           Sat.X\n01 Jan 2026 00:00:00.000   7000\n",
 *   "sat.report",
 * );
 * const table = reportTable(report, "sat.report", "RF");
 * assert.deepEqual(table.schema.names, ["Sat.UTCGregorian", "Sat.X", "time"]);
 * assert.equal(table.getChild("time")!.data[0].values[0], 1767225600000000000n);
 * ```
 */
export function reportTable(report: ReportFileTable, source: string, name: string): arrow.Table {
  const columns: Column[] = [];
  let timeColumn: Column | undefined;
  const hasTime = report.columns.includes(TIME_COLUMN);
  report.columns.forEach((col, c) => {
    const format = report.epochFormats[col];
    const scale = report.epochScales[col];
    if (format !== undefined && scale !== undefined) {
      const metadata = new Map([[EPOCH_SCALE_KEY, scale], [EPOCH_FORMAT_KEY, format]]);
      const { values, valid } = epochNs(report, c, format, source);
      if (format === "Gregorian") {
        columns.push(timestampColumn(col, values, undefined, metadata));
      } else {
        columns.push(
          float64Column(col, Float64Array.from(report.rows, (r) => Number(r[c])), metadata),
        );
      }
      if (!hasTime && timeColumn === undefined) {
        timeColumn = timestampColumn(
          TIME_COLUMN,
          values.slice(),
          validityOf(valid),
          new Map([[EPOCH_SCALE_KEY, scale], [TIME_SOURCE_KEY, col]]),
        );
      }
      return;
    }
    switch (report.columnTypes[c]) {
      case "int":
        columns.push(int64Column(col, BigInt64Array.from(report.rows, (r) => BigInt(r[c]))));
        break;
      case "float":
        columns.push(float64Column(col, Float64Array.from(report.rows, (r) => Number(r[c]))));
        break;
      default:
        columns.push(utf8Column(col, report.rows.map((r) => String(r[c]))));
    }
  });
  if (timeColumn !== undefined) columns.push(timeColumn);
  const metadata = new Map([
    [
      OUTPUT_METADATA_KEY,
      JSON.stringify({ kind: "report", name, format: "ReportFile", file: basename(source) }),
    ],
    [PANDAS_ATTRS_KEY, JSON.stringify({ epoch_scales: report.epochScales })],
  ]);
  return tableOf(columns, metadata);
}
