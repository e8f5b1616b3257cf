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

/** Up to three known names close to `name` (edit distance), best first. */
export function suggest(name: string, known: Iterable<string>): string[] {
  const scored: [number, string][] = [];
  const lower = name.toLowerCase();
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d <= Math.max(2, Math.floor(k.length / 3))) scored.push([d, k]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return scored.slice(0, 3).map(([, k]) => k);
}

/** A " (did you mean X?)" suffix, or "". */
export function didYouMean(name: string, known: Iterable<string>): string {
  const s = [...new Set(suggest(name, known))];
  return s.length ? `; did you mean ${s.map((x) => `'${x}'`).join(" or ")}?` : "";
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
