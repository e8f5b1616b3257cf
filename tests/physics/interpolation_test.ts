/**
 * Interpolation for stops (not-a-knot spline, inverse interpolation) and ephemeris output
 * (Lagrange with GMAT's centred node window).
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  EARTH_MU,
  keplerianToCartesian,
  keplerPropagate,
  lagrangeInterpolate,
  notAKnotSpline,
} from "../../src/physics/mod.ts";
import { assertClose, positionDistance } from "./_assert.ts";

Deno.test("notAKnotSpline() reproduces a cubic exactly from five points, in any order", () => {
  const cubic = (x: number) => 2 - 3 * x + 0.5 * x * x - 0.25 * x ** 3;
  const xs = [4, -1, 2.5, 0, 7];
  const f = notAKnotSpline(xs, xs.map(cubic));
  for (const x of [-1, -0.3, 0.7, 2, 3.3, 5.5, 7, 8]) {
    assertClose(f(x), cubic(x), { rtol: 1e-12, atol: 1e-12 }, `x=${x}`);
  }
});

Deno.test("notAKnotSpline() inverts a periapsis crossing like GMAT's stop location", () => {
  // Time as a function of unit(r).unit(v) near periapsis, from five equally spaced samples.
  const mu = EARTH_MU;
  const s0 = keplerianToCartesian({ sma: 8000, ecc: 0.1, inc: 30, raan: 0, aop: 0, ta: 350 }, mu);
  const cosine = (t: number) => {
    const s = keplerPropagate(s0, mu, t);
    return (s[0] * s[3] + s[1] * s[4] + s[2] * s[5]) /
      (Math.hypot(s[0], s[1], s[2]) * Math.hypot(s[3], s[4], s[5]));
  };
  const times = [0, 50, 100, 150, 200];
  const tOf = notAKnotSpline(times.map(cosine), times);
  const tp = tOf(0);
  assert.ok(Math.abs(cosine(tp)) < 1e-6, `cosine at the located time ${cosine(tp)}`);
});

Deno.test("notAKnotSpline() refuses too few or repeated points", () => {
  assert.throws(() => notAKnotSpline([0, 1, 2], [0, 1, 2]), /at least 4 points/);
  assert.throws(() => notAKnotSpline([0, 1, 1, 2, 3], [0, 1, 2, 3, 4]), /distinct/);
  assert.throws(() => notAKnotSpline([0, 1, 2, 3], [0, 1, 2]), /as many x as y/);
});

Deno.test("lagrangeInterpolate() is exact for polynomials up to its order", () => {
  const poly = (x: number) => 1 + x - 0.3 * x ** 4 + 0.01 * x ** 7;
  const ts = Array.from({ length: 20 }, (_, i) => i * 0.5);
  const ys = ts.map((t) => new Float64Array([poly(t), 2 * poly(t)]));
  for (const t of [0, 0.2, 3.3, 7.75, 9.5]) {
    const y = lagrangeInterpolate(ts, ys, t, 7);
    assertClose(y[0], poly(t), { rtol: 1e-10, atol: 1e-10 }, `t=${t}`);
    assertClose(y[1], 2 * poly(t), { rtol: 1e-10, atol: 1e-10 }, `t=${t}`);
  }
});

Deno.test("lagrangeInterpolate() centres its window on t and shifts it inwards at the ends", () => {
  // A spike at index 15 only shows when index 15 is among the order + 1 = 4 nodes.
  const ts = Array.from({ length: 21 }, (_, i) => i);
  const ys = ts.map((t) => new Float64Array([t === 15 ? 1 : 0]));
  assert.equal(lagrangeInterpolate(ts, ys, 10.5, 3)[0], 0); // nodes 9..12
  assert.notEqual(lagrangeInterpolate(ts, ys, 13.5, 3)[0], 0); // nodes 12..15
  assert.equal(lagrangeInterpolate(ts, ys, 17.5, 3)[0], 0); // nodes 16..19
  assert.equal(lagrangeInterpolate(ts, ys, 15, 3)[0], 1); // a node itself
  assert.equal(lagrangeInterpolate(ts, ys, 0.5, 7)[0], 0); // nodes 0..7 at the start
  assert.notEqual(lagrangeInterpolate(ts, ys, 19.5, 7)[0], 0); // nodes 13..20 at the end
});

Deno.test("lagrangeInterpolate() of order 7 on a 60 s LEO ephemeris is good to 1e-6 km", () => {
  const mu = EARTH_MU;
  const s0 = keplerianToCartesian(
    { sma: 7000, ecc: 0.001, inc: 28.5, raan: 75, aop: 90, ta: 0 },
    mu,
  );
  const ts = Array.from({ length: 61 }, (_, i) => i * 60);
  const ys = ts.map((t) => keplerPropagate(s0, mu, t));
  for (const t of [30, 1234.5, 1799.9, 3570]) {
    const err = positionDistance(lagrangeInterpolate(ts, ys, t), keplerPropagate(s0, mu, t));
    assert.ok(err < 1e-6, `t=${t}: ${err} km`);
  }
});

Deno.test("lagrangeInterpolate() uses all points when there are fewer than order + 1", () => {
  const ts = [0, 1, 3];
  const ys = ts.map((t) => [t * t]);
  assertClose(lagrangeInterpolate(ts, ys, 2)[0], 4, { rtol: 1e-14 }, "quadratic through 3 points");
  assert.throws(() => lagrangeInterpolate([0, 0, 1], [[0], [0], [1]], 0.5), /increase strictly/);
  assert.throws(() => lagrangeInterpolate([], [], 0), /non-empty/);
});
