/**
 * Writes GMAT ReportFile text byte for byte as GMAT R2026a does (`ReportFile.cpp`).
 *
 * Fixed-width layout (the default): each column is `w = max(ColumnWidth, name length)` wide, at
 * least 24 when the name contains `Gregorian`; every cell, header and data, is written with
 * stream width `w + 3`, padded with the delimiter character and left-justified unless
 * `LeftJustify = Off`, so every line ends in padding. Real values use the C++ default float
 * format with `Precision` significant digits (`showpoint` when `ZeroFill = On`); NaN is written as
 * `NaN`. With `FixedWidth = false` names and values are joined by the delimiter, without padding.
 *
 * @module
 */

import { formatG } from "./number_format.ts";
import type { LineEnding } from "./line_ending.ts";

/** GMAT ReportFile fields that shape the text, with GMAT's defaults. */
export interface ReportFileOptions {
  /** `Precision`: significant digits of real values. @default {16} */
  precision?: number;
  /** `ColumnWidth`: minimum column width (fixed-width layout only). @default {23} */
  columnWidth?: number;
  /** `LeftJustify`: left-justify cells (`On`) or right-justify them (`Off`). @default {true} */
  leftJustify?: boolean;
  /** `ZeroFill`: keep trailing zeros (C++ `showpoint`), e.g. `7000.000000000000`. @default {false} */
  zeroFill?: boolean;
  /** `FixedWidth`: pad cells to the column width; `false` joins them by the delimiter. @default {true} */
  fixedWidth?: boolean;
  /**
   * `Delimiter`: only its first character is used (a space when empty). It separates cells when
   * `fixedWidth` is false and is the padding character of a fixed-width file with headers.
   *
   * @default {" "}
   */
  delimiter?: string;
  /** `WriteHeaders`: write the header line. @default {true} */
  writeHeaders?: boolean;
  /** Line ending (`std::endl`: LF on Linux and macOS, CRLF on Windows). @default {"\n"} */
  lineEnding?: LineEnding;
}

/** One ReportFile cell: a real value, or the text of a string parameter (e.g. a Gregorian epoch). */
export type ReportCell = number | string;

/** GMAT's "undefined" real (`GmatRealConstants::REAL_UNDEFINED_LARGE`), reported as `NaN`. */
const REAL_UNDEFINED_LARGE = -9876543210.1234;

/**
 * Formats the header and data lines of one GMAT ReportFile.
 *
 * @example Usage
 * ```ts
 * import { ReportFileWriter } from "./report_file_writer.ts";
 * import assert from "node:assert/strict";
 *
 * const writer = new ReportFileWriter(["Sat.UTCGregorian", "Sat.X"]);
 * assert.equal(writer.header(), "Sat.UTCGregorian" + " ".repeat(11) + "Sat.X" + " ".repeat(21) + "\n");
 * assert.equal(
 *   writer.row(["01 Jan 2026 12:00:00.000", 7000]),
 *   "01 Jan 2026 12:00:00.000   7000" + " ".repeat(22) + "\n",
 * );
 * ```
 */
export class ReportFileWriter {
  /** Column names (GMAT parameter names), in order. */
  readonly columnNames: readonly string[];
  /** Stream width of each column's cells (fixed-width layout; 0 when not fixed-width). */
  readonly cellWidths: readonly number[];
  readonly #precision: number;
  readonly #leftJustify: boolean;
  readonly #zeroFill: boolean;
  readonly #fixedWidth: boolean;
  readonly #delimiter: string;
  readonly #writeHeaders: boolean;
  readonly #lineEnding: LineEnding;
  readonly #plainWidths: readonly number[];

  /**
   * @param columnNames The ReportFile's `Add` list, verbatim.
   * @param options ReportFile fields; omitted ones take GMAT's defaults.
   */
  constructor(columnNames: readonly string[], options: ReportFileOptions = {}) {
    if (columnNames.length === 0) {
      throw new RangeError("Cannot create ReportFileWriter: at least one column is required");
    }
    const columnWidth = options.columnWidth ?? 23;
    if (!Number.isInteger(columnWidth) || columnWidth < 0) {
      throw new RangeError("Cannot create ReportFileWriter: columnWidth must be an integer >= 0");
    }
    this.columnNames = [...columnNames];
    this.#precision = options.precision ?? 16;
    formatG(0, this.#precision); // validates the precision
    this.#leftJustify = options.leftJustify ?? true;
    this.#zeroFill = options.zeroFill ?? false;
    this.#fixedWidth = options.fixedWidth ?? true;
    this.#delimiter = options.delimiter ? options.delimiter[0] : " ";
    this.#writeHeaders = options.writeHeaders ?? true;
    this.#lineEnding = options.lineEnding ?? "\n";
    this.cellWidths = this.columnNames.map((name) => {
      if (!this.#fixedWidth) return 0;
      // Without headers GMAT uses ColumnWidth as is (no name length, no +3).
      if (!this.#writeHeaders) return columnWidth;
      let width = Math.max(columnWidth, name.length);
      if (name.includes("Gregorian")) width = Math.max(width, 24);
      return width + 3;
    });
    this.#plainWidths = this.columnNames.map((name) =>
      this.#fixedWidth ? Math.max(columnWidth, name.length) + 3 : 0
    );
  }

  /**
   * The header line, including its line ending, or `""` when `writeHeaders` is false.
   *
   * @returns The header line.
   */
  header(): string {
    if (!this.#writeHeaders) return "";
    return this.#line(this.columnNames, this.#delimiter);
  }

  /**
   * The header a `Report` command writes: like {@link header}, but GMAT sizes every name's cell
   * by the column width alone there (a Gregorian epoch's data cell is still one wider).
   *
   * @returns The header line, or `""` when `writeHeaders` is false.
   */
  reportCommandHeader(): string {
    if (!this.#writeHeaders) return "";
    return this.#line(this.columnNames, this.#delimiter, this.#plainWidths);
  }

  /**
   * One data line, including its line ending.
   *
   * @param cells One value per column: numbers are formatted with the ReportFile precision
   *   (NaN, and GMAT's undefined value -9876543210.1234, as `NaN`); strings are written raw.
   * @returns The data line.
   */
  row(cells: readonly ReportCell[]): string {
    if (cells.length !== this.columnNames.length) {
      throw new RangeError(
        `Cannot write ReportFile row: expected ${this.columnNames.length} cells, got ${cells.length}`,
      );
    }
    // GMAT sets the fill character while writing the header; without a header it stays a space.
    const fill = this.#writeHeaders ? this.#delimiter : " ";
    return this.#line(cells.map((cell) => this.formatCell(cell)), fill);
  }

  /**
   * The text of one cell before padding.
   *
   * @param cell A real value or a string.
   * @returns The cell text.
   */
  formatCell(cell: ReportCell): string {
    if (typeof cell === "string") return cell;
    if (Number.isNaN(cell) || cell === REAL_UNDEFINED_LARGE) return "NaN";
    return formatG(cell, this.#precision, { showPoint: this.#zeroFill });
  }

  #line(texts: readonly string[], fill: string, widths = this.cellWidths): string {
    if (!this.#fixedWidth) return texts.join(this.#delimiter) + this.#lineEnding;
    let line = "";
    for (let i = 0; i < texts.length; i++) {
      const text = texts[i];
      const pad = widths[i] - text.length;
      if (pad <= 0) line += text;
      else if (this.#leftJustify) line += text + fill.repeat(pad);
      else line += fill.repeat(pad) + text;
    }
    return line + this.#lineEnding;
  }
}

/**
 * Renders a whole ReportFile: the header (unless `writeHeaders` is false) and one line per row.
 *
 * @param columnNames The ReportFile's `Add` list.
 * @param rows Data rows, one cell per column.
 * @param options ReportFile fields; omitted ones take GMAT's defaults.
 * @returns The file contents.
 *
 * @example Usage
 * ```ts
 * import { renderReportFile } from "./report_file_writer.ts";
 * import assert from "node:assert/strict";
 *
 * const text = renderReportFile(["A", "B"], [[1, 2.5]], { fixedWidth: false, delimiter: "," });
 * assert.equal(text, "A,B\n1,2.5\n");
 * ```
 */
export function renderReportFile(
  columnNames: readonly string[],
  rows: Iterable<readonly ReportCell[]>,
  options: ReportFileOptions = {},
): string {
  const writer = new ReportFileWriter(columnNames, options);
  const parts = [writer.header()];
  for (const row of rows) parts.push(writer.row(row));
  return parts.join("");
}
