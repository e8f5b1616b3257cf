/**
 * The SLURM pool: runs go to a SLURM cluster as job arrays, behind the same `run(jobs, signal)` /
 * `close()` interface as the local pool, so a sweep's manifest and tables do not depend on where
 * its runs went.
 *
 * Jobs are pulled from the (possibly streamed) iterable in batches of up to the cluster's
 * MaxArraySize; each batch is written into the spool (see `slurm_spool.ts`) and submitted as one
 * `sbatch --array=0-<n-1>[%cap]` whose tasks run `slurm_task_main.ts` (the project's own worker
 * entry: engine, Parquet conversion, worker.log) and write their outcome files atomically (one
 * run per task, or `runsPerTask` short runs one after the other). The
 * driver watches the spool and `squeue` (see `slurm_watch.ts`) and yields outcomes in completion
 * order; a task that ends without an outcome (time limit, crash, cancel, node failure) yields a
 * failed outcome naming SLURM's state and reason. The next batch is submitted once every task of
 * the earlier ones has started (with `maxConcurrent`: once they have all finished, so the cap
 * holds across arrays). An outcome is marked consumed in the spool only after the consumer asked
 * for the next one (it has recorded it), so {@link adoptSlurmSpool} never hands it on twice.
 *
 * Every array carries the job name `gmat-sweep.<sweep id>` and a comment naming its batch
 * directory, so the jobs of a driver that died can be found and adopted or cancelled.
 *
 * @module
 */

import { selfCommand, SLURM_TASK_COMMAND } from "../runtime/mod.ts";
import type { RunOutcome } from "../runs/mod.ts";
import type { RunJob } from "./job.ts";
import { type AdoptSlurmOptions, adoptSlurmSpool } from "./slurm_adopt.ts";
import {
  cancelAndWait,
  findJobsByName,
  maxArraySize,
  sleep,
  submitArray,
} from "./slurm_commands.ts";
import { SlurmError } from "./slurm_errors.ts";
import {
  batchPaths,
  createBatch,
  markConsumed,
  newBatchName,
  slurmJobName,
  writeBatchRecord,
} from "./slurm_spool.ts";
import { type FoundOutcome, type SlurmStatus, SlurmWatcher } from "./slurm_watch.ts";

/** Options of {@link SlurmPool}. */
export interface SlurmPoolOptions {
  /** The spool directory, on a filesystem the compute nodes share (e.g. `<out>/.slurm`). */
  readonly spoolDir: string;
  /** Identifies the sweep in job names and comments (letters, digits, `._-`; others become `_`). */
  readonly sweepId: string;
  /** `--partition`. */
  readonly partition?: string;
  /** `--account`. */
  readonly account?: string;
  /** `--qos`. */
  readonly qos?: string;
  /** Time limit of each run (each array task), in minutes: `--time`. */
  readonly timeLimitMin?: number;
  /** Memory per task in MB: `--mem`. */
  readonly memMb?: number;
  /** `--cpus-per-task`. */
  readonly cpusPerTask?: number;
  /** At most this many tasks of the sweep run at once (`%cap` on the array). */
  readonly maxConcurrent?: number;
  /** Further sbatch arguments, e.g. `["--constraint=avx2"]`. */
  readonly extraArgs?: readonly string[];
  /**
   * The command an array task runs; the batch directory is appended as its last argument.
   * @default {[Deno.execPath(), "run", "-A", "--quiet", "--config", <deno.json>, <slurm_task_main.ts>]}
   */
  readonly workerCommand?: readonly string[];
  /** Tasks per array (capped by the cluster's MaxArraySize). */
  readonly arraySize?: number;
  /**
   * Runs each array task does one after the other (one Deno start and one scheduling slot for
   * several short runs); the time limit grows with it. @default {1}
   */
  readonly runsPerTask?: number;
  /** How often the spool is listed for outcome files, in ms. @default {250} */
  readonly pollMs?: number;
  /** Minimum time between two `squeue` calls, in ms. @default {1000} */
  readonly statusPollMs?: number;
  /** How long an ended task may take to show its outcome file, in ms. @default {3000} */
  readonly lostGraceMs?: number;
  /** Called with pending / running / done counts whenever they change. */
  readonly onStatus?: (status: SlurmStatus) => void;
}

const TASK_MAIN = new URL("./slurm_task_main.ts", import.meta.url);

/**
 * The default command of an array task: this Deno running `slurm_task_main.ts` (or, from a
 * compiled binary, the binary's hidden task subcommand).
 */
export function defaultWorkerCommand(): string[] {
  if (TASK_MAIN.protocol !== "file:" && !Deno.build.standalone) {
    throw new SlurmError(
      "SLURM_UNAVAILABLE",
      `gmat-sweep is loaded from ${TASK_MAIN.href}, which compute nodes cannot run as a file; ` +
        "pass workerCommand (a command that runs src/pool/slurm_task_main.ts)",
    );
  }
  return selfCommand(TASK_MAIN, SLURM_TASK_COMMAND, ["--v8-flags=--max-semi-space-size=16"]);
}

/** Quote a word for bash. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./=:@%+,-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The script every task of a batch runs. */
export function taskScript(command: readonly string[], batchDir: string, sweepId: string): string {
  return [
    "#!/bin/bash",
    `# gmat-sweep SLURM array task of sweep ${sweepId}, written by SlurmPool. Task i runs`,
    "# jobs/<i>.json of this directory and writes outcomes/<i>.json (SLURM_ARRAY_TASK_ID = i).",
    "export DENO_NO_PACKAGE_JSON=1 NO_COLOR=1",
    `exec ${[...command, batchDir].map(shellQuote).join(" ")}`,
    "",
  ].join("\n");
}

/** Runs jobs as SLURM array tasks. */
export class SlurmPool implements AsyncDisposable {
  /** The options the pool was made with. */
  readonly options: SlurmPoolOptions;
  /** The job name of every array this pool submits (carries the sweep id). */
  readonly jobName: string;
  readonly #command: readonly string[];
  /** Arrays submitted by this pool that may still have tasks queued or running. */
  readonly #live = new Set<string>();
  #arrayMax: number | undefined;
  #seq = 0;
  #closed = false;

  /**
   * A pool for one sweep; nothing is submitted until {@link run}.
   *
   * @param options Spool, sweep id and SLURM settings.
   * @throws {RangeError} for a non-positive time limit, memory, CPU count or array size.
   */
  constructor(options: SlurmPoolOptions) {
    for (
      const [key, value] of Object.entries({
        timeLimitMin: options.timeLimitMin,
        memMb: options.memMb,
        cpusPerTask: options.cpusPerTask,
        maxConcurrent: options.maxConcurrent,
        arraySize: options.arraySize,
        runsPerTask: options.runsPerTask,
      })
    ) {
      if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
        throw new RangeError(
          `Cannot create SlurmPool: ${key} must be an integer >= 1, got ${value}`,
        );
      }
    }
    if (!options.sweepId) throw new RangeError("Cannot create SlurmPool: sweepId is empty");
    this.options = options;
    this.jobName = slurmJobName(options.sweepId);
    this.#command = options.workerCommand ?? defaultWorkerCommand();
  }

  /** The sbatch options every array gets (partition, account, ..., extra arguments). */
  sbatchOptions(): string[] {
    const o = this.options;
    const out: string[] = [];
    if (o.partition) out.push(`--partition=${o.partition}`);
    if (o.account) out.push(`--account=${o.account}`);
    if (o.qos) out.push(`--qos=${o.qos}`);
    if (o.timeLimitMin !== undefined) {
      out.push(`--time=${o.timeLimitMin * (o.runsPerTask ?? 1)}`);
    }
    if (o.memMb !== undefined) out.push(`--mem=${o.memMb}M`);
    if (o.cpusPerTask !== undefined) out.push(`--cpus-per-task=${o.cpusPerTask}`);
    out.push(...(o.extraArgs ?? []));
    return out;
  }

  /**
   * The settings that shape where and how runs go (for a manifest header's backend record):
   * only those given, with the array size the cluster allows once known.
   */
  settings(): Record<string, string | number | string[]> {
    const o = this.options;
    const out: Record<string, string | number | string[]> = {};
    const put = (key: string, value: string | number | readonly string[] | undefined) => {
      if (value !== undefined) out[key] = Array.isArray(value) ? [...value] : value as string;
    };
    put("partition", o.partition);
    put("account", o.account);
    put("qos", o.qos);
    put("timeLimitMin", o.timeLimitMin);
    put("memMb", o.memMb);
    put("cpusPerTask", o.cpusPerTask);
    put("maxConcurrent", o.maxConcurrent);
    put("runsPerTask", o.runsPerTask);
    put("arraySize", o.arraySize);
    put("extraArgs", o.extraArgs);
    put("jobName", this.jobName);
    return out;
  }

  /** Tasks per array: the option, capped by the cluster's MaxArraySize. */
  async arraySize(): Promise<number> {
    this.#arrayMax ??= await maxArraySize();
    return Math.min(this.options.arraySize ?? this.#arrayMax, this.#arrayMax);
  }

  /** Job ids of arrays this pool submitted that may still have live tasks. */
  liveJobIds(): string[] {
    return [...this.#live];
  }

  /**
   * Run jobs as array tasks, yielding outcomes in completion order.
   *
   * When `signal` aborts, the pool's arrays are cancelled (`scancel`), the driver waits until
   * `squeue` shows none of their tasks pending or running, and the iteration ends by throwing the
   * abort reason; outcome files written meanwhile stay in the spool for adoption. An iteration
   * ended early by the consumer cancels the arrays too.
   */
  async *run(
    jobs: Iterable<RunJob> | AsyncIterable<RunJob>,
    signal?: AbortSignal,
  ): AsyncGenerator<RunOutcome> {
    if (this.#closed) throw new Error("Cannot run: the pool is closed");
    signal?.throwIfAborted();
    const iterator = Symbol.asyncIterator in jobs
      ? (jobs as AsyncIterable<RunJob>)[Symbol.asyncIterator]()
      : (jobs as Iterable<RunJob>)[Symbol.iterator]();
    const perTask = this.options.runsPerTask ?? 1;
    const size = (await this.arraySize()) * perTask; // runs per batch
    await Deno.mkdir(this.options.spoolDir, { recursive: true });
    const watcher = new SlurmWatcher({
      statusPollMs: this.options.statusPollMs,
      lostGraceMs: this.options.lostGraceMs,
    });
    const pollMs = this.options.pollMs ?? 250;
    const ready: FoundOutcome[] = [];
    let exhausted = false;
    let unmarked: FoundOutcome | undefined;
    let lastStatus = "";
    const report = () => {
      const s = watcher.status();
      const key = `${s.pending}/${s.running}/${s.done}/${s.lost}`;
      if (key !== lastStatus) {
        lastStatus = key;
        this.options.onStatus?.(s);
      }
    };
    const canSubmit = () =>
      !exhausted && ready.length < size &&
      (watcher.open === 0 || (this.options.maxConcurrent === undefined && watcher.allStarted()));
    const ours: string[] = [];
    try {
      for (;;) {
        signal?.throwIfAborted();
        if (canSubmit()) {
          const batch: RunJob[] = [];
          while (batch.length < size) {
            const next = await iterator.next();
            if (next.done) {
              exhausted = true;
              break;
            }
            batch.push(next.value);
          }
          signal?.throwIfAborted();
          if (batch.length > 0) {
            const id = await this.#submit(batch, watcher);
            ours.push(id);
            report();
          }
        }
        if (ready.length > 0) {
          const found = ready.shift()!;
          unmarked = found;
          yield found.outcome;
          // The consumer asked for more: it has recorded this outcome.
          unmarked = undefined;
          await markConsumed(found.batchDir, found.index, found.outcome);
          continue;
        }
        if (exhausted && watcher.open === 0) break;
        await sleep(pollMs, signal);
        signal?.throwIfAborted();
        ready.push(...await watcher.poll());
        const active = new Set(watcher.activeJobIds());
        for (const id of this.#live) if (!active.has(id)) this.#live.delete(id);
        report();
      }
    } finally {
      if (unmarked) await markConsumed(unmarked.batchDir, unmarked.index, unmarked.outcome);
      if (watcher.open > 0 || signal?.aborted) {
        // Aborted, failed, or ended early by the consumer: nothing of ours may go on running
        // (arrays already finished are cancelled harmlessly; tasks still exiting are waited for).
        await cancelAndWait(ours);
        for (const id of ours) this.#live.delete(id);
      }
    }
  }

  async #submit(jobs: RunJob[], watcher: SlurmWatcher): Promise<string> {
    const name = newBatchName(this.#seq++);
    const runsPerTask = this.options.runsPerTask ?? 1;
    const dir = `${this.options.spoolDir.replace(/\/+$/, "")}/${name}`;
    const comment = `gmat-sweep sweep=${this.options.sweepId} batch=${dir}`;
    const created = await createBatch(
      this.options.spoolDir,
      name,
      { sweepId: this.options.sweepId, jobName: this.jobName, comment, runsPerTask },
      jobs,
      taskScript(this.#command, dir, this.options.sweepId),
    );
    const submission = {
      scriptPath: batchPaths.script(created.dir),
      size: Math.ceil(jobs.length / runsPerTask),
      cap: this.options.maxConcurrent,
      jobName: this.jobName,
      comment,
      stdoutPattern: batchPaths.stdoutPattern(created.dir),
      stderrPattern: batchPaths.stderrPattern(created.dir),
      workDir: created.dir,
      options: this.sbatchOptions(),
    };
    let jobId: string | undefined;
    for (let attempt = 1; jobId === undefined; attempt++) {
      try {
        jobId = await submitArray(submission);
      } catch (e) {
        // An sbatch that timed out may still have submitted: look for the batch's comment.
        const found = await findJobsByName(this.jobName).catch(() => []);
        jobId = found.find((t) => t.comment === comment)?.arrayJobId;
        if (jobId !== undefined) break;
        if (!(e instanceof SlurmError) || e.code !== "SLURM_UNAVAILABLE" || attempt >= 3) throw e;
        await sleep(1000 * attempt);
      }
    }
    const record = { ...created.record, jobId };
    await writeBatchRecord(created.dir, record);
    this.#live.add(jobId);
    watcher.add(created.dir, record);
    return jobId;
  }

  /**
   * Hand on what earlier drivers of this sweep left behind: outcome files of tasks that finished
   * while no driver watched, then (with `live: "adopt"`, the default) the outcomes of its tasks
   * still queued or running, watched to the end, or (with `live: "cancel"`) those tasks cancelled.
   * Call it before re-submitting failed and missing runs, so nothing runs twice.
   */
  adopt(
    options: Pick<AdoptSlurmOptions, "live"> = {},
    signal?: AbortSignal,
  ): AsyncGenerator<RunOutcome> {
    return adoptSlurmSpool({
      spoolDir: this.options.spoolDir,
      sweepId: this.options.sweepId,
      live: options.live,
      pollMs: this.options.pollMs,
      statusPollMs: this.options.statusPollMs,
      lostGraceMs: this.options.lostGraceMs,
      onStatus: this.options.onStatus,
      signal,
    });
  }

  /** Cancel whatever this pool still has queued or running; no run starts after this. */
  async close(): Promise<void> {
    this.#closed = true;
    const live = [...this.#live];
    this.#live.clear();
    await cancelAndWait(live);
  }

  /** Cancel what is still queued or running (as {@link close}). */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
