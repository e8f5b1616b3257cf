/**
 * Conversions between true, eccentric, hyperbolic and mean anomaly, following GMAT's
 * `StateConversionUtil` (all public functions take and return degrees).
 *
 * Regimes, as in GMAT: elliptic when ECC < 1 - 1e-11, hyperbolic when ECC > 1 + 1e-11. The
 * elliptic mean and eccentric anomalies are returned in [0, 360); the hyperbolic mean anomaly
 * M = e sinh H - H and hyperbolic anomaly H are signed (not angles). Between the two regimes
 * (near-parabolic) GMAT sets the mean anomaly to 0 and so does {@link trueToMean}.
 *
 * Mean to true anomaly solves Kepler's equation by Newton iteration until successive eccentric
 * (or hyperbolic) anomalies differ by less than 1e-8 rad, GMAT's tolerance; the quadratic
 * convergence makes the result accurate to rounding.
 *
 * @module
 */

import { StateError } from "./state_error.ts";
import { DEG, wrapRadians } from "./_vector.ts";

const KEP_TOL = 1e-11;
const KEP_ANOMALY_TOL = 1e-12;
const MEAN_TO_TRUE_TOL = 1e-8;
const MAX_ITERATIONS = 1000;

/** Eccentric anomaly in radians [0, 2 pi) from true anomaly in radians; 0 when not elliptic. */
export function trueToEccentricRad(ta: number, ecc: number): number {
  if (ecc > 1 - KEP_ANOMALY_TOL) return 0;
  const cosTa = Math.cos(ta);
  const denom = 1 + ecc * cosTa;
  const sinEa = (Math.sqrt(1 - ecc * ecc) * Math.sin(ta)) / denom;
  const cosEa = (ecc + cosTa) / denom;
  const ea = Math.atan2(sinEa, cosEa);
  return ea < 0 ? ea + 2 * Math.PI : ea;
}

/** Hyperbolic anomaly (signed) from true anomaly in radians; 0 when not hyperbolic. */
export function trueToHyperbolicRad(ta: number, ecc: number): number {
  if (ecc < 1 + KEP_TOL) return 0;
  return 2 * Math.atanh(Math.tan(ta / 2) * Math.sqrt((ecc - 1) / (ecc + 1)));
}

/** Mean anomaly in radians from true anomaly in radians (GMAT's TrueToMeanAnomaly). */
export function trueToMeanRad(ta: number, ecc: number): number {
  if (ecc < 1 - KEP_TOL) {
    const ea = trueToEccentricRad(ta, ecc);
    const ma = ea - ecc * Math.sin(ea);
    return ma < 0 ? ma + 2 * Math.PI : ma;
  }
  if (ecc > 1 + KEP_TOL) {
    const ha = trueToHyperbolicRad(ta, ecc);
    return ecc * Math.sinh(ha) - ha;
  }
  return 0;
}

/** True anomaly in radians [0, 2 pi) from mean anomaly in radians (GMAT's MeanToTrueAnomaly). */
export function meanToTrueRad(ma: number, ecc: number): number {
  if (!Number.isFinite(ma) || !Number.isFinite(ecc) || ecc < 0) {
    throw new StateError(
      `Cannot convert mean anomaly ${ma * DEG} deg with ECC = ${ecc} to true anomaly: ` +
        "MA must be finite and ECC a finite number >= 0",
    );
  }
  if (Math.abs(1 - ecc) < 1e-30) {
    throw new StateError(
      "Cannot convert mean anomaly to true anomaly for a parabolic orbit (ECC = 1); " +
        "set ECC away from 1",
    );
  }
  if (ecc <= 1) {
    let e2 = ma + ecc * Math.sin(ma);
    for (let iter = 1;; iter++) {
      if (iter > MAX_ITERATIONS) throw nonConvergence(ma, ecc);
      const e1 = e2 - (e2 - ecc * Math.sin(e2) - ma) / (1 - ecc * Math.cos(e2));
      const done = Math.abs(e2 - e1) < MEAN_TO_TRUE_TOL;
      e2 = e1;
      if (done) break;
    }
    let ea = e2;
    if (ea < 0) ea += 2 * Math.PI;
    const ta = Math.abs(ea - Math.PI) >= 1e-8
      ? 2 * Math.atan(Math.sqrt((1 + ecc) / (1 - ecc)) * Math.tan(ea / 2))
      : ea;
    return wrapRadians(ta);
  }
  // Hyperbolic: Newton on e sinh F - F = M from a starting value that keeps the iteration short.
  let f2 = Math.sign(ma) * Math.log(2 * Math.abs(ma) / ecc + 1.8);
  for (let iter = 1;; iter++) {
    if (iter > MAX_ITERATIONS) throw nonConvergence(ma, ecc);
    const f1 = f2 - (ecc * Math.sinh(f2) - f2 - ma) / (ecc * Math.cosh(f2) - 1);
    const done = Math.abs(f2 - f1) < MEAN_TO_TRUE_TOL;
    f2 = f1;
    if (done) break;
  }
  const ta = 2 * Math.atan(Math.sqrt((ecc + 1) / (ecc - 1)) * Math.tanh(f2 / 2));
  return wrapRadians(ta);
}

function nonConvergence(ma: number, ecc: number): StateError {
  return new StateError(
    `Kepler's equation did not converge for mean anomaly ${ma * DEG} deg and ECC = ${ecc}; ` +
      "check the MA and ECC values",
  );
}

/**
 * Mean anomaly from true anomaly.
 *
 * @param ta True anomaly, degrees.
 * @param ecc Eccentricity.
 * @returns Mean anomaly in degrees: in [0, 360) for an ellipse, signed M = e sinh H - H (in
 *   "degrees", i.e. radians x 180/pi, as GMAT reports it) for a hyperbola, 0 near-parabolic.
 *
 * @example
 * ```ts
 * import { trueToMean } from "./anomaly.ts";
 * trueToMean(90, 0.1); // about 78.6
 * ```
 */
export function trueToMean(ta: number, ecc: number): number {
  return trueToMeanRad(ta / DEG, ecc) * DEG;
}

/**
 * True anomaly from mean anomaly (elliptic or hyperbolic), solved with GMAT's tolerance 1e-8.
 *
 * @param ma Mean anomaly, degrees (any value; hyperbolic M is not an angle and is not wrapped).
 * @param ecc Eccentricity (not 1).
 * @returns True anomaly in degrees, [0, 360).
 * @throws {StateError} `STATE_CONVERSION` for ECC = 1, a negative ECC or non-finite input.
 *
 * @example
 * ```ts
 * import { meanToTrue, trueToMean } from "./anomaly.ts";
 * meanToTrue(trueToMean(123.4, 0.3), 0.3); // 123.4 (to rounding)
 * ```
 */
export function meanToTrue(ma: number, ecc: number): number {
  return meanToTrueRad(ma / DEG, ecc) * DEG;
}

/**
 * Eccentric anomaly from true anomaly (GMAT's `EA`).
 *
 * @param ta True anomaly, degrees.
 * @param ecc Eccentricity.
 * @returns Eccentric anomaly in degrees, [0, 360); 0 when ECC >= 1 - 1e-12 (as in GMAT).
 */
export function trueToEccentric(ta: number, ecc: number): number {
  return trueToEccentricRad(ta / DEG, ecc) * DEG;
}

/**
 * Hyperbolic anomaly from true anomaly (GMAT's `HA`).
 *
 * @param ta True anomaly, degrees.
 * @param ecc Eccentricity.
 * @returns Hyperbolic anomaly H in "degrees" (radians x 180/pi, signed); 0 when ECC < 1 + 1e-11.
 */
export function trueToHyperbolic(ta: number, ecc: number): number {
  return trueToHyperbolicRad(ta / DEG, ecc) * DEG;
}
