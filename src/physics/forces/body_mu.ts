/**
 * GMAT R2026a's default gravitational parameters and equatorial radii of the Sun, the Moon (Luna)
 * and the planets (`GmatSolarSystemDefaults` in GMAT's `src/gmatutil/util/GmatDefaults.hpp`:
 * `STAR_MU`, `MOON_MU`, `PLANET_MU`, `*_EQUATORIAL_RADIUS`;
 * `CelestialBody::GetGravitationalConstant` returns the mu unchanged when no potential file is attached). A point mass or central body uses
 * its body's value unless the script sets `<Body>.Mu`.
 *
 * @module
 */

import type { EphemerisBody } from "../ephemeris/geocentric.ts";

/** GMAT's default mu of every body with an ephemeris, km^3/s^2. */
export const GMAT_BODY_MU: Readonly<Record<EphemerisBody, number>> = Object.freeze({
  Sun: 132712440017.99,
  Mercury: 22032.080486418,
  Venus: 324858.59882646,
  Earth: 398600.4415,
  Luna: 4902.8005821478,
  Mars: 42828.314258067,
  Jupiter: 126712767.8578,
  Saturn: 37940626.061137,
  Uranus: 5794549.0070719,
  Neptune: 6836534.0638793,
  Pluto: 981.600887707,
});

/**
 * GMAT's default equatorial radius of every body with an ephemeris, km (the radius a body casts
 * its shadow with when it is a force model's central body).
 */
export const GMAT_BODY_RADIUS: Readonly<Record<EphemerisBody, number>> = Object.freeze({
  Sun: 695990.0,
  Mercury: 2439.7,
  Venus: 6051.9,
  Earth: 6378.1363,
  Luna: 1738.2,
  Mars: 3397.0,
  Jupiter: 71492.0,
  Saturn: 60268.0,
  Uranus: 25559.0,
  Neptune: 25269.0,
  Pluto: 1162.0,
});
