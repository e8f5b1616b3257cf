/**
 * A ReportFile at run time: evaluates its parameters at each publish and writes GMAT's text,
 * skipping a publish whose epoch equals the last written one (GMAT's duplicate-epoch rule, so
 * chained Propagate commands do not repeat the boundary row). Report and Write commands add
 * their own header and data lines, in order with the published rows, laid out as GMAT's
 * `Report::WriteHeaders` and `ReportFile::WriteData` do (arrays one line per row, strings raw).
 *
 * @module
 */

import { formatE, formatG, type ReportCell, ReportFileWriter } from "../../formats/mod.ts";
import { Matrix } from "../math/matrix.ts";
import type { Value } from "../math/value.ts";
import type { BoundParameter, Snapshot } from "../parameters.ts";
import type { ReportFileResource } from "../resources/report_file.ts";
import type { SpacecraftResource } from "../resources/spacecraft.ts";

/** One item of a Report command: its name as written and its current value. */
export interface ReportItem {
  /** The name as written (the header). */
  readonly name: string;
  /** The current value: a number, a string, or an Array's matrix. */
  readonly get: () => Value;
}

/** Gives the current snapshot of a spacecraft. */
export type SnapshotSource = (sc: SpacecraftResource) => Snapshot;

/** The file of one ReportFile resource. */
export class ReportOutput {
  readonly #file: Deno.FsFile;
  readonly #encoder = new TextEncoder();
  #pending: string[] = [];
  #lastEpoch: number | undefined;
  #headerWritten = false;
  /** The stream's fill character: a space until the subscriber header sets the delimiter. */
  #fill = " ";
  /** `Toggle RF Off` sets this to false. */
  enabled = true;
  /** Data rows written (publishes, Report and Write commands). */
  rows = 0;

  private constructor(
    readonly resource: ReportFileResource,
    readonly path: string,
    readonly params: readonly BoundParameter[],
    file: Deno.FsFile,
  ) {
    this.#file = file;
  }

  /** Create (or append to) the file. */
  static open(
    resource: ReportFileResource,
    path: string,
    params: readonly BoundParameter[],
  ): ReportOutput {
    // Synchronous file calls: a run's files are small and a worker's engine thread has nothing
    // else to do, while each async call would cost a thread-pool round trip.
    const file = Deno.openSync(path, {
      write: true,
      create: true,
      truncate: !resource.appendToExistingFile,
      append: resource.appendToExistingFile,
    });
    return new ReportOutput(resource, path, params, file);
  }

  #writer(names: readonly string[]): ReportFileWriter {
    const r = this.resource;
    return new ReportFileWriter(names, {
      precision: r.precision,
      columnWidth: r.columnWidth,
      leftJustify: r.leftJustify,
      zeroFill: r.zeroFill,
      fixedWidth: r.fixedWidth,
      delimiter: r.delimiter,
      writeHeaders: r.writeHeaders,
    });
  }

  #mainWriter: ReportFileWriter | undefined;

  /** A publish from a propagation at `epochA1`. */
  publish(epochA1: number, snap: SnapshotSource): void {
    if (!this.enabled || !this.resource.writeReport || this.params.length === 0) return;
    if (this.#lastEpoch === epochA1) return;
    this.#lastEpoch = epochA1;
    this.#mainWriter ??= this.#writer(this.params.map((p) => p.name));
    if (!this.#headerWritten) {
      this.#pending.push(this.#mainWriter.header());
      this.#headerWritten = true;
      // GMAT's ReportFile::WriteHeaders sets the stream's fill to the delimiter for good.
      if (this.resource.writeHeaders) this.#fill = this.resource.delimiter[0] ?? " ";
    }
    this.#pending.push(this.#mainWriter.row(evaluateAll(this.params, snap)));
    this.rows++;
  }

  /**
   * The Report command: its items' header line the first time this command runs (when the
   * ReportFile writes headers), then their values as GMAT's `ReportFile::WriteData` lays them out
   * (see {@link commandDataText}).
   */
  reportItems(command: object, items: readonly ReportItem[]): void {
    this.writeCommand(command, items.map((i) => i.name), items.map((i) => i.get()), true);
  }

  /**
   * A Report or Write command's text: the header of `names` the first time `command` runs
   * (`withHeader` false for Write's Script style, which writes none), then the data lines.
   *
   * @param command The command (its first run writes the header).
   * @param names The items as written.
   * @param values Their values; Write's Script style passes its script text as strings.
   * @param withHeader Whether this command writes a header at all.
   */
  writeCommand(
    command: object,
    names: readonly string[],
    values: readonly Value[],
    withHeader: boolean,
  ): void {
    if (!this.resource.writeReport) return;
    const first = !this.#commandHeaders.has(command);
    this.#commandHeaders.add(command);
    if (first && withHeader && this.resource.writeHeaders) {
      this.#pending.push(commandHeaderLine(names, this.resource));
    }
    this.#pending.push(commandDataText(names, values, this.resource, this.#fill));
    this.rows++;
  }

  readonly #commandHeaders = new WeakSet<object>();

  /** Write buffered lines to disk. */
  flush(): void {
    if (this.#pending.length === 0) return;
    const text = this.#pending.join("");
    this.#pending = [];
    const bytes = this.#encoder.encode(text);
    let off = 0;
    while (off < bytes.length) off += this.#file.writeSync(bytes.subarray(off));
  }

  /** Flush and close. */
  close(): void {
    this.flush();
    this.#file.close();
  }
}

function evaluateAll(params: readonly BoundParameter[], snap: SnapshotSource): ReportCell[] {
  return params.map((p) => {
    const value = p.evaluate(p.spacecraft ? snap(p.spacecraft) : undefined);
    return value;
  });
}

/** The ReportFile fields that shape the text of Report and Write commands. */
export type CommandLayout = Pick<
  ReportFileResource,
  | "precision"
  | "columnWidth"
  | "leftJustify"
  | "zeroFill"
  | "fixedWidth"
  | "delimiter"
  | "writeHeaders"
>;

/** GMAT's "undefined" reals, which ReportFile writes as `NaN` (`ReportFile::IsNotANumber`). */
const REAL_UNDEFINED_LARGE = -9876543210.1234;

/**
 * The header line of a Report or Write command (`Report::WriteHeaders`,
 * `Write::WriteHeaders`): each name in a field of `ColumnWidth` characters (left-justified
 * unless `LeftJustify = Off`, filled with spaces whatever the delimiter), followed by three
 * spaces. A name longer than the column is written whole. `FixedWidth` plays no part.
 *
 * @param names The items as written in the command.
 * @param layout The ReportFile's settings.
 * @returns The line, with its line ending.
 */
export function commandHeaderLine(names: readonly string[], layout: CommandLayout): string {
  let line = "";
  for (const name of names) {
    line += field(name, layout.columnWidth, layout.leftJustify, " ") + "   ";
  }
  return line + "\n";
}

/**
 * One row of an array as `ReportFile::WriteMatrix` writes it (`Rmatrix::ToRowString(row,
 * Precision, w, ZeroFill)`): every element printed with C `%1.{P}g` (with `ZeroFill = On`,
 * `%{P+4}.{P}e`) and followed by one space, so the text ends in a space. NaN prints as glibc
 * does (`nan`, `-nan`). GMAT's removal of a third exponent digit (`e-015`) never applies with
 * glibc's two-digit exponents.
 *
 * @param m The array's value.
 * @param row The row, 0-based.
 * @param precision The ReportFile's `Precision`.
 * @param zeroFill The ReportFile's `ZeroFill`.
 * @returns The row text.
 */
export function matrixRowText(
  m: Matrix,
  row: number,
  precision: number,
  zeroFill: boolean,
): string {
  let text = "";
  for (let j = 0; j < m.cols; j++) {
    const x = m.at(row, j);
    const s = zeroFill
      ? formatE(x, precision).padStart(precision + 4)
      : Number.isNaN(x)
      ? formatE(x, 0)
      : formatG(x, precision === 0 ? 1 : precision);
    text += s + " ";
  }
  return text;
}

/**
 * The data lines of a Report or Write command, as GMAT's `ReportFile::WriteData` writes them
 * with the command's `calledByReport` flag set.
 *
 * Each item is a column whose cells are written with stream width `w + 3`, where `w` is
 * `ColumnWidth`, or with `WriteHeaders` the longer of that and the item's name (at least 24
 * for a name containing `Gregorian`). An array's cells are its rows ({@link matrixRowText}), one
 * line each; its column is as wide as its longest row plus 3 (with `WriteHeaders`, at least
 * `w + 3`). So a column vector runs down its column, and a row vector or matrix takes one
 * wide cell per row. There are as many lines as the tallest item has rows; a shorter item's
 * column is filled with spaces (GMAT writes a two-space cell in the column's width). Numbers
 * use the ReportFile's `Precision` (`NaN` for NaN and GMAT's undefined value), strings are
 * written raw. A cell longer than its width is written whole, pushing the rest of the line
 * right. With `FixedWidth = false` the cells are joined by the delimiter instead, without
 * padding, and an item with no cell on a line leaves an empty field.
 *
 * @param names The items as written (their lengths widen the columns).
 * @param values One value per item.
 * @param layout The ReportFile's settings.
 * @param fill The stream's fill character: a space, or the delimiter once the ReportFile's
 *   own (subscriber) header has been written.
 * @returns The lines, each with its line ending.
 */
export function commandDataText(
  names: readonly string[],
  values: readonly Value[],
  layout: CommandLayout,
  fill = " ",
): string {
  const cells: string[][] = [];
  const widths: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const name = names[i];
    const v = values[i];
    let width = layout.columnWidth;
    if (layout.writeHeaders) {
      width = Math.max(width, byteLength(name));
      if (name.includes("Gregorian")) width = Math.max(width, 24);
    }
    width += 3;
    if (v instanceof Matrix) {
      const rows: string[] = [];
      let longest = 0;
      for (let r = 0; r < v.rows; r++) {
        const text = matrixRowText(v, r, layout.precision, layout.zeroFill);
        rows.push(text);
        longest = Math.max(longest, byteLength(text));
      }
      cells.push(rows);
      widths.push(layout.writeHeaders ? Math.max(width, longest + 3) : longest + 3);
    } else {
      cells.push([typeof v === "string" ? v : realCell(v, layout)]);
      widths.push(width);
    }
  }
  const height = Math.max(1, ...cells.map((c) => c.length));
  const delimiter = layout.delimiter[0] ?? " ";
  let out = "";
  for (let row = 0; row < height; row++) {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i][row];
      if (layout.fixedWidth) {
        out += field(cell ?? "  ", widths[i], layout.leftJustify, fill);
      } else {
        if (cell !== undefined) out += cell;
        if (i < cells.length - 1) out += delimiter;
      }
    }
    out += "\n";
  }
  return out;
}

/** A real as `GmatStringUtil::ToString(value, Precision, ZeroFill)`, or `NaN`. */
function realCell(x: number, layout: CommandLayout): string {
  if (Number.isNaN(x) || x === REAL_UNDEFINED_LARGE) return "NaN";
  return formatG(x, layout.precision, { showPoint: layout.zeroFill });
}

/** `text` in a C++ stream field of `width` bytes, padded with `fill`. */
function field(text: string, width: number, left: boolean, fill: string): string {
  const pad = width - byteLength(text);
  if (pad <= 0) return text;
  return left ? text + fill.repeat(pad) : fill.repeat(pad) + text;
}

const encoder = new TextEncoder();

/** The UTF-8 length of `text`: C++ stream widths count bytes. */
function byteLength(text: string): number {
  // deno-lint-ignore no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length;
}
