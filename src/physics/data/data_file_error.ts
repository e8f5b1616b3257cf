/**
 * The error thrown when a GMAT data file (gravity coefficients, nutation series, Earth orientation
 * parameters) cannot be found or does not follow the format GMAT reads.
 *
 * @module
 */

import { GmatSweepError } from "../../errors/mod.ts";

/** Codes of {@link DataFileError}. */
export type DataFileErrorCode = "DATA_FILE_MISSING" | "DATA_FILE_FORMAT";

/**
 * Thrown by the data-file readers: `DATA_FILE_MISSING` when the file cannot be read,
 * `DATA_FILE_FORMAT` when its content breaks the rules GMAT's own reader applies (the message
 * names the file, the line and what was expected).
 */
export class DataFileError extends GmatSweepError {
  /** The file at fault, as named by the caller (a path, URL or bare file name). */
  readonly file: string;

  /**
   * Creates the error.
   *
   * @param code Which failure.
   * @param file The file at fault.
   * @param message What is wrong and how to fix it.
   * @param options Standard error options (e.g. `cause`).
   */
  constructor(code: DataFileErrorCode, file: string, message: string, options?: ErrorOptions) {
    super(code, message, options);
    this.file = file;
  }
}
