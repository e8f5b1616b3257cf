/**
 * The text of GMAT's DifferentialCorrector report file (`<Solver>.ReportFile`, by default
 * `DifferentialCorrector<Name>.data`), byte for byte as R2026a's
 * `DifferentialCorrector::WriteToTextFile` writes it, written as the passes happen.
 *
 * Numbers are written as the file stream writes them with `precision(16)`: `%.16g` (`1e-05`,
 * `0.0001222679727588417`, `-0`, `inf`). Layout per record (`␣` marks a trailing space):
 *
 * - header: a 56-star line, `*** Targeter Text File`, `***␣`, `*** Using Differential
 *   Correction`, `***`, `*** N variables`, `*** M goals`, `***`, `*** Variables:`, one
 *   `***␣␣␣␣name` per variable then `***␣␣␣␣`, the same for `*** Goals:`, `*** SolverMode:  Solve`
 *   and `***␣␣␣␣`, a 56-star line and an empty line. GMAT recreates (truncates) the file here.
 * - after each nominal pass: `Iteration k`, `Running Nominal Pass`, `Variables:`, one
 *   `␣␣␣name = value` per variable, then `␣␣␣`.
 * - goals: `Goals and achieved values:`, per goal `␣␣␣name  Desired: d Achieved: a` and
 *   `␣␣␣Tolerance: t`, then `␣␣␣`, a 56-star line and an empty line.
 * - per iteration that continues: an empty line, `Jacobian (Sensitivity matrix):`, one line per
 *   variable of `␣␣␣value` per goal, two empty lines, `Inverse Jacobian:`, one line per goal,
 *   two empty lines, `New scaled variable estimates:`, `␣␣␣name = value` per variable, `␣␣␣`.
 * - at the end: an empty line, 56 stars, `*** Targeting Completed in N iterations`, 56 stars and
 *   an empty line.
 *
 * Styles: Normal and Concise write the same text. Verbose and Debug add `; targeter scaled
 * value: s` to nominal variables and a `Perturbing with variable values:` block (preceded, from
 * the second variable on, by the previous perturbation's achieved goals) before each perturbation
 * pass; Verbose alone adds a `Calculating` block (the last perturbation's achieved goals, lines
 * indented by 3 spaces after the first and 4 before the next) before the Jacobian; Debug adds the
 * `Command stream data:` block between two 48-dash lines to each perturbation.
 *
 * @module
 */

import { streamG } from "./_format.ts";
import type { DcReportRecord, SolverListener } from "./solver_events.ts";

/** GMAT's `ReportStyle` values. */
export type ReportStyle = "Normal" | "Concise" | "Verbose" | "Debug";

/** The allowed `ReportStyle` values. */
export const REPORT_STYLES: readonly ReportStyle[] = ["Normal", "Concise", "Verbose", "Debug"];

/** Where report text goes. */
export interface TextSink {
  /** Appends text. */
  write(text: string): void;
  /** Empties the file (GMAT reopens it without `append`). */
  truncate(): void;
}

/** Options of {@linkcode SolverReportWriter}. */
export interface SolverReportWriterOptions {
  /** The solver's `ReportStyle`. @default {"Normal"} */
  readonly style?: ReportStyle;
}

const STARS = "*".repeat(56);
const DASHES = "-".repeat(48);

/**
 * The report file name GMAT uses when `<Solver>.ReportFile` is not set: the solver's type name
 * followed by its name and `.data` (`Solver.cpp`), written in GMAT's OUTPUT_PATH.
 *
 * @example Usage
 * ```ts
 * import { defaultReportFileName } from "./solver_report.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(defaultReportFileName("DC1"), "DifferentialCorrectorDC1.data");
 * ```
 */
export function defaultReportFileName(
  solverName: string,
  solverType = "DifferentialCorrector",
): string {
  return `${solverType}${solverName}.data`;
}

/**
 * A {@linkcode SolverListener} that writes GMAT's solver report file to a sink as the solver
 * runs: text is written the moment GMAT writes it, so a crash leaves what GMAT would have left.
 *
 * @example Usage
 * ```ts
 * import { DifferentialCorrector } from "./differential_corrector.ts";
 * import { SolverReportWriter, StringSink } from "./solver_report.ts";
 * import assert from "node:assert/strict";
 *
 * const sink = new StringSink();
 * const dc = new DifferentialCorrector({
 *   variables: [{ name: "x", initialValue: 3 }],
 *   goals: [{ name: "y", value: 3 }],
 *   listeners: [new SolverReportWriter(sink)],
 * });
 * for (let pass = dc.next(); pass.kind !== "done"; pass = dc.next()) dc.report([pass.values[0]]);
 * assert.ok(sink.text.includes("*** Targeting Completed in 1 iterations\n"));
 * ```
 */
export class SolverReportWriter implements SolverListener {
  readonly #sink: TextSink;
  readonly #style: ReportStyle;

  /**
   * @param sink Receives the text.
   * @param options The report style.
   * @throws {RangeError} For a style GMAT does not know.
   */
  constructor(sink: TextSink, options: SolverReportWriterOptions = {}) {
    const style = options.style ?? "Normal";
    if (!REPORT_STYLES.includes(style)) {
      throw new RangeError(
        `Cannot write solver report: ReportStyle "${style}" is not one of ${
          REPORT_STYLES.join(", ")
        }`,
      );
    }
    this.#sink = sink;
    this.#style = style;
  }

  /** Writes one record. */
  report(record: DcReportRecord): void {
    if (record.kind === "header" || (record.kind === "finished" && record.reopen)) {
      this.#sink.truncate();
    }
    const text = renderReportRecord(record, this.#style);
    if (text !== "") this.#sink.write(text);
  }
}

/** A {@linkcode TextSink} that keeps the text in memory. */
export class StringSink implements TextSink {
  #text = "";

  /** The text written since the last truncation. */
  get text(): string {
    return this.#text;
  }

  /** Appends text. */
  write(text: string): void {
    this.#text += text;
  }

  /** Empties the text. */
  truncate(): void {
    this.#text = "";
  }
}

/**
 * The text GMAT writes for one record.
 *
 * @param record The record.
 * @param style The report style.
 * @returns The text (empty when the style writes nothing for the record).
 */
export function renderReportRecord(record: DcReportRecord, style: ReportStyle = "Normal"): string {
  const verbose = style === "Verbose" || style === "Debug";
  const g = (x: number) => streamG(x, 16);
  switch (record.kind) {
    case "header": {
      let t = `${STARS}\n*** Targeter Text File\n*** \n*** Using Differential Correction\n***\n`;
      t += `*** ${record.variableNames.length} variables\n*** ${record.goalNames.length} goals\n`;
      t += "***\n*** Variables:\n***    ";
      for (const name of record.variableNames) t += `${name}\n***    `;
      t += "\n*** Goals:\n***    ";
      for (const name of record.goalNames) t += `${name}\n***    `;
      t += `\n*** SolverMode:  ${record.solverMode}\n***    `;
      return `${t}\n${STARS}\n\n`;
    }
    case "nominal": {
      let t = `Iteration ${record.iteration}\nRunning Nominal Pass\nVariables:\n   `;
      record.variableNames.forEach((name, i) => {
        t += `${name} = ${g(record.values[i])}`;
        if (verbose) t += `; targeter scaled value: ${g(record.scaled[i])}`;
        t += "\n   ";
      });
      return `${t}\n`;
    }
    case "goals": {
      let t = "Goals and achieved values:\n   ";
      record.goalNames.forEach((name, i) => {
        t += `${name}  Desired: ${g(record.desired[i])} Achieved: ${g(record.achieved[i])}\n`;
        t += `   Tolerance: ${g(record.tolerance[i])}\n   `;
      });
      return `${t}\n${STARS}\n\n`;
    }
    case "perturbing": {
      if (!verbose) return "";
      let t = "";
      const previous = record.previousAchieved;
      if (previous !== undefined) {
        t += "Goals and achieved values:\n   ";
        record.goalNames.forEach((name, i) => {
          t += `${name}  Desired: ${g(record.desired[i])} Achieved: ${g(previous[i])}\n   `;
        });
        t += "\n";
      }
      t += "Perturbing with variable values:\n   ";
      record.variableNames.forEach((name, i) => {
        t += `${name} = ${g(record.values[i])}; targeter scaled value: ${g(record.scaled[i])}\n   `;
      });
      t += "\n";
      if (style === "Debug") {
        t += `${DASHES}\nCommand stream data:\n${record.debugText}\n${DASHES}\n`;
      }
      return t;
    }
    case "calculated": {
      let t = "";
      if (style === "Verbose") {
        t += "Calculating\nGoals and achieved values:\n   ";
        record.goalNames.forEach((name, i) => {
          const a = record.lastPerturbationAchieved[i];
          t += `${name}  Desired: ${g(record.desired[i])} Achieved: ${g(a)}\n    `;
        });
        t += "\n";
      }
      t += "\nJacobian (Sensitivity matrix):\n";
      for (const row of record.jacobian) t += `${row.map((x) => `   ${g(x)}`).join("")}\n`;
      t += "\n\nInverse Jacobian:\n";
      for (const row of record.inverse) t += `${row.map((x) => `   ${g(x)}`).join("")}\n`;
      t += "\n\nNew scaled variable estimates:\n   ";
      record.variableNames.forEach((name, i) => {
        t += `${name} = ${g(record.scaled[i])}\n   `;
      });
      return `${t}\n`;
    }
    case "finished":
      return `\n${STARS}\n*** Targeting Completed in ${record.iterations} iterations\n${STARS}\n\n`;
  }
}
