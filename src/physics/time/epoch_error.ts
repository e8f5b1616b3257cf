/**
 * The error thrown when an epoch string or time-system name cannot be read.
 *
 * @module
 */

import { GmatSweepError } from "../../errors/mod.ts";

/** Thrown when epoch text does not match its declared format (code `EPOCH_FORMAT`). */
export class EpochError extends GmatSweepError {
  /** The offending text, as given. */
  readonly text: string;

  /**
   * Creates the error.
   *
   * @param text The epoch text (or format name) that could not be read.
   * @param message What is wrong and which form is expected.
   */
  constructor(text: string, message: string) {
    super("EPOCH_FORMAT", message);
    this.text = text;
  }
}
