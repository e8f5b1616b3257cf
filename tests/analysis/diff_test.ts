/**
 * sweepDiff() on two real sweeps of the LEO fixture (built-in engine, re-stitched with failed and
 * skipped runs): alignment on (run_id, time) with marker rows, b - a and (b - a) / a with
 * upstream's column names, the tolerance flag, the summary of maxima and one-sided rows, the
 * per-run mode, and the refusal of duplicated keys.
 */
import assert from "node:assert/strict";
import { AnalysisError, sweepDiff } from "../../src/analysis/mod.ts";
import { col, floats, realSweep, timesNs, withMarkers } from "./_support.ts";

const SMA_A = [7000, 7100, 7200, 7300];
const SMA_B = [7000, 7100, 7200.5];

Deno.test("sweepDiff() aligns real sweeps on (run_id, time) and flags what differs", async () => {
  await using ra = await realSweep(SMA_A.map((v) => ({ "Sat.SMA": v })));
  await using rb = await realSweep(SMA_B.map((v) => ({ "Sat.SMA": v })));
  // a: runs 0-3 ok, run 4 failed. b: runs 0-2 ok, run 3 failed, run 4 skipped.
  const a = await withMarkers(ra, [{ runId: 4, status: "failed" }]);
  const b = await withMarkers(rb, [{ runId: 3, status: "failed" }, {
    runId: 4,
    status: "skipped",
  }]);
  const { table, summary } = sweepDiff(a, b);

  assert.deepEqual(col(table, "run_id"), [0n, 0n, 0n, 1n, 1n, 1n, 2n, 2n, 2n, 4n]);
  const t = timesNs(table);
  assert.equal(t[9], null, "the two marker rows of run 4 are matched");
  assert.deepEqual(t.slice(0, 3), timesNs(a).slice(0, 3));
  assert.deepEqual(table.schema.names.slice(0, 4), [
    "run_id",
    "time",
    "Sat.EarthMJ2000Eq.X__diff",
    "Sat.EarthMJ2000Eq.X__rel",
  ]);
  assert.deepEqual(table.schema.names.slice(-2), ["__status_diff", "__within_tolerance"]);
  assert.deepEqual(col(table, "__status_diff"), [...Array(9).fill("ok"), "failed/skipped"]);
  assert.deepEqual(col(table, "__within_tolerance"), [
    ...Array(6).fill(true),
    ...Array(4).fill(false),
  ]);

  // b - a and (b - a) / a, row by row, from the two tables themselves (rows 0-8 of each).
  const smaA = floats(a, "Sat.Earth.SMA");
  const smaB = floats(b, "Sat.Earth.SMA");
  const diff = floats(table, "Sat.Earth.SMA__diff");
  const rel = floats(table, "Sat.Earth.SMA__rel");
  for (let i = 0; i < 9; i++) {
    assert.equal(diff[i], smaB[i] - smaA[i]);
    assert.equal(rel[i], (smaB[i] - smaA[i]) / smaA[i]);
  }
  assert.deepEqual(diff.slice(0, 6), Array(6).fill(0), "identical runs differ by exactly 0");
  assert.ok(Math.abs(diff[6] - 0.5) < 1e-9, `run 2 at t = 0: SMA 7200.5 vs 7200 (${diff[6]})`);
  assert.ok(Number.isNaN(diff[9]) && Number.isNaN(rel[9]), "marker rows have no difference");
  // Y is exactly 0 at t = 0 (the orbit starts on the x axis): relative difference null there.
  assert.equal(col(table, "Sat.EarthMJ2000Eq.Y__rel")[0], null);

  assert.equal(summary.matched, 10);
  assert.equal(summary.outOfTolerance, 4);
  assert.equal(summary.statusMismatches, 1);
  assert.equal(summary.allWithinTolerance, false);
  assert.deepEqual(summary.onlyInA, [
    { runId: 3, time: timesNs(a)[9] },
    { runId: 3, time: timesNs(a)[10] },
    { runId: 3, time: timesNs(a)[11] },
  ]);
  assert.deepEqual(summary.onlyInB, [{ runId: 3, time: null }]);
  const sma = summary.columns.find((c) => c.column === "Sat.Earth.SMA")!;
  assert.ok(Math.abs(sma.maxAbsDiff! - 0.5) < 1e-6, String(sma.maxAbsDiff));
  assert.ok(Math.abs(sma.maxRelDiff! - 0.5 / 7200) < 1e-9, String(sma.maxRelDiff));
  assert.equal(sma.outOfTolerance, 3);
  assert.deepEqual(summary.columns.map((c) => c.column), [
    "Sat.EarthMJ2000Eq.X",
    "Sat.EarthMJ2000Eq.Y",
    "Sat.EarthMJ2000Eq.Z",
    "Sat.Earth.SMA",
    "Sat.Earth.ECC",
  ]);
  assert.deepEqual([summary.rtol, summary.atol], [1e-9, 1e-6]);

  // A loose tolerance accepts run 2; the status mismatch of run 4 still counts.
  const loose = sweepDiff(a, b, { rtol: 1e-3, columns: ["Sat.Earth.SMA"] });
  assert.equal(loose.summary.outOfTolerance, 1);
  assert.deepEqual(loose.table.schema.names, [
    "run_id",
    "time",
    "Sat.Earth.SMA__diff",
    "Sat.Earth.SMA__rel",
    "__status_diff",
    "__within_tolerance",
  ]);

  // Per run: each side's last row; run 3 is ok in a and failed in b.
  const perRun = sweepDiff(a, b, { on: "run_id", columns: ["Sat.Earth.SMA"] });
  assert.deepEqual(perRun.table.schema.names[1], "Sat.Earth.SMA__diff");
  assert.deepEqual(col(perRun.table, "run_id"), [0n, 1n, 2n, 3n, 4n]);
  assert.deepEqual(col(perRun.table, "__status_diff"), [
    "ok",
    "ok",
    "ok",
    "ok/failed",
    "failed/skipped",
  ]);
  assert.equal(floats(perRun.table, "Sat.Earth.SMA__diff")[2], smaB[8] - smaA[8]);
  assert.deepEqual([perRun.summary.onlyInA, perRun.summary.onlyInB], [[], []]);
});

Deno.test("sweepDiff() of a table with itself is all within tolerance", async () => {
  await using ra = await realSweep([{ "Sat.SMA": 7000 }, { "Sat.SMA": 7100 }]);
  const a = await withMarkers(ra, [{ runId: 2, status: "failed" }]);
  const { table, summary } = sweepDiff(a, a);
  assert.equal(summary.allWithinTolerance, true);
  assert.equal(summary.matched, 7);
  assert.deepEqual(col(table, "__status_diff").slice(-1), ["failed/failed"]);
  assert.ok(summary.columns.every((c) => c.maxAbsDiff === 0 && c.maxRelDiff === 0));

  // A numeric column only one side has is reported, not compared.
  const fewer = a.select(["run_id", "time", "Sat.Earth.SMA", "__status"]);
  const partial = sweepDiff(a, fewer);
  assert.deepEqual(partial.summary.columns.map((c) => c.column), ["Sat.Earth.SMA"]);
  assert.deepEqual(partial.summary.columnsOnlyInA, [
    "Sat.EarthMJ2000Eq.X",
    "Sat.EarthMJ2000Eq.Y",
    "Sat.EarthMJ2000Eq.Z",
    "Sat.Earth.ECC",
  ]);
  assert.throws(
    () => sweepDiff(a, fewer, { columns: ["Sat.Earth.ECC"] }),
    (e) =>
      e instanceof AnalysisError && e.code === "ANALYSIS_COLUMN" &&
      /table b.*no column 'Sat.Earth.ECC'/.test(e.message),
  );

  // Duplicated keys are refused, naming the run and time.
  assert.throws(
    () => sweepDiff(a.concat(a), a),
    (e) =>
      e instanceof AnalysisError && e.code === "ANALYSIS_DUPLICATE_KEY" &&
      /table a has two rows for run 0 at time \d+ ns \(rows 0 and 7\)/.test(e.message),
  );
  assert.throws(
    () => sweepDiff(a, a, { rtol: -1 }),
    (e) => e instanceof AnalysisError && e.code === "ANALYSIS_OPTION" && /rtol/.test(e.message),
  );
});
