/**
 * A real SLURM cluster for tests: {@link slurmCluster} runs `scripts/slurm-dev-cluster.sh start`
 * once per test process (installing Debian's packages when missing) and points the SLURM clients
 * at it (`SLURM_CONF`). When the cluster cannot be started, tests are ignored locally and fail
 * loudly in CI (see `components.ts`).
 *
 * Also: jobs of a leo_basic grid built the way a sweep builds them, a `workerCommand` wrapper
 * that misbehaves for chosen array tasks, `squeue` helpers, and, run as a program, a stand-alone
 * driver (`deno run -A tests/_support/slurm.ts <request.json>`) that a test can kill -9.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { defaultWorkerCommand, type RunJob, SlurmPool } from "../../src/pool/mod.ts";
import {
  batchPaths,
  type BatchRecord,
  listBatchDirs,
  listIndices,
  readBatchRecord,
} from "../../src/pool/slurm_spool.ts";
import { gridRunSet, linspace } from "../../src/runset/mod.ts";
import { canonicalScriptFileSha256 } from "../../src/script/mod.ts";
import { ignoreUnless, requireComponent } from "./components.ts";
import { fixture, ROOT } from "./engine.ts";

/** Whether the cluster is up, and why not. */
export interface SlurmClusterState {
  readonly ok: boolean;
  /** What the start script printed (the reason when it failed). */
  readonly log: string;
}

let started: Promise<SlurmClusterState> | undefined;

async function start(): Promise<SlurmClusterState> {
  const script = join(ROOT, "scripts", "slurm-dev-cluster.sh");
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command("bash", {
      args: [script, "start"],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
  } catch (e) {
    return { ok: false, log: `cannot run ${script}: ${e instanceof Error ? e.message : e}` };
  }
  const decoder = new TextDecoder();
  const log = (decoder.decode(output.stdout) + decoder.decode(output.stderr)).trim();
  if (!output.success) return { ok: false, log };
  const conf = /export SLURM_CONF=(\S+)/.exec(log)?.[1];
  if (conf) Deno.env.set("SLURM_CONF", conf);
  return { ok: true, log };
}

/** Start the development cluster (once per process) and say whether it is up. */
export function slurmCluster(): Promise<SlurmClusterState> {
  started ??= start();
  return started;
}

/** The `ignore` flag of a SLURM test: locally skipped without a cluster, never in CI. */
export function ignoreWithoutSlurm(state: SlurmClusterState): boolean {
  if (!state.ok && ignoreUnless(false)) {
    console.warn(`SLURM tests ignored: the dev cluster could not be started:\n${state.log}`);
  }
  return ignoreUnless(state.ok);
}

/** In CI, fail with the start script's output when there is no cluster. */
export function requireSlurm(state: SlurmClusterState): void {
  requireComponent(
    state.ok,
    `a SLURM cluster (scripts/slurm-dev-cluster.sh start failed):\n${state.log}`,
  );
}

/** A unique sweep id for one test (so concurrent tests never see each other's jobs). */
export function testSweepId(name: string): string {
  return `test-${name}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Jobs of an n-run `Sat.SMA` grid of leo_basic.script, as a sweep builds them. */
export async function leoGridJobs(outputDir: string, n: number): Promise<RunJob[]> {
  const script = fixture("scripts/leo_basic.script");
  const sha = await canonicalScriptFileSha256(script);
  const runSet = gridRunSet({ "Sat.SMA": linspace(7000, 7300, n) });
  return [...runSet.specs()].map((spec) => ({
    spec,
    scriptPath: script,
    scriptSha256: sha,
    runDir: join(outputDir, `run-${spec.runId}`),
    engine: { kind: "builtin" as const },
    attempt: 1,
    timeoutMs: null,
  }));
}

/**
 * A worker command that runs `shell` (bash, with SLURM_ARRAY_TASK_ID set) before handing over to
 * the real worker entry; `shell` may kill itself or sleep to make a task misbehave.
 */
export function wrappedWorkerCommand(shell: string): string[] {
  return ["bash", "-c", `${shell}\nexec "$@"`, "gmat-sweep-test-task", ...defaultWorkerCommand()];
}

/** Lines of plain `squeue` (pending, running, completing) for a job name. */
export async function activeSqueue(jobName: string): Promise<string[]> {
  const out = await new Deno.Command("squeue", {
    args: ["-h", "-r", "-n", jobName, "-o", "%i %T"],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) throw new Error(`squeue failed: ${new TextDecoder().decode(out.stderr)}`);
  return new TextDecoder().decode(out.stdout).split("\n").filter((l) => l.trim());
}

/** Each batch of a spool: its record and how many outcome files are unconsumed / consumed. */
export async function spoolBatches(
  spoolDir: string,
): Promise<{ dir: string; record: BatchRecord; outcomeFiles: number; doneFiles: number }[]> {
  const out = [];
  for (const dir of await listBatchDirs(spoolDir)) {
    out.push({
      dir,
      record: await readBatchRecord(dir),
      outcomeFiles: (await listIndices(batchPaths.outcomes(dir))).length,
      doneFiles: (await listIndices(batchPaths.done(dir))).length,
    });
  }
  return out;
}

/** Two Parquet files are byte-identical (the writer sorts the footer's key-value metadata). */
export async function assertSameParquet(a: string, b: string): Promise<void> {
  const bytesA = await Deno.readFile(a);
  const bytesB = await Deno.readFile(b);
  assert.equal(bytesB.length, bytesA.length, `${b}: size differs from ${a}`);
  let firstDiff = -1;
  for (let i = 0; i < bytesA.length && firstDiff < 0; i++) {
    if (bytesA[i] !== bytesB[i]) firstDiff = i;
  }
  assert.equal(firstDiff, -1, `${b}: bytes differ from ${a} at offset ${firstDiff}`);
}

/** What the stand-alone driver is asked to do. */
export interface DriverRequest {
  readonly jobs: RunJob[];
  readonly spoolDir: string;
  readonly sweepId: string;
  readonly maxConcurrent?: number;
}

/** Start the stand-alone driver in the background; it prints `outcome <runId>` per outcome. */
export async function spawnDriver(
  request: DriverRequest,
  dir: string,
): Promise<Deno.ChildProcess> {
  const path = join(dir, "driver-request.json");
  await Deno.writeTextFile(path, JSON.stringify(request));
  return new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--quiet",
      "--config",
      join(ROOT, "deno.json"),
      import.meta.filename!,
      path,
    ],
    stdin: "null",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
}

if (import.meta.main) {
  const request = JSON.parse(await Deno.readTextFile(Deno.args[0])) as DriverRequest;
  const pool = new SlurmPool({
    spoolDir: request.spoolDir,
    sweepId: request.sweepId,
    maxConcurrent: request.maxConcurrent,
  });
  const encoder = new TextEncoder();
  for await (const outcome of pool.run(request.jobs)) {
    await Deno.stdout.write(encoder.encode(`outcome ${outcome.runId}\n`));
  }
  await pool.close();
}
