/**
 * The error a spacecraft's input ephemeris (`Spacecraft.EphemerisName`, read by GetEphemStates)
 * raises when its content is outside what GMAT or the built-in engine reads.
 *
 * @module
 */

import { GmatSweepError } from "../../errors/mod.ts";

/**
 * Codes of {@link EphemerisInputError}: `EPHEMERIS_INPUT_FORMAT` for content GMAT's reader
 * rejects as well (an empty file, a frame GMAT does not convert), `EPHEMERIS_INPUT_UNSUPPORTED`
 * for content GMAT reads but the built-in engine does not (named in the message, with the fix).
 */
export type EphemerisInputErrorCode = "EPHEMERIS_INPUT_FORMAT" | "EPHEMERIS_INPUT_UNSUPPORTED";

/** An input ephemeris file whose states cannot be read as GMAT reads them. */
export class EphemerisInputError extends GmatSweepError {
  /** The file at fault, as the caller named it. */
  readonly file: string;

  /**
   * Creates the error.
   *
   * @param code Which failure.
   * @param file The file at fault.
   * @param message What is wrong and how to fix it.
   * @param options Standard error options (e.g. `cause`).
   */
  constructor(
    code: EphemerisInputErrorCode,
    file: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(code, message, options);
    this.file = file;
  }
}
