/**
 * Settings of GMAT's AdamsBashforthMoulton predictor-corrector (`PredictorCorrector` fields
 * `TargetError` and `LowerError` on top of the common integrator fields), their GMAT defaults,
 * and GMAT's setup check `LowerError < TargetError < Accuracy` (`PredictorCorrector::Initialize`),
 * refused with GMAT's own text.
 *
 * @module
 */

import { type IntegratorSettings, validateSettings } from "./settings.ts";
import { IntegrationError } from "./integration_error.ts";

/** Settings of the AdamsBashforthMoulton integrator, named after the GMAT script fields. */
export interface AbmSettings extends Omit<IntegratorSettings, "type"> {
  /** `Propagator.Type`. */
  type: "AdamsBashforthMoulton";
  /** `TargetError`: the error a resized step aims at (> 0). */
  targetError: number;
  /** `LowerError`: below it an accepted step is grown (and the method restarted). */
  lowerError: number;
}

/**
 * GMAT R2026a defaults of AdamsBashforthMoulton (`PredictorCorrector` constructor: Accuracy
 * 1e-10, TargetError 1e-11, LowerError 1e-13; the rest as every integrator).
 */
export const DEFAULT_ABM_SETTINGS: Readonly<AbmSettings> = Object.freeze({
  type: "AdamsBashforthMoulton",
  initialStepSize: 60,
  accuracy: 1e-10,
  minStep: 0.001,
  maxStep: 2700,
  maxStepAttempts: 50,
  stopIfAccuracyIsViolated: true,
  errorControl: "RSSStep",
  targetError: 1e-11,
  lowerError: 1e-13,
});

/** GMAT's refusal text (PredictorCorrector::Initialize), for a predictor-corrector type name. */
export function predictorCorrectorSetupMessage(typeName: string): string {
  return `Setup error in the ${typeName} Propagator; Predictor-Corrector integrators require ` +
    "that the error control settings satisfy the relationship\n\n" +
    "   LowerError < TargetError < Accuracy\n\n" +
    "and work best if the settings differ from one another by at least a factor of 10";
}

/**
 * Checks AdamsBashforthMoulton settings.
 *
 * @throws {IntegrationError} `INTEGRATION_SETTINGS` with GMAT's text (followed by the values)
 *   when LowerError >= TargetError or TargetError >= Accuracy, as GMAT refuses them.
 * @throws {RangeError} For a non-finite or non-positive value.
 */
export function checkAbmSettings(s: AbmSettings): void {
  validateSettings(s);
  if (!(Number.isFinite(s.targetError) && s.targetError > 0)) {
    throw new RangeError(
      `Integrator setting TargetError must be a positive number, got ${s.targetError}`,
    );
  }
  if (!Number.isFinite(s.lowerError)) {
    throw new RangeError(
      `Integrator setting LowerError must be a finite number, got ${s.lowerError}`,
    );
  }
  if (s.lowerError >= s.targetError || s.targetError >= s.accuracy) {
    throw new IntegrationError(
      "INTEGRATION_SETTINGS",
      `${predictorCorrectorSetupMessage(s.type)}\n(LowerError = ${s.lowerError}, ` +
        `TargetError = ${s.targetError}, Accuracy = ${s.accuracy}; e.g. GMAT's defaults ` +
        "1e-13 < 1e-11 < 1e-10)",
    );
  }
}
