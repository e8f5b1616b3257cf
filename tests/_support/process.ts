/**
 * Process-level helpers for tests (Linux `/proc`): who the children of a process are, whether a
 * process is still alive (a zombie counts as gone), the members of a process group, waiting for a
 * condition with a generous deadline, spawning the real CLI in the background, and a `deno`
 * wrapper that records every worker process a pool starts.
 *
 * Processes are identified by pid *and* start time, so a recycled pid is never mistaken for the
 * process that was recorded.
 *
 * @module
 */

import { join } from "node:path";
import { ROOT } from "./engine.ts";

/** The fields of `/proc/<pid>/stat` the tests use. */
export interface ProcStat {
  readonly pid: number;
  /** `R`, `S`, `D`, `Z` (zombie), `X` (dead), ... */
  readonly state: string;
  readonly ppid: number;
  /** Process group id. */
  readonly pgrp: number;
  /** Start time in clock ticks since boot (field 22): with the pid, identifies the process. */
  readonly start: number;
}

/** A process recorded at one moment: pid and start time. */
export interface ProcessRef {
  readonly pid: number;
  readonly start: number;
  readonly pgrp: number;
}

/** Parse `/proc/<pid>/stat` text (the command name may contain spaces and parentheses). */
export function parseStat(text: string): ProcStat {
  const close = text.lastIndexOf(")");
  const pid = Number(text.slice(0, text.indexOf(" ")));
  // Fields after the command name start at field 3 (state).
  const rest = text.slice(close + 2).trim().split(" ");
  return {
    pid,
    state: rest[0],
    ppid: Number(rest[1]),
    pgrp: Number(rest[2]),
    start: Number(rest[19]),
  };
}

/** The stat of a process, or undefined when there is no such process. */
export function procStat(pid: number): ProcStat | undefined {
  try {
    return parseStat(Deno.readTextFileSync(`/proc/${pid}/stat`));
  } catch {
    return undefined;
  }
}

/** Every process visible in `/proc` (processes vanishing during the scan are skipped). */
export function allProcesses(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const entry of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    const s = procStat(Number(entry.name));
    if (s) out.push(s);
  }
  return out;
}

function live(s: ProcStat): boolean {
  return s.state !== "Z" && s.state !== "X";
}

/** Live (non-zombie) children of a process. */
export function childrenOf(pid: number): ProcessRef[] {
  return allProcesses()
    .filter((s) => s.ppid === pid && live(s))
    .map(({ pid, start, pgrp }) => ({ pid, start, pgrp }));
}

/** Record a process by pid, or undefined when it is not running. */
export function processRef(pid: number): ProcessRef | undefined {
  const s = procStat(pid);
  return s && live(s) ? { pid: s.pid, start: s.start, pgrp: s.pgrp } : undefined;
}

/** Whether a recorded process still runs (gone, reused pid or zombie all count as not alive). */
export function isAlive(p: ProcessRef | number): boolean {
  const s = procStat(typeof p === "number" ? p : p.pid);
  if (!s || !live(s)) return false;
  return typeof p === "number" || s.start === p.start;
}

/** Live (non-zombie) members of a process group. */
export function groupMembers(pgrp: number): ProcStat[] {
  return allProcesses().filter((s) => s.pgrp === pgrp && live(s));
}

/** Sleep. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Poll until `condition` holds; throws (naming `what`) when `timeoutMs` passes first. The deadline
 * is a generous cap on waiting for an event, not a performance assertion.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const intervalMs = options.intervalMs ?? 10;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await sleep(intervalMs);
  }
}

/** Wait until none of the processes is alive; the error lists the survivors. */
export async function waitAllGone(
  procs: readonly ProcessRef[],
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  try {
    await waitUntil(() => procs.every((p) => !isAlive(p)), what, { timeoutMs, intervalMs: 25 });
  } catch (e) {
    const survivors = procs.filter(isAlive).map((p) => `${p.pid} (${procStat(p.pid)?.state})`);
    throw new Error(`${(e as Error).message}; still alive: ${survivors.join(", ")}`);
  }
}

/** Wait until no live process is left in any of the groups. */
export async function waitGroupsGone(
  pgrps: readonly number[],
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  await waitUntil(() => pgrps.every((g) => groupMembers(g).length === 0), what, {
    timeoutMs,
    intervalMs: 25,
  });
}

/** Result of a background CLI process. */
export interface BackgroundResult {
  readonly status: Deno.CommandStatus;
  readonly stdout: string;
  readonly stderr: string;
}

/** A CLI process running in the background, its output drained. */
export interface BackgroundCli {
  readonly child: Deno.ChildProcess;
  readonly pid: number;
  /** Resolves when the process has exited and its pipes are drained. */
  readonly done: Promise<BackgroundResult>;
}

/** Start `deno run -A cli.ts ...args` without waiting; stdout and stderr are piped and drained. */
export function spawnCli(args: string[]): BackgroundCli {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", join(ROOT, "cli.ts"), ...args],
    cwd: ROOT,
    env: { DENO_NO_PACKAGE_JSON: "1", NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const decoder = new TextDecoder();
  const done = child.output().then((out) => ({
    status: { success: out.success, code: out.code, signal: out.signal },
    stdout: decoder.decode(out.stdout),
    stderr: decoder.decode(out.stderr),
  }));
  return { child, pid: child.pid, done };
}

/** The complete (newline-terminated) lines of a file; none when it does not exist yet. */
export function completeLines(path: string): string[] {
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch {
    return [];
  }
  const end = text.lastIndexOf("\n");
  return end < 0 ? [] : text.slice(0, end).split("\n");
}

/**
 * Write an executable `deno` stand-in for `LocalPoolOptions.denoPath`: it appends its pid to
 * `pidLog` (one line per worker process started) and then `exec`s the real deno, so the pid it
 * logs is the worker's. With `groupChild`, it first starts a `sleep` in the background, a stand-in
 * for an engine child process (GmatConsole) in the worker's process group; its pid is logged as
 * `child <pid>`.
 */
export async function writeDenoWrapper(
  dir: string,
  options: { groupChild?: boolean } = {},
): Promise<
  { denoPath: string; pidLog: string; workerPids: () => number[]; childPids: () => number[] }
> {
  const denoPath = join(dir, "deno-wrapper.sh");
  const pidLog = join(dir, "worker-pids.log");
  await Deno.writeTextFile(pidLog, "");
  const child = options.groupChild
    ? `sleep 600 </dev/null >/dev/null 2>&1 &\necho "child $!" >> '${pidLog}'\n`
    : "";
  await Deno.writeTextFile(
    denoPath,
    `#!/bin/sh\n${child}echo "worker $$" >> '${pidLog}'\nexec '${Deno.execPath()}' "$@"\n`,
  );
  await Deno.chmod(denoPath, 0o755);
  const pids = (kind: string) => () =>
    Deno.readTextFileSync(pidLog).split("\n").filter((l) => l.startsWith(`${kind} `))
      .map((l) => Number(l.slice(kind.length + 1)));
  return { denoPath, pidLog, workerPids: pids("worker"), childPids: pids("child") };
}
