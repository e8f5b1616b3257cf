/**
 * Parsing a subcommand's arguments: `node:util` parseArgs with positionals allowed, and a parse
 * error turned into exit code 2 pointing at the command's `--help` (a misspelt option with the
 * nearest one the command takes).
 *
 * @module
 */

import { parseArgs, type ParseArgsOptionsConfig } from "node:util";
import { didYouMean } from "../errors/did_you_mean.ts";
import { ExitError } from "./exit_error.ts";

const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * `--n -5` as `--n=-5`: parseArgs reads a value that starts with a dash as a flag, so a negative
 * number would get its "ambiguous argument" message instead of the command's range message.
 */
function joinNegativeNumbers(args: string[], options: ParseArgsOptionsConfig): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i].startsWith("--") ? args[i].slice(2) : undefined;
    const next = args[i + 1];
    if (
      name !== undefined && options[name]?.type === "string" && next !== undefined &&
      NEGATIVE_NUMBER.test(next)
    ) {
      out.push(`${args[i]}=${next}`);
      i++;
    } else {
      out.push(args[i]);
    }
  }
  return out;
}

/**
 * Parse `args` against `options`.
 *
 * @param args The arguments after the subcommand.
 * @param options The flags the subcommand takes.
 * @param command The subcommand, whose `--help` a parse error points at.
 * @throws {ExitError} code 2 for an unknown flag or a missing value.
 */
export function parseCommand<T extends ParseArgsOptionsConfig>(
  args: string[],
  options: T,
  command: string,
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: T }>> {
  try {
    return parseArgs({ args: joinNegativeNumbers(args, options), allowPositionals: true, options });
  } catch (e) {
    throw new ExitError(2, parseProblem(e as Error & { code?: string }, options), command);
  }
}

/** parseArgs' complaint in the CLI's words, with the nearest option for a misspelt one. */
function parseProblem(e: Error & { code?: string }, options: ParseArgsOptionsConfig): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1];
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && quoted !== undefined) {
    const known = Object.keys(options).map((k) => `--${k}`);
    return `unknown option ${quoted}${didYouMean(quoted, known)}`;
  }
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && quoted !== undefined) {
    const flag = quoted.replace(/ <value>$/, "");
    return /argument missing/.test(e.message)
      ? `option ${flag} needs a value`
      : `option ${flag} takes no value`;
  }
  return e.message;
}
