/**
 * ObjectReferenced axes, libration points and barycentres checked against physics, not against
 * numbers the code produced: the axes are the unit relative position and angular momentum, the
 * transformation round-trips, the rotating-frame velocity is the time derivative of the rotating
 * position (a two-body relative orbit with its exact acceleration), the collinear and triangular
 * points are equilibria of the circular restricted three-body problem and co-rotate, and a
 * barycentre is the mass-weighted mean.
 *
 * @module
 */

import assert from "node:assert/strict";
import { keplerPropagate } from "../../src/physics/analytic/kepler_propagate.ts";
import {
  barycenterState,
  bodyInertialRotation,
  fromFrame,
  type LibrationPointName,
  librationPointState,
  objectReferencedRotation,
  toFrame,
} from "../../src/physics/mod.ts";
import type { Vec6 } from "../../src/physics/state/types.ts";
import { FrameError } from "../../src/physics/frames/frame_error.ts";
import { assertClose } from "./_assert.ts";

const MU_EARTH = 398600.4415;
const MU_MOON = 4902.8005821478;
const MU = MU_EARTH + MU_MOON;

/** An inclined, eccentric Moon-like relative orbit (secondary about primary), km and km/s. */
const REL0: Vec6 = Float64Array.from([384400 * 0.8, 120000, 90000, -0.35, 0.85, 0.25]);

const relAt = (t: number) => keplerPropagate(REL0, MU, t);
const accelOf = (s: ArrayLike<number>) => {
  const r = Math.hypot(s[0], s[1], s[2]);
  return [0, 1, 2].map((k) => -MU * s[k] / r ** 3);
};
const col = (m: Float64Array, c: number) => [m[c], m[3 + c], m[6 + c]];
const dot = (a: number[], b: number[]) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

Deno.test("ObjectReferenced R/N axes: X is the unit secondary position, Z the unit angular momentum, orthonormal", () => {
  const rel = relAt(1000);
  const { m } = objectReferencedRotation(rel, accelOf(rel), { x: "R", z: "N" }, "T");
  const r = Math.hypot(rel[0], rel[1], rel[2]);
  const h = [
    rel[1] * rel[5] - rel[2] * rel[4],
    rel[2] * rel[3] - rel[0] * rel[5],
    rel[0] * rel[4] - rel[1] * rel[3],
  ];
  const hMag = Math.hypot(...h);
  for (let k = 0; k < 3; k++) {
    assertClose(col(m, 0)[k], rel[k] / r, { atol: 1e-15 }, `X[${k}]`);
    assertClose(col(m, 2)[k], h[k] / hMag, { atol: 1e-15 }, `Z[${k}]`);
  }
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      assertClose(dot(col(m, i), col(m, j)), i === j ? 1 : 0, { atol: 1e-15 }, `M^T M ${i}${j}`);
    }
  }
  // Right-handed: det = +1 (X x Y = Z).
  const [x, y, z] = [col(m, 0), col(m, 1), col(m, 2)];
  const xy = [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]];
  for (let k = 0; k < 3; k++) assertClose(xy[k], z[k], { atol: 1e-15 }, `XxY[${k}]`);
});

Deno.test("ObjectReferenced axes from other pairs (V/N, -R/Y...) are the named directions", () => {
  const rel = relAt(0);
  const v = Math.hypot(rel[3], rel[4], rel[5]);
  const { m } = objectReferencedRotation(rel, accelOf(rel), { y: "V", z: "N" }, "T");
  for (let k = 0; k < 3; k++) assertClose(col(m, 1)[k], rel[3 + k] / v, { atol: 1e-15 }, "Y=V");
  const neg = objectReferencedRotation(rel, accelOf(rel), { x: "-R", z: "N" }, "T").m;
  const r = Math.hypot(rel[0], rel[1], rel[2]);
  for (let k = 0; k < 3; k++) assertClose(col(neg, 0)[k], -rel[k] / r, { atol: 1e-15 }, "X=-R");
  assert.throws(
    () => objectReferencedRotation(rel, [0, 0, 0], { x: "R", y: "R" }, "T"),
    FrameError,
  );
  assert.throws(
    () => objectReferencedRotation(rel, [0, 0, 0], { x: "R", y: "V", z: "N" }, "T"),
    FrameError,
  );
  assert.throws(
    () => objectReferencedRotation([1, 0, 0, 2, 0, 0], [0, 0, 0], { x: "R", z: "N" }, "T"),
    FrameError,
  );
});

Deno.test("a state moved into a rotating frame and back is unchanged", () => {
  const rel = relAt(5000);
  const rot = objectReferencedRotation(rel, accelOf(rel), { x: "R", z: "N" }, "T");
  const origin = [1000, -2000, 300, 0.1, 0.2, -0.3];
  const sc = [406326.2, 177458.4, 145838.6, -0.517, 0.775, 0.331];
  const back = fromFrame(toFrame(sc, origin, rot), origin, rot);
  for (let k = 0; k < 6; k++) assertClose(back[k], sc[k], { rtol: 1e-14, atol: 1e-12 }, `${k}`);
});

Deno.test("the rotating-frame velocity is the finite difference of rotating-frame positions", () => {
  // A spacecraft on its own Earth orbit, viewed in axes that follow the relative orbit (with its
  // exact two-body acceleration, so every axis rate is the true one).
  const sc0: Vec6 = Float64Array.from([406326.2, 177458.4, 145838.6, -0.517, 0.775, 0.331]);
  const inFrame = (t: number) => {
    const rel = relAt(t);
    const rot = objectReferencedRotation(rel, accelOf(rel), { x: "R", z: "N" }, "T");
    return toFrame(keplerPropagate(sc0, MU_EARTH, t), [0, 0, 0, 0, 0, 0], rot);
  };
  for (const t of [0, 20000, 400000]) {
    const h = 1;
    const a = inFrame(t - h), b = inFrame(t + h), c = inFrame(t);
    for (let k = 0; k < 3; k++) {
      assertClose(c[3 + k], (b[k] - a[k]) / (2 * h), { atol: 2e-9 }, `t=${t} V${k}`);
    }
  }
});

/** Net acceleration at a point fixed in the circular restricted problem's rotating frame. */
function crtbpResidual(point: LibrationPointName): { residual: number; scale: number } {
  const d = 384400;
  const n = Math.sqrt(MU / d ** 3);
  // Circular relative orbit in the XY plane; primary at the origin.
  const primary = [0, 0, 0, 0, 0, 0];
  const secondary = [d, 0, 0, 0, n * d, 0];
  const lp = librationPointState(point, primary, secondary, MU_EARTH, MU_MOON, [0, 0, 0], point);
  assert.equal(lp[2], 0);
  // Barycentre, about which the frame rotates at n.
  const xb = MU_MOON / MU * d;
  const p = [lp[0], lp[1]];
  const toP = (bx: number) => [p[0] - bx, p[1]];
  const g = (mu: number, v: number[]) => {
    const r = Math.hypot(v[0], v[1]);
    return [-mu * v[0] / r ** 3, -mu * v[1] / r ** 3];
  };
  const g1 = g(MU_EARTH, toP(0)), g2 = g(MU_MOON, toP(d));
  const centrifugal = [n * n * (p[0] - xb), n * n * p[1]];
  const net = [0, 1].map((k) => g1[k] + g2[k] + centrifugal[k]);
  // The point co-rotates: inertial velocity = n z x (p - primary) about the primary, whose own
  // velocity is zero here (GMAT's definition relative to the primary).
  assertClose(lp[3], -n * p[1], { atol: 1e-12 }, `${point} vx`);
  assertClose(lp[4], n * p[0], { atol: 1e-12 }, `${point} vy`);
  return { residual: Math.hypot(...net), scale: Math.hypot(...g1) };
}

Deno.test("Earth-Moon L1..L5 are equilibria of the circular restricted problem and co-rotate", () => {
  for (const point of ["L1", "L2", "L3", "L4", "L5"] as const) {
    const { residual, scale } = crtbpResidual(point);
    // Newton stops at |d gamma| <= 1e-8; the residual is that small relative to gravity.
    assert.ok(residual <= 1e-7 * scale, `${point}: net ${residual} vs gravity ${scale}`);
  }
});

Deno.test("the Sun-Earth L1 lies between them at the Hill distance (1.5e6 km from the Earth)", () => {
  const muSun = 132712440017.99;
  const au = 149597870.691;
  const sun = [0, 0, 0, 0, 0, 0];
  const earth = [au, 0, 0, 0, Math.sqrt((muSun + MU_EARTH) / au), 0];
  const l1 = librationPointState("L1", sun, earth, muSun, MU_EARTH, [0, 0, 0], "ESL1");
  const hill = au * Math.cbrt(MU_EARTH / (3 * muSun));
  assertClose(au - l1[0], hill, { rtol: 0.01 }, "L1 distance from the Earth");
});

Deno.test("a barycentre is the mass-weighted mean state", () => {
  const earth = [0, 0, 0, 0, 0, 0];
  const moon = relAt(0);
  const bc = barycenterState([earth, moon], [MU_EARTH, MU_MOON]);
  for (let k = 0; k < 6; k++) assertClose(bc[k], moon[k] * MU_MOON / MU, { rtol: 1e-15 }, `${k}`);
  // Its distance from the Earth is mu* times the separation (about 4670 km for Earth-Moon).
  const r = Math.hypot(bc[0], bc[1], bc[2]);
  assertClose(r, Math.hypot(moon[0], moon[1], moon[2]) * MU_MOON / MU, { rtol: 1e-14 }, "r");
  assert.throws(() => barycenterState([], []), FrameError);
});

Deno.test("BodyInertial axes: the Earth's are MJ2000Eq, the Moon's a fixed proper rotation", () => {
  const e = bodyInertialRotation("Earth").m;
  assert.deepEqual([...e], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
  const m = bodyInertialRotation("Luna").m;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      assertClose(dot(col(m, i), col(m, j)), i === j ? 1 : 0, { atol: 1e-12 }, `orthonormal`);
    }
  }
  // The Moon's equator is inclined about 24 deg to the Earth's (1.5 deg to the ecliptic + 23.4).
  const tilt = Math.acos(m[8]) * 180 / Math.PI;
  assert.ok(tilt > 22 && tilt < 26, `lunar pole tilt ${tilt}`);
});
