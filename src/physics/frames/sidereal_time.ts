/**
 * Greenwich sidereal time as GMAT R2026a computes it (`AxisSystem::ComputeSiderealTimeRotation`):
 *
 * - GMST (IAU-1982): 67310.54841 s + (UT1 seconds of the day) + 8640184.812866 s T
 *   + 0.093104 s T^2 - 6.2e-6 s T^3, converted at 15"/s, T = Julian centuries of UT1 from J2000;
 *   the "seconds of the day" are counted from the start of the GMAT modified Julian day (noon),
 *   which carries the whole-day part of the 876600 h T term; reduced to [0, 2 pi).
 * - Equation of the equinoxes: dpsi cos(mean eps), plus 0.00264" sin(Omega)
 *   + 0.000063" sin(2 Omega) when the TT Julian date is after 2450449.5 (1997-01-01).
 * - GAST = GMST + equation of the equinoxes (not reduced); ST = R3(GAST).
 *
 * @module
 */

import { RAD_PER_ARCSEC, RAD_PER_DEG } from "./iau1980_nutation.ts";

/** TT Julian date after which the two extra equation-of-the-equinoxes terms apply. */
export const JD_OF_JANUARY_1_1997 = 2450449.5;

/** Earth's mean rotation rate GMAT uses for the sidereal-time derivative, rad/s. */
export const EARTH_ROTATION_RATE = 7.29211514670698e-05;

const TWO_PI = 2 * Math.PI;
const SEC_TO_DEG = 15.0 / 3600.0;

/**
 * Greenwich mean sidereal time (IAU-1982), radians in [0, 2 pi).
 *
 * @param ut1SecondsOfDay UT1 seconds since the start of the GMAT MJD day (0 h = 12:00 UT1).
 * @param tUT1 Julian centuries of UT1 from J2000.
 */
export function gmst1982(ut1SecondsOfDay: number, tUT1: number): number {
  const t2 = tUT1 * tUT1;
  const t3 = t2 * tUT1;
  const deg = (67310.54841 * SEC_TO_DEG) + ut1SecondsOfDay / 86400.0 * 360.0 +
    (8640184.812866 * SEC_TO_DEG) * tUT1 + (0.093104 * SEC_TO_DEG) * t2 -
    (6.2e-06 * SEC_TO_DEG) * t3;
  const rad = deg * RAD_PER_DEG;
  const reduced = rad - Math.floor(rad / TWO_PI) * TWO_PI;
  return reduced < 0 ? reduced + TWO_PI : reduced;
}

/**
 * GMAT's equation of the equinoxes, radians.
 *
 * @param dPsi Nutation in longitude, radians.
 * @param cosMeanEps Cosine of the mean obliquity.
 * @param omega Lunar node longitude, radians.
 * @param jdTT TT Julian date (selects the post-1997 terms).
 */
export function equationOfEquinoxes(
  dPsi: number,
  cosMeanEps: number,
  omega: number,
  jdTT: number,
): number {
  let term2 = 0.0;
  let term3 = 0.0;
  if (jdTT > JD_OF_JANUARY_1_1997) {
    term2 = (0.00264 * Math.sin(omega)) * RAD_PER_ARCSEC;
    term3 = (0.000063 * Math.sin(2.0 * omega)) * RAD_PER_ARCSEC;
  }
  return (dPsi * cosMeanEps) + term2 + term3;
}

/**
 * The sidereal-time matrix ST = R3(gast) (true of date -> pseudo-Earth-fixed), row-major.
 *
 * @param gast Greenwich apparent sidereal time, radians.
 * @param out Receives the 9 elements.
 */
export function siderealMatrix(gast: number, out: Float64Array): void {
  const c = Math.cos(gast);
  const s = Math.sin(gast);
  out[0] = c;
  out[1] = s;
  out[2] = 0;
  out[3] = -s;
  out[4] = c;
  out[5] = 0;
  out[6] = 0;
  out[7] = 0;
  out[8] = 1;
}
