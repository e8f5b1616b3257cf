/**
 * Executing one invocation of a sweep (run, resume, extend): jobs go to the pool, outcomes come
 * back in completion order, each ok run's outputs are hashed (size and SHA-256 for the manifest),
 * the hook runs where there is one, and every outcome is appended to the manifest. A run counts as
 * done (progress, summary) only once its entry is durable; appends are not awaited one by one, so
 * entries finishing together share one sync (the writer's group commit) while the pool goes on.
 *
 * Stops: an interrupt (the caller's signal) ends the invocation with a consistent manifest; a
 * storage failure (disk full, permission denied, I/O error), in the manifest or in a run, stops
 * the pool and is thrown as a `StorageError`: runs it hit are not recorded (resume re-runs them),
 * and no entry is recorded as done without its files.
 *
 * @module
 */

import type { SweepProgress } from "../progress/mod.ts";
import { join } from "node:path";
import { storageCodeOf, StorageError } from "../errors/storage_error.ts";
import {
  digestFile,
  entryFromOutcome,
  type ManifestIndex,
  type ManifestTotals,
  type ManifestWriter,
  syncFilesAndDirectories,
} from "../manifest/mod.ts";
import type { RunJob } from "../pool/job.ts";
import { withHookResult } from "../pool/job_hooks.ts";
import type { HookRunner } from "../hooks/mod.ts";
import { type FileDigest, runDirName, type RunOutcome, type RunSpec } from "../runs/mod.ts";
import type { SweepPool } from "./backend_choice.ts";

/** What one invocation (run, resume or extend) did. */
export interface SweepSummary {
  /** Runs done by this invocation. */
  readonly ran: number;
  /** Runs of this invocation that finished ok. */
  readonly ok: number;
  /** Runs of this invocation that did not finish ok. */
  readonly failed: number;
  /** Runs of this invocation whose hook succeeded. */
  readonly hooksOk: number;
  /** Runs of this invocation whose hook failed (counted apart: those runs are ok). */
  readonly hooksFailed: number;
  /** Wall time of this invocation, seconds. */
  readonly wallS: number;
  /** Run time of this invocation's runs (summed over workers), seconds. */
  readonly runTimeS: number;
  /** The runs the sweep plans in all (its run set, or an extend's target). */
  readonly planned: number;
  /** Whether it was interrupted before finishing. */
  readonly interrupted: boolean;
  /** The whole manifest afterwards (this invocation's runs and earlier ones). */
  readonly totals: ManifestTotals;
}

/** What an invocation runs: SLURM adoption first (resume), then the jobs. */
export interface ExecutionPlan {
  /** The jobs and their count, decided when asked (after adoption). */
  jobs(): Promise<{ jobs: Iterable<RunJob>; total: number }>;
  /** Outcomes of an earlier driver's SLURM tasks, with their specs, recorded first. */
  adopted?: (signal: AbortSignal) => AsyncIterable<{ outcome: RunOutcome; spec: RunSpec }>;
}

/** Everything {@link executePlan} works with. */
export interface ExecutionContext {
  readonly writer: ManifestWriter;
  readonly index: ManifestIndex;
  readonly pool: SweepPool;
  /** The hook runner, when the sweep has a hook (closed when the invocation ends). */
  readonly hooks: HookRunner | undefined;
  readonly outputDir: string;
  /** The hook specifier recorded on each entry. */
  readonly postprocess: string | null;
  /** Parallel runs (bounds outcomes waiting for their hook). */
  readonly concurrency: number;
  readonly onProgress?: (progress: SweepProgress) => void;
  /** The runs the sweep plans in all, for the summary. */
  readonly planned: number;
  /**
   * Sync each ok run's outputs (and hook outputs) to disk before its entry is appended: what
   * the manifest's `fsync: "each"` promises (an entry recorded as done has its files).
   */
  readonly durableOutputs: boolean;
}

/**
 * Size and SHA-256 of every output and hook output of an ok outcome (digests already taken, of
 * the engine's outputs before its hook ran, are kept: a hook must not change them). With
 * `durable`, the files it digests are synced to disk with their directories before it returns,
 * so the entry that records them (made durable after) never outlives them in a machine crash.
 *
 * @param outcome The outcome.
 * @param durable Sync the newly digested files (the manifest's `fsync: "each"` policy).
 */
export async function withDigests(outcome: RunOutcome, durable = false): Promise<RunOutcome> {
  if (outcome.status !== "ok") return outcome;
  const paths = [...Object.values(outcome.outputPaths), ...Object.values(outcome.extraOutputs)];
  const digests: Record<string, FileDigest> = { ...outcome.outputDigests };
  const digested: string[] = [];
  let path = "";
  try {
    for (path of paths) {
      if (digests[path] !== undefined) continue;
      digests[path] = await digestFile(path);
      digested.push(path);
    }
    path = "";
    if (durable) await syncFilesAndDirectories(digested);
  } catch (e) {
    if (storageCodeOf(e) !== undefined || path === "") {
      throw new StorageError(
        storageCodeOf(e) ?? "STORAGE_IO",
        path || digested.join(", "),
        path ? "cannot read the run output" : "cannot sync the run outputs to disk",
        "then finish the sweep with gmat-sweep resume (the manifest is consistent)",
        { cause: e },
      );
    }
    // The run said ok but its file is gone: record what is true.
    return {
      ...outcome,
      status: "failed",
      outputPaths: {},
      extraOutputs: {},
      stderr: `output ${path} could not be read when the run was recorded ` +
        `(${(e as Error).message}); the run is failed so that resume re-runs it`,
    };
  }
  return { ...outcome, outputDigests: digests };
}

/** The error a run's storage failure stops the sweep with. */
function runStorageError(outcome: RunOutcome, outputDir: string): StorageError {
  const detail = new Error(outcome.storageError);
  return new StorageError(
    storageCodeOf(detail) ?? "STORAGE_IO",
    join(outputDir, runDirName(outcome.runId)),
    `run ${outcome.runId} cannot write`,
    "then finish the sweep with gmat-sweep resume (the manifest is consistent; runs that could " +
      "not write are re-run)",
    { cause: detail },
  );
}

/**
 * Run a plan: see the module doc.
 *
 * @param context The writer, index, pool, hooks and options.
 * @param plan What to run.
 * @param signal Interrupts the invocation (the manifest stays consistent).
 * @returns What the invocation did and the manifest's totals.
 * @throws {StorageError} When storage fails (after the pool has stopped and the manifest closed).
 */
export async function executePlan(
  context: ExecutionContext,
  plan: ExecutionPlan,
  signal: AbortSignal | undefined,
): Promise<SweepSummary> {
  const { writer, index, pool, hooks } = context;
  const t0 = performance.now();
  const specs = new Map<number, RunSpec>();
  const stop = new AbortController();
  const running = signal === undefined ? stop.signal : AbortSignal.any([signal, stop.signal]);
  let fatal: { error: unknown } | undefined;
  const fail = (error: unknown) => {
    fatal ??= { error };
    stop.abort(error);
  };
  // An interrupt stops hooks in flight at once (their runs are re-done by resume), rather than
  // waiting up to their timeout; closing returns once the sandbox hosts have exited.
  const hooksClosed = hooks === undefined ? undefined : new Promise<void>((resolve) => {
    const close = () => hooks.close().then(resolve, resolve);
    if (running.aborted) close();
    else running.addEventListener("abort", close, { once: true });
  });
  let total = 0, done = 0, ok = 0, failed = 0, hooksOk = 0, hooksFailed = 0, runTimeS = 0;
  let interrupted = false;

  const record = async (outcome: RunOutcome, spec: RunSpec): Promise<void> => {
    if (fatal !== undefined) return;
    if (outcome.storageError !== undefined) throw runStorageError(outcome, context.outputDir);
    const checked = await withDigests(outcome, context.durableOutputs);
    const line = await writer.append(
      entryFromOutcome(checked, spec, {
        outputDir: context.outputDir,
        postprocess: context.postprocess,
      }),
    );
    index.note(line.entry, line);
    done++;
    runTimeS += checked.durationS;
    if (checked.status === "ok") ok++;
    else failed++;
    if (checked.postprocessStatus === "ok") hooksOk++;
    else if (checked.postprocessStatus === "failed") hooksFailed++;
    const elapsedS = (performance.now() - t0) / 1000;
    const rate = done / Math.max(elapsedS, 1e-9);
    context.onProgress?.({
      done,
      total,
      ok,
      failed,
      hooksOk,
      hooksFailed,
      elapsedS,
      rate,
      etaS: (total - done) / rate,
      last: checked,
    });
  };
  const hooked = async (outcome: RunOutcome, spec: RunSpec): Promise<void> => {
    // The engine's outputs are hashed before the hook runs: a hook that changes them fails.
    const before = await withDigests(outcome, context.durableOutputs);
    if (before.status !== "ok") return await record(before, spec);
    const h = await hooks!.run(spec, before, join(context.outputDir, runDirName(spec.runId)));
    // After an interrupt no entry is added: the run is re-done by resume, as runs in flight are.
    if (running.aborted) return;
    await record(withHookResult(before, h), spec);
  };
  const pending = new Set<Promise<void>>();
  // Outcomes taken from the pool before the earlier ones are recorded. With a hook and several
  // workers, up to four per worker wait for (or run) their hook while the workers go on with the
  // next runs: with one per worker the workers idled while the hooks ran (hooked/unhooked 0.26 ->
  // 0.30 per-run isolation, 0.65 -> 0.79 sweep isolation, bench_hooks.ts). A single worker keeps
  // each run in step with its hook, so entries come at the pace of run plus hook: an interrupt
  // timed on the manifest (the acceptance story's SIGINT once four entries are in) then lands
  // between entries, where four ahead made the fifth and sixth entries race it. Runs waiting for
  // their hook at an interrupt are re-done by resume, so the bound stays small.
  const window = hooks === undefined
    ? Math.max(64, 4 * context.concurrency)
    : context.concurrency === 1
    ? 1
    : 4 * context.concurrency;
  const consume = async (outcome: RunOutcome, spec: RunSpec): Promise<void> => {
    // A SLURM task has already run the hook where the run ran.
    const task = hooks !== undefined && outcome.status === "ok" &&
        outcome.postprocessStatus === "none" && outcome.storageError === undefined
      ? hooked(outcome, spec)
      : record(outcome, spec);
    pending.add(task);
    task.then(() => pending.delete(task), (e) => {
      pending.delete(task);
      fail(e);
    });
    if (pending.size >= window) await Promise.race(pending).catch(() => {});
  };
  const settle = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };

  try {
    if (plan.adopted !== undefined) {
      for await (const { outcome, spec } of plan.adopted(running)) {
        total++;
        await consume(outcome, spec);
      }
      await settle();
    }
    if (fatal === undefined) {
      const next = await plan.jobs();
      total += next.total;
      const tracked = (function* () {
        for (const job of next.jobs) {
          specs.set(job.spec.runId, job.spec);
          yield job;
        }
      })();
      for await (const outcome of pool.run(tracked, running)) {
        const spec = specs.get(outcome.runId)!;
        specs.delete(outcome.runId);
        await consume(outcome, spec);
      }
    }
    await settle();
  } catch (e) {
    if (fatal === undefined) {
      if (signal?.aborted) interrupted = true;
      else fail(e);
    }
  } finally {
    await hooks?.close();
    if (running.aborted) await hooksClosed;
    await settle();
    await writer.close().catch(fail);
    await pool.close();
  }
  if (fatal !== undefined) throw fatal.error;
  // An interrupt that came once every run was out of the pool (hooks still running) dropped those
  // runs too: the invocation is as unfinished as one stopped mid-pool.
  if (signal?.aborted && done < total) interrupted = true;
  return {
    ran: done,
    ok,
    failed,
    hooksOk,
    hooksFailed,
    wallS: (performance.now() - t0) / 1000,
    runTimeS,
    planned: context.planned,
    interrupted,
    totals: index.totals(),
  };
}

export type { SweepProgress } from "../progress/mod.ts";
