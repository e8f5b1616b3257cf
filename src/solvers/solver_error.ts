/**
 * The error the solvers throw: a bad setup, a misused driving loop, a goal value that is not a
 * number, a Jacobian that cannot be inverted, or a mission stopped by `ExitMode = Stop`.
 *
 * Where GMAT has a message for the condition, the message carries GMAT's words, followed by what
 * to change.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";

/**
 * Codes of {@link SolverError}:
 * - `SOLVER_CONFIG`: a setting, `Vary` or `Achieve` value GMAT refuses (e.g. `MaxStep <= 0`).
 * - `SOLVER_USAGE`: the caller drove the state machine out of order (e.g. two `next()` calls
 *   without a `report()` in between).
 * - `SOLVER_GOAL_VALUE`: an achieved goal value was NaN or infinite; GMAT stops targeting.
 * - `SOLVER_SINGULAR`: the Jacobian could not be inverted.
 * - `SOLVER_STOPPED`: the solver ran with `ExitMode = Stop`, which interrupts the mission.
 */
export type SolverErrorCode =
  | "SOLVER_CONFIG"
  | "SOLVER_USAGE"
  | "SOLVER_GOAL_VALUE"
  | "SOLVER_SINGULAR"
  | "SOLVER_STOPPED";

/**
 * A solver failure, naming the solver instance.
 *
 * @example Usage
 * ```ts
 * import { SolverError } from "./solver_error.ts";
 * import assert from "node:assert/strict";
 *
 * const e = new SolverError("SOLVER_SINGULAR", "DC", "the Jacobian is singular");
 * assert.equal(e.code, "SOLVER_SINGULAR");
 * assert.equal(e.solver, "DC");
 * ```
 */
export class SolverError extends GmatSweepError {
  declare readonly code: SolverErrorCode;
  /** Name of the solver instance (`DC` in `Create DifferentialCorrector DC`). */
  readonly solver: string;

  /**
   * Creates a solver error.
   *
   * @param code The condition.
   * @param solver Name of the solver instance.
   * @param message What went wrong and how to fix it.
   * @param options Standard error options (`cause`).
   */
  constructor(code: SolverErrorCode, solver: string, message: string, options?: ErrorOptions) {
    super(code, message, options);
    this.solver = solver;
  }
}
