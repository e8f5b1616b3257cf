/**
 * Turning engine refusals and bad values into {@link ScriptError}s that point into the script.
 *
 * A {@link Diagnostics} is bound to one parsed script so every error can quote the offending
 * line. It also holds the engine's warnings (GMAT-style `*** WARNING ***` lines).
 *
 * @module
 */

import { dirname, resolve } from "node:path";
import type { Script, SourcePos } from "../script/ast.ts";
import { ScriptError, type ScriptErrorCode } from "../script/errors.ts";

/** Options of one reported problem: every refusal names its construct and a fix. */
export interface ProblemOptions {
  /** The construct at fault, e.g. `ForceModel.SRP`. */
  readonly construct: string;
  /** How to fix it. */
  readonly hint: string;
}

/** Error and warning sink bound to one script. */
export class Diagnostics {
  readonly #script: Script;
  /** Warnings raised so far, in order. */
  readonly warnings: string[] = [];

  /**
   * @param script The parsed script.
   * @param dirOf The directory relative names in a file of the script are read from (default:
   *   the file's own directory).
   */
  constructor(
    script: Script,
    readonly dirOf: (file: string) => string = (file) => dirname(resolve(file)),
  ) {
    this.#script = script;
  }

  /** The script this sink reports about. */
  get script(): Script {
    return this.#script;
  }

  /** Build a {@link ScriptError} for a position in this script. */
  error(
    code: ScriptErrorCode,
    pos: SourcePos | undefined,
    message: string,
    options: ProblemOptions,
  ): ScriptError {
    const sourceLine = pos && pos.file === this.#script.file
      ? this.#script.lines[pos.line - 1]
      : undefined;
    return new ScriptError(code, { message, pos, sourceLine, ...options });
  }

  /** Throw a {@link ScriptError} for a position in this script. */
  fail(
    code: ScriptErrorCode,
    pos: SourcePos | undefined,
    message: string,
    options: ProblemOptions,
  ): never {
    throw this.error(code, pos, message, options);
  }

  /** Refuse a construct the built-in engine does not model. */
  unsupported(
    pos: SourcePos | undefined,
    message: string,
    options: { readonly construct: string; readonly hint?: string },
  ): never {
    throw this.error(
      "ENGINE_UNSUPPORTED",
      pos,
      `${message} (not supported by the built-in engine)`,
      {
        ...options,
        hint: options.hint ?? "run this script with real GMAT (engine: 'gmat')",
      },
    );
  }

  /** Record a warning. */
  warn(pos: SourcePos | undefined, message: string): void {
    const where = pos ? `${pos.file}:${pos.line}: ` : "";
    this.warnings.push(`*** WARNING *** ${where}${message}`);
  }
}

export { didYouMean, suggest } from "../errors/did_you_mean.ts";
