/**
 * The error thrown when a planetary ephemeris file cannot be read or does not cover an epoch.
 *
 * @module
 */

import { GmatSweepError } from "../../errors/mod.ts";

/** Codes of {@link EphemerisError}. */
export type EphemerisErrorCode = "EPHEMERIS_SPAN" | "EPHEMERIS_FILE";

/**
 * Thrown by the DE ephemeris reader: `EPHEMERIS_SPAN` when an epoch lies outside the file's
 * records (the message names the epoch and the span), `EPHEMERIS_FILE` when the data file is
 * missing, truncated or not in the expected layout.
 */
export class EphemerisError extends GmatSweepError {
  /**
   * Creates the error.
   *
   * @param code Which failure.
   * @param message What happened and how to fix it.
   * @param options Standard error options (e.g. `cause`).
   */
  constructor(code: EphemerisErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}
