/**
 * A ReportFile at run time: evaluates its parameters at each publish and writes GMAT's text,
 * skipping a publish whose epoch equals the last written one (GMAT's duplicate-epoch rule, so
 * chained Propagate commands do not repeat the boundary row).
 *
 * @module
 */

import { formatG, type ReportCell, ReportFileWriter } from "../../formats/mod.ts";
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
  #extraHeaders = new Set<string>();
  /** `Toggle RF Off` sets this to false. */
  enabled = true;
  /** Data rows written (publishes and Report commands). */
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
    }
    this.#pending.push(this.#mainWriter.row(evaluateAll(this.params, snap)));
    this.rows++;
  }

  /** The Report command: one row of its own parameters, with their header the first time. */
  report(params: readonly BoundParameter[], snap: SnapshotSource): void {
    if (!this.resource.writeReport) return;
    const names = params.map((p) => p.name);
    const writer = this.#writer(names);
    const key = names.join("\u0000");
    if (!this.#extraHeaders.has(key)) {
      this.#pending.push(writer.header());
      this.#extraHeaders.add(key);
    }
    this.#pending.push(writer.row(evaluateAll(params, snap)));
    this.rows++;
  }

  /**
   * The Report command: one row of its items, with their header the first time the command
   * runs. Arrays are written as GMAT does: a column vector down the rows of its column, a row
   * vector or matrix as space-separated rows.
   */
  reportItems(command: object, items: readonly ReportItem[]): void {
    if (!this.resource.writeReport) return;
    const names = items.map((p) => p.name);
    const writer = this.#writer(names);
    if (!this.#commandHeaders.has(command)) {
      this.#pending.push(writer.reportCommandHeader());
      this.#commandHeaders.add(command);
    }
    const values = items.map((i) => i.get());
    if (values.every((v) => !(v instanceof Matrix))) {
      this.#pending.push(writer.row(values as ReportCell[]));
    } else {
      this.#pending.push(...matrixRows(values, this.resource));
    }
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

/** Lines of a Report row holding arrays: column vectors run down, other arrays row by row. */
function matrixRows(values: readonly Value[], rf: ReportFileResource): string[] {
  const cells = values.map((v) => {
    if (typeof v === "number") return [formatG(v, rf.precision)];
    if (typeof v === "string") return [v];
    if (v.cols === 1) return Array.from(v.data, (x) => formatG(x, rf.precision));
    const lines: string[] = [];
    for (let i = 0; i < v.rows; i++) {
      const row = Array.from(
        v.data.subarray(i * v.cols, (i + 1) * v.cols),
        (x) => formatG(x, rf.precision),
      );
      lines.push(row.join(" "));
    }
    return lines;
  });
  const height = Math.max(...cells.map((c) => c.length));
  const out: string[] = [];
  for (let k = 0; k < height; k++) {
    out.push(
      cells.map((c) => (c[k] ?? "").padEnd(rf.columnWidth) + " ").join("").trimEnd() +
        "\n",
    );
  }
  return out;
}
