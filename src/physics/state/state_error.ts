/**
 * The error thrown when an orbit state cannot be converted between representations.
 *
 * @module
 */

import { GmatSweepError } from "../../errors/mod.ts";

/** Thrown when a state conversion is undefined (code `STATE_CONVERSION`). */
export class StateError extends GmatSweepError {
  /**
   * Creates the error.
   *
   * @param message Why the conversion is undefined and what to change.
   */
  constructor(message: string) {
    super("STATE_CONVERSION", message);
  }
}
