/**
 * Adoption against a real SLURM cluster: a driver process is killed with SIGKILL mid-array, and
 * `adoptSlurmSpool` hands on what it left: outcome files of tasks that finished while no driver
 * watched (never twice), tasks still queued watched to the end, or cancelled. Nothing is
 * submitted again: the sweep keeps exactly one array whose tasks each ran once.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { adoptSlurmSpool, slurmJobName, surveySlurmSpool } from "../../src/pool/mod.ts";
import { findJobsByName } from "../../src/pool/slurm_commands.ts";
import type { RunOutcome } from "../../src/runs/mod.ts";
import { waitUntil } from "../_support/process.ts";
import {
  activeSqueue,
  ignoreWithoutSlurm,
  leoGridJobs,
  requireSlurm,
  slurmCluster,
  spawnDriver,
  spoolBatches,
  testSweepId,
} from "../_support/slurm.ts";

const cluster = await slurmCluster();
const ignore = ignoreWithoutSlurm(cluster);

async function collect(it: AsyncIterable<RunOutcome>): Promise<RunOutcome[]> {
  const out: RunOutcome[] = [];
  for await (const o of it) out.push(o);
  return out;
}

/** Start a driver for `n` grid runs (one task at a time), wait for its first outcome, kill -9. */
async function killedDriver(name: string, n: number) {
  const dir = await Deno.makeTempDir({ prefix: `gmat-sweep-slurm-${name}-` });
  const sweepId = testSweepId(name);
  const spoolDir = join(dir, ".slurm");
  const jobs = await leoGridJobs(dir, n);
  const driver = await spawnDriver({ jobs, spoolDir, sweepId, maxConcurrent: 1 }, dir);
  const reader = driver.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!/outcome \d+\n/.test(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`driver ended before its first outcome: ${text}`);
    text += value;
  }
  driver.kill("SIGKILL");
  const status = await driver.status;
  assert.equal(status.signal, "SIGKILL");
  await reader.cancel().catch(() => {});
  return { dir, sweepId, spoolDir, jobName: slurmJobName(sweepId), n };
}

/** Run ids already handed on by the dead driver (consumed outcome files). */
async function consumedRunIds(spoolDir: string): Promise<number[]> {
  const ids: number[] = [];
  for (const b of await spoolBatches(spoolDir)) {
    for await (const e of Deno.readDir(join(b.dir, "done"))) {
      ids.push(b.record.runIds[Number(e.name.replace(".json", ""))]);
    }
  }
  return ids;
}

/** The sweep's tasks as the controller lists them: one array, each task listed once. */
async function assertOneArray(jobName: string, n: number): Promise<void> {
  const tasks = await findJobsByName(jobName);
  assert.equal(new Set(tasks.map((t) => t.arrayJobId)).size, 1, "exactly one array submitted");
  assert.deepEqual(tasks.map((t) => t.taskId).sort((a, b) => a - b), [...Array(n).keys()]);
}

Deno.test({
  name: "kill -9 of the driver, tasks left to finish: adoption hands on every outcome file once",
  ignore,
  async fn() {
    requireSlurm(cluster);
    const k = await killedDriver("adopt-finished", 5);
    await waitUntil(async () => (await activeSqueue(k.jobName)).length === 0, "tasks to finish", {
      timeoutMs: 120_000,
      intervalMs: 200,
    });
    const survey = await surveySlurmSpool(k.spoolDir, k.sweepId);
    const consumed = await consumedRunIds(k.spoolDir);
    assert.equal(survey.finished.length, k.n - consumed.length);
    assert.ok(survey.finished.length >= k.n - 2, "tasks went on after the driver died");

    const adopted = await collect(adoptSlurmSpool({ spoolDir: k.spoolDir, sweepId: k.sweepId }));
    for (const o of adopted) assert.equal(o.status, "ok", `run ${o.runId}: ${o.stderr}`);
    assert.deepEqual(
      [...consumed, ...adopted.map((o) => o.runId)].sort((a, b) => a - b),
      [...Array(k.n).keys()],
      "every run exactly once: handed on by the driver or adopted",
    );
    for (const o of adopted) assert.ok(Object.keys(o.outputPaths).length > 0);
    // A second adoption finds nothing left to hand on.
    assert.deepEqual(
      await collect(adoptSlurmSpool({ spoolDir: k.spoolDir, sweepId: k.sweepId })),
      [],
    );
    await assertOneArray(k.jobName, k.n);
    await Deno.remove(k.dir, { recursive: true });
  },
});

Deno.test({
  name: "kill -9 of the driver mid-array: adoption watches the still queued tasks to the end",
  ignore,
  async fn() {
    requireSlurm(cluster);
    const k = await killedDriver("adopt-live", 5);
    const before = await surveySlurmSpool(k.spoolDir, k.sweepId);
    assert.ok(
      before.known.some((t) => t.state === "PENDING" || t.state === "RUNNING"),
      "some tasks were still queued when adoption began",
    );
    const consumed = await consumedRunIds(k.spoolDir);
    const adopted = await collect(
      adoptSlurmSpool({ spoolDir: k.spoolDir, sweepId: k.sweepId, pollMs: 100 }),
    );
    for (const o of adopted) assert.equal(o.status, "ok", `run ${o.runId}: ${o.stderr}`);
    assert.deepEqual(
      [...consumed, ...adopted.map((o) => o.runId)].sort((a, b) => a - b),
      [...Array(k.n).keys()],
    );
    // The last task may still be COMPLETING (cleaning up) just after its outcome arrived.
    await waitUntil(async () => (await activeSqueue(k.jobName)).length === 0, "the array to end", {
      timeoutMs: 30_000,
      intervalMs: 200,
    });
    await assertOneArray(k.jobName, k.n);
    await Deno.remove(k.dir, { recursive: true });
  },
});

Deno.test({
  name: "kill -9 of the driver mid-array: adoption with live: cancel leaves nothing queued",
  ignore,
  async fn() {
    requireSlurm(cluster);
    const k = await killedDriver("adopt-cancel", 6);
    const consumed = await consumedRunIds(k.spoolDir);
    const adopted = await collect(
      adoptSlurmSpool({ spoolDir: k.spoolDir, sweepId: k.sweepId, live: "cancel" }),
    );
    assert.deepEqual(await activeSqueue(k.jobName), [], "squeue lists none of the sweep's tasks");
    // Only runs that finished before the cancel are handed on; the others count as missing.
    for (const o of adopted) assert.equal(o.status, "ok", `run ${o.runId}: ${o.stderr}`);
    const handed = [...consumed, ...adopted.map((o) => o.runId)];
    assert.equal(new Set(handed).size, handed.length, "no run handed on twice");
    assert.ok(handed.length < k.n, `some runs were cancelled (handed on: ${handed})`);
    await Deno.remove(k.dir, { recursive: true });
  },
});
