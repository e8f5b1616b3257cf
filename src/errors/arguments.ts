/**
 * Checking the arguments of public functions: a zod schema per argument, and an
 * {@link ArgumentError} naming the function, the argument (and field) and what is expected
 * when a caller passes something else, instead of a TypeError from deep inside.
 *
 * @module
 */

import { z } from "npm:zod@4.6.7";
import { GmatSweepError } from "./mod.ts";

/** A file path argument. */
export const PathArg = z.string({ error: "expected a file path (a string)" }).min(1, {
  error: "expected a file path, got an empty string",
});

/** A public function was called with an argument of the wrong kind. */
export class ArgumentError extends GmatSweepError {
  /** Always `ARGUMENT`. */
  declare readonly code: "ARGUMENT";

  /**
   * Creates the error.
   *
   * @param message The function, argument and what is expected, and what was given.
   */
  constructor(message: string) {
    super("ARGUMENT", message);
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.slice(0, 60))}`;
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/**
 * What is wrong with an argument, or undefined when it fits its schema.
 *
 * @param where The function and argument, e.g. `lazyOutputs(manifestPath)`.
 * @param schema What the argument must be.
 * @param value The argument.
 * @returns `where.field: what is expected, got what was given`, or undefined.
 */
export function argumentProblem(
  where: string,
  schema: z.ZodType,
  value: unknown,
): string | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const field = issue.path.length > 0 ? `.${issue.path.join(".")}` : "";
  let got = value;
  for (const p of issue.path) got = (got as Record<PropertyKey, unknown> | undefined)?.[p];
  return `${where}${field}: ${issue.message}, got ${describe(got)}`;
}

/**
 * Checks one argument against its schema.
 *
 * @param where The function and argument, e.g. `lazyOutputs(manifestPath)`.
 * @param schema What the argument must be.
 * @param value The argument.
 * @throws {ArgumentError} Naming the function, the argument and what is expected.
 */
export function checkArgument(where: string, schema: z.ZodType, value: unknown): void {
  const problem = argumentProblem(where, schema, value);
  if (problem !== undefined) throw new ArgumentError(problem);
}
