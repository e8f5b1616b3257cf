/**
 * The CLI's exit-code contract: commands throw {@link ExitError}; only the entry point exits.
 *
 * Codes (as the Python gmat-sweep): 0 ok, 1 other failure, 2 bad input or usage, 3 manifest
 * problems, 4 backend problems.
 *
 * @module
 */

/** Ask the CLI entry to exit with a code after printing a message. */
export class ExitError extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
    this.name = "ExitError";
  }
}
