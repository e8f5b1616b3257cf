/**
 * Runs that never end and workers that die: a hung run past `--timeout` becomes a failed entry
 * saying it timed out, its worker's whole process group is killed while the sweep goes on, the
 * other runs are ok, and `show --detail --filter failed` lists it; a worker killed from outside
 * mid-run gives a failed outcome naming the signal, and the next jobs still run.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { LocalPool } from "../../src/pool/mod.ts";
import type { RunOutcome } from "../../src/runs/mod.ts";
import { readManifest } from "../../src/manifest/mod.ts";
import { gridRunSet } from "../../src/runset/mod.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { cli } from "../_support/cli.ts";
import {
  childrenOf,
  completeLines,
  groupMembers,
  isAlive,
  type ProcessRef,
  spawnCli,
  waitGroupsGone,
  waitUntil,
  writeDenoWrapper,
} from "../_support/process.ts";
import { HANG, JobMaker, QUICK, writeStopDaysScript } from "../pool/_jobs.ts";

Deno.test("--timeout: a hung run fails as timed out, its process group dies, the rest are ok", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-timeout-cli-" });
  const script = await writeStopDaysScript(dir);
  const out = join(dir, "tree");
  const manifest = join(dir, "meta", "m.jsonl");
  await Deno.mkdir(join(dir, "meta"));
  // Runs 1 and 3 hang; the second hang keeps the driver busy while run 1's worker is checked.
  const values = [0.02, HANG, 0.03, HANG, 0.04];
  const driver = spawnCli([
    "run",
    script,
    "--grid",
    `stopDays.Value=${values.join(",")}`,
    "--out",
    out,
    "--manifest",
    manifest,
    "--workers",
    "1",
    "--engine",
    "builtin",
    "--timeout",
    "3",
    "-q",
  ]);
  let exited = false;
  driver.done.then(() => (exited = true));
  // Record the worker processes the driver starts (the latest view of each: a worker joins its
  // own process group a moment after it is spawned, when `setsid` runs).
  const seen = new Map<number, ProcessRef>();
  const watch = setInterval(() => {
    for (const c of childrenOf(driver.pid)) seen.set(c.pid, c);
  }, 20);
  try {
    await waitUntil(() => exited || completeLines(manifest).length >= 3, "run 1's entry");
    assert.ok(!exited, "the sweep is still running after run 1's entry");
    const entry1 = JSON.parse(completeLines(manifest)[2]) as { run_id: number; stderr: string };
    assert.equal(entry1.run_id, 1);
    assert.match(entry1.stderr, /timed out after 3 s/);
    // The worker that ran the hung run: the first one the driver started (one worker at a time).
    const hungWorker = [...seen.values()][0];
    assert.ok(hungWorker, "a worker process was seen");
    assert.equal(hungWorker.pgrp, hungWorker.pid, "each worker leads its own process group");
    await waitGroupsGone([hungWorker.pgrp], "the timed-out worker's process group to die");
    assert.ok(!isAlive(hungWorker));
    assert.ok(!exited, "the group was killed at the timeout, not when the sweep ended");
  } finally {
    const result = await driver.done;
    clearInterval(watch);
    assert.equal(result.status.code, 0, `${result.stdout}\n${result.stderr}`);
  }
  assert.ok(seen.size >= 2, "a replacement worker was started after the kill");
  for (const w of seen.values()) {
    await waitUntil(() => !isAlive(w) && groupMembers(w.pgrp).length === 0, `worker ${w.pid} gone`);
  }

  const m = await readManifest(manifest);
  assert.equal(m.entries.length, values.length);
  const byId = new Map(m.entries.map((e) => [e.run_id, e]));
  // show --detail --filter failed lists exactly the hung runs, saying they timed out.
  const show = await cli(["show", manifest, "--detail", "--filter", "failed"]);
  assert.equal(show.code, 0, show.stderr);
  const rows = show.stdout.trim().split("\n").filter((l) => /^\d+\s+failed\s/.test(l));
  assert.deepEqual(rows.map((r) => Number(r.split(/\s+/)[0])), [1, 3], show.stdout);
  for (const r of rows) assert.match(r, /failed\s.*timed out after 3 s/);
  for (const id of [1, 3]) {
    assert.equal(byId.get(id)?.status, "failed");
    assert.match(byId.get(id)?.stderr ?? "", /timed out after 3 s; the run's process group/);
  }
  for (const id of [0, 2, 4]) {
    assert.equal(byId.get(id)?.status, "ok", `run ${id}: ${byId.get(id)?.stderr}`);
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("Sweep timeoutS: the run after a timed-out run on the same worker is unaffected", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-timeout-api-" });
  const script = await writeStopDaysScript(dir);
  const sweep = await Sweep.create(
    script,
    gridRunSet({ "stopDays.Value": [QUICK, HANG, QUICK, QUICK] }),
    { outputDir: join(dir, "out"), engine: "builtin", workers: 1, timeoutS: 2 },
  );
  const summary = await sweep.run();
  const entries = new Map((await sweep.manifest()).entries.map((e) => [e.run_id, e]));
  assert.equal(entries.get(1)?.status, "failed");
  assert.match(entries.get(1)?.stderr ?? "", /timed out after 2 s/);
  for (const id of [0, 2, 3]) {
    assert.equal(entries.get(id)?.status, "ok", `run ${id}: ${entries.get(id)?.stderr}`);
  }
  assert.deepEqual([summary.ok, summary.failed], [3, 1]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a timeout kills the worker's whole process group, engine children included", async () => {
  const jobs = await JobMaker.create("gmat-sweep-timeout-group-");
  // Every worker starts a `sleep` in its process group: a stand-in for GmatConsole.
  const wrapper = await writeDenoWrapper(jobs.dir, { groupChild: true });
  const pool = new LocalPool({ workers: 1, timeoutMs: 2000, denoPath: wrapper.denoPath });
  const it = pool.run([jobs.job(0, HANG), jobs.job(1, QUICK)]);
  const first = await it.next();
  assert.equal(first.done, false);
  const o = first.value as RunOutcome;
  assert.equal(o.runId, 0);
  assert.equal(o.status, "failed");
  assert.match(o.stderr ?? "", /timed out after 2 s/);
  // While the consumer holds the outcome, the killed worker's group must already be dying.
  const [worker] = wrapper.workerPids();
  const [engineChild] = wrapper.childPids();
  await waitGroupsGone([worker], "the timed-out worker's process group to die");
  assert.ok(!isAlive(engineChild), "the engine child in the worker's group is gone too");
  const rest: RunOutcome[] = [];
  for await (const x of it) rest.push(x);
  assert.deepEqual(rest.map((x) => [x.runId, x.status]), [[1, "ok"]]);
  await pool.close();
  for (const pid of wrapper.workerPids()) {
    await waitGroupsGone([pid], `worker ${pid}'s group to be gone after close`);
  }
  await Deno.remove(jobs.dir, { recursive: true });
});

Deno.test("a worker killed from outside mid-run: failed outcome naming the signal, next jobs run", async () => {
  const jobs = await JobMaker.create("gmat-sweep-killed-worker-");
  const wrapper = await writeDenoWrapper(jobs.dir);
  const pool = new LocalPool({ workers: 1, denoPath: wrapper.denoPath });
  const outcomes: RunOutcome[] = [];
  const consumed = (async () => {
    for await (const o of pool.run([jobs.job(0, HANG), jobs.job(1, QUICK), jobs.job(2, QUICK)])) {
      outcomes.push(o);
    }
  })();
  await waitUntil(() => jobs.started(0), "run 0 to start");
  const [worker] = wrapper.workerPids();
  assert.ok(isAlive(worker));
  // The worker is a child of this (the driver's) process.
  assert.ok(childrenOf(Deno.pid).some((c) => c.pid === worker), "the worker is our child");
  Deno.kill(worker, "SIGKILL");
  await consumed;
  await pool.close();
  // Run 0 comes first; run 1 (queued on the dead worker) is requeued, so 1 and 2 may swap.
  assert.equal(outcomes.length, 3);
  assert.equal(outcomes[0].runId, 0);
  assert.equal(outcomes[0].status, "failed");
  assert.match(outcomes[0].stderr ?? "", /killed by SIGKILL during the run/);
  assert.deepEqual(outcomes.slice(1).map((o) => o.runId).sort(), [1, 2]);
  for (const o of outcomes.slice(1)) assert.equal(o.status, "ok", `run ${o.runId}: ${o.stderr}`);
  assert.ok(wrapper.workerPids().length >= 2, "a replacement worker ran the next jobs");
  assert.ok(!isAlive(worker));
  await Deno.remove(jobs.dir, { recursive: true });
});
