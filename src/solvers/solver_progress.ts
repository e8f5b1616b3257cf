/**
 * The console progress text of GMAT's DifferentialCorrector (R2026a
 * `DifferentialCorrector::GetProgressString`, printed by `ReportProgress` as `"%s\n"`), plus the
 * solver's messages, in the order GMAT prints them. Numbers use a stream with `precision(12)`
 * (`%.12g`).
 *
 * Example (the battery's Hohmann case):
 * ```text
 * DC Iteration 1; Nominal Pass
 *    Variables:  TOI.Element1 = 1, GOI.Element1 = 1
 *    Goals and achieved values:
 *       Sat.Earth.RMAG  Desired: 42164  Achieved: 12529.1487593  Variance: 29634.8512407
 *
 *    Completed iteration 1, pert 1 (TOI.Element1 = 1.0001)
 * ```
 *
 * @module
 */

import { streamG } from "./_format.ts";
import type { DcProgressRecord, SolverListener } from "./solver_events.ts";
import type { ReportStyle } from "./solver_report.ts";

/** Options of {@linkcode SolverProgressWriter}. */
export interface SolverProgressWriterOptions {
  /** The solver's `ReportStyle` (Verbose adds scaled values and the algorithm). */
  readonly style?: ReportStyle;
}

const STARS = "*".repeat(56);
const BANGS = "!".repeat(60);

/**
 * A {@linkcode SolverListener} that sends GMAT's console text (progress and messages) to a
 * callback, one `ShowMessage` call at a time.
 *
 * @example Usage
 * ```ts
 * import { DifferentialCorrector } from "./differential_corrector.ts";
 * import { SolverProgressWriter } from "./solver_progress.ts";
 * import assert from "node:assert/strict";
 *
 * let text = "";
 * const dc = new DifferentialCorrector({
 *   variables: [{ name: "x", initialValue: 3 }],
 *   goals: [{ name: "y", value: 3 }],
 *   listeners: [new SolverProgressWriter((t) => text += t)],
 * });
 * for (let pass = dc.next(); pass.kind !== "done"; pass = dc.next()) dc.report([pass.values[0]]);
 * assert.ok(text.includes("*** The Targeter converged!\n"));
 * ```
 */
export class SolverProgressWriter implements SolverListener {
  readonly #out: (text: string) => void;
  readonly #verbose: boolean;

  /**
   * @param out Receives each piece of console text, newline included.
   * @param options The report style.
   */
  constructor(out: (text: string) => void, options: SolverProgressWriterOptions = {}) {
    this.#out = out;
    this.#verbose = options.style === "Verbose";
  }

  /** Prints one progress record. */
  progress(record: DcProgressRecord): void {
    this.#out(`${renderProgressRecord(record, this.#verbose)}\n`);
  }

  /** Prints a message. */
  message(text: string): void {
    this.#out(text);
  }
}

/**
 * GMAT's progress string for one record (without the newline `ReportProgress` adds).
 *
 * @param record The record.
 * @param verbose Whether the solver's ReportStyle is Verbose.
 * @returns The text.
 */
export function renderProgressRecord(record: DcProgressRecord, verbose = false): string {
  const g = (x: number) => streamG(x, 12);
  const scaled = (s: number) => verbose ? `; targeter scaled value: ${g(s)}` : "";
  const goalLine = (name: string, d: number, a: number) =>
    `      ${name}  Desired: ${g(d)}  Achieved: ${g(a)}  Variance: ${g(d - a)}\n`;
  switch (record.kind) {
    case "header": {
      let t = `${STARS}\n*** Performing Differential Correction (using "${record.solverName}")\n`;
      if (verbose) t += `*** Solution Algorithm: ${record.algorithm}\n`;
      t += `*** ${record.variableNames.length} variables; ${record.goalNames.length} goals\n`;
      t += `   Variables:  ${record.variableNames.join(", ")}\n`;
      t += `   Goals:  ${record.goalNames.join(", ")}`;
      t += `\n   SolverMode:  ${record.solverMode}`;
      return `${t}\n${STARS}`;
    }
    case "nominal": {
      const vars = record.variableNames.map((name, i) =>
        `${name} = ${g(record.values[i])}${scaled(record.scaled[i])}`
      );
      return `${record.solverName} Iteration ${record.iteration}; Nominal Pass\n   Variables:  ${
        vars.join(", ")
      }`;
    }
    case "goals": {
      let t = "   Goals and achieved values:\n";
      record.goalNames.forEach((name, i) => {
        t += goalLine(name, record.desired[i], record.achieved[i]);
      });
      return t;
    }
    case "perturbation":
      return `   Completed iteration ${record.iteration}, pert ${record.pertNumber + 1} (` +
        `${record.variableName} = ${g(record.value)}${scaled(record.scaled)})`;
    case "calculating":
      return "";
    case "finished": {
      let t: string;
      if (record.solverMode === "RunInitialGuess") {
        t = "\n*** Targeting Completed Initial Guess Run\n***\n   Variable Values:\n";
        record.variableNames.forEach((name, i) => t += `      ${name} = ${g(record.values[i])}\n`);
        t += "\n   Goal Values:\n";
        record.goalNames.forEach((name, i) => {
          t += goalLine(name, record.desired[i], record.achieved[i]);
        });
        return t;
      }
      t = record.converged
        ? `\n*** Targeting Completed in ${record.iterations} iterations.` +
          "\n*** The Targeter converged!"
        : `\n*** Targeting did not converge in ${record.iterations} iterations`;
      if (record.iterations >= record.maxIterations && !record.converged) {
        t += `\n${BANGS}\n!!! WARNING: Targeter did NOT converge!\n${BANGS}`;
      }
      t += "\nFinal Variable values:\n";
      record.variableNames.forEach((name, i) => t += `   ${name} = ${g(record.values[i])}\n`);
      return t;
    }
  }
}
