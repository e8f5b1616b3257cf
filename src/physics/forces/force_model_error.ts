/**
 * The error thrown when a force-model setting (SRP flux, nominal Sun distance, spacecraft mass,
 * Cr, area, relativistic-correction constants) is outside what GMAT accepts.
 *
 * @module
 */

import { GmatSweepError } from "../../errors/mod.ts";

/** Thrown for an invalid force-model setting (code `FORCE_MODEL_SETTING`). */
export class ForceModelError extends GmatSweepError {
  /**
   * Creates the error.
   *
   * @param message Which setting, its value, the allowed range and how to fix it.
   */
  constructor(message: string) {
    super("FORCE_MODEL_SETTING", message);
  }
}
