/**
 * The settings of a GMAT DifferentialCorrector run: the solver's own fields, the `Vary` variables
 * and the `Achieve` goals, with GMAT's defaults, GMAT's validation and GMAT's variable scaling.
 *
 * Defaults (R2026a `Solver.cpp`, `DifferentialCorrector.cpp`, `Vary.cpp`, `Achieve.cpp`):
 * MaximumIterations 25, DerivativeMethod ForwardDifference, Algorithm NewtonRaphson, SolveMode
 * Solve, ExitMode DiscardAndContinue; Vary Perturbation 0.001, Lower -9.999999e300, Upper
 * 9.999999e300, MaxStep 9.999999e300, AdditiveScaleFactor 0, MultiplicativeScaleFactor 1; Achieve
 * Tolerance 0.1.
 *
 * Scaling (`Vary::Execute`, "Eq. 13.5/13.6 of the Architecture document"): with `msf = 1 / M`,
 * the solver works on `(x + A) / msf`; perturbation and MaxStep become `p / msf`, the bounds
 * `(bound + A) / msf`; a solver value `s` is handed back as `s / M - A`. An initial value outside
 * the bounds is moved onto the nearer bound with GMAT's warning.
 *
 * @module
 */

import { fixed6, streamG } from "./_format.ts";
import { SolverError } from "./solver_error.ts";
import type { SolveMode } from "./solver_events.ts";

/** How GMAT's DC computes the Jacobian (`DerivativeMethod`). */
export type DerivativeMethod = "ForwardDifference" | "BackwardDifference" | "CentralDifference";

/** GMAT's DC update algorithm (`Algorithm`). */
export type DcAlgorithm = "NewtonRaphson" | "Broyden" | "ModifiedBroyden";

/** What a `Target` command does with the variables when it finishes (`ExitMode`). */
export type ExitMode = "DiscardAndContinue" | "SaveAndContinue" | "Stop";

/** The allowed `DerivativeMethod` values. */
export const DERIVATIVE_METHODS: readonly DerivativeMethod[] = [
  "ForwardDifference",
  "BackwardDifference",
  "CentralDifference",
];
/** The allowed `Algorithm` values. */
export const DC_ALGORITHMS: readonly DcAlgorithm[] = [
  "NewtonRaphson",
  "Broyden",
  "ModifiedBroyden",
];
/** The allowed `ExitMode` values. */
export const EXIT_MODES: readonly ExitMode[] = ["DiscardAndContinue", "SaveAndContinue", "Stop"];
/** The allowed `SolveMode` values. */
export const SOLVE_MODES: readonly SolveMode[] = ["Solve", "RunInitialGuess"];

/** A variable, as a `Vary` command defines it. */
export interface VaryDefinition {
  /** The varied parameter as the script names it, e.g. `TOI.Element1`. */
  readonly name: string;
  /** Initial guess (unscaled). */
  readonly initialValue: number;
  /** Finite-difference step (unscaled). @default {0.001} */
  readonly perturbation?: number;
  /** Lower bound. @default {-9.999999e300} */
  readonly lower?: number;
  /** Upper bound. @default {9.999999e300} */
  readonly upper?: number;
  /** Largest change per iteration. @default {9.999999e300} */
  readonly maxStep?: number;
  /** `AdditiveScaleFactor`. @default {0} */
  readonly additiveScaleFactor?: number;
  /** `MultiplicativeScaleFactor`. @default {1} */
  readonly multiplicativeScaleFactor?: number;
}

/** A goal, as an `Achieve` command defines it. */
export interface AchieveDefinition {
  /** The achieved parameter as the script names it, e.g. `Sat.Earth.RMAG`. */
  readonly name: string;
  /** The desired value. */
  readonly value: number;
  /** Convergence tolerance on `|achieved - desired|`. @default {0.1} */
  readonly tolerance?: number;
}

/** A variable in the solver's scaled space. */
export interface ScaledVariable {
  readonly name: string;
  /** Initial value after clamping to the bounds, unscaled. */
  readonly initialValue: number;
  readonly initial: number;
  readonly perturbation: number;
  readonly min: number;
  readonly max: number;
  readonly maxStep: number;
  readonly additive: number;
  readonly multiplicative: number;
}

/** GMAT's default bound and MaxStep magnitude (`Vary.cpp`). */
export const VARY_UNBOUNDED = 9.999999e300;

/**
 * Checks a `Vary` definition and converts it to the solver's scaled space, as `Vary::Execute` and
 * `Solver::SetSolverVariables` do.
 *
 * @param solver Name of the solver, for messages.
 * @param def The variable.
 * @param warn Receives GMAT's warning when the initial value is moved onto a bound.
 * @returns The scaled variable.
 * @throws {SolverError} `SOLVER_CONFIG` for a value GMAT refuses.
 */
export function scaleVariable(
  solver: string,
  def: VaryDefinition,
  warn: (text: string) => void,
): ScaledVariable {
  const pert = def.perturbation ?? 0.001;
  let min = def.lower ?? -VARY_UNBOUNDED;
  let max = def.upper ?? VARY_UNBOUNDED;
  const step = def.maxStep ?? VARY_UNBOUNDED;
  const additive = def.additiveScaleFactor ?? 0.0;
  const multiplicative = def.multiplicativeScaleFactor ?? 1.0;
  for (
    const [field, value] of Object.entries({
      InitialValue: def.initialValue,
      Perturbation: pert,
      Lower: min,
      Upper: max,
      MaxStep: step,
      AdditiveScaleFactor: additive,
      MultiplicativeScaleFactor: multiplicative,
    })
  ) {
    if (Number.isNaN(value)) {
      throw new SolverError(
        "SOLVER_CONFIG",
        solver,
        `The ${field} of the Vary command for ${def.name} on ${solver} is not a number; ` +
          "give it a real value",
      );
    }
  }
  const msf = 1.0 / multiplicative;
  if (msf <= 0.0) {
    throw new SolverError(
      "SOLVER_CONFIG",
      solver,
      "Error in the Vary command; The multiplicative scale factor has the value " +
        `${streamG(multiplicative, 6)}, but multiplicative scale factors must be greater than 0 ` +
        `(Vary ${solver}(${def.name} = ...)); set MultiplicativeScaleFactor to a positive value`,
    );
  }
  let initialValue = def.initialValue;
  if (initialValue < min) {
    warn(
      `*** Warning*** Initial variable value ${fixed6(initialValue)} is lower than lower bound ` +
        `(${fixed6(min)}). It will be adjusted to the lower bound.\n`,
    );
    initialValue = min;
  }
  if (initialValue > max) {
    warn(
      `*** Warning*** Initial variable value ${fixed6(initialValue)} is greater than upper ` +
        `bound (${fixed6(max)}). It will be adjusted to the upper bound.\n`,
    );
    initialValue = max;
  }
  min = (min + additive) / msf;
  max = (max + additive) / msf;
  if (min >= max) {
    throw new SolverError(
      "SOLVER_CONFIG",
      solver,
      `Minimum allowed variable value (received ${streamG(min, 6)}) must be less than maximum ` +
        `(received ${streamG(max, 6)}) for ${def.name} on ${solver}; make Lower smaller than Upper`,
    );
  }
  const maxStep = step / msf;
  if (maxStep <= 0.0) {
    throw new SolverError(
      "SOLVER_CONFIG",
      solver,
      `Largest allowed step must be positive! (received ${streamG(maxStep, 6)}) for ${def.name} ` +
        `on ${solver}; set MaxStep to a positive value`,
    );
  }
  return {
    name: def.name,
    initialValue,
    initial: (initialValue + additive) / msf,
    perturbation: pert / msf,
    min,
    max,
    maxStep,
    additive,
    multiplicative,
  };
}

/** A scaled solver value back in the variable's units (`Vary::Execute`). */
export function unscale(v: ScaledVariable, scaled: number): number {
  return scaled / v.multiplicative - v.additive;
}

/**
 * Checks an `Achieve` definition as `Achieve::Execute` does.
 *
 * @param solver Name of the solver, for messages.
 * @param def The goal.
 * @returns The tolerance to use.
 * @throws {SolverError} `SOLVER_CONFIG` for a tolerance that is not positive or a NaN value.
 */
export function checkGoal(solver: string, def: AchieveDefinition): number {
  const tolerance = def.tolerance ?? 0.1;
  if (Number.isNaN(def.value)) {
    throw new SolverError(
      "SOLVER_CONFIG",
      solver,
      `The desired value of the Achieve command for ${def.name} on ${solver} is not a number; ` +
        "give it a real value",
    );
  }
  if (!(tolerance > 0.0)) {
    throw new SolverError(
      "SOLVER_CONFIG",
      solver,
      `The value of "${streamG(tolerance, 16)}" for field "Tolerance" of the Achieve command for ` +
        `${def.name} on ${solver} is not an allowed value. The allowed values are: [Real Number, ` +
        "Array element, Variable, or Parameter > 0.0]",
    );
  }
  return tolerance;
}

/**
 * Checks a setting against its allowed values, with GMAT's wording.
 *
 * @throws {SolverError} `SOLVER_CONFIG` naming the allowed values.
 */
export function checkChoice<T extends string>(
  solver: string,
  field: string,
  value: string,
  allowed: readonly T[],
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new SolverError(
    "SOLVER_CONFIG",
    solver,
    `The value of "${value}" for field "${field}" on object "${solver}" is not an allowed value. ` +
      `The allowed values are: [${allowed.join(" ")}]`,
  );
}

/**
 * Checks `MaximumIterations` as `Solver::SetIntegerParameter` does.
 *
 * @throws {SolverError} `SOLVER_CONFIG` unless an integer > 0.
 */
export function checkMaxIterations(solver: string, value: number): number {
  if (Number.isInteger(value) && value > 0) return value;
  throw new SolverError(
    "SOLVER_CONFIG",
    solver,
    `The value entered for the maximum iterations on ${solver} is not an allowed value ` +
      `(received ${value}). The allowed value is: [Integer > 0].`,
  );
}
