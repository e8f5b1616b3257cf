/**
 * Element sets derived from Keplerian elements with the textbook formulas: modified equinoctial,
 * GMAT's alternate equinoctial and Delaunay. Used to check conversions against published truth
 * tables (FreeFlyer, STK); all angles in degrees, lengths in km.
 *
 * With varpi = RAAN + AOP:
 * - Modified equinoctial: p = a (1 - e^2), f = e cos varpi, g = e sin varpi,
 *   h = tan(i/2) cos RAAN, k = tan(i/2) sin RAAN, L = varpi + TA (true longitude).
 *   Singular for i = 180 deg (tan(i/2) is infinite).
 * - Alternate equinoctial (GMAT `AlternateEquinoctial`): a, h = e sin varpi, k = e cos varpi,
 *   p = sin(i/2) sin RAAN, q = sin(i/2) cos RAAN, lambda = varpi + MA (mean longitude). Elliptic
 *   only.
 * - Delaunay (GMAT `Delaunay`): l = MA, g = AOP, h = RAAN, L = sqrt(mu a), G = L sqrt(1 - e^2),
 *   H = G cos i (km^2/s). Elliptic only.
 *
 * @module
 */

import type { Keplerian } from "./types.ts";
import { StateError } from "./state_error.ts";
import { trueToMean } from "./anomaly.ts";
import { DEG, wrapDegrees } from "./_vector.ts";

/** Modified equinoctial elements. */
export interface ModifiedEquinoctial {
  /** Semi-latus rectum, km. */
  p: number;
  /** e cos(RAAN + AOP). */
  f: number;
  /** e sin(RAAN + AOP). */
  g: number;
  /** tan(i/2) cos(RAAN). */
  h: number;
  /** tan(i/2) sin(RAAN). */
  k: number;
  /** True longitude, degrees [0, 360). */
  L: number;
}

/** GMAT's alternate equinoctial elements. */
export interface AlternateEquinoctial {
  /** Semi-major axis, km. */
  sma: number;
  /** e sin(RAAN + AOP). */
  h: number;
  /** e cos(RAAN + AOP). */
  k: number;
  /** sin(i/2) sin(RAAN). */
  p: number;
  /** sin(i/2) cos(RAAN). */
  q: number;
  /** Mean longitude, degrees [0, 360). */
  mlong: number;
}

/** Delaunay elements (angles in degrees, actions in km^2/s). */
export interface Delaunay {
  /** Mean anomaly, degrees. */
  l: number;
  /** Argument of periapsis, degrees. */
  g: number;
  /** Right ascension of the ascending node, degrees. */
  h: number;
  /** sqrt(mu a), km^2/s. */
  L: number;
  /** Angular momentum L sqrt(1 - e^2), km^2/s. */
  G: number;
  /** Its z component G cos(i), km^2/s. */
  H: number;
}

/** Modified equinoctial elements from Keplerian elements (any eccentricity, i below 180 deg). */
export function keplerianToModifiedEquinoctial(k: Keplerian): ModifiedEquinoctial {
  const varpi = (k.raan + k.aop) / DEG;
  const raan = k.raan / DEG;
  const t = Math.tan(k.inc / DEG / 2);
  return {
    p: k.sma * (1 - k.ecc * k.ecc),
    f: k.ecc * Math.cos(varpi),
    g: k.ecc * Math.sin(varpi),
    h: t * Math.cos(raan),
    k: t * Math.sin(raan),
    L: wrapDegrees(k.raan + k.aop + k.ta),
  };
}

function requireElliptic(k: Keplerian, what: string): void {
  if (!(k.ecc < 1)) {
    throw new StateError(
      `${what} elements are defined for elliptic orbits only, not ECC = ${k.ecc}`,
    );
  }
}

/** GMAT's alternate equinoctial elements from Keplerian elements (elliptic orbits). */
export function keplerianToAlternateEquinoctial(k: Keplerian): AlternateEquinoctial {
  requireElliptic(k, "Alternate equinoctial");
  const varpi = (k.raan + k.aop) / DEG;
  const s = Math.sin(k.inc / DEG / 2);
  return {
    sma: k.sma,
    h: k.ecc * Math.sin(varpi),
    k: k.ecc * Math.cos(varpi),
    p: s * Math.sin(k.raan / DEG),
    q: s * Math.cos(k.raan / DEG),
    mlong: wrapDegrees(k.raan + k.aop + trueToMean(k.ta, k.ecc)),
  };
}

/** Delaunay elements from Keplerian elements (elliptic orbits). */
export function keplerianToDelaunay(k: Keplerian, mu: number): Delaunay {
  requireElliptic(k, "Delaunay");
  const L = Math.sqrt(mu * k.sma);
  const G = L * Math.sqrt(1 - k.ecc * k.ecc);
  return {
    l: trueToMean(k.ta, k.ecc),
    g: k.aop,
    h: k.raan,
    L,
    G,
    H: G * Math.cos(k.inc / DEG),
  };
}
