/**
 * Anomaly conversions: Kepler's equation for ellipses and hyperbolas, GMAT's ranges and tolerance.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  meanToTrue,
  StateError,
  trueToEccentric,
  trueToHyperbolic,
  trueToMean,
} from "../../src/physics/mod.ts";
import { assertAngleClose, assertClose } from "./_assert.ts";

const RAD = Math.PI / 180;

Deno.test("trueToMean() satisfies Kepler's equation M = E - e sin E for ellipses", () => {
  for (const e of [0, 0.001, 0.1, 0.5, 0.9, 0.99]) {
    for (let ta = 0; ta < 360; ta += 7.5) {
      const ea = trueToEccentric(ta, e) * RAD;
      // E from the half-angle relation, independently of the implementation's atan2 form.
      const eaRef = 2 * Math.atan(Math.sqrt((1 - e) / (1 + e)) * Math.tan(ta * RAD / 2));
      assertAngleClose(ea / RAD, eaRef / RAD, 1e-9, `E at e=${e} ta=${ta}`);
      const m = trueToMean(ta, e);
      assert.ok(m >= 0 && m < 360, `M=${m} in [0, 360)`);
      assertAngleClose(m, (ea - e * Math.sin(ea)) / RAD, 1e-9, `M at e=${e} ta=${ta}`);
    }
  }
});

Deno.test("meanToTrue() inverts trueToMean() for ellipses and hyperbolas", () => {
  for (const e of [0, 0.001, 0.1, 0.5, 0.9, 0.99]) {
    for (let ta = 0; ta < 360; ta += 5) {
      assertAngleClose(meanToTrue(trueToMean(ta, e), e), ta, 1e-9, `e=${e} ta=${ta}`);
    }
  }
  for (const e of [1.05, 1.5, 2, 5, 20]) {
    const limit = Math.acos(-1 / e) / RAD;
    for (let ta = -limit + 1; ta < limit - 1; ta += 3) {
      const m = trueToMean(ta, e);
      const h = trueToHyperbolic(ta, e) * RAD;
      assertClose(m * RAD, e * Math.sinh(h) - h, { rtol: 1e-12, atol: 1e-12 }, `M=e sinh H - H`);
      assertAngleClose(meanToTrue(m, e), ta, 1e-9, `hyperbola e=${e} ta=${ta}`);
    }
  }
});

Deno.test("meanToTrue() accepts any mean anomaly and returns [0, 360)", () => {
  assertAngleClose(meanToTrue(370, 0.3), meanToTrue(10, 0.3), 1e-9, "370 vs 10");
  assertAngleClose(meanToTrue(-30, 0.3), meanToTrue(330, 0.3), 1e-9, "-30 vs 330");
  const big = meanToTrue(5000, 3); // far down a hyperbolic branch
  assert.ok(big >= 0 && big < 360);
  assertClose(trueToMean(big, 3), 5000, { rtol: 1e-12 }, "hyperbolic round trip");
  assert.equal(meanToTrue(0, 0), 0);
  assertAngleClose(meanToTrue(180, 0.7), 180, 1e-12, "apoapsis");
});

Deno.test("trueToEccentric() and trueToHyperbolic() are 0 outside their regime, as in GMAT", () => {
  assert.equal(trueToEccentric(40, 1.5), 0);
  assert.equal(trueToHyperbolic(40, 0.5), 0);
  assert.equal(trueToMean(40, 1 + 1e-13), 0);
});

Deno.test("meanToTrue() refuses a parabola with STATE_CONVERSION", () => {
  assert.throws(
    () => meanToTrue(10, 1),
    (e: unknown) => e instanceof StateError && e.code === "STATE_CONVERSION",
  );
});
