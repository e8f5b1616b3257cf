/**
 * The one-call entry points: sweep() over a grid or rows, monteCarlo(), latinHypercube() and
 * monteCarloExtend(), each running real runs on the built-in engine and returning the stitched
 * reports; and sweep()'s refusal of an ambiguous run set before anything runs.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Table } from "apache-arrow";
import {
  latinHypercube,
  monteCarlo,
  monteCarloExtend,
  sweep,
  SweepConfigError,
} from "../../mod.ts";
import { fixture } from "../_support/engine.ts";

const LEO = fixture("scripts/leo_basic.script");
const PERTURB = { "Sat.SMA": { kind: "normal", mu: 7000, sigma: 5 } } as const;

function runIds(table: Table): number[] {
  return Array.from(table.getChild("run_id")!.toArray() as BigInt64Array, Number);
}

Deno.test("sweep() runs a grid and returns its one report stitched by (run_id, time)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-entry-" });
  const res = await sweep(LEO, {
    grid: { "Sat.SMA": [7000, 7100, 7200] },
    outputDir: dir,
    engine: "builtin",
    workers: 2,
  });
  assert.deepEqual(res.summary.ok, 3);
  assert.deepEqual([...res.tables.keys()], ["RF"]);
  assert.equal(res.table, res.tables.get("RF"));
  assert.deepEqual(runIds(res.table!), [0, 0, 0, 1, 1, 1, 2, 2, 2]);
  // A larger orbit: the SMA column follows the grid, run by run.
  const sma = [...res.table!.getChild("Sat.Earth.SMA")!.toArray()] as number[];
  assert.ok(Math.abs(sma[0] - 7000) < 1e-6 && Math.abs(sma[8] - 7200) < 1e-6, String(sma));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("sweep() takes explicit rows, and refuses both or neither of grid and rows", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-entry-" });
  const res = await sweep(LEO, {
    rows: [{ "Sat.SMA": 7050, "Sat.ECC": 0.01 }, { "Sat.SMA": 7150, "Sat.ECC": 0.02 }],
    outputDir: dir,
    engine: "builtin",
    workers: 1,
  });
  assert.deepEqual(runIds(res.table!), [0, 0, 0, 1, 1, 1]);
  const ecc = [...res.table!.getChild("Sat.Earth.ECC")!.toArray()] as number[];
  assert.ok(Math.abs(ecc[3] - 0.02) < 1e-9, String(ecc));
  for (const bad of [{}, { grid: { "Sat.SMA": [7000] }, rows: [{ "Sat.SMA": 7000 }] }]) {
    await assert.rejects(
      () => sweep(LEO, { ...bad, outputDir: join(dir, "never"), engine: "builtin" }),
      (e) => e instanceof SweepConfigError && /exactly one of `grid`/.test(e.message),
    );
  }
  await assert.rejects(() => Deno.stat(join(dir, "never")), Deno.errors.NotFound);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("monteCarlo() then monteCarloExtend() equal one larger monteCarlo()", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-entry-" });
  const opts = { perturb: PERTURB, seed: 11, engine: "builtin", workers: 2 } as const;
  const small = await monteCarlo(LEO, { ...opts, n: 3, outputDir: join(dir, "small") });
  assert.equal(small.table!.numRows, 9);
  const ext = await monteCarloExtend(small.sweep.manifestPath, LEO, { n: 2 });
  assert.equal(ext.summary.ran, 2);
  const big = await monteCarlo(LEO, { ...opts, n: 5, outputDir: join(dir, "big") });
  assert.deepEqual(runIds(ext.table!), runIds(big.table!));
  assert.deepEqual(
    [...ext.table!.getChild("Sat.Earth.SMA")!.toArray()],
    [...big.table!.getChild("Sat.Earth.SMA")!.toArray()],
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("latinHypercube() puts one run in each 1/n stratum of the axis", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-entry-" });
  const n = 4;
  const res = await latinHypercube(LEO, {
    n,
    seed: 3,
    perturb: { "Sat.SMA": { kind: "uniform", lo: 7000, hi: 7400 } },
    outputDir: dir,
    engine: "builtin",
    workers: 2,
  });
  const entries = (await res.sweep.manifest()).entries;
  const strata = entries.map((e) => Math.floor(((e.overrides["Sat.SMA"] as number) - 7000) / 100));
  assert.deepEqual(strata.sort(), [0, 1, 2, 3]);
  assert.equal(res.table!.numRows, 3 * n);
  await Deno.remove(dir, { recursive: true });
});
