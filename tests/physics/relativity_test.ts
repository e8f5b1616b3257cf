/**
 * GMAT's relativistic correction (`src/physics/forces/relativity.ts`) against independent
 * physics: each term against IERS Conventions 2010 eq. 10.12 written out here with beta and gamma
 * (PPN, both 1 in GR), GMAT's uniform-sphere angular momentum, the default pole against the
 * IAU-1976 precession angle, and the secular perigee advance of a Schwarzschild-only two-body
 * orbit integrated with RK89 over 100 orbits against 2 pi * 3 GM / (c^2 a (1 - e^2)) per orbit.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  deSitter,
  EARTH_ROTATION_RATE,
  lenseThirring,
  RelativisticCorrection,
  schwarzschild,
  SPEED_OF_LIGHT_KM_S,
  SUN_MU,
  truePoleOfDate,
} from "../../src/physics/forces/relativity.ts";
import { ForceModelError } from "../../src/physics/forces/force_model_error.ts";
import { AdaptiveIntegrator } from "../../src/physics/integrators/adaptive_integrator.ts";
import { assertClose } from "./_assert.ts";
import { addScaled, angleBetween, cross, dot, norm, type V3 } from "./_disk_truth.ts";

/** Independent constants (GMAT's values). */
const GM = 398600.4415;
const GM_SUN = 132712440017.99;
const C = 299792.458;
const R_EARTH = 6378.1363;
const OMEGA = 7.29211514670698e-5;
const BETA = 1;
const GAMMA = 1;

/** A LEO state (km, km/s) and a geocentric Sun state (km, km/s), arbitrary but realistic. */
const R: V3 = [5234.1, -3812.7, 2710.4];
const V: V3 = [4.12, 5.03, -3.31];
const SUN_STATE = [-2.63e7, 1.327e8, 5.753e7, -29.78, -5.02, -2.17] as const;

function scale(k: number, a: V3): V3 {
  return [k * a[0], k * a[1], k * a[2]];
}

/** IERS 2010 eq. 10.12, first term. */
function iersSchwarzschild(r: V3, v: V3): V3 {
  const rr = norm(r);
  const k = GM / (C * C * rr ** 3);
  const radial = 2 * (BETA + GAMMA) * GM / rr - GAMMA * dot(v, v);
  return addScaled(scale(k * radial, r), k * 2 * (1 + GAMMA) * dot(r, v), v);
}

/** IERS 2010 eq. 10.12, Lense-Thirring term (J per unit mass). */
function iersLenseThirring(r: V3, v: V3, j: V3): V3 {
  const rr = norm(r);
  const k = (1 + GAMMA) * GM / (C * C * rr ** 3);
  return scale(k, addScaled(scale((3 / rr ** 2) * dot(r, j), cross(r, v)), 1, cross(v, j)));
}

/** IERS 2010 eq. 10.12, de Sitter term (R, Rdot: Earth relative to the Sun). */
function iersDeSitter(v: V3, earthWrtSun: V3, earthVelWrtSun: V3): V3 {
  const d = norm(earthWrtSun);
  const field = scale(-GM_SUN / (C * C * d ** 3), earthWrtSun);
  return cross(scale(1 + 2 * GAMMA, cross(earthVelWrtSun, field)), v);
}

function asV3(a: Float64Array): V3 {
  return [a[0], a[1], a[2]];
}

function assertVecClose(got: V3, want: V3, rtol: number, label: string): void {
  const err = norm([got[0] - want[0], got[1] - want[1], got[2] - want[2]]);
  assert.ok(err <= rtol * norm(want), `${label}: got ${got}, want ${want} (|diff| ${err})`);
}

Deno.test("constants are GMAT's: c, Sun mu, Earth rotation rate", () => {
  assert.equal(SPEED_OF_LIGHT_KM_S, C);
  assert.equal(SUN_MU, GM_SUN);
  assert.equal(EARTH_ROTATION_RATE, OMEGA);
});

Deno.test("Schwarzschild term matches IERS 2010 eq. 10.12 (beta = gamma = 1)", () => {
  const out = new Float64Array(3);
  schwarzschild(GM, [...R, ...V], 0, out);
  const want = iersSchwarzschild(R, V);
  assertVecClose(asV3(out), want, 1e-14, "Schwarzschild");
  // Size check: about 1.6e-11 km/s^2 at LEO, mostly radial.
  assert.ok(norm(want) > 1e-11 && norm(want) < 3e-11);
});

Deno.test("Lense-Thirring term matches IERS 2010 with GMAT's J = (2/5) R^2 omega", () => {
  const pole: V3 = [0.0025, -0.0008, 0.99999655];
  const pn = norm(pole);
  const jMag = 0.4 * R_EARTH * R_EARTH * OMEGA;
  const j: V3 = [jMag * pole[0] / pn, jMag * pole[1] / pn, jMag * pole[2] / pn];
  const out = new Float64Array(3);
  lenseThirring(GM, j, [...R, ...V], 0, out);
  assertVecClose(asV3(out), iersLenseThirring(R, V, j), 1e-14, "Lense-Thirring");
});

Deno.test("de Sitter term matches IERS 2010 with Earth's state relative to the Sun", () => {
  const out = new Float64Array(3);
  deSitter(GM_SUN, SUN_STATE, [...R, ...V], 0, out);
  const earth: V3 = [-SUN_STATE[0], -SUN_STATE[1], -SUN_STATE[2]];
  const earthVel: V3 = [-SUN_STATE[3], -SUN_STATE[4], -SUN_STATE[5]];
  assertVecClose(asV3(out), iersDeSitter(V, earth, earthVel), 1e-14, "de Sitter");
});

Deno.test("RelativisticCorrection sums the three IERS terms with GMAT's constants", () => {
  const pole = new Float64Array([0.001, 0.002, Math.sqrt(1 - 5e-6)]);
  const sunArr = Float64Array.from(SUN_STATE);
  const epochs: number[] = [];
  const rc = new RelativisticCorrection({
    sun: (e) => {
      epochs.push(e);
      return sunArr;
    },
    pole: (_e, out) => out.set(pole),
  });
  assertClose(rc.angularMomentum, 0.4 * R_EARTH * R_EARTH * OMEGA, { rtol: 1e-15 }, "|J|");
  const j: V3 = [
    rc.angularMomentum * pole[0],
    rc.angularMomentum * pole[1],
    rc.angularMomentum * pole[2],
  ];
  const want = addScaled(
    addScaled(iersSchwarzschild(R, V), 1, iersLenseThirring(R, V, j)),
    1,
    iersDeSitter(V, [-SUN_STATE[0], -SUN_STATE[1], -SUN_STATE[2]], [
      -SUN_STATE[3],
      -SUN_STATE[4],
      -SUN_STATE[5],
    ]),
  );
  const out = new Float64Array(3);
  rc.acceleration(31041.5, [...R, ...V], 0, out, 0);
  assertVecClose(asV3(out), want, 1e-14, "total");
  const dydt = new Float64Array(12);
  rc.addDerivatives(31041.6, [...R, ...V, ...V, ...R], dydt, 2);
  assertVecClose([dydt[3], dydt[4], dydt[5]], want, 1e-14, "addDerivatives sc 0");
  assert.deepEqual([dydt[0], dydt[1], dydt[2], dydt[6], dydt[7], dydt[8]], [0, 0, 0, 0, 0, 0]);
  assert.ok(norm([dydt[9], dydt[10], dydt[11]]) > 0);
  assert.deepEqual(epochs, [31041.5, 31041.6]);
});

Deno.test("the default pole is the pole of date: precession angle theta_A from J2000", () => {
  const provider = truePoleOfDate();
  const out = new Float64Array(3);
  const epoch = 31041.5; // 2026-01-01
  provider(epoch, out);
  assertClose(norm([out[0], out[1], out[2]]), 1, { atol: 1e-15 }, "unit");
  // IAU 1976: theta_A = 2004.3109" T - 0.42665" T^2 (T Julian centuries from J2000); nutation in
  // obliquity and longitude move the pole by at most ~20" more.
  const t = (epoch - 21545) / 36525;
  const thetaA = (2004.3109 * t - 0.42665 * t * t) / 3600 * Math.PI / 180;
  const angle = angleBetween([out[0], out[1], out[2]], [0, 0, 1]);
  assert.ok(Math.abs(angle - thetaA) < 20 / 206265, `pole ${angle} vs theta_A ${thetaA}`);
});

Deno.test("a Sun provider without velocity and bad constants throw ForceModelError", () => {
  const rc = new RelativisticCorrection({ sun: () => new Float64Array(3) });
  assert.throws(
    () => rc.acceleration(31041.5, [...R, ...V], 0, new Float64Array(3), 0),
    (e: unknown) => e instanceof ForceModelError && e.code === "FORCE_MODEL_SETTING",
  );
  assert.throws(
    () => new RelativisticCorrection({ sun: () => new Float64Array(6), mu: 0 }),
    ForceModelError,
  );
});

/**
 * Integrates two-body (+ Schwarzschild) from perigee on the x axis of an equatorial orbit and
 * returns the angle of the perigee reached after `orbits` revolutions (r . v = 0, - to +).
 */
function perigeeAngleAfter(orbits: number, relativistic: boolean, a: number, e: number): number {
  const acc = new Float64Array(3);
  const f = (_t: number, y: Float64Array, dydt: Float64Array) => {
    const r2 = y[0] * y[0] + y[1] * y[1] + y[2] * y[2];
    const k = -GM / (r2 * Math.sqrt(r2));
    dydt[0] = y[3];
    dydt[1] = y[4];
    dydt[2] = y[5];
    dydt[3] = k * y[0];
    dydt[4] = k * y[1];
    dydt[5] = k * y[2];
    if (relativistic) {
      schwarzschild(GM, y, 0, acc);
      dydt[3] += acc[0];
      dydt[4] += acc[1];
      dydt[5] += acc[2];
    }
  };
  const rp = a * (1 - e);
  const vp = Math.sqrt(GM * (1 + e) / rp);
  const integrator = new AdaptiveIntegrator(
    { type: "RungeKutta89", accuracy: 1e-13 },
    f,
    6,
  );
  const rdotv = (y: Float64Array) => y[0] * y[3] + y[1] * y[4] + y[2] * y[5];
  let t = 0;
  let y: Float64Array = Float64Array.from([rp, 0, 0, 0, vp, 0]);
  let passages = 0;
  for (;;) {
    const next = integrator.step(t, y);
    if (rdotv(y) < 0 && rdotv(next.y) >= 0 && ++passages === orbits) {
      // Secant iterations on the step length from the last state before the perigee.
      let lo = 0, hi = next.t - t;
      let flo = rdotv(y), fhi = rdotv(next.y);
      let z = next.y;
      for (let i = 0; i < 30 && hi - lo > 1e-9; i++) {
        const dt = lo - flo * (hi - lo) / (fhi - flo);
        z = integrator.stepFixed(t, y, dt).y;
        const fz = rdotv(z);
        if (fz < 0) [lo, flo] = [dt, fz];
        else [hi, fhi] = [dt, fz];
        if (Math.abs(fz) < 1e-13) break;
      }
      return Math.atan2(z[1], z[0]);
    }
    ({ t, y } = next);
  }
}

Deno.test("Schwarzschild-only perigee advance: 6 pi GM / (c^2 a (1 - e^2)) per orbit", () => {
  const a = 8000, e = 0.1, orbits = 100;
  const perOrbit = 2 * Math.PI * 3 * GM / (C * C * a * (1 - e * e));
  const rel = perigeeAngleAfter(orbits, true, a, e);
  const newton = perigeeAngleAfter(orbits, false, a, e);
  assert.ok(Math.abs(newton) < 1e-9, `Newtonian perigee stays put: ${newton}`);
  assertClose(rel - newton, orbits * perOrbit, { rtol: 1e-6 }, "perigee advance");
});
