/**
 * Parsing a subcommand's arguments: `node:util` parseArgs with positionals allowed, and a parse
 * error turned into exit code 2 with the command's help text.
 *
 * @module
 */

import { parseArgs, type ParseArgsOptionsConfig } from "node:util";
import { ExitError } from "./exit_error.ts";

/**
 * Parse `args` against `options`.
 *
 * @param args The arguments after the subcommand.
 * @param options The flags the subcommand takes.
 * @param help The help text shown under a parse error.
 * @throws {ExitError} code 2 for an unknown flag or a missing value.
 */
export function parseCommand<T extends ParseArgsOptionsConfig>(
  args: string[],
  options: T,
  help: string,
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: T }>> {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (e) {
    throw new ExitError(2, `${(e as Error).message}\n\n${help}`);
  }
}
