/**
 * Hook failures are visible (summary, `SweepSummary`, `show`), and re-runnable: `rehook` with a
 * fixed hook turns them ok without running the engine again (the runs' engine logs and files are
 * untouched), records the new hook in the header and each entry's provenance, so rows written by
 * two versions of a hook are told apart in the extra-outputs table. Resume still refuses to
 * switch hooks and names `rehook`.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gridRunSet } from "../../src/runset/mod.ts";
import { readManifest } from "../../src/manifest/mod.ts";
import { rehookSweep, Sweep } from "../../src/sweep/mod.ts";
import { cli } from "../_support/cli.ts";
import { ROOT } from "../_support/engine.ts";
import { LEO, PROBES } from "./_support.ts";

/** A hook module of its own (a file the test can change: a new version of the hook). */
async function writeMetricsHook(path: string, version: number): Promise<void> {
  await Deno.writeTextFile(
    path,
    [
      `import { type Hook, readRunParquet, writeParquet } from ${
        JSON.stringify(pathToFileURL(join(ROOT, "hook.ts")).href)
      };`,
      "export const metrics: Hook = async (spec, outcome) => {",
      '  const report = await readRunParquet(outcome.outputPaths["report__RF"]);',
      '  const x = report.getChild("Sat.EarthMJ2000Eq.X")!.toArray() as Float64Array;',
      "  const path = `${spec.outputDir}/metrics.parquet`;",
      `  await writeParquet([{ version: ${version}, rows: report.numRows, last_x: x[x.length - 1] }], path);`,
      "  return { metrics: path };",
      "};",
      "",
    ].join("\n"),
  );
}

/** What a new engine run would change: its worker.log (appended) and its report file. */
async function engineState(out: string, runs: number): Promise<string[]> {
  const state: string[] = [];
  for (let id = 0; id < runs; id++) {
    const dir = join(out, `run-${id}`);
    const report = await Deno.stat(join(dir, "report__RF.parquet"));
    state.push(
      await Deno.readTextFile(join(dir, "worker.log")),
      `${report.size} ${report.mtime?.getTime()} ${report.ino}`,
    );
  }
  return state;
}

Deno.test("failed hooks are counted apart, listed by show, and rehook fixes them without the engine", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-rehook-" });
  const out = join(dir, "out");
  const manifest = join(out, "manifest.jsonl");
  try {
    const sweep = await Sweep.create(LEO, gridRunSet({ "Sat.SMA": [7000, 7050, 7100] }), {
      outputDir: out,
      engine: "builtin",
      workers: 2,
      postprocess: `${PROBES}#throws`,
    });
    const summary = await sweep.run();
    assert.equal(summary.ok, 3);
    assert.equal(summary.failed, 0);
    assert.equal(summary.hooksOk, 0);
    assert.equal(summary.hooksFailed, 3, "SweepSummary counts the hook failures");
    assert.deepEqual(
      { hooksOk: summary.totals.hooksOk, hooksFailed: summary.totals.hooksFailed },
      { hooksOk: 0, hooksFailed: 3 },
    );

    const show = await cli(["show", manifest]);
    assert.match(show.stdout, /3 runs \(3 ok; hooks: 0 ok, 3 failed\)/);
    const failedHooks = await cli(["show", manifest, "--detail", "--filter", "hook-failed"]);
    assert.equal(failedHooks.code, 0, failedHooks.stderr);
    const rows = failedHooks.stdout.trim().split("\n");
    assert.match(rows[0], /^run_id\s+status\s+hook\s/);
    assert.deepEqual(
      rows.slice(1, 4).map((r) => r.split(/\s+/).slice(0, 4).join(" ")),
      ["0 ok failed: threw", "1 ok failed: threw", "2 ok failed: threw"],
    );
    const engineBefore = await engineState(out, 3);

    // A resume cannot switch hooks; it names rehook.
    const refused = await cli([
      "resume",
      manifest,
      "--script",
      LEO,
      "--postprocess",
      `${PROBES}#echo`,
    ]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /gmat-sweep rehook .* --postprocess/);

    const fix = join(dir, "fix.ts");
    await writeMetricsHook(fix, 1);
    const rehook = await cli(["rehook", manifest, "--postprocess", `${fix}#metrics`]);
    assert.equal(rehook.code, 0, rehook.stderr);
    assert.match(rehook.stdout, /3 runs \(hooks: 3 ok, 0 failed\)/);
    assert.match(rehook.stdout, /3 runs \(3 ok; hooks: 3 ok\)/);
    assert.deepEqual(await engineState(out, 3), engineBefore, "no engine run happened");

    const reopened = await Sweep.fromManifest(manifest, LEO);
    const fixedHook = pathToFileURL(fix).href + "#metrics";
    assert.equal(reopened.header.postprocess, fixedHook, "later resumes apply the fixed hook");
    const entries = (await reopened.manifest()).entries.sort((a, b) => a.run_id - b.run_id);
    assert.equal(entries.length, 3);
    const v1Sha = entries[0].postprocess_sha256!;
    assert.match(v1Sha, /^[0-9a-f]{64}$/);
    for (const e of entries) {
      assert.equal(e.postprocess_status, "ok");
      assert.equal(e.postprocess, fixedHook);
      assert.equal(e.postprocess_sha256, v1Sha);
      assert.equal(e.attempt, 1, "the engine's record is kept");
    }
    // Every line is kept: 3 engine entries, then 3 rehook entries (last wins).
    const lines = (await Deno.readTextFile(manifest)).trim().split("\n");
    assert.equal(lines.length, 1 + 6);

    // A second version of the hook, on run 0 only: its rows are told apart by the graph hash.
    await writeMetricsHook(fix, 2);
    const again = await reopened.rehook({ runs: [0] });
    assert.equal(again.ran, 1);
    assert.equal(again.hooksOk, 1);
    assert.notEqual(again.hookSha256, v1Sha);
    assert.deepEqual(await engineState(out, 3), engineBefore, "still no engine run");
    const table = await reopened.toExtraOutputs("metrics");
    assert.deepEqual(table.getChild("version")!.toJSON(), [2, 1, 1]);
    const shas = table.getChild("__postprocess_sha256")!.toJSON();
    assert.deepEqual(shas, [again.hookSha256, v1Sha, v1Sha]);
    assert.deepEqual(table.getChild("__postprocess")!.toJSON(), [fixedHook, fixedHook, fixedHook]);
    assert.deepEqual(table.getChild("rows")!.toJSON(), [3, 3, 3]);

    // Nothing failed is left: the default selection does nothing.
    const none = await reopened.rehook();
    assert.equal(none.ran, 0);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("rehook refuses runs that are not recorded ok, before running anything", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-rehook-bad-" });
  const out = join(dir, "out");
  const manifest = join(out, "manifest.jsonl");
  try {
    const sweep = await Sweep.create(LEO, gridRunSet({ "Sat.SMA": [7000, 7050] }), {
      outputDir: out,
      engine: "builtin",
      workers: 1,
    });
    await sweep.run();
    const noHook = await cli(["rehook", manifest]);
    assert.equal(noHook.code, 2);
    assert.match(noHook.stderr, /records no postprocess hook; name one with --postprocess/);
    const missing = await cli([
      "rehook",
      manifest,
      "--postprocess",
      `${PROBES}#echo`,
      "--runs",
      "5",
    ]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /run 5 is not recorded .* ok runs only/);
    const lines = (await Deno.readTextFile(manifest)).trim().split("\n");
    assert.equal(lines.length, 3, "nothing was appended");

    // A run whose engine output changed since it was recorded is left alone, and said so.
    await Deno.writeTextFile(join(out, "run-1", "report__RF.parquet"), "not the engine's");
    const warnings: string[] = [];
    const summary = await rehookSweep(manifest, {
      postprocess: `${PROBES}#echo`,
      runs: "all",
      workers: 1,
      onWarning: (w) => warnings.push(w),
    });
    assert.deepEqual([summary.ran, summary.hooksOk, summary.damaged], [1, 1, 1]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^run 1: its engine output report__RF .*: size \d+ bytes, recorded/);
    const entries = (await readManifest(manifest)).entries;
    assert.equal(entries.find((e) => e.run_id === 0)!.postprocess_status, "ok");
    assert.equal(entries.find((e) => e.run_id === 1)!.postprocess_status, "none");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
