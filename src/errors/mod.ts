/**
 * Error classes shared by every concern of gmat-sweep.
 *
 * Each error carries a literal `code` that callers can switch on and a message that names the
 * file, line, field or run at fault and says how to fix it.
 *
 * @module
 */

/** Base class of every error gmat-sweep throws on purpose. */
export class GmatSweepError extends Error {
  /** A stable, machine-readable code such as `SCRIPT_SYNTAX` or `ENGINE_UNSUPPORTED`. */
  readonly code: string;

  /**
   * Creates an error with a machine-readable code.
   *
   * @param code The machine-readable code.
   * @param message What went wrong.
   * @param options Standard error options (e.g. `cause`).
   */
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
