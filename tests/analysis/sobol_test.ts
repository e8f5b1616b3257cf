/**
 * Sobol sensitivity analysis: the Saltelli design's layout, the Ishigami function's indices at
 * n = 1024 within their bootstrap confidence of the analytic values (derived here from the
 * formulas), and a real sweep of the LEO fixture run from the design's rows and analysed from its
 * stitched table.
 */
import assert from "node:assert/strict";
import {
  AnalysisError,
  type SobolAnalysis,
  sobolAnalyze,
  type SobolIndex,
  sobolSample,
} from "../../src/analysis/mod.ts";
import { col, floats, realSweep, withMarkers } from "./_support.ts";

const A = 7;
const B = 0.1;
const PI = Math.PI;

/** The Ishigami function on [-pi, pi]^3. */
function ishigami(x1: number, x2: number, x3: number): number {
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
}

/**
 * Analytic indices. With x uniform on [-pi, pi]: E[sin^2] = 1/2, E[sin^4] = 3/8, E[x^4] = pi^4/5,
 * E[x^8] = pi^8/9. Partial variances: V1 = (1 + b pi^4/5)^2 / 2, V2 = a^2 (3/8 - 1/4) = a^2/8,
 * V3 = 0, V13 = b^2 (E[x^8] - E[x^4]^2) / 2 = b^2 pi^8 (1/18 - 1/50), V12 = V23 = V123 = 0.
 */
function analytic() {
  const v1 = (1 + (B * PI ** 4) / 5) ** 2 / 2;
  const v2 = (A * A) / 8;
  const v13 = B * B * PI ** 8 * (1 / 18 - 1 / 50);
  const v = v1 + v2 + v13;
  return {
    S1: [v1 / v, v2 / v, 0],
    ST: [(v1 + v13) / v, v2 / v, v13 / v],
    S2: [0, v13 / v, 0], // pairs (1,2), (1,3), (2,3)
  };
}

Deno.test("the analytic Ishigami indices are the published ones", () => {
  const { S1, ST, S2 } = analytic();
  const round = (xs: number[]) => xs.map((x) => Math.round(x * 1e4) / 1e4);
  assert.deepEqual(round(S1), [0.3139, 0.4424, 0]);
  assert.deepEqual(round(ST), [0.5576, 0.4424, 0.2437]);
  assert.deepEqual(round(S2), [0, 0.2437, 0]);
});

function analyseIshigami(scrambleSeed: number | null): SobolAnalysis {
  const box = { lo: -PI, hi: PI };
  const design = sobolSample({ "Ishi.x1": box, "Ishi.x2": box, "Ishi.x3": box }, 1024, {
    scrambleSeed,
  });
  assert.equal(design.rows.length, 1024 * (2 * 3 + 2));
  const y = design.rows.map((r) =>
    ishigami(r["Ishi.x1"] as number, r["Ishi.x2"] as number, r["Ishi.x3"] as number)
  );
  return sobolAnalyze(design, y, { bootstrap: 1000, confidence: 0.95, seed: 2024 });
}

Deno.test("Ishigami indices at n = 1024 lie within their bootstrap confidence of the analytic values", () => {
  const exact = analytic();
  for (const scrambleSeed of [null, 1, 2, 3]) {
    const res = analyseIshigami(scrambleSeed);
    const check = (kind: "S1" | "ST" | "S2", got: readonly SobolIndex[]) => {
      got.forEach((s, i) => {
        const what = `${kind} ${s.paramA}${
          s.paramB ? `,${s.paramB}` : ""
        } (scramble ${scrambleSeed})`;
        const truth = exact[kind][i];
        assert.ok(
          Math.abs(s.value - truth) <= s.conf,
          `${what}: ${s.value} ± ${s.conf} misses ${truth}`,
        );
        assert.ok(
          s.low <= truth && truth <= s.high,
          `${what}: ${truth} outside [${s.low}, ${s.high}]`,
        );
        assert.ok(s.conf > 0 && s.conf < 0.15, `${what}: conf ${s.conf}`);
      });
    };
    check("S1", res.S1);
    check("ST", res.ST);
    check("S2", res.S2);
    // Stronger than the confidence check: the bootstrap treats the base points as independent, so
    // its intervals (half-widths 0.03 to 0.11) are wide for a Sobol design, whose errors here are
    // about 0.01. A biased estimator could hide inside them; it cannot hide under 0.025.
    const errors = (["S1", "ST", "S2"] as const).flatMap((kind) =>
      res[kind].map((s, i) => Math.abs(s.value - exact[kind][i]))
    );
    assert.ok(Math.max(...errors) < 0.025, `largest error ${Math.max(...errors)}`);
    assert.deepEqual(res.S2.map((s) => [s.paramA, s.paramB]), [
      ["Ishi.x1", "Ishi.x2"],
      ["Ishi.x1", "Ishi.x3"],
      ["Ishi.x2", "Ishi.x3"],
    ]);
  }
});

Deno.test("sobolAnalyze() gives upstream's long table and is reproducible from its seed", () => {
  const res = analyseIshigami(null);
  assert.deepEqual(res.table.schema.names, [
    "kind",
    "param_a",
    "param_b",
    "value",
    "conf",
    "low",
    "high",
  ]);
  assert.deepEqual(col(res.table, "kind"), [
    ...Array(3).fill("S1"),
    ...Array(3).fill("ST"),
    ...Array(3).fill("S2"),
  ]);
  assert.deepEqual(col(res.table, "param_b").slice(0, 7), [...Array(6).fill(null), "Ishi.x2"]);
  assert.deepEqual(
    floats(res.table, "value"),
    [...res.S1, ...res.ST, ...res.S2].map((s) => s.value),
  );
  const again = analyseIshigami(null);
  assert.deepEqual(again.S1, res.S1, "same design, outputs and seed: same indices and intervals");
  assert.equal(res.seed, 2024);
  // conf is the normal half-width, z(0.975) times the bootstrap sd; the bootstrap values are close
  // to normal here, so it is close to the percentile interval's half-width.
  for (const s of [...res.S1, ...res.ST, ...res.S2]) {
    const half = (s.high - s.low) / 2;
    assert.ok(Math.abs(s.conf - half) < 0.15 * half, `${s.kind} ${s.paramA}: ${s.conf} vs ${half}`);
  }
});

Deno.test("sobolSample() lays out A, AB^i, BA^i, B blocks over sorted parameters", () => {
  const design = sobolSample({
    "Sat.SMA": { lo: 6900, hi: 7100 },
    "Sat.ECC": { lo: 0, hi: 0.02 },
    "Sat.INC": { kind: "normal", mu: 28.5, sigma: 0.1 },
  }, 8);
  assert.deepEqual(design.names, ["Sat.ECC", "Sat.INC", "Sat.SMA"]);
  assert.equal(design.blockSize, 8);
  assert.equal(design.rows.length, 64);
  assert.equal(design.skip, 8);
  assert.deepEqual(design.distributions["Sat.SMA"], { kind: "uniform", lo: 6900, hi: 7100 });
  const names = design.names;
  for (let j = 0; j < 8; j++) {
    const block = design.rows.slice(j * 8, (j + 1) * 8);
    const [a, b] = [block[0], block[7]];
    names.forEach((name) => assert.notEqual(a[name], b[name], `point ${j}: A and B differ`));
    names.forEach((ni, i) => {
      for (const nk of names) {
        assert.equal(block[1 + i][nk], nk === ni ? b[nk] : a[nk], `AB^${i} of point ${j}`);
        assert.equal(block[4 + i][nk], nk === ni ? a[nk] : b[nk], `BA^${i} of point ${j}`);
      }
    });
  }
  // Values follow each distribution: uniform in range, normal around its mean.
  const sma = design.rows.map((r) => r["Sat.SMA"] as number);
  assert.ok(sma.every((v) => v > 6900 && v < 7100));
  const inc = design.rows.map((r) => r["Sat.INC"] as number);
  assert.ok(inc.every((v) => Math.abs(v - 28.5) < 0.5));

  const first = sobolSample({ "M.x": { lo: 0, hi: 1 } }, 5, { secondOrder: false });
  assert.equal(first.rows.length, 5 * 3);
  assert.equal(first.skip, 8);
  assert.equal(first.blockSize, 3);

  assert.throws(
    () => sobolSample({ "Sat.SMA": { lo: 7100, hi: 7000 } }, 4),
    (e) =>
      e instanceof AnalysisError && e.code === "ANALYSIS_DESIGN" && /Sat\.SMA.*hi/.test(e.message),
  );
  assert.throws(
    () => sobolSample({ SMA: { lo: 0, hi: 1 } }, 4),
    (e) => e instanceof AnalysisError && /dotted field path/.test(e.message),
  );
  const many = Object.fromEntries(
    Array.from({ length: 17 }, (_, i) => [`M.x${i}`, { lo: 0, hi: 1 }]),
  );
  assert.throws(
    () => sobolSample(many, 4),
    (e) => e instanceof AnalysisError && /at most 16/.test(e.message),
  );
});

Deno.test("a Sobol study runs as a real sweep and is analysed from its stitched table", async () => {
  const design = sobolSample(
    {
      "Sat.SMA": { lo: 6900, hi: 7100 },
      "Sat.ECC": { lo: 0.001, hi: 0.02 },
    },
    4,
    { secondOrder: false },
  );
  assert.equal(design.rows.length, 16);
  await using real = await realSweep(design.rows as Record<string, number>[]);
  assert.equal(real.result.summary.ok, 16);
  const res = sobolAnalyze(design, real.table, {
    column: "Sat.Earth.SMA",
    seed: 1,
    bootstrap: 200,
  });
  // The SMA output is the SMA input (two-body motion keeps it): ECC explains nothing of it.
  const [ecc, sma] = [0, 1];
  assert.ok(Math.abs(res.S1[ecc].value) < 1e-9 && Math.abs(res.ST[ecc].value) < 1e-9);
  assert.ok(res.ST[sma].value > 0.5, String(res.ST[sma].value));
  assert.deepEqual(res.S2, []);

  // Every run is needed: a failed run, a missing run or a wrong count is refused by name.
  const failed = await withMarkers(real, [{ runId: 16, status: "failed" }]);
  assert.throws(
    () => sobolAnalyze(design, failed, { column: "Sat.Earth.SMA" }),
    (e) =>
      e instanceof AnalysisError && e.code === "ANALYSIS_DESIGN" &&
      /runs 16 \(failed\) are not ok/.test(e.message),
  );
  const fewer = real.table.slice(3);
  assert.throws(
    () => sobolAnalyze(design, fewer, { column: "Sat.Earth.SMA" }),
    (e) => e instanceof AnalysisError && /missing: 0\)/.test(e.message),
  );
  assert.throws(
    () => sobolAnalyze(design, [1, 2, 3]),
    (e) => e instanceof AnalysisError && /3 outputs for a design of 16 runs/.test(e.message),
  );
  assert.throws(
    () => sobolAnalyze(design, Array(16).fill(7000)),
    (e) => e instanceof AnalysisError && /same \(7000\) in every run/.test(e.message),
  );
  assert.throws(
    () => sobolAnalyze(design, floats(real.table, "Sat.Earth.SMA").slice(0, 16), { bootstrap: 1 }),
    (e) => e instanceof AnalysisError && e.code === "ANALYSIS_OPTION",
  );
});
