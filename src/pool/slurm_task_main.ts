/**
 * Entry of one SLURM array task: `deno run -A slurm_task_main.ts <batch dir>`.
 *
 * Reads `SLURM_ARRAY_TASK_ID` (t) and the batch record, runs the task's job files (job t, or jobs
 * t*k ... t*k+k-1 when the batch bundles k runs per task) one after the other with
 * {@link runOne} (engine, Parquet conversion, `worker.log`), and writes each outcome file
 * atomically into the batch's `outcomes/` directory as soon as its run is done, where the driver
 * (or a later adoption) picks it up. Exits 0 when every outcome file was written, whatever the
 * runs' status; runs left without one (the task died) are seen by the driver through SLURM's
 * job state instead.
 *
 * SIGTERM (a cancel or time limit) ends the process at once for the built-in engine; for
 * GmatConsole runs it is caught to stop GmatConsole's process group before exiting.
 *
 * @module
 */

import { JobHooks } from "./job_hooks.ts";
import { runOne, ScriptCache } from "./run_one.ts";
import { jobsOfTask, readBatchRecord, readJob, writeOutcomeFile } from "./slurm_spool.ts";

function fail(message: string, code: number): never {
  console.error(`gmat-sweep slurm task: ${message}`);
  Deno.exit(code);
}

/** Run this array task's jobs; `args[0]` is the batch directory. */
export async function slurmTaskMain(args: readonly string[]): Promise<void> {
  const dir = args[0];
  if (!dir) fail("usage: slurm_task_main.ts <batch dir>  (with SLURM_ARRAY_TASK_ID set)", 2);
  const raw = Deno.env.get("SLURM_ARRAY_TASK_ID");
  if (raw === undefined || !/^\d+$/.test(raw)) {
    fail(`SLURM_ARRAY_TASK_ID is ${raw === undefined ? "unset" : `'${raw}'`}`, 2);
  }
  const taskId = Number(raw);
  const record = await readBatchRecord(dir);
  const indices = jobsOfTask(record, taskId);
  if (indices.length === 0) fail(`task ${taskId} has no jobs in ${dir}`, 2);
  const jobs = indices.map((i) => ({ index: i, job: readJob(dir, i) }));
  const controller = new AbortController();
  // Its interactive GmatConsoles (one per install) are closed when the task's jobs are done.
  await using cache = new ScriptCache();
  if (jobs.some(({ job }) => job.engine.kind === "gmat")) {
    Deno.addSignalListener("SIGTERM", () => {
      controller.abort(new Error("SIGTERM"));
      void cache.close();
      setTimeout(() => Deno.exit(143), 2000);
    });
  }
  const slurm = {
    jobId: Deno.env.get("SLURM_JOB_ID") ?? null,
    arrayJobId: Deno.env.get("SLURM_ARRAY_JOB_ID") ?? null,
    taskId,
    host: Deno.hostname(),
  };
  await using hooks = new JobHooks();
  for (const { index, job } of jobs) {
    if (controller.signal.aborted) break;
    const outcome = await hooks.apply(job, await runOne(job, cache, controller.signal));
    await writeOutcomeFile(dir, {
      format: "gmat-sweep/slurm-outcome",
      version: 1,
      index,
      outcome,
      slurm,
    });
  }
  if (controller.signal.aborted) Deno.exit(143);
}

/** The task entry: run the jobs, exiting non-zero with the reason on any error. */
export async function runSlurmTask(args: readonly string[]): Promise<void> {
  try {
    await slurmTaskMain(args);
  } catch (e) {
    fail(e instanceof Error ? (e.stack ?? e.message) : String(e), 1);
  }
}

if (import.meta.main) await runSlurmTask(Deno.args);
