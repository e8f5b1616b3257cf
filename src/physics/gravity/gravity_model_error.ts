/**
 * The error thrown when a spherical-harmonic gravity model is configured in a way GMAT rejects
 * (degree or order negative, or above what the coefficient file holds).
 *
 * @module
 */

import { GmatSweepError } from "../../errors/mod.ts";

/** Thrown for an invalid gravity degree/order request (code `GRAVITY_MODEL`). */
export class GravityModelError extends GmatSweepError {
  /**
   * Creates the error.
   *
   * @param message What was requested, what the model allows, and what to change.
   */
  constructor(message: string) {
    super("GRAVITY_MODEL", message);
  }
}
