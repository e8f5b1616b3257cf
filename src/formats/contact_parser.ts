/**
 * Parses GMAT ContactLocator reports (EventLocator plugin, all six `ReportFormat`s) into rows
 * with gmat-run's canonical column names.
 *
 * Every report opens with `Target: <name>` and a blank line. Then:
 * - **Legacy** (GMAT's default; detected structurally: the body opens with `Observer:`): one
 *   block per observer, `Observer: <name>`, the header `Start Time (UTC)  Stop Time (UTC)
 *   Duration (s)`, one row per event (UTC Gregorian start and stop, duration in seconds), then
 *   `Number of events : N`. An observer without events has the line `There are no contact events
 *   in the time interval ...` instead of header and rows; a locator without observers writes only
 *   that line.
 * - **Tabular** (the other five formats): a header of titles such as `Start Time (UTCGregorian)`
 *   or `Range (km)`, a line of dashes, then the rows of all observers merged in time order; the
 *   AzEl formats write one row per `IntervalStepSize` tick with a `Pass Number` and a blank line
 *   between passes. The format is recognised by its set of columns (order does not matter).
 *   Epochs are `UTCGregorian`, `ISO-YD` or `UTC-MJD` as `ReportTimeFormat` says. A report with no
 *   contact at all reads `No contacts detected` and does not show which format it is.
 *
 * Lines may end in LF, CRLF or CR, and a UTF-8 BOM is ignored. Cells are separated by two or more
 * spaces (a Gregorian epoch holds single spaces).
 *
 * @module
 */

import { CONTACT_TIME_FORMS, contactEpochNs } from "./contact_time.ts";
import type {
  ContactColumn,
  ContactReport,
  ContactReportFormat,
  ContactRow,
  ContactTimeColumn,
  ContactTimeFormat,
} from "./contact_types.ts";
import { detectLineEnding, splitLines } from "./line_ending.ts";
import { OutputParseError } from "./output_parse_error.ts";

/** How a tabular header title maps to a canonical column. */
interface ColumnSpec {
  column: ContactColumn;
  kind: "text" | "pass" | "number" | "time";
  /** The unit in parentheses a number column must carry. */
  unit?: string;
}

const TABULAR_TITLES: ReadonlyMap<string, ColumnSpec> = new Map(
  [
    ["Observer", { column: "Observer", kind: "text" }],
    ["Pass Number", { column: "Pass", kind: "pass" }],
    ["Duration", { column: "Duration", kind: "number", unit: "s" }],
    ["Start Time", { column: "Start", kind: "time" }],
    ["Stop Time", { column: "Stop", kind: "time" }],
    ["Time", { column: "Time", kind: "time" }],
    ["Start Range", { column: "StartRange", kind: "number", unit: "km" }],
    ["Stop Range", { column: "StopRange", kind: "number", unit: "km" }],
    ["Range", { column: "Range", kind: "number", unit: "km" }],
    ["Range Rate", { column: "RangeRate", kind: "number", unit: "km/s" }],
    ["Azimuth", { column: "Azimuth", kind: "number", unit: "deg" }],
    ["Elevation", { column: "Elevation", kind: "number", unit: "deg" }],
    ["Maximum Elevation", { column: "MaxElevation", kind: "number", unit: "deg" }],
    ["Max Elevation Time", { column: "MaxElevationTime", kind: "time" }],
  ] satisfies [string, ColumnSpec][],
);

/** The time-format tokens of tabular header titles. */
const TIME_TOKENS: ReadonlyMap<string, ContactTimeFormat> = new Map(
  [
    ["UTCGregorian", "UTCGregorian"],
    ["ISO-YD", "ISOYD"],
    ["UTC-MJD", "UTCMJD"],
  ] satisfies [string, ContactTimeFormat][],
);

/** The column set of each tabular format (GMAT's column order). */
const FINGERPRINTS: readonly [Exclude<ContactReportFormat, "Legacy">, ContactColumn[]][] = [
  ["ContactRangeReport", ["Observer", "Duration", "Start", "Stop", "StartRange", "StopRange"]],
  [
    "SiteViewMaxElevationReport",
    ["Observer", "Start", "Stop", "Duration", "MaxElevation", "MaxElevationTime"],
  ],
  [
    "SiteViewMaxElevationRangeReport",
    [
      "Observer",
      "Start",
      "Stop",
      "Duration",
      "MaxElevation",
      "MaxElevationTime",
      "StartRange",
      "StopRange",
    ],
  ],
  ["AzimuthElevationRangeReport", ["Pass", "Observer", "Time", "Azimuth", "Elevation", "Range"]],
  [
    "AzimuthElevationRangeRangeRateReport",
    ["Pass", "Observer", "Time", "Azimuth", "Elevation", "Range", "RangeRate"],
  ],
];

const LEGACY_HEADER = ["Start Time (UTC)", "Stop Time (UTC)", "Duration (s)"];
const LEGACY_COLUMNS: ContactColumn[] = ["Observer", "Start", "Stop", "Duration"];
const NO_CONTACTS = "No contacts detected";
const NO_EVENTS = /^There are no contact events\b/;
const EVENT_COUNT = /^Number of events\s*:\s*(\S*)$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL_NUMBERS = new Map<string, number>([
  ["nan", NaN],
  ["-nan", NaN],
  ["+nan", NaN],
  ["inf", Infinity],
  ["+inf", Infinity],
  ["-inf", -Infinity],
]);

/** Cells separated by runs of two or more whitespace characters. */
function cellsOf(line: string): string[] {
  return line.trim().split(/\s{2,}/);
}

/** Index of the first non-blank line at or after `from`, or -1. */
function nextContent(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i].trim() !== "") return i;
  return -1;
}

/** Reads the cells of one row into a ContactRow, checking every value. */
class RowReader {
  constructor(
    private readonly path: string,
    private readonly specs: readonly ColumnSpec[],
    private readonly timeFormats: ContactReport["timeFormats"],
  ) {}

  read(cells: readonly string[], line: number, observer?: string): ContactRow {
    const row: Record<string, string | number> = {};
    if (observer !== undefined) row.Observer = observer;
    this.specs.forEach((spec, c) => {
      const cell = cells[c];
      const fail = (expected: string): never => {
        throw new OutputParseError(
          this.path,
          line,
          `column ${spec.column}: cannot read '${cell}'; expected ${expected}`,
        );
      };
      switch (spec.kind) {
        case "text":
          row[spec.column] = cell;
          break;
        case "pass":
          if (!/^\d+$/.test(cell)) fail("a pass number");
          row[spec.column] = Number(cell);
          break;
        case "number": {
          const special = SPECIAL_NUMBERS.get(cell.toLowerCase());
          if (special === undefined && !NUMBER.test(cell)) fail("a number");
          row[spec.column] = special ?? Number(cell);
          break;
        }
        case "time": {
          const format = this.timeFormats[spec.column as ContactTimeColumn]!;
          if (contactEpochNs(cell, format) === undefined) {
            fail(`${format} epoch text, ${CONTACT_TIME_FORMS[format]}`);
          }
          row[spec.column] = cell;
          break;
        }
      }
    });
    return row as unknown as ContactRow;
  }
}

/** The parts of a report the Legacy and tabular readers fill in. */
type Body = Pick<
  ContactReport,
  "format" | "columns" | "rows" | "lines" | "timeFormats" | "eventCounts"
>;

function parseLegacy(lines: readonly string[], start: number, path: string): Body {
  const timeFormats = { Start: "UTCGregorian", Stop: "UTCGregorian" } as const;
  const reader = new RowReader(path, [
    { column: "Start", kind: "time" },
    { column: "Stop", kind: "time" },
    { column: "Duration", kind: "number" },
  ], timeFormats);
  const rows: ContactRow[] = [];
  const rowLines: number[] = [];
  const eventCounts: Record<string, number> = {};
  /** The open block: its observer, its first row index, and what was seen so far. */
  let block:
    | { observer: string; line: number; first: number; header: boolean; none: boolean }
    | undefined;
  let sawBlock = false;
  let sawNoEvents = false;

  for (let i = start; i < lines.length; i++) {
    const text = lines[i].trim();
    const line = i + 1;
    if (text === "") continue;
    const error = (detail: string) => new OutputParseError(path, line, detail);
    if (text.startsWith("Observer:")) {
      if (block !== undefined) {
        throw error(`expected 'Number of events : N' to close observer ${block.observer}'s block`);
      }
      const observer = text.slice("Observer:".length).trim();
      if (observer === "") throw error("'Observer:' has no name");
      if (Object.hasOwn(eventCounts, observer)) {
        throw error(`observer ${observer} has a second block`);
      }
      if (sawNoEvents) {
        throw error("expected nothing after the locator's 'There are no contact events'");
      }
      block = { observer, line, first: rows.length, header: false, none: false };
      sawBlock = true;
      continue;
    }
    if (NO_EVENTS.test(text)) {
      if (block === undefined) {
        if (sawBlock || sawNoEvents) throw error("expected 'Observer: <name>'");
        sawNoEvents = true;
      } else {
        if (block.header || block.none) throw error(`unexpected '${text}' in a block with events`);
        block.none = true;
      }
      continue;
    }
    if (block === undefined) throw error(`expected 'Observer: <name>', got '${text}'`);
    const count = EVENT_COUNT.exec(text);
    if (count !== null) {
      if (!/^\d+$/.test(count[1])) throw error(`cannot read the number of events '${count[1]}'`);
      const declared = Number(count[1]);
      const parsed = rows.length - block.first;
      if (declared !== parsed) {
        throw error(
          `observer ${block.observer}: 'Number of events' says ${declared}, found ${parsed}`,
        );
      }
      eventCounts[block.observer] = declared;
      block = undefined;
      continue;
    }
    const cells = cellsOf(text);
    if (!block.header) {
      if (block.none || cells.join("|") !== LEGACY_HEADER.join("|")) {
        throw error(`expected the Legacy header '${LEGACY_HEADER.join("  ")}', got '${text}'`);
      }
      block.header = true;
      continue;
    }
    if (cells.length !== 3) {
      throw error(`expected 3 columns (Start, Stop, Duration), got ${cells.length}`);
    }
    rows.push(reader.read(cells, line, block.observer));
    rowLines.push(line);
  }
  if (block !== undefined) {
    throw new OutputParseError(
      path,
      block.line,
      `observer ${block.observer}'s block has no 'Number of events' line (is the file truncated?)`,
    );
  }
  return {
    format: "Legacy",
    columns: [...LEGACY_COLUMNS],
    rows,
    lines: rowLines,
    timeFormats: { ...timeFormats },
    eventCounts,
  };
}

/** Resolves the header titles of a tabular report to column specs and the format. */
function tabularHeader(
  titles: readonly string[],
  line: number,
  path: string,
): {
  format: Exclude<ContactReportFormat, "Legacy">;
  specs: ColumnSpec[];
  timeFormats: ContactReport["timeFormats"];
} {
  const specs: ColumnSpec[] = [];
  const timeFormats: ContactReport["timeFormats"] = {};
  const error = (detail: string) => new OutputParseError(path, line, detail);
  for (const title of titles) {
    const m = /^(.+?)\s*\(([^()]*)\)$/.exec(title);
    const base = m === null ? title : m[1];
    const suffix = m === null ? undefined : m[2];
    const spec = TABULAR_TITLES.get(base);
    if (spec === undefined) {
      throw error(`unknown column '${title}'; not a ContactLocator report layout`);
    }
    if (specs.some((s) => s.column === spec.column)) throw error(`column '${title}' appears twice`);
    if (spec.kind === "time") {
      const format = suffix === undefined ? undefined : TIME_TOKENS.get(suffix);
      if (format === undefined) {
        throw error(
          `column '${title}' has no time format; expected (${[...TIME_TOKENS.keys()].join(", ")})`,
        );
      }
      timeFormats[spec.column as ContactTimeColumn] = format;
    } else if (suffix !== spec.unit) {
      throw error(`column '${title}': expected ${spec.unit ? `unit (${spec.unit})` : "no unit"}`);
    }
    specs.push(spec);
  }
  const set = specs.map((s) => s.column).sort().join(",");
  const match = FINGERPRINTS.find(([, columns]) => [...columns].sort().join(",") === set);
  if (match === undefined) {
    throw error(
      `columns ${specs.map((s) => s.column).join(", ")} match no ContactLocator ReportFormat ` +
        `(${FINGERPRINTS.map(([f]) => f).join(", ")})`,
    );
  }
  return { format: match[0], specs, timeFormats };
}

function parseTabular(lines: readonly string[], start: number, path: string): Body {
  const titles = cellsOf(lines[start]);
  const { format, specs, timeFormats } = tabularHeader(titles, start + 1, path);
  const dashes = nextContent(lines, start + 1);
  const dashCells = dashes < 0 ? [] : cellsOf(lines[dashes]);
  if (dashes < 0 || !dashCells.every((cell) => /^-+$/.test(cell))) {
    throw new OutputParseError(
      path,
      dashes < 0 ? undefined : dashes + 1,
      "expected a line of dashes under the column header",
    );
  }
  if (dashCells.length !== specs.length) {
    throw new OutputParseError(
      path,
      dashes + 1,
      `expected ${specs.length} runs of dashes under the header, got ${dashCells.length}`,
    );
  }
  const reader = new RowReader(path, specs, timeFormats);
  const rows: ContactRow[] = [];
  const rowLines: number[] = [];
  for (let i = dashes + 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const cells = cellsOf(lines[i]);
    if (cells.length !== specs.length) {
      throw new OutputParseError(
        path,
        i + 1,
        `expected ${specs.length} columns (${specs.map((s) => s.column).join(", ")}), ` +
          `got ${cells.length}`,
      );
    }
    rows.push(reader.read(cells, i + 1));
    rowLines.push(i + 1);
  }
  const perAzElPass = specs.some((s) => s.column === "Pass");
  const eventCounts: Record<string, number> = {};
  const passes = new Map<string, Set<number>>();
  for (const row of rows) {
    if (perAzElPass) {
      let seen = passes.get(row.Observer);
      if (seen === undefined) passes.set(row.Observer, seen = new Set());
      seen.add(row.Pass!);
      eventCounts[row.Observer] = seen.size;
    } else {
      eventCounts[row.Observer] = (eventCounts[row.Observer] ?? 0) + 1;
    }
  }
  return {
    format,
    columns: specs.map((s) => s.column),
    rows,
    lines: rowLines,
    timeFormats,
    eventCounts,
  };
}

/**
 * Parses a ContactLocator report.
 *
 * @param text File contents.
 * @param path File path, used in error messages only.
 * @returns The target, format, canonical columns, rows in file order and event counts.
 * @throws {OutputParseError} With `path:line` when the text is not a ContactLocator report: no
 *   `Target:` line, an unknown column or column set, a row with the wrong number of cells, an
 *   epoch or number that cannot be read, a Legacy block whose `Number of events` disagrees with
 *   its rows or is missing.
 *
 * @example Usage
 * ```ts
 * import { parseContactReport } from "./contact_parser.ts";
 * import assert from "node:assert/strict";
 *
 * const report = parseContactReport(
 *   "Target: Sat\n\n" +
 *     "Observer: GS\n" +
 *     "Start Time (UTC)            Stop Time (UTC)               Duration (s)         \n" +
 *     "09 Jan 2010 20:36:24.626    09 Jan 2010 23:05:18.684      8934.0587546    \n" +
 *     "\n\nNumber of events : 1\n\n\n",
 *   "CL.txt",
 * );
 * assert.equal(report.format, "Legacy");
 * assert.deepEqual(report.columns, ["Observer", "Start", "Stop", "Duration"]);
 * assert.deepEqual(report.rows[0], {
 *   Observer: "GS",
 *   Start: "09 Jan 2010 20:36:24.626",
 *   Stop: "09 Jan 2010 23:05:18.684",
 *   Duration: 8934.0587546,
 * });
 * assert.deepEqual(report.eventCounts, { GS: 1 });
 * ```
 */
export function parseContactReport(text: string, path: string): ContactReport {
  const lines = splitLines(text);
  const first = nextContent(lines, 0);
  if (first < 0) {
    throw new OutputParseError(path, undefined, "expected 'Target: <name>', found no text");
  }
  const target = /^Target:\s*(.*)$/.exec(lines[first].trim());
  if (target === null || target[1] === "") {
    throw new OutputParseError(
      path,
      first + 1,
      `expected 'Target: <name>' (a ContactLocator report), got '${lines[first].trim()}'`,
    );
  }
  const start = nextContent(lines, first + 1);
  if (start < 0) {
    throw new OutputParseError(
      path,
      undefined,
      "expected observer blocks, a column header or 'No contacts detected' after the target",
    );
  }
  const opening = lines[start].trim();
  let body: Body;
  const next = NO_EVENTS.test(opening) ? nextContent(lines, start + 1) : -1;
  if (opening === NO_CONTACTS || (next >= 0 && lines[next].trim() === NO_CONTACTS)) {
    // Tabular formats with no contact (or no observer): nothing tells which format it was.
    const end = nextContent(lines, (next >= 0 ? next : start) + 1);
    if (end >= 0) {
      throw new OutputParseError(path, end + 1, `expected nothing after '${NO_CONTACTS}'`);
    }
    body = { format: null, columns: [], rows: [], lines: [], timeFormats: {}, eventCounts: {} };
  } else if (opening.startsWith("Observer:") || NO_EVENTS.test(opening)) {
    body = parseLegacy(lines, start, path);
  } else {
    body = parseTabular(lines, start, path);
  }
  return {
    target: target[1],
    timeScale: "UTC",
    ...body,
    lineEnding: detectLineEnding(text),
  };
}
