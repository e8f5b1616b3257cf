/**
 * A SLURM task that exceeds its time limit (`--time=1`) becomes a failed outcome whose reason
 * says TIMEOUT, and the other runs of the array complete. SLURM ends such a task 60 to 90 s
 * after a one-minute limit, so this is the one slow SLURM test (about 80 s); the task sleeps
 * rather than spinning, to leave the CPUs to the other tests meanwhile.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { SlurmPool } from "../../src/pool/mod.ts";
import type { RunOutcome } from "../../src/runs/mod.ts";
import {
  activeSqueue,
  ignoreWithoutSlurm,
  leoGridJobs,
  requireSlurm,
  slurmCluster,
  testSweepId,
  wrappedWorkerCommand,
} from "../_support/slurm.ts";

const cluster = await slurmCluster();

Deno.test({
  name: "a task over its time limit becomes a failed outcome saying TIMEOUT; the rest complete",
  ignore: ignoreWithoutSlurm(cluster),
  async fn() {
    requireSlurm(cluster);
    const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-slurm-timeout-" });
    const jobs = await leoGridJobs(dir, 3);
    const pool = new SlurmPool({
      spoolDir: join(dir, ".slurm"),
      sweepId: testSweepId("timeout"),
      timeLimitMin: 1,
      pollMs: 200,
      workerCommand: wrappedWorkerCommand(
        'if [ "$SLURM_ARRAY_TASK_ID" = 1 ]; then echo "hanging" >&2; sleep 600; fi',
      ),
    });
    const outcomes: RunOutcome[] = [];
    for await (const o of pool.run(jobs)) outcomes.push(o);
    await pool.close();
    outcomes.sort((a, b) => a.runId - b.runId);
    assert.deepEqual(outcomes.map((o) => o.runId), [0, 1, 2]);
    assert.equal(outcomes[0].status, "ok", outcomes[0].stderr ?? "");
    assert.equal(outcomes[2].status, "ok", outcomes[2].stderr ?? "");
    const timedOut = outcomes[1];
    assert.equal(timedOut.status, "failed");
    assert.match(timedOut.stderr!, /^SLURM task TIMEOUT \(TimeLimit\)/);
    assert.match(timedOut.stderr!, /hanging/, "the task's stderr tail is kept");
    assert.ok(timedOut.durationS >= 55, `SLURM's run time is recorded (${timedOut.durationS} s)`);
    assert.deepEqual(await activeSqueue(pool.jobName), []);
    await Deno.remove(dir, { recursive: true });
  },
});
