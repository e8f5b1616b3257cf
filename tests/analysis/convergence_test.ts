/**
 * mcConvergence(): running mean, standard deviation and standard error over runs by a shifted
 * Welford update, exact to 1e-12 relative at km magnitudes with a millimetre spread (checked
 * against exact rational arithmetic in BigInt; the textbook sum-of-squares formula is shown to
 * fail on the same data), and on a real Monte Carlo sweep with a failed run.
 */
import assert from "node:assert/strict";
import {
  ANALYSIS_METADATA_KEY,
  AnalysisError,
  mcConvergence,
  RunningMoments,
} from "../../src/analysis/mod.ts";
import { monteCarlo } from "../../mod.ts";
import { col, floats, LEO, type RealSweep, withMarkers } from "./_support.ts";

/** 1000 values 7000 km + N(0, 1 mm)-like spread, from a fixed linear congruential generator. */
function kmValues(): number[] {
  let state = 12345;
  const uniform = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: 1000 }, () => {
    const z = uniform() + uniform() + uniform() - 1.5; // roughly normal, sd 0.5
    return 7000 + 2e-6 * z;
  });
}

const SCALE_BITS = 60n;

/** x * 2^60 as an exact integer (every double >= 2^-8 in magnitude here is a multiple of 2^-60). */
function scaled(x: number): bigint {
  const v = x * 2 ** 60;
  assert.ok(Number.isInteger(v), `${x} is not a multiple of 2^-60`);
  return BigInt(v);
}

/** Exact running mean and sample standard deviation (two-pass identity in rational arithmetic). */
function exactRunning(xs: number[]): { mean: number[]; std: number[] } {
  let s = 0n;
  let q = 0n;
  const mean: number[] = [];
  const std: number[] = [];
  xs.forEach((x, i) => {
    const v = scaled(x);
    s += v;
    q += v * v;
    const n = BigInt(i + 1);
    // mean = s / (n 2^60): split into integer part and remainder so the division keeps precision.
    mean.push(Number(s / n) / 2 ** 60 + Number(s % n) / Number(n) / 2 ** 60);
    // sum (x - mean)^2 = (n q - s^2) / n, exactly; variance = that / (n - 1).
    const num = n * q - s * s; // scaled by 2^120
    std.push(i === 0 ? NaN : Math.sqrt(Number(num) / Number(n * (n - 1n) << (2n * SCALE_BITS))));
  });
  return { mean, std };
}

Deno.test("mcConvergence() stays exact at 7000 km with a millimetre spread", () => {
  const xs = kmValues();
  const exact = exactRunning(xs);
  const conv = mcConvergence(xs);
  const mean = floats(conv, "running_mean");
  const std = floats(conv, "running_std");
  const se = floats(conv, "se_mean");
  assert.ok(exact.std[999] > 5e-7 && exact.std[999] < 2e-6, `spread ${exact.std[999]} km`);
  let worst = 0;
  for (let i = 1; i < xs.length; i++) {
    worst = Math.max(worst, Math.abs(std[i] - exact.std[i]) / exact.std[i]);
    assert.ok(Math.abs(mean[i] - exact.mean[i]) <= 2e-16 * 7000, `mean at n = ${i + 1}`);
    assert.equal(se[i], std[i] / Math.sqrt(i + 1));
  }
  assert.ok(worst <= 1e-12, `running std relative error ${worst}`);
  assert.deepEqual([col(conv, "running_std")[0], col(conv, "se_mean")[0]], [null, null]);
  assert.deepEqual(col(conv, "n").slice(0, 3), [1n, 2n, 3n]);
  assert.deepEqual(col(conv, "run_id").slice(0, 3), [0n, 1n, 2n]);

  // The textbook one-pass formula loses every digit on the same data.
  let s = 0;
  let q = 0;
  for (const x of xs) [s, q] = [s + x, q + x * x];
  const naive = Math.sqrt(Math.max(0, (q - (s * s) / xs.length) / (xs.length - 1)));
  assert.ok(Math.abs(naive - exact.std[999]) / exact.std[999] > 1e-3, `naive gave ${naive}`);

  // RunningMoments on its own: population variance with ddof = 0.
  const m = new RunningMoments();
  for (const x of xs) m.push(x);
  const pop = exact.std[999] ** 2 * 999 / 1000;
  assert.ok(Math.abs(m.variance(0) - pop) / pop < 1e-12);
  assert.ok(Number.isNaN(new RunningMoments().mean));
});

Deno.test("mcConvergence() follows a real Monte Carlo sweep run by run, leaving failed runs out", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-analysis-mc-" });
  const result = await monteCarlo(LEO, {
    n: 8,
    seed: 7,
    perturb: { "Sat.SMA": { kind: "normal", mu: 7000, sigma: 5 } },
    outputDir: dir,
    engine: "builtin",
    workers: 2,
  });
  await using real: RealSweep = {
    result,
    table: result.table!,
    [Symbol.asyncDispose]: () => Deno.remove(dir, { recursive: true }),
  };
  const table = await withMarkers(real, [{ runId: 8, status: "failed" }]);
  const conv = mcConvergence(table, { column: "Sat.Earth.SMA" });
  assert.deepEqual(col(conv, "run_id"), [0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n]);
  // Each run's value is its SMA at the last epoch (rows 2, 5, 8, ... of the stitched table).
  const sma = floats(real.table, "Sat.Earth.SMA");
  const last = Array.from({ length: 8 }, (_, r) => sma[3 * r + 2]);
  assert.deepEqual(floats(conv, "value"), last);
  const mean = floats(conv, "running_mean");
  const std = floats(conv, "running_std");
  for (let n = 2; n <= 8; n++) {
    const xs = last.slice(0, n);
    const mu = xs.reduce((a, b) => a + b) / n;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mu) ** 2, 0) / (n - 1));
    assert.ok(Math.abs(mean[n - 1] - mu) < 1e-9 && Math.abs(std[n - 1] - sd) < 1e-9 * sd);
  }
  assert.ok(std[7] > 1 && std[7] < 15, `SMA spread ${std[7]} km for sigma 5 km`);
  assert.deepEqual(JSON.parse(conv.schema.metadata.get(ANALYSIS_METADATA_KEY)!), {
    kind: "convergence",
    column: "Sat.Earth.SMA",
    reduce: "last",
    runs_left_out: [8],
  });
  const first = mcConvergence(table, { column: "Sat.Earth.SMA", reduce: "first" });
  assert.deepEqual(floats(first, "value"), Array.from({ length: 8 }, (_, r) => sma[3 * r]));
  const span = mcConvergence(table, {
    column: "Sat.EarthMJ2000Eq.Y",
    reduce: (v, t) => (v[v.length - 1] - v[0]) / Number(t[t.length - 1] - t[0]) * 1e9,
  });
  assert.ok(floats(span, "value").every((v) => v > 6 && v < 8), "mean dY/dt in km/s");

  // An ok run without a value is an error naming it; so is a NaN in a plain array.
  const outputless = await withMarkers(real, [{ runId: 9, status: "ok" }]);
  assert.throws(
    () => mcConvergence(outputless, { column: "Sat.Earth.SMA" }),
    (e) =>
      e instanceof AnalysisError && e.code === "ANALYSIS_NO_VALUE" &&
      /run 9 is ok but has no value of 'Sat.Earth.SMA'/.test(e.message),
  );
  assert.throws(
    () => mcConvergence([7000, NaN]),
    (e) => e instanceof AnalysisError && /value 1 is NaN/.test(e.message),
  );
  assert.throws(
    () => mcConvergence(table),
    (e) => e instanceof AnalysisError && e.code === "ANALYSIS_OPTION",
  );
});
