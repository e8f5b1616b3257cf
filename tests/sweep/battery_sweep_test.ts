/**
 * End to end without GMAT: a sweep over the battery's default-force-model script (GMAT's
 * `Create ForceModel FM;`, Earth JGM-2 4x4) on the built-in engine, through the worker pool and
 * the stitched tables, matches what real GMAT R2026a wrote for the same script: the ephemeris
 * table's 1441 states (every 60 s for a day) and the report's final row.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseOem, parseReportFile } from "../../src/formats/mod.ts";
import { gridRunSet } from "../../src/runset/mod.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { BATTERY_ROOT } from "../../scripts/_battery.ts";

Deno.test("a built-in sweep of the default-force-model battery script matches GMAT's rows", async () => {
  const caseDir = join(BATTERY_ROOT, "leo__default__acc1e-12");
  try {
    await Deno.stat(caseDir);
  } catch {
    throw new Error(`required test component missing: GMAT's battery at ${BATTERY_ROOT}`);
  }
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-battery-sweep-" });
  const script = join(dir, "case.script");
  await Deno.copyFile(join(caseDir, "case.script"), script);
  // DryMass changes nothing without drag or SRP: both runs must reproduce GMAT's one run.
  const sweep = await Sweep.create(script, gridRunSet({ "Sat.DryMass": [500, 650] }), {
    outputDir: join(dir, "out"),
    engine: "builtin",
    workers: 2,
  });
  const summary = await sweep.run();
  assert.equal(summary.ok, 2);

  const gmatOem = parseOem(await Deno.readTextFile(join(caseDir, "ephem.oem")), "ephem.oem");
  const gmatRows = gmatOem.segments.flatMap((s) => s.rows);
  const eph = await sweep.toTable({ kind: "ephemeris" });
  const runIds = eph.getChild("run_id")!.toArray();
  const x = eph.getChild("X")!.toArray(), y = eph.getChild("Y")!.toArray();
  const z = eph.getChild("Z")!.toArray();
  for (const run of [0, 1]) {
    const rows: number[] = [];
    for (let i = 0; i < eph.numRows; i++) if (Number(runIds[i]) === run) rows.push(i);
    assert.equal(rows.length, gmatRows.length, `run ${run}: ephemeris rows`);
    let worst = 0;
    rows.forEach((i, k) => {
      const g = gmatRows[k].state;
      worst = Math.max(worst, Math.hypot(x[i] - g[0], y[i] - g[1], z[i] - g[2]));
    });
    // GMAT's and the engine's steps differ in the last bits; a day of JGM-2 4x4 ends mm apart.
    assert.ok(worst < 1e-5, `run ${run}: worst ephemeris difference ${worst} km`);
  }

  const gmatReport = parseReportFile(
    await Deno.readTextFile(join(caseDir, "report.txt")),
    "report.txt",
  );
  const report = await sweep.toTable();
  assert.equal(report.numRows, 2 * gmatReport.rows.length, "one row per accepted step, as GMAT");
  const last = gmatReport.rows[gmatReport.rows.length - 1];
  const xi = gmatReport.columns.indexOf("Sat.EarthMJ2000Eq.X");
  const rx = report.getChild("Sat.EarthMJ2000Eq.X")!.toArray();
  const end = report.numRows - 1;
  assert.ok(Math.abs(rx[end] - Number(last[xi])) < 1e-5, `final X ${rx[end]} vs ${last[xi]}`);
  await Deno.remove(dir, { recursive: true });
});
