/**
 * GMAT's DifferentialCorrector (R2026a `DifferentialCorrector.cpp` with `Solver.cpp`, driven the
 * way `Target.cpp` drives it) as a state machine its caller drives one pass at a time: the caller
 * asks {@linkcode DifferentialCorrector.next} for a pass, runs the `Target` body once with the
 * pass's variable values, and hands the achieved goal values to
 * {@linkcode DifferentialCorrector.report}.
 *
 * Pass sequence (SolveMode `Solve`): a nominal pass; if a goal misses its tolerance and this is
 * not the `MaximumIterations`-th iteration, one perturbation pass per variable (two per
 * variable with CentralDifference; none after the first iteration with Broyden and
 * ModifiedBroyden), then the Jacobian, its inverse and the Newton step, scaled down as a whole so
 * that no variable moves more than its MaxStep, then clamped to the bounds; then the next nominal
 * pass. Convergence: every goal has `|achieved - desired| <= tolerance` after a nominal pass.
 * When the iteration that just ended is the `MaximumIterations`-th, GMAT prints "Differential
 * corrector DC has exceeded the maximum number of allowed iterations." (even if it converged) and
 * stops. Either way one final pass runs with the last nominal values. The Hohmann battery case
 * takes 10 iterations: 10 nominal + 9 x 2 perturbation + 1 final = 29 passes.
 *
 * Perturbations: forward `x + p` (backward `x - p`); if that is above Upper or below Lower it
 * becomes `x - p` (GMAT subtracts `2p`, and subtracts `2p` again if the result is then below
 * Lower, which also happens to a backward step below Lower); the Jacobian divides by `±p`
 * whatever the step taken. Central differencing applies `x + p` and `x - p` even outside the
 * bounds, with GMAT's warning.
 *
 * RunInitialGuess runs one nominal pass and the final pass without solving. Goal values that are
 * NaN or infinite stop targeting (`SOLVER_GOAL_VALUE`); a singular Jacobian stops it too
 * (`SOLVER_SINGULAR`). `ExitMode = Stop` interrupts the mission once the solver is done
 * (`SOLVER_STOPPED`).
 *
 * @module
 */

import {
  broydenJacobian,
  finiteDifferenceJacobian,
  limitedNewtonStep,
  modifiedBroydenInverse,
} from "./dc_math.ts";
import { gmatInverse, gmatPseudoinverse } from "./gmat_matrix.ts";
import { SolverError } from "./solver_error.ts";
import type {
  DcProgressRecord,
  DcReportRecord,
  SolveMode,
  SolverListener,
} from "./solver_events.ts";
import {
  checkChoice,
  checkGoal,
  checkMaxIterations,
  DC_ALGORITHMS,
  type DcAlgorithm,
  DERIVATIVE_METHODS,
  type DerivativeMethod,
  EXIT_MODES,
  type ExitMode,
  type ScaledVariable,
  scaleVariable,
  SOLVE_MODES,
  unscale,
  type VaryDefinition,
} from "./dc_settings.ts";
import type {
  DifferentialCorrectorOptions,
  GoalUpdate,
  PassKind,
  SolverDone,
  SolverPass,
  SolverStatus,
} from "./dc_types.ts";

export type {
  DifferentialCorrectorOptions,
  GoalUpdate,
  PassKind,
  SolverDone,
  SolverPass,
  SolverStatus,
} from "./dc_types.ts";

type State =
  | "INITIALIZING"
  | "NOMINAL"
  | "PERTURBING"
  | "CALCULATING"
  | "CHECKINGRUN"
  | "FINISHED"
  | "DONE"
  | "FAILED";

/**
 * GMAT's differential corrector, driven pass by pass.
 *
 * @example Driving loop
 * ```ts
 * import { DifferentialCorrector } from "./differential_corrector.ts";
 * import assert from "node:assert/strict";
 *
 * // find x with x^2 = 2, starting at 1
 * const dc = new DifferentialCorrector({
 *   variables: [{ name: "x", initialValue: 1, perturbation: 1e-6 }],
 *   goals: [{ name: "y", value: 2, tolerance: 1e-9 }],
 * });
 * let pass = dc.next();
 * while (pass.kind !== "done") {
 *   const [x] = pass.values;
 *   dc.report([x * x]);
 *   pass = dc.next();
 * }
 * assert.equal(pass.status, "converged");
 * assert.ok(Math.abs(pass.values[0] - Math.SQRT2) < 1e-9);
 * ```
 */
export class DifferentialCorrector {
  /** The solver's name. */
  readonly name: string;
  /** `MaximumIterations`. */
  readonly maxIterations: number;
  /** `DerivativeMethod`. */
  readonly derivativeMethod: DerivativeMethod;
  /** `Algorithm`. */
  readonly algorithm: DcAlgorithm;
  /** The Target command's `SolveMode`. */
  readonly solveMode: SolveMode;
  /** The Target command's `ExitMode`. */
  readonly exitMode: ExitMode;
  /** `Vary` parameter names. */
  readonly variableNames: readonly string[];
  /** `Achieve` parameter names. */
  readonly goalNames: readonly string[];

  #defs: readonly VaryDefinition[];
  #vars: ScaledVariable[];
  #listeners: readonly SolverListener[];
  #warnings: string[] = [];
  #variable: number[];
  #unscaled: number[];
  #pertDirection: number[];
  #goal: number[];
  #tolerance: number[];
  #nominal: number[];
  #achieved: number[][];
  #backAchieved: number[][];
  #jacobian: number[][];
  #inverse: number[][];
  #savedNominal: number[] = [];
  #savedVariable: number[] = [];
  #savedJacobian: number[][] = [];
  #savedInverse: number[][] = [];
  #state: State = "INITIALIZING";
  #iterationsTaken = 0;
  #lastNominalIteration = 0;
  #pertNumber = -1;
  #lastUnperturbed = 0;
  #firstPert = true;
  #incrementPert = true;
  #skipPerts = false;
  #status: SolverStatus | undefined;
  #pending: PassKind | undefined;
  #passes = 0;
  #hasFired = false;
  #debugString = "";
  #result: SolverDone | undefined;

  /**
   * Sets up a run, checking every setting as GMAT does.
   *
   * @param options Settings, variables, goals and listeners.
   * @throws {SolverError} `SOLVER_CONFIG` for a value GMAT refuses.
   */
  constructor(options: DifferentialCorrectorOptions) {
    const name = options.name ?? "DC";
    this.name = name;
    this.maxIterations = checkMaxIterations(name, options.maxIterations ?? 25);
    this.derivativeMethod = checkChoice(
      name,
      "DerivativeMethod",
      options.derivativeMethod ?? "ForwardDifference",
      DERIVATIVE_METHODS,
    );
    this.algorithm = checkChoice(name, "Algorithm", options.algorithm ?? "NewtonRaphson", [
      ...DC_ALGORITHMS,
    ]);
    this.solveMode = checkChoice(name, "SolveMode", options.solveMode ?? "Solve", SOLVE_MODES);
    this.exitMode = checkChoice(
      name,
      "ExitMode",
      options.exitMode ?? "DiscardAndContinue",
      EXIT_MODES,
    );
    if (options.variables.length === 0 || options.goals.length === 0) {
      throw new SolverError(
        "SOLVER_CONFIG",
        name,
        `Targeter cannot initialize: No goals or variables are set (${name} has ` +
          `${options.variables.length} Vary and ${options.goals.length} Achieve commands); ` +
          "put at least one of each in the Target body",
      );
    }
    this.#defs = options.variables;
    this.#vars = options.variables.map((v) =>
      scaleVariable(name, v, (t) => this.#warnings.push(t))
    );
    this.#tolerance = options.goals.map((g) => checkGoal(name, g));
    this.#goal = options.goals.map((g) => g.value);
    this.variableNames = this.#vars.map((v) => v.name);
    this.goalNames = options.goals.map((g) => g.name);
    this.#listeners = options.listeners ?? [];
    const n = this.#vars.length;
    const m = this.#goal.length;
    this.#variable = this.#vars.map((v) => v.initial);
    this.#unscaled = this.#vars.map((v) => v.initialValue);
    this.#pertDirection = new Array<number>(n).fill(1.0);
    this.#nominal = this.#goal.map((g, i) => g + 10.0 * this.#tolerance[i]);
    this.#achieved = matrix(n, m);
    this.#backAchieved = matrix(n, m);
    this.#jacobian = matrix(n, m);
    this.#inverse = matrix(m, n);
  }

  /** Passes handed out so far in this run. */
  get passes(): number {
    return this.#passes;
  }

  /** The end of the run, once `next()` has returned it (also when ExitMode = Stop threw). */
  get result(): SolverDone | undefined {
    return this.#result;
  }

  /**
   * Sets the text the Debug report style writes as "Command stream data" in perturbation blocks
   * (GMAT: each spacecraft's generating string followed by `---`).
   */
  setDebugString(text: string): void {
    this.#debugString = text;
  }

  /**
   * Advances the state machine to the next pass the caller must run, or to the end of the run.
   *
   * @returns The pass to run (then call `report`), or the run's end.
   * @throws {SolverError} `SOLVER_USAGE` when the previous pass is not reported yet or the run
   *   failed; `SOLVER_SINGULAR` when the Jacobian cannot be inverted; `SOLVER_STOPPED` at the end
   *   of a run with ExitMode = Stop.
   */
  next(): SolverPass | SolverDone {
    this.#usable();
    if (this.#pending !== undefined) {
      throw this.#usage(
        `the ${this.#pending} pass handed out last has not been reported; call report() with ` +
          "its achieved goal values before asking for the next pass",
      );
    }
    for (;;) {
      switch (this.#state) {
        case "INITIALIZING":
          this.#initialize();
          break;
        case "NOMINAL":
          return this.#issue("nominal");
        case "CHECKINGRUN":
          this.#checkCompletion();
          break;
        case "PERTURBING":
          return this.#issue("perturbation");
        case "CALCULATING":
          this.#guard(() => this.#calculateParameters());
          break;
        case "FINISHED":
          return this.#issue("final");
        default:
          return this.#done();
      }
    }
  }

  /**
   * Hands over the goal values achieved in the pass `next()` returned last, in `Achieve` order.
   *
   * @param achieved One value per goal.
   * @param update Floating goal values, applied on nominal passes only (as GMAT does).
   * @throws {SolverError} `SOLVER_USAGE` when no pass is pending or the count is wrong;
   *   `SOLVER_GOAL_VALUE` when a value is NaN or infinite (targeting stops).
   */
  report(achieved: readonly number[], update: GoalUpdate = {}): void {
    this.#usable();
    const kind = this.#pending;
    if (kind === undefined) {
      throw this.#usage("no pass is pending; call next() and run the pass it returns first");
    }
    this.#checkLength("achieved goal values", achieved.length);
    achieved.forEach((value, i) => this.#checkValue(i, value));
    this.#pending = undefined;
    if (kind === "nominal") {
      if (update.desired) {
        this.#checkLength("desired goal values", update.desired.length);
        this.#goal = [...update.desired];
      }
      if (update.tolerance) {
        this.#checkLength("goal tolerances", update.tolerance.length);
        this.#tolerance = [...update.tolerance];
      }
      this.#nominal = [...achieved];
      this.#afterNominal();
    } else if (kind === "perturbation") {
      const row = this.#firstPert ? this.#achieved : this.#backAchieved;
      row[this.#pertNumber] = [...achieved];
      const p = this.#pertNumber;
      this.#progress({
        kind: "perturbation",
        iteration: this.#iterationsTaken,
        pertNumber: p,
        variableName: this.variableNames[p],
        value: this.#unscaled[p],
        scaled: this.#variable[p],
      });
      this.#runPerturbation();
    } else {
      this.#runComplete();
    }
  }

  /**
   * Prepares the solver for another run of its Target command (a Target inside a loop).
   * DiscardAndContinue and Stop start again from the initial values (`initialValues` replaces
   * them, e.g. when a Vary's initial value is a Variable that changed); SaveAndContinue starts
   * from the last solution.
   *
   * @param initialValues New unscaled initial values, in `Vary` order.
   * @throws {SolverError} `SOLVER_USAGE` while a run is in progress.
   */
  restart(initialValues?: readonly number[]): void {
    if (this.#state !== "DONE" && this.#state !== "INITIALIZING") {
      throw this.#usage("a run is in progress; finish it (next() returns done) before restart()");
    }
    if (initialValues && initialValues.length !== this.#vars.length) {
      throw this.#usage(
        `restart() got ${initialValues.length} initial values for ${this.#vars.length} variables`,
      );
    }
    if (initialValues) {
      this.#vars = this.#defs.map((def, i) =>
        scaleVariable(this.name, { ...def, initialValue: initialValues[i] }, (t) => this.#say(t))
      );
    }
    if (!(this.exitMode === "SaveAndContinue" && this.#hasFired)) {
      this.#variable = this.#vars.map((v) => v.initial);
    }
    this.#state = "INITIALIZING";
    this.#nominal = this.#goal.map((g, i) => g + 10.0 * this.#tolerance[i]);
    this.#skipPerts = false;
    this.#iterationsTaken = 0;
    this.#passes = 0;
    this.#status = undefined;
    this.#result = undefined;
  }

  // ---- GMAT's state machine ---------------------------------------------------------------

  /** AdvanceState in INITIALIZING: the header, then CompleteInitialization. */
  #initialize(): void {
    for (const text of this.#warnings.splice(0)) this.#say(text);
    this.#iterationsTaken = 0;
    this.#report({
      kind: "header",
      variableNames: this.variableNames,
      goalNames: this.goalNames,
      solverMode: this.solveMode,
    });
    this.#progress({
      kind: "header",
      solverName: this.name,
      algorithm: this.algorithm,
      variableNames: this.variableNames,
      goalNames: this.goalNames,
      solverMode: this.solveMode,
    });
    this.#state = "NOMINAL";
    if (this.exitMode === "DiscardAndContinue") this.#variable = this.#vars.map((v) => v.initial);
  }

  /** Hands out a pass, setting the unscaled values as the Vary commands will. */
  #issue(kind: PassKind): SolverPass {
    this.#unscaled = this.#vars.map((v, i) => unscale(v, this.#variable[i]));
    this.#pending = kind;
    this.#passes++;
    if (kind === "nominal") this.#lastNominalIteration = this.#iterationsTaken + 1;
    return {
      kind,
      values: [...this.#unscaled],
      scaled: [...this.#variable],
      iteration: kind === "nominal"
        ? this.#lastNominalIteration
        : kind === "perturbation"
        ? this.#iterationsTaken
        : this.#lastNominalIteration,
      pass: this.#passes,
      perturbed: kind === "perturbation" ? this.#pertNumber : undefined,
    };
  }

  /** AdvanceState after a nominal pass: RunNominal (Solve) or the initial-guess record. */
  #afterNominal(): void {
    const nominal = {
      iteration: this.#iterationsTaken + 1,
      variableNames: this.variableNames,
      values: [...this.#unscaled],
      scaled: [...this.#variable],
    };
    if (this.solveMode === "RunInitialGuess") {
      this.#report({ kind: "nominal", ...nominal });
      this.#state = "FINISHED";
      return;
    }
    this.#progress({ kind: "nominal", solverName: this.name, ...nominal });
    this.#report({ kind: "nominal", ...nominal });
    this.#state = "CHECKINGRUN";
    this.#progress({
      kind: "goals",
      goalNames: this.goalNames,
      desired: [...this.#goal],
      achieved: [...this.#nominal],
    });
  }

  /** AdvanceState in CHECKINGRUN: CheckCompletion, then the iteration count. */
  #checkCompletion(): void {
    this.#report({
      kind: "goals",
      goalNames: this.goalNames,
      desired: [...this.#goal],
      achieved: [...this.#nominal],
      tolerance: [...this.#tolerance],
    });
    const converged = this.#nominal.every((v, i) =>
      !(Math.abs(v - this.#goal[i]) > this.#tolerance[i])
    );
    if (converged) {
      this.#state = "FINISHED";
      this.#status = "converged";
    } else if (this.#iterationsTaken < this.maxIterations - 1) {
      this.#pertNumber = -1;
      if (this.#skipPerts) {
        this.#state = "CALCULATING";
      } else {
        this.#state = "PERTURBING";
        this.#runPerturbation();
      }
    } else {
      this.#state = "FINISHED";
      this.#status = "exceededIterations";
    }
    this.#iterationsTaken++;
    if (this.#iterationsTaken >= this.maxIterations) {
      this.#say(
        `Differential corrector ${this.name} has exceeded the maximum number of allowed ` +
          "iterations.\n",
      );
      this.#state = "FINISHED";
    }
  }

  /** RunPerturbation: restore the last perturbed variable, perturb the next one. */
  #runPerturbation(): void {
    const n = this.#vars.length;
    if (this.#pertNumber !== -1) this.#variable[this.#pertNumber] = this.#lastUnperturbed;
    if (this.#incrementPert) this.#pertNumber++;
    if (this.#pertNumber === n) {
      this.#state = "CALCULATING";
      this.#pertNumber = -1;
      return;
    }
    const p = this.#pertNumber;
    const v = this.#vars[p];
    const x = this.#variable;
    this.#lastUnperturbed = x[p];
    const central = this.derivativeMethod === "CentralDifference";
    if (this.derivativeMethod === "ForwardDifference" || (central && this.#incrementPert)) {
      this.#firstPert = true;
      if (central) this.#incrementPert = false;
      x[p] += v.perturbation;
      this.#pertDirection[p] = 1.0;
    } else {
      this.#firstPert = !central;
      if (central) this.#incrementPert = true;
      x[p] -= v.perturbation;
      this.#pertDirection[p] = -1.0;
    }
    for (const side of ["maximum", "minimum"] as const) {
      // sequential: the minimum check sees the value the maximum check may have moved
      if (side === "maximum" ? !(x[p] > v.max) : !(x[p] < v.min)) continue;
      if (central) {
        this.#say(
          `Warning!  Perturbation violates the ${side} value for variable ${v.name}, but is ` +
            "being applied anyway to perform central differencing in the differential " +
            `corrector ${this.name}\n`,
        );
      } else {
        this.#pertDirection[p] = -1.0;
        x[p] -= 2.0 * v.perturbation;
      }
    }
    this.#report({
      kind: "perturbing",
      pertNumber: p,
      variableNames: this.variableNames,
      goalNames: this.goalNames,
      desired: [...this.#goal],
      values: [...this.#unscaled],
      scaled: [...x],
      previousAchieved: p !== 0 ? [...this.#achieved[p - 1]] : undefined,
      debugText: this.#debugString,
    });
  }

  /** CalculateParameters: Jacobian (or its update), inverse, limited Newton step. */
  #calculateParameters(): void {
    this.#progress({ kind: "calculating" });
    const n = this.#vars.length;
    const first = this.#iterationsTaken === 1;
    if (this.algorithm === "NewtonRaphson" || first) {
      this.#jacobian = finiteDifferenceJacobian(
        this.#achieved,
        this.#backAchieved,
        this.#nominal,
        this.#vars.map((v) => v.perturbation),
        this.#pertDirection,
        this.derivativeMethod === "CentralDifference",
      );
      this.#invertJacobian();
      if (this.algorithm !== "NewtonRaphson") this.#skipPerts = true;
    } else {
      const history = [
        this.#variable,
        this.#savedVariable,
        this.#nominal,
        this.#savedNominal,
      ] as const;
      if (this.algorithm === "Broyden") {
        this.#jacobian = broydenJacobian(this.#savedJacobian, ...history);
        this.#invertJacobian();
      } else {
        this.#inverse = modifiedBroydenInverse(this.#savedInverse, ...history);
      }
    }
    if (this.algorithm !== "NewtonRaphson") {
      this.#savedNominal = [...this.#nominal];
      this.#savedVariable = [...this.#variable];
      if (this.algorithm === "Broyden") this.#savedJacobian = this.#jacobian.map((r) => [...r]);
      else this.#savedInverse = this.#inverse.map((r) => [...r]);
    }
    this.#variable = limitedNewtonStep(
      this.#variable,
      this.#inverse,
      this.#goal,
      this.#nominal,
      this.#vars,
    );
    this.#report({
      kind: "calculated",
      variableNames: this.variableNames,
      goalNames: this.goalNames,
      desired: [...this.#goal],
      lastPerturbationAchieved: [...this.#achieved[n - 1]],
      jacobian: this.#jacobian.map((r) => [...r]),
      inverse: this.#inverse.map((r) => [...r]),
      scaled: [...this.#variable],
    });
    this.#state = "NOMINAL";
  }

  /** InvertJacobian: inverse when square, pseudoinverse otherwise. */
  #invertJacobian(): void {
    const square = this.#vars.length === this.#goal.length;
    const inv = square ? gmatInverse(this.#jacobian) : gmatPseudoinverse(this.#jacobian);
    if (inv === undefined) {
      throw new SolverError(
        "SOLVER_SINGULAR",
        this.name,
        "Error inverting the Differential Corrector Jacobian; it appears that the variables in " +
          "the Vary command(s) do not affect the target parameters in the Achieve command(s) " +
          `(${this.name}, iteration ${this.#iterationsTaken}); check that each Vary changes a ` +
          "goal and that the perturbations are large enough to move the goals",
      );
    }
    this.#inverse = inv;
  }

  /** RunComplete after the final pass. */
  #runComplete(): void {
    this.#report({
      kind: "finished",
      iterations: this.#iterationsTaken,
      reopen: this.solveMode === "RunInitialGuess",
    });
    const status = this.#status ?? "initialGuess";
    this.#progress({
      kind: "finished",
      solverMode: this.solveMode,
      converged: status === "converged",
      iterations: this.#iterationsTaken,
      maxIterations: this.maxIterations,
      variableNames: this.variableNames,
      values: [...this.#unscaled],
      goalNames: this.goalNames,
      desired: [...this.#goal],
      achieved: [...this.#nominal],
    });
    this.#hasFired = true;
    this.#state = "DONE";
    this.#result = {
      kind: "done",
      status,
      converged: status === "converged",
      values: [...this.#unscaled],
      scaled: [...this.#variable],
      achieved: [...this.#nominal],
      iterations: this.#iterationsTaken,
      passes: this.#passes,
    };
  }

  /** The end record; with ExitMode = Stop the mission is interrupted instead. */
  #done(): SolverDone {
    const result = this.#result as SolverDone;
    if (this.exitMode === "Stop") {
      throw new SolverError(
        "SOLVER_STOPPED",
        this.name,
        'Mission interrupted -- Solver is running with ExitMode = "Stop" (' +
          `${this.name} ${result.converged ? "converged" : "did not converge"} in ` +
          `${result.iterations} iterations); use ExitMode = DiscardAndContinue or ` +
          "SaveAndContinue on the Target command to continue the mission",
      );
    }
    return result;
  }

  // ---- helpers ------------------------------------------------------------------------------

  #checkValue(goal: number, value: number): void {
    if (Number.isFinite(value)) return;
    this.#state = "FAILED";
    const what = Number.isNaN(value) ? "that is not a number" : "that is infinite";
    throw new SolverError(
      "SOLVER_GOAL_VALUE",
      this.name,
      `The differential corrector ${this.name} encountered a goal value for ` +
        `${this.goalNames[goal]} ${what}.  Targeting is terminating. Check that the Target ` +
        "body can compute the goal for the variable values tried (values: " +
        `${this.#unscaled.join(", ")})`,
    );
  }

  #checkLength(what: string, count: number): void {
    if (count !== this.goalNames.length) {
      throw this.#usage(`got ${count} ${what} for ${this.goalNames.length} goals`);
    }
  }

  #usable(): void {
    if (this.#state === "FAILED") {
      throw this.#usage(
        "targeting was terminated by an earlier error; create a new DifferentialCorrector",
      );
    }
  }

  #guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      this.#state = "FAILED";
      throw error;
    }
  }

  #usage(detail: string): SolverError {
    return new SolverError(
      "SOLVER_USAGE",
      this.name,
      `Cannot drive solver ${this.name}: ${detail}`,
    );
  }

  #report(record: DcReportRecord): void {
    for (const l of this.#listeners) l.report?.(record);
  }

  #progress(record: DcProgressRecord): void {
    for (const l of this.#listeners) l.progress?.(record);
  }

  #say(text: string): void {
    for (const l of this.#listeners) l.message?.(text);
  }
}

/** A rows x cols matrix of zeros. */
function matrix(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0.0));
}
