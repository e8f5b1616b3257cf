/**
 * The error thrown by the propulsion models (tanks, thrusters, finite and impulsive burns).
 *
 * Messages follow GMAT's wording where GMAT has one (`The value of "x" for field "F" on object
 * "o" is not an allowed value. The allowed values are: [...]`) and end with what to change.
 *
 * @module
 */

import { GmatSweepError } from "../../errors/mod.ts";

/** Codes of {@link PropulsionError}. */
export type PropulsionErrorCode =
  /** A tank, thruster or burn field is outside what GMAT accepts, or the hardware is mis-wired. */
  | "PROPULSION_SETTING"
  /** A tank that may not go negative would (fuel exhausted during a burn). */
  | "PROPULSION_DEPLETED"
  /** Thrust, Isp, direction or mass cannot be evaluated (zero Isp, zero direction, NaN). */
  | "PROPULSION_FAILED";

/** Thrown for an invalid propulsion setting or a burn that cannot be evaluated. */
export class PropulsionError extends GmatSweepError {
  /**
   * Creates the error.
   *
   * @param code Which failure.
   * @param message What is wrong, on which object, and how to fix it.
   */
  constructor(code: PropulsionErrorCode, message: string) {
    super(code, message);
  }
}

/**
 * GMAT's "not an allowed value" error for a field.
 *
 * @param object The object's script name.
 * @param field The field name as scripted.
 * @param value The offending value.
 * @param allowed GMAT's allowed-values text, e.g. `Real Number >= 0.0`.
 * @param hint What to do instead.
 */
export function fieldError(
  object: string,
  field: string,
  value: unknown,
  allowed: string,
  hint: string,
): PropulsionError {
  return new PropulsionError(
    "PROPULSION_SETTING",
    `The value of "${value}" for field "${field}" on object "${object}" is not an allowed ` +
      `value. The allowed values are: [${allowed}]. ${hint}`,
  );
}
