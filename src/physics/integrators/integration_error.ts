/**
 * The error thrown when numerical integration cannot continue.
 *
 * @module
 */

import { GmatSweepError } from "../../errors/mod.ts";

/** Codes of {@link IntegrationError}. */
export type IntegrationErrorCode =
  | "INTEGRATION_ACCURACY"
  | "INTEGRATION_FAILED"
  | "INTEGRATION_SETTINGS";

/**
 * Thrown by the integrator: `INTEGRATION_ACCURACY` when a step at MinStep still misses Accuracy
 * and StopIfAccuracyIsViolated is true; `INTEGRATION_FAILED` when MaxStepAttempts consecutive
 * attempts were rejected, a fixed interval needed too many sub-steps, or the derivatives produced
 * a non-finite state; `INTEGRATION_SETTINGS` when the settings are refused at setup (GMAT's
 * predictor-corrector check LowerError < TargetError < Accuracy).
 */
export class IntegrationError extends GmatSweepError {
  /**
   * Creates the error.
   *
   * @param code Which failure.
   * @param message What happened, where, and the settings to change.
   */
  constructor(code: IntegrationErrorCode, message: string) {
    super(code, message);
  }
}
