/**
 * Integrator settings (GMAT `Propagator` and `ForceModel.ErrorControl` fields), their GMAT
 * defaults, and the derivative-function type the integrators call.
 *
 * @module
 */

import type { ButcherTableau } from "./tableau.ts";
import { RK89_TABLEAU } from "./rk89_tableau.ts";
import { PD78_TABLEAU } from "./pd78_tableau.ts";
import { PD45_TABLEAU } from "./pd45_tableau.ts";
import { RK56_TABLEAU } from "./rk56_tableau.ts";
import { RKN68_TABLEAU } from "./rkn68_tableau.ts";

/**
 * The embedded Runge-Kutta(-Nystrom) integrators the adaptive integrator runs (GMAT
 * `Propagator.Type`). AdamsBashforthMoulton has its own module (`adams_bashforth_moulton.ts`).
 */
export type IntegratorType =
  | "RungeKutta89"
  | "PrinceDormand78"
  | "PrinceDormand45"
  | "RungeKutta56"
  | "RungeKutta68";

/** The integrator types, GMAT's default first. */
export const INTEGRATOR_TYPES: readonly IntegratorType[] = [
  "RungeKutta89",
  "PrinceDormand78",
  "PrinceDormand45",
  "RungeKutta56",
  "RungeKutta68",
];

/**
 * GMAT `ForceModel.ErrorControl`: how the error vector of a step is reduced to one number.
 * See `error_norm.ts`.
 */
export type ErrorControl = "RSSStep" | "RSSState" | "LargestStep" | "LargestState" | "None";

/** The error-control modes, GMAT's default first. */
export const ERROR_CONTROLS: readonly ErrorControl[] = [
  "RSSStep",
  "RSSState",
  "LargestStep",
  "LargestState",
  "None",
];

/** Settings of an adaptive Runge-Kutta integrator, named after the GMAT script fields. */
export interface IntegratorSettings {
  /** `Propagator.Type`. */
  type: IntegratorType;
  /**
   * `InitialStepSize`, seconds (non-zero). Only its magnitude is used: as in GMAT's Propagate
   * (|InitialStepSize| times the direction), the sign comes from the propagation direction.
   */
  initialStepSize: number;
  /** `Accuracy`: the largest accepted error estimate (> 0). */
  accuracy: number;
  /** `MinStep`, seconds (>= 0). */
  minStep: number;
  /** `MaxStep`, seconds (>= MinStep). */
  maxStep: number;
  /** `MaxStepAttempts`: consecutive rejections allowed in one step (integer >= 1). */
  maxStepAttempts: number;
  /** `StopIfAccuracyIsViolated`: throw when a MinStep step misses Accuracy, else warn once. */
  stopIfAccuracyIsViolated: boolean;
  /** `ForceModel.ErrorControl`. */
  errorControl: ErrorControl;
}

/** GMAT R2026a defaults: RK89, 60 s, 1e-11, 0.001 s, 2700 s, 50, true, RSSStep. */
export const DEFAULT_INTEGRATOR_SETTINGS: Readonly<IntegratorSettings> = Object.freeze({
  type: "RungeKutta89",
  initialStepSize: 60,
  accuracy: 1e-11,
  minStep: 0.001,
  maxStep: 2700,
  maxStepAttempts: 50,
  stopIfAccuracyIsViolated: true,
  errorControl: "RSSStep",
});

/**
 * A first-order ODE right-hand side: fills `dydt` with dy/dt at elapsed time `t` (seconds from the
 * start of the propagation). `y` holds one Cartesian state `[x, y, z, vx, vy, vz]` per spacecraft
 * (km, km/s). Must not keep references to `y` or `dydt`.
 */
export type Derivatives = (t: number, y: Float64Array, dydt: Float64Array) => void;

/** Checks the settings shared by every integrator (InitialStepSize may be negative). */
export function validateSettings(s: Omit<IntegratorSettings, "type">): void {
  const positive = (name: string, v: number) => {
    if (!(Number.isFinite(v) && v > 0)) {
      throw new RangeError(`Integrator setting ${name} must be a positive number, got ${v}`);
    }
  };
  if (!(Number.isFinite(s.initialStepSize) && s.initialStepSize !== 0)) {
    throw new RangeError(
      `Integrator setting InitialStepSize must be a non-zero number, got ${s.initialStepSize}`,
    );
  }
  positive("Accuracy", s.accuracy);
  // GMAT's Integrator accepts MinStep = 0 ("Real Number >= 0.0, MinStep <= MaxStep"): no floor
  // on the step, MaxStepAttempts still bounds the retries.
  if (!(Number.isFinite(s.minStep) && s.minStep >= 0)) {
    throw new RangeError(`Integrator setting MinStep must be a number >= 0, got ${s.minStep}`);
  }
  positive("MaxStep", s.maxStep);
  if (s.maxStep < s.minStep) {
    throw new RangeError(
      `Integrator setting MaxStep (${s.maxStep}) must not be below MinStep (${s.minStep})`,
    );
  }
  if (!(Number.isInteger(s.maxStepAttempts) && s.maxStepAttempts >= 1)) {
    throw new RangeError(
      `Integrator setting MaxStepAttempts must be an integer >= 1, got ${s.maxStepAttempts}`,
    );
  }
}

/** The tableau of an integrator type (a Nystrom tableau for RungeKutta68). */
export function tableauFor(type: IntegratorType): ButcherTableau {
  switch (type) {
    case "RungeKutta89":
      return RK89_TABLEAU;
    case "PrinceDormand78":
      return PD78_TABLEAU;
    case "PrinceDormand45":
      return PD45_TABLEAU;
    case "RungeKutta56":
      return RK56_TABLEAU;
    case "RungeKutta68":
      return RKN68_TABLEAU;
    default:
      throw new RangeError(
        `Unknown integrator type '${type}'; use one of ${INTEGRATOR_TYPES.join(", ")}` +
          ((type as string) === "AdamsBashforthMoulton"
            ? " (it is a predictor-corrector: construct the AdamsBashforthMoulton class instead)"
            : ""),
      );
  }
}
