/**
 * Test helper: reads the reports of real GMAT R2026a runs in `../shared/reference/gmat-battery/`
 * (the physics oracle; not copied into the project) and the project's `data/gmat/` files.
 *
 * @module
 */

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** Absolute path of the battery folder beside the checkout. */
export const BATTERY_DIR: string = fileURLToPath(
  new URL("../../../shared/reference/gmat-battery/", import.meta.url),
);

/** Whether the battery is present (it is in CI). */
export const HAVE_BATTERY: boolean = existsSync(BATTERY_DIR);

/** One row of a battery `report.txt`. */
export interface ReportRow {
  /** `Sat.UTCGregorian` text. */
  readonly utc: string;
  /** `Sat.A1ModJulian`. */
  readonly a1: number;
  /** EarthMJ2000Eq X, Y, Z (km), VX, VY, VZ (km/s). */
  readonly state: Float64Array;
  /** Every column by header name, as numbers (NaN for text). */
  readonly columns: Readonly<Record<string, number>>;
}

/**
 * Reads `<case>/report.txt`: a header line of names, then rows of columns separated by two or
 * more blanks (the Gregorian date contains single blanks).
 */
export function readReport(caseName: string): ReportRow[] {
  const text = Deno.readTextFileSync(join(BATTERY_DIR, caseName, "report.txt"));
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const names = lines[0].trim().split(/\s+/);
  return lines.slice(1).map((line) => {
    const cells = line.trim().split(/\s{2,}/);
    if (cells.length !== names.length) {
      throw new Error(`${caseName}: row has ${cells.length} cells, header ${names.length}`);
    }
    const columns: Record<string, number> = {};
    names.forEach((name, i) => columns[name] = Number(cells[i]));
    return {
      utc: cells[0],
      a1: Number(cells[1]),
      state: Float64Array.from(cells.slice(2, 8).map(Number)),
      columns,
    };
  });
}
