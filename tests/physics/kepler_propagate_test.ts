/**
 * Analytic two-body propagation: conservation laws, Kepler's equation through the element
 * conversions, and time reversal, for ellipses and hyperbolas.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  cartesianToKeplerian,
  EARTH_MU,
  keplerianToCartesian,
  keplerPropagate,
  trueToMean,
  type Vec6,
} from "../../src/physics/mod.ts";
import { assertAngleClose, assertClose, relativeVectorDifference } from "./_assert.ts";

const MU = EARTH_MU;

function invariants(s: Vec6) {
  const r = Math.hypot(s[0], s[1], s[2]);
  const v2 = s[3] ** 2 + s[4] ** 2 + s[5] ** 2;
  const h = [s[1] * s[5] - s[2] * s[4], s[2] * s[3] - s[0] * s[5], s[0] * s[4] - s[1] * s[3]];
  return { energy: v2 / 2 - MU / r, h };
}

const CASES = [
  { sma: 7000, ecc: 0.001, inc: 28.5, raan: 0, aop: 0, ta: 0 },
  { sma: 26560, ecc: 0.7, inc: 63.4, raan: 40, aop: 270, ta: 100 },
  { sma: 42164, ecc: 0, inc: 0, raan: 0, aop: 0, ta: 10 },
  { sma: -20000, ecc: 1.8, inc: 120, raan: 300, aop: 45, ta: -60 },
  { sma: -8000, ecc: 3.5, inc: 10, raan: 10, aop: 10, ta: 30 },
];

for (const k of CASES) {
  Deno.test(`keplerPropagate() conserves energy and angular momentum (SMA ${k.sma}, ECC ${k.ecc})`, () => {
    const s0 = keplerianToCartesian(k, MU);
    const i0 = invariants(s0);
    for (const dt of [1, 600, 86400, 3e6]) {
      const i1 = invariants(keplerPropagate(s0, MU, dt));
      assertClose(i1.energy, i0.energy, { rtol: 1e-12 }, `energy after ${dt} s`);
      for (let c = 0; c < 3; c++) {
        assertClose(i1.h[c], i0.h[c], { rtol: 1e-12, atol: 1e-12 * Math.hypot(...i0.h) }, `h${c}`);
      }
    }
  });

  Deno.test(`keplerPropagate() advances the mean anomaly by n dt (SMA ${k.sma}, ECC ${k.ecc})`, () => {
    const s0 = keplerianToCartesian(k, MU);
    const n = Math.sqrt(MU / Math.abs(k.sma) ** 3) * 180 / Math.PI; // deg/s
    for (const dt of [123.4, 5000, 250000]) {
      const s1 = keplerPropagate(s0, MU, dt);
      const k1 = cartesianToKeplerian(s1, MU);
      if (k.ecc === 0) {
        assertAngleClose(k1.ta, k.ta + n * dt, 1e-8, `true longitude after ${dt} s`);
        continue;
      }
      const m0 = trueToMean(k.ta, k.ecc);
      const m1 = trueToMean(k1.ta, k1.ecc);
      if (k.ecc < 1) assertAngleClose(m1, m0 + n * dt, 1e-8, `M after ${dt} s`);
      else assertClose(m1, m0 + n * dt, { rtol: 1e-10, atol: 1e-8 }, `hyperbolic M after ${dt} s`);
      assertAngleClose(k1.aop, k.aop, 1e-7, "AOP unchanged");
    }
  });

  Deno.test(`keplerPropagate() forward then backward returns the start (SMA ${k.sma}, ECC ${k.ecc})`, () => {
    const s0 = keplerianToCartesian(k, MU);
    const back = keplerPropagate(keplerPropagate(s0, MU, 54321), MU, -54321);
    assert.ok(relativeVectorDifference(back, s0, 0) < 1e-11, "position");
    assert.ok(relativeVectorDifference(back, s0, 3) < 1e-11, "velocity");
    assert.deepEqual(Array.from(keplerPropagate(s0, MU, 0)), Array.from(s0));
  });
}
