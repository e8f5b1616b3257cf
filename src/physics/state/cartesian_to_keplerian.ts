/**
 * Cartesian state to Keplerian elements, as GMAT's full-state conversion does it
 * (`StateConversionUtil::CartesianToKeplerian` / `ComputeCartToKepl`).
 *
 * - h = r x v, node vector n = z x h, eccentricity vector e = ((v^2 - mu/r) r - (r.v) v) / mu,
 *   energy xi = v^2/2 - mu/r, SMA = -mu / (2 xi) (negative for a hyperbola), INC = acos(h_z/|h|).
 * - Refused (StateError `STATE_CONVERSION`): |r| or |v| below 1e-10, h = 0, |1 - ECC| <= 1e-7
 *   (parabolic), |SMA (1 - ECC)| < 0.001 km (periapsis below 1 m), mu below 1e-15.
 * - Degenerate cases use the threshold 1e-11 on ECC and on INC in radians (equatorial means
 *   INC < 1e-11 or INC > pi - 1e-11):
 *   1. non-circular inclined: RAAN from n, AOP from n to e, TA from e to r;
 *   2. non-circular equatorial: RAAN = 0, AOP = longitude of periapsis (angle of e from x), TA
 *      from e to r; for retrograde-equatorial orbits the AOP is negated (GMAT's GMT-4446 fix);
 *   3. circular inclined: AOP = 0, TA = argument of latitude (n to r);
 *   4. circular equatorial: RAAN = AOP = 0, TA = true longitude (angle of r from x), negated for
 *      retrograde-equatorial orbits.
 * - Angles are returned in [0, 360); acos arguments are clamped into [-1, 1].
 *
 * Note: GMAT's *single-parameter* functions (report parameters such as `Sat.Earth.AOP`) do not
 * negate the retrograde-equatorial angles; `orbitParameter` follows those.
 *
 * @module
 */

import type { Keplerian, Vec6 } from "./types.ts";
import { StateError } from "./state_error.ts";
import {
  acosClamped,
  cross,
  DEG,
  dot,
  eccentricityVector,
  norm,
  split,
  wrapDegrees,
} from "./_vector.ts";

const KEP_TOL = 1e-11;
const KEP_ECC_TOL = 1e-7;

/**
 * Converts a Cartesian state to Keplerian elements with GMAT's rules.
 *
 * @param s Cartesian state `[x, y, z, vx, vy, vz]`, km and km/s.
 * @param mu Gravitational parameter of the central body, km^3/s^2.
 * @returns Keplerian elements (degrees; SMA negative for a hyperbola).
 * @throws {StateError} `STATE_CONVERSION` when the elements are undefined (see module doc).
 *
 * @example GMAT's default spacecraft
 * ```ts
 * import { cartesianToKeplerian } from "./cartesian_to_keplerian.ts";
 * const k = cartesianToKeplerian(new Float64Array([7100, 0, 1300, 0, 7.35, 1]), 398600.4415);
 * k.sma; // 7191.938817629013
 * ```
 */
export function cartesianToKeplerian(s: Vec6, mu: number): Keplerian {
  if (!(mu >= 1e-15)) {
    throw new StateError(
      `Cannot convert a Cartesian state to Keplerian elements with mu = ${mu}: the ` +
        "gravitational parameter of the central body must be positive",
    );
  }
  const { r, v } = split(s);
  if (!(dot(r, r) > 1e-20) || !(dot(v, v) > 1e-20)) {
    throw new StateError(
      `Cannot convert the Cartesian state [${Array.from(s).join(", ")}] to Keplerian elements: ` +
        "position and velocity must both be non-zero",
    );
  }
  const h = cross(r, v);
  const hMag = norm(h);
  const n = cross([0, 0, 1], h);
  const nMag = norm(n);
  const rMag = norm(r);
  const vMag = norm(v);
  const eVec = eccentricityVector(r, v, mu);
  const e = norm(eVec);
  const zeta = 0.5 * vMag * vMag - mu / rMag;
  if (Math.abs(1 - e) <= KEP_ECC_TOL || zeta === 0) {
    throw new StateError(
      `Cannot convert the Cartesian state to Keplerian elements: the orbit is nearly parabolic ` +
        `(ECC = ${e}) and Keplerian elements are undefined for |1 - ECC| <= 1e-7; change the ` +
        "velocity magnitude or keep the state Cartesian",
    );
  }
  const sma = -mu / (2 * zeta);
  if (Math.abs(sma * (1 - e)) < 0.001) {
    throw new StateError(
      `Cannot convert the Cartesian state to Keplerian elements: the radius of periapsis ` +
        `|SMA (1 - ECC)| = ${Math.abs(sma * (1 - e))} km is below 1 m (a singular conic); ` +
        "check the position and velocity",
    );
  }
  if (hMag === 0) {
    throw new StateError(
      "Cannot convert the Cartesian state to Keplerian elements: position and velocity are " +
        "parallel (zero angular momentum)",
    );
  }
  const i = Math.acos(h[2] / hMag);
  const inclined = i >= KEP_TOL && i <= Math.PI - KEP_TOL;
  const retro = i > Math.PI - KEP_TOL;
  const circular = e < KEP_TOL;
  const twoPi = 2 * Math.PI;
  let raan = 0;
  let aop = 0;
  let ta = 0;
  if (!circular && inclined) {
    raan = acosClamped(n[0] / nMag);
    if (n[1] < 0) raan = twoPi - raan;
    aop = acosClamped(dot(n, eVec) / (nMag * e));
    if (eVec[2] < 0) aop = twoPi - aop;
    ta = acosClamped(dot(eVec, r) / (e * rMag));
    if (dot(r, v) < 0) ta = twoPi - ta;
  } else if (!circular) {
    aop = acosClamped(eVec[0] / e);
    if (eVec[1] < 0) aop = twoPi - aop;
    if (retro) aop = -aop;
    if (aop < 0) aop += twoPi;
    ta = acosClamped(dot(eVec, r) / (e * rMag));
    if (dot(r, v) < 0) ta = twoPi - ta;
  } else if (inclined) {
    raan = acosClamped(n[0] / nMag);
    if (n[1] < 0) raan = twoPi - raan;
    ta = acosClamped(dot(n, r) / (nMag * rMag));
    if (r[2] < 0) ta = twoPi - ta;
  } else {
    ta = acosClamped(r[0] / rMag);
    if (r[1] < 0) ta = twoPi - ta;
    if (retro) ta = -ta;
    if (ta < 0) ta += twoPi;
  }
  return {
    sma,
    ecc: e,
    inc: i * DEG,
    raan: wrapDegrees(raan * DEG),
    aop: wrapDegrees(aop * DEG),
    ta: wrapDegrees(ta * DEG),
  };
}
