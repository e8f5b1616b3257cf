/**
 * LocalPool on its own: outcomes in completion order with every run id, lazy pulling of jobs,
 * process-per-run isolation, and abort. Worker processes are observed through a `deno` wrapper
 * (`denoPath`) that logs the pid of every worker it starts, and through `/proc`.
 */
import assert from "node:assert/strict";
import { LocalPool } from "../../src/pool/mod.ts";
import type { RunJob } from "../../src/pool/mod.ts";
import type { RunOutcome } from "../../src/runs/mod.ts";
import { isAlive, waitGroupsGone, waitUntil, writeDenoWrapper } from "../_support/process.ts";
import { HANG, JobMaker, QUICK, SLOW } from "./_jobs.ts";

async function collect(it: AsyncIterable<RunOutcome>): Promise<RunOutcome[]> {
  const out: RunOutcome[] = [];
  for await (const o of it) out.push(o);
  return out;
}

Deno.test("N jobs on 2 workers: N outcomes, every run id once, in completion order", async () => {
  const jobs = await JobMaker.create("gmat-sweep-pool-order-");
  const n = 8;
  const pool = new LocalPool({ workers: 2 });
  // Run 0 is slow; runs 1..7 are quick and share the other worker meanwhile.
  const list: RunJob[] = [jobs.job(0, SLOW)];
  for (let i = 1; i < n; i++) list.push(jobs.job(i, QUICK));
  const outcomes = await collect(pool.run(list));
  await pool.close();
  assert.equal(outcomes.length, n);
  assert.deepEqual(outcomes.map((o) => o.runId).sort((a, b) => a - b), [...Array(n).keys()]);
  for (const o of outcomes) assert.equal(o.status, "ok", `run ${o.runId}: ${o.stderr}`);
  assert.notEqual(
    outcomes[0].runId,
    0,
    "a quick run finished (and was yielded) before the slow one",
  );
  assert.notDeepEqual(outcomes.map((o) => o.runId), [...Array(n).keys()], "not submission order");
  await Deno.remove(jobs.dir, { recursive: true });
});

Deno.test("jobs are pulled lazily: 2 per worker, refilled one at a time", async () => {
  const jobs = await JobMaker.create("gmat-sweep-pool-lazy-");
  const workers = 2;
  // The documented bound (pipelining): each worker holds its running job and the next one, and
  // the slot a finishing run frees is refilled before the consumer sees that run's outcome.
  const perWorker = 2;
  const pool = new LocalPool({ workers });
  let pulled = 0;
  // Run 0 is quick, every other run hangs: exactly one run ever finishes, so the count of jobs
  // pulled when its outcome arrives does not depend on timing.
  function* stream(): Generator<RunJob> {
    for (let i = 0;; i++) {
      pulled++;
      yield jobs.job(i, i === 0 ? QUICK : HANG);
    }
  }
  const controller = new AbortController();
  const it = pool.run(stream(), controller.signal);
  const first = await it.next();
  const pulledAtFirst = pulled;
  assert.equal(first.done, false);
  assert.equal((first.value as RunOutcome).runId, 0);
  assert.equal((first.value as RunOutcome).status, "ok");
  controller.abort(new Error("done"));
  await assert.rejects(it.next(), /done/);
  await pool.close();
  assert.ok(
    pulledAtFirst <= perWorker * workers + 1,
    `pulled ${pulledAtFirst} jobs when the first outcome arrived (workers: ${workers})`,
  );
  assert.ok(pulledAtFirst >= workers, `pulled ${pulledAtFirst}`);
  await Deno.remove(jobs.dir, { recursive: true });
});

Deno.test("an endless job stream is never drained, even by a stalled consumer", async () => {
  const jobs = await JobMaker.create("gmat-sweep-pool-backpressure-");
  const workers = 2;
  const pool = new LocalPool({ workers });
  let pulled = 0;
  function* endless(): Generator<RunJob> {
    for (let i = 0;; i++) {
      pulled++;
      yield jobs.job(i, QUICK);
    }
  }
  // At most 4 x workers finished outcomes wait for the consumer and 2 x workers jobs are in
  // flight, so pulled <= consumed + 6 x workers at any time.
  const bound = (consumed: number) => consumed + 6 * workers;
  const seen: number[] = [];
  for await (const o of pool.run(endless())) {
    assert.equal(o.status, "ok", o.stderr ?? "");
    seen.push(o.runId);
    assert.ok(pulled <= bound(seen.length), `pulled ${pulled} at outcome ${seen.length}`);
    if (seen.length === 1) {
      // Stall: the workers could run dozens of quick jobs meanwhile.
      await new Promise((r) => setTimeout(r, 2000));
      assert.ok(pulled <= bound(1), `pulled ${pulled} while the consumer stalled`);
    }
    if (seen.length === 6) break;
  }
  await pool.close();
  assert.equal(new Set(seen).size, 6);
  await Deno.remove(jobs.dir, { recursive: true });
});

Deno.test("processPerRun gives every run a fresh worker process; the default reuses them", async () => {
  const jobs = await JobMaker.create("gmat-sweep-pool-ppr-");
  const n = 4;
  for (const processPerRun of [true, false]) {
    const wrapper = await writeDenoWrapper(
      await Deno.makeTempDir({ dir: jobs.dir, prefix: "wrap-" }),
    );
    const pool = new LocalPool({ workers: 1, processPerRun, denoPath: wrapper.denoPath });
    const list = [...Array(n).keys()].map((i) => jobs.job(i + (processPerRun ? 0 : n), QUICK));
    const outcomes = await collect(pool.run(list));
    await pool.close();
    assert.equal(outcomes.length, n);
    for (const o of outcomes) assert.equal(o.status, "ok", o.stderr ?? "");
    const pids = wrapper.workerPids();
    if (processPerRun) {
      assert.equal(pids.length, n, `one worker process per run, got pids ${pids}`);
      assert.equal(new Set(pids).size, n, `distinct pids ${pids}`);
    } else {
      assert.equal(pids.length, 1, `one long-lived worker, got pids ${pids}`);
    }
    await waitUntil(() => pids.every((p) => !isAlive(p)), "the closed pool's workers to exit");
  }
  await Deno.remove(jobs.dir, { recursive: true });
});

Deno.test("with one worker, runs never overlap (process-per-run or not)", async () => {
  const jobs = await JobMaker.create("gmat-sweep-pool-serial-");
  for (const processPerRun of [false, true]) {
    const pool = new LocalPool({ workers: 1, processPerRun });
    const base = processPerRun ? 10 : 0;
    const list = [jobs.job(base, SLOW), jobs.job(base + 1, QUICK), jobs.job(base + 2, QUICK)];
    const outcomes = await collect(pool.run(list));
    await pool.close();
    const what = `processPerRun=${processPerRun}`;
    for (const o of outcomes) assert.equal(o.status, "ok", `${what} run ${o.runId}: ${o.stderr}`);
    assert.equal(outcomes.length, 3, what);
    const spans = outcomes.map((o) => ({ id: o.runId, start: o.startedAt, end: o.endedAt }))
      .sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < spans.length; i++) {
      assert.ok(
        spans[i].start >= spans[i - 1].end,
        `${what}: run ${spans[i].id} started at ${spans[i].start}, while run ` +
          `${spans[i - 1].id} ran until ${spans[i - 1].end} (workers: 1)`,
      );
    }
  }
  await Deno.remove(jobs.dir, { recursive: true });
});

Deno.test("a worker that cannot start gives failed outcomes, not endless respawns", async () => {
  const jobs = await JobMaker.create("gmat-sweep-pool-nostart-");
  const spawnLog = `${jobs.dir}/spawns.log`;
  const denoPath = `${jobs.dir}/broken-deno.sh`;
  await Deno.writeTextFile(denoPath, `#!/bin/sh\necho spawn >> '${spawnLog}'\nexit 3\n`);
  await Deno.chmod(denoPath, 0o755);
  const spawns = () => {
    try {
      return Deno.readTextFileSync(spawnLog).split("\n").length - 1;
    } catch {
      return 0;
    }
  };
  const pool = new LocalPool({ workers: 1, denoPath });
  const controller = new AbortController();
  // Watchdog: stop a runaway pool rather than let it spawn processes for a minute.
  const deadline = Date.now() + 60_000;
  const watchdog = setInterval(() => {
    if (spawns() > 20 || Date.now() > deadline) controller.abort(new Error("runaway"));
  }, 50);
  let outcomes: RunOutcome[] = [];
  let error: unknown;
  try {
    outcomes = await collect(pool.run([jobs.job(0, QUICK)], controller.signal));
  } catch (e) {
    error = e;
  } finally {
    clearInterval(watchdog);
    await pool.close();
  }
  assert.equal(error, undefined, `the pool spawned ${spawns()} workers that died at start`);
  assert.equal(outcomes.length, 1);
  assert.equal(outcomes[0].status, "failed");
  assert.match(outcomes[0].stderr ?? "", /could not start|exited with code 3/);
  await Deno.remove(jobs.dir, { recursive: true });
});

Deno.test("abort stops starting jobs, kills the workers and makes the iteration throw", async () => {
  const jobs = await JobMaker.create("gmat-sweep-pool-abort-");
  const wrapper = await writeDenoWrapper(jobs.dir, { groupChild: true });
  const pool = new LocalPool({ workers: 2, denoPath: wrapper.denoPath });
  let pulled = 0;
  function* hung(): Generator<RunJob> {
    for (let i = 0; i < 10; i++) {
      pulled++;
      yield jobs.job(i, HANG);
    }
  }
  const controller = new AbortController();
  const outcomes: RunOutcome[] = [];
  const consumed = (async () => {
    for await (const o of pool.run(hung(), controller.signal)) outcomes.push(o);
  })();
  consumed.catch(() => {});
  await waitUntil(() => jobs.started(0) && jobs.started(1), "both workers to start a run");
  const workers = wrapper.workerPids();
  const children = wrapper.childPids();
  assert.equal(workers.length, 2);
  assert.equal(children.length, 2);
  for (const pid of [...workers, ...children]) assert.ok(isAlive(pid), `${pid} runs before abort`);
  const pulledBefore = pulled;
  assert.ok(pulledBefore >= 2 && pulledBefore <= 4, `pulled ${pulledBefore}`);
  const reason = new Error("test abort");
  controller.abort(reason);
  await assert.rejects(consumed, (e) => e === reason);
  assert.deepEqual(outcomes, [], "runs in flight yield nothing");
  assert.equal(pulled, pulledBefore, "no job was pulled after the abort");
  // The workers and everything in their process groups are killed (not merely asked to exit).
  await waitUntil(() => workers.every((p) => !isAlive(p)), "aborted workers to die");
  await waitGroupsGone(workers, "the aborted workers' process groups (engine children) to die");
  assert.equal(wrapper.workerPids().length, 2, "no worker was started after the abort");
  for (let i = 2; i < pulledBefore; i++) {
    assert.ok(!jobs.started(i), `queued run ${i} never started`);
  }
  await pool.close();
  await Deno.remove(jobs.dir, { recursive: true });
});
