/**
 * GMAT's spherical state representations (`StateConversionUtil::CartesianToSphericalAZFPA`,
 * `SphericalAZFPAToCartesian`, `CartesianToSphericalRADEC`, `SphericalRADECToCartesian`).
 *
 * - SphericalAZFPA: `[RMAG, RA, DEC, VMAG, AZI, FPA]` — RA/DEC of the position, the flight-path
 *   azimuth AZI (from north, toward east) and the vertical flight-path angle FPA (between position
 *   and velocity).
 * - SphericalRADEC: `[RMAG, RA, DEC, VMAG, RAV, DECV]` — RA/DEC of the position and of the
 *   velocity.
 *
 * Angles in degrees (RA, AZI and RAV in (-180, 180] as atan2 gives them), lengths in km.
 * Both refuse RMAG or VMAG below 1e-10 (the angles are undefined).
 *
 * @module
 */

import { StateError } from "./state_error.ts";
import { DEG, dot, norm, split } from "./_vector.ts";

/** Six state elements in GMAT order. */
export type Elements6 = [number, number, number, number, number, number];

function magnitudes(s: ArrayLike<number>, what: string) {
  const { r, v } = split(s);
  const rMag = norm(r);
  const vMag = norm(v);
  for (const [name, value] of [["RMAG", rMag], ["VMAG", vMag]] as const) {
    if (value < 1e-10) {
      throw new StateError(
        `Cannot convert to ${what}: the spherical elements are undefined because ${name} ` +
          `(${value}) is less than 1e-10`,
      );
    }
  }
  return { r, v, rMag, vMag };
}

/** Cartesian -> SphericalAZFPA `[RMAG, RA, DEC, VMAG, AZI, FPA]`. */
export function cartesianToSphericalAzFpa(s: ArrayLike<number>): Elements6 {
  const { r, v, rMag, vMag } = magnitudes(s, "SphericalAZFPA");
  const lambda = Math.atan2(r[1], r[0]);
  const delta = Math.asin(r[2] / rMag);
  const psi = Math.acos(dot(r, v) / (rMag * vMag));
  // Local frame: y east, z north; the azimuth is measured from north toward east.
  const yl = [Math.cos(lambda + Math.PI / 2), Math.sin(lambda + Math.PI / 2), 0];
  const zl = [
    -Math.sin(delta) * Math.cos(lambda),
    -Math.sin(delta) * Math.sin(lambda),
    Math.cos(delta),
  ];
  const alpha = Math.atan2(dot(yl, v), dot(zl, v));
  return [rMag, lambda * DEG, delta * DEG, vMag, alpha * DEG, psi * DEG];
}

/** SphericalAZFPA `[RMAG, RA, DEC, VMAG, AZI, FPA]` -> Cartesian. */
export function sphericalAzFpaToCartesian(e: ArrayLike<number>): Elements6 {
  const [rMag, lam, del, vMag, az, fpa] = [e[0], e[1] / DEG, e[2] / DEG, e[3], e[4] / DEG, e[5]];
  const psi = fpa / DEG;
  const sd = Math.sin(del), cd = Math.cos(del), sl = Math.sin(lam), cl = Math.cos(lam);
  const sp = Math.sin(psi), cp = Math.cos(psi), sa = Math.sin(az), ca = Math.cos(az);
  return [
    rMag * cd * cl,
    rMag * cd * sl,
    rMag * sd,
    vMag * (cp * cd * cl - sp * (sa * sl + ca * sd * cl)),
    vMag * (cp * cd * sl + sp * (sa * cl - ca * sd * sl)),
    vMag * (cp * sd + sp * ca * cd),
  ];
}

/** Cartesian -> SphericalRADEC `[RMAG, RA, DEC, VMAG, RAV, DECV]`. */
export function cartesianToSphericalRaDec(s: ArrayLike<number>): Elements6 {
  const { r, v, rMag, vMag } = magnitudes(s, "SphericalRADEC");
  return [
    rMag,
    Math.atan2(r[1], r[0]) * DEG,
    Math.asin(r[2] / rMag) * DEG,
    vMag,
    Math.atan2(v[1], v[0]) * DEG,
    Math.asin(v[2] / vMag) * DEG,
  ];
}

/**
 * SphericalRADEC `[RMAG, RA, DEC, VMAG, RAV, DECV]` -> Cartesian. GMAT computes VY as
 * VX tan(RAV), which loses VY when RAV is +-90 deg; this uses VMAG cos(DECV) sin(RAV), equal
 * elsewhere to rounding.
 */
export function sphericalRaDecToCartesian(e: ArrayLike<number>): Elements6 {
  const [rMag, lam, del, vMag, lamV, delV] = [
    e[0],
    e[1] / DEG,
    e[2] / DEG,
    e[3],
    e[4] / DEG,
    e[5] / DEG,
  ];
  return [
    rMag * Math.cos(del) * Math.cos(lam),
    rMag * Math.cos(del) * Math.sin(lam),
    rMag * Math.sin(del),
    vMag * Math.cos(lamV) * Math.cos(delV),
    vMag * Math.cos(delV) * Math.sin(lamV),
    vMag * Math.sin(delV),
  ];
}
