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

/** The Runge-Kutta integrators implemented (GMAT `Propagator.Type`). */
export type IntegratorType = "RungeKutta89" | "PrinceDormand78" | "PrinceDormand45";

/** The integrator types, GMAT's default first. */
export const INTEGRATOR_TYPES: readonly IntegratorType[] = [
  "RungeKutta89",
  "PrinceDormand78",
  "PrinceDormand45",
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
  /** `InitialStepSize`, seconds (> 0; the sign of a backward propagation is applied separately). */
  initialStepSize: number;
  /** `Accuracy`: the largest accepted error estimate (> 0). */
  accuracy: number;
  /** `MinStep`, seconds (> 0). */
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

/** The tableau of an integrator type. */
export function tableauFor(type: IntegratorType): ButcherTableau {
  switch (type) {
    case "RungeKutta89":
      return RK89_TABLEAU;
    case "PrinceDormand78":
      return PD78_TABLEAU;
    case "PrinceDormand45":
      return PD45_TABLEAU;
    default:
      throw new RangeError(
        `Unknown integrator type '${type}'; use one of ${INTEGRATOR_TYPES.join(", ")}`,
      );
  }
}
