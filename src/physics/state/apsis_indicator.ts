/**
 * The `Periapsis` and `Apoapsis` stop parameters: the cosine between position and velocity.
 *
 * GMAT (`OrbitalParameters.cpp`) evaluates unit(r) . unit(v) relative to the named body; it is
 * negative before periapsis and positive after. A periapsis value equal to 0 within machine
 * epsilon is replaced by +1e-40 and an apoapsis value of exactly 0 by -1e-40, so a crossing
 * search never sees an exact zero.
 *
 * @module
 */

import type { Vec6 } from "./types.ts";
import { dot, norm, split } from "./_vector.ts";

function cosine(s: Vec6): number {
  const { r, v } = split(s);
  return dot(r, v) / (norm(r) * norm(v));
}

/**
 * GMAT's periapsis indicator unit(r) . unit(v), with +1e-40 in place of (near-)zero.
 *
 * @param s Cartesian state relative to the body, km and km/s.
 * @returns A cosine in [-1, 1]; crosses 0 upward at periapsis.
 */
export function periapsisIndicator(s: Vec6): number {
  const c = cosine(s);
  return Math.abs(c) <= Number.EPSILON ? 1e-40 : c;
}

/**
 * GMAT's apoapsis indicator unit(r) . unit(v), with -1e-40 in place of exactly zero.
 *
 * @param s Cartesian state relative to the body, km and km/s.
 * @returns A cosine in [-1, 1]; crosses 0 downward at apoapsis.
 */
export function apoapsisIndicator(s: Vec6): number {
  const c = cosine(s);
  return c === 0 ? -1e-40 : c;
}
