/**
 * Writes STK-TimePosVel ephemeris (`.e`) text byte for byte as GMAT R2026a does
 * (`STKEphemerisFile.cpp`).
 *
 * Layout: the version line, `# WrittenBy    GMAT <version>`, `BEGIN Ephemeris`, keywords padded
 * to 24 characters (`NumberOfEphemerisPoints ` has its own single space), an optional
 * `SegmentBoundaryTimes` block, a blank line, `EphemerisTimePosVel`, a blank line, the rows
 * `"%1.15e  % 1.15e  % 1.15e  % 1.15e  % 1.15e  % 1.15e  % 1.15e"`, then a blank line (GMAT copies
 * the rows from a temporary file and echoes the empty read after the last one), `END Ephemeris`
 * and a final blank line.
 *
 * @module
 */

import { formatE } from "./number_format.ts";
import type { LineEnding } from "./line_ending.ts";
import type { StkDistanceUnit, StkRecord } from "./stk_types.ts";

/** What {@linkcode writeStk} writes. */
export interface StkDocument {
  /** The version line. @default {"stk.v.10.0"} */
  version?: string;
  /** Text after `# WrittenBy    `; GMAT writes `GMAT <version>`, e.g. `GMAT R2026a`. */
  writtenBy: string;
  /** `ScenarioEpoch`: UTC Gregorian epoch of the first point, e.g. `01 Jan 2026 12:00:00.000`. */
  scenarioEpoch: string;
  /** `InterpolationMethod`, e.g. `Lagrange`; empty or omitted: no interpolation lines. */
  interpolationMethod?: string;
  /**
   * `InterpolationOrder` as configured. As GMAT does, the order written is lowered to the number
   * of points minus one when there are too few points (and is 1 for a single point).
   */
  interpolationOrder?: number;
  /** `CentralBody`, e.g. `Earth`. */
  centralBody: string;
  /** `CoordinateSystem`, e.g. `J2000`. */
  coordinateSystem: string;
  /** `DistanceUnit`. With `Meters` every state value is multiplied by 1000, as GMAT does. */
  distanceUnit: StkDistanceUnit;
  /** `SegmentBoundaryTimes` (seconds); the block is written only when non-empty. */
  segmentBoundaryTimes?: number[];
  /**
   * Indices of rows that start a new segment: GMAT (with `IncludeEventBoundaries`) writes a blank
   * line before each of them.
   */
  segmentStarts?: number[];
  /** The points: seconds from the scenario epoch, state in km and km/s. */
  rows: StkRecord[];
}

/** Options of {@linkcode writeStk}. */
export interface StkWriteOptions {
  /** Line ending. @default {"\n"} */
  lineEnding?: LineEnding;
}

/**
 * Formats one `EphemerisTimePosVel` row (without line ending) as GMAT does.
 *
 * @param row Offset in seconds and six state values, already in the file's unit.
 * @returns `"%1.15e  % 1.15e  % 1.15e  % 1.15e  % 1.15e  % 1.15e  % 1.15e"`.
 *
 * @example Usage
 * ```ts
 * import { formatStkRecord } from "./stk_writer.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(
 *   formatStkRecord({ offset: 60, state: [7000, 0, 0, 0, 7.5, -1] }),
 *   "6.000000000000000e+01   7.000000000000000e+03   0.000000000000000e+00" +
 *     "   0.000000000000000e+00   0.000000000000000e+00   7.500000000000000e+00" +
 *     "  -1.000000000000000e+00",
 * );
 * ```
 */
export function formatStkRecord(row: StkRecord): string {
  if (row.state.length !== 6) {
    throw new RangeError(
      `Cannot write STK record at ${row.offset} s: expected 6 state values, got ${row.state.length}`,
    );
  }
  let line = formatE(row.offset);
  for (const value of row.state) line += "  " + formatE(value, 15, { space: true });
  return line;
}

/**
 * Writes an STK-TimePosVel ephemeris file.
 *
 * @param doc Header fields and points.
 * @param options Layout options.
 * @returns The file contents.
 *
 * @example Usage
 * ```ts
 * import { writeStk } from "./stk_writer.ts";
 * import assert from "node:assert/strict";
 *
 * const text = writeStk({
 *   writtenBy: "GMAT R2026a",
 *   scenarioEpoch: "01 Jan 2026 12:00:00.000",
 *   interpolationMethod: "Lagrange",
 *   interpolationOrder: 7,
 *   centralBody: "Earth",
 *   coordinateSystem: "J2000",
 *   distanceUnit: "Kilometers",
 *   rows: [{ offset: 0, state: [7000, 0, 0, 0, 7.5, 0] }],
 * });
 * assert.ok(text.startsWith("stk.v.10.0\n# WrittenBy    GMAT R2026a\nBEGIN Ephemeris\n"));
 * assert.ok(text.includes("\nInterpolationOrder      1\n")); // lowered: one point only
 * assert.ok(text.endsWith("\n\nEND Ephemeris\n\n"));
 * ```
 */
export function writeStk(doc: StkDocument, options: StkWriteOptions = {}): string {
  const n = doc.rows.length;
  const lines: string[] = [
    doc.version ?? "stk.v.10.0",
    `# WrittenBy    ${doc.writtenBy}`,
    "BEGIN Ephemeris",
    `NumberOfEphemerisPoints ${n}`,
    `ScenarioEpoch           ${doc.scenarioEpoch}`,
  ];
  if (doc.interpolationMethod) {
    let order = doc.interpolationOrder ?? 0;
    if (!Number.isInteger(order)) {
      throw new RangeError("Cannot write STK header: interpolationOrder must be an integer");
    }
    if (n <= order) order = n - 1;
    if (n === 1) order = 1;
    lines.push(`InterpolationMethod     ${doc.interpolationMethod}`);
    lines.push(`InterpolationOrder      ${order}`);
  }
  lines.push(`CentralBody             ${doc.centralBody}`);
  lines.push(`CoordinateSystem        ${doc.coordinateSystem}`);
  lines.push(`DistanceUnit            ${doc.distanceUnit}`);
  const boundaries = doc.segmentBoundaryTimes ?? [];
  if (boundaries.length > 0) {
    lines.push("BEGIN SegmentBoundaryTimes");
    for (const t of boundaries) lines.push(`   ${formatE(t)}`);
    lines.push("END SegmentBoundaryTimes");
  }
  lines.push("", "EphemerisTimePosVel", "");
  const starts = new Set(doc.segmentStarts ?? []);
  const scale = doc.distanceUnit === "Meters";
  for (let i = 0; i < n; i++) {
    if (i > 0 && starts.has(i)) lines.push("");
    const row = doc.rows[i];
    lines.push(
      formatStkRecord(
        scale ? { offset: row.offset, state: row.state.map((v) => v * 1000.0) } : row,
      ),
    );
  }
  lines.push("", "END Ephemeris", "");
  const eol = options.lineEnding ?? "\n";
  return lines.join(eol) + eol;
}
