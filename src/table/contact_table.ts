/**
 * A parsed GMAT ContactLocator report as an Arrow table: gmat-run's canonical columns plus
 * gmat-sweep's `interval_id`, the per-run file `contact__<name>.parquet`.
 *
 * Columns, in the report's order: `Observer` utf8; `Pass` int64 (AzEl formats); `Start`, `Stop`,
 * `Time`, `MaxElevationTime` naive `timestamp[ns]` on the UTC clock, with field metadata
 * `gmat.epoch_scale` = `UTC` and `gmat.epoch_format` (`UTCGregorian`, `ISOYD` or `UTCMJD`, how
 * the report wrote them); `Duration` float64 seconds; `StartRange`, `StopRange`, `Range` (km),
 * `RangeRate` (km/s), `Azimuth`, `Elevation`, `MaxElevation` (deg) float64, each number column
 * with `gmat.unit`. Then `interval_id` int64 `0..K-1` in row order (events, or AzEl ticks), the
 * secondary index of a stitched contact table. Schema metadata: `gmat.output` (JSON: kind,
 * name, format, report format, target, file) and `PANDAS_ATTRS` (gmat-run's attrs: `target`,
 * `report_format`, `time_scale`, `epoch_scales`, `event_counts`).
 *
 * @module
 */

import { basename } from "node:path";
import type * as arrow from "npm:apache-arrow@21.2.0";
import {
  contactEpochNs,
  type ContactNumberColumn,
  type ContactReport,
  type ContactTimeColumn,
} from "../formats/mod.ts";
import {
  type Column,
  EPOCH_FORMAT_KEY,
  EPOCH_SCALE_KEY,
  float64Column,
  int64Column,
  tableOf,
  timestampColumn,
  UNIT_KEY,
  utf8Column,
} from "./_arrow_build.ts";
import { OUTPUT_METADATA_KEY, PANDAS_ATTRS_KEY } from "./report_table.ts";
import { TableError } from "./table_error.ts";

/** The name of the per-run interval index column of a contact table. */
export const INTERVAL_ID_COLUMN = "interval_id";

const UNITS: Readonly<Record<ContactNumberColumn, string>> = {
  Duration: "s",
  StartRange: "km",
  StopRange: "km",
  Range: "km",
  RangeRate: "km/s",
  Azimuth: "deg",
  Elevation: "deg",
  MaxElevation: "deg",
};

/**
 * Builds the Arrow table of a parsed ContactLocator report.
 *
 * @param report The parsed report (`parseContactReport`).
 * @param source The report's path, for messages and the `gmat.output` metadata.
 * @param name The ContactLocator resource name, recorded in the metadata.
 * @returns A single-batch table, columns non-nullable (a report without contacts gives a table
 *   with no rows).
 * @throws {TableError} `TABLE_EPOCH` when an epoch cell cannot be converted (not for a report
 *   from `parseContactReport`, which checks every epoch).
 *
 * @example Usage
 * ```ts
 * import { contactTable } from "./contact_table.ts";
 * import { parseContactReport } from "../formats/mod.ts";
 * import assert from "node:assert/strict";
 *
 * const report = parseContactReport(
 *   "Target: Sat\n\nObserver: GS\n" +
 *     "Start Time (UTC)            Stop Time (UTC)               Duration (s)\n" +
 *     "09 Jan 2010 20:36:24.626    09 Jan 2010 23:05:18.684      8934.0587546\n\n\n" +
 *     "Number of events : 1\n",
 *   "CL.txt",
 * );
 * const table = contactTable(report, "CL.txt", "CL");
 * assert.deepEqual(table.schema.names, ["Observer", "Start", "Stop", "Duration", "interval_id"]);
 * assert.equal(table.getChild("Start")!.data[0].values[0], 1263069384626000000n);
 * ```
 */
export function contactTable(report: ContactReport, source: string, name: string): arrow.Table {
  const n = report.rows.length;
  const columns: Column[] = [];
  const epochScales: Record<string, string> = {};
  for (const col of report.columns) {
    switch (col) {
      case "Observer":
        columns.push(utf8Column(col, report.rows.map((r) => r.Observer)));
        break;
      case "Pass":
        columns.push(int64Column(col, BigInt64Array.from(report.rows, (r) => BigInt(r.Pass!))));
        break;
      case "Start":
      case "Stop":
      case "Time":
      case "MaxElevationTime": {
        const format = report.timeFormats[col as ContactTimeColumn] ?? "UTCGregorian";
        const values = new BigInt64Array(n);
        report.rows.forEach((row, r) => {
          const text = row[col] ?? "";
          const ns = contactEpochNs(text, format);
          if (ns === undefined) {
            const at = report.lines[r] === undefined ? `row ${r + 1}` : `line ${report.lines[r]}`;
            throw new TableError(
              "TABLE_EPOCH",
              `${source}: ${at}, column ${col}: cannot read '${text}' as a ${format} epoch`,
            );
          }
          values[r] = ns;
        });
        epochScales[col] = report.timeScale;
        columns.push(
          timestampColumn(
            col,
            values,
            undefined,
            new Map([[EPOCH_SCALE_KEY, report.timeScale], [EPOCH_FORMAT_KEY, format]]),
          ),
        );
        break;
      }
      default: {
        const values = Float64Array.from(report.rows, (r) => r[col] ?? NaN);
        columns.push(float64Column(col, values, new Map([[UNIT_KEY, UNITS[col]]])));
      }
    }
  }
  columns.push(
    int64Column(INTERVAL_ID_COLUMN, BigInt64Array.from({ length: n }, (_, i) => BigInt(i))),
  );
  const metadata = new Map([
    [
      OUTPUT_METADATA_KEY,
      JSON.stringify({
        kind: "contact",
        name,
        format: "ContactLocator",
        report_format: report.format,
        target: report.target,
        file: basename(source),
      }),
    ],
    [
      PANDAS_ATTRS_KEY,
      JSON.stringify({
        target: report.target,
        report_format: report.format,
        time_scale: report.timeScale,
        epoch_scales: epochScales,
        event_counts: report.eventCounts,
      }),
    ],
  ]);
  return tableOf(columns, metadata);
}
