/**
 * The SLURM client commands the backend uses, each run as a child process with its output parsed:
 * `sbatch` (submit an array), `squeue` (task states, jobs by name), `scancel`, and `scontrol`
 * (MaxArraySize, one task's details). Accounting (`sacct`) is never needed: finished tasks are
 * read from `squeue -t all` while the controller keeps them (MinJobAge).
 *
 * @module
 */

import { SlurmError } from "./slurm_errors.ts";

/** What a finished command printed. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run a SLURM command; throws {@link SlurmError} `SLURM_UNAVAILABLE` when it is not installed. */
export async function runSlurmCommand(
  command: string,
  args: readonly string[],
): Promise<CommandResult> {
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command(command, {
      args: [...args],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new SlurmError("SLURM_UNAVAILABLE", `${command} is not installed (not on PATH)`, {
        cause: e,
      });
    }
    throw e;
  }
  const decoder = new TextDecoder();
  return {
    code: output.code,
    stdout: decoder.decode(output.stdout),
    stderr: decoder.decode(output.stderr),
  };
}

function commandError(command: string, args: readonly string[], r: CommandResult): SlurmError {
  const text = (r.stderr.trim() || r.stdout.trim() || "(no output)").slice(-2000);
  const unreachable =
    /Unable to contact slurm controller|Could not establish a configuration|Connection refused|Socket timed out|Zero Bytes were transmitted|Munge|auth/i
      .test(text);
  return new SlurmError(
    unreachable ? "SLURM_UNAVAILABLE" : "SLURM_COMMAND",
    `${command} ${args.join(" ")} failed (exit ${r.code}): ${text}`,
  );
}

/** Run a command and return its stdout; any non-zero exit is a {@link SlurmError}. */
async function checked(command: string, args: readonly string[]): Promise<string> {
  const r = await runSlurmCommand(command, args);
  if (r.code !== 0) throw commandError(command, args, r);
  return r.stdout;
}

/** States of a task that has not finished yet. */
const ACTIVE_STATES = new Set([
  "PENDING",
  "CONFIGURING",
  "RUNNING",
  "COMPLETING",
  "SUSPENDED",
  "REQUEUED",
  "REQUEUE_FED",
  "REQUEUE_HOLD",
  "RESIZING",
  "SIGNALING",
  "STAGE_OUT",
  "STOPPED",
  "RESV_DEL_HOLD",
  "SPECIAL_EXIT",
]);

/** Whether a SLURM job state (as `squeue %T` prints it) means the task may still run. */
export function isActiveState(state: string): boolean {
  return ACTIVE_STATES.has(state);
}

/** One array task as `squeue` lists it. */
export interface TaskState {
  /** The array's job id (`%F`). */
  readonly arrayJobId: string;
  /** The task index (`%K`), or -1 for a job that is no array. */
  readonly taskId: number;
  /** `PENDING`, `RUNNING`, `COMPLETED`, `FAILED`, `TIMEOUT`, `CANCELLED`, ... */
  readonly state: string;
  /** SLURM's reason (`None`, `NonZeroExitCode`, `TimeLimit`, `Priority`, ...). */
  readonly reason: string;
  /** The job's comment (only from {@link findJobsByName}). */
  readonly comment?: string;
}

/** The key of a task in maps: `<arrayJobId>_<taskId>`. */
export function taskKey(arrayJobId: string, taskId: number): string {
  return `${arrayJobId}_${taskId}`;
}

/** Parse `squeue -h -r -o '%F|%K|%T|%r[|%k]'` lines. */
export function parseSqueue(text: string, withComment = false): TaskState[] {
  const out: TaskState[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const parts = line.split("|");
    if (parts.length < 4) continue;
    const [arrayJobId, task, state, reason] = parts;
    const taskId = /^\d+$/.test(task.trim()) ? Number(task.trim()) : -1;
    out.push({
      arrayJobId: arrayJobId.trim(),
      taskId,
      state: state.trim(),
      reason: reason.trim(),
      ...(withComment ? { comment: parts.slice(4).join("|") } : {}),
    });
  }
  return out;
}

/**
 * Every task of the given array jobs that the controller still knows (pending, running and, for
 * MinJobAge after they end, finished). A job id the controller has forgotten is simply absent.
 */
export async function queryTasks(arrayJobIds: readonly string[]): Promise<TaskState[]> {
  if (arrayJobIds.length === 0) return [];
  const args = ["-h", "-r", "-t", "all", "-j", arrayJobIds.join(","), "-o", "%F|%K|%T|%r"];
  const r = await runSlurmCommand("squeue", args);
  if (r.code !== 0) {
    // Every id forgotten: squeue says so and exits 1.
    if (/Invalid job id/i.test(r.stderr)) return [];
    throw commandError("squeue", args, r);
  }
  return parseSqueue(r.stdout);
}

/** Tasks of every job (of any state the controller still knows) with this exact job name. */
export async function findJobsByName(name: string): Promise<TaskState[]> {
  const args = ["-h", "-r", "-t", "all", "-n", name, "-o", "%F|%K|%T|%r|%k"];
  return parseSqueue(await checked("squeue", args), true);
}

/** Cancel whole array jobs (pending tasks never start; running ones are signalled). */
export async function cancelJobs(arrayJobIds: readonly string[]): Promise<void> {
  if (arrayJobIds.length === 0) return;
  const r = await runSlurmCommand("scancel", [...arrayJobIds]);
  // A job that already ended is not an error worth stopping for.
  if (r.code !== 0 && !/Invalid job id|already completing or completed/i.test(r.stderr)) {
    throw commandError("scancel", arrayJobIds, r);
  }
}

/** What `sbatch` needs to submit one array. */
export interface ArraySubmission {
  /** The batch script (bash) each task runs. */
  readonly scriptPath: string;
  /** Tasks 0..size-1. */
  readonly size: number;
  /** At most this many tasks of the array run at once (`%cap`). */
  readonly cap?: number;
  readonly jobName: string;
  readonly comment: string;
  /** `-o` / `-e` patterns (`%a` is the task index). */
  readonly stdoutPattern: string;
  readonly stderrPattern: string;
  readonly workDir: string;
  /** Further sbatch options (partition, time, mem, ...), placed before the script. */
  readonly options: readonly string[];
}

/** The sbatch arguments of a submission (without the command). */
export function sbatchArgs(s: ArraySubmission): string[] {
  const array = `0-${s.size - 1}${s.cap !== undefined ? `%${s.cap}` : ""}`;
  return [
    "--parsable",
    `--array=${array}`,
    `--job-name=${s.jobName}`,
    `--comment=${s.comment}`,
    `--output=${s.stdoutPattern}`,
    `--error=${s.stderrPattern}`,
    `--chdir=${s.workDir}`,
    ...s.options,
    s.scriptPath,
  ];
}

/** Submit an array; returns its job id. */
export async function submitArray(s: ArraySubmission): Promise<string> {
  const out = await checked("sbatch", sbatchArgs(s));
  // --parsable prints "<jobid>" or "<jobid>;<cluster>".
  const id = out.trim().split("\n").pop()!.split(";")[0].trim();
  if (!/^\d+$/.test(id)) {
    throw new SlurmError("SLURM_COMMAND", `sbatch printed no job id: ${JSON.stringify(out)}`);
  }
  return id;
}

/** Parse `scontrol show config` lines (`Key = Value`). */
export function parseConfig(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z][\w/]*)\s+=\s+(.*?)\s*$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/**
 * Parse one `scontrol show job -o` record (`Key=Value Key=Value ...`; a value may hold spaces,
 * as a comment does, so a field ends only where the next `Key=` begins).
 */
export function parseJobRecord(line: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /(?:^|\s)([A-Za-z][\w/:]*)=/g;
  const keys: { key: string; start: number; end: number }[] = [];
  for (const m of line.matchAll(re)) {
    keys.push({ key: m[1], start: m.index!, end: m.index! + m[0].length });
  }
  keys.forEach((k, i) => {
    const stop = i + 1 < keys.length ? keys[i + 1].start : line.length;
    out[k.key] = line.slice(k.end, stop).trim();
  });
  return out;
}

/** The cluster's MaxArraySize (array indices must be below it). */
export async function maxArraySize(): Promise<number> {
  const config = parseConfig(await checked("scontrol", ["show", "config"]));
  const n = Number(config["MaxArraySize"]);
  return Number.isInteger(n) && n > 0 ? n : 1001;
}

/** One task's record from `scontrol show job -o <id>_<task>` (JobState, Reason, ExitCode, ...). */
export async function taskDetails(
  arrayJobId: string,
  taskId: number,
): Promise<Record<string, string> | undefined> {
  const r = await runSlurmCommand("scontrol", ["show", "job", "-o", taskKey(arrayJobId, taskId)]);
  if (r.code !== 0 || !r.stdout.trim()) return undefined;
  return parseJobRecord(r.stdout.trim().split("\n")[0]);
}

/** Wait `ms`, or less when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Cancel arrays and wait (up to `waitMs`) until none of their tasks is pending or running. */
export async function cancelAndWait(jobIds: readonly string[], waitMs = 30_000): Promise<void> {
  if (jobIds.length === 0) return;
  await cancelJobs(jobIds);
  const deadline = performance.now() + waitMs;
  while (performance.now() < deadline) {
    const states = await queryTasks(jobIds).catch(() => undefined);
    if (states && !states.some((s) => isActiveState(s.state))) return;
    await sleep(200);
  }
}
