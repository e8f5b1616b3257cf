/**
 * Monte Carlo and Latin hypercube sweeps end to end: the manifest records the seed contract's
 * draws, `extend` runs exactly what a fresh larger sweep would, and resume rebuilds the same runs.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { latinHypercubeRunSet, monteCarloRunSet } from "../../src/runset/mod.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { fixture } from "../_support/engine.ts";
import { cli } from "../_support/cli.ts";

const LEO = fixture("scripts/leo_basic.script");
const PERTURB = {
  "Sat.SMA": { kind: "normal", mu: 7000, sigma: 5 },
  "Sat.INC": { kind: "uniform", lo: 28, hi: 29 },
} as const;

Deno.test("extend(n) draws exactly what a fresh sweep of the larger size draws", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-mc-" });
  const small = await Sweep.create(LEO, monteCarloRunSet(PERTURB, 6, 42), {
    outputDir: join(dir, "small"),
    engine: "builtin",
    workers: 2,
  });
  await small.run();
  const reopened = await Sweep.fromManifest(small.manifestPath, LEO);
  const ext = await reopened.extend(4);
  assert.equal(ext.ran, 4);
  const big = await Sweep.create(LEO, monteCarloRunSet(PERTURB, 10, 42), {
    outputDir: join(dir, "big"),
    engine: "builtin",
    workers: 2,
  });
  await big.run();
  const a = (await small.manifest()).entries.sort((x, y) => x.run_id - y.run_id);
  const b = (await big.manifest()).entries.sort((x, y) => x.run_id - y.run_id);
  assert.equal(a.length, 10);
  assert.deepEqual(a.map((e) => e.overrides), b.map((e) => e.overrides));
  // The stitched tables agree too (same physics for the same draws).
  const ta = await reopened.toTable(), tb = await big.toTable();
  assert.equal(ta.numRows, tb.numRows);
  const xa = ta.getChild("Sat.EarthMJ2000Eq.X")!.toArray(),
    xb = tb.getChild("Sat.EarthMJ2000Eq.X")!.toArray();
  assert.deepEqual([...xa], [...xb]);
  // Header: run_count is extend's target (recorded before its runs), and the seed.
  assert.equal(a.length > 0 && (await small.manifest()).header.run_count, 10);
  assert.equal((await small.manifest()).header.sweep_seed, 42);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("extend refuses a grid sweep and an incomplete base", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-mc2-" });
  const r = await cli([
    "run",
    LEO,
    "--grid",
    "Sat.SMA=7000,7100",
    "--out",
    dir,
    "--engine",
    "builtin",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const e = await cli(["extend", join(dir, "manifest.jsonl"), "--script", LEO, "--n", "2"]);
  assert.equal(e.code, 2);
  assert.match(e.stderr, /only Monte Carlo sweeps can be extended/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("monte-carlo and latin-hypercube through the CLI record their draws and seeds", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-mc3-" });
  const mc = await cli([
    "monte-carlo",
    LEO,
    "--n",
    "5",
    "--perturb",
    "Sat.SMA=normal:7000:5",
    "--perturb",
    "Sat.INC=uniform:28:29",
    "--seed",
    "42",
    "--out",
    join(dir, "mc"),
    "--engine",
    "builtin",
    "--workers",
    "2",
  ]);
  assert.equal(mc.code, 0, mc.stderr);
  assert.match(mc.stdout, /^5 runs \(5 ok\) in [\d.]+ s wall/m);
  const sweep = await Sweep.fromManifest(join(dir, "mc", "manifest.jsonl"), LEO);
  const expected = monteCarloRunSet(PERTURB, 5, 42);
  for (const e of (await sweep.manifest()).entries) {
    assert.deepEqual(e.overrides, expected.spec(e.run_id).overrides);
  }
  const lh = await cli([
    "latin-hypercube",
    LEO,
    "--n",
    "8",
    "--perturb",
    "Sat.SMA=uniform:6900:7100",
    "--seed",
    "7",
    "--out",
    join(dir, "lh"),
    "--engine",
    "builtin",
  ]);
  assert.equal(lh.code, 0, lh.stderr);
  const lhSweep = await Sweep.fromManifest(join(dir, "lh", "manifest.jsonl"), LEO);
  const lhSet = latinHypercubeRunSet({ "Sat.SMA": { kind: "uniform", lo: 6900, hi: 7100 } }, 8, 7);
  const smas = (await lhSweep.manifest()).entries.map((e) => e.overrides["Sat.SMA"] as number);
  assert.deepEqual(
    smas.map((s) => Math.floor((s - 6900) / 25)).sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7],
    "one run per stratum",
  );
  assert.deepEqual(
    [...lhSet.specs()].map((s) => s.overrides["Sat.SMA"]).sort(),
    [...smas].sort(),
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("explicit rows from CSV: one run per row, values typed", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-explicit-" });
  const csv = join(dir, "rows.csv");
  await Deno.writeTextFile(
    csv,
    "Sat.SMA,Sat.Epoch\n7000,01 Jan 2026 00:00:00.000\n7100,02 Jan 2026 00:00:00.000\n",
  );
  const r = await cli([
    "explicit",
    LEO,
    "--samples",
    csv,
    "--out",
    join(dir, "out"),
    "--engine",
    "builtin",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const sweep = await Sweep.fromManifest(join(dir, "out", "manifest.jsonl"), LEO);
  const table = await sweep.toTable();
  assert.equal(table.numRows, 6);
  const utc = table.getChild("Sat.UTCGregorian")!;
  // Run 1 starts a day later.
  assert.equal(Number(utc.get(3)) - Number(utc.get(0)), 86400000);
  await Deno.remove(dir, { recursive: true });
});
