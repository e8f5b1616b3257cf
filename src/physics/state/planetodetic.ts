/**
 * GMAT's Planetodetic representation of a body-fixed state (`StateConversionUtil::
 * CartesianToPlanetodetic` and `PlanetodeticToCartesian`):
 * `[PlanetodeticRMAG, PlanetodeticLON, PlanetodeticLAT, PlanetodeticVMAG, PlanetodeticAZI,
 * PlanetodeticHFPA]` — the SphericalAZFPA elements of the body-fixed state with the latitude made
 * geodetic (iterated to 1e-13 rad over the ellipsoid) and the horizontal flight-path angle
 * 90 - FPA. Input ranges checked as GMAT does: LON and AZI in [-180, 180], LAT and HFPA in
 * [-90, 90]. The inverse turns geodetic into geocentric latitude with GMAT's second-order
 * series in the flattening, iterated on the altitude.
 *
 * @module
 */

import { StateError } from "./state_error.ts";
import {
  cartesianToSphericalAzFpa,
  type Elements6,
  sphericalAzFpaToCartesian,
} from "./spherical.ts";
import { DEG } from "./_vector.ts";

/** Body-fixed Cartesian state -> Planetodetic elements. */
export function cartesianToPlanetodetic(
  s: ArrayLike<number>,
  flattening: number,
  eqRadius: number,
): Elements6 {
  const [rMag, lon, latg, vMag, azi, vfpa] = cartesianToSphericalAzFpa(s);
  const rz = s[2];
  const rxy = Math.sqrt(s[0] * s[0] + s[1] * s[1]);
  const e2 = 2 * flattening - flattening * flattening;
  let latd = latg / DEG;
  for (let i = 0; i < 200; i++) {
    const old = latd;
    const c = eqRadius / Math.sqrt(1 - e2 * Math.sin(old) * Math.sin(old));
    latd = Math.atan((rz + c * e2 * Math.sin(old)) / rxy);
    if (Math.abs(latd - old) < 1e-13) break;
  }
  return [rMag, lon, latd * DEG, vMag, azi, 90 - vfpa];
}

function checkRange(value: number, lo: number, hi: number, name: string): void {
  if (value < lo || value > hi) {
    throw new StateError(
      `Cannot convert from Planetodetic to Cartesian: ${name} (${value}) must be in ` +
        `[${lo}, ${hi}] deg`,
    );
  }
}

/** Planetodetic elements -> body-fixed Cartesian state. */
export function planetodeticToCartesian(
  p: ArrayLike<number>,
  flattening: number,
  eqRadius: number,
): Elements6 {
  const [rMag, lonDeg, latDeg, vMag, azi, hfpa] = [p[0], p[1], p[2], p[3], p[4], p[5]];
  checkRange(lonDeg, -180, 180, "PlanetodeticLON");
  checkRange(latDeg, -90, 90, "PlanetodeticLAT");
  checkRange(hfpa, -90, 90, "PlanetodeticHFPA");
  checkRange(azi, -180, 180, "PlanetodeticAZI");
  const lon = lonDeg / DEG;
  const latd = latDeg / DEG;
  const f = flattening;
  const e2 = 2 * f - f * f;
  let latg = latd;
  for (let i = 0; i < 200; i++) {
    if (Math.abs(latg - Math.PI / 2) < 0.001 / DEG) break;
    const old = latg;
    const x = rMag * Math.cos(old) * Math.cos(lon);
    const y = rMag * Math.cos(old) * Math.sin(lon);
    const alt = Math.sqrt(x * x + y * y) / Math.cos(latd) -
      eqRadius / Math.sqrt(1 - e2 * Math.sin(latd) * Math.sin(latd));
    const s2 = Math.sin(2 * latd);
    const s4 = Math.sin(4 * latd);
    const d = alt / eqRadius + 1;
    latg = latd + (-s2 / d) * f +
      (-s2 / (2 * d * d) + (1 / (4 * d * d) + 1 / (4 * d)) * s4) * f * f;
    if (Math.abs(latg - old) < 1e-13) break;
  }
  return sphericalAzFpaToCartesian([rMag, lonDeg, latg * DEG, vMag, azi, 90 - hfpa]);
}
