/**
 * Hooks that exit, close their worker, run out of memory, register too much or tamper with the
 * engine's outputs: each fails only its own run (run 0 misbehaves, run 1 echoes and must stay
 * ok), with its reason recorded at once (the timeout is 60 s, so a failure recorded as
 * `exited`, not `timeout`, was not waited for), and the sweep ends only after its sandbox hosts
 * have exited.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { digestFile } from "../../src/manifest/mod.ts";
import { gridRunSet } from "../../src/runset/mod.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { cli } from "../_support/cli.ts";
import { LEO, ownHosts, PROBES, sweepWithHook } from "./_support.ts";

async function onlyRun0Fails(
  exportName: string,
  reason: string,
  says: RegExp,
  options: Parameters<typeof sweepWithHook>[1] = {},
) {
  const { dir, out, entries, sweep } = await sweepWithHook(exportName, {
    postprocessTimeoutS: 60,
    ...options,
  });
  try {
    assert.equal(await ownHosts(out), 0, "the sweep returned after its hosts exited");
    assert.deepEqual(entries.map((e) => e.status), ["ok", "ok"], "the engine runs stay ok");
    const [bad, good] = entries;
    assert.equal(bad.postprocess_status, "failed");
    assert.equal(bad.postprocess_reason, reason);
    assert.match(bad.postprocess_error ?? "", says);
    assert.deepEqual(bad.extra_outputs, {});
    assert.equal(
      good.postprocess_status,
      "ok",
      `run 1's hook is not hurt: ${good.postprocess_error}`,
    );
    assert.equal(good.postprocess_reason, undefined);
    assert.ok(good.extra_outputs.echo, "run 1's output is registered");
    const totals = (await sweep.manifest()).entries.filter((e) =>
      e.postprocess_status === "failed"
    );
    assert.equal(totals.length, 1);
    return { dir, out, entries };
  } catch (e) {
    await Deno.remove(dir, { recursive: true });
    throw e;
  }
}

Deno.test("a hook that calls Deno.exit() fails its run at once, recorded as exited", async () => {
  const { dir } = await onlyRun0Fails("exitsOnRun0", "exited", /called Deno\.exit\(0\)/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a hook that closes its worker fails its run at once, recorded as exited", async () => {
  const { dir } = await onlyRun0Fails("closesOnRun0", "exited", /called close\(\)/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a hook that exits in the sweep isolation fails its run; the next run gets a new worker", async () => {
  const { dir, out } = await onlyRun0Fails("exitsOnRun0", "exited", /Deno\.exit/, {
    postprocessIsolation: "sweep",
    workers: 1,
  });
  const header = JSON.parse((await Deno.readTextFile(join(out, "manifest.jsonl"))).split("\n")[0]);
  assert.equal(header.postprocess_isolation, "sweep");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a hook that runs out of memory fails only its own run, recorded as oom", async () => {
  const { dir } = await onlyRun0Fails("oomOnRun0", "oom", /ran out of memory.*128 MB/, {
    postprocessMemoryMb: 128,
  });
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a hook output over the size limit fails its run, recorded as oversize", async () => {
  const { dir } = await onlyRun0Fails(
    "oversizeOnRun0",
    "oversize",
    /65536 bytes.*more than the limit of 16384 bytes/,
    { postprocessMaxOutputBytes: 16384 },
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a hook that changes or deletes an engine output fails, and the recorded digest is the engine's", async () => {
  for (
    const [name, what] of [["changesEngineOutputOnRun0", "changed"], [
      "deletesEngineOutputOnRun0",
      "deleted",
    ]]
  ) {
    const { dir, out, entries } = await onlyRun0Fails(
      name,
      "tampered",
      new RegExp(`report__RF .* was ${what}`),
    );
    const digests = entries[0].output_digests!;
    const recorded = digests["run-0/report__RF.parquet"];
    // What was recorded is the engine's file (the same bytes as run 1's layout), not the hook's.
    assert.ok(recorded.size > 100, "the pre-hook digest of the engine's Parquet file is kept");
    const now = await digestFile(join(out, "run-0/report__RF.parquet")).catch(() => undefined);
    assert.notDeepEqual(now, recorded);
    // verify reports the damage the hook did.
    const verify = await cli(["verify", join(out, "manifest.jsonl")]);
    assert.equal(verify.code, 3, verify.stdout + verify.stderr);
    assert.match(verify.stdout + verify.stderr, /run-0\/report__RF\.parquet/);
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("an aborted hooked sweep returns only after its sandbox hosts have exited", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hook-abort-" });
  const out = join(dir, "out");
  try {
    const sweep = await Sweep.create(LEO, gridRunSet({ "Sat.SMA": [7000, 7050, 7100, 7150] }), {
      outputDir: out,
      engine: "builtin",
      workers: 2,
      postprocess: `${PROBES}#hangs`,
      postprocessTimeoutS: 60,
    });
    const controller = new AbortController();
    // The hooks never settle: only the abort ends this sweep.
    const timer = setTimeout(() => controller.abort(), 1000);
    const summary = await sweep.run(controller.signal);
    clearTimeout(timer);
    assert.equal(summary.interrupted, true);
    assert.equal(await ownHosts(out), 0, "no sandbox host outlives its aborted sweep");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
