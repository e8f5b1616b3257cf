/**
 * One sandbox host process, seen from the driver: spawns it with the plan's command line, sends
 * requests as JSON lines and matches replies by id, keeps the tail of its stderr, and knows when
 * and why it died (an out-of-memory death is told apart, so the hook's run can say so). Closing
 * it returns only once the process has exited and its pipes are drained.
 *
 * @module
 */

import type { HookPlan } from "./hook_plan.ts";
import type { HostReply, HostRequest } from "./host_protocol.ts";
import { hostArgs, hostEnv } from "./sandbox_command.ts";

/** A reply to a request (every reply but `ready`). */
export type Reply = Exclude<HostReply, { type: "ready" }>;

/** Why a host process is gone. */
export class HostDeath extends Error {
  /** Whether V8 reported that the heap limit was reached. */
  readonly outOfMemory: boolean;

  /**
   * @param message What happened.
   * @param outOfMemory Whether the process ran out of memory.
   */
  constructor(message: string, outOfMemory: boolean) {
    super(message);
    this.name = "HostDeath";
    this.outOfMemory = outOfMemory;
  }
}

const OOM = /out of memory|heap limit|allocation failed/i;

/** A running sandbox host process. */
export class HostProcess {
  readonly #child: Deno.ChildProcess;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #waiting = new Map<number, (reply: Reply | Error) => void>();
  #stderr = "";
  #dead: HostDeath | undefined;
  /** Resolves once the host has said it is ready (or has died). */
  readonly ready: Promise<void>;
  /** Resolves once the process has exited and its output is read. */
  readonly exited: Promise<void>;

  /**
   * Spawn a host.
   *
   * @param plan The hook's plan (command line, permissions).
   * @param runTree The run tree it may read and write, or null (probes).
   * @param memoryMb The heap limit of the host and each of its hook workers.
   */
  constructor(plan: HookPlan, runTree: string | null, memoryMb: number) {
    this.#child = new Deno.Command(plan.denoPath, {
      args: hostArgs(plan, runTree, memoryMb),
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
      clearEnv: true,
      env: hostEnv(plan.permissions),
    }).spawn();
    this.#writer = this.#child.stdin.getWriter();
    let readyResolve!: () => void;
    this.ready = new Promise((r) => readyResolve = r);
    const stdout = this.#readLines(this.#child.stdout, (line) => {
      let reply: HostReply;
      try {
        reply = JSON.parse(line) as HostReply;
      } catch {
        return; // not a protocol line
      }
      if (reply.type === "ready") readyResolve();
      else {
        const waiter = this.#waiting.get(reply.id);
        this.#waiting.delete(reply.id);
        waiter?.(reply);
      }
    });
    const stderr = this.#readLines(this.#child.stderr, (line) => {
      this.#stderr = (this.#stderr + line + "\n").slice(-4000);
    });
    this.exited = Promise.all([this.#child.status, stdout, stderr]).then(([status]) => {
      const text = this.#stderr.trim();
      this.#dead = new HostDeath(
        `the hook sandbox exited (code ${status.code}${
          status.signal ? `, ${status.signal}` : ""
        })` + (text ? `: ${text.split("\n").slice(0, 3).join(" ")}` : ""),
        OOM.test(text),
      );
      readyResolve();
      for (const waiter of this.#waiting.values()) waiter(this.#dead);
      this.#waiting.clear();
    });
  }

  /** Whether the process still runs. */
  get alive(): boolean {
    return this.#dead === undefined;
  }

  /** Why it died, once it has. */
  get deathReason(): HostDeath | undefined {
    return this.#dead;
  }

  async #readLines(stream: ReadableStream<Uint8Array>, onLine: (line: string) => void) {
    let buffer = "";
    for await (const text of stream.pipeThrough(new TextDecoderStream())) {
      buffer += text;
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.trim() !== "") onLine(line);
      }
    }
  }

  /** Send a request that expects no reply (the config). */
  async send(request: HostRequest): Promise<void> {
    await this.#writer.write(new TextEncoder().encode(JSON.stringify(request) + "\n"));
  }

  /**
   * Send a request and wait for its reply; past `deadlineMs` the host is killed.
   *
   * @returns The reply, or the error that stands for it (the host died, did not answer).
   */
  request(request: HostRequest & { id: number }, deadlineMs: number): Promise<Reply | Error> {
    if (this.#dead) return Promise.resolve(this.#dead);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(request.id);
        resolve(new Error(`the hook sandbox did not answer within ${deadlineMs / 1000} s`));
        this.kill();
      }, deadlineMs);
      this.#waiting.set(request.id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.send(request).catch((e) => {
        this.#waiting.delete(request.id);
        clearTimeout(timer);
        resolve(e instanceof Error ? e : new Error(String(e)));
      });
    });
  }

  /** Kill the process at once. */
  kill(): void {
    try {
      this.#child.kill("SIGKILL");
    } catch { /* already gone */ }
  }

  /** End the process (stdin closed, killed after 2 s) and wait until it has exited. */
  async close(): Promise<void> {
    try {
      await this.#writer.close();
    } catch { /* already closed */ }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = await Promise.race([
      this.exited.then(() => true),
      new Promise<false>((r) => timer = setTimeout(() => r(false), 2000)),
    ]);
    clearTimeout(timer);
    if (!done) this.kill();
    await this.exited;
  }
}
