/**
 * Scalar orbit parameters: GMAT's published default-spacecraft values and textbook identities
 * (vis-viva, angular momentum, Kepler's third law), plus GMAT's hyperbolic and degenerate rules.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  apoapsisIndicator,
  cartesianToKeplerian,
  EARTH_MU,
  keplerianToCartesian,
  ORBIT_PARAMETER_NAMES,
  orbitParameter,
  orbitParameters,
  periapsisIndicator,
  StateError,
} from "../../src/physics/mod.ts";
import { assertAngleClose, assertClose } from "./_assert.ts";

const DEFAULT_CART = new Float64Array([7100, 0, 1300, 0, 7.35, 1]);

Deno.test("orbitParameter() gives GMAT's default spacecraft elements to 1e-9", () => {
  const expected = {
    SMA: 7191.938817629013,
    ECC: 0.02454974900598137,
    INC: 12.85008005658097,
    RAAN: 306.6148021947984,
    AOP: 314.1905515359921,
    TA: 99.88774933204776,
  };
  for (const [name, value] of Object.entries(expected)) {
    assertClose(orbitParameter(name as keyof typeof expected, DEFAULT_CART, EARTH_MU), value, {
      rtol: 1e-9,
    }, name);
  }
});

Deno.test("orbitParameters() agrees with vis-viva, angular momentum and Kepler's third law", () => {
  const mu = EARTH_MU;
  const p = orbitParameters(DEFAULT_CART, mu);
  assert.deepEqual(Object.keys(p).sort(), [...ORBIT_PARAMETER_NAMES].sort());
  const [x, y, z, vx, vy, vz] = DEFAULT_CART;
  const r = Math.hypot(x, y, z);
  const v = Math.hypot(vx, vy, vz);
  const h = [y * vz - z * vy, z * vx - x * vz, x * vy - y * vx];
  assertClose(p.RMAG, r, { rtol: 1e-15 }, "RMAG");
  assertClose(p.VMAG, v, { rtol: 1e-15 }, "VMAG");
  assertClose(p.Energy, v * v / 2 - mu / r, { rtol: 1e-12 }, "Energy");
  assertClose(p.C3Energy, v * v - 2 * mu / r, { rtol: 1e-12 }, "C3Energy");
  assertClose(p.HMAG, Math.hypot(h[0], h[1], h[2]), { rtol: 1e-15 }, "HMAG");
  assert.deepEqual([p.HX, p.HY, p.HZ], h);
  assertClose(p.SemilatusRectum, p.SMA * (1 - p.ECC ** 2), { rtol: 1e-12 }, "p");
  assertClose(p.RadPer, p.SMA * (1 - p.ECC), { rtol: 1e-15 }, "RadPer");
  assertClose(p.RadApo, p.SMA * (1 + p.ECC), { rtol: 1e-15 }, "RadApo");
  assertClose(p.OrbitPeriod, 2 * Math.PI / p.MeanMotion, { rtol: 1e-14 }, "period");
  assertClose(p.MeanMotion ** 2 * p.SMA ** 3, mu, { rtol: 1e-13 }, "n^2 a^3 = mu");
  assertClose(p.VelPeriapsis * p.RadPer, p.HMAG, { rtol: 1e-12 }, "h = r_p v_p");
  assertClose(p.VelApoapsis * p.RadApo, p.HMAG, { rtol: 1e-12 }, "h = r_a v_a");
  const ea = p.EA * Math.PI / 180;
  assertAngleClose(p.MA, (ea - p.ECC * Math.sin(ea)) * 180 / Math.PI, 1e-9, "M = E - e sin E");
  assert.equal(p.HA, 0);
});

Deno.test("orbitParameter() follows GMAT for hyperbolas: SMA < 0, RadApo < 0, period 0, EA 0", () => {
  const s = keplerianToCartesian(
    { sma: -30000, ecc: 1.4, inc: 30, raan: 20, aop: 10, ta: 50 },
    EARTH_MU,
  );
  const p = orbitParameters(s, EARTH_MU);
  assertClose(p.SMA, -30000, { rtol: 1e-12 }, "SMA");
  assertClose(p.RadApo, -30000 * 2.4, { rtol: 1e-12 }, "RadApo");
  assertClose(p.RadPer, -30000 * -0.4, { rtol: 1e-12 }, "RadPer");
  assert.equal(p.OrbitPeriod, 0);
  assert.equal(p.EA, 0);
  const ha = p.HA * Math.PI / 180;
  assertClose(p.MA * Math.PI / 180, 1.4 * Math.sinh(ha) - ha, { rtol: 1e-12 }, "M = e sinh H - H");
  assertClose(p.C3Energy, EARTH_MU / 30000, { rtol: 1e-12 }, "C3 > 0");
});

Deno.test("orbitParameter() does not negate AOP/TA for retrograde-equatorial orbits (single-parameter rule)", () => {
  const s = keplerianToCartesian(
    { sma: 9000, ecc: 0.1, inc: 180, raan: 0, aop: 50, ta: 30 },
    EARTH_MU,
  );
  // At INC = 180 the periapsis direction lies at -AOP from x: the single-parameter AOP is the
  // longitude of periapsis (310 deg) and the full-state conversion negates it back to 50 deg.
  assertAngleClose(orbitParameter("AOP", s, EARTH_MU), 310, 1e-9, "single-parameter AOP");
  assertAngleClose(cartesianToKeplerian(s, EARTH_MU).aop, 50, 1e-9, "full-state AOP");
  assertAngleClose(orbitParameter("TA", s, EARTH_MU), 30, 1e-9, "TA");
});

Deno.test("orbitParameter() refuses SMA-derived parameters of a near-parabola", () => {
  const v = Math.sqrt(2 * EARTH_MU / 7000) * (1 + 1e-9);
  const s = new Float64Array([7000, 0, 0, 0, v, 0]);
  for (const name of ["SMA", "RadApo", "OrbitPeriod", "Energy"] as const) {
    assert.throws(
      () => orbitParameter(name, s, EARTH_MU),
      (e: unknown) => e instanceof StateError && /nearly parabolic/.test(e.message),
      name,
    );
  }
  assertClose(orbitParameter("ECC", s, EARTH_MU), 1, { atol: 1e-8 }, "ECC is still defined");
});

Deno.test("periapsisIndicator() and apoapsisIndicator() are unit(r).unit(v) with GMAT's 1e-40 rule", () => {
  const at = (ta: number) =>
    keplerianToCartesian({ sma: 8000, ecc: 0.1, inc: 20, raan: 0, aop: 0, ta }, EARTH_MU);
  assert.ok(periapsisIndicator(at(359)) < 0 && periapsisIndicator(at(1)) > 0);
  assert.ok(apoapsisIndicator(at(179)) > 0 && apoapsisIndicator(at(181)) < 0);
  const s = at(40);
  const r = Math.hypot(s[0], s[1], s[2]);
  const v = Math.hypot(s[3], s[4], s[5]);
  const c = (s[0] * s[3] + s[1] * s[4] + s[2] * s[5]) / (r * v);
  assertClose(periapsisIndicator(s), c, { rtol: 1e-15 }, "cosine");
  const exact = new Float64Array([7000, 0, 0, 0, 7.6, 0]);
  assert.equal(periapsisIndicator(exact), 1e-40);
  assert.equal(apoapsisIndicator(exact), -1e-40);
});
