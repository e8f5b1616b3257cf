/**
 * Parses STK ephemeris (`.e`) files with an `EphemerisTimePosVel` section: GMAT's own output
 * (`stk.v.10.0`, from R2017a on) and files written by STK itself (`stk.v.11.0`, tab-separated
 * keywords, metres by default).
 *
 * Keywords are matched case-insensitively and may be separated from their values by spaces or
 * tabs; `#` lines are comments except `# WrittenBy`; numbers may use three-digit exponents
 * (`e+003`). `EphemerisTimePos`, `EphemerisTimePosVelAcc` and other ephemeris sections are
 * rejected; covariance sections are skipped.
 *
 * @module
 */

import { splitLines } from "./line_ending.ts";
import { OutputParseError } from "./output_parse_error.ts";
import type { StkDistanceUnit, StkFile, StkRecord } from "./stk_types.ts";

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const SUPPORTED_SECTION = "ephemeristimeposvel";

/**
 * Parses STK `.e` text.
 *
 * @param text File contents (LF or CRLF, optional BOM).
 * @param path File path, used in error messages only.
 * @returns Header fields and the points, values as written (see {@linkcode StkFile.rows}).
 * @throws {OutputParseError} When the file is not an STK ephemeris with an
 *   `EphemerisTimePosVel` section, a row does not hold 7 numbers, or `NumberOfEphemerisPoints`
 *   disagrees with the rows read.
 *
 * @example Usage
 * ```ts
 * import { parseStk } from "./stk_parser.ts";
 * import assert from "node:assert/strict";
 *
 * const stk = parseStk(
 *   [
 *     "stk.v.10.0",
 *     "BEGIN Ephemeris",
 *     "ScenarioEpoch           01 Jan 2026 12:00:00.000",
 *     "DistanceUnit            Kilometers",
 *     "EphemerisTimePosVel",
 *     "0.0e+00  7000 0 0 0 7.5 0",
 *     "END Ephemeris",
 *   ].join("\n"),
 *   "Sat.e",
 * );
 * assert.equal(stk.scenarioEpoch, "01 Jan 2026 12:00:00.000");
 * assert.deepEqual(stk.rows, [{ offset: 0, state: [7000, 0, 0, 0, 7.5, 0] }]);
 * ```
 */
export function parseStk(text: string, path: string): StkFile {
  const lines = splitLines(text);
  const fail = (line: number | undefined, detail: string): never => {
    throw new OutputParseError(path, line, detail);
  };

  let i = lines.findIndex((line) => line.trim() !== "");
  if (i < 0 || !/^stk\.v\.\d+/i.test(lines[i].trim())) {
    fail(
      i < 0 ? undefined : i + 1,
      'expected an STK ephemeris file starting with "stk.v.<version>"',
    );
  }
  const version = lines[i].trim();
  let writtenBy: string | undefined;
  let sawBegin = false;
  const keywords = new Map<string, { value: string; line: number }>();
  const extra: Record<string, string> = {};
  const segmentBoundaryTimes: number[] = [];
  let rowsStart = -1;

  for (i++; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    if (line.startsWith("#")) {
      const match = /^#\s*WrittenBy\s+(.*)$/i.exec(line);
      if (match) writtenBy = match[1].trim();
      continue;
    }
    const [word, value] = splitKeyword(line);
    const key = word.toLowerCase();
    if (!sawBegin) {
      if (key === "begin" && value.toLowerCase() === "ephemeris") sawBegin = true;
      else fail(i + 1, `expected "BEGIN Ephemeris", got "${line}"`);
      continue;
    }
    if (key === "begin" && value.toLowerCase() === "segmentboundarytimes") {
      for (i++; i < lines.length; i++) {
        const inner = lines[i].trim();
        if (/^END\s+SegmentBoundaryTimes$/i.test(inner)) break;
        if (inner === "") continue;
        if (!NUMBER.test(inner)) fail(i + 1, `expected a segment boundary time, got "${inner}"`);
        segmentBoundaryTimes.push(Number(inner));
      }
      continue;
    }
    if (key.startsWith("ephemeris")) {
      if (key !== SUPPORTED_SECTION) {
        fail(i + 1, `expected an EphemerisTimePosVel section, got unsupported section ${word}`);
      }
      rowsStart = i + 1;
      break;
    }
    if (key === "end") fail(i + 1, "expected an EphemerisTimePosVel section before END Ephemeris");
    keywords.set(key, { value, line: i + 1 });
    if (!KNOWN_KEYWORDS.has(key)) extra[word] = value;
  }
  if (!sawBegin) fail(lines.length, 'expected "BEGIN Ephemeris"');
  if (rowsStart < 0) fail(lines.length, "expected an EphemerisTimePosVel section");

  // Data rows until END Ephemeris; covariance sections are skipped.
  const rows: StkRecord[] = [];
  let sawEnd = false;
  let skipping = false;
  for (i = rowsStart; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    if (/^END\s+Ephemeris$/i.test(line)) {
      sawEnd = true;
      break;
    }
    const first = line.split(/\s+/, 1)[0].toLowerCase();
    if (first.startsWith("covariance")) {
      skipping = true;
      continue;
    }
    if (first.startsWith("ephemeris")) {
      fail(i + 1, `expected one EphemerisTimePosVel section, got another section ${first}`);
    }
    if (skipping) continue;
    rows.push(parseRow(line, i + 1, fail));
  }
  if (!sawEnd) fail(lines.length, 'expected "END Ephemeris" after the ephemeris rows');

  const get = (key: string) => keywords.get(key.toLowerCase());
  const intKeyword = (key: string): number | undefined => {
    const entry = get(key);
    if (entry === undefined) return undefined;
    if (!/^\d+$/.test(entry.value)) {
      fail(entry.line, `expected an integer ${key}, got "${entry.value}"`);
    }
    return Number(entry.value);
  };

  const epoch = get("ScenarioEpoch");
  if (epoch === undefined) {
    fail(rowsStart, "expected a ScenarioEpoch keyword before the ephemeris rows");
  }
  const numberOfEphemerisPoints = intKeyword("NumberOfEphemerisPoints");
  if (numberOfEphemerisPoints !== undefined && numberOfEphemerisPoints !== rows.length) {
    fail(
      get("NumberOfEphemerisPoints")!.line,
      `NumberOfEphemerisPoints is ${numberOfEphemerisPoints} but ${rows.length} rows were read`,
    );
  }
  const unitEntry = get("DistanceUnit");
  let distanceUnit: StkDistanceUnit = "Meters";
  if (unitEntry !== undefined) {
    const unit = unitEntry.value.toLowerCase();
    if (unit === "kilometers") distanceUnit = "Kilometers";
    else if (unit !== "meters") {
      fail(unitEntry.line, `expected DistanceUnit Kilometers or Meters, got "${unitEntry.value}"`);
    }
  }

  const result: StkFile = {
    version,
    scenarioEpoch: epoch!.value,
    distanceUnit,
    distanceUnitExplicit: unitEntry !== undefined,
    segmentBoundaryTimes,
    rows,
    extra,
  };
  if (writtenBy !== undefined) result.writtenBy = writtenBy;
  if (numberOfEphemerisPoints !== undefined) {
    result.numberOfEphemerisPoints = numberOfEphemerisPoints;
  }
  const method = get("InterpolationMethod");
  if (method !== undefined) result.interpolationMethod = method.value;
  const order = intKeyword("InterpolationOrder") ?? intKeyword("InterpolationSamplesM1");
  if (order !== undefined) result.interpolationOrder = order;
  for (const [key, field] of TEXT_FIELDS) {
    const entry = get(key);
    if (entry !== undefined) result[field] = entry.value;
  }
  return result;
}

const TEXT_FIELDS: readonly [
  string,
  "centralBody" | "coordinateSystem" | "coordinateSystemEpoch",
][] = [
  ["CentralBody", "centralBody"],
  ["CoordinateSystem", "coordinateSystem"],
  ["CoordinateSystemEpoch", "coordinateSystemEpoch"],
];

const KNOWN_KEYWORDS = new Set(
  [
    "NumberOfEphemerisPoints",
    "ScenarioEpoch",
    "InterpolationMethod",
    "InterpolationOrder",
    "InterpolationSamplesM1",
    "CentralBody",
    "CoordinateSystem",
    "CoordinateSystemEpoch",
    "DistanceUnit",
  ].map((key) => key.toLowerCase()),
);

/** Splits `Keyword<spaces or tabs>value` into the keyword and the trimmed value. */
function splitKeyword(line: string): [string, string] {
  const match = /^(\S+)\s*(.*)$/.exec(line)!;
  return [match[1], match[2].trim()];
}

/** Parses one row into an offset and six numbers. */
function parseRow(
  line: string,
  lineNo: number,
  fail: (line: number, detail: string) => never,
): StkRecord {
  const tokens = line.split(/\s+/);
  if (tokens.length !== 7) {
    fail(lineNo, `expected 7 numbers (time and 6 state values), got ${tokens.length} tokens`);
  }
  for (const token of tokens) {
    if (!NUMBER.test(token)) fail(lineNo, `expected a number, got "${token}"`);
  }
  return { offset: Number(tokens[0]), state: tokens.slice(1).map(Number) };
}
