/**
 * Physical and time constants of the physics layer, with GMAT R2026a's values.
 *
 * Sources: `gmatutil/util/GmatDefaults.hpp` (Earth) and `gmatutil/util/GmatConstants.hpp` (time).
 * Lengths are in km, times in seconds unless a name says days.
 *
 * @module
 */

/** Earth's gravitational parameter GMAT uses by default, km^3/s^2. */
export const EARTH_MU = 398600.4415;

/** Earth's equatorial radius, km. */
export const EARTH_RADIUS = 6378.1363;

/** Earth's flattening (dimensionless). */
export const EARTH_FLATTENING = 0.0033527;

/** A1 minus TAI, seconds (A1 = TAI + 0.0343817 s). */
export const A1_MINUS_TAI = 0.0343817;

/** TT minus TAI, seconds. */
export const TT_MINUS_TAI = 32.184;

/** The GMAT modified Julian date of the J2000 epoch (JD 2451545.0). */
export const MJD_OF_J2000 = 21545.0;

/** GMAT's "ModJulian" origin: a GMAT MJD is a Julian date minus this value (JD of 1941-01-05 12:00). */
export const GMAT_MJD_JD_OFFSET = 2430000.0;

/** Seconds in a day. */
export const SECONDS_PER_DAY = 86400;

/** The Julian date of the standard (1858-11-17) MJD origin. */
export const STANDARD_MJD_JD_OFFSET = 2400000.5;

/** A standard MJD minus a GMAT MJD, days (29999.5). */
export const STANDARD_MINUS_GMAT_MJD = GMAT_MJD_JD_OFFSET - STANDARD_MJD_JD_OFFSET;
