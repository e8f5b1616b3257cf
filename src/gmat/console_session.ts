/**
 * One long-lived GmatConsole in interactive mode, fed one prepared run after another.
 *
 * GmatConsole started with no arguments loads its engine once (data files, SPICE kernels, gravity
 * files: most of a short run's time) and then reads script paths from standard input, printing
 * the prompt `Enter a script file, q to quit, or an option:  ` after each. A session writes each
 * run's script path, reads the output until the prompt comes back, and judges the run from it
 * (`Mission run completed.`, GMAT's error lines). GMAT's console exits after any failed script,
 * so the session starts a new console for the next run; it also replaces the console after a
 * timeout or abort (its whole process group is killed), after `restartEvery` runs, and when the
 * group's resident memory passes `maxRssBytes`.
 *
 * In interactive mode GMAT ignores `--logfile` and `--startup_file`: the per-run script names
 * every output (and every solver log) by absolute path, and the session writes the run's part of
 * the console output to the run's `GmatLog.txt`, so a run directory holds what a process-per-run
 * run leaves there (less the unused startup file).
 *
 * @module
 */

import { delay, existing, seconds, terminate } from "./_child.ts";
import { drainStream } from "./_output_tail.ts";
import { notExecutableReason } from "./_platform.ts";
import { readConsoleOutput } from "./_prompt_reader.ts";
import { ConsoleEvidence, MISSION_COMPLETED } from "./console_protocol.ts";
import type { GmatInstall } from "./install.ts";
import type { PreparedGmatRun } from "./prepare_run.ts";
import type { GmatRunResult, RunGmatConsoleOptions } from "./run_console.ts";
import { type Spawn, type SpawnedProcess, spawnProcess, type SpawnStatus } from "./spawn.ts";

/** Options of {@link GmatConsoleSession}. */
export interface GmatConsoleSessionOptions {
  /** How processes are started. @default {spawnProcess} */
  readonly spawn?: Spawn;
  /** Runs one console does before it is replaced. @default {1000} */
  readonly restartEvery?: number;
  /** Resident memory of the console's process group past which it is replaced. @default {2 GiB} */
  readonly maxRssBytes?: number;
  /** Time between SIGTERM and SIGKILL, and for a console to quit when asked. @default {3000} */
  readonly killGraceMs?: number;
  /** Time a console may take to start (to print its first prompt). @default {120000} */
  readonly startTimeoutMs?: number;
  /** Characters of a run's console output kept in its result and log. @default {4 MiB} */
  readonly logChars?: number;
  /** Called with the process-group id of each console started, and null when it is gone. */
  readonly onConsole?: (pgid: number | null) => void;
}

/** Why a console was replaced, as the session counts it. */
export type RestartCause = "failed" | "timeout" | "aborted" | "every" | "memory" | "start";

interface Waiter {
  resolve(what: "prompt" | "exited"): void;
}

interface Live {
  readonly child: SpawnedProcess;
  readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly exited: Promise<SpawnStatus>;
  readonly stderr: ReturnType<typeof drainStream>;
  readonly stdoutDone: Promise<void>;
  status: SpawnStatus | null;
  runs: number;
  lines: string[] | null;
  chars: number;
  evidence: ConsoleEvidence | null;
  waiter: Waiter | null;
  prompted: boolean;
}

const encoder = new TextEncoder();

/** Resident memory (bytes) of a process group's live members, from /proc; null off Linux. */
function groupRssBytes(pgid: number): number | null {
  if (Deno.build.os !== "linux") return null;
  let total = 0;
  try {
    for (const entry of Deno.readDirSync("/proc")) {
      if (!/^\d+$/.test(entry.name)) continue;
      try {
        const stat = Deno.readTextFileSync(`/proc/${entry.name}/stat`);
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        // fields: state ppid pgrp ... rss is field 24 of stat (index 21 here), in pages
        if (Number(fields[2]) !== pgid || fields[0] === "Z") continue;
        total += Number(fields[21]) * 4096;
      } catch {
        // exited meanwhile
      }
    }
  } catch {
    return null;
  }
  return total;
}

/**
 * A long-lived interactive GmatConsole, restarted as needed. Not safe for concurrent runs: one
 * session serves one worker, one run at a time.
 *
 * @example
 * ```ts ignore
 * import { GmatConsoleSession, locateGmat, prepareGmatRun } from "./mod.ts";
 * const install = await locateGmat();
 * await using session = new GmatConsoleSession(install);
 * for (const sma of [7000, 7100]) {
 *   const prepared = await prepareGmatRun(install, {
 *     scriptText: await Deno.readTextFile("leo.script"),
 *     scriptFile: "leo.script",
 *     overrides: { "Sat.SMA": sma },
 *     runDir: `/tmp/run-${sma}`,
 *     mode: "interactive",
 *   });
 *   const result = await session.run(prepared, { timeoutMs: 60_000 });
 *   console.log(result.ok, result.reason);
 * }
 * console.log(session.starts); // 1
 * ```
 */
export class GmatConsoleSession implements AsyncDisposable {
  readonly #install: GmatInstall;
  readonly #options: GmatConsoleSessionOptions;
  #live: Live | null = null;
  #starts = 0;
  #restarts: Record<RestartCause, number> = {
    failed: 0,
    timeout: 0,
    aborted: 0,
    every: 0,
    memory: 0,
    start: 0,
  };
  #closed = false;

  /**
   * Creates a session; the first console starts with the first run.
   *
   * @param install The GMAT install whose `bin/GmatConsole` runs.
   * @param options Spawn function, restart policy, grace and start-up limits.
   */
  constructor(install: GmatInstall, options: GmatConsoleSessionOptions = {}) {
    this.#install = install;
    this.#options = options;
  }

  /** How many consoles this session started. */
  get starts(): number {
    return this.#starts;
  }

  /** Why consoles were replaced, counted by cause. */
  get restarts(): Readonly<Record<RestartCause, number>> {
    return { ...this.#restarts };
  }

  /** The running console's process-group id, or null when none runs. */
  get pgid(): number | null {
    return this.#live?.child.pid ?? null;
  }

  #grace(): number {
    return this.#options.killGraceMs ?? 3000;
  }

  /** Start a console and wait for its first prompt; returns null on success, else why not. */
  async #start(signal: AbortSignal | undefined): Promise<string | null> {
    const unusable = notExecutableReason(this.#install.console, Deno.build.os);
    if (unusable !== null) return `cannot start ${this.#install.console}: it ${unusable}`;
    let child: SpawnedProcess;
    try {
      child = (this.#options.spawn ?? spawnProcess)({
        command: this.#install.console,
        args: [],
        cwd: this.#install.binDir,
        stdin: "piped",
      });
    } catch (e) {
      return `cannot start ${this.#install.console}: ${e instanceof Error ? e.message : e}`;
    }
    if (child.stdin === null) {
      child.kill("SIGKILL");
      return "cannot start GmatConsole in interactive mode: the spawn gave it no standard input";
    }
    this.#starts++;
    const startup = new ConsoleEvidence();
    const live: Live = {
      child,
      writer: child.stdin.getWriter(),
      exited: child.status,
      stderr: drainStream(child.stderr, 8192),
      stdoutDone: Promise.resolve(),
      status: null,
      runs: 0,
      lines: null,
      chars: 0,
      evidence: null,
      waiter: null,
      prompted: false,
    };
    const maxChars = this.#options.logChars ?? 4 << 20;
    const reader = readConsoleOutput(child.stdout, {
      line: (line) => {
        if (live.lines === null) {
          startup.add(line);
          return;
        }
        live.evidence?.add(line);
        if (live.chars < maxChars) {
          live.lines.push(line);
          live.chars += line.length + 1;
        }
      },
      prompt: () => {
        live.prompted = true;
        const w = live.waiter;
        live.waiter = null;
        w?.resolve("prompt");
      },
    });
    (live as { stdoutDone: Promise<void> }).stdoutDone = reader.done;
    live.exited.then((status) => {
      live.status = status;
      const w = live.waiter;
      live.waiter = null;
      w?.resolve("exited");
    });
    this.#live = live;
    this.#options.onConsole?.(child.pid);

    const limit = delay(this.#options.startTimeoutMs ?? 120_000);
    const onAbort = () => live.waiter?.resolve("exited");
    signal?.addEventListener("abort", onAbort, { once: true });
    const first = live.prompted ? "prompt" : await Promise.race([
      new Promise<"prompt" | "exited">((resolve) => (live.waiter = { resolve })),
      limit.promise,
    ]);
    limit.clear();
    signal?.removeEventListener("abort", onAbort);
    if (first === "prompt") return null;
    const why = signal?.aborted
      ? "aborted while GmatConsole was starting"
      : first === "timeout"
      ? `GmatConsole printed no prompt within ${seconds(this.#options.startTimeoutMs ?? 120_000)}`
      : `GmatConsole exited during start-up (${describeStatus(live.status)})`;
    await this.#stop(false);
    return `${why}${startup.quoted()}`;
  }

  /**
   * End the current console: ask it to quit (`q`) when `polite`, else (or when it does not) kill
   * its process group; then kill whatever is left in the group.
   */
  async #stop(polite: boolean): Promise<void> {
    const live = this.#live;
    if (live === null) return;
    this.#live = null;
    if (live.status === null && polite) {
      try {
        await live.writer.write(encoder.encode("q\n"));
        await live.writer.close();
      } catch {
        // it is going away anyway
      }
      const grace = delay(this.#grace());
      await Promise.race([live.exited, grace.promise]);
      grace.clear();
    }
    if (live.status === null) await terminate(live.child, this.#grace());
    await live.exited;
    if (live.child.groupLeader) live.child.kill("SIGKILL");
    try {
      live.writer.releaseLock();
    } catch {
      // already released
    }
    const streams = Promise.all([live.stdoutDone, live.stderr.done]);
    const wait = delay(this.#grace());
    await Promise.race([streams, wait.promise]);
    wait.clear();
    this.#options.onConsole?.(null);
  }

  /**
   * Run one prepared run on the console (starting one if none runs).
   *
   * Never throws for a failed run: `ok` and `reason` say what happened; a failed, timed-out or
   * aborted run leaves no console behind (the next run starts a new one).
   *
   * @param prepared A run from {@link prepareGmatRun} (mode `interactive`).
   * @param options `timeoutMs` (counted from the start of this call, a console start included)
   *   and `signal`.
   * @returns The verdict, the run's console output, and the outputs that exist.
   */
  async run(
    prepared: PreparedGmatRun,
    options: Pick<RunGmatConsoleOptions, "timeoutMs" | "signal"> = {},
  ): Promise<GmatRunResult> {
    const t0 = performance.now();
    const { signal, timeoutMs } = options;
    const warnings: string[] = [];
    const result = async (
      fields: Partial<GmatRunResult> & Pick<GmatRunResult, "reason">,
      lines: readonly string[] = [],
    ): Promise<GmatRunResult> => {
      const logText = lines.length > 0 ? await this.#writeLog(prepared, lines) : "";
      return {
        ok: fields.reason === null,
        exitCode: null,
        signal: null,
        timedOut: false,
        aborted: false,
        stdoutTail: lines.join("\n").slice(-65536),
        stderrTail: "",
        logText,
        outputs: await existing(prepared.outputs),
        durationMs: performance.now() - t0,
        warnings,
        ...fields,
      };
    };
    if (this.#closed) return result({ reason: "the GmatConsole session is closed" });
    if (signal?.aborted) return result({ aborted: true, reason: "aborted before start" });

    let timedOut = false;
    let aborted = false;
    const deadline = timeoutMs === undefined ? undefined : delay(timeoutMs);
    const stopper = new AbortController();
    deadline?.promise.then(() => {
      timedOut = true;
      stopper.abort();
    });
    const onAbort = () => {
      aborted = true;
      stopper.abort();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      if (this.#live !== null && this.#live.status !== null) {
        // The console exited between runs.
        this.#restarts.failed++;
        await this.#stop(false);
      }
      if (this.#live === null) {
        const problem = await this.#start(stopper.signal);
        if (problem !== null) {
          const why = timedOut ? `timed out after ${seconds(timeoutMs!)} (${problem})` : problem;
          return result({ timedOut, aborted: aborted && !timedOut, reason: why });
        }
      }
      const live = this.#live!;
      if (live.child.warning) warnings.push(live.child.warning);
      live.lines = [];
      live.chars = 0;
      live.evidence = new ConsoleEvidence();
      live.prompted = false;
      const outcome = new Promise<"prompt" | "exited">((resolve) => (live.waiter = { resolve }));
      try {
        await live.writer.write(encoder.encode(`${prepared.scriptPath}\n`));
      } catch {
        // the console is gone; its exit resolves the waiter
      }
      const stopped = new Promise<"stopped">((resolve) => {
        if (stopper.signal.aborted) resolve("stopped");
        stopper.signal.addEventListener("abort", () => resolve("stopped"), { once: true });
      });
      const how = await Promise.race([outcome, stopped]);
      live.waiter = null;
      live.runs++;
      if (how === "stopped") this.#restarts[timedOut ? "timeout" : "aborted"]++;
      if (how === "exited") this.#restarts.failed++;
      // A console that is gone (or must go) is ended first, so its last lines are read.
      if (how !== "prompt") await this.#stop(false);
      const lines = live.lines;
      const evidence = live.evidence;
      live.lines = null;
      live.evidence = null;

      if (how === "stopped") {
        const status = live.status;
        const why = timedOut
          ? `timed out after ${seconds(timeoutMs!)}; GmatConsole's process group was killed ` +
            "(a new console runs the next run)"
          : `aborted${describeReason(signal?.reason)}`;
        return result({
          timedOut,
          aborted: !timedOut,
          signal: status?.signal ?? null,
          reason: why,
          stderrTail: await live.stderr.done,
        }, lines);
      }
      if (how === "exited") {
        const status = live.status!;
        const stderrTail = await live.stderr.done;
        const exitCode = status.signal === null ? status.code : null;
        const fallback = stderrTail.trim() !== ""
          ? ` (stderr: ${stderrTail.trim().split(/\r?\n/).slice(-5).join(" | ")})`
          : " (no error line; see the run's GmatLog.txt)";
        const reason = exitCode === null
          ? `GmatConsole was killed by ${status.signal}${evidence.quoted()}`
          : `GmatConsole exited with code ${exitCode}${evidence.quoted() || fallback}`;
        return result({ exitCode, signal: status.signal, reason, stderrTail }, lines);
      }
      // Back at the prompt: the console is ready for the next run.
      const reason = evidence.completed
        ? null
        : `GmatConsole never printed '${MISSION_COMPLETED}'${evidence.quoted()}`;
      await this.#recycle(live);
      return result({ reason }, lines);
    } finally {
      deadline?.clear();
      signal?.removeEventListener("abort", onAbort);
    }
  }

  /** Replace the console after `restartEvery` runs or past the memory bound. */
  async #recycle(live: Live): Promise<void> {
    if (live.runs >= (this.#options.restartEvery ?? 1000)) {
      this.#restarts.every++;
      await this.#stop(true);
      return;
    }
    const rss = live.child.groupLeader ? groupRssBytes(live.child.pid) : null;
    if (rss !== null && rss > (this.#options.maxRssBytes ?? 2 * 1024 ** 3)) {
      this.#restarts.memory++;
      await this.#stop(true);
    }
  }

  /** Write the run's console output as its `GmatLog.txt`; returns the text. */
  async #writeLog(prepared: PreparedGmatRun, lines: readonly string[]): Promise<string> {
    const text = [
      `% gmat-sweep: the output of an interactive GmatConsole for ${prepared.scriptPath}`,
      "% (GmatConsole ignores --logfile in interactive mode; its console receiver prints every",
      "% log message to standard output as well, which is what follows)",
      ...lines,
      "",
    ].join("\n");
    try {
      await Deno.writeTextFile(prepared.logPath, text);
    } catch {
      // the run directory is gone: the text is still returned
    }
    return text;
  }

  /** Ask the console to quit (kill it if it does not), and take no more runs. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#stop(true);
  }

  /** {@link close}, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

function describeStatus(status: SpawnStatus | null): string {
  if (status === null) return "still running";
  return status.signal === null ? `exit code ${status.code}` : `killed by ${status.signal}`;
}

function describeReason(why: unknown): string {
  return why instanceof Error ? ` (${why.message})` : why ? ` (${why})` : "";
}
