/**
 * The local pool: N long-lived worker processes on this machine, each doing one run at a time.
 *
 * Jobs are pulled lazily from a (possibly huge, streamed) iterable and outcomes come back in
 * completion order. Each worker holds at most two jobs: the one it is running and the next one,
 * already sent, so the round trip between driver and worker never leaves a worker idle. Each
 * worker is its own process group (started through `setsid`): a run that exceeds its timeout
 * (counted from the moment the worker reports it started) is ended by killing the whole group,
 * engine children included, and becomes a failed outcome with the reason; a worker that dies
 * mid-run likewise yields a failed outcome. Jobs a dead worker had not started go to another
 * worker. Workers exit by themselves when the driver goes away (see `worker_main.ts`).
 *
 * @module
 */

import { currentRuntime, POOL_WORKER_COMMAND, selfCommand } from "../runtime/mod.ts";
import type { RunOutcome } from "../runs/mod.ts";
import { type RunJob, WorkerMessageSchema } from "./job.ts";
import { decodeMessage, encodeMessage, readLines } from "./protocol.ts";

/** Options of {@link LocalPool}. */
export interface LocalPoolOptions {
  /** Worker processes. @default {navigator.hardwareConcurrency} */
  readonly workers?: number;
  /** Per-run timeout in milliseconds; the worker's process group is killed when it passes. */
  readonly timeoutMs?: number;
  /** Replace each worker after every run (process-per-run isolation). @default {false} */
  readonly processPerRun?: boolean;
  /** The `deno` executable workers run with. @default {Deno.execPath()} */
  readonly denoPath?: string;
  /**
   * The whole command of a worker process (wins over `denoPath`).
   * @default {`deno run -A worker_main.ts`, or `<binary> __pool-worker` from a compiled binary}
   */
  readonly workerCommand?: readonly string[];
  /**
   * Allow more than {@link maxLocalWorkers} workers (up to {@link FORCED_WORKERS_LIMIT}).
   * @default {false}
   */
  readonly forceWorkers?: boolean;
}

/**
 * Extra time the pool gives a GMAT run past its timeout before killing the worker: the worker
 * kills GmatConsole's process group itself at the timeout (SIGTERM, then SIGKILL after 3 s) and
 * reports the run, which keeps the worker (and its interactive console's replacement) alive.
 */
export const GMAT_TIMEOUT_MARGIN_MS = 8000;

/** Workers per core a pool accepts unless forced: more only thrash the machine. */
export const WORKERS_PER_CORE = 4;
/** The most workers a pool accepts even when forced. */
export const FORCED_WORKERS_LIMIT = 1024;

/** The most workers a pool accepts unless forced: {@link WORKERS_PER_CORE} per core. */
export function maxLocalWorkers(): number {
  return WORKERS_PER_CORE * (navigator.hardwareConcurrency || 1);
}

/**
 * Why a worker count is refused, or undefined when it is accepted.
 *
 * @param workers The requested worker count.
 * @param force Whether more than {@link maxLocalWorkers} may be used.
 * @returns A sentence naming the bound, or undefined.
 */
export function workerCountProblem(workers: number, force = false): string | undefined {
  if (!Number.isInteger(workers) || workers < 1) {
    return `workers must be an integer >= 1, got ${workers}`;
  }
  const max = maxLocalWorkers();
  if (workers > FORCED_WORKERS_LIMIT) {
    return `${workers} workers is more than ${FORCED_WORKERS_LIMIT}, the most a local pool runs`;
  }
  if (workers > max && !force) {
    return `${workers} workers is more than ${WORKERS_PER_CORE} per core (${max} here); ` +
      `force it (--force-workers, forceWorkers: true) if the runs wait on something other ` +
      `than this machine's CPUs`;
  }
  return undefined;
}

const WORKER_MAIN = new URL("./worker_main.ts", import.meta.url);
const WORKER_FLAGS = ["--v8-flags=--max-semi-space-size=16"];

function hasSetsid(): boolean {
  for (const dir of (Deno.env.get("PATH") ?? "/usr/bin:/bin").split(":")) {
    try {
      Deno.statSync(`${dir}/setsid`);
      return true;
    } catch {
      // keep looking
    }
  }
  return false;
}

/** What became of a job handed to a worker. */
type JobResult = { readonly outcome: RunOutcome } | { readonly requeue: RunJob };

interface Assigned {
  readonly job: RunJob;
  readonly sent: number;
  started?: { readonly at: number; readonly iso: string };
  timer?: ReturnType<typeof setTimeout>;
  resolve(result: JobResult): void;
}

/** One worker process. */
class WorkerProcess {
  readonly #child: Deno.ChildProcess;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #stderrTail: string[] = [];
  readonly #assigned: Assigned[] = [];
  readonly #timeoutMs: number | undefined;
  #exited = false;
  #retiring = false;
  /** The process group of the worker's interactive GmatConsole, or null. */
  #console: number | null = null;
  #readySeen = false;
  readonly #stdoutDone: Promise<void>;
  readonly pid: number;
  readonly #group: boolean;

  constructor(workerCommand: readonly string[], useSetsid: boolean, timeoutMs: number | undefined) {
    const [program, ...args] = workerCommand;
    const command = useSetsid
      ? new Deno.Command("setsid", { args: [program, ...args], ...io() })
      : new Deno.Command(program, { args, ...io() });
    this.#group = useSetsid;
    this.#timeoutMs = timeoutMs;
    this.#child = command.spawn();
    this.pid = this.#child.pid;
    this.#writer = this.#child.stdin.getWriter();
    this.#stdoutDone = this.#readStdout();
    this.#readStderr();
    this.#child.status.then(async (status) => {
      this.#exited = true;
      // A worker that died (or was killed) leaves its interactive GmatConsole behind: end it.
      this.kill();
      // Read what the worker said before it died ("started" decides failed vs requeued).
      await Promise.race([this.#stdoutDone, new Promise((r) => setTimeout(r, 1000))]);
      const why = status.signal ? `killed by ${status.signal}` : `exited with code ${status.code}`;
      for (const a of this.#assigned.splice(0)) {
        clearTimeout(a.timer);
        if (a.started) {
          a.resolve({ outcome: failed(a, `worker process ${why} during the run${this.#tail()}`) });
        } else if (!this.#readySeen) {
          // A worker that cannot even start would be respawned forever: fail its jobs instead.
          a.resolve({
            outcome: failed(a, `worker process could not start (${why})${this.#tail()}`),
          });
        } else {
          a.resolve({ requeue: a.job });
        }
      }
    });
  }

  /** Jobs sent and not finished. */
  get load(): number {
    return this.#assigned.length;
  }

  /** Whether it can take jobs. */
  get usable(): boolean {
    return !this.#exited && !this.#retiring;
  }

  /** Take no more jobs (process-per-run: the worker is replaced after its current run). */
  retire(): void {
    this.#retiring = true;
  }

  #tail(): string {
    const t = this.#stderrTail.join("").trim();
    return t ? `\n--- worker stderr (tail) ---\n${t.slice(-4000)}` : "";
  }

  async #readStdout(): Promise<void> {
    try {
      for await (const line of readLines(this.#child.stdout)) {
        const payload = decodeMessage(line);
        if (payload === undefined) continue;
        const msg = WorkerMessageSchema.parse(payload);
        if (msg.type === "ready") {
          this.#readySeen = true;
          continue;
        }
        if (msg.type === "console") {
          this.#console = msg.pgid;
          continue;
        }
        const a = this.#assigned.find((x) => x.job.spec.runId === msg.runId);
        if (!a) continue;
        if (msg.type === "started") {
          a.started = { at: performance.now(), iso: new Date().toISOString() };
          if (this.#timeoutMs !== undefined) {
            // A GMAT run's worker kills GmatConsole's group itself at the timeout (and replaces
            // an interactive console): this backstop fires only if the worker cannot.
            const margin = a.job.engine.kind === "gmat" ? GMAT_TIMEOUT_MARGIN_MS : 0;
            a.timer = setTimeout(() => this.#timedOut(a), this.#timeoutMs + margin);
          }
        } else {
          this.#assigned.splice(this.#assigned.indexOf(a), 1);
          clearTimeout(a.timer);
          a.resolve({ outcome: msg.outcome });
        }
      }
    } catch {
      // the process is going away; the exit handler reports its jobs
    }
  }

  #timedOut(a: Assigned): void {
    const i = this.#assigned.indexOf(a);
    if (i < 0) return;
    this.#assigned.splice(i, 1);
    a.resolve({
      outcome: failed(
        a,
        `timed out after ${this.#timeoutMs! / 1000} s; the run's process group was killed`,
      ),
    });
    this.kill(); // the exit handler requeues the job sent after this one
  }

  async #readStderr(): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of this.#child.stderr) {
        this.#stderrTail.push(decoder.decode(chunk, { stream: true }));
        if (this.#stderrTail.length > 50) this.#stderrTail.splice(0, this.#stderrTail.length - 50);
      }
    } catch {
      // closed
    }
  }

  /** Send a job; resolves with its outcome, or with the job to requeue if it never started. */
  assign(job: RunJob): Promise<JobResult> {
    return new Promise<JobResult>((resolve) => {
      if (this.#exited) {
        resolve({ requeue: job });
        return;
      }
      this.#assigned.push({ job, sent: performance.now(), resolve });
      const bytes = new TextEncoder().encode(encodeMessage({ type: "run", job }));
      this.#writer.write(bytes).catch(() => {
        // the exit handler reports the job
      });
    });
  }

  /** Kill the worker and everything in its process group, and its GmatConsole's group. */
  kill(): void {
    if (this.#console !== null) {
      try {
        Deno.kill(-this.#console, "SIGKILL");
      } catch {
        // already gone
      }
      this.#console = null;
    }
    if (this.#exited) return;
    try {
      Deno.kill(this.#group ? -this.pid : this.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }

  /** Ask the worker to exit (closing stdin) and wait for it. */
  async close(): Promise<void> {
    try {
      await this.#writer.close();
    } catch {
      // already closed
    }
    const timer = setTimeout(() => this.kill(), 5000);
    await this.#child.status;
    clearTimeout(timer);
  }
}

function io(): Pick<Deno.CommandOptions, "stdin" | "stdout" | "stderr" | "env"> {
  return {
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    env: { DENO_NO_PACKAGE_JSON: "1", NO_COLOR: "1" },
  };
}

function failed(a: Assigned, reason: string): RunOutcome {
  const start = a.started?.at ?? a.sent;
  return {
    runId: a.job.spec.runId,
    status: "failed",
    outputPaths: {},
    extraOutputs: {},
    postprocessStatus: "none",
    startedAt: a.started?.iso ?? new Date().toISOString(),
    endedAt: new Date().toISOString(),
    durationS: (performance.now() - start) / 1000,
    stderr: reason,
    logPath: null,
    attempt: a.job.attempt,
  };
}

/** N local worker processes running jobs. */
export class LocalPool implements AsyncDisposable {
  /** How many worker processes the pool runs at once. */
  readonly workers: number;
  readonly #options: LocalPoolOptions;
  readonly #procs: (WorkerProcess | undefined)[] = [];
  readonly #setsid = hasSetsid();
  #closed = false;

  /**
   * Creates a pool; worker processes start lazily, when jobs arrive.
   *
   * @param options Worker count, per-run timeout, process-per-run and the `deno` executable.
   * @throws {RangeError} If `workers` is not an integer >= 1, or above the bound (see
   *   {@link workerCountProblem}).
   */
  constructor(options: LocalPoolOptions = {}) {
    const n = options.workers ?? navigator.hardwareConcurrency ?? 1;
    const problem = workerCountProblem(n, options.forceWorkers);
    if (problem !== undefined) throw new RangeError(`Cannot create LocalPool: ${problem}`);
    this.workers = n;
    this.#options = options;
  }

  /** Whether workers run in their own process groups (needs `setsid`). */
  get isolatedGroups(): boolean {
    return this.#setsid;
  }

  /** Process ids of the live worker processes. */
  workerPids(): number[] {
    return this.#procs.filter((p): p is WorkerProcess => p?.usable === true).map((p) => p.pid);
  }

  #workerCommand(): readonly string[] {
    if (this.#options.workerCommand) return this.#options.workerCommand;
    const runtime = currentRuntime();
    return selfCommand(WORKER_MAIN, POOL_WORKER_COMMAND, WORKER_FLAGS, {
      ...runtime,
      execPath: this.#options.denoPath ?? runtime.execPath,
      standalone: this.#options.denoPath === undefined && runtime.standalone,
    });
  }

  #worker(slot: number): WorkerProcess {
    let proc = this.#procs[slot];
    if (!proc || !proc.usable) {
      const old = proc;
      if (old) void old.close();
      proc = this.#procs[slot] = new WorkerProcess(
        this.#workerCommand(),
        this.#setsid,
        this.#options.timeoutMs,
      );
    }
    return proc;
  }

  /**
   * Run jobs, yielding outcomes in completion order.
   *
   * Jobs are pulled one at a time, only when a worker has room (two per worker: the running one
   * and the next), and no more than `4 x workers` finished outcomes wait for the consumer
   * (backpressure), so a streamed run set is never materialised. Durable bookkeeping by the
   * consumer overlaps the workers' computation. When `signal` aborts, no new job starts, the
   * workers are killed, and the iteration ends by throwing the abort reason; runs that were in
   * flight yield nothing (a resume re-runs them).
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
    const perWorker = this.#options.processPerRun ? 1 : 2;
    const maxWaiting = 4 * this.workers;
    const ready: RunOutcome[] = [];
    const requeued: RunJob[] = [];
    let exhausted = false;
    let inFlight = 0;
    let filling = false;
    let failure: unknown;
    let wake: (() => void) | undefined;
    const notify = () => {
      const w = wake;
      wake = undefined;
      w?.();
    };

    const dispatch = (slot: number, job: RunJob) => {
      const proc = this.#worker(slot);
      if (this.#options.processPerRun) proc.retire();
      inFlight++;
      proc.assign(job).then((result) => {
        inFlight--;
        if ("requeue" in result) requeued.push(result.requeue);
        else ready.push(result.outcome);
        notify();
        void fill();
      });
    };

    // Give every worker up to `perWorker` jobs; one fill at a time (the iterator is not
    // re-entrant).
    const fill = async (): Promise<void> => {
      if (filling) return;
      filling = true;
      try {
        for (;;) {
          if (signal?.aborted || ready.length >= maxWaiting) return;
          let slot = -1;
          for (let s = 0; s < this.workers; s++) {
            const p = this.#procs[s];
            // A retired (process-per-run) worker keeps its slot until its run is done.
            const load = p ? p.load : 0;
            if (load < perWorker && (slot < 0 || load < (this.#procs[slot]?.load ?? 0))) slot = s;
          }
          if (slot < 0) return;
          let job = requeued.shift();
          if (!job) {
            if (exhausted) return;
            let next: IteratorResult<RunJob>;
            try {
              next = await iterator.next();
            } catch (e) {
              failure ??= e;
              exhausted = true;
              return;
            }
            if (next.done) {
              exhausted = true;
              return;
            }
            job = next.value;
          }
          dispatch(slot, job);
        }
      } finally {
        filling = false;
        notify();
      }
    };

    const onAbort = () => {
      for (const p of this.#procs) p?.kill();
      notify();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      void fill();
      for (;;) {
        signal?.throwIfAborted();
        if (ready.length > 0) {
          const outcome = ready.shift()!;
          if (ready.length < maxWaiting) void fill();
          yield outcome;
          continue;
        }
        if (failure !== undefined) throw failure;
        if (exhausted && inFlight === 0 && requeued.length === 0 && !filling) break;
        if (requeued.length > 0 && !filling) void fill();
        await new Promise<void>((r) => (wake = r));
      }
    } finally {
      signal?.removeEventListener("abort", onAbort);
      if (signal?.aborted) { for (const p of this.#procs) p?.kill(); }
    }
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#procs.filter((p): p is WorkerProcess => !!p).map((p) => p.close()));
    this.#procs.length = 0;
  }

  /** Stop every worker (as {@link close}), for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
