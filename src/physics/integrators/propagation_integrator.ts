/**
 * What a Propagate command drives, whatever GMAT `Propagator.Type` is chosen: the embedded
 * Runge-Kutta(-Nystrom) {@link AdaptiveIntegrator} or the {@link AdamsBashforthMoulton}
 * predictor-corrector, and {@link createIntegrator} to build the right one from settings.
 *
 * @module
 */

import {
  AdaptiveIntegrator,
  type FixedStepResult,
  type StepResult,
} from "./adaptive_integrator.ts";
import { AdamsBashforthMoulton } from "./adams_bashforth_moulton.ts";
import type { AbmSettings } from "./abm_settings.ts";
import type { Derivatives, IntegratorSettings } from "./settings.ts";

/** The common interface of the integrators. */
export interface PropagationIntegrator {
  /** The step size the next adaptive step starts from, seconds (signed). */
  h: number;
  /** Derivative evaluations so far. */
  evaluations: number;
  /** Accepted steps (adaptive and fixed-interval). */
  acceptedSteps: number;
  /** Rejected attempts. */
  rejectedSteps: number;
  /** Error estimate of the last step. */
  lastError: number;
  /** Warnings issued, oldest first. */
  readonly warnings: string[];
  /** One accepted adaptive step from (t, y). */
  step(t: number, y: Float64Array): StepResult;
  /** Exactly dt seconds from (t, y) (dt may be negative). */
  stepFixed(t: number, y: Float64Array, dt: number): FixedStepResult;
  /** Restart step control as a new Propagate command does, in a direction. */
  reset(direction?: 1 | -1): void;
}

/** Settings of any integrator type (GMAT defaults of that type fill the gaps). */
export type AnyIntegratorSettings =
  | Partial<IntegratorSettings>
  | (Partial<AbmSettings> & { type: "AdamsBashforthMoulton" });

/**
 * Builds the integrator of `settings.type` (RungeKutta89 when absent).
 *
 * @param settings Settings; missing fields take GMAT's defaults for that type.
 * @param derivatives The right-hand side dy/dt.
 * @param dimension State length.
 * @param direction 1 forward (default), -1 backward (GMAT `Propagate BackProp`).
 * @throws {IntegrationError} `INTEGRATION_SETTINGS` for AdamsBashforthMoulton settings GMAT
 *   refuses.
 * @throws {RangeError} For invalid settings or dimension.
 */
export function createIntegrator(
  settings: AnyIntegratorSettings,
  derivatives: Derivatives,
  dimension: number,
  direction: 1 | -1 = 1,
): PropagationIntegrator {
  if (settings.type === "AdamsBashforthMoulton") {
    return new AdamsBashforthMoulton(settings, derivatives, dimension, direction);
  }
  return new AdaptiveIntegrator(settings, derivatives, dimension, direction);
}
