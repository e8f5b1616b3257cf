/**
 * The spherical-harmonic field (`harmonic_gravity.ts`) against independent references:
 * - the gradient of a textbook potential (`_reference_potential.ts`) by central differences, at
 *   degree 4 (JGM-2), 20 (JGM-3) and 70 (EGM-96), including the degree 21..70 part alone;
 * - the secular J2 node drift -3/2 n J2 (R/p)^2 cos i of a J2-only field, integrated with RK89;
 * - conservation of the Jacobi integral for a field rotating uniformly (tesseral terms included);
 * - GMAT's degree/order rules (errors, order cut to degree, degree 0 = point mass).
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  AdaptiveIntegrator,
  cartesianToKeplerian,
  keplerianToCartesian,
} from "../../src/physics/mod.ts";
import { HarmonicField } from "../../src/physics/gravity/harmonic_gravity.ts";
import type { GravityCoefficients } from "../../src/physics/gravity/cof_file.ts";
import { GravityModelError } from "../../src/physics/gravity/gravity_model_error.ts";
import { GmatDataSet } from "../../src/physics/data/gmat_data.ts";
import { harmonicGradient, harmonicPotential } from "./_reference_potential.ts";
import { assertClose } from "./_assert.ts";

const data = new GmatDataSet();

/** Body-fixed test positions, km: LEO at several latitudes/longitudes, near-polar, GEO. */
const POSITIONS: readonly (readonly number[])[] = [
  [6800, 0, 0],
  [4000, 4500, 3000],
  [-1200, 2500, 6300],
  [500, -300, 6600],
  [3900, -4550, 2535],
  [-42164, 1000, 500],
];

function harmonicPart(field: HarmonicField, p: readonly number[]): number[] {
  const a = new Float64Array(3);
  field.accelerationBodyFixed(p, a);
  const r = Math.hypot(p[0], p[1], p[2]);
  const k = field.mu / (r * r * r);
  return [a[0] + k * p[0], a[1] + k * p[1], a[2] + k * p[2]];
}

const norm = (v: readonly number[]) => Math.hypot(v[0], v[1], v[2]);
const diff = (
  a: readonly number[],
  b: readonly number[],
) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];

for (const [file, degree] of [["JGM2.cof", 4], ["JGM3.cof", 20], ["EGM96.cof", 70]] as const) {
  Deno.test(`${file} ${degree}x${degree}: acceleration = gradient of the potential`, async () => {
    const coefs = await data.gravity(file, { maxDegree: degree });
    const field = new HarmonicField(coefs, degree, degree);
    for (const p of POSITIONS) {
      const a = harmonicPart(field, p);
      const g = harmonicGradient(coefs, degree, degree, p, 0.01);
      const rel = norm(diff(a, g)) / norm(a);
      assert.ok(rel < 5e-9, `${file} at [${p}]: relative difference ${rel}`);
      const u = field.potentialBodyFixed(p) - field.mu / norm(p);
      assertClose(u, harmonicPotential(coefs, degree, degree, p[0], p[1], p[2]), {
        rtol: 1e-11,
      }, `potential at [${p}]`);
    }
  });
}

Deno.test("EGM-96: the degree 21..70 part alone matches the reference", async () => {
  const coefs = await data.gravity("EGM96.cof", { maxDegree: 70 });
  const f70 = new HarmonicField(coefs, 70, 70);
  const f20 = new HarmonicField(coefs, 20, 20);
  for (const p of POSITIONS.slice(0, 5)) {
    const high = diff(harmonicPart(f70, p), harmonicPart(f20, p));
    const ref = diff(
      harmonicGradient(coefs, 70, 70, p, 0.1),
      harmonicGradient(coefs, 20, 20, p, 0.1),
    );
    const rel = norm(diff(high, ref)) / norm(high);
    assert.ok(rel < 1e-6, `at [${p}]: relative difference ${rel} (|a| = ${norm(high)})`);
  }
});

const MU = 398600.4415;
const RE = 6378.1363;
const J2 = 1.0826e-3;

/** A field holding only J2 (normalised C20 = -J2 / sqrt(5)). */
function j2Only(): GravityCoefficients {
  return {
    name: "J2 only",
    fileDegree: 2,
    fileOrder: 0,
    mu: MU,
    radius: RE,
    normalizedOnFile: true,
    degree: 2,
    order: 0,
    c: new Float64Array([0, 0, -J2 / Math.sqrt(5)]),
    s: new Float64Array(3),
  };
}

for (const [sma, ecc, inc] of [[7000, 0.001, 28.5], [7000, 0.001, 98], [8000, 0.05, 60]]) {
  Deno.test(`J2 node drift (a ${sma}, e ${ecc}, i ${inc}) = -3/2 n J2 (R/p)^2 cos i`, () => {
    const field = new HarmonicField(j2Only(), 2, 0);
    const acc = new Float64Array(3);
    const f = (_t: number, y: Float64Array, dydt: Float64Array) => {
      field.acceleration(y[0], y[1], y[2], acc);
      dydt[0] = y[3];
      dydt[1] = y[4];
      dydt[2] = y[5];
      dydt[3] = acc[0];
      dydt[4] = acc[1];
      dydt[5] = acc[2];
    };
    const integrator = new AdaptiveIntegrator({ accuracy: 1e-12 }, f, 6);
    let t = 0;
    let y = keplerianToCartesian({ sma, ecc, inc, raan: 20, aop: 30, ta: 0 }, MU);
    const times: number[] = [];
    const nodes: number[] = [];
    let previous = 20;
    let unwrapped = 20;
    while (t < 3 * 86400) {
      ({ t, y } = integrator.step(t, y));
      const raan = cartesianToKeplerian(y, MU).raan;
      let d = raan - previous;
      if (d > 180) d -= 360;
      if (d < -180) d += 360;
      unwrapped += d;
      previous = raan;
      times.push(t);
      nodes.push(unwrapped * Math.PI / 180);
    }
    // Least-squares slope (averages the short-period terms).
    const n = times.length;
    const mt = times.reduce((s, v) => s + v, 0) / n;
    const mr = nodes.reduce((s, v) => s + v, 0) / n;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
      sxy += (times[i] - mt) * (nodes[i] - mr);
      sxx += (times[i] - mt) ** 2;
    }
    const p = sma * (1 - ecc * ecc);
    const analytic = -1.5 * Math.sqrt(MU / sma ** 3) * J2 * (RE / p) ** 2 *
      Math.cos(inc * Math.PI / 180);
    // Osculating vs mean elements differ at O(J2): allow 1 %.
    assertClose(sxy / sxx, analytic, { rtol: 1e-2 }, "node rate, rad/s");
  });
}

Deno.test("the Jacobi integral is conserved for JGM-2 8x8 rotating at Earth's rate", async () => {
  const coefs = await data.gravity("JGM2.cof", { maxDegree: 8 });
  const field = new HarmonicField(coefs, 8, 8);
  const w = 7.292115e-5;
  const acc = new Float64Array(3);
  // Body-fixed = R3(w t) inertial; the acceleration is rotated back.
  const f = (t: number, y: Float64Array, dydt: Float64Array) => {
    const c = Math.cos(w * t);
    const s = Math.sin(w * t);
    field.acceleration(c * y[0] + s * y[1], -s * y[0] + c * y[1], y[2], acc);
    dydt[0] = y[3];
    dydt[1] = y[4];
    dydt[2] = y[5];
    dydt[3] = c * acc[0] - s * acc[1];
    dydt[4] = s * acc[0] + c * acc[1];
    dydt[5] = acc[2];
  };
  // J = v^2/2 - w (r x v)_z - U(body-fixed r), with the independent reference potential.
  const jacobi = (t: number, y: Float64Array) => {
    const c = Math.cos(w * t);
    const s = Math.sin(w * t);
    const x = c * y[0] + s * y[1];
    const yy = -s * y[0] + c * y[1];
    const u = MU / Math.hypot(x, yy, y[2]) + harmonicPotential(coefs, 8, 8, x, yy, y[2]);
    return 0.5 * (y[3] ** 2 + y[4] ** 2 + y[5] ** 2) - w * (y[0] * y[4] - y[1] * y[3]) - u;
  };
  for (const el of [{ sma: 7000, ecc: 0.001, inc: 28.5 }, { sma: 24421, ecc: 0.7265, inc: 27 }]) {
    const integrator = new AdaptiveIntegrator({ accuracy: 1e-12 }, f, 6);
    let t = 0;
    let y = keplerianToCartesian({ ...el, raan: 0, aop: 0, ta: 0 }, MU);
    const j0 = jacobi(0, y);
    let worst = 0;
    while (t < 86400) {
      ({ t, y } = integrator.step(t, y));
      worst = Math.max(worst, Math.abs(jacobi(t, y) - j0));
    }
    assert.ok(worst / Math.abs(j0) < 1e-10, `sma ${el.sma}: |dJ|/|J| = ${worst / Math.abs(j0)}`);
  }
});

Deno.test("degree 0 is the point mass -mu r/|r|^3 with the file's mu", async () => {
  const field = new HarmonicField(await data.gravity("JGM2.cof", { maxDegree: 4 }), 0, 0);
  const a = new Float64Array(3);
  const p = [4000, 4500, 3000];
  field.accelerationBodyFixed(p, a);
  const r = Math.hypot(p[0], p[1], p[2]);
  for (let i = 0; i < 3; i++) assertClose(a[i], -398600.4415 * p[i] / r ** 3, { rtol: 1e-15 });
  assert.equal(field.potentialBodyFixed(p), 398600.4415 / r);
});

Deno.test("order 0 keeps only the zonal terms (longitude-independent)", async () => {
  const field = new HarmonicField(await data.gravity("JGM2.cof", { maxDegree: 4 }), 4, 0);
  const a1 = new Float64Array(3);
  const a2 = new Float64Array(3);
  // Same radius and latitude, different longitude: the radial and z parts agree.
  field.accelerationBodyFixed([7000, 0, 1000], a1);
  field.accelerationBodyFixed([0, 7000, 1000], a2);
  assertClose(a1[0], a2[1], { rtol: 1e-15 }, "horizontal");
  assertClose(a1[2], a2[2], { rtol: 1e-15 }, "z");
});

Deno.test("GMAT's degree/order rules", async () => {
  const jgm2 = await data.gravity("JGM2.cof", { maxDegree: 8 });
  const cut = new HarmonicField(jgm2, 4, 6);
  assert.equal(cut.order, 4);
  assert.equal(cut.warnings.length, 1);
  assert.match(
    cut.warnings[0],
    /Order \(6\) is greater than Degree \(4\) so truncating Order to 4/,
  );
  assert.throws(() => new HarmonicField(jgm2, 71, 0), (e: unknown) => {
    assert.ok(e instanceof GravityModelError);
    assert.equal(e.code, "GRAVITY_MODEL");
    assert.match(e.message, /requested degree \(71\) is greater than degree \(70\)/i);
    return true;
  });
  assert.throws(() => new HarmonicField(jgm2, 20, 20), /loaded only to degree 8/);
  assert.throws(() => new HarmonicField(jgm2, -1, 0), GravityModelError);
  assert.throws(() => new HarmonicField(jgm2, 4, 2.5), GravityModelError);
});
