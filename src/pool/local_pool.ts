/**
 * The local pool: N long-lived worker processes on this machine, each doing one run at a time.
 *
 * Jobs are pulled lazily from a (possibly huge, streamed) iterable, at most one in flight per
 * worker, and outcomes come back in completion order. Each worker is its own process group
 * (started through `setsid`), so a run that exceeds its timeout is ended by killing the whole
 * group, engine children included, and becomes a failed outcome with the reason; the worker is
 * replaced and the sweep goes on. A worker that dies mid-run likewise yields a failed outcome.
 * Workers exit by themselves when the driver goes away (see `worker_main.ts`).
 *
 * @module
 */

import { fileURLToPath } from "node:url";
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
}

const WORKER_MAIN = new URL("./worker_main.ts", import.meta.url);
const CONFIG = new URL("../../deno.json", import.meta.url);

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

interface Running {
  readonly job: RunJob;
  readonly started: number;
  readonly startedAt: string;
  resolve(outcome: RunOutcome): void;
  timer?: ReturnType<typeof setTimeout>;
}

/** One worker process. */
class WorkerProcess {
  readonly #child: Deno.ChildProcess;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #stderrTail: string[] = [];
  #running: Running | undefined;
  #ready: Promise<void>;
  #exited = false;
  readonly pid: number;
  readonly #group: boolean;

  constructor(denoPath: string, useSetsid: boolean) {
    const args = ["run", "-A", "--quiet"];
    if (CONFIG.protocol === "file:") args.push("--config", fileURLToPath(CONFIG));
    args.push(WORKER_MAIN.href);
    const command = useSetsid
      ? new Deno.Command("setsid", { args: [denoPath, ...args], ...io() })
      : new Deno.Command(denoPath, { args, ...io() });
    this.#group = useSetsid;
    this.#child = command.spawn();
    this.pid = this.#child.pid;
    this.#writer = this.#child.stdin.getWriter();
    let markReady!: () => void;
    this.#ready = new Promise((r) => (markReady = r));
    this.#readStdout(markReady);
    this.#readStderr();
    this.#child.status.then((status) => {
      this.#exited = true;
      markReady();
      const r = this.#running;
      if (r) {
        this.#running = undefined;
        clearTimeout(r.timer);
        const why = status.signal
          ? `killed by ${status.signal}`
          : `exited with code ${status.code}`;
        r.resolve(failed(r, `worker process ${why} during the run${this.#tail()}`));
      }
    });
  }

  get busy(): boolean {
    return this.#running !== undefined;
  }

  get alive(): boolean {
    return !this.#exited;
  }

  #tail(): string {
    const t = this.#stderrTail.join("").trim();
    return t ? `\n--- worker stderr (tail) ---\n${t.slice(-4000)}` : "";
  }

  async #readStdout(markReady: () => void): Promise<void> {
    try {
      for await (const line of readLines(this.#child.stdout)) {
        const payload = decodeMessage(line);
        if (payload === undefined) continue;
        const msg = WorkerMessageSchema.parse(payload);
        if (msg.type === "ready") markReady();
        else {
          const r = this.#running;
          if (!r || r.job.spec.runId !== msg.outcome.runId) continue;
          this.#running = undefined;
          clearTimeout(r.timer);
          r.resolve(msg.outcome);
        }
      }
    } catch {
      // the process is going away; status handling reports the run
    }
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

  /** Run a job; resolves with its outcome (failed on timeout or worker death). */
  async run(job: RunJob, timeoutMs: number | undefined): Promise<RunOutcome> {
    await this.#ready;
    return await new Promise<RunOutcome>((resolve) => {
      const running: Running = {
        job,
        started: performance.now(),
        startedAt: new Date().toISOString(),
        resolve,
      };
      if (this.#exited) {
        resolve(failed(running, `worker process could not start${this.#tail()}`));
        return;
      }
      this.#running = running;
      if (timeoutMs !== undefined) {
        running.timer = setTimeout(() => {
          if (this.#running !== running) return;
          this.#running = undefined;
          this.kill();
          resolve(
            failed(
              running,
              `timed out after ${timeoutMs / 1000} s; the run's process group was killed`,
            ),
          );
        }, timeoutMs);
      }
      const bytes = new TextEncoder().encode(encodeMessage({ type: "run", job }));
      this.#writer.write(bytes).catch(() => {
        // the exit handler reports the run
      });
    });
  }

  /** Kill the worker and everything in its process group. */
  kill(): void {
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
    const timer = setTimeout(() => this.kill(), 2000);
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

function failed(r: Running, reason: string): RunOutcome {
  return {
    runId: r.job.spec.runId,
    status: "failed",
    outputPaths: {},
    extraOutputs: {},
    postprocessStatus: "none",
    startedAt: r.startedAt,
    endedAt: new Date().toISOString(),
    durationS: (performance.now() - r.started) / 1000,
    stderr: reason,
    logPath: null,
    attempt: r.job.attempt,
  };
}

/** N local worker processes running jobs. */
export class LocalPool implements AsyncDisposable {
  readonly workers: number;
  readonly #options: LocalPoolOptions;
  readonly #procs: WorkerProcess[] = [];
  readonly #setsid = hasSetsid();
  #closed = false;

  constructor(options: LocalPoolOptions = {}) {
    const n = options.workers ?? navigator.hardwareConcurrency ?? 1;
    if (!Number.isInteger(n) || n < 1) {
      throw new RangeError(`Cannot create LocalPool: workers must be an integer >= 1, got ${n}`);
    }
    this.workers = n;
    this.#options = options;
  }

  /** Whether workers run in their own process groups (needs `setsid`). */
  get isolatedGroups(): boolean {
    return this.#setsid;
  }

  #spawn(): WorkerProcess {
    return new WorkerProcess(this.#options.denoPath ?? Deno.execPath(), this.#setsid);
  }

  /**
   * Run jobs, yielding outcomes in completion order.
   *
   * Jobs are pulled one at a time as workers free up. When `signal` aborts, no new job starts,
   * the workers are killed, and the iteration ends by throwing the abort reason; runs that were
   * in flight yield nothing (a resume re-runs them).
   */
  async *run(
    jobs: Iterable<RunJob> | AsyncIterable<RunJob>,
    signal?: AbortSignal,
  ): AsyncGenerator<RunOutcome> {
    if (this.#closed) throw new Error("Cannot run: the pool is closed");
    const iterator = Symbol.asyncIterator in jobs
      ? (jobs as AsyncIterable<RunJob>)[Symbol.asyncIterator]()
      : (jobs as Iterable<RunJob>)[Symbol.iterator]();
    let exhausted = false;
    const inFlight = new Map<number, Promise<{ slot: number; outcome: RunOutcome }>>();
    let abortReject: ((reason: unknown) => void) | undefined;
    const aborted = new Promise<never>((_, reject) => (abortReject = reject));
    aborted.catch(() => {});
    const onAbort = () => {
      for (const p of this.#procs) p.kill();
      abortReject?.(signal?.reason ?? new DOMException("aborted", "AbortError"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      for (;;) {
        signal?.throwIfAborted();
        // Fill free slots.
        for (let slot = 0; slot < this.workers && !exhausted; slot++) {
          if (inFlight.has(slot)) continue;
          const next = await iterator.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          let proc = this.#procs[slot];
          if (!proc || !proc.alive) proc = this.#procs[slot] = this.#spawn();
          const job = next.value;
          inFlight.set(
            slot,
            proc.run(job, this.#options.timeoutMs).then((outcome) => ({ slot, outcome })),
          );
        }
        if (inFlight.size === 0) break;
        const { slot, outcome } = await Promise.race([...inFlight.values(), aborted]);
        inFlight.delete(slot);
        const proc = this.#procs[slot];
        if (proc && (this.#options.processPerRun || !proc.alive)) {
          await proc.close();
          this.#procs[slot] = undefined as unknown as WorkerProcess;
        }
        yield outcome;
      }
    } finally {
      signal?.removeEventListener("abort", onAbort);
      if (signal?.aborted) for (const p of this.#procs) p?.kill();
    }
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#procs.filter(Boolean).map((p) => p.close()));
    this.#procs.length = 0;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
