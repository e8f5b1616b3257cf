/**
 * Reads GMAT's Yukon optimizer log (the solver's text file, e.g. `YukonYukon1.data`) into one
 * record per nominal pass, and flattens it into gmat-run's `solver_runs` table for an optimizer:
 * `iteration`, `function_evaluation`, one column per variable, `cost`, one `<constraint>_residual`
 * per constraint (GMAT's `Delta <name>`), then `status` (`running` on every row but the last,
 * which carries the run's: `converged` after GMAT's `*** The Optimizer Converged!`, `max_iter`
 * after `did not converge in N iterations` with `Maximum number of iterations exceeded`, else
 * `failed`).
 *
 * Layout (GMAT R2026a): a starred header (`*** Performing Yukon Optimization (using "Yukon1")`,
 * `*** 2 variables; 0 equality constraints; 1 inequality constraints`, `Variables:  X1, X2`,
 * `Inequality Constraints:  G`), then per pass `Yukon1 Iteration N; Function Evaluation M;
 * Nominal Pass`, `Variables:  X1 = 0, X2 = 0`, `Cost Function Value: 8`, the optimizer's state,
 * and `Delta G = -8` lines under the constraint variances; then `*** Optimization Completed in N
 * iterations and M function evaluations` or `*** Optimization did not converge in N iterations`.
 *
 * @module
 */

import { splitLines } from "../formats/line_ending.ts";
import { OutputParseError } from "../formats/output_parse_error.ts";
import type { SolverColumnType, SolverRunTable } from "./solver_report_parser.ts";

/** One nominal pass of a Yukon run. */
export interface YukonPassRecord {
  /** GMAT's iteration number (repeats while a line search evaluates). */
  readonly iteration: number;
  /** The function evaluation count. */
  readonly functionEvaluation: number;
  /** Variable values, in the header's order. */
  readonly variables: readonly number[];
  /** The cost function value. */
  readonly cost: number;
  /** `Delta <constraint>` values, in the header's constraint order (NaN when missing). */
  readonly residuals: readonly number[];
}

/** How a Yukon run ended. */
export type YukonRunStatus = "converged" | "max_iter" | "failed";

/** A Yukon log, read. */
export interface YukonLogFile {
  readonly solverType: "Yukon";
  /** The optimizer's name (`Yukon1`). */
  readonly name: string;
  readonly variableNames: readonly string[];
  /** Equality then inequality constraint names. */
  readonly constraintNames: readonly string[];
  readonly passes: readonly YukonPassRecord[];
  /** GMAT's iteration count from the closing line, when present. */
  readonly iterationsTaken: number | undefined;
  readonly status: YukonRunStatus;
  readonly converged: boolean;
}

const PASS = /^(\S+) Iteration (\d+); Function Evaluation (\d+); Nominal Pass$/;
const NAMES = (line: string, label: string): string[] | undefined => {
  const m = new RegExp(`^\\s*${label}:\\s*(.*)$`).exec(line);
  return m ? m[1].split(",").map((s) => s.trim()).filter((s) => s !== "") : undefined;
};

/**
 * Parse the text of a Yukon optimizer log.
 *
 * @param text The file's text.
 * @param path Path used in error messages.
 * @returns The log's passes and outcome.
 * @throws {OutputParseError} `OUTPUT_PARSE` when the text is not such a log, or a number is bad.
 *
 * @example
 * ```ts
 * import { parseYukonLog } from "./yukon_log_parser.ts";
 * const log = parseYukonLog([
 *   '*** Performing Yukon Optimization (using "Y")',
 *   "   Variables:  X",
 *   "Y Iteration 0; Function Evaluation 1; Nominal Pass",
 *   "   Variables:  X = 1",
 *   "   Cost Function Value: 4",
 *   "*** Optimization Completed in 0 iterations and 1 function evaluations",
 *   "*** The Optimizer Converged!",
 * ].join("\n"));
 * console.log(log.status, log.passes[0].cost); // converged 4
 * ```
 */
export function parseYukonLog(text: string, path = "Yukon log"): YukonLogFile {
  const lines = splitLines(text);
  let name = "";
  let variableNames: string[] = [];
  let equality: string[] = [];
  let inequality: string[] = [];
  let header = false;
  const passes: {
    iteration: number;
    functionEvaluation: number;
    variables: number[];
    cost: number;
    residuals: Map<string, number>;
  }[] = [];
  let iterationsTaken: number | undefined;
  let converged = false;
  let maxIterations = false;
  const num = (s: string, line: number): number => {
    const x = Number(s);
    if (s.trim() === "" || !Number.isFinite(x) && !/^[+-]?(nan|inf)/i.test(s)) {
      throw new OutputParseError(path, line, `expected a number, got '${s}'`);
    }
    return x;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const using = /^\*\*\* Performing Yukon Optimization \(using "(.+)"\)$/.exec(line);
    if (using) {
      header = true;
      name = using[1];
      continue;
    }
    const pass = PASS.exec(line);
    if (pass) {
      name ||= pass[1];
      passes.push({
        iteration: Number(pass[2]),
        functionEvaluation: Number(pass[3]),
        variables: [],
        cost: NaN,
        residuals: new Map(),
      });
      continue;
    }
    const current = passes[passes.length - 1];
    if (current === undefined) {
      variableNames = NAMES(line, "Variables") ?? variableNames;
      equality = NAMES(line, "Equality Constraints") ?? equality;
      inequality = NAMES(line, "Inequality Constraints") ?? inequality;
      continue;
    }
    const values = /^\s+Variables:\s+(.*)$/.exec(line);
    if (values) {
      current.variables = values[1].split(",").map((kv) => num(kv.split("=")[1] ?? "", i + 1));
      continue;
    }
    const cost = /^\s+Cost Function Value:\s*(\S+)$/.exec(line);
    if (cost) {
      current.cost = num(cost[1], i + 1);
      continue;
    }
    const delta = /^\s+Delta (.+?) = (\S+)$/.exec(line);
    if (delta) {
      current.residuals.set(delta[1], num(delta[2], i + 1));
      continue;
    }
    const done = /^\*\*\* Optimization (?:Completed in|did not converge in) (\d+) iterations/.exec(
      line,
    );
    if (done) iterationsTaken = Number(done[1]);
    if (line === "*** The Optimizer Converged!") converged = true;
    if (/Maximum number of iterations exceeded/.test(line)) maxIterations = true;
  }
  if (!header && passes.length === 0) {
    throw new OutputParseError(
      path,
      undefined,
      "not a GMAT Yukon log: no '*** Performing Yukon Optimization' header and no nominal pass",
    );
  }
  const constraintNames = [...equality, ...inequality];
  return {
    solverType: "Yukon",
    name,
    variableNames,
    constraintNames,
    passes: passes.map((p) => ({
      iteration: p.iteration,
      functionEvaluation: p.functionEvaluation,
      variables: p.variables,
      cost: p.cost,
      residuals: constraintNames.map((c) => p.residuals.get(c) ?? NaN),
    })),
    iterationsTaken,
    status: converged ? "converged" : maxIterations ? "max_iter" : "failed",
    converged,
  };
}

/**
 * The log as gmat-run's optimizer table: `iteration`, `function_evaluation`, the variables,
 * `cost`, `<constraint>_residual` per constraint, then `status`.
 *
 * @param log A parsed log.
 * @returns Columns, their types and one row per nominal pass.
 */
export function yukonRunTable(log: YukonLogFile): SolverRunTable {
  const columns = [
    "iteration",
    "function_evaluation",
    ...log.variableNames,
    "cost",
    ...log.constraintNames.map((c) => `${c}_residual`),
    "status",
  ];
  const columnTypes: SolverColumnType[] = [
    "int",
    "int",
    ...log.variableNames.map(() => "float" as const),
    "float",
    ...log.constraintNames.map(() => "float" as const),
    "string",
  ];
  const last = log.passes.length - 1;
  const rows = log.passes.map((p, k) => [
    p.iteration,
    p.functionEvaluation,
    ...log.variableNames.map((_, v) => p.variables[v] ?? NaN),
    p.cost,
    ...p.residuals,
    k === last ? log.status : "running",
  ]);
  return { columns, columnTypes, rows };
}
