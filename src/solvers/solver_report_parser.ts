/**
 * Reads GMAT's DifferentialCorrector report file (`DifferentialCorrector<Name>.data`, any
 * ReportStyle) into one record per nominal pass, and flattens it into the table gmat-run's
 * `solver_runs` has (`iteration`, one column per variable, per goal `<goal>`, `<goal>_desired`,
 * `<goal>_residual` = achieved - desired, `<goal>_tolerance`, and `status`), the rows of a
 * `solver__<name>.parquet`.
 *
 * The file has no converged/failed line: an iteration converged when every goal is within its
 * tolerance; a run that reached `*** Targeting Completed` with its last iteration converged is
 * `converged`, one that completed otherwise stopped at MaximumIterations (`max_iter`), and a file
 * without the closing banner belongs to a run that failed (`failed`). A RunInitialGuess run is
 * `initial_guess`. Verbose and Debug extras (scaled values, perturbation, `Calculating` and
 * command stream blocks) are read past. When the file holds several runs (GMAT appends when the
 * solver instance is not the first), the last run is returned.
 *
 * @module
 */

import { splitLines } from "../formats/line_ending.ts";
import { OutputParseError } from "../formats/output_parse_error.ts";

/** One nominal pass of a differential corrector run. */
export interface DcIterationRecord {
  /** 1-based iteration number. */
  readonly iteration: number;
  /** Unscaled variable values of the nominal pass, in `Vary` order. */
  readonly variables: readonly number[];
  /** Achieved goal values (NaN when the file has no goals block for the pass). */
  readonly achieved: readonly number[];
  /** Desired goal values (NaN when missing). */
  readonly desired: readonly number[];
  /** Tolerances (NaN when missing). */
  readonly tolerance: readonly number[];
  /** Whether every goal is within its tolerance. */
  readonly converged: boolean;
  /** `jacobian[variable][goal]`, when the iteration continued. */
  readonly jacobian: readonly (readonly number[])[] | undefined;
  /** `inverse[goal][variable]`, when the iteration continued. */
  readonly inverse: readonly (readonly number[])[] | undefined;
  /** `New scaled variable estimates`, when the iteration continued. */
  readonly nextScaled: readonly number[] | undefined;
}

/** How a run ended, as gmat-run names it. */
export type DcRunStatus = "converged" | "max_iter" | "failed" | "initial_guess";

/** A differential corrector report file, read. */
export interface DcReportFile {
  readonly solverType: "DifferentialCorrector";
  /** `Solve` or `RunInitialGuess` (empty when the file has no header). */
  readonly solverMode: string;
  readonly variableNames: readonly string[];
  readonly goalNames: readonly string[];
  readonly iterations: readonly DcIterationRecord[];
  /** Whether the closing `*** Targeting Completed in N iterations` banner is present. */
  readonly completed: boolean;
  /** N of the closing banner. */
  readonly iterationsTaken: number | undefined;
  readonly status: DcRunStatus;
  readonly converged: boolean;
}

/** Column types of {@linkcode SolverRunTable}. */
export type SolverColumnType = "int" | "float" | "string";

/** One row per nominal pass, as gmat-run's `solver_runs` frame. */
export interface SolverRunTable {
  readonly columns: readonly string[];
  readonly columnTypes: readonly SolverColumnType[];
  readonly rows: readonly (readonly (number | string)[])[];
}

/** Options of {@linkcode parseSolverReport}. */
export interface ParseSolverReportOptions {
  /** Path used in error messages. @default {"solver report"} */
  readonly path?: string;
}

const DASHES = "-".repeat(48);
const COMPLETED = /^\*\*\* Targeting Completed in (\d+) iterations$/;
const GOAL_LINE = /^ {3,4}(.+?) {2}Desired: (\S+) Achieved: (\S+)$/;

/**
 * Parses the text of a DifferentialCorrector report file.
 *
 * @param text The file's text.
 * @param options Path for messages.
 * @returns The last run in the file.
 * @throws {OutputParseError} `OUTPUT_PARSE` naming the line when the text is not such a file.
 *
 * @example Usage
 * ```ts
 * import { parseSolverReport } from "./solver_report_parser.ts";
 * import assert from "node:assert/strict";
 *
 * const text = [
 *   "*".repeat(56), "*** Targeter Text File", "*** ", "*** Using Differential Correction", "***",
 *   "*** 1 variables", "*** 1 goals", "***", "*** Variables:", "***    x", "***    ",
 *   "*** Goals:", "***    y", "***    ", "*** SolverMode:  Solve", "***    ", "*".repeat(56), "",
 *   "Iteration 1", "Running Nominal Pass", "Variables:", "   x = 3", "   ",
 *   "Goals and achieved values:", "   y  Desired: 3 Achieved: 3", "   Tolerance: 0.1", "   ",
 *   "*".repeat(56), "", "", "*".repeat(56), "*** Targeting Completed in 1 iterations",
 *   "*".repeat(56), "",
 * ].join("\n") + "\n";
 * const report = parseSolverReport(text);
 * assert.equal(report.status, "converged");
 * assert.deepEqual(report.iterations[0].variables, [3]);
 * ```
 */
export function parseSolverReport(
  text: string,
  options: ParseSolverReportOptions = {},
): DcReportFile {
  return new Parser(splitLines(text), options.path ?? "solver report").parse();
}

/**
 * The report as gmat-run's table: `iteration`, the variables, per goal `<goal>`,
 * `<goal>_desired`, `<goal>_residual`, `<goal>_tolerance`, then `status` (`running` on every row
 * but the last, which carries the run's status).
 *
 * @param report A parsed report.
 * @returns Columns, their types and one row per nominal pass.
 */
export function solverRunTable(report: DcReportFile): SolverRunTable {
  const columns = ["iteration", ...report.variableNames];
  const columnTypes: SolverColumnType[] = [
    "int",
    ...report.variableNames.map(() => "float" as const),
  ];
  for (const goal of report.goalNames) {
    columns.push(goal, `${goal}_desired`, `${goal}_residual`, `${goal}_tolerance`);
    columnTypes.push("float", "float", "float", "float");
  }
  columns.push("status");
  columnTypes.push("string");
  const last = report.iterations.length - 1;
  const rows = report.iterations.map((it, k) => {
    const row: (number | string)[] = [it.iteration, ...it.variables];
    report.goalNames.forEach((_, j) => {
      row.push(it.achieved[j], it.desired[j], it.achieved[j] - it.desired[j], it.tolerance[j]);
    });
    row.push(k === last ? report.status : "running");
    return row;
  });
  return { columns, columnTypes, rows };
}

interface MutableIteration {
  iteration: number;
  variables: number[];
  achieved: number[] | undefined;
  desired: number[];
  tolerance: number[];
  jacobian: number[][] | undefined;
  inverse: number[][] | undefined;
  nextScaled: number[] | undefined;
}

/** Line-by-line reader; `at` is the 0-based index of the next line. */
class Parser {
  #at = 0;
  #mode = "";
  #variables: string[] = [];
  #goals: string[] = [];
  #header = false;
  #iterations: MutableIteration[] = [];
  #completed: number | undefined;

  constructor(readonly lines: readonly string[], readonly path: string) {}

  parse(): DcReportFile {
    while (this.#at < this.lines.length) {
      const line = this.lines[this.#at++];
      if (line === "*** Targeter Text File") this.#readHeader();
      else if (line.startsWith("Iteration ")) this.#readNominal(line);
      else if (line === "Goals and achieved values:") this.#readGoals();
      else if (line === "Jacobian (Sensitivity matrix):") {
        this.#current("Jacobian").jacobian = this.#matrix();
      } else if (line === "Inverse Jacobian:") this.#current("inverse").inverse = this.#matrix();
      else if (line === "New scaled variable estimates:") this.#readEstimates();
      else if (line === DASHES) this.#skipDebug();
      else {
        const done = COMPLETED.exec(line);
        if (done) this.#completed = Number(done[1]);
      }
    }
    if (!this.#header && this.#completed === undefined) {
      throw new OutputParseError(
        this.path,
        undefined,
        "not a GMAT DifferentialCorrector report: no '*** Targeter Text File' header and no " +
          "'*** Targeting Completed' banner",
      );
    }
    return this.#result();
  }

  #result(): DcReportFile {
    const nan = () => this.#goals.map(() => NaN);
    const iterations = this.#iterations.map((it): DcIterationRecord => {
      const achieved = it.achieved ?? nan();
      const converged = it.achieved !== undefined &&
        achieved.every((a, j) => !(Math.abs(a - it.desired[j]) > it.tolerance[j]));
      return { ...it, achieved, converged };
    });
    const completed = this.#completed !== undefined;
    const last = iterations[iterations.length - 1];
    const converged = completed && last !== undefined && last.converged;
    const status: DcRunStatus = this.#mode === "RunInitialGuess"
      ? "initial_guess"
      : !completed
      ? "failed"
      : converged
      ? "converged"
      : "max_iter";
    return {
      solverType: "DifferentialCorrector",
      solverMode: this.#mode,
      variableNames: this.#variables,
      goalNames: this.#goals,
      iterations,
      completed,
      iterationsTaken: this.#completed,
      status,
      converged,
    };
  }

  /** The banner; a new banner starts a new run. */
  #readHeader(): void {
    this.#header = true;
    this.#iterations = [];
    this.#completed = undefined;
    this.#mode = "";
    let counts: [number, number] = [-1, -1];
    for (; this.#at < this.lines.length; this.#at++) {
      const line = this.lines[this.#at];
      if (line === "*".repeat(56)) break;
      const count = /^\*\*\* (\d+) (variables|goals)$/.exec(line);
      if (count) {
        counts = count[2] === "variables"
          ? [Number(count[1]), counts[1]]
          : [counts[0], Number(count[1])];
      } else if (line === "*** Variables:") this.#variables = this.#names();
      else if (line === "*** Goals:") this.#goals = this.#names();
      else if (line.startsWith("*** SolverMode:  ")) this.#mode = line.slice(17);
    }
    if (counts[0] !== this.#variables.length || counts[1] !== this.#goals.length) {
      this.#fail(
        this.#at,
        `the header announces ${counts[0]} variables and ${counts[1]} goals but lists ` +
          `${this.#variables.length} and ${this.#goals.length}`,
      );
    }
  }

  /** `***    name` lines up to the `***    ` terminator. */
  #names(): string[] {
    const names: string[] = [];
    while (this.#at + 1 < this.lines.length) {
      const line = this.lines[this.#at + 1];
      if (!line.startsWith("***    ")) break;
      this.#at++;
      const name = line.slice(7);
      if (name === "") break;
      names.push(name);
    }
    return names;
  }

  #readNominal(line: string): void {
    const number = /^Iteration (\d+)$/.exec(line);
    if (!number) this.#fail(this.#at, `expected 'Iteration <n>', got '${line}'`);
    this.#expect("Running Nominal Pass");
    this.#expect("Variables:");
    const variables = this.#assignments(this.#variables.length, "variable");
    this.#iterations.push({
      iteration: Number(number[1]),
      variables,
      achieved: undefined,
      desired: this.#goals.map(() => NaN),
      tolerance: this.#goals.map(() => NaN),
      jacobian: undefined,
      inverse: undefined,
      nextScaled: undefined,
    });
  }

  /** A goals block; only the nominal one (with tolerances) is kept. */
  #readGoals(): void {
    const achieved: number[] = [];
    const desired: number[] = [];
    const tolerance: number[] = [];
    for (; this.#at < this.lines.length; this.#at++) {
      const line = this.lines[this.#at];
      const goal = GOAL_LINE.exec(line);
      if (goal) {
        desired.push(this.#number(goal[2]));
        achieved.push(this.#number(goal[3]));
      } else if (line.startsWith("   Tolerance: ")) {
        tolerance.push(this.#number(line.slice(14)));
      } else break;
    }
    const it = this.#iterations[this.#iterations.length - 1];
    if (tolerance.length === 0 || it === undefined || it.achieved !== undefined) return;
    if (achieved.length !== this.#goals.length || tolerance.length !== this.#goals.length) {
      this.#fail(this.#at, `expected ${this.#goals.length} goals with tolerances`);
    }
    it.achieved = achieved;
    it.desired = desired;
    it.tolerance = tolerance;
  }

  #readEstimates(): void {
    this.#current("estimates").nextScaled = this.#assignments(this.#variables.length, "estimate");
  }

  /** Rows of `   value` cells up to an empty line. */
  #matrix(): number[][] {
    const rows: number[][] = [];
    for (; this.#at < this.lines.length && this.lines[this.#at] !== ""; this.#at++) {
      rows.push(this.lines[this.#at].split("   ").slice(1).map((cell) => this.#number(cell)));
    }
    return rows;
  }

  /** `   name = value[; targeter scaled value: s]` lines, then the `   ` terminator. */
  #assignments(count: number, what: string): number[] {
    const values: number[] = [];
    for (let k = 0; k < count; k++) {
      const line = this.lines[this.#at] ?? "";
      const eq = line.indexOf(" = ");
      if (!line.startsWith("   ") || eq < 0) {
        this.#fail(
          this.#at + 1,
          `expected ${what} ${k + 1} of ${count} as 'name = value', got '${line}'`,
        );
      }
      const text = line.slice(eq + 3);
      const semi = text.indexOf(";");
      values.push(this.#number(semi < 0 ? text : text.slice(0, semi)));
      this.#at++;
    }
    if (this.lines[this.#at] === "   ") this.#at++;
    return values;
  }

  /** Skips a Debug `Command stream data` block (free text between two dash lines). */
  #skipDebug(): void {
    if (this.lines[this.#at] !== "Command stream data:") return;
    for (this.#at++; this.#at < this.lines.length; this.#at++) {
      if (this.lines[this.#at] === DASHES) {
        this.#at++;
        return;
      }
    }
  }

  #current(what: string): MutableIteration {
    const it = this.#iterations[this.#iterations.length - 1];
    if (it === undefined) this.#fail(this.#at, `${what} block before any 'Iteration' block`);
    return it;
  }

  #expect(text: string): void {
    const line = this.lines[this.#at];
    if (line !== text) {
      this.#fail(this.#at + 1, `expected '${text}', got '${line ?? "end of file"}'`);
    }
    this.#at++;
  }

  #number(text: string): number {
    const t = text.trim();
    if (t === "inf") return Infinity;
    if (t === "-inf") return -Infinity;
    if (t === "nan" || t === "-nan") return NaN;
    const value = t === "" ? NaN : Number(t);
    if (Number.isNaN(value)) this.#fail(this.#at + 1, `expected a number, got '${text}'`);
    return value;
  }

  #fail(line: number, detail: string): never {
    throw new OutputParseError(this.path, line, detail);
  }
}
