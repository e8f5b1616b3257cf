/**
 * Nothing trusted blindly, through a real sweep: the manifest records each output's size and
 * SHA-256; an ok run whose Parquet was deleted, truncated, changed in place or swapped for
 * another run's is reported by `toTable()` (its own `__status`, a warning each) and by
 * `gmat-sweep verify`, also on an unpacked archive, and a manifest read without its tree gives
 * `output_missing` rows and warnings instead of silent "ok" rows.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { Sweep } from "../../src/sweep/mod.ts";
import { cli } from "../_support/cli.ts";
import { ROOT } from "../_support/engine.ts";
import { LEO, runGrid } from "../_support/sweep_tree.ts";

async function unzipTo(zip: string, dir: string): Promise<void> {
  for (const [name, bytes] of Object.entries(unzipSync(await Deno.readFile(zip)))) {
    const path = join(dir, name);
    await Deno.mkdir(join(path, ".."), { recursive: true });
    await Deno.writeFile(path, bytes);
  }
}

function statuses(table: { getChild(name: string): { toArray(): unknown } | null }): string[] {
  return [...(table.getChild("__status")!.toArray() as Iterable<string>)];
}

Deno.test("damaged outputs: toTable() marks and reports each, verify lists them, an archive is checked too", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-damaged-" });
  const out = join(dir, "out");
  const run = await runGrid(LEO, ["Sat.SMA=7000:7300:6"], out);
  assert.equal(run.code, 0, run.stderr);
  const manifest = join(out, "manifest.jsonl");
  const ok = await cli(["verify", manifest]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /verified 6 runs, 6 files: every file matches the manifest/);
  const entry = JSON.parse((await Deno.readTextFile(manifest)).split("\n")[1]);
  const recorded = entry.output_digests[entry.output_paths.report__RF];
  assert.equal(recorded.size, (await Deno.stat(join(out, entry.output_paths.report__RF))).size);
  assert.match(recorded.sha256, /^[0-9a-f]{64}$/);

  // The archive of the intact sweep, unpacked elsewhere, verifies (MANIFEST.hash too).
  const zip = join(dir, "study.zip");
  assert.equal((await cli(["archive", manifest, "--script", LEO, "--out", zip])).code, 0);
  const unpacked = join(dir, "unpacked");
  await unzipTo(zip, unpacked);
  const av = await cli(["verify", join(unpacked, "manifest.jsonl")]);
  assert.equal(av.code, 0, av.stdout + av.stderr);
  assert.match(av.stdout, /6 runs, \d+ files, \d+ archive members \(MANIFEST\.hash\): every file/);

  const report = (id: number) => join(out, `run-${id}`, "report__RF.parquet");
  await Deno.remove(report(0)); // missing
  const b1 = await Deno.readFile(report(1));
  await Deno.writeFile(report(1), b1.subarray(0, b1.length - 100)); // truncated
  const b2 = await Deno.readFile(report(2));
  b2[200] ^= 0xff; // one byte changed in place: still decodes
  await Deno.writeFile(report(2), b2);
  await Deno.copyFile(report(5), report(3)); // another run's (valid) file

  const warnings: string[] = [];
  const sweep = await Sweep.fromManifest(manifest, LEO);
  const table = await sweep.toTable({ onWarning: (w) => warnings.push(w) });
  const byRun = new Map<number, string>();
  const ids = table.getChild("run_id")!.toArray() as BigInt64Array;
  statuses(table).forEach((s, i) => byRun.set(Number(ids[i]), s));
  assert.deepEqual([...byRun], [
    [0, "output_missing"],
    [1, "output_damaged"],
    [2, "output_damaged"],
    [3, "output_damaged"],
    [4, "ok"],
    [5, "ok"],
  ]);
  assert.equal(warnings.length, 4, warnings.join("\n"));
  for (const id of [0, 1, 2, 3]) {
    assert.ok(warnings.some((w) => w.startsWith(`Run ${id}: `)), `a warning for run ${id}`);
  }
  // Without the check (verifyOutputs: false) only what cannot be read is caught: the changed
  // and the swapped files pass as data.
  const perRun = [...ids].filter((id) => id === 4n).length;
  const unchecked = await sweep.toTable({ verifyOutputs: false, onWarning: () => {} });
  assert.equal(statuses(unchecked).filter((s) => s === "ok").length, 4 * perRun);

  const verify = await cli(["verify", manifest]);
  assert.equal(verify.code, 3, verify.stdout + verify.stderr);
  const problems = verify.stdout.trim().split("\n");
  assert.equal(problems.length, 4, verify.stdout);
  assert.match(problems[0], /^run 0: output_paths\.report__RF run-0\/report__RF\.parquet: missing/);
  assert.match(problems[1], /^run 1: .*: damaged \(size \d+ bytes, recorded \d+\)/);
  assert.match(problems[2], /^run 2: .*: damaged \(sha256 [0-9a-f]{12}\.\.\., recorded /);
  assert.match(problems[3], /^run 3: .*: damaged \(sha256/);
  assert.match(verify.stderr, /4 of 6 files do not match/);

  // A damaged member of the unpacked archive is found by both checks.
  const member = join(unpacked, "runs", "run-4", "report__RF.parquet");
  const m = await Deno.readFile(member);
  m[300] ^= 0x01;
  await Deno.writeFile(member, m);
  const av2 = await cli(["verify", join(unpacked, "manifest.jsonl")]);
  assert.equal(av2.code, 3);
  assert.match(av2.stdout, /^run 4: .* damaged/m);
  assert.match(av2.stdout, /^archive: MANIFEST\.hash runs\/run-4\/report__RF\.parquet: damaged/m);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a manifest read away from its tree gives output_missing rows and warnings, not silent ok rows", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-elsewhere-" });
  const tree = join(dir, "tree");
  const manifest = join(dir, "meta", "m.jsonl");
  const run = await runGrid(LEO, ["Sat.SMA=7000,7100,7200"], tree, ["--manifest", manifest]);
  assert.equal(run.code, 0, run.stderr);
  const { lazyOutputs } = await import("../../src/sweep/mod.ts");
  const warnings: string[] = [];
  const wrong = await lazyOutputs(manifest, { onWarning: (w) => warnings.push(w) });
  assert.deepEqual(statuses(wrong), ["output_missing", "output_missing", "output_missing"]);
  assert.equal(warnings.length, 3);
  const right = await lazyOutputs(manifest, { outputDir: tree, onWarning: (w) => assert.fail(w) });
  assert.ok(statuses(right).length > 3 && statuses(right).every((s) => s === "ok"));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("resume --rerun-damaged runs again exactly the ok runs verify finds damaged, hook outputs included", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-rerun-damaged-" });
  const out = join(dir, "out");
  const story = join(ROOT, "examples/downstream_pipeline.ts") + "#deriveOrbitMetrics";
  const run = await runGrid(LEO, ["Sat.SMA=7000:7300:6"], out, ["--postprocess", story]);
  assert.equal(run.code, 0, run.stderr);
  const manifest = join(out, "manifest.jsonl");
  const entries = async () =>
    (await Deno.readTextFile(manifest)).trim().split("\n").slice(1).map((l) => JSON.parse(l));
  const first = await entries();
  assert.equal(first.length, 6);

  const report = (id: number) => join(out, `run-${id}`, "report__RF.parquet");
  await Deno.remove(report(0)); // missing
  const b1 = await Deno.readFile(report(1));
  await Deno.writeFile(report(1), b1.subarray(0, b1.length - 100)); // truncated
  await Deno.copyFile(report(5), report(3)); // another run's file
  await Deno.remove(join(out, "run-4", "orbit_metrics.parquet")); // a hook output

  // Plain resume does not hash outputs: nothing to run; verify still finds the four runs.
  const plain = await cli(["resume", manifest, "--script", LEO, "-q"]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal((await entries()).length, 6);
  assert.equal((await cli(["verify", manifest])).code, 3);

  const again = await cli(["resume", manifest, "--script", LEO, "--rerun-damaged", "-q"]);
  assert.equal(again.code, 0, again.stderr);
  for (const id of [0, 1, 3, 4]) {
    assert.match(again.stderr, new RegExp(`warning: run ${id}: .* the run is done again`));
  }
  assert.doesNotMatch(again.stderr, /run [25]: /);
  const after = await entries();
  // One new entry per damaged run (engine and hook ran again), none for the intact ones.
  assert.deepEqual(
    after.slice(6).map((e) => [e.run_id, e.attempt, e.status]).sort((a, b) => a[0] - b[0]),
    [
      [0, 2, "ok"],
      [1, 2, "ok"],
      [3, 2, "ok"],
      [4, 2, "ok"],
    ],
  );
  for (const e of after.slice(6)) {
    assert.equal(e.postprocess_status, "ok");
    // The engine is deterministic: the re-made files are the ones first recorded.
    const before = first.find((f) => f.run_id === e.run_id);
    assert.deepEqual(e.output_digests, before.output_digests);
  }
  const verify = await cli(["verify", manifest]);
  assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  assert.match(verify.stdout, /verified 6 runs, 12 files: every file matches/);

  const extend = await cli(["extend", manifest, "--script", LEO, "--n", "2", "--rerun-damaged"]);
  assert.equal(extend.code, 2);
  assert.match(extend.stderr, /--rerun-damaged belongs to resume/);
  await Deno.remove(dir, { recursive: true });
});
