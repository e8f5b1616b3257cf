/**
 * The engine thread of a worker process: a Web Worker that runs jobs one at a time with
 * {@link runOne}, so the process's main thread stays free to notice its driver going away even
 * while a run is busy (or hung) computing.
 *
 * It tells the main thread the process group of every interactive GmatConsole it starts
 * (`console` messages), so the process can end them even when this thread is stuck, and closes
 * them when asked (`close`).
 *
 * @module
 */

/// <reference lib="deno.worker" />

import { runOne, ScriptCache } from "./run_one.ts";
import { RunJobSchema, type ThreadMessage } from "./job.ts";

const cache = new ScriptCache({
  onConsole: (pgid) => self.postMessage({ type: "console", pgid }),
});
let current: AbortController | undefined;

self.onmessage = async (event: MessageEvent<ThreadMessage>) => {
  if (event.data.type === "abort") {
    // The driver went away: stop the engine child processes of the current run (GmatConsole).
    current?.abort(new DOMException("driver gone", "AbortError"));
    self.postMessage({ type: "aborted" });
    return;
  }
  if (event.data.type === "close") {
    await cache.close();
    self.postMessage({ type: "closed" });
    return;
  }
  const job = RunJobSchema.parse(event.data.job);
  current = new AbortController();
  const outcome = await runOne(job, cache, current.signal);
  current = undefined;
  self.postMessage({ type: "outcome", outcome });
};
