/**
 * Element sets that are Keplerian elements in another form, as GMAT converts them
 * (`StateConversionUtil::KeplerianToModKeplerian`, `ModKeplerianToKeplerian`,
 * `KeplerianToDelaunay`, `DelaunayToKeplerian`).
 *
 * - ModifiedKeplerian: `[RadPer, RadApo, INC, RAAN, AOP, TA]`; RadApo is negative for a hyperbola.
 * - Delaunay: `[Delaunayl, Delaunayg, Delaunayh, DelaunayL, DelaunayG, DelaunayH]` = mean anomaly,
 *   AOP, RAAN (degrees) and sqrt(mu a), L sqrt(1 - e^2), G cos i (km^2/s). Elliptic only.
 *
 * Keplerian arrays are `[SMA, ECC, INC, RAAN, AOP, TA]`, degrees.
 *
 * @module
 */

import { StateError } from "./state_error.ts";
import { meanToTrueRad, trueToMeanRad } from "./anomaly.ts";
import { DEG } from "./_vector.ts";
import type { Elements6 } from "./spherical.ts";

/** Keplerian -> ModifiedKeplerian (refuses near-parabolic and periapsis below 1 m). */
export function keplerianToModKeplerian(k: ArrayLike<number>): Elements6 {
  let [a, e] = [k[0], k[1]];
  if (a === 1 || !Number.isFinite(a)) {
    throw new StateError("Cannot convert to ModifiedKeplerian: SMA is parabolic or infinite");
  }
  if (e < 0) e = -e;
  if ((a > 0 && e > 1) || (a < 0 && e < 1)) a = -a;
  if (Math.abs(a * (1 - e)) < 0.001) {
    throw new StateError(
      `Cannot convert to ModifiedKeplerian: the radius of periapsis (${
        Math.abs(a * (1 - e))
      } km) must be greater than 1 meter`,
    );
  }
  if (Math.abs(1 - e) < 1e-7) {
    throw new StateError(
      `Cannot convert to ModifiedKeplerian: the orbit is nearly parabolic (ECC = ${e})`,
    );
  }
  return [a * (1 - e), a * (1 + e), k[2], k[3], k[4], k[5]];
}

/** ModifiedKeplerian -> Keplerian, with GMAT's checks on RadPer and RadApo. */
export function modKeplerianToKeplerian(m: ArrayLike<number>): Elements6 {
  const [radPer, radApo] = [m[0], m[1]];
  if (Math.abs(radApo) <= 0.001) {
    throw new StateError("Cannot convert from ModifiedKeplerian: RadApo must not be zero");
  }
  if (radApo < radPer && radApo > 0) {
    throw new StateError(
      "Cannot convert from ModifiedKeplerian: if RadApo < RadPer then RadApo must be " +
        "negative (a hyperbola); set RadApo before RadPer to avoid this",
    );
  }
  if (radPer <= 0) {
    throw new StateError("Cannot convert from ModifiedKeplerian: RadPer must be greater than 0");
  }
  const ratio = radPer / radApo;
  const e = (1 - ratio) / (1 + ratio);
  return [radPer / (1 - e), e, m[2], m[3], m[4], m[5]];
}

/** Keplerian -> Delaunay (elliptic orbits). */
export function keplerianToDelaunayElements(k: ArrayLike<number>, mu: number): Elements6 {
  let [a, e] = [k[0], k[1]];
  if (e < 0) e = -e;
  if ((a > 0 && e > 1) || (a < 0 && e < 1)) a = -a;
  if (Math.abs(a * (1 - e)) < 0.001 || Math.abs(1 - e) < 1e-7) {
    throw new StateError(
      `Cannot convert to Delaunay: the orbit is singular or nearly parabolic (ECC = ${e})`,
    );
  }
  if (e > 1) {
    throw new StateError(
      `Cannot convert to Delaunay: the elements are defined for ellipses only (ECC = ${e})`,
    );
  }
  const L = Math.sqrt(mu * a);
  const G = L * Math.sqrt(1 - e * e);
  return [trueToMeanRad(k[5] / DEG, e) * DEG, k[4], k[3], L, G, G * Math.cos(k[2] / DEG)];
}

/** Delaunay -> Keplerian. */
export function delaunayToKeplerian(d: ArrayLike<number>, mu: number): Elements6 {
  const [L, G, H] = [d[3], d[4], d[5]];
  if (!(L > 0) || Math.abs(G) > L || Math.abs(H) > Math.abs(G) || G === 0) {
    throw new StateError(
      `Cannot convert from Delaunay: need DelaunayL > 0, |DelaunayG| <= DelaunayL and ` +
        `|DelaunayH| <= |DelaunayG| (got L = ${L}, G = ${G}, H = ${H})`,
    );
  }
  const e = Math.sqrt(1 - (G / L) * (G / L));
  const inc = Math.acos(H / G) * DEG;
  return [L * L / mu, e, inc, d[2], d[1], meanToTrueRad(d[0] / DEG, e) * DEG];
}
