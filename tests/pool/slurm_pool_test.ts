/**
 * SlurmPool against a real one-node SLURM cluster (scripts/slurm-dev-cluster.sh; no mocked
 * sbatch): a leo_basic grid in chunked arrays gives the Parquet files LocalPool gives, byte for
 * byte, a task that dies before writing its outcome becomes a failed outcome, and an abort mid-array
 * cancels every task of the sweep.
 */
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import {
  LocalPool,
  type RunJob,
  SlurmError,
  SlurmPool,
  type SlurmStatus,
} from "../../src/pool/mod.ts";
import type { RunOutcome } from "../../src/runs/mod.ts";
import {
  activeSqueue,
  assertSameParquet,
  ignoreWithoutSlurm,
  leoGridJobs,
  requireSlurm,
  slurmCluster,
  spoolBatches,
  testSweepId,
  wrappedWorkerCommand,
} from "../_support/slurm.ts";
import { JobMaker, SLOW } from "./_jobs.ts";

const cluster = await slurmCluster();
const ignore = ignoreWithoutSlurm(cluster);

async function collect(it: AsyncIterable<RunOutcome>): Promise<RunOutcome[]> {
  const out: RunOutcome[] = [];
  for await (const o of it) out.push(o);
  return out;
}

function byRunId(outcomes: RunOutcome[]): RunOutcome[] {
  return [...outcomes].sort((a, b) => a.runId - b.runId);
}

Deno.test({
  name: "16-run leo grid in chunked SLURM arrays: the same Parquet files as LocalPool's",
  ignore,
  async fn() {
    requireSlurm(cluster);
    const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-slurm-grid-" });
    const localOut = join(dir, "local");
    const slurmOut = join(dir, "slurm");
    const localJobs = await leoGridJobs(localOut, 16);
    const slurmJobs = await leoGridJobs(slurmOut, 16);

    const local = new LocalPool({ workers: 2 });
    const localOutcomes = byRunId(await collect(local.run(localJobs)));
    await local.close();

    const statuses: SlurmStatus[] = [];
    const pool = new SlurmPool({
      spoolDir: join(slurmOut, ".slurm"),
      sweepId: testSweepId("grid"),
      arraySize: 3, // tasks per array, 2 runs each: 16 runs -> arrays of 6, 6 and 4 runs
      runsPerTask: 2,
      pollMs: 100,
      onStatus: (s) => statuses.push(s),
    });
    const slurmOutcomes = byRunId(await collect(pool.run(slurmJobs)));
    await pool.close();

    assert.deepEqual(slurmOutcomes.map((o) => o.runId), [...Array(16).keys()]);
    for (const o of slurmOutcomes) assert.equal(o.status, "ok", `run ${o.runId}: ${o.stderr}`);
    for (let i = 0; i < 16; i++) {
      const a = localOutcomes[i], b = slurmOutcomes[i];
      assert.deepEqual(Object.keys(b.outputPaths).sort(), Object.keys(a.outputPaths).sort());
      assert.ok(Object.keys(a.outputPaths).length > 0, "runs write Parquet outputs");
      for (const key of Object.keys(a.outputPaths)) {
        assert.equal(
          relative(slurmOut, b.outputPaths[key]),
          relative(localOut, a.outputPaths[key]),
          "same layout under the output directory",
        );
        await assertSameParquet(a.outputPaths[key], b.outputPaths[key]);
      }
      assert.equal(b.attempt, 1);
      assert.ok(b.logPath?.endsWith(join(`run-${i}`, "worker.log")));
    }

    // Three arrays were submitted, each recorded with its job id; every outcome was consumed.
    const batches = await spoolBatches(join(slurmOut, ".slurm"));
    assert.deepEqual(batches.map((b) => b.record.runIds.length), [6, 6, 4]);
    assert.equal(new Set(batches.map((b) => b.record.jobId)).size, 3);
    for (const b of batches) {
      assert.equal(b.outcomeFiles, 0, "no outcome file left unconsumed");
      assert.equal(b.doneFiles, b.record.runIds.length);
    }
    const last = statuses.at(-1)!;
    assert.deepEqual(last, { pending: 0, running: 0, done: 16, lost: 0 });
    assert.ok(statuses.some((s) => s.pending > 0), "pending counts were reported");
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test({
  name: "a task that dies before writing its outcome becomes a failed outcome; the rest complete",
  ignore,
  async fn() {
    requireSlurm(cluster);
    const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-slurm-crash-" });
    const jobs = await leoGridJobs(dir, 4);
    const pool = new SlurmPool({
      spoolDir: join(dir, ".slurm"),
      sweepId: testSweepId("crash"),
      pollMs: 100,
      lostGraceMs: 1000,
      workerCommand: wrappedWorkerCommand(
        'if [ "$SLURM_ARRAY_TASK_ID" = 2 ]; then echo "simulated worker crash" >&2; kill -9 $$; fi',
      ),
    });
    const outcomes = byRunId(await collect(pool.run(jobs)));
    await pool.close();
    assert.deepEqual(outcomes.map((o) => o.runId), [0, 1, 2, 3]);
    for (const o of outcomes) {
      if (o.runId === 2) continue;
      assert.equal(o.status, "ok", `run ${o.runId}: ${o.stderr}`);
    }
    const crashed = outcomes[2];
    assert.equal(crashed.status, "failed");
    assert.match(crashed.stderr!, /^SLURM task FAILED \(/);
    assert.match(crashed.stderr!, /ended without writing an outcome file/);
    assert.match(crashed.stderr!, /simulated worker crash/, "the task's stderr tail is kept");
    assert.deepEqual(crashed.outputPaths, {});
    assert.match(crashed.logPath ?? "", /\/logs\/2\.err$/, "its log is the task's stderr log");
    assert.equal(crashed.attempt, 1);
    await Deno.remove(dir, { recursive: true });
  },
});

Deno.test({
  name: "abort mid-array: the sweep's tasks are cancelled, squeue lists none, the reason is thrown",
  ignore,
  async fn() {
    requireSlurm(cluster);
    const maker = await JobMaker.create("gmat-sweep-slurm-abort-");
    // Run 0 is quick, the others take seconds each: one at a time, most are still pending.
    const jobs: RunJob[] = [maker.job(0, 0.001)];
    for (let i = 1; i < 8; i++) jobs.push(maker.job(i, SLOW));
    const pool = new SlurmPool({
      spoolDir: join(maker.dir, ".slurm"),
      sweepId: testSweepId("abort"),
      maxConcurrent: 1,
      pollMs: 100,
    });
    const controller = new AbortController();
    const it = pool.run(jobs, controller.signal);
    const first = await it.next();
    assert.equal(first.done, false);
    assert.equal((first.value as RunOutcome).runId, 0);
    assert.ok((await activeSqueue(pool.jobName)).length > 0, "tasks are queued or running");
    controller.abort(new Error("interrupted by the test"));
    await assert.rejects(it.next(), /interrupted by the test/);
    assert.deepEqual(
      await activeSqueue(pool.jobName),
      [],
      "squeue shows none of the sweep's tasks",
    );
    await pool.close();
    await Deno.remove(maker.dir, { recursive: true });
  },
});

Deno.test({
  name: "sbatch refusing the options (unknown partition) is a SlurmError naming sbatch's reason",
  ignore,
  async fn() {
    requireSlurm(cluster);
    const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-slurm-refused-" });
    const pool = new SlurmPool({
      spoolDir: join(dir, ".slurm"),
      sweepId: testSweepId("refused"),
      partition: "no-such-partition",
    });
    const jobs = await leoGridJobs(dir, 2);
    await assert.rejects(
      collect(pool.run(jobs)),
      (e: unknown) =>
        e instanceof SlurmError && e.code === "SLURM_COMMAND" &&
        /invalid partition/i.test(e.message) && /How to fix/.test(e.message),
    );
    await pool.close();
    await Deno.remove(dir, { recursive: true });
  },
});
