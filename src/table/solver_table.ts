/**
 * A GMAT DifferentialCorrector log (`DifferentialCorrector<Name>.data`) as an Arrow table: one
 * row per nominal pass, gmat-run's `solver_runs` columns: `iteration` (int64), one float64 column
 * per `Vary` variable, per goal `<goal>` (achieved), `<goal>_desired`, `<goal>_residual`
 * (achieved - desired), `<goal>_tolerance`, then `status` (`running` on every row but the last,
 * which carries the run's: `converged`, `max_iter`, `failed` or `initial_guess`) and `converged`
 * (int64 per row: 1 when every goal is within its tolerance on that pass, else 0; an integer
 * rather than a bool so runs stitch like every other column). Schema metadata `gmat.output`
 * records the solver's name, mode, the variable and goal names, the iteration count and whether
 * the run converged.
 *
 * @module
 */

import { basename } from "node:path";
import type * as arrow from "npm:apache-arrow@21.2.0";
import type { DcReportFile, SolverRunTable, YukonLogFile } from "../solvers/mod.ts";
import { solverRunTable, yukonRunTable } from "../solvers/mod.ts";
import { type Column, float64Column, int64Column, tableOf, utf8Column } from "./_arrow_build.ts";
import { OUTPUT_METADATA_KEY } from "./report_table.ts";

/**
 * The table of a parsed DifferentialCorrector log.
 *
 * @param report The parsed log ({@link parseSolverReport}).
 * @param source The log's path (its base name goes in the metadata).
 * @param name The solver's resource name.
 * @returns One row per nominal pass.
 *
 * @example
 * ```ts ignore
 * import { parseSolverReport } from "../solvers/mod.ts";
 * const report = parseSolverReport(await Deno.readTextFile("DifferentialCorrectorDC.data"));
 * const table = solverTable(report, "DifferentialCorrectorDC.data", "DC");
 * console.log(table.getChild("iteration")?.length);
 * ```
 */
export function solverTable(report: DcReportFile, source: string, name: string): arrow.Table {
  return flatTable(solverRunTable(report), report.iterations.map((it) => it.converged), {
    kind: "solver",
    name,
    format: "DifferentialCorrector",
    file: basename(source),
    solver_mode: report.solverMode,
    variables: report.variableNames,
    goals: report.goalNames,
    iterations: report.iterations.length,
    status: report.status,
    converged: report.converged,
  });
}

/**
 * The table of a parsed Yukon optimizer log: `iteration`, `function_evaluation`, the variables,
 * `cost`, `<constraint>_residual`, `status`, and `converged` (1 on the last pass of a run GMAT
 * declared converged, else 0).
 *
 * @param log The parsed log ({@link parseYukonLog}).
 * @param source The log's path (its base name goes in the metadata).
 * @param name The optimizer's resource name.
 * @returns One row per nominal pass.
 */
export function yukonTable(log: YukonLogFile, source: string, name: string): arrow.Table {
  const last = log.passes.length - 1;
  return flatTable(yukonRunTable(log), log.passes.map((_, k) => k === last && log.converged), {
    kind: "solver",
    name,
    format: "Yukon",
    file: basename(source),
    variables: log.variableNames,
    constraints: log.constraintNames,
    iterations: log.iterationsTaken ?? null,
    function_evaluations: log.passes.length,
    status: log.status,
    converged: log.converged,
  });
}

function flatTable(
  flat: SolverRunTable,
  converged: readonly boolean[],
  description: Record<string, unknown>,
): arrow.Table {
  const columns: Column[] = flat.columns.map((col, c) => {
    switch (flat.columnTypes[c]) {
      case "int":
        return int64Column(col, BigInt64Array.from(flat.rows, (r) => BigInt(r[c])));
      case "float":
        return float64Column(col, Float64Array.from(flat.rows, (r) => Number(r[c])));
      default:
        return utf8Column(col, flat.rows.map((r) => String(r[c])));
    }
  });
  columns.push(int64Column("converged", BigInt64Array.from(converged, (c) => (c ? 1n : 0n))));
  return tableOf(columns, new Map([[OUTPUT_METADATA_KEY, JSON.stringify(description)]]));
}
