/**
 * What one run of a sweep is (its spec) and what happened to it (its outcome): the records that
 * cross from the run-set expanders to the pool, from the driver to worker processes and back,
 * and into the manifest.
 *
 * TypeScript names are camelCase; {@link toManifestOutcome}-style converters in the manifest
 * module map them to the Python tool's snake_case names on disk.
 *
 * @module
 */

import { z } from "npm:zod@4.6.7";
import type { Assert, SameType } from "./_type_check.ts";

/** A value an override may set (mirrors the script layer's `OverrideValue`). */
export type OverrideValueJson = number | string | boolean | OverrideValueJson[];

/** Schema of an override value: numbers, strings, booleans, arrays of them. */
export const OverrideValueSchema: z.ZodType<OverrideValueJson> = z.lazy(() =>
  z.union([z.number(), z.string(), z.boolean(), z.array(OverrideValueSchema)])
);

/** Any JSON value (for hook contexts). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/** Schema of any JSON value. */
export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(JsonValueSchema),
    z.record(z.string(), JsonValueSchema),
  ])
);

/** Schema of a run spec. */
export const RunSpecSchema = z.object({
  /** Run id, from 0; also names the run directory `run-<id>`. */
  runId: z.number().int().nonnegative(),
  /** Field path to value, applied just before BeginMissionSequence. */
  overrides: z.record(z.string(), OverrideValueSchema),
  /** The run's seed (Monte Carlo), or null. */
  seed: z.number().int().nonnegative().nullable(),
  /** JSON payload for the postprocess hook. */
  context: z.record(z.string(), JsonValueSchema),
});

/** One run to do (the shape `RunSpecSchema` validates). */
export type RunSpec = {
  /** Run id, from 0; also names the run directory `run-<id>`. */
  runId: number;
  /** Field path to value, applied just before BeginMissionSequence. */
  overrides: Record<string, OverrideValueJson>;
  /** The run's seed (Monte Carlo), or null. */
  seed: number | null;
  /** JSON payload for the postprocess hook. */
  context: Record<string, JsonValue>;
};
type _RunSpecMatchesSchema = Assert<SameType<RunSpec, z.infer<typeof RunSpecSchema>>>;

/** Status of a finished run. */
export const RunStatusSchema = z.enum(["ok", "failed", "skipped"]);
/** Status of a finished run. */
export type RunStatus = "ok" | "failed" | "skipped";
type _RunStatusMatchesSchema = Assert<SameType<RunStatus, z.infer<typeof RunStatusSchema>>>;

/** Status of a run's postprocess hook. */
export const PostprocessStatusSchema = z.enum(["none", "ok", "failed"]);
/** Status of a run's postprocess hook. */
export type PostprocessStatus = "none" | "ok" | "failed";
type _PostprocessStatusMatchesSchema = Assert<
  SameType<PostprocessStatus, z.infer<typeof PostprocessStatusSchema>>
>;

/**
 * Why a run's postprocess hook failed: it threw, ran past its timeout, exited or closed its
 * worker, ran out of memory, crashed (uncaught, or its sandbox died), returned unusable outputs,
 * registered more bytes than allowed, or changed or deleted the engine's outputs.
 */
export const PostprocessReasonSchema = z.enum([
  "threw",
  "timeout",
  "exited",
  "oom",
  "crashed",
  "outputs",
  "oversize",
  "tampered",
]);
/** Why a run's postprocess hook failed (see `PostprocessReasonSchema`). */
export type PostprocessReason =
  | "threw"
  | "timeout"
  | "exited"
  | "oom"
  | "crashed"
  | "outputs"
  | "oversize"
  | "tampered";
type _PostprocessReasonMatchesSchema = Assert<
  SameType<PostprocessReason, z.infer<typeof PostprocessReasonSchema>>
>;

/** Schema of a file's recorded size and SHA-256 (lowercase hex). */
export const FileDigestSchema = z.object({
  /** Size in bytes. */
  size: z.number().int().nonnegative(),
  /** SHA-256 of the content, 64 lowercase hex digits. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** A file's recorded size and SHA-256. */
export type FileDigest = {
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the content, 64 lowercase hex digits. */
  sha256: string;
};
type _FileDigestMatchesSchema = Assert<SameType<FileDigest, z.infer<typeof FileDigestSchema>>>;

/** Schema of a run outcome. */
export const RunOutcomeSchema = z.object({
  runId: z.number().int().nonnegative(),
  status: RunStatusSchema,
  /**
   * Output key (`report__<name>`, `ephemeris__<name>`, `contact__<name>`) to the absolute path of
   * its Parquet file. Empty unless ok.
   */
  outputPaths: z.record(z.string(), z.string()),
  /** Hook output name to absolute path (issue: hooks). */
  extraOutputs: z.record(z.string(), z.string()),
  postprocessStatus: PostprocessStatusSchema,
  /** The hook's error when it failed (kept apart from the engine's `stderr`). */
  postprocessError: z.string().nullable().optional(),
  /** Absolute path of the hook's own log, when a hook ran. */
  postprocessLogPath: z.string().nullable().optional(),
  /** Why the hook failed, when it did. */
  postprocessReason: PostprocessReasonSchema.nullable().optional(),
  /** The specifier of the hook that ran (else the sweep's recorded hook is assumed). */
  postprocess: z.string().nullable().optional(),
  /** SHA-256 of the hook's module graph (its content), when a hook ran. */
  postprocessSha256: z.string().nullable().optional(),
  /** ISO-8601 UTC wall-clock stamps. */
  startedAt: z.string(),
  endedAt: z.string(),
  /** Monotonic duration in seconds. */
  durationS: z.number().nonnegative(),
  /** Why it failed (null when ok). */
  stderr: z.string().nullable(),
  /** Absolute path of the run's `worker.log`, or null. */
  logPath: z.string().nullable(),
  /** 1 for the first attempt, incremented by each resume that retries the run. */
  attempt: z.number().int().positive(),
  /** Size and SHA-256 of each output and hook output, keyed by absolute path (set by the driver). */
  outputDigests: z.record(z.string(), FileDigestSchema).optional(),
  /**
   * Set when the run failed because storage failed (disk full, permission denied, read-only or
   * I/O error): the run is not at fault, so the driver stops the sweep instead of recording it.
   */
  storageError: z.string().optional(),
});

/** What happened to one run (the shape `RunOutcomeSchema` validates). */
export type RunOutcome = {
  /** Run id, from 0. */
  runId: number;
  /** `ok`, `failed` or `skipped`. */
  status: RunStatus;
  /**
   * Output key (`report__<name>`, `ephemeris__<name>`, `contact__<name>`) to the absolute path of
   * its Parquet file. Empty unless ok.
   */
  outputPaths: Record<string, string>;
  /** Hook output name to absolute path. */
  extraOutputs: Record<string, string>;
  /** Status of the run's postprocess hook. */
  postprocessStatus: PostprocessStatus;
  /** The hook's error when it failed (kept apart from the engine's `stderr`). */
  postprocessError?: string | null;
  /** Absolute path of the hook's own log, when a hook ran. */
  postprocessLogPath?: string | null;
  /** Why the hook failed, when it did. */
  postprocessReason?: PostprocessReason | null;
  /** The specifier of the hook that ran (else the sweep's recorded hook is assumed). */
  postprocess?: string | null;
  /** SHA-256 of the hook's module graph (its content), when a hook ran. */
  postprocessSha256?: string | null;
  /** ISO-8601 UTC wall-clock start. */
  startedAt: string;
  /** ISO-8601 UTC wall-clock end. */
  endedAt: string;
  /** Monotonic duration in seconds. */
  durationS: number;
  /** Why it failed (null when ok). */
  stderr: string | null;
  /** Absolute path of the run's `worker.log`, or null. */
  logPath: string | null;
  /** 1 for the first attempt, incremented by each resume that retries the run. */
  attempt: number;
  /** Size and SHA-256 of each output and hook output, keyed by absolute path (set by the driver). */
  outputDigests?: Record<string, FileDigest>;
  /** Set when the run failed because storage failed: the sweep stops instead of recording it. */
  storageError?: string;
};
type _RunOutcomeMatchesSchema = Assert<SameType<RunOutcome, z.infer<typeof RunOutcomeSchema>>>;

/** The directory name of a run: `run-<id>` (the Python tool's layout, which resume relies on). */
export function runDirName(runId: number): string {
  return `run-${runId}`;
}
