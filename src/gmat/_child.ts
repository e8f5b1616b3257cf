/**
 * Small helpers shared by the two ways of running GmatConsole (a process per run, one
 * interactive console per worker): timers, ending a child's process group, reading what a run
 * left behind.
 *
 * @module
 */

import type { RunOutput } from "../formats/mod.ts";
import type { SpawnedProcess } from "./spawn.ts";

/** Milliseconds as `1.5 s`. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** The end of a text file, or "" when it cannot be read. */
export async function readTail(path: string, maxChars: number): Promise<string> {
  try {
    const text = await Deno.readTextFile(path);
    return text.length > maxChars ? text.slice(-maxChars) : text;
  } catch {
    return "";
  }
}

/** The outputs whose files exist. */
export async function existing(outputs: readonly RunOutput[]): Promise<RunOutput[]> {
  const found: RunOutput[] = [];
  for (const o of outputs) {
    try {
      if ((await Deno.stat(o.path)).isFile) found.push(o);
    } catch {
      // not written
    }
  }
  return found;
}

/** A cancellable timer promise. */
export const delay = (ms: number) => {
  let id: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<"timeout">((r) => id = setTimeout(() => r("timeout"), ms));
  return { promise, clear: () => clearTimeout(id) };
};

/** SIGTERM the group, then SIGKILL it if the child has not exited within the grace period. */
export async function terminate(child: SpawnedProcess, graceMs: number): Promise<void> {
  child.kill("SIGTERM");
  const grace = delay(graceMs);
  const winner = await Promise.race([child.status.then(() => "exited" as const), grace.promise]);
  grace.clear();
  if (winner === "timeout") child.kill("SIGKILL");
}
