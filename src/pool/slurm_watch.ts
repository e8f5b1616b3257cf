/**
 * Watching submitted arrays until every task has an outcome: the outcome files the tasks write
 * into the spool, and SLURM's own view (`squeue -t all`) for tasks that end without one.
 *
 * Each {@link SlurmWatcher.poll} lists the `outcomes/` directories of the open batches (cheap) and,
 * every `statusPollMs`, asks `squeue` for the state of every task. A task that SLURM reports as
 * ended (FAILED, TIMEOUT, CANCELLED, NODE_FAIL, PREEMPTED, OUT_OF_MEMORY, even COMPLETED) or no
 * longer knows, and that has still written no outcome file `lostGraceMs` later, becomes a failed
 * outcome whose `stderr` names SLURM's state and reason ("SLURM task TIMEOUT (TimeLimit) ...") and
 * carries the tail of the task's stderr log.
 *
 * @module
 */

import { join } from "node:path";
import type { RunOutcome } from "../runs/mod.ts";
import { isActiveState, queryTasks, taskDetails, taskKey } from "./slurm_commands.ts";
import { SlurmError } from "./slurm_errors.ts";
import {
  batchPaths,
  type BatchRecord,
  listIndices,
  readJob,
  readOutcomeFile,
  stderrTail,
  taskOfJob,
} from "./slurm_spool.ts";

/** Counts of the tasks a driver watches, for progress displays. */
export interface SlurmStatus {
  /** Submitted, not started (or not yet seen by `squeue`). */
  readonly pending: number;
  /** Started, no outcome yet. */
  readonly running: number;
  /** With an outcome (ok or failed, lost tasks included). */
  readonly done: number;
  /** Of `done`: tasks that ended without an outcome file (failed by SLURM's account). */
  readonly lost: number;
}

/** An outcome found for a task, with where it came from (so it can be marked consumed). */
export interface FoundOutcome {
  readonly batchDir: string;
  readonly index: number;
  readonly outcome: RunOutcome;
  /** True when the driver made it up for a task that ended without an outcome file. */
  readonly lost: boolean;
}

/** Options of {@link SlurmWatcher}. */
export interface SlurmWatcherOptions {
  /** Minimum time between two `squeue` calls. @default {1000} */
  readonly statusPollMs?: number;
  /** How long an ended task may take to show its outcome file (shared filesystems lag). */
  readonly lostGraceMs?: number;
  /**
   * SLURM states whose tasks, ended without an outcome, yield nothing (the run counts as
   * missing, not failed). Adoption drops `CANCELLED`: those runs are simply re-run.
   */
  readonly dropStates?: ReadonlySet<string>;
  /** Give up when `squeue` keeps failing this long. @default {120000} */
  readonly statusFailureMs?: number;
}

/** One run of a batch (job file `jobs/<index>.json`), run by array task `taskId`. */
interface Task {
  readonly index: number;
  readonly taskId: number;
  /** Last state seen (`UNKNOWN` before the first `squeue`). */
  state: string;
  reason: string;
  seen: boolean;
  /** When the task was first seen ended (or vanished) without an outcome file. */
  endedAt?: number;
}

interface Batch {
  readonly dir: string;
  readonly jobId: string;
  readonly runsPerTask: number;
  readonly open: Map<number, Task>;
}

/** The states SLURM reports while a task runs (or is being cleaned up). */
const RUNNING = new Set(["RUNNING", "COMPLETING", "CONFIGURING", "SIGNALING", "STAGE_OUT"]);

/** How long a submitted task that `squeue` never listed is waited for before it counts as lost. */
const UNSEEN_GRACE_MS = 30_000;

/** Parse SLURM's RunTime `[D-]HH:MM:SS` into seconds. */
export function parseRunTime(text: string | undefined): number {
  const m = /^(?:(\d+)-)?(\d+):(\d+):(\d+)$/.exec(text ?? "");
  if (!m) return 0;
  return Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}

function slurmTime(text: string | undefined): string | undefined {
  if (!text || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(text)) return undefined;
  const d = new Date(text); // the controller's local time
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Watches the tasks of submitted arrays. */
export class SlurmWatcher {
  readonly #batches = new Map<string, Batch>();
  readonly #statusPollMs: number;
  readonly #graceMs: number;
  readonly #drop: ReadonlySet<string>;
  readonly #statusFailureMs: number;
  #lastStatus = -Infinity;
  #failingSince: number | undefined;
  #done = 0;
  #lost = 0;

  constructor(options: SlurmWatcherOptions = {}) {
    this.#statusPollMs = options.statusPollMs ?? 1000;
    this.#graceMs = options.lostGraceMs ?? 3000;
    this.#drop = options.dropStates ?? new Set();
    this.#statusFailureMs = options.statusFailureMs ?? 120_000;
  }

  /** Watch tasks `indices` (default: all) of a submitted batch. */
  add(dir: string, record: BatchRecord, indices?: readonly number[]): void {
    if (record.jobId === null) throw new Error(`batch ${dir} has no job id`);
    const open = new Map<number, Task>();
    for (const i of indices ?? record.runIds.map((_, i) => i)) {
      const taskId = taskOfJob(record, i);
      open.set(i, { index: i, taskId, state: "UNKNOWN", reason: "", seen: false });
    }
    if (open.size > 0) {
      this.#batches.set(dir, { dir, jobId: record.jobId, runsPerTask: record.runsPerTask, open });
    }
    this.#lastStatus = -Infinity; // learn the new tasks' states at the next poll
  }

  /** Tasks without an outcome yet. */
  get open(): number {
    let n = 0;
    for (const b of this.#batches.values()) n += b.open.size;
    return n;
  }

  /** Job ids of the arrays that still have open tasks. */
  activeJobIds(): string[] {
    return [...this.#batches.values()].map((b) => b.jobId);
  }

  /** Counts for progress displays. */
  status(): SlurmStatus {
    let pending = 0, running = 0;
    for (const b of this.#batches.values()) {
      for (const t of b.open.values()) {
        if (RUNNING.has(t.state) || (t.endedAt !== undefined)) running++;
        else pending++;
      }
    }
    return { pending, running, done: this.#done, lost: this.#lost };
  }

  /** Whether every open task has started (none is pending or not yet seen). */
  allStarted(): boolean {
    return this.status().pending === 0;
  }

  /** Look for outcome files and ended tasks; returns what finished since the last poll. */
  async poll(now = performance.now()): Promise<FoundOutcome[]> {
    const found: FoundOutcome[] = [];
    if (now - this.#lastStatus >= this.#statusPollMs) {
      this.#lastStatus = now;
      await this.#refreshStates(now);
    }
    for (const batch of [...this.#batches.values()]) {
      // Outcome files first: a task writes its file before it ends, so an ended task whose file
      // is not there after this listing wrote none (up to the filesystem's lag: the grace).
      for (const i of await listIndices(batchPaths.outcomes(batch.dir))) {
        if (!batch.open.has(i)) continue;
        batch.open.delete(i);
        found.push(await this.#fromFile(batch, i));
      }
      for (const task of [...batch.open.values()]) {
        // A task squeue never listed gets longer: it may be a controller slow to show it.
        const grace = task.seen ? this.#graceMs : Math.max(this.#graceMs, UNSEEN_GRACE_MS);
        if (task.endedAt === undefined || now - task.endedAt < grace) continue;
        batch.open.delete(task.index);
        if (this.#drop.has(task.state)) continue;
        found.push(await this.#lostOutcome(batch, task));
      }
      if (batch.open.size === 0) this.#batches.delete(batch.dir);
    }
    this.#done += found.length;
    this.#lost += found.filter((f) => f.lost).length;
    return found;
  }

  async #refreshStates(now: number): Promise<void> {
    const ids = this.activeJobIds();
    if (ids.length === 0) return;
    let states;
    try {
      states = await queryTasks(ids);
      this.#failingSince = undefined;
    } catch (e) {
      this.#failingSince ??= now;
      if (now - this.#failingSince > this.#statusFailureMs) {
        throw new SlurmError(
          "SLURM_UNAVAILABLE",
          `squeue has failed for ${Math.round((now - this.#failingSince) / 1000)} s`,
          { cause: e },
        );
      }
      return; // keep the last known states; try again at the next poll
    }
    const byKey = new Map(states.map((s) => [taskKey(s.arrayJobId, s.taskId), s]));
    for (const batch of this.#batches.values()) {
      for (const task of batch.open.values()) {
        const s = byKey.get(taskKey(batch.jobId, task.taskId));
        if (s) {
          task.seen = true;
          task.state = s.state;
          task.reason = s.reason;
          if (!isActiveState(s.state)) task.endedAt ??= now;
        } else {
          // Unknown to the controller: forgotten after MinJobAge, or cancelled while pending.
          task.state = task.seen ? "VANISHED" : "UNKNOWN";
          task.endedAt ??= now;
        }
      }
    }
  }

  async #fromFile(batch: Batch, i: number): Promise<FoundOutcome> {
    try {
      const file = await readOutcomeFile(batch.dir, i);
      return { batchDir: batch.dir, index: i, outcome: file.outcome, lost: false };
    } catch (e) {
      const job = readJob(batch.dir, i);
      const message = e instanceof Error ? e.message : String(e);
      return {
        batchDir: batch.dir,
        index: i,
        outcome: failedOutcome(job.spec.runId, job.attempt, message, job.runDir),
        lost: true,
      };
    }
  }

  async #lostOutcome(batch: Batch, task: Task): Promise<FoundOutcome> {
    const job = readJob(batch.dir, task.index);
    const details = task.seen ? await taskDetails(batch.jobId, task.taskId) : undefined;
    const state = details?.JobState ?? task.state;
    const reason = details?.Reason ?? (task.reason || "None");
    const where = `job ${taskKey(batch.jobId, task.taskId)}` +
      (batch.runsPerTask > 1 ? ` (run ${task.index} of the batch)` : "");
    let message: string;
    if (state === "VANISHED" || state === "UNKNOWN") {
      message = `SLURM task vanished: ${where} is no longer known to the controller ` +
        `and wrote no outcome file`;
    } else {
      const exit = details?.ExitCode && details.ExitCode !== "0:0"
        ? `, exit code ${details.ExitCode}`
        : "";
      message = `SLURM task ${state} (${reason})${exit}: ${where} ended without writing an ` +
        `outcome file`;
    }
    const tail = await stderrTail(batch.dir, task.taskId);
    if (tail) message += `\n--- task stderr (tail) ---\n${tail}`;
    const outcome = failedOutcome(job.spec.runId, job.attempt, message, job.runDir, {
      taskLog: batchPaths.stderr(batch.dir, task.taskId),
      startedAt: slurmTime(details?.StartTime),
      endedAt: slurmTime(details?.EndTime),
      durationS: parseRunTime(details?.RunTime),
    });
    return { batchDir: batch.dir, index: task.index, outcome, lost: true };
  }
}

/**
 * A failed outcome for a run that produced none of its own. Its `logPath` is the run's
 * `worker.log` when the run got that far, else the SLURM task's stderr log.
 */
function failedOutcome(
  runId: number,
  attempt: number,
  stderr: string,
  runDir: string,
  times: { startedAt?: string; endedAt?: string; durationS?: number; taskLog?: string } = {},
): RunOutcome {
  const now = new Date().toISOString();
  // The run's worker.log when it got that far, else the SLURM task's stderr log.
  const exists = (path: string | undefined): path is string => {
    try {
      return path !== undefined && Deno.statSync(path).isFile;
    } catch {
      return false;
    }
  };
  const workerLog = join(runDir, "worker.log");
  const logPath = exists(workerLog) ? workerLog : exists(times.taskLog) ? times.taskLog : null;
  return {
    runId,
    status: "failed",
    outputPaths: {},
    extraOutputs: {},
    postprocessStatus: "none",
    startedAt: times.startedAt ?? now,
    endedAt: times.endedAt ?? now,
    durationS: times.durationS ?? 0,
    stderr,
    logPath,
    attempt,
  };
}
