/**
 * The public types of the differential corrector: its options, the passes it hands out and the
 * end of a run.
 *
 * @module
 */

import type { SolveMode, SolverListener } from "./solver_events.ts";
import type {
  AchieveDefinition,
  DcAlgorithm,
  DerivativeMethod,
  ExitMode,
  VaryDefinition,
} from "./dc_settings.ts";

/** Settings, variables and goals of a `DifferentialCorrector`. */
export interface DifferentialCorrectorOptions {
  /** The solver's name (`DC` in `Create DifferentialCorrector DC`). @default {"DC"} */
  readonly name?: string;
  /** The `Vary` commands of the Target body, in order. */
  readonly variables: readonly VaryDefinition[];
  /** The `Achieve` commands of the Target body, in order. */
  readonly goals: readonly AchieveDefinition[];
  /** `MaximumIterations`. @default {25} */
  readonly maxIterations?: number;
  /** `DerivativeMethod`. @default {"ForwardDifference"} */
  readonly derivativeMethod?: DerivativeMethod;
  /** `Algorithm`. @default {"NewtonRaphson"} */
  readonly algorithm?: DcAlgorithm;
  /** The Target command's `SolveMode`. @default {"Solve"} */
  readonly solveMode?: SolveMode;
  /** The Target command's `ExitMode`. @default {"DiscardAndContinue"} */
  readonly exitMode?: ExitMode;
  /** Receivers of report records, progress records and messages (e.g. a report writer). */
  readonly listeners?: readonly SolverListener[];
}

/** What a pass is for. */
export type PassKind = "nominal" | "perturbation" | "final";

/** A run of the Target body that the caller must perform. */
export interface SolverPass {
  readonly kind: PassKind;
  /** Unscaled variable values to assign (what each `Vary` command sets), in `Vary` order. */
  readonly values: readonly number[];
  /** The solver's scaled values. */
  readonly scaled: readonly number[];
  /** 1-based iteration the pass belongs to (`Iteration N` in the report). */
  readonly iteration: number;
  /** 1-based count of passes so far, this one included. */
  readonly pass: number;
  /** Index of the perturbed variable (perturbation passes only). */
  readonly perturbed: number | undefined;
}

/** How a run ended. */
export type SolverStatus = "converged" | "exceededIterations" | "initialGuess";

/** The end of a run: returned by `next()` once the final pass is reported. */
export interface SolverDone {
  readonly kind: "done";
  readonly status: SolverStatus;
  readonly converged: boolean;
  /** Unscaled variable values of the final pass. */
  readonly values: readonly number[];
  readonly scaled: readonly number[];
  /** Goals achieved in the last nominal pass. */
  readonly achieved: readonly number[];
  /** Iterations taken, as in `Targeting Completed in N iterations`. */
  readonly iterations: number;
  /** Passes run, the final pass included. */
  readonly passes: number;
}

/** Optional updates of floating goals sent with a nominal pass's results. */
export interface GoalUpdate {
  /** New desired values (an `Achieve` whose value is an expression); used on nominal passes. */
  readonly desired?: readonly number[];
  /** New tolerances; used on nominal passes. */
  readonly tolerance?: readonly number[];
}
