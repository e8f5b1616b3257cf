/**
 * GMAT's solvers for the built-in engine: the DifferentialCorrector as a state machine the
 * `Target` command drives pass by pass, the solver report file and console progress text it
 * writes as GMAT R2026a writes them, and a reader of those report files.
 *
 * @example Driving a differential corrector
 * ```ts
 * import { DifferentialCorrector, SolverReportWriter, StringSink } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const file = new StringSink();
 * const dc = new DifferentialCorrector({
 *   name: "DC",
 *   variables: [{ name: "x", initialValue: 1, perturbation: 1e-6, maxStep: 0.5 }],
 *   goals: [{ name: "y", value: 2, tolerance: 1e-9 }],
 *   listeners: [new SolverReportWriter(file)],
 * });
 * for (let pass = dc.next(); pass.kind !== "done"; pass = dc.next()) {
 *   // run the Target body with pass.values, then hand back the Achieve values
 *   dc.report([pass.values[0] ** 2]);
 * }
 * assert.equal(dc.result?.status, "converged");
 * assert.ok(file.text.startsWith("*".repeat(56) + "\n*** Targeter Text File\n"));
 * ```
 *
 * @module
 */

export {
  DifferentialCorrector,
  type DifferentialCorrectorOptions,
  type GoalUpdate,
  type PassKind,
  type SolverDone,
  type SolverPass,
  type SolverStatus,
} from "./differential_corrector.ts";
export {
  type AchieveDefinition,
  DC_ALGORITHMS,
  type DcAlgorithm,
  DERIVATIVE_METHODS,
  type DerivativeMethod,
  EXIT_MODES,
  type ExitMode,
  SOLVE_MODES,
  VARY_UNBOUNDED,
  type VaryDefinition,
} from "./dc_settings.ts";
export type {
  DcProgressRecord,
  DcReportRecord,
  SolveMode,
  SolverListener,
} from "./solver_events.ts";
export { SolverError, type SolverErrorCode } from "./solver_error.ts";
export { GMAT_INVERSE_ZERO, gmatInverse, gmatPseudoinverse, type Matrix } from "./gmat_matrix.ts";
export {
  defaultReportFileName,
  renderReportRecord,
  REPORT_STYLES,
  type ReportStyle,
  SolverReportWriter,
  type SolverReportWriterOptions,
  StringSink,
  type TextSink,
} from "./solver_report.ts";
export {
  renderProgressRecord,
  SolverProgressWriter,
  type SolverProgressWriterOptions,
} from "./solver_progress.ts";
export {
  type DcIterationRecord,
  type DcReportFile,
  type DcRunStatus,
  parseSolverReport,
  type ParseSolverReportOptions,
  type SolverColumnType,
  type SolverRunTable,
  solverRunTable,
} from "./solver_report_parser.ts";
export {
  parseYukonLog,
  type YukonLogFile,
  type YukonPassRecord,
  type YukonRunStatus,
  yukonRunTable,
} from "./yukon_log_parser.ts";
