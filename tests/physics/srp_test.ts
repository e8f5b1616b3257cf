/**
 * GMAT's spherical SRP (`src/physics/forces/srp.ts`) against independent physics: magnitude
 * P = Flux / c * Cr * A / m at the nominal distance, inverse-square scaling, direction away from
 * the Sun, the shadow factor (umbra gives nothing, penumbra scales by the grid-counted visible
 * disk), per-spacecraft Cr/A/m, shadows off, the Moon only when listed, and GMAT's setting bounds.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  DEFAULT_NOMINAL_SUN,
  DEFAULT_SOLAR_FLUX,
  SphericalSrp,
  type SrpSpacecraft,
} from "../../src/physics/forces/srp.ts";
import { MOON_RADIUS, SUN_RADIUS } from "../../src/physics/forces/shadow.ts";
import { ForceModelError } from "../../src/physics/forces/force_model_error.ts";
import { assertClose } from "./_assert.ts";
import {
  addScaled,
  apparent,
  cross,
  dot,
  norm,
  sub,
  type V3,
  visibleFractionByGrid,
} from "./_disk_truth.ts";

/** Independent constants: 1 AU as GMAT's SRP nominal distance, c in m/s. */
const NOMINAL_KM = 149597870.691;
const C_M_S = 299792458;
const SC: SrpSpacecraft = { cr: 1.8, areaM2: 10, massKg: 500 };
/** Expected acceleration at the nominal distance in full sun, km/s^2. */
const P_NOMINAL = ((1367 / C_M_S) * SC.cr * SC.areaM2) / SC.massKg / 1000;

const S_HAT: V3 = (() => {
  const v: V3 = [0.3, 0.9, -0.2];
  const n = norm(v);
  return [v[0] / n, v[1] / n, v[2] / n];
})();

/** SRP with a fixed Sun position (relative to Earth). */
function srpWithSun(sun: V3, extra: Partial<ConstructorParameters<typeof SphericalSrp>[0]> = {}) {
  const sunArr = Float64Array.from(sun);
  return new SphericalSrp({ sun: () => sunArr, spacecraft: [SC], ...extra });
}

function accel(srp: SphericalSrp, sat: V3): { a: V3; nu: number } {
  const out = new Float64Array(3);
  const nu = srp.acceleration(31041.5, Float64Array.from(sat), 0, 0, out, 0);
  return { a: [out[0], out[1], out[2]], nu };
}

Deno.test("defaults are GMAT's: flux 1367 W/m^2, nominal Sun 149597870.691 km, shadows on", () => {
  assert.equal(DEFAULT_SOLAR_FLUX, 1367);
  assert.equal(DEFAULT_NOMINAL_SUN, NOMINAL_KM);
  const srp = srpWithSun([NOMINAL_KM, 0, 0]);
  assert.equal(srp.shadows, true);
  assertClose(srp.fluxPressure, 1367 / C_M_S, { rtol: 1e-15 }, "Flux_Pressure");
  assert.deepEqual(srp.shadowModel.bodyNames, ["Earth"]);
});

Deno.test("magnitude at 1 AU is Flux/c * Cr * A / m, pointing away from the Sun", () => {
  const sat: V3 = [7000 * S_HAT[0], 7000 * S_HAT[1], 7000 * S_HAT[2]]; // day side
  const sun = addScaled(sat, NOMINAL_KM, S_HAT);
  const { a, nu } = accel(srpWithSun(sun), sat);
  assert.equal(nu, 1);
  assertClose(norm(a), P_NOMINAL, { rtol: 1e-13 }, "|a| at 1 AU");
  const away = sub(sat, sun);
  assertClose(dot(a, away) / (norm(a) * norm(away)), 1, { atol: 1e-15 }, "cos(angle)");
  assert.ok(norm(cross(a, away)) / (norm(a) * norm(away)) < 1e-14, "parallel to Sun->sat");
});

Deno.test("inverse-square scaling with the Sun distance", () => {
  const sat: V3 = [0, 0, 7000];
  const dir: V3 = [0.6, 0, 0.8]; // Sun above the spacecraft's side of Earth: lit
  for (const factor of [0.5, 0.983, 1, 1.017, 2, 5]) {
    const d = factor * NOMINAL_KM;
    const { a } = accel(srpWithSun(addScaled(sat, d, dir)), sat);
    assertClose(norm(a), P_NOMINAL / (factor * factor), { rtol: 1e-13 }, `|a| at ${factor} AU`);
  }
});

Deno.test("umbra gives no acceleration; shadows off gives the full one", () => {
  const sun = addScaled([0, 0, 0], NOMINAL_KM, S_HAT);
  const behind = addScaled([0, 0, 0], -7000, S_HAT);
  const dark = accel(srpWithSun(sun), behind);
  assert.equal(dark.nu, 0);
  assert.deepEqual(dark.a, [0, 0, 0]);
  const off = accel(srpWithSun(sun, { shadows: false }), behind);
  assert.equal(off.nu, 1);
  const expected = P_NOMINAL * (NOMINAL_KM / (NOMINAL_KM + 7000)) ** 2;
  assertClose(norm(off.a), expected, { rtol: 1e-13 }, "shadows off");
});

Deno.test("penumbra scales the acceleration by the visible fraction of the solar disk", () => {
  const sun = addScaled([0, 0, 0], NOMINAL_KM, S_HAT);
  const perp: V3 = (() => {
    const t = cross(S_HAT, [0, 0, 1]);
    const n = norm(t);
    return [t[0] / n, t[1] / n, t[2] / n];
  })();
  // Find the spacecraft 7000 km from Earth whose Earth limb crosses the Sun's centre.
  const at = (theta: number): V3 =>
    addScaled(addScaled([0, 0, 0], -7000 * Math.cos(theta), S_HAT), 7000 * Math.sin(theta), perp);
  let lo = 0, hi = Math.PI / 2;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    const g = apparent(at(mid), sun, [0, 0, 0], SUN_RADIUS, 6378.1363);
    if (g.c - g.b < 0.2 * g.a) lo = mid;
    else hi = mid;
  }
  const sat = at(lo);
  const g = apparent(sat, sun, [0, 0, 0], SUN_RADIUS, 6378.1363);
  const visible = visibleFractionByGrid(g.a, [{ r: g.b, x: g.c, y: 0 }]);
  const { a, nu } = accel(srpWithSun(sun), sat);
  assert.ok(nu > 0.3 && nu < 0.9, `partial: ${nu}`);
  const full = P_NOMINAL * (NOMINAL_KM / norm(sub(sat, sun))) ** 2;
  assertClose(norm(a) / full, visible, { atol: 1e-4 }, "shadow factor");
});

Deno.test("addDerivatives adds each spacecraft's own Cr * A / m into the velocity rates", () => {
  const sats: SrpSpacecraft[] = [SC, { cr: 1.2, areaM2: 2.5, massKg: 1200 }];
  const sat0: V3 = [7000, 0, 0];
  const sat1: V3 = [0, 42164, 0];
  const sunArr = Float64Array.from([NOMINAL_KM, NOMINAL_KM, 0]);
  const epochs: number[] = [];
  const srp = new SphericalSrp({
    sun: (e) => {
      epochs.push(e);
      return sunArr;
    },
    spacecraft: sats,
  });
  assert.equal(srp.count, 2);
  const y = Float64Array.from([...sat0, 0, 7.5, 0, ...sat1, -3.07, 0, 0]);
  const dydt = new Float64Array(12);
  srp.addDerivatives(31041.75, y, dydt);
  assert.deepEqual(epochs, [31041.75]);
  const sun: V3 = [sunArr[0], sunArr[1], sunArr[2]];
  [sat0, sat1].forEach((sat, i) => {
    assert.deepEqual([dydt[6 * i], dydt[6 * i + 1], dydt[6 * i + 2]], [0, 0, 0]);
    const d = sub(sat, sun);
    const sc = sats[i];
    const mag = ((1367 / C_M_S) * sc.cr * sc.areaM2 / sc.massKg / 1000) *
      (NOMINAL_KM / norm(d)) ** 2;
    for (let k = 0; k < 3; k++) {
      assertClose(dydt[6 * i + 3 + k], (mag * d[k]) / norm(d), {
        rtol: 1e-12,
      }, `sc ${i} axis ${k}`);
    }
  });
  // It adds to what is there.
  const again = Float64Array.from(dydt);
  srp.addDerivatives(31041.75, y, again);
  for (let k = 0; k < 12; k++) assert.equal(again[k], 2 * dydt[k]);
});

Deno.test("the Moon shadows the spacecraft only when listed in ExtraShadowBodies", () => {
  const moon: V3 = [200000, 300000, 0];
  const moonArr = Float64Array.from(moon);
  const sun = addScaled(moon, NOMINAL_KM, S_HAT);
  const sat = addScaled(moon, -20000, S_HAT); // in the Moon's umbra, far from Earth's shadow
  const plain = accel(srpWithSun(sun), sat);
  assert.equal(plain.nu, 1);
  assert.ok(norm(plain.a) > 0.9 * P_NOMINAL);
  const luna = { name: "Luna", radius: MOON_RADIUS, position: () => moonArr };
  const shaded = accel(srpWithSun(sun, { extraShadowBodies: [luna] }), sat);
  assert.equal(shaded.nu, 0);
  assert.deepEqual(shaded.a, [0, 0, 0]);
});

Deno.test("settings outside GMAT's bounds throw ForceModelError", () => {
  const sun = () => new Float64Array(3);
  const bad: Partial<ConstructorParameters<typeof SphericalSrp>[0]>[] = [
    { flux: 1200 },
    { flux: 1450 },
    { nominalSun: 135e6 },
    { nominalSun: 1.7e8 },
    { spacecraft: [] },
    { spacecraft: [{ cr: 1.8, areaM2: 10, massKg: 0 }] },
    { spacecraft: [{ cr: -0.1, areaM2: 10, massKg: 500 }] },
    { spacecraft: [{ cr: 1.8, areaM2: Number.NaN, massKg: 500 }] },
  ];
  for (const b of bad) {
    assert.throws(
      () => new SphericalSrp({ sun, spacecraft: [SC], ...b }),
      (e: unknown) => e instanceof ForceModelError && e.code === "FORCE_MODEL_SETTING",
      JSON.stringify(b),
    );
  }
  const ok = new SphericalSrp({ sun, spacecraft: [SC], flux: 1361, nominalSun: 1.5e8 });
  assertClose(ok.fluxPressure, 1361 / C_M_S, { rtol: 1e-15 }, "custom flux");
});
