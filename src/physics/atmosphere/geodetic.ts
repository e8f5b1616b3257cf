/**
 * Geodetic height, latitude and longitude of a body-fixed position, computed the way GMAT's
 * `AtmosphereModel::CalculateGeodetics` does for every drag density (R2026a: `useGeodetic`
 * is true).
 *
 * GMAT iterates the geodetic latitude from the geocentric one with
 * `lat = atan2(z + C e^2 sin(lat), rxy)`, `C = R / sqrt(1 - e^2 sin^2(lat))`, until two iterates
 * differ by at most 1e-7 rad, then takes `h = rxy / cos(lat) - C`. The ellipsoid is the central
 * body's equatorial radius and flattening (Earth: 6378.1363 km, 0.0033527). Latitude and longitude
 * are returned in degrees, longitude in [-180, 180].
 *
 * @module
 */

import { EARTH_FLATTENING, EARTH_RADIUS } from "../constants.ts";

/** Geodetic coordinates of a point, as GMAT's atmosphere models use them. */
export interface Geodetic {
  /** Height above the reference ellipsoid, km. */
  readonly heightKm: number;
  /** Geodetic latitude, degrees. */
  readonly latDeg: number;
  /** East longitude, degrees in [-180, 180]. */
  readonly lonDeg: number;
}

/** GMAT's convergence tolerance on the latitude iterate, radians. */
const LATITUDE_TOLERANCE = 1.0e-7;

/**
 * Converts a body-fixed position to GMAT's geodetic height, latitude and longitude.
 *
 * @param rFixed Body-fixed position `[x, y, z]`, km.
 * @param radius Equatorial radius of the ellipsoid, km (default Earth's).
 * @param flattening Flattening of the ellipsoid (default Earth's).
 * @returns Height (km), geodetic latitude and longitude (degrees).
 */
export function geodeticFromBodyFixed(
  rFixed: ArrayLike<number>,
  radius: number = EARTH_RADIUS,
  flattening: number = EARTH_FLATTENING,
): Geodetic {
  const x = rFixed[0];
  const y = rFixed[1];
  const z = rFixed[2];
  const rxy = Math.sqrt(x * x + y * y);
  const ecc2 = flattening * (2 - flattening);
  let lat = Math.atan2(z, rxy);
  let delta = 1;
  while (delta > LATITUDE_TOLERANCE) {
    const previous = lat;
    const s = Math.sin(previous);
    const c = radius / Math.sqrt(1 - ecc2 * s * s);
    lat = Math.atan2(z + c * ecc2 * s, rxy);
    delta = Math.abs(lat - previous);
  }
  const s = Math.sin(lat);
  const c = radius / Math.sqrt(1 - ecc2 * s * s);
  return {
    heightKm: rxy / Math.cos(lat) - c,
    latDeg: lat * (180 / Math.PI),
    lonDeg: Math.atan2(y, x) * (180 / Math.PI),
  };
}
