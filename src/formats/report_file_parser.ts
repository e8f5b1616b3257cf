/**
 * Parses GMAT ReportFile text into typed columns, following gmat-run's conventions.
 *
 * The text may carry a UTF-8 BOM and LF, CRLF or CR line endings. The first non-blank line is the
 * header. Header and rows are split on runs of two or more whitespace characters (a single space
 * occurs inside Gregorian epochs such as `04 May 2002 11:45:15.695`). Blank lines and repeats of
 * the header (GMAT re-emits it when a `Report` command writes to the file) are skipped. A column
 * is `int` when every value is an integer literal, `float` when every value is a number
 * (including `NaN`, `inf`), else `string`. Epoch columns are those whose last dotted name segment
 * is one of the ten GMAT epoch formats, e.g. `Sat.UTCGregorian` or `DefaultSC.A1ModJulian`.
 *
 * @module
 */

import { detectLineEnding, type LineEnding, splitLines } from "./line_ending.ts";
import { OutputParseError } from "./output_parse_error.ts";

/** Value type of a parsed ReportFile column. */
export type ReportColumnType = "int" | "float" | "string";

/** GMAT time scales that epoch parameters are reported in. */
export type TimeScale = "A1" | "TAI" | "UTC" | "TT" | "TDB";

/** The two GMAT epoch representations: `DD Mon YYYY HH:MM:SS.mmm` text or days since JD 2430000. */
export type EpochFormat = "Gregorian" | "ModJulian";

/** A parsed ReportFile. */
export interface ReportFileTable {
  /** Column names verbatim from the header, e.g. `Sat.EarthMJ2000Eq.X`. */
  columns: string[];
  /** Data rows; numbers for `int`/`float` columns, strings for `string` columns. */
  rows: (number | string)[][];
  /** Type of each column, in column order. */
  columnTypes: ReportColumnType[];
  /** Time scale of each epoch column, keyed by column name. */
  epochScales: Record<string, TimeScale>;
  /** Representation of each epoch column, keyed by column name. */
  epochFormats: Record<string, EpochFormat>;
  /** Line ending of the file (of its first line break), to write it back the same way. */
  lineEnding: LineEnding;
}

/** Options of {@linkcode parseReportFile}. */
export interface ParseReportFileOptions {
  /**
   * The ReportFile's `Delimiter` when it was written with `FixedWidth = false` and a delimiter
   * other than whitespace (e.g. `","`). Omit for fixed-width files.
   */
  delimiter?: string;
  /**
   * The column names of a ReportFile written with `WriteHeaders = false` (the script's `Add`
   * list): every non-blank line is then a data row. Omit when the file has a header line.
   */
  columns?: readonly string[];
}

const INT_LITERAL = /^[+-]?\d+$/;
const FLOAT_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL_FLOATS = new Map<string, number>([
  ["nan", NaN],
  ["+nan", NaN],
  ["-nan", NaN],
  ["inf", Infinity],
  ["+inf", Infinity],
  ["-inf", -Infinity],
  ["infinity", Infinity],
  ["+infinity", Infinity],
  ["-infinity", -Infinity],
]);
const EPOCH_NAME = /^(A1|TAI|UTC|TT|TDB)(Gregorian|ModJulian)$/;

/** A token of a line and where it sits. */
interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * Parses ReportFile text.
 *
 * @param text File contents.
 * @param path File path, used in error messages only.
 * @param options Parsing options.
 * @returns The parsed table.
 * @throws {OutputParseError} When there is no header, or a row has the wrong number of cells
 *   (`path:line: expected N columns, got M`).
 *
 * @example Usage
 * ```ts
 * import { parseReportFile } from "./report_file_parser.ts";
 * import assert from "node:assert/strict";
 *
 * const table = parseReportFile(
 *   "Sat.UTCGregorian           Sat.X\n01 Jan 2026 12:00:00.000   7000\n",
 *   "RF.txt",
 * );
 * assert.deepEqual(table.columns, ["Sat.UTCGregorian", "Sat.X"]);
 * assert.deepEqual(table.rows, [["01 Jan 2026 12:00:00.000", 7000]]);
 * assert.deepEqual(table.columnTypes, ["string", "int"]);
 * assert.deepEqual(table.epochScales, { "Sat.UTCGregorian": "UTC" });
 * ```
 */
export function parseReportFile(
  text: string,
  path: string,
  options: ParseReportFileOptions = {},
): ReportFileTable {
  const lines = splitLines(text);
  const delimited = options.delimiter !== undefined && options.delimiter.trim() !== "";
  const tokenize = delimited ? delimitedTokenizer(options.delimiter![0]) : tokenizeFixed;
  const headerless = options.columns !== undefined;
  if (headerless && !delimited) return parseHeaderless(text, lines, path, options.columns!);
  const headerIndex = headerless ? -1 : lines.findIndex((line) => line.trim() !== "");
  if (!headerless && headerIndex < 0) {
    throw new OutputParseError(path, undefined, "expected a header line, found no text");
  }
  const headerLine = headerless ? "" : lines[headerIndex];
  const headerTokens = headerless ? [] : tokenize(headerLine);
  const columns = headerless ? [...options.columns!] : headerTokens.map((token) => token.text);
  const headerKey = headerless ? undefined : headerLine.trim();
  const n = columns.length;

  const cells: string[][] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i];
    const key = line.trim();
    if (key === "" || key === headerKey) continue;
    const tokens = tokenize(line);
    if (tokens.length === n) {
      cells.push(tokens.map((token) => token.text));
      continue;
    }
    const aligned = delimited || headerless
      ? undefined
      : alignToHeader(line, tokens, headerLine, headerTokens);
    if (aligned === undefined) {
      throw new OutputParseError(path, i + 1, `expected ${n} columns, got ${tokens.length}`);
    }
    cells.push(aligned);
  }

  if (
    !headerless && cells.length === 0 &&
    columns.every((c) => c.split(/\s+/).every((word) => isNumberCell(word)))
  ) {
    // GMAT wrote data, not column names: a table of no rows would silently lose it.
    throw new OutputParseError(
      path,
      headerIndex + 1,
      "the first line holds numbers, not column names, so the report would parse to no rows; " +
        "a ReportFile written with WriteHeaders = false needs its column names (the script's " +
        "Add list)",
    );
  }
  return typedTable(text, columns, cells);
}

/**
 * A fixed-width ReportFile written with `WriteHeaders = false`. GMAT pads each cell to the bare
 * `ColumnWidth` there (no header widens it, no 3-character gap), so a 24-character Gregorian
 * epoch can run straight into the next value: cells are read by their form, not by spaces. An
 * epoch column (`...Gregorian`) takes the 24 characters of `DD Mon YYYY HH:MM:SS.mmm`, any other
 * column the next run of non-blank characters.
 */
function parseHeaderless(
  text: string,
  lines: readonly string[],
  path: string,
  columns: readonly string[],
): ReportFileTable {
  const gregorian = columns.map((c) => /Gregorian$/.test(c.slice(c.lastIndexOf(".") + 1)));
  const cells: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "") continue;
    const row: string[] = [];
    let pos = 0;
    for (let c = 0; c < columns.length; c++) {
      while (pos < line.length && /\s/.test(line[pos])) pos++;
      if (pos >= line.length) break;
      if (gregorian[c]) {
        row.push(line.slice(pos, pos + 24));
        pos += 24;
      } else {
        const token = /^\S+/.exec(line.slice(pos))![0];
        row.push(token);
        pos += token.length;
      }
    }
    if (row.length !== columns.length || line.slice(pos).trim() !== "") {
      throw new OutputParseError(
        path,
        i + 1,
        `expected the ${columns.length} values of the Add list (${columns.join(", ")}), got ` +
          `'${line.trim()}'`,
      );
    }
    cells.push(row);
  }
  return typedTable(text, [...columns], cells);
}

/** Type the cells column by column and note the epoch columns. */
function typedTable(text: string, columns: string[], cells: string[][]): ReportFileTable {
  const columnTypes = columns.map((_, c) => columnType(cells, c));
  const rows = cells.map((row) =>
    row.map((cell, c) => {
      const type = columnTypes[c];
      return type === "string" ? cell : parseNumber(cell);
    })
  );

  const epochScales: Record<string, TimeScale> = {};
  const epochFormats: Record<string, EpochFormat> = {};
  for (const name of columns) {
    const match = EPOCH_NAME.exec(name.slice(name.lastIndexOf(".") + 1));
    if (match) {
      epochScales[name] = match[1] as TimeScale;
      epochFormats[name] = match[2] as EpochFormat;
    }
  }
  return {
    columns,
    rows,
    columnTypes,
    epochScales,
    epochFormats,
    lineEnding: detectLineEnding(text),
  };
}

/** Tokens separated by runs of two or more whitespace characters. */
function tokenizeFixed(line: string): Token[] {
  const tokens: Token[] = [];
  for (const match of line.matchAll(/\S+(?:\s\S+)*/g)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** A tokenizer for delimiter-separated (`FixedWidth = false`) files. */
function delimitedTokenizer(delimiter: string): (line: string) => Token[] {
  return (line) => {
    const tokens: Token[] = [];
    let start = 0;
    for (const part of line.split(delimiter)) {
      tokens.push({ text: part.trim(), start, end: start + part.length });
      start += part.length + 1;
    }
    return tokens;
  };
}

/**
 * Recovers a fixed-width row with empty string cells (which the whitespace splitter cannot see)
 * by matching each token to a header cell: a left-justified token starts where its header name
 * starts, a right-justified one ends where its header name ends. Only full-length lines qualify,
 * so a truncated last line is still an error. Returns `undefined` when the row does not fit.
 */
function alignToHeader(
  line: string,
  tokens: readonly Token[],
  headerLine: string,
  headerTokens: readonly Token[],
): string[] | undefined {
  if (tokens.length > headerTokens.length || line.length < headerLine.length) return undefined;
  const out: string[] = headerTokens.map(() => "");
  let column = 0;
  for (const token of tokens) {
    while (
      column < headerTokens.length &&
      headerTokens[column].start !== token.start &&
      headerTokens[column].end !== token.end
    ) column++;
    if (column === headerTokens.length) return undefined;
    const nextStart = column + 1 < headerTokens.length ? headerTokens[column + 1].start : Infinity;
    if (token.end >= nextStart) return undefined;
    out[column++] = token.text;
  }
  return out;
}

/** The type of column `c`. */
function columnType(rows: readonly string[][], c: number): ReportColumnType {
  if (rows.length === 0) return "string";
  let allInt = true;
  for (const row of rows) {
    const cell = row[c];
    if (allInt && INT_LITERAL.test(cell)) continue;
    allInt = false;
    if (!isNumber(cell)) return "string";
  }
  return allInt ? "int" : "float";
}

/** Whether a cell is a number literal (including `NaN`, `inf`). */
function isNumber(cell: string): boolean {
  return FLOAT_LITERAL.test(cell) || SPECIAL_FLOATS.has(cell.toLowerCase());
}

/** The value of a number literal. */
function parseNumber(cell: string): number {
  return SPECIAL_FLOATS.get(cell.toLowerCase()) ?? Number(cell);
}

/** Whether a cell is a number literal (including GMAT's `NaN` and infinities). */
function isNumberCell(cell: string): boolean {
  return FLOAT_LITERAL.test(cell) || SPECIAL_FLOATS.has(cell.toLowerCase());
}
