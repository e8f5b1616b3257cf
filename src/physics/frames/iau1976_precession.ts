/**
 * IAU-1976 precession as GMAT R2026a computes it (`AxisSystem::ComputePrecessionMatrix`): the
 * angles zeta, theta, z (Lieske 1977 polynomials, arcsec) and the matrix from the mean equator
 * and equinox of J2000 (MJ2000Eq) to the mean equator and equinox of date,
 *   PREC = R3(-z) R2(theta) R3(-zeta),
 * with T = Julian centuries of TT from J2000 (GMAT uses TT in place of TDB).
 *
 * @module
 */

import { RAD_PER_ARCSEC } from "./iau1980_nutation.ts";

/**
 * The precession angles [zeta, theta, z] in radians into out[0..2].
 *
 * @param tTT Julian centuries of TT from J2000.
 * @param out Receives the three angles.
 */
export function precessionAngles1976(tTT: number, out: Float64Array): void {
  const t2 = tTT * tTT;
  const t3 = t2 * tTT;
  out[0] = (2306.2181 * tTT + 0.30188 * t2 + 0.017998 * t3) * RAD_PER_ARCSEC;
  out[1] = (2004.3109 * tTT - 0.42665 * t2 - 0.041833 * t3) * RAD_PER_ARCSEC;
  out[2] = (2306.2181 * tTT + 1.09468 * t2 + 0.018203 * t3) * RAD_PER_ARCSEC;
}

/**
 * The precession matrix PREC (MJ2000Eq -> mean of date), row-major into out[0..8].
 *
 * @param tTT Julian centuries of TT from J2000.
 * @param out Receives the 9 elements.
 */
export function precessionMatrix1976(tTT: number, out: Float64Array): void {
  const t2 = tTT * tTT;
  const t3 = t2 * tTT;
  const zeta = (2306.2181 * tTT + 0.30188 * t2 + 0.017998 * t3) * RAD_PER_ARCSEC;
  const theta = (2004.3109 * tTT - 0.42665 * t2 - 0.041833 * t3) * RAD_PER_ARCSEC;
  const z = (2306.2181 * tTT + 1.09468 * t2 + 0.018203 * t3) * RAD_PER_ARCSEC;
  const ct = Math.cos(theta);
  const cz = Math.cos(z);
  const cze = Math.cos(zeta);
  const st = Math.sin(theta);
  const sz = Math.sin(z);
  const sze = Math.sin(zeta);
  out[0] = ct * cz * cze - sz * sze;
  out[1] = -sze * ct * cz - sz * cze;
  out[2] = -st * cz;
  out[3] = sz * ct * cze + sze * cz;
  out[4] = -sz * sze * ct + cz * cze;
  out[5] = -st * sz;
  out[6] = st * cze;
  out[7] = -st * sze;
  out[8] = ct;
}
