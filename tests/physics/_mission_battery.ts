/**
 * Test helper: reads the report files of the real GMAT R2026a mission-sequence runs in
 * `../shared/reference/gmat-mission-battery/` (beside the checkout; not copied into the project).
 *
 * @module
 */

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** Absolute path of the mission battery. */
export const MISSION_BATTERY_DIR: string = fileURLToPath(
  new URL("../../../shared/reference/gmat-mission-battery/", import.meta.url),
);

/** Whether the mission battery is present. */
export const HAVE_MISSION_BATTERY: boolean = existsSync(MISSION_BATTERY_DIR);

/** One data row: every cell as text and, where numeric, as a number (NaN otherwise). */
export interface MissionRow {
  /** Cells by header name, as text. */
  readonly text: Readonly<Record<string, string>>;
  /** Cells by header name, as numbers. */
  readonly num: Readonly<Record<string, number>>;
}

/**
 * Reads a report file of a case: header lines (repeated once per Report command) are recognised
 * by their first cell and skipped; cells are separated by two or more blanks.
 */
export function readMissionReport(caseName: string, file = "report.txt"): MissionRow[] {
  const lines = Deno.readTextFileSync(join(MISSION_BATTERY_DIR, caseName, file))
    .split("\n")
    .filter((line) => line.trim() !== "");
  const names = lines[0].trim().split(/\s+/);
  const rows: MissionRow[] = [];
  for (const line of lines) {
    const cells = line.trim().split(/\s{2,}/);
    if (cells[0] === names[0]) continue;
    if (cells.length !== names.length) {
      throw new Error(`${caseName}/${file}: row has ${cells.length} cells, header ${names.length}`);
    }
    const text: Record<string, string> = {};
    const num: Record<string, number> = {};
    names.forEach((name, i) => {
      text[name] = cells[i];
      num[name] = Number(cells[i]);
    });
    rows.push({ text, num });
  }
  return rows;
}

/** Seconds of the day of a GMAT UTCGregorian text such as `01 Jan 2026 00:10:00.000`. */
export function secondsOfDay(utcGregorian: string): number {
  const m = /(\d\d):(\d\d):(\d\d\.\d+)$/.exec(utcGregorian.trim());
  if (!m) throw new Error(`not a UTCGregorian time: ${utcGregorian}`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/** The Cartesian EarthMJ2000Eq state columns of a row. */
export function stateOf(row: MissionRow): Float64Array {
  const n = row.num;
  return Float64Array.from([
    n["Sat.EarthMJ2000Eq.X"],
    n["Sat.EarthMJ2000Eq.Y"],
    n["Sat.EarthMJ2000Eq.Z"],
    n["Sat.EarthMJ2000Eq.VX"],
    n["Sat.EarthMJ2000Eq.VY"],
    n["Sat.EarthMJ2000Eq.VZ"],
  ]);
}
