/**
 * GMAT's Jacchia-Roberts atmosphere against densities printed by GMAT itself.
 *
 * Reference: the test file `test/jr1971.jl` of JuliaSpace/SatelliteToolboxAtmosphericModels.jl
 * (MIT), which tabulates densities "obtained from GMAT R2018a" at 2017-01-01 00:00:00 UTC,
 * geodetic latitude 45 deg, longitude 0 deg, F10.7 = F10.7A = 100, for Kp = 1, 4 and 9, printed
 * to six significant figures (g/cm^3 in the file; kg/m^3 = 1000 x that).
 *
 * The model needs the inertial spacecraft and Sun directions; the stand-ins below build them from
 * simple published formulas: GMST (IAU 1982), IAU 1976 precession to J2000, and the Astronomical
 * Almanac low-precision Sun (about 0.01 deg), neglecting nutation and polar motion. That limits
 * the agreement above 300 km (where density is most sensitive to the exospheric temperature) to
 * about 1e-3; below, the table is matched to its printed precision.
 *
 * GMAT R2018a evaluated exactly 100 km with its 90-100 km formula, R2026a with the 100-125 km one
 * (and its drag refuses 100 km and below), so that row is not compared.
 */

import assert from "node:assert/strict";
import {
  jacchiaRobertsDensity,
  jacchiaRobertsModelDensity,
} from "../../src/physics/atmosphere/jacchia_roberts.ts";
import { AtmosphereError } from "../../src/physics/atmosphere/atmosphere_error.ts";
import { assertClose } from "./_assert.ts";

const D2R = Math.PI / 180;
const JD_UTC = 2457754.5; // 2017-01-01 00:00:00 UTC
const UTC_MJD = JD_UTC - 2430000;

function rotZ(a: number, v: readonly number[]): number[] {
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [c * v[0] + s * v[1], -s * v[0] + c * v[1], v[2]];
}
function rotY(a: number, v: readonly number[]): number[] {
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [c * v[0] - s * v[2], v[1], s * v[0] + c * v[2]];
}

/** IAU 1976 precession, mean of date -> J2000 (T in Julian centuries TT from J2000). */
function modToJ2000(v: readonly number[]): number[] {
  const t = (JD_UTC + 69.184 / 86400 - 2451545) / 36525;
  const as = Math.PI / 180 / 3600;
  const zeta = (2306.2181 * t + 0.30188 * t * t + 0.017998 * t ** 3) * as;
  const z = (2306.2181 * t + 1.09468 * t * t + 0.018203 * t ** 3) * as;
  const theta = (2004.3109 * t - 0.42665 * t * t - 0.041833 * t ** 3) * as;
  return rotZ(zeta, rotY(-theta, rotZ(z, v)));
}

/** Greenwich mean sidereal time (IAU 1982), UT1 taken as UTC, radians. */
function gmst(): number {
  const tu = (JD_UTC - 2451545) / 36525;
  const s = 67310.54841 + (876600 * 3600 + 8640184.812866) * tu + 0.093104 * tu * tu -
    6.2e-6 * tu ** 3;
  return ((s % 86400) / 240) * D2R;
}

/** Astronomical Almanac low-precision Sun direction, J2000 axes. */
function sunJ2000(): number[] {
  const n = JD_UTC - 2451545;
  const l = (280.460 + 0.9856474 * n) * D2R;
  const g = (357.528 + 0.9856003 * n) * D2R;
  const lambda = l + (1.915 * Math.sin(g) + 0.020 * Math.sin(2 * g)) * D2R;
  const eps = (23.439 - 0.0000004 * n) * D2R;
  const mod = [
    Math.cos(lambda),
    Math.cos(eps) * Math.sin(lambda),
    Math.sin(eps) * Math.sin(lambda),
  ];
  return modToJ2000(mod).map((x) => x * 1.471e8);
}

/** Inertial position of geodetic (45 deg N, 0 deg E, h) on GMAT's ellipsoid. */
function positionJ2000(h: number): number[] {
  const re = 6378.1363;
  const f = 0.0033527;
  const e2 = f * (2 - f);
  const lat = 45 * D2R;
  const n = re / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
  const ecef = [(n + h) * Math.cos(lat), 0, (n * (1 - e2) + h) * Math.sin(lat)];
  return modToJ2000(rotZ(-gmst(), ecef));
}

const HEIGHTS = [92, 100, 100.1, 110.5, 125, 125.1, 300, 700, 1500];
/** GMAT R2018a densities, g/cm^3, by Kp (SatelliteToolboxAtmosphericModels.jl test/jr1971.jl). */
const GMAT_R2018A: Record<number, number[]> = {
  4: [
    3.87506e-09,
    3.96585e-09,
    6.8354e-10,
    1.2124e-10,
    1.60849e-11,
    1.58997e-11,
    1.30609e-14,
    1.34785e-17,
    4.00464e-19,
  ],
  1: [
    3.56187e-09,
    3.65299e-09,
    6.28941e-10,
    1.11456e-10,
    1.46126e-11,
    1.44428e-11,
    9.08858e-15,
    8.51674e-18,
    2.86915e-19,
  ],
  9: [
    5.55597e-09,
    5.63386e-09,
    9.75634e-10,
    1.73699e-10,
    2.41828e-11,
    2.39097e-11,
    3.52129e-14,
    1.28622e-16,
    1.97775e-18,
  ],
};

for (const kp of [1, 4, 9]) {
  Deno.test(`jacchia-roberts: GMAT R2018a densities, 45 deg N, F10.7 100, Kp ${kp}`, () => {
    const sun = sunJ2000();
    HEIGHTS.forEach((h, i) => {
      if (h === 100) return;
      const rho = jacchiaRobertsModelDensity({
        heightKm: h,
        latDeg: 45,
        positionKm: positionJ2000(h),
        sunKm: sun,
        utcMjd: UTC_MJD,
        f107: 100,
        f107a: 100,
        kp,
      });
      // Six printed digits below 300 km; the stand-in Sun/Earth geometry limits the rest.
      const rtol = h < 300 ? 1e-5 : 1e-3;
      assertClose(rho, GMAT_R2018A[kp][i] * 1000, { rtol }, `Kp ${kp}, h ${h} km`);
    });
  });
}

Deno.test("jacchia-roberts: R2026a's drag refuses 100 km and below; 0 above 2500 km", () => {
  const input = {
    latDeg: 45,
    positionKm: positionJ2000(400),
    sunKm: sunJ2000(),
    utcMjd: UTC_MJD,
    f107: 150,
    f107a: 150,
    kp: 3,
  };
  assert.throws(() => jacchiaRobertsDensity({ ...input, heightKm: 100 }), AtmosphereError);
  assert.throws(() => jacchiaRobertsDensity({ ...input, heightKm: 60 }), /not above 100 km/);
  assert.equal(jacchiaRobertsDensity({ ...input, heightKm: 2600 }), 0);
  assert.ok(jacchiaRobertsDensity({ ...input, heightKm: 100.001 }) > 0);
});
