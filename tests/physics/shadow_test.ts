/**
 * GMAT's shadow function (`src/physics/forces/shadow.ts`) against independent geometry: full sun,
 * umbra, penumbra and antumbra fractions checked against a grid count of the visible solar disk,
 * the multi-body rules (default Earth only, Moon as an extra body, two disjoint partial shadows
 * add, overlapping ones take the minimum) and the occulting-body list GMAT builds.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  EARTH_SHADOW_RADIUS,
  MOON_RADIUS,
  percentSunFromBody,
  ShadowModel,
  SUN_RADIUS,
} from "../../src/physics/forces/shadow.ts";
import { ForceModelError } from "../../src/physics/forces/force_model_error.ts";
import { assertClose } from "./_assert.ts";
import { addScaled, apparent, norm, sub, type V3, visibleFractionByGrid } from "./_disk_truth.ts";

const AU = 149597870.7;
const ORIGIN: V3 = [0, 0, 0];
/** A Sun direction off the axes, and the Sun 1 AU away along it. */
const S_HAT: V3 = (() => {
  const v: V3 = [0.8, -0.5, 0.33];
  const n = norm(v);
  return [v[0] / n, v[1] / n, v[2] / n];
})();
const SUN: V3 = [AU * S_HAT[0], AU * S_HAT[1], AU * S_HAT[2]];
/** A unit vector perpendicular to S_HAT. */
const P_HAT: V3 = (() => {
  const t: V3 = [S_HAT[1], -S_HAT[0], 0];
  const n = norm(t);
  return [t[0] / n, t[1] / n, 0];
})();

/** GMAT's single-body function with the spacecraft, Sun and body positions (any origin). */
function gmatSingle(sat: V3, sun: V3, body: V3, bodyRadius: number): number {
  return percentSunFromBody(sub(sat, body), sub(sun, body), sub(sat, sun), SUN_RADIUS, bodyRadius);
}

/** Independent truth: grid count of the solar disk behind one flat occulting disk. */
function gridSingle(sat: V3, sun: V3, body: V3, bodyRadius: number): number {
  const { a, b, c } = apparent(sat, sun, body, SUN_RADIUS, bodyRadius);
  return visibleFractionByGrid(a, [{ r: b, x: c, y: 0 }]);
}

/** Spacecraft at `radius` from Earth, `theta` radians away from the anti-Sun direction. */
function nightSide(radius: number, theta: number): V3 {
  const u = addScaled(addScaled(ORIGIN, -Math.cos(theta), S_HAT), Math.sin(theta), P_HAT);
  return [radius * u[0], radius * u[1], radius * u[2]];
}

/** Bisection for the theta at which c - b = k a (the penumbra is -1 < k < 1). */
function thetaFor(radius: number, k: number): number {
  const g = (theta: number) => {
    const { a, b, c } = apparent(nightSide(radius, theta), SUN, ORIGIN, SUN_RADIUS, 6378.1363);
    return c - b - k * a;
  };
  let lo = 0, hi = Math.PI / 2;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (g(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

Deno.test("GMAT's radii: Sun 695990 km, Earth 6378.1363 km, Luna 1738.2 km", () => {
  assert.equal(SUN_RADIUS, 695990);
  assert.equal(EARTH_SHADOW_RADIUS, 6378.1363);
  assert.equal(MOON_RADIUS, 1738.2);
});

Deno.test("full sun: day side, and night side outside the shadow cone", () => {
  const day: V3 = addScaled(ORIGIN, 7000, S_HAT);
  assert.equal(gmatSingle(day, SUN, ORIGIN, EARTH_SHADOW_RADIUS), 1);
  const dawn = nightSide(7000, 1.3); // 74 degrees off the anti-Sun line, beyond the limb
  const { a, b, c } = apparent(dawn, SUN, ORIGIN, SUN_RADIUS, EARTH_SHADOW_RADIUS);
  assert.ok(c > a + b, "geometry is outside the penumbra");
  assert.equal(gmatSingle(dawn, SUN, ORIGIN, EARTH_SHADOW_RADIUS), 1);
});

Deno.test("umbra: Sun directly behind Earth, and off the axis inside the umbral cone", () => {
  const behind: V3 = addScaled(ORIGIN, -7000, S_HAT);
  assert.equal(gmatSingle(behind, SUN, ORIGIN, EARTH_SHADOW_RADIUS), 0);
  const off = nightSide(7000, 0.5);
  const { a, b, c } = apparent(off, SUN, ORIGIN, SUN_RADIUS, EARTH_SHADOW_RADIUS);
  assert.ok(c < b - a, "geometry is inside the umbra");
  assert.equal(gmatSingle(off, SUN, ORIGIN, EARTH_SHADOW_RADIUS), 0);
  // Inside the body counts as dark.
  assert.equal(gmatSingle(addScaled(ORIGIN, -6000, S_HAT), SUN, ORIGIN, EARTH_SHADOW_RADIUS), 0);
});

Deno.test("penumbra at LEO and GEO matches a grid count of the visible solar disk to 1e-4", () => {
  for (const radius of [7000, 42164]) {
    for (const k of [-0.9, -0.5, 0, 0.5, 0.9]) {
      const sat = nightSide(radius, thetaFor(radius, k));
      const got = gmatSingle(sat, SUN, ORIGIN, EARTH_SHADOW_RADIUS);
      const truth = gridSingle(sat, SUN, ORIGIN, EARTH_SHADOW_RADIUS);
      assert.ok(got > 0 && got < 1, `partial at r=${radius}, k=${k}: ${got}`);
      assertClose(got, truth, { atol: 1e-4 }, `penumbra r=${radius} k=${k}`);
    }
  }
});

Deno.test("antumbra behind the Moon: 1 - b^2/a^2, matching the grid count", () => {
  const moon: V3 = [250000, 250000, 80000];
  // 450000 km beyond the Moon on the anti-Sun side, 100 km off the axis: Moon smaller than Sun.
  const sun = addScaled(moon, AU, S_HAT);
  const sat = addScaled(addScaled(moon, -450000, S_HAT), 100, P_HAT);
  const { a, b, c } = apparent(sat, sun, moon, SUN_RADIUS, MOON_RADIUS);
  assert.ok(b < a && c < a - b, "geometry is in the antumbra");
  const got = gmatSingle(sat, sun, moon, MOON_RADIUS);
  assertClose(got, 1 - (b * b) / (a * a), { atol: 1e-12 }, "antumbra closed form");
  assertClose(got, gridSingle(sat, sun, moon, MOON_RADIUS), { atol: 1e-4 }, "antumbra grid");
});

Deno.test("ShadowModel: Earth only by default; the Moon shadows only when listed", () => {
  const moon: V3 = [300000, -100000, 50000];
  const moonPos = Float64Array.from(moon);
  const luna = { name: "Luna", radius: MOON_RADIUS, position: () => moonPos };
  // Near the Moon's shadow edge, 40000 km behind it: partial Moon shadow, Earth far away.
  const { a } = apparent(addScaled(moon, -40000, S_HAT), SUN, moon, SUN_RADIUS, MOON_RADIUS);
  let sat: V3 = ORIGIN;
  let lo = 0, hi = 5000;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    sat = addScaled(addScaled(moon, -40000, S_HAT), mid, P_HAT);
    const g = apparent(sat, SUN, moon, SUN_RADIUS, MOON_RADIUS);
    if (g.c - g.b < 0.3 * a) lo = mid;
    else hi = mid;
  }
  const satArr = Float64Array.from(sat);
  const sunArr = Float64Array.from(SUN);
  const earthOnly = new ShadowModel();
  assert.deepEqual(earthOnly.bodyNames, ["Earth"]);
  assert.equal(earthOnly.percentSun(30000, satArr, 0, sunArr), 1);
  const withMoon = new ShadowModel({ extraBodies: [luna] });
  assert.deepEqual(withMoon.bodyNames, ["Luna", "Earth"]);
  const got = withMoon.percentSun(30000, satArr, 0, sunArr);
  assertClose(got, gridSingle(sat, SUN, moon, MOON_RADIUS), { atol: 1e-4 }, "Moon penumbra");
});

/**
 * Spacecraft 7000 km from Earth with Earth's limb over one side of the Sun and the Moon's over
 * the other (`sameSide` puts both on one side, where their disks overlap each other).
 */
function twoOccluders(sameSide: boolean) {
  const dE = 7000, dM = 380000, dS = AU;
  const a = Math.asin(SUN_RADIUS / dS);
  const bE = Math.asin(EARTH_SHADOW_RADIUS / dE);
  const bM = Math.asin(MOON_RADIUS / dM);
  const cE = bE + 0.5 * a;
  const cM = bM + 0.3 * a;
  const sign = sameSide ? -1 : 1;
  const dir = (c: number, s: number): V3 =>
    addScaled(addScaled(ORIGIN, Math.cos(c), S_HAT), s * Math.sin(c), P_HAT);
  const earthDir = dir(cE, -1);
  const moonDir = dir(cM, sign);
  const sat = addScaled(ORIGIN, -dE, earthDir); // relative to Earth
  const moon = addScaled(sat, dM, moonDir);
  const sun = addScaled(sat, dS, S_HAT);
  const disks = [{ r: bE, x: 0, y: -cE }, { r: bM, x: 0, y: sign * cM }];
  return { sat, moon, sun, a, disks };
}

Deno.test("two partial shadows with disjoint disks add: p_earth + p_moon - 1 (grid count)", () => {
  const { sat, moon, sun, a, disks } = twoOccluders(false);
  const moonPos = Float64Array.from(moon);
  const model = new ShadowModel({
    extraBodies: [{ name: "Luna", radius: MOON_RADIUS, position: () => moonPos }],
  });
  const got = model.percentSun(30000, Float64Array.from(sat), 0, Float64Array.from(sun));
  const pE = gmatSingle(sat, sun, ORIGIN, EARTH_SHADOW_RADIUS);
  const pM = gmatSingle(sat, sun, moon, MOON_RADIUS);
  assert.ok(pE > 0 && pE < 1 && pM > 0 && pM < 1, "both partial");
  assertClose(got, pE + pM - 1, { atol: 1e-15 }, "sum rule");
  assertClose(got, visibleFractionByGrid(a, disks), { atol: 1e-4 }, "grid count");
});

Deno.test("two partial shadows whose disks overlap: GMAT takes the smaller fraction", () => {
  const { sat, moon, sun } = twoOccluders(true);
  const moonPos = Float64Array.from(moon);
  const model = new ShadowModel({
    extraBodies: [{ name: "Luna", radius: MOON_RADIUS, position: () => moonPos }],
  });
  const got = model.percentSun(30000, Float64Array.from(sat), 0, Float64Array.from(sun));
  const pE = gmatSingle(sat, sun, ORIGIN, EARTH_SHADOW_RADIUS);
  const pM = gmatSingle(sat, sun, moon, MOON_RADIUS);
  assert.ok(pE > 0 && pE < 1 && pM > 0 && pM < 1, "both partial");
  assert.equal(got, Math.min(pE, pM));
});

Deno.test("ShadowModel builds GMAT's body list and rejects bad radii", () => {
  const p = () => new Float64Array(3);
  const model = new ShadowModel({
    extraBodies: [
      { name: "Sun", radius: SUN_RADIUS, position: p },
      { name: "Luna", radius: MOON_RADIUS, position: p },
      { name: "Luna", radius: MOON_RADIUS, position: p },
      { name: "Earth", radius: 1, position: p },
    ],
  });
  assert.deepEqual(model.bodyNames, ["Luna", "Earth"]);
  assert.throws(
    () => new ShadowModel({ extraBodies: [{ name: "Luna", radius: 0, position: p }] }),
    (e: unknown) => e instanceof ForceModelError && e.code === "FORCE_MODEL_SETTING",
  );
  assert.throws(() => new ShadowModel({ sunRadius: Number.NaN }), ForceModelError);
});
