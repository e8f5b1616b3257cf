/**
 * Adoption: what a resumed sweep collects from the SLURM spool before it re-submits anything.
 *
 * A driver that died (kill -9, a lost login node) leaves behind outcome files of tasks that
 * finished while no one watched, and arrays still queued or running. {@link adoptSlurmSpool}
 * yields, in this order:
 *
 * 1. every outcome file not yet handed on (not in `done/`), from every batch of the sweep;
 * 2. with `live: "adopt"` (default), the outcomes of the sweep's tasks the controller still lists
 *    as pending or running, watched until they end exactly as a running driver would (an ended
 *    task without an outcome becomes a failed outcome naming SLURM's state and reason); with
 *    `live: "cancel"`, those tasks are cancelled first, and only outcome files written before the
 *    cancel took hold are yielded.
 *
 * The sweep's arrays are found both from the batch records and by job name (`gmat-sweep.<sweep
 * id>`) with the batch directory in the job comment, so an array whose job id the dead driver
 * never recorded is found too. Tasks that ended `CANCELLED` without an outcome, and tasks the
 * controller no longer knows, yield nothing: their runs count as missing and are re-run. Each
 * outcome is marked consumed after the consumer asks for the next one, like the pool's own.
 *
 * @module
 */

import type { RunOutcome } from "../runs/mod.ts";
import {
  cancelAndWait,
  findJobsByName,
  isActiveState,
  queryTasks,
  sleep,
  taskKey,
} from "./slurm_commands.ts";
import {
  batchPaths,
  type BatchRecord,
  listBatchDirs,
  listIndices,
  markConsumed,
  readBatchRecord,
  readOutcomeFile,
  slurmJobName,
  taskOfJob,
  writeBatchRecord,
} from "./slurm_spool.ts";
import { type SlurmStatus, SlurmWatcher } from "./slurm_watch.ts";

/** Options of {@link adoptSlurmSpool}. */
export interface AdoptSlurmOptions {
  /** The sweep's spool directory. */
  readonly spoolDir: string;
  /** The sweep id its arrays were submitted with. */
  readonly sweepId: string;
  /** What to do with tasks still queued or running. @default {"adopt"} */
  readonly live?: "adopt" | "cancel";
  /** How often the spool is listed while watching adopted tasks, in ms. @default {250} */
  readonly pollMs?: number;
  /** Minimum time between two `squeue` calls, in ms. @default {1000} */
  readonly statusPollMs?: number;
  /** How long an ended task may take to show its outcome file, in ms. @default {3000} */
  readonly lostGraceMs?: number;
  /** Progress of the adopted tasks. */
  readonly onStatus?: (status: SlurmStatus) => void;
  /** Aborting cancels the adopted tasks and throws the abort reason. */
  readonly signal?: AbortSignal;
}

/** What adoption found in the spool before handing anything on. */
export interface SpoolSurvey {
  /** Batches of the sweep (with job ids recovered from the controller where missing). */
  readonly batches: { readonly dir: string; readonly record: BatchRecord }[];
  /** Outcome files not yet handed on: batch directory and job index. */
  readonly finished: { readonly dir: string; readonly index: number }[];
  /** Runs without an outcome file whose task the controller still lists (active or ended). */
  readonly known: { readonly dir: string; readonly index: number; readonly state: string }[];
  /** Runs without an outcome file whose task the controller no longer knows (missing). */
  readonly unknown: number;
}

/** Look at a sweep's spool and at the controller's view of its arrays; changes nothing. */
export async function surveySlurmSpool(spoolDir: string, sweepId: string): Promise<SpoolSurvey> {
  const batches: { dir: string; record: BatchRecord }[] = [];
  for (const dir of await listBatchDirs(spoolDir)) {
    let record: BatchRecord;
    try {
      record = await readBatchRecord(dir);
    } catch {
      continue; // a batch whose creation was interrupted: never submitted
    }
    if (record.sweepId === sweepId) batches.push({ dir, record });
  }
  if (batches.length === 0) return { batches, finished: [], known: [], unknown: 0 };
  if (batches.some((b) => b.record.jobId === null)) {
    const named = await findJobsByName(slurmJobName(sweepId));
    for (const b of batches) {
      if (b.record.jobId !== null) continue;
      const id = named.find((t) => t.comment?.endsWith(` batch=${b.dir}`))?.arrayJobId;
      if (id !== undefined) {
        b.record = { ...b.record, jobId: id };
        await writeBatchRecord(b.dir, b.record);
      }
    }
  }
  const ids = batches.flatMap((b) => (b.record.jobId === null ? [] : [b.record.jobId]));
  const states = new Map(
    (await queryTasks(ids)).map((s) => [taskKey(s.arrayJobId, s.taskId), s.state]),
  );
  const finished: { dir: string; index: number }[] = [];
  const known: { dir: string; index: number; state: string }[] = [];
  let unknown = 0;
  for (const { dir, record } of batches) {
    const done = new Set(await listIndices(batchPaths.done(dir)));
    const files = new Set(await listIndices(batchPaths.outcomes(dir)));
    for (let i = 0; i < record.runIds.length; i++) {
      if (done.has(i)) continue;
      if (files.has(i)) {
        finished.push({ dir, index: i });
        continue;
      }
      const state = record.jobId === null
        ? undefined
        : states.get(taskKey(record.jobId, taskOfJob(record, i)));
      if (state === undefined) unknown++;
      else known.push({ dir, index: i, state });
    }
  }
  return { batches, finished, known, unknown };
}

/** Yield what earlier drivers of a sweep left behind (see the module doc). */
export async function* adoptSlurmSpool(options: AdoptSlurmOptions): AsyncGenerator<RunOutcome> {
  const { signal } = options;
  signal?.throwIfAborted();
  const survey = await surveySlurmSpool(options.spoolDir, options.sweepId);
  const jobIdOf = new Map(survey.batches.map((b) => [b.dir, b.record.jobId]));

  // 1. Outcome files of tasks that finished while no driver watched.
  for (const { dir, index } of survey.finished) {
    let outcome: RunOutcome;
    try {
      outcome = (await readOutcomeFile(dir, index)).outcome;
    } catch {
      continue; // unreadable: the run counts as missing and is re-run
    }
    yield outcome;
    await markConsumed(dir, index, outcome);
    signal?.throwIfAborted();
  }
  if (survey.known.length === 0) return;

  // 2. Tasks the controller still lists: watched to the end, or cancelled first.
  const live = [
    ...new Set(
      survey.known.filter((t) => isActiveState(t.state)).map((t) => jobIdOf.get(t.dir)!),
    ),
  ];
  if (options.live === "cancel") await cancelAndWait(live);
  const watcher = new SlurmWatcher({
    statusPollMs: options.statusPollMs,
    lostGraceMs: options.lostGraceMs,
    dropStates: new Set(["CANCELLED"]),
  });
  const byDir = new Map<string, number[]>();
  for (const t of survey.known) byDir.set(t.dir, [...(byDir.get(t.dir) ?? []), t.index]);
  for (const b of survey.batches) {
    const indices = byDir.get(b.dir);
    if (indices) watcher.add(b.dir, b.record, indices);
  }
  let finishedNormally = false;
  try {
    while (watcher.open > 0) {
      signal?.throwIfAborted();
      for (const found of await watcher.poll()) {
        yield found.outcome;
        await markConsumed(found.batchDir, found.index, found.outcome);
      }
      options.onStatus?.(watcher.status());
      if (watcher.open > 0) await sleep(options.pollMs ?? 250, signal);
    }
    finishedNormally = true;
  } finally {
    if (!finishedNormally) await cancelAndWait(live);
  }
}
