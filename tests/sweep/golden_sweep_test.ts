/**
 * The acceptance contract of the sweep core: a 16-run grid over Sat.SMA (7000..7300) through
 * the real pool of worker processes gives the Python tool's golden stitched table.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { gridRunSet, linspace } from "../../src/runset/mod.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { readParquet } from "../../src/table/mod.ts";
import { close, fixture } from "../_support/engine.ts";

Deno.test("a 16-run SMA grid on the built-in engine stitches to the golden sma_16 table", async () => {
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-golden-" });
  const sweep = await Sweep.create(
    fixture("scripts/leo_basic.script"),
    gridRunSet({ "Sat.SMA": linspace(7000, 7300, 16) }),
    { outputDir: out, engine: "builtin", workers: 2 },
  );
  const summary = await sweep.run();
  assert.equal(summary.ok, 16);
  const ours = await sweep.toTable();
  const golden = await readParquet(fixture("golden/sma_16.parquet"));
  assert.deepEqual(
    ours.schema.fields.map((f) => f.name),
    golden.schema.fields.map((f) => f.name),
  );
  assert.equal(ours.numRows, 48);
  assert.equal(golden.numRows, 48);
  const col = (t: typeof ours, name: string) => t.getChild(name)!.toArray();
  assert.deepEqual([...col(ours, "run_id")], [...col(golden, "run_id")]);
  const tOurs = ours.getChild("time")!, tGold = golden.getChild("time")!;
  for (let i = 0; i < 48; i++) assert.equal(tOurs.get(i), tGold.get(i), `time row ${i}`);
  for (
    const name of [
      "Sat.EarthMJ2000Eq.X",
      "Sat.EarthMJ2000Eq.Y",
      "Sat.EarthMJ2000Eq.Z",
      "Sat.Earth.SMA",
      "Sat.Earth.ECC",
    ]
  ) {
    const a = col(ours, name), b = col(golden, name);
    for (let i = 0; i < 48; i++) close(Number(a[i]), Number(b[i]), 1e-9, 1e-6, `${name} row ${i}`);
  }
  for (let i = 0; i < 48; i++) assert.equal(ours.getChild("__status")!.get(i), "ok");
  // The manifest stores paths relative to the output directory.
  const manifest = await sweep.manifest();
  assert.equal(manifest.entries.length, 16);
  for (const e of manifest.entries) {
    assert.equal(e.output_paths["report__RF"], `run-${e.run_id}/report__RF.parquet`);
    assert.equal(e.log_path, `run-${e.run_id}/worker.log`);
  }
  await Deno.stat(join(out, "run-15", "sat.report"));
  await Deno.remove(out, { recursive: true });
});
