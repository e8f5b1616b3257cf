/**
 * Running a prepared run with GmatConsole: `GmatConsole --startup_file S --logfile L --run
 * SCRIPT` in the run directory, its own process group, a wall-clock timeout and abort, and a
 * verdict that does not trust the exit code alone (a missing script exits 0 in GMAT).
 *
 * @module
 */

import type { RunOutput } from "../formats/mod.ts";
import { drainStream } from "./_output_tail.ts";
import { ConsoleEvidence, MISSION_COMPLETED } from "./console_protocol.ts";
import { notExecutableReason } from "./_platform.ts";
import { delay, existing, readTail, seconds, terminate } from "./_child.ts";
import type { GmatInstall } from "./install.ts";
import type { PreparedGmatRun } from "./prepare_run.ts";
import { type Spawn, type SpawnedProcess, spawnProcess, type SpawnStatus } from "./spawn.ts";

export { MISSION_COMPLETED } from "./console_protocol.ts";

/** Options of {@link runGmatConsole}. */
export interface RunGmatConsoleOptions {
  /** Wall-clock limit in milliseconds; the process group is killed when it passes. */
  readonly timeoutMs?: number;
  /** Aborting kills the process group. */
  readonly signal?: AbortSignal;
  /** How processes are started. @default {spawnProcess} */
  readonly spawn?: Spawn;
  /** Time between SIGTERM and SIGKILL. @default {3000} */
  readonly killGraceMs?: number;
  /** Characters of stdout/stderr kept. @default {65536} */
  readonly tailChars?: number;
  /** Characters of the log file kept (its end). @default {1048576} */
  readonly logChars?: number;
}

/** What a GmatConsole run did. */
export interface GmatRunResult {
  /** True iff the exit code is 0 and stdout has `Mission run completed.`. */
  readonly ok: boolean;
  /** The exit code, or null when killed by a signal or never started. */
  readonly exitCode: number | null;
  /** The signal that ended GmatConsole, or null. */
  readonly signal: string | null;
  /** True when the timeout killed it. */
  readonly timedOut: boolean;
  /** True when the abort signal killed it (or fired before the start). */
  readonly aborted: boolean;
  /** Why the run failed (quoting GMAT's error lines), or null when ok. */
  readonly reason: string | null;
  /** The end of stdout. */
  readonly stdoutTail: string;
  /** The end of stderr. */
  readonly stderrTail: string;
  /** The end of the log file (empty when GmatConsole wrote none). */
  readonly logText: string;
  /** The expected outputs that exist after the run (rows left 0: parse them to count). */
  readonly outputs: readonly RunOutput[];
  /** Wall-clock duration in milliseconds. */
  readonly durationMs: number;
  /** Things the caller should know (e.g. no process group could be made). */
  readonly warnings: readonly string[];
}

/**
 * Run GmatConsole on a prepared run.
 *
 * The command is `<install.console> --startup_file <S> --logfile <L> --run <SCRIPT>` with
 * absolute paths and the run directory as working directory, started through
 * {@link spawnProcess} (its own process group). On timeout or abort the whole group gets
 * SIGTERM, then SIGKILL after `killGraceMs`; after GmatConsole exits, whatever is left of its
 * group is killed too. Never throws for a failed run: `ok` and `reason` say what happened.
 *
 * @param install The GMAT install.
 * @param prepared The run from {@link prepareGmatRun}.
 * @param options Timeout, abort signal, spawn function.
 * @returns The verdict, output tails, log and the outputs that exist.
 *
 * @example
 * ```ts ignore
 * import { locateGmat, prepareGmatRun, runGmatConsole } from "./mod.ts";
 * const install = await locateGmat();
 * const prepared = await prepareGmatRun(install, {
 *   scriptText: await Deno.readTextFile("leo.script"),
 *   scriptFile: "leo.script",
 *   runDir: "/tmp/run-0",
 * });
 * const result = await runGmatConsole(install, prepared, { timeoutMs: 60_000 });
 * if (!result.ok) console.error(result.reason);
 * ```
 */
export async function runGmatConsole(
  install: GmatInstall,
  prepared: PreparedGmatRun,
  options: RunGmatConsoleOptions = {},
): Promise<GmatRunResult> {
  const t0 = performance.now();
  const tailChars = options.tailChars ?? 65536;
  const graceMs = options.killGraceMs ?? 3000;
  const warnings: string[] = [];
  const finish = async (
    fields: Omit<GmatRunResult, "logText" | "outputs" | "durationMs" | "warnings">,
  ): Promise<GmatRunResult> => ({
    ...fields,
    logText: await readTail(prepared.logPath, options.logChars ?? 1 << 20),
    outputs: await existing(prepared.outputs),
    durationMs: performance.now() - t0,
    warnings,
  });
  const notStarted = {
    exitCode: null,
    signal: null,
    timedOut: false,
    stdoutTail: "",
    stderrTail: "",
  };
  if (options.signal?.aborted) {
    return finish({ ...notStarted, ok: false, aborted: true, reason: "aborted before start" });
  }

  // Checked here because through setsid a missing program shows only as exit code 127.
  const unusable = notExecutableReason(install.console, Deno.build.os);
  if (unusable !== null) {
    return finish({
      ...notStarted,
      ok: false,
      aborted: false,
      reason: `cannot start ${install.console}: it ${unusable}`,
    });
  }
  let child: SpawnedProcess;
  try {
    child = (options.spawn ?? spawnProcess)({
      command: install.console,
      args: [
        "--startup_file",
        prepared.startupPath,
        "--logfile",
        prepared.logPath,
        "--run",
        prepared.scriptPath,
      ],
      cwd: prepared.runDir,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return finish({
      ...notStarted,
      ok: false,
      aborted: false,
      reason: `cannot start ${install.console}: ${message}`,
    });
  }
  if (child.warning) warnings.push(child.warning);

  const evidence = new ConsoleEvidence();
  const stderrLines: string[] = [];
  const stdout = drainStream(child.stdout, tailChars, (l) => evidence.add(l));
  const stderr = drainStream(child.stderr, tailChars, (l) => {
    if (l.trim() !== "") stderrLines.push(l.trim());
    if (stderrLines.length > 5) stderrLines.shift();
  });

  let timedOut = false;
  let aborted = false;
  let killing: Promise<void> | undefined;
  const stop = () => {
    killing ??= terminate(child, graceMs);
  };
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => {
    timedOut = true;
    stop();
  }, options.timeoutMs);
  const onAbort = () => {
    aborted = true;
    stop();
  };
  options.signal?.addEventListener("abort", onAbort, { once: true });

  let status: SpawnStatus;
  try {
    status = await child.status;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
  await killing;
  // Whatever GmatConsole left in its group (it has exited) goes too.
  if (child.groupLeader) child.kill("SIGKILL");
  // A leftover process outside our reach may hold the pipes open: do not wait for it forever.
  const streams = Promise.all([stdout.done, stderr.done]);
  const wait = delay(graceMs);
  if (await Promise.race([streams.then(() => "done" as const), wait.promise]) === "timeout") {
    stdout.cancel();
    stderr.cancel();
  }
  wait.clear();
  const [stdoutTail, stderrTail] = await streams;

  const exitCode = status.signal === null ? status.code : null;
  const quoted = evidence.quoted();
  let reason: string | null = null;
  if (aborted && !timedOut) {
    const why = options.signal?.reason;
    reason = `aborted${why instanceof Error ? ` (${why.message})` : why ? ` (${why})` : ""}`;
  } else if (timedOut) {
    reason = `timed out after ${seconds(options.timeoutMs!)}`;
  } else if (exitCode === null) {
    reason = `GmatConsole was killed by ${status.signal}${quoted}`;
  } else if (exitCode !== 0) {
    const fallback = stderrLines.length > 0
      ? ` (stderr: ${stderrLines.join(" | ")})`
      : ` (no **** ERROR **** line; see ${prepared.logPath})`;
    reason = `GmatConsole exited with code ${exitCode}${quoted || fallback}`;
  } else if (!evidence.completed) {
    reason = `GmatConsole exited 0 but never printed '${MISSION_COMPLETED}'${quoted}`;
  }
  return finish({
    ok: reason === null,
    exitCode,
    signal: status.signal,
    timedOut,
    aborted: aborted && !timedOut,
    reason,
    stdoutTail,
    stderrTail,
  });
}
