/**
 * Entry of a worker process of the local pool.
 *
 * Reads run jobs from stdin (one protocol line each), hands them to the engine thread one at a
 * time, and writes each outcome to stdout. It exits as soon as stdin reaches end of file, which
 * happens when the driver exits or is killed (even with SIGKILL: the kernel closes the pipe), so
 * no worker outlives its driver, whatever the engine thread is doing. Before exiting it asks the
 * engine thread to close its interactive GmatConsoles, then kills their process groups and its
 * own, taking any engine child processes with them. It tells the driver each console's process
 * group too (`console` messages), so a worker killed from outside takes its console along.
 *
 * @module
 */

import { DriverMessageSchema } from "./job.ts";
import { decodeMessage, encodeMessage, readLines } from "./protocol.ts";

const encoder = new TextEncoder();
let sending: Promise<void> = Promise.resolve();
/** Write one protocol line; lines are written one after another, never interleaved. */
function send(message: unknown): Promise<void> {
  const bytes = encoder.encode(encodeMessage(message));
  sending = sending.then(async () => {
    let off = 0;
    while (off < bytes.length) off += await Deno.stdout.write(bytes.subarray(off));
  });
  return sending;
}

/** Process groups of the interactive GmatConsoles the engine thread runs. */
const consoles = new Set<number>();

function exitNow(code: number): never {
  for (const pgid of consoles) {
    try {
      Deno.kill(-pgid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  try {
    // Our group (we are its leader when started through setsid): kill children first.
    if (Deno.build.os !== "windows") Deno.kill(-Deno.pid, "SIGTERM");
  } catch {
    // not a group leader, or nothing else in the group
  }
  Deno.exit(code);
}

/** Serve jobs from stdin until it closes (the process of one local pool worker). */
export async function workerMain(): Promise<void> {
  const thread = new Worker(new URL("./engine_thread.ts", import.meta.url), { type: "module" });
  let pending: ((outcome: unknown) => void) | undefined;
  let aborted: (() => void) | undefined;
  let closed: (() => void) | undefined;
  let lastConsole: number | null = null;
  thread.onmessage = (
    e: MessageEvent<{ type: string; outcome?: unknown; pgid?: number | null }>,
  ) => {
    if (e.data.type === "aborted") {
      aborted?.();
      return;
    }
    if (e.data.type === "closed") {
      closed?.();
      return;
    }
    if (e.data.type === "console") {
      const pgid = e.data.pgid ?? null;
      if (pgid !== null) consoles.add(pgid);
      else if (lastConsole !== null) consoles.delete(lastConsole);
      lastConsole = pgid;
      void send({ type: "console", pgid }).catch(() => {});
      return;
    }
    const resolve = pending;
    pending = undefined;
    resolve?.(e.data.outcome);
  };
  thread.onerror = (e) => {
    e.preventDefault();
    console.error(`engine thread error: ${e.message}`);
    exitNow(70);
  };

  const queue: unknown[] = [];
  let currentEngine: string | undefined;
  let wake: (() => void) | undefined;
  // Read stdin concurrently with running jobs, so EOF is seen even during a long run.
  (async () => {
    for await (const line of readLines(Deno.stdin.readable)) {
      const msg = decodeMessage(line);
      if (msg === undefined) continue;
      queue.push(msg);
      wake?.();
    }
    // The driver is gone. A GMAT run in progress has engine children in a process group of its
    // own: ask the engine thread to abort them and give it a moment. A built-in run has no
    // children: stop at once, so nothing of this worker outlives the driver by more than a blink.
    if (pending && currentEngine === "gmat") {
      await Promise.race([
        new Promise<void>((r) => {
          aborted = r;
          thread.postMessage({ type: "abort" });
        }),
        new Promise((r) => setTimeout(r, 4000)),
      ]);
      await new Promise((r) => setTimeout(r, 500));
    } else if (consoles.size > 0) {
      // Idle interactive consoles are asked to quit; whatever is left is killed by exitNow.
      await Promise.race([
        new Promise<void>((r) => {
          closed = r;
          thread.postMessage({ type: "close" });
        }),
        new Promise((r) => setTimeout(r, 4000)),
      ]);
    }
    exitNow(0);
  })();

  await send({ type: "ready", pid: Deno.pid });
  for (;;) {
    while (queue.length === 0) await new Promise<void>((r) => (wake = r));
    const message = DriverMessageSchema.parse(queue.shift());
    const runId = message.job.spec.runId;
    currentEngine = message.job.engine.kind;
    await send({ type: "started", runId });
    const outcome = await new Promise((resolve) => {
      pending = resolve;
      thread.postMessage({ type: "run", job: message.job });
    });
    currentEngine = undefined;
    await send({ type: "outcome", runId, outcome });
  }
}

if (import.meta.main) await workerMain();
