/**
 * The SLURM spool: the directory (on the shared filesystem, under the sweep's output directory)
 * through which the driver and the array tasks talk. One sub-directory per submitted array:
 *
 * ```
 * <spool>/<batch>/batch.json          the batch record: sweep id, run ids, SLURM job id
 * <spool>/<batch>/task.sh             the script every task of the array runs
 * <spool>/<batch>/jobs/<i>.json       job i's RunJob
 * <spool>/<batch>/outcomes/<i>.json   job i's outcome, written atomically by its task
 * <spool>/<batch>/done/<i>.json       outcomes the driver has handed on (appended to the manifest)
 * <spool>/<batch>/logs/<t>.out|.err   array task t's stdout and stderr
 * ```

Array task t runs jobs t*k ... t*k+k-1 of its batch, k being the batch's `runsPerTask` (1 unless
 * asked otherwise), and writes each job's outcome file as soon as that run is done.
 *
 * Every file that crosses the process boundary is JSON checked by a zod schema. Outcome files are
 * written under a temporary name, synced, renamed into place and the directory synced, so a reader
 * sees a complete file or none.
 *
 * @module
 */

import { join } from "node:path";
import { z } from "npm:zod@4.6.7";
import { RunOutcomeSchema } from "../runs/mod.ts";
import type { RunOutcome } from "../runs/mod.ts";
import { type RunJob, RunJobSchema } from "./job.ts";
import { SlurmError } from "./slurm_errors.ts";

/** Schema of `batch.json`. */
export const BatchRecordSchema = z.object({
  format: z.literal("gmat-sweep/slurm-batch"),
  version: z.literal(1),
  sweepId: z.string(),
  /** The batch directory's name. */
  name: z.string(),
  createdAt: z.string(),
  /** Run id of job i (job file `jobs/<i>.json`) at index i. */
  runIds: z.array(z.number().int().nonnegative()),
  /** Array task t runs jobs t*runsPerTask ... (t+1)*runsPerTask-1, one after the other. */
  runsPerTask: z.number().int().positive(),
  /** The array's job id once sbatch accepted it (null while submitting). */
  jobId: z.string().nullable(),
  jobName: z.string(),
  comment: z.string(),
});
/** A batch record. */
export type BatchRecord = z.infer<typeof BatchRecordSchema>;

/** Schema of an outcome file. */
export const OutcomeFileSchema = z.object({
  format: z.literal("gmat-sweep/slurm-outcome"),
  version: z.literal(1),
  /** The job's index in the batch (`jobs/<index>.json`). */
  index: z.number().int().nonnegative(),
  outcome: RunOutcomeSchema,
  /** Where it ran. */
  slurm: z.object({
    jobId: z.string().nullable(),
    arrayJobId: z.string().nullable(),
    taskId: z.number().int().nullable(),
    host: z.string(),
  }),
});
/** An outcome file. */
export type OutcomeFile = z.infer<typeof OutcomeFileSchema>;

/** The files of one batch directory. */
export const batchPaths = {
  record: (dir: string): string => join(dir, "batch.json"),
  script: (dir: string): string => join(dir, "task.sh"),
  job: (dir: string, i: number): string => join(dir, "jobs", `${i}.json`),
  outcomes: (dir: string): string => join(dir, "outcomes"),
  outcome: (dir: string, i: number): string => join(dir, "outcomes", `${i}.json`),
  done: (dir: string): string => join(dir, "done"),
  doneOutcome: (dir: string, i: number): string => join(dir, "done", `${i}.json`),
  stdout: (dir: string, i: number): string => join(dir, "logs", `${i}.out`),
  stderr: (dir: string, i: number): string => join(dir, "logs", `${i}.err`),
  /** sbatch's `-o` / `-e` patterns. */
  stdoutPattern: (dir: string): string => join(dir, "logs", "%a.out"),
  stderrPattern: (dir: string): string => join(dir, "logs", "%a.err"),
};

async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await Deno.open(dir, { read: true });
    try {
      await handle.syncData();
    } finally {
      handle.close();
    }
  } catch {
    // some filesystems cannot sync a directory; the rename is still atomic
  }
}

/** Write a file atomically: temporary name in the same directory, sync, rename, sync the dir. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const slash = path.lastIndexOf("/");
  const dir = slash >= 0 ? path.slice(0, slash) : ".";
  const name = path.slice(slash + 1);
  const tmp = join(dir, `.${name}.${Deno.pid}.${crypto.randomUUID().slice(0, 8)}.tmp`);
  const file = await Deno.open(tmp, { write: true, create: true, truncate: true });
  try {
    const bytes = new TextEncoder().encode(text);
    let off = 0;
    while (off < bytes.length) off += await file.write(bytes.subarray(off));
    await file.syncData();
  } finally {
    file.close();
  }
  await Deno.rename(tmp, path);
  await syncDir(dir);
}

function spoolError(what: string, path: string, e: unknown): SlurmError {
  const why = e instanceof z.ZodError
    ? e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")
    : e instanceof Error
    ? e.message
    : String(e);
  return new SlurmError("SLURM_SPOOL", `${what} ${path} is unusable: ${why}`, { cause: e });
}

/** The job name of a sweep's arrays. */
export function slurmJobName(sweepId: string): string {
  return `gmat-sweep.${sweepId.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 120)}`;
}

/** A new batch directory's name: sortable by creation, unique across drivers. */
export function newBatchName(seq: number): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  return `b${stamp}-${String(seq).padStart(5, "0")}-${crypto.randomUUID().slice(0, 6)}`;
}

/** Create a batch directory with its job files and record (job id still null). */
export async function createBatch(
  spoolDir: string,
  name: string,
  record: Omit<BatchRecord, "format" | "version" | "name" | "createdAt" | "runIds" | "jobId">,
  jobs: readonly RunJob[],
  script: string,
): Promise<{ dir: string; record: BatchRecord }> {
  const dir = join(spoolDir, name);
  for (const sub of ["jobs", "outcomes", "done", "logs"]) {
    await Deno.mkdir(join(dir, sub), { recursive: true });
  }
  // A few files at a time: a batch may hold a thousand jobs, more than a process's open files.
  for (let start = 0; start < jobs.length; start += 32) {
    await Promise.all(
      jobs.slice(start, start + 32).map((job, k) =>
        Deno.writeTextFile(batchPaths.job(dir, start + k), JSON.stringify(job))
      ),
    );
  }
  await Deno.writeTextFile(batchPaths.script(dir), script, { mode: 0o755 });
  const full: BatchRecord = {
    format: "gmat-sweep/slurm-batch",
    version: 1,
    name,
    createdAt: new Date().toISOString(),
    runIds: jobs.map((j) => j.spec.runId),
    jobId: null,
    ...record,
  };
  await writeBatchRecord(dir, full);
  return { dir, record: full };
}

/** Write (replace) a batch record atomically. */
export async function writeBatchRecord(dir: string, record: BatchRecord): Promise<void> {
  await writeFileAtomic(batchPaths.record(dir), JSON.stringify(record, null, 1) + "\n");
}

/** Read a batch record. */
export async function readBatchRecord(dir: string): Promise<BatchRecord> {
  const path = batchPaths.record(dir);
  try {
    return BatchRecordSchema.parse(JSON.parse(await Deno.readTextFile(path)));
  } catch (e) {
    throw spoolError("batch record", path, e);
  }
}

/** Batch directories of a spool, oldest first (none when the spool does not exist). */
export async function listBatchDirs(spoolDir: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const e of Deno.readDir(spoolDir)) {
      if (e.isDirectory && e.name.startsWith("b")) names.push(e.name);
    }
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
  return names.sort().map((n) => join(spoolDir, n));
}

/** The array task that runs job i of a batch. */
export function taskOfJob(record: Pick<BatchRecord, "runsPerTask">, i: number): number {
  return Math.floor(i / record.runsPerTask);
}

/** The job indices array task t of a batch runs. */
export function jobsOfTask(
  record: Pick<BatchRecord, "runsPerTask" | "runIds">,
  t: number,
): number[] {
  const first = t * record.runsPerTask;
  const last = Math.min(first + record.runsPerTask, record.runIds.length);
  return Array.from({ length: Math.max(0, last - first) }, (_, k) => first + k);
}

/** Number of array tasks of a batch. */
export function taskCount(record: Pick<BatchRecord, "runsPerTask" | "runIds">): number {
  return Math.ceil(record.runIds.length / record.runsPerTask);
}

/** Read job i's job file. */
export function readJob(dir: string, i: number): RunJob {
  const path = batchPaths.job(dir, i);
  try {
    return RunJobSchema.parse(JSON.parse(Deno.readTextFileSync(path)));
  } catch (e) {
    throw spoolError("job file", path, e);
  }
}

/** Indices with a file `<i>.json` in a directory of the batch (temporary files are skipped). */
export async function listIndices(dir: string): Promise<number[]> {
  const out: number[] = [];
  try {
    for await (const e of Deno.readDir(dir)) {
      const m = /^(\d+)\.json$/.exec(e.name);
      if (m && e.isFile) out.push(Number(m[1]));
    }
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
  return out.sort((a, b) => a - b);
}

/** Write job i's outcome file atomically (called by the task). */
export async function writeOutcomeFile(dir: string, file: OutcomeFile): Promise<void> {
  await writeFileAtomic(batchPaths.outcome(dir, file.index), JSON.stringify(file) + "\n");
}

/** Read job i's outcome file. */
export async function readOutcomeFile(dir: string, i: number): Promise<OutcomeFile> {
  const path = batchPaths.outcome(dir, i);
  try {
    return OutcomeFileSchema.parse(JSON.parse(await Deno.readTextFile(path)));
  } catch (e) {
    throw spoolError("outcome file", path, e);
  }
}

/**
 * Record that job i's outcome was handed on: its outcome file moves to `done/` (an outcome the
 * driver made up for a lost task is written there), so adoption never hands it on twice.
 */
export async function markConsumed(dir: string, i: number, outcome: RunOutcome): Promise<void> {
  try {
    await Deno.rename(batchPaths.outcome(dir, i), batchPaths.doneOutcome(dir, i));
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
    await Deno.writeTextFile(batchPaths.doneOutcome(dir, i), JSON.stringify({ outcome }) + "\n");
  }
}

/** The last `max` characters of array task t's stderr log (empty when there is none). */
export async function stderrTail(dir: string, t: number, max = 2000): Promise<string> {
  try {
    const text = await Deno.readTextFile(batchPaths.stderr(dir, t));
    return text.trim().slice(-max);
  } catch {
    return "";
  }
}
