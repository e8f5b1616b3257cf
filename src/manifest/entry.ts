/**
 * A manifest entry: one line per finished run (lines 2..N), in the Python tool's snake_case form.
 *
 * The Python 0.1-0.4 fields are required (`run_id`, `overrides`, `status`, `output_paths`,
 * `started_at`, `ended_at`, `duration_s`, `stderr`, `log_path`); the fields added later have
 * defaults so older manifests load: `extra_outputs` `{}`, `postprocess_status` `"none"`,
 * `postprocess` null, `context` `{}`, `attempt` 1. The Python 0.5+ fields `solver_paths` and
 * `converged` are accepted and kept; other unknown fields are tolerated and kept on the object.
 *
 * Paths (`output_paths`, `extra_outputs`, `log_path`) are relative to the sweep's output directory
 * when this tool writes them, and absolute in Python manifests; see `outcomeFromEntry`.
 *
 * @module
 */

import { z } from "npm:zod@4.6.7";
import {
  type FileDigest,
  FileDigestSchema,
  type JsonValue,
  JsonValueSchema,
  type OverrideValueJson,
  OverrideValueSchema,
  type PostprocessReason,
  PostprocessReasonSchema,
  type PostprocessStatus,
  PostprocessStatusSchema,
  type RunStatus,
  RunStatusSchema,
} from "../runs/mod.ts";
import type { Assert, SameType } from "../runs/_type_check.ts";

const entryShape = {
  /** Run id, from 0. */
  run_id: z.number().int().nonnegative(),
  /** The exact overrides of this run (field path to value). */
  overrides: z.record(z.string(), OverrideValueSchema),
  /** `ok`, `failed` or `skipped`. */
  status: RunStatusSchema,
  /** Output key (`report__RF`, `ephemeris__E`, `contact__C`) to Parquet path; `{}` unless ok. */
  output_paths: z.record(z.string(), z.string()),
  /** Hook output name to path. */
  extra_outputs: z.record(z.string(), z.string()).default({}),
  /** The hook's own status: `none` (no hook or nothing registered), `ok`, `failed`. */
  postprocess_status: PostprocessStatusSchema.default("none"),
  /** The hook specifier applied to this run, or null. */
  postprocess: z.string().nullable().default(null),
  /** The hook's error when `postprocess_status` is `failed` (kept apart from `stderr`). */
  postprocess_error: z.string().nullable().default(null),
  /** Path of the hook's own log (`postprocess.log`), or null. */
  postprocess_log_path: z.string().nullable().default(null),
  /** Why the hook failed (`threw`, `timeout`, `exited`, `oom`, ...); absent in older manifests. */
  postprocess_reason: PostprocessReasonSchema.nullable().optional(),
  /**
   * SHA-256 of the content of the hook's module graph when it ran, so outputs of two versions of
   * one hook are told apart; absent in older manifests and without a hook.
   */
  postprocess_sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().optional(),
  /** The run's JSON context (input of the hook). */
  context: z.record(z.string(), JsonValueSchema).default({}),
  /** ISO-8601 wall-clock start. */
  started_at: z.string(),
  /** ISO-8601 wall-clock end. */
  ended_at: z.string(),
  /** Monotonic duration in seconds (Python 0.1-0.3 used the wall clock, so it may be < 0). */
  duration_s: z.number(),
  /** Why the run failed, or null. */
  stderr: z.string().nullable(),
  /** Path of the run's `worker.log`, or null. */
  log_path: z.string().nullable(),
  /** 1 for the first attempt, incremented by each resume that retries the run. */
  attempt: z.number().int().positive().default(1),
  /** Python 0.5+: per-solver iteration-history files (key naming not fixed upstream). */
  solver_paths: z.record(z.string(), JsonValueSchema).optional(),
  /** Python 0.5+: solver name to whether it converged. */
  converged: z.record(z.string(), JsonValueSchema).optional(),
  /**
   * Size and SHA-256 of each output and hook output when the run was recorded, keyed by the path
   * as recorded in `output_paths` / `extra_outputs` (this tool; absent in older manifests).
   */
  output_digests: z.record(z.string(), FileDigestSchema).optional(),
};

const EntryObjectSchema = z.object(entryShape);

/** Schema of a manifest entry (on-disk form); fills defaults and keeps unknown fields. */
export const ManifestEntrySchema = z.looseObject(entryShape);

/**
 * The fields a manifest index keeps (run id, status, attempt, duration, whether a context is
 * recorded), checked by the entry schema's own definitions. The rest of an entry is checked when
 * the entry itself is read.
 */
export const EntryIndexFieldsSchema = EntryObjectSchema.pick({
  run_id: true,
  status: true,
  attempt: true,
  duration_s: true,
  postprocess_status: true,
}).extend({ context: z.record(z.string(), z.unknown()).default({}) });

/** What {@link EntryIndexFieldsSchema} gives. */
export type EntryIndexFields = z.output<typeof EntryIndexFieldsSchema>;

/** A manifest entry as parsed (every default filled in). */
export type ManifestEntry = {
  /** Run id, from 0. */
  run_id: number;
  /** The exact overrides of this run (field path to value). */
  overrides: Record<string, OverrideValueJson>;
  /** `ok`, `failed` or `skipped`. */
  status: RunStatus;
  /** Output key (`report__RF`, `ephemeris__E`, `contact__C`) to Parquet path; `{}` unless ok. */
  output_paths: Record<string, string>;
  /** Hook output name to path (default `{}`). */
  extra_outputs: Record<string, string>;
  /** The hook's own status: `none` (no hook or nothing registered), `ok`, `failed` (default). */
  postprocess_status: PostprocessStatus;
  /** The hook specifier applied to this run, or null (default). */
  postprocess: string | null;
  /** The hook's error when `postprocess_status` is `failed` (kept apart from `stderr`), or null. */
  postprocess_error: string | null;
  /** Path of the hook's own log (`postprocess.log`), or null (default). */
  postprocess_log_path: string | null;
  /** Why the hook failed; absent in older manifests. */
  postprocess_reason?: PostprocessReason | null;
  /** SHA-256 of the content of the hook's module graph when it ran; absent in older manifests. */
  postprocess_sha256?: string | null;
  /** The run's JSON context (input of the hook; default `{}`). */
  context: Record<string, JsonValue>;
  /** ISO-8601 wall-clock start. */
  started_at: string;
  /** ISO-8601 wall-clock end. */
  ended_at: string;
  /** Monotonic duration in seconds (Python 0.1-0.3 used the wall clock, so it may be < 0). */
  duration_s: number;
  /** Why the run failed, or null. */
  stderr: string | null;
  /** Path of the run's `worker.log`, or null. */
  log_path: string | null;
  /** 1 for the first attempt, incremented by each resume that retries the run (default 1). */
  attempt: number;
  /** Python 0.5+: per-solver iteration-history files (key naming not fixed upstream). */
  solver_paths?: Record<string, JsonValue>;
  /** Python 0.5+: solver name to whether it converged. */
  converged?: Record<string, JsonValue>;
  /** Size and SHA-256 of each output and hook output, keyed by its recorded path. */
  output_digests?: Record<string, FileDigest>;
};
type _ManifestEntryMatchesSchema = Assert<
  SameType<ManifestEntry, z.output<typeof EntryObjectSchema>>
>;

/**
 * What an entry may be built from: fields with defaults may be left out, and JSON-valued fields
 * are checked when the entry is parsed rather than by their static type.
 */
export type ManifestEntryInput = {
  /** Run id, from 0. */
  run_id: number;
  /** The exact overrides of this run (field path to value). */
  overrides: Record<string, unknown>;
  /** `ok`, `failed` or `skipped`. */
  status: RunStatus;
  /** Output key to Parquet path; `{}` unless ok. */
  output_paths: Record<string, string>;
  /** Hook output name to path; default `{}`. */
  extra_outputs?: Record<string, string>;
  /** The hook's own status; default `none`. */
  postprocess_status?: PostprocessStatus;
  /** The hook specifier applied to this run; default null. */
  postprocess?: string | null;
  /** The hook's error when `postprocess_status` is `failed`; default null. */
  postprocess_error?: string | null;
  /** Path of the hook's own log; default null. */
  postprocess_log_path?: string | null;
  /** Why the hook failed; optional. */
  postprocess_reason?: PostprocessReason | null;
  /** SHA-256 of the content of the hook's module graph when it ran; optional. */
  postprocess_sha256?: string | null;
  /** The run's JSON context; default `{}`. */
  context?: Record<string, unknown>;
  /** ISO-8601 wall-clock start. */
  started_at: string;
  /** ISO-8601 wall-clock end. */
  ended_at: string;
  /** Monotonic duration in seconds. */
  duration_s: number;
  /** Why the run failed, or null. */
  stderr: string | null;
  /** Path of the run's `worker.log`, or null. */
  log_path: string | null;
  /** The attempt number; default 1. */
  attempt?: number;
  /** Python 0.5+: per-solver iteration-history files. */
  solver_paths?: Record<string, unknown>;
  /** Python 0.5+: solver name to whether it converged. */
  converged?: Record<string, unknown>;
  /** Size and SHA-256 of each output and hook output, keyed by its recorded path. */
  output_digests?: Record<string, FileDigest>;
};
type _ManifestEntryInputMatchesSchema = Assert<
  SameType<ManifestEntryInput, z.input<typeof EntryObjectSchema>>
>;
