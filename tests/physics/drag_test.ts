/**
 * GMAT's drag force law (`DragForce::GetDerivatives`): a = -1/2 Cd A/m rho |v_rel| v_rel with the
 * atmosphere co-rotating with the Earth, checked against hand-computed values in SI units, and the
 * plumbing of the three density models (geodetic coordinates from a stand-in Earth rotation, the
 * A1 -> UTC epoch, MSISE-90's day/second/local-time fields as GMAT forms them).
 */

import assert from "node:assert/strict";
import {
  angularVelocityFromRotation,
  checkDragModel,
  dragAcceleration,
  dragAccelerationForDensity,
  dragDensity,
  type DragModel,
  EARTH_ROTATION_RATE,
  type GeodeticProvider,
} from "../../src/physics/forces/drag.ts";
import { geodeticFromBodyFixed } from "../../src/physics/atmosphere/geodetic.ts";
import { gmatMsiseTime, msise90Density } from "../../src/physics/atmosphere/msise90.ts";
import { jacchiaRobertsDensity } from "../../src/physics/atmosphere/jacchia_roberts.ts";
import { constantSpaceWeather } from "../../src/physics/atmosphere/space_weather_rules.ts";
import { DragSettingError } from "../../src/physics/atmosphere/atmosphere_error.ts";
import { assertClose } from "./_assert.ts";

const W = EARTH_ROTATION_RATE;

Deno.test("drag: magnitude and direction for a constant density, SI units by hand", () => {
  const state = [7000, 0, 0, 0, 7.5, 1.0];
  const rho = 3.0e-12; // kg/m^3
  const a = dragAccelerationForDensity(state, rho, 2.2, 10, 500);
  // v_rel = v - w x r = (0, 7.5 - w*7000, 1.0) km/s, in m/s:
  const vrel = [0, (7.5 - W * 7000) * 1000, 1000];
  const speed = Math.hypot(...vrel);
  const aSI = vrel.map((c) => -0.5 * 2.2 * 10 / 500 * rho * speed * c); // m/s^2
  for (let i = 0; i < 3; i++) {
    assertClose(a[i], aSI[i] / 1000, { rtol: 1e-14, atol: 1e-30 }, `a${i}`);
  }
  const dot = (a[0] * vrel[0] + a[1] * vrel[1] + a[2] * vrel[2]) / (Math.hypot(...a) * speed);
  assertClose(dot, -1, { atol: 1e-15 }, "a is opposite v_rel");
  // 0.5 * 2.2 * 10/500 * 3e-12 * |v_rel|^2 (|v_rel| ~ 7.06 km/s) is about 3.3e-6 m/s^2.
  assertClose(Math.hypot(...a) * 1000, 0.022 * 3e-12 * speed * speed, { rtol: 1e-14 });
});

Deno.test("drag: a point co-rotating on the equator feels none; at rest it feels the wind", () => {
  const r = 6378.1363 + 300;
  const still = dragAccelerationForDensity([r, 0, 0, 0, W * r, 0], 1e-11, 2.2, 10, 500);
  assert.ok(still.every((c) => c === 0), `co-rotating: ${still}`);
  // Inertially at rest: v_rel = -w x r = (0, -w r, 0), so the drag pushes along +y.
  const a = dragAccelerationForDensity([r, 0, 0, 0, 0, 0], 1e-11, 2.2, 10, 500);
  assertClose(a[1], 0.5 * 2.2 * 10 / 500 * 1e-11 * (W * r * 1000) ** 2 / 1000, { rtol: 1e-14 });
  assert.ok(a[0] === 0 && a[2] === 0);
  // A tilted angular velocity rotates the co-rotation wind accordingly.
  const tilted = dragAccelerationForDensity([r, 0, 0, 0, 0, 0], 1e-11, 2.2, 10, 500, [0, W, 0]);
  // w = (0, w, 0): w x r = (0, 0, -w r), so v_rel = (0, 0, w r) and the drag points to -z.
  assert.ok(tilted[2] < 0 && tilted[1] === 0);
});

Deno.test("drag: the co-rotation rate rebuilt from R and dR/dt is the spin about the pole", () => {
  // r_fixed = Rz(theta) Rx(eps) r_inertial with theta' = w: the body spins at w about its z axis,
  // whose inertial direction is R^T e_z = (0, -sin eps, cos eps), so w_inertial = w times that.
  const w = 7.2921158553e-5;
  for (const eps of [0, 0.0063, -0.3]) {
    const th = 1.234;
    const [c, s, ce, se] = [Math.cos(th), Math.sin(th), Math.cos(eps), Math.sin(eps)];
    const rz = [c, s, 0, -s, c, 0, 0, 0, 1];
    const drz = [-s * w, c * w, 0, -c * w, -s * w, 0, 0, 0, 0];
    const rx = [1, 0, 0, 0, ce, se, 0, -se, ce];
    const mul = (a: number[], b: number[]) =>
      Array.from({ length: 9 }, (_, k) => {
        const [i, j] = [Math.floor(k / 3), k % 3];
        return a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
      });
    const omega = angularVelocityFromRotation(mul(rz, rx), mul(drz, rx));
    const want = [0, -se * w, ce * w];
    for (let i = 0; i < 3; i++) assertClose(omega[i], want[i], { atol: 1e-19 }, `eps ${eps} w${i}`);
  }
});

/** Stand-in Earth rotation: body-fixed = inertial rotated by w (t - t0) about +Z. */
const t0 = 31041.5;
const geodetic: GeodeticProvider = (epochA1, r) => {
  const th = W * (epochA1 - t0) * 86400 + 1.0;
  const c = Math.cos(th);
  const s = Math.sin(th);
  return geodeticFromBodyFixed([c * r[0] + s * r[1], -s * r[0] + c * r[1], r[2]]);
};

Deno.test("geodetic: GMAT's iteration inverts the ellipsoid formula", () => {
  const re = 6378.1363;
  const f = 0.0033527;
  const e2 = f * (2 - f);
  for (const [lat, lon, h] of [[45, 10, 400], [-60, -120, 150], [0, 179, 35786], [89, 0, 1]]) {
    const p = lat * Math.PI / 180;
    const n = re / Math.sqrt(1 - e2 * Math.sin(p) ** 2);
    const x = [
      (n + h) * Math.cos(p) * Math.cos(lon * Math.PI / 180),
      (n + h) * Math.cos(p) * Math.sin(lon * Math.PI / 180),
      (n * (1 - e2) + h) * Math.sin(p),
    ];
    const g = geodeticFromBodyFixed(x);
    assertClose(g.latDeg, lat, { atol: 1e-5 }, "lat");
    assertClose(g.lonDeg, lon, { atol: 1e-12 }, "lon");
    assertClose(g.heightKm, h, { atol: 1e-3 }, "h");
  }
});

Deno.test("drag: Exponential density through the geodetic provider", () => {
  const model: DragModel = {
    cd: 2.2,
    areaM2: 10,
    massKg: 500,
    atmosphere: { model: "Exponential" },
    geodetic,
  };
  // Near the pole (GMAT's h = rxy / cos(lat) - N is singular exactly on the axis).
  const state = [100, 0, 6356.7519 + 420, 0, 7.6, 0];
  const h = geodetic(t0, state).heightKm;
  assertClose(h, 420.8, { atol: 0.1 });
  assertClose(dragDensity(model, t0, state), 3.725e-12 * Math.exp(-(h - 400) / 58.515), {
    rtol: 1e-14,
  });
  const a = dragAcceleration(model, t0, state);
  const rho = 3.725e-12 * Math.exp(-(h - 400) / 58.515);
  const vy = (7.6 - W * 100) * 1000; // m/s, relative to the co-rotating air
  assertClose(a[1], -0.5 * 2.2 * 10 / 500 * rho * vy * vy / 1000, { rtol: 1e-12 });
});

Deno.test("msise time: GMAT's year/day and seconds of the UTC epoch", () => {
  // 2026-01-01 00:00 UTC is GMAT MJD 31041.5; GMAT's formula gives day 0 at 86400 s there.
  assert.deepEqual(gmatMsiseTime(31041.5), { iyd: 2026000, sec: 86400 });
  const six = gmatMsiseTime(31041.75);
  assert.equal(six.iyd, 2026001);
  assertClose(six.sec, 21600, { atol: 1e-6 });
  // 2003-10-28 06:00 UTC (GMAT MJD 22940.75) is day 301.
  assert.equal(gmatMsiseTime(22940.75).iyd, 2003301);
  // 2024-12-31 12:00 UTC: the 365.25-day year puts it at day 0 of 2025 (a leap-year quirk).
  assert.deepEqual(gmatMsiseTime(30676.0), { iyd: 2025000, sec: 43200 });
});

Deno.test("drag: MSISE-90 and Jacchia-Roberts receive GMAT's inputs", () => {
  const weather = constantSpaceWeather();
  // UTC 2026-01-01 06:00:00 as A1: A1 - UTC = 37 s + 0.0343817 s.
  const epochA1 = 31041.75 + (37 + 0.0343817) / 86400;
  const state = [6778.1363, 100, 50, 0.1, 7.6, 0.2];
  const g = geodetic(epochA1, state);
  const msis: DragModel = {
    cd: 2.2,
    areaM2: 10,
    massKg: 500,
    atmosphere: { model: "MSISE90", weather },
    geodetic,
  };
  const expected = msise90Density({
    iyd: 2026001,
    sec: 21600,
    altKm: g.heightKm,
    latDeg: g.latDeg,
    lonDeg: g.lonDeg,
    lstHours: 6 + g.lonDeg / 15,
    f107a: 150,
    f107: 150,
    ap: new Array(7).fill(15),
  });
  assertClose(dragDensity(msis, epochA1, state), expected, { rtol: 1e-9 });
  const sun = [2.6e7, -1.33e8, -5.7e7];
  const jr: DragModel = {
    ...msis,
    atmosphere: { model: "JacchiaRoberts", weather, sun: () => sun },
  };
  const expectedJr = jacchiaRobertsDensity({
    heightKm: g.heightKm,
    latDeg: g.latDeg,
    positionKm: state,
    sunKm: sun,
    utcMjd: 31041.75,
    f107: 150,
    f107a: 150,
    kp: 3,
  });
  assertClose(dragDensity(jr, epochA1, state), expectedJr, { rtol: 1e-12 });
});

Deno.test("drag: non-physical spacecraft settings are refused", () => {
  const base: DragModel = {
    cd: 2.2,
    areaM2: 10,
    massKg: 500,
    atmosphere: { model: "Exponential" },
    geodetic,
  };
  assert.throws(() => checkDragModel({ ...base, massKg: 0 }), DragSettingError);
  assert.throws(() => checkDragModel({ ...base, cd: -1 }), /Cd >= 0/);
  checkDragModel(base);
});

Deno.test("drag: orbit-mean density ratios match real GMAT's drag effects (battery LEO)", () => {
  // shared/reference/gmat-battery/README.md, "Sizes of the effects": after one day the LEO
  // (SMA 7000 km, ECC 0.001, INC 28.5 deg, 2026-01-01, F10.7 = F10.7A = 150, Kp 3) moves
  // 1.45 km with Exponential drag, 2.09 km with Jacchia-Roberts and 2.24 km with MSISE-90
  // (relative to no drag). The along-track shift is proportional to the day-mean density, so the
  // three models' mean densities along the same orbit must be in the same ratios. Geometry here:
  // a circular orbit, Earth rotating from GMST 100.63 deg, the Sun at RA 281.3, Dec -23.0 deg.
  const d = Math.PI / 180;
  const sunKm = [Math.cos(-23 * d) * Math.cos(281.3 * d), Math.cos(-23 * d) * Math.sin(281.3 * d)]
    .map((x) => x * 1.47e8).concat([Math.sin(-23 * d) * 1.47e8]);
  const rotating: GeodeticProvider = (epochA1, r) => {
    const th = 100.63 * d + W * (epochA1 - 31041.5) * 86400;
    return geodeticFromBodyFixed([
      Math.cos(th) * r[0] + Math.sin(th) * r[1],
      -Math.sin(th) * r[0] + Math.cos(th) * r[1],
      r[2],
    ]);
  };
  const weather = constantSpaceWeather();
  const common = { cd: 2.2, areaM2: 10, massKg: 500, geodetic: rotating };
  const models: DragModel[] = [
    { ...common, atmosphere: { model: "Exponential" } },
    { ...common, atmosphere: { model: "JacchiaRoberts", weather, sun: () => sunKm } },
    { ...common, atmosphere: { model: "MSISE90", weather } },
  ];
  const a = 7000;
  const n = Math.sqrt(398600.4415 / a ** 3);
  const sums = [0, 0, 0];
  for (let t = 0; t < 86400; t += 120) {
    const u = n * t;
    const r = [
      a * Math.cos(u),
      a * Math.sin(u) * Math.cos(28.5 * d),
      a * Math.sin(u) * Math.sin(28.5 * d),
    ];
    models.forEach((m, i) => sums[i] += dragDensity(m, 31041.5 + t / 86400, r));
  }
  assertClose(sums[1] / sums[0], 2.09 / 1.45, { rtol: 0.015 }, "Jacchia-Roberts / Exponential");
  assertClose(sums[2] / sums[0], 2.24 / 1.45, { rtol: 0.015 }, "MSISE-90 / Exponential");
});
