/**
 * The CLI's exit-code contract: commands throw {@link ExitError}; only the entry point exits.
 *
 * Codes (as the Python gmat-sweep): 0 ok, 1 other failure, 2 bad input or usage, 3 manifest
 * problems, 4 backend problems.
 *
 * @module
 */

/**
 * Ask the CLI entry to exit with a code after printing a message. A usage error names its
 * command, and the entry adds one line pointing at that command's `--help` (the help itself
 * would scroll the error away).
 */
export class ExitError extends Error {
  /**
   * @param exitCode The process exit code.
   * @param message What is wrong and how to fix it.
   * @param usageOf For a usage error, the command whose `--help` to point at (`""`: the main help).
   */
  constructor(readonly exitCode: number, message: string, readonly usageOf?: string) {
    super(message);
    this.name = "ExitError";
  }
}
