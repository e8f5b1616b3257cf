/**
 * GMAT's equinoctial state representations from and to a Cartesian state
 * (`StateConversionUtil::CartesianToEquinoctial`, `EquinoctialToCartesian`,
 * `CartesianToModEquinoctial`, `ModEquinoctialToCartesian`, `EquinoctialToAltEquinoctial`,
 * `AltEquinoctialToEquinoctial`), always with the prograde factor j = 1 as GMAT uses.
 *
 * - Equinoctial: `[SMA, EquinoctialH, EquinoctialK, EquinoctialP, EquinoctialQ, MLONG]` with
 *   h = e sin(AOP + RAAN), k = e cos(AOP + RAAN), p = tan(i/2) sin RAAN, q = tan(i/2) cos RAAN and
 *   the mean longitude in degrees. Elliptic only; i = 180 deg refused.
 * - ModifiedEquinoctial: `[SemilatusRectum, ModEquinoctialF, G, H, K, TLONG]` with
 *   f = e cos(AOP + RAAN), g = e sin(AOP + RAAN), h = tan(i/2) cos RAAN, k = tan(i/2) sin RAAN and
 *   the true longitude. Any conic; refused when 1 + cos i < 1e-7.
 * - AlternateEquinoctial: `[SMA, EquinoctialH, EquinoctialK, AltEquinoctialP, AltEquinoctialQ,
 *   MLONG]` with p, q scaled by cos(i/2), i.e. sin(i/2) sin RAAN and sin(i/2) cos RAAN.
 *
 * @module
 */

import { StateError } from "./state_error.ts";
import { cross, DEG, dot, eccentricityVector, norm, split, type V3 } from "./_vector.ts";
import type { Elements6 } from "./spherical.ts";

const MU_TOL = 1e-15;
const KEP_ECC_TOL = 1e-7;
const KEP_TOL = 1e-11;
const ORBIT_TOL = 1e-10;
const ECC_RANGE_TOL = 1e-7;

function unit(a: readonly number[]): V3 {
  const n = norm(a);
  return [a[0] / n, a[1] / n, a[2] / n];
}

function checkInputs(rMag: number, mu: number, what: string): void {
  if (!(rMag > 0)) {
    throw new StateError(`Cannot convert from Cartesian to ${what}: the position is a zero vector`);
  }
  if (mu < MU_TOL) {
    throw new StateError(`Cannot convert from Cartesian to ${what}: mu (${mu}) is too small`);
  }
}

/** Cartesian -> Equinoctial (elliptic orbits, inclination below 180 deg). */
export function cartesianToEquinoctial(s: ArrayLike<number>, mu: number): Elements6 {
  const { r, v } = split(s);
  const rMag = norm(r);
  const vMag = norm(v);
  checkInputs(rMag, mu, "Equinoctial");
  const eVec = eccentricityVector(r, v, mu);
  const e = norm(eVec);
  if (e > 1 - KEP_ECC_TOL) {
    throw new StateError(
      `Cannot convert from Cartesian to Equinoctial: the orbit is parabolic or hyperbolic ` +
        `(ECC = ${e}); use Keplerian or ModifiedEquinoctial elements`,
    );
  }
  const sma = -mu / (2 * (vMag * vMag / 2 - mu / rMag));
  if (Math.abs(sma * (1 - e)) < 0.001) {
    throw new StateError(
      "Cannot convert from Cartesian to Equinoctial: singular conic (radius of periapsis < 1 m)",
    );
  }
  const am = unit(cross(r, v));
  const inc = Math.acos(Math.min(1, Math.max(-1, am[2])));
  if (inc >= Math.PI - KEP_TOL) {
    throw new StateError(
      "Cannot convert to Equinoctial elements: an inclination of 180 deg is singular",
    );
  }
  const f = unit([1 - am[0] * am[0] / (1 + am[2]), -am[0] * am[1] / (1 + am[2]), -am[0]]);
  const g = unit(cross(am, f));
  const h = dot(eVec, g);
  const k = dot(eVec, f);
  const p = am[0] / (1 + am[2]);
  const q = -am[1] / (1 + am[2]);
  const x1 = dot(r, f);
  const y1 = dot(r, g);
  const root = Math.sqrt(1 - h * h - k * k);
  const beta = 1 / (1 + root);
  const cosF = k + ((1 - k * k * beta) * x1 - h * k * beta * y1) / (sma * root);
  const sinF = h + ((1 - h * h * beta) * y1 - h * k * beta * x1) / (sma * root);
  let F = Math.atan2(sinF, cosF);
  while (F < 0) F += 2 * Math.PI;
  return [sma, h, k, p, q, (F + h * cosF - k * sinF) * DEG];
}

/** Equinoctial -> Cartesian (eccentricity sqrt(h^2 + k^2) below 1 - 1e-7). */
export function equinoctialToCartesian(el: ArrayLike<number>, mu: number): Elements6 {
  const [sma, h, k, p, q] = [el[0], el[1], el[2], el[3], el[4]];
  const lambda = el[5] / DEG;
  const e = Math.sqrt(h * h + k * k);
  if (e > 1 - ECC_RANGE_TOL) {
    throw new StateError(
      `Cannot convert from Equinoctial to Cartesian: EquinoctialH and EquinoctialK give an ` +
        `eccentricity of ${e}; it must be less than ${1 - ECC_RANGE_TOL}`,
    );
  }
  // Kepler's equation in eccentric longitude, Newton from the mean longitude.
  let F = lambda;
  for (let i = 0; i < 1000; i++) {
    const prev = F;
    F = prev - (prev + h * Math.cos(prev) - k * Math.sin(prev) - lambda) /
        (1 - h * Math.sin(prev) - k * Math.cos(prev));
    if (Math.abs(F - prev) < ORBIT_TOL) break;
  }
  while (F < 0) F += 2 * Math.PI;
  const root = Math.sqrt(1 - h * h - k * k);
  const beta = 1 / (1 + root);
  const n = Math.sqrt(mu / (sma * sma * sma));
  const cosF = Math.cos(F);
  const sinF = Math.sin(F);
  const r = sma * (1 - k * cosF - h * sinF);
  if (!(r > 0)) {
    throw new StateError("Cannot convert from Equinoctial to Cartesian: RMAG <= 0; check SMA");
  }
  const x1 = sma * ((1 - h * h * beta) * cosF + h * k * beta * sinF - k);
  const y1 = sma * ((1 - k * k * beta) * sinF + h * k * beta * cosF - h);
  const x1d = (n * sma * sma / r) * (h * k * beta * cosF - (1 - h * h * beta) * sinF);
  const y1d = (n * sma * sma / r) * ((1 - k * k * beta) * cosF - h * k * beta * sinF);
  const fv = unit([1 - p * p + q * q, 2 * p * q, -2 * p]);
  const gv = unit([2 * p * q, 1 + p * p - q * q, 2 * q]);
  return [
    x1 * fv[0] + y1 * gv[0],
    x1 * fv[1] + y1 * gv[1],
    x1 * fv[2] + y1 * gv[2],
    x1d * fv[0] + y1d * gv[0],
    x1d * fv[1] + y1d * gv[1],
    x1d * fv[2] + y1d * gv[2],
  ];
}

/** Cartesian -> ModifiedEquinoctial (any conic; refused when 1 + cos i < 1e-7). */
export function cartesianToModEquinoctial(s: ArrayLike<number>, mu: number): Elements6 {
  const { r, v } = split(s);
  const rMag = norm(r);
  checkInputs(rMag, mu, "ModifiedEquinoctial");
  const hVec = cross(r, v);
  const hMag = norm(hVec);
  const rHat = unit(r);
  let hHat: V3 = [0, 0, 0];
  let vHat: V3 = [0, 0, 0];
  if (hMag !== 0) {
    hHat = unit(hVec);
    const rv = dot(r, v);
    vHat = [0, 1, 2].map((i) => (rMag * v[i] - rv / rMag * r[i]) / hMag) as V3;
  }
  const eVec = eccentricityVector(r, v, mu);
  const p = hMag * hMag / mu;
  const denom = 1 + hHat[2];
  if (Math.abs(denom) < 1e-7) {
    throw new StateError(
      "Cannot convert to ModifiedEquinoctial: the elements h and k are singular for an " +
        "inclination of 180 deg",
    );
  }
  const f = unit([1 - hHat[0] * hHat[0] / denom, -hHat[0] * hHat[1] / denom, -hHat[0]]);
  const g = unit(cross(hHat, f));
  let L = Math.atan2(rHat[1] - vHat[0], rHat[0] + vHat[1]);
  while (L > 2 * Math.PI) L -= 2 * Math.PI;
  while (L < 0) L += 2 * Math.PI;
  return [p, dot(eVec, f), dot(eVec, g), -hHat[1] / denom, hHat[0] / denom, L * DEG];
}

/** ModifiedEquinoctial -> Cartesian (SemilatusRectum must not be negative). */
export function modEquinoctialToCartesian(el: ArrayLike<number>, mu: number): Elements6 {
  const [p, f, g, h, k] = [el[0], el[1], el[2], el[3], el[4]];
  const L = el[5] / DEG;
  if (mu < MU_TOL) {
    throw new StateError(`Cannot convert from ModifiedEquinoctial: mu (${mu}) is too small`);
  }
  if (p < 0) {
    throw new StateError(
      `Cannot convert from ModifiedEquinoctial to Cartesian: SemilatusRectum (${p}) must be ` +
        "greater than 0",
    );
  }
  const r = p / (1 + f * Math.cos(L) + g * Math.sin(L));
  const x1 = r * Math.cos(L);
  const y1 = r * Math.sin(L);
  const w = p === 0 ? 0 : Math.sqrt(mu / p);
  const x1d = -w * (g + Math.sin(L));
  const y1d = w * (f + Math.cos(L));
  const alpha2 = h * h - k * k;
  const s2 = 1 + h * h + k * k;
  const fh = [(1 + alpha2) / s2, 2 * k * h / s2, -2 * k / s2];
  const gh = [2 * k * h / s2, (1 - alpha2) / s2, 2 * h / s2];
  return [
    x1 * fh[0] + y1 * gh[0],
    x1 * fh[1] + y1 * gh[1],
    x1 * fh[2] + y1 * gh[2],
    x1d * fh[0] + y1d * gh[0],
    x1d * fh[1] + y1d * gh[1],
    x1d * fh[2] + y1d * gh[2],
  ];
}

function nearHalfTurn(i: number): boolean {
  return Math.abs(i - Math.PI) < 1e-10 * Math.max(1, Math.PI);
}

/** Equinoctial -> AlternateEquinoctial (p, q scaled by cos(i/2)). */
export function equinoctialToAltEquinoctial(el: ArrayLike<number>): Elements6 {
  const [p, q] = [el[3], el[4]];
  const i = 2 * Math.atan(Math.sqrt(p * p + q * q));
  if (nearHalfTurn(i)) {
    throw new StateError("Cannot convert to AlternateEquinoctial: singular at i = 180 deg");
  }
  const c = Math.cos(i / 2);
  return [el[0], el[1], el[2], p * c, q * c, el[5]];
}

/** AlternateEquinoctial -> Equinoctial. */
export function altEquinoctialToEquinoctial(el: ArrayLike<number>): Elements6 {
  const [p, q] = [el[3], el[4]];
  const s = Math.sqrt(p * p + q * q);
  if (s > 1) {
    throw new StateError(
      `Cannot convert from AlternateEquinoctial: sqrt(AltEquinoctialP^2 + AltEquinoctialQ^2) ` +
        `= ${s} is sin(i/2) and must not exceed 1`,
    );
  }
  const i = 2 * Math.asin(s);
  if (nearHalfTurn(i)) {
    throw new StateError("Cannot convert from AlternateEquinoctial: singular at i = 180 deg");
  }
  const c = Math.cos(i / 2);
  return [el[0], el[1], el[2], p / c, q / c, el[5]];
}
