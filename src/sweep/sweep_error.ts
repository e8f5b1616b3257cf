/**
 * The sweep layer's configuration error: bad input detected before any run.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";

/** Error of sweep configuration (bad input detected before any run). */
export class SweepConfigError extends GmatSweepError {
  /** Always `SWEEP_CONFIG`. */
  declare readonly code: "SWEEP_CONFIG";
  /**
   * Creates a sweep configuration error.
   *
   * @param message What is wrong with the configuration, and the fix.
   */
  constructor(message: string) {
    super("SWEEP_CONFIG", message);
  }
}
