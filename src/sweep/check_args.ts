/**
 * Argument checks of the public sweep API: what a caller passes to `Sweep.create`,
 * `Sweep.fromManifest` and the one-call entry points is validated by zod schemas before use, so
 * a wrong type (`workers: "2"`, a path where options go, a missing script) is one
 * {@link SweepConfigError} naming the function, the argument and what is expected, never a raw
 * TypeError from deep inside.
 *
 * @module
 */

import { z } from "npm:zod@4.6.7";
import { argumentProblem, PathArg } from "../errors/arguments.ts";
import { SweepConfigError } from "./sweep_error.ts";

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === "function", {
  message: "expected a function",
});
const positive = z.number().positive();

/** The checked part of the options every sweep takes (functions and primitives). */
const CommonOptionsSchema = z.looseObject({
  manifestPath: z.string().min(1).optional(),
  engine: z.enum(["auto", "builtin", "gmat"]).optional(),
  gmatRoot: z.string().optional(),
  workers: z.number().int().optional(),
  forceWorkers: z.boolean().optional(),
  timeoutS: positive.optional(),
  fsync: z.union([z.literal("each"), z.object({ batch: z.number().int().min(1) })]).optional(),
  processPerRun: z.boolean().optional(),
  onProgress: fn.optional(),
  onSlurmStatus: fn.optional(),
  progress: z.boolean().optional(),
  backend: z.enum(["local", "slurm"]).optional(),
  postprocess: z.string().min(1).optional(),
  postprocessTimeoutS: positive.optional(),
  contextProvider: fn.optional(),
  overwrite: z.boolean().optional(),
  onWarning: fn.optional(),
  signal: z.instanceof(AbortSignal).optional(),
});

/** Options of `Sweep.create` and the one-call entry points. */
export const CreateOptionsSchema = CommonOptionsSchema.extend({
  outputDir: z.string().min(1).optional(),
});

/** Options of `Sweep.fromManifest` and `monteCarloExtend`. */
export const ReopenOptionsSchema = CommonOptionsSchema.extend({
  outputDir: z.string().min(1).optional(),
  allowScriptDrift: z.boolean().optional(),
});

/** A file path argument. */
export const PathSchema: typeof PathArg = PathArg;

/** `Sweep#resume`'s argument: a signal (checked as `{ signal }`), or options. */
export const ResumeArgSchema = z.preprocess(
  (v) => v instanceof AbortSignal ? { signal: v } : v,
  z.strictObject({
    signal: z.instanceof(AbortSignal).optional(),
    rerunDamaged: z.boolean().optional(),
  }).optional(),
);

/**
 * Checks one argument against its schema.
 *
 * @param where The function and argument, e.g. `Sweep.create(options)`.
 * @param schema What the argument must be.
 * @param value The argument.
 * @returns The value, typed.
 * @throws {SweepConfigError} Naming the function, the argument (and field) and what is expected.
 */
export function checkArg<T>(where: string, schema: z.ZodType<T>, value: unknown): T {
  const problem = argumentProblem(where, schema, value);
  if (problem !== undefined) throw new SweepConfigError(problem);
  return value as T;
}
