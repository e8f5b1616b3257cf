/**
 * Converting between a run's in-memory outcome (camelCase, absolute paths) and its manifest entry
 * (snake_case, paths relative to the sweep's output directory).
 *
 * Relative paths are what make a study movable: the manifest and the output tree can be copied to
 * another directory or machine and still resolve. They are computed lexically (no symlink
 * resolution) and written with `/` separators on every platform. Reading, every path must resolve
 * inside the output directory (a manifest is untrusted input, see `confine.ts`); Python manifests
 * hold absolute paths, which {@link outcomeFromEntry} accepts when they point into it.
 *
 * @module
 */

import { isAbsolute, relative, resolve, sep } from "node:path";
import type { FileDigest, RunOutcome, RunSpec } from "../runs/mod.ts";
import { confinedPath, isInside } from "./confine.ts";
import type { ManifestEntry } from "./entry.ts";
import { ManifestPathError } from "./errors.ts";

/** Options of {@link entryFromOutcome}. */
export interface EntryFromOutcomeOptions {
  /** The sweep's output directory; every path of the outcome must lie inside it. */
  outputDir: string;
  /** The hook specifier applied to this run, or null. */
  postprocess: string | null;
}

/**
 * Build the manifest entry of a finished run.
 *
 * @param outcome What happened (absolute paths).
 * @param spec The run's spec (its overrides and context are recorded).
 * @param options The output directory and the hook.
 * @returns The entry, with paths relative to `outputDir`.
 * @throws {RangeError} If `outcome.runId` and `spec.runId` differ.
 * @throws {ManifestPathError} If a path is not absolute or lies outside `outputDir`.
 *
 * @example
 * ```ts
 * import { entryFromOutcome } from "./mod.ts";
 * const entry = entryFromOutcome({
 *   runId: 3, status: "ok", outputPaths: { report__RF: "/study/out/run-3/report__RF.parquet" },
 *   extraOutputs: {}, postprocessStatus: "none", startedAt: "2026-01-01T00:00:00.000Z",
 *   endedAt: "2026-01-01T00:00:02.000Z", durationS: 2, stderr: null,
 *   logPath: "/study/out/run-3/worker.log", attempt: 1,
 * }, { runId: 3, overrides: { "Sat.SMA": 7300 }, seed: null, context: {} }, {
 *   outputDir: "/study/out", postprocess: null,
 * });
 * console.log(entry.output_paths.report__RF, entry.log_path);
 * // run-3/report__RF.parquet run-3/worker.log
 * ```
 */
export function entryFromOutcome(
  outcome: RunOutcome,
  spec: RunSpec,
  options: EntryFromOutcomeOptions,
): ManifestEntry {
  if (outcome.runId !== spec.runId) {
    throw new RangeError(
      `Cannot build a manifest entry: outcome run ${outcome.runId} does not match spec run ` +
        `${spec.runId}`,
    );
  }
  const outputDir = resolve(options.outputDir);
  const rel = (field: string, path: string) =>
    relativeInside(outcome.runId, field, path, outputDir);
  const relMap = (field: string, map: Record<string, string>) =>
    Object.fromEntries(Object.entries(map).map(([k, p]) => [k, rel(`${field}.${k}`, p)]));
  const digests = outcome.outputDigests === undefined ? undefined : Object.fromEntries(
    Object.entries(outcome.outputDigests).map(([p, d]) => [rel("output_digests", p), d]),
  );
  return {
    run_id: outcome.runId,
    overrides: spec.overrides,
    status: outcome.status,
    output_paths: relMap("output_paths", outcome.outputPaths),
    extra_outputs: relMap("extra_outputs", outcome.extraOutputs),
    postprocess_status: outcome.postprocessStatus,
    postprocess: outcome.postprocess !== undefined ? outcome.postprocess : options.postprocess,
    postprocess_error: outcome.postprocessError ?? null,
    postprocess_log_path: outcome.postprocessLogPath
      ? rel("postprocess_log_path", outcome.postprocessLogPath)
      : null,
    ...(outcome.postprocessReason ? { postprocess_reason: outcome.postprocessReason } : {}),
    ...(outcome.postprocessSha256 ? { postprocess_sha256: outcome.postprocessSha256 } : {}),
    context: spec.context,
    started_at: outcome.startedAt,
    ended_at: outcome.endedAt,
    duration_s: outcome.durationS,
    stderr: outcome.stderr,
    log_path: outcome.logPath === null ? null : rel("log_path", outcome.logPath),
    attempt: outcome.attempt,
    ...(digests === undefined ? {} : { output_digests: digests }),
  };
}

function relativeInside(runId: number, field: string, path: string, outputDir: string): string {
  if (!isAbsolute(path)) {
    throw new ManifestPathError(
      runId,
      field,
      path,
      outputDir,
      "is not absolute; expected a path in",
    );
  }
  if (!isInside(outputDir, resolve(path))) {
    throw new ManifestPathError(runId, field, path, outputDir, "is outside the output directory");
  }
  const rel = relative(outputDir, resolve(path));
  return sep === "/" ? rel : rel.split(sep).join("/");
}

/**
 * Turn a manifest entry back into a run outcome, resolving its paths against the output directory.
 * Every path must resolve inside it (relative ones as this tool writes them, absolute ones as the
 * Python tool writes them): the entry is untrusted input.
 *
 * @param entry The entry.
 * @param outputDir The sweep's output directory (where it is now).
 * @returns The outcome with absolute paths (and digests keyed by them).
 * @throws {ManifestPathError} When a path resolves outside the output directory.
 *
 * @example
 * ```ts
 * import { outcomeFromEntry } from "./mod.ts";
 * const outcome = outcomeFromEntry({
 *   run_id: 3, overrides: {}, status: "ok", output_paths: { report__RF: "run-3/report__RF.parquet" },
 *   extra_outputs: {}, postprocess_status: "none", postprocess: null, postprocess_error: null,
 *   postprocess_log_path: null, context: {}, started_at: "2026-01-01T00:00:00.000Z",
 *   ended_at: "2026-01-01T00:00:02.000Z", duration_s: 2, stderr: null, log_path: null, attempt: 1,
 * }, "/moved/out");
 * console.log(outcome.outputPaths.report__RF); // /moved/out/run-3/report__RF.parquet
 * ```
 */
export function outcomeFromEntry(entry: ManifestEntry, outputDir: string): RunOutcome {
  const base = resolve(outputDir);
  const id = entry.run_id;
  const abs = (field: string, p: string) => confinedPath(base, p, id, field);
  const absMap = (field: string, map: Record<string, string>) =>
    Object.fromEntries(Object.entries(map).map(([k, p]) => [k, abs(`${field}.${k}`, p)]));
  const digests: Record<string, FileDigest> | undefined = entry.output_digests === undefined
    ? undefined
    : Object.fromEntries(
      Object.entries(entry.output_digests).map(([p, d]) => [abs("output_digests", p), d]),
    );
  return {
    runId: id,
    status: entry.status,
    outputPaths: absMap("output_paths", entry.output_paths),
    extraOutputs: absMap("extra_outputs", entry.extra_outputs),
    postprocessStatus: entry.postprocess_status,
    postprocessError: entry.postprocess_error,
    postprocessLogPath: entry.postprocess_log_path === null
      ? null
      : abs("postprocess_log_path", entry.postprocess_log_path),
    ...(entry.postprocess_reason ? { postprocessReason: entry.postprocess_reason } : {}),
    ...(entry.postprocess !== null ? { postprocess: entry.postprocess } : {}),
    ...(entry.postprocess_sha256 ? { postprocessSha256: entry.postprocess_sha256 } : {}),
    startedAt: entry.started_at,
    endedAt: entry.ended_at,
    durationS: entry.duration_s,
    stderr: entry.stderr,
    logPath: entry.log_path === null ? null : abs("log_path", entry.log_path),
    attempt: entry.attempt,
    ...(digests === undefined ? {} : { outputDigests: digests }),
  };
}
