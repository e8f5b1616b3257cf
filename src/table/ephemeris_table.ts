/**
 * Parsed GMAT ephemerides (CCSDS-OEM, STK-TimePosVel) as Arrow tables with gmat-run's columns:
 * `Epoch` (naive `timestamp[ns]`), `X, Y, Z, VX, VY, VZ` (float64, values as written), plus
 * `time`, a copy of `Epoch` (gmat-sweep's index column).
 *
 * `Epoch` and `time` carry field metadata `gmat.epoch_scale` (the OEM `TIME_SYSTEM`; UTC for STK,
 * whose `ScenarioEpoch` is UTC Gregorian); state columns carry `gmat.unit`. Schema metadata
 * `gmat.frame` and `gmat.central_body` name the reference frame and origin, and `gmat.output`
 * holds a JSON description (format, object, interpolation, segments).
 *
 * @module
 */

import { basename } from "node:path";
import type * as arrow from "npm:apache-arrow@21.2.0";
import type { OemFile, StkFile } from "../formats/mod.ts";
import {
  type Column,
  EPOCH_SCALE_KEY,
  float64Column,
  tableOf,
  TIME_SOURCE_KEY,
  timestampColumn,
  UNIT_KEY,
} from "./_arrow_build.ts";
import { addSecondsNs, gregorianToNs, isoToNs } from "./epoch_ns.ts";
import { OUTPUT_METADATA_KEY, PANDAS_ATTRS_KEY, TIME_COLUMN } from "./report_table.ts";
import { TableError } from "./table_error.ts";

/** Schema metadata key: the reference frame (OEM `REF_FRAME`, STK `CoordinateSystem`). */
export const FRAME_KEY = "gmat.frame";
/** Schema metadata key: the origin (OEM `CENTER_NAME`, STK `CentralBody`). */
export const CENTRAL_BODY_KEY = "gmat.central_body";

const STATE_COLUMNS = ["X", "Y", "Z", "VX", "VY", "VZ"] as const;

function stateTable(
  epochs: BigInt64Array,
  states: readonly (readonly number[])[],
  scale: string,
  units: readonly [string, string],
  metadata: Map<string, string>,
): arrow.Table {
  const columns: Column[] = [
    timestampColumn("Epoch", epochs, undefined, new Map([[EPOCH_SCALE_KEY, scale]])),
  ];
  STATE_COLUMNS.forEach((name, k) => {
    const values = Float64Array.from(states, (s) => s[k]);
    columns.push(float64Column(name, values, new Map([[UNIT_KEY, units[k < 3 ? 0 : 1]]])));
  });
  columns.push(
    timestampColumn(
      TIME_COLUMN,
      epochs.slice(),
      undefined,
      new Map([[EPOCH_SCALE_KEY, scale], [TIME_SOURCE_KEY, "Epoch"]]),
    ),
  );
  metadata.set(PANDAS_ATTRS_KEY, JSON.stringify({ epoch_scales: { Epoch: scale } }));
  return tableOf(columns, metadata);
}

function epochError(source: string, row: number, text: string, form: string): TableError {
  return new TableError(
    "TABLE_EPOCH",
    `${source}: ephemeris row ${row}: cannot read epoch '${text}'; expected ${form}`,
  );
}

/**
 * Builds the Arrow table of a parsed CCSDS-OEM file; segments are concatenated in file order.
 *
 * @param oem The parsed file (`parseOem`).
 * @param source The file's path, for messages and metadata.
 * @param name The EphemerisFile resource name, recorded in the metadata.
 * @returns A single-batch table `Epoch, X, Y, Z, VX, VY, VZ, time` (km, km/s).
 * @throws {TableError} `TABLE_EPOCH` when an epoch is not ISO text.
 *
 * @example Usage
 * ```ts ignore
 * import { oemTable } from "./ephemeris_table.ts";
 * import { parseOem } from "../formats/mod.ts";
 *
 * const table = oemTable(parseOem(await Deno.readTextFile("sat.oem"), "sat.oem"), "sat.oem", "EF");
 * ```
 */
export function oemTable(oem: OemFile, source: string, name: string): arrow.Table {
  const rows = oem.segments.flatMap((s) => s.rows);
  const epochs = new BigInt64Array(rows.length);
  rows.forEach((row, i) => {
    const ns = isoToNs(row.epoch);
    if (ns === undefined) throw epochError(source, i + 1, row.epoch, "'YYYY-MM-DDThh:mm:ss.fff'");
    epochs[i] = ns;
  });
  const first = oem.segments[0]?.meta;
  const metadata = new Map<string, string>();
  if (first !== undefined) {
    metadata.set(FRAME_KEY, first.refFrame);
    metadata.set(CENTRAL_BODY_KEY, first.centerName);
  }
  metadata.set(
    OUTPUT_METADATA_KEY,
    JSON.stringify({
      kind: "ephemeris",
      name,
      format: "CCSDS-OEM",
      file: basename(source),
      object_name: first?.objectName,
      interpolation: first?.interpolation,
      interpolation_degree: first?.interpolationDegree,
      segments: oem.segments.map((s) => ({
        rows: s.rows.length,
        ref_frame: s.meta.refFrame,
        center_name: s.meta.centerName,
        time_system: s.meta.timeSystem,
      })),
    }),
  );
  return stateTable(
    epochs,
    rows.map((r) => r.state),
    first?.timeSystem ?? "UTC",
    ["km", "km/s"],
    metadata,
  );
}

/**
 * Builds the Arrow table of a parsed STK-TimePosVel file: `Epoch = ScenarioEpoch + offset`.
 *
 * @param stk The parsed file (`parseStk`).
 * @param source The file's path, for messages and metadata.
 * @param name The EphemerisFile resource name, recorded in the metadata.
 * @returns A single-batch table `Epoch, X, Y, Z, VX, VY, VZ, time`, values in the file's
 *   `DistanceUnit` (recorded as `gmat.unit`).
 * @throws {TableError} `TABLE_EPOCH` when the scenario epoch is not Gregorian text.
 *
 * @example Usage
 * ```ts ignore
 * import { stkTable } from "./ephemeris_table.ts";
 * import { parseStk } from "../formats/mod.ts";
 *
 * const table = stkTable(parseStk(await Deno.readTextFile("sat.e"), "sat.e"), "sat.e", "EF");
 * ```
 */
export function stkTable(stk: StkFile, source: string, name: string): arrow.Table {
  const base = gregorianToNs(stk.scenarioEpoch);
  if (base === undefined) {
    throw new TableError(
      "TABLE_EPOCH",
      `${source}: cannot read ScenarioEpoch '${stk.scenarioEpoch}'; ` +
        "expected 'DD Mon YYYY HH:MM:SS.mmm' (UTC)",
    );
  }
  const epochs = new BigInt64Array(stk.rows.length);
  stk.rows.forEach((row, i) => {
    const ns = addSecondsNs(base, row.offset);
    if (ns === undefined) throw epochError(source, i + 1, String(row.offset), "seconds");
    epochs[i] = ns;
  });
  const metres = stk.distanceUnit === "Meters";
  const metadata = new Map<string, string>();
  if (stk.coordinateSystem !== undefined) metadata.set(FRAME_KEY, stk.coordinateSystem);
  if (stk.centralBody !== undefined) metadata.set(CENTRAL_BODY_KEY, stk.centralBody);
  metadata.set(
    OUTPUT_METADATA_KEY,
    JSON.stringify({
      kind: "ephemeris",
      name,
      format: "STK-TimePosVel",
      file: basename(source),
      scenario_epoch: stk.scenarioEpoch,
      distance_unit: stk.distanceUnit,
      interpolation: stk.interpolationMethod,
      interpolation_degree: stk.interpolationOrder,
    }),
  );
  return stateTable(
    epochs,
    stk.rows.map((r) => r.state),
    "UTC",
    metres ? ["m", "m/s"] : ["km", "km/s"],
    metadata,
  );
}
