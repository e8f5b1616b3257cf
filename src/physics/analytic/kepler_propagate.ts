/**
 * Analytic two-body propagation with universal variables (Lagrange f and g functions), for
 * elliptic, parabolic and hyperbolic orbits. Used as the reference for integrator tests and the
 * propagation benchmark.
 *
 * The universal anomaly chi solves
 * sqrt(mu) dt = (r0 . v0 / sqrt(mu)) chi^2 C(z) + (1 - alpha r0) chi^3 S(z) + r0 chi, z = alpha chi^2,
 * alpha = 2/r0 - v0^2/mu, with Stumpff functions C and S, by Newton iteration with a bisection
 * safeguard. For an ellipse whole periods are removed from dt first, which keeps chi small and the
 * result accurate over many revolutions.
 *
 * @module
 */

import type { Vec6 } from "../state/types.ts";

/** Series sum_k (-z)^k / (2k + first)! for the Stumpff functions at small |z|. */
function stumpffSeries(z: number, first: number): number {
  let term = 1;
  for (let i = 2; i <= first; i++) term /= i;
  let sum = term;
  for (let k = 1; k < 30; k++) {
    term *= -z / ((2 * k + first - 1) * (2 * k + first));
    sum += term;
    if (Math.abs(term) < 1e-18 * Math.abs(sum)) break;
  }
  return sum;
}

/** Stumpff C(z) = (1 - cos sqrt z) / z, in cancellation-free forms. */
function stumpffC(z: number): number {
  if (z > 1) return 2 * Math.sin(Math.sqrt(z) / 2) ** 2 / z;
  if (z < -1) return 2 * Math.sinh(Math.sqrt(-z) / 2) ** 2 / -z;
  return stumpffSeries(z, 2);
}

/** Stumpff S(z) = (sqrt z - sin sqrt z) / z^(3/2), in cancellation-free forms. */
function stumpffS(z: number): number {
  if (z > 1) {
    const s = Math.sqrt(z);
    return (s - Math.sin(s)) / (s * s * s);
  }
  if (z < -1) {
    const s = Math.sqrt(-z);
    return (Math.sinh(s) - s) / (s * s * s);
  }
  return stumpffSeries(z, 3);
}

/**
 * Propagates a Cartesian state analytically under point-mass gravity.
 *
 * @param state Initial state `[x, y, z, vx, vy, vz]`, km and km/s.
 * @param mu Gravitational parameter, km^3/s^2.
 * @param dt Time of flight, seconds (negative propagates backward).
 * @returns The state after `dt` (a new array).
 *
 * @example A quarter of a circular orbit
 * ```ts
 * import { keplerPropagate } from "./kepler_propagate.ts";
 * const mu = 398600.4415;
 * const v = Math.sqrt(mu / 7000);
 * const period = 2 * Math.PI * Math.sqrt(7000 ** 3 / mu);
 * keplerPropagate(new Float64Array([7000, 0, 0, 0, v, 0]), mu, period / 4); // ~[0, 7000, 0, -v, 0, 0]
 * ```
 */
export function keplerPropagate(state: Vec6, mu: number, dt: number): Vec6 {
  const r0v = [state[0], state[1], state[2]];
  const v0v = [state[3], state[4], state[5]];
  const r0 = Math.hypot(r0v[0], r0v[1], r0v[2]);
  const v0sq = v0v[0] * v0v[0] + v0v[1] * v0v[1] + v0v[2] * v0v[2];
  const rdotv = r0v[0] * v0v[0] + r0v[1] * v0v[1] + r0v[2] * v0v[2];
  const alpha = 2 / r0 - v0sq / mu;
  const sqrtMu = Math.sqrt(mu);
  let tof = dt;
  if (alpha > 1e-12) {
    const period = (2 * Math.PI) / (sqrtMu * Math.pow(alpha, 1.5));
    tof = dt - period * Math.round(dt / period);
  }
  const sigma0 = rdotv / sqrtMu;
  const timeOf = (chi: number): number => {
    const z = alpha * chi * chi;
    return (sigma0 * chi * chi * stumpffC(z) + (1 - alpha * r0) * chi * chi * chi * stumpffS(z) +
      r0 * chi) / sqrtMu;
  };
  const radiusOf = (chi: number): number => {
    const z = alpha * chi * chi;
    return chi * chi * stumpffC(z) + sigma0 * chi * (1 - z * stumpffS(z)) +
      r0 * (1 - z * stumpffC(z));
  };
  // Bracket: time of flight is increasing in chi.
  let chi = alpha > 1e-12 ? sqrtMu * alpha * tof : (sqrtMu * tof) / r0;
  let lo = -1;
  let hi = 1;
  while (timeOf(lo) > tof) lo *= 2;
  while (timeOf(hi) < tof) hi *= 2;
  if (!(chi > lo && chi < hi)) chi = 0.5 * (lo + hi);
  for (let iter = 0; iter < 200; iter++) {
    const f = timeOf(chi) - tof;
    if (f === 0) break;
    if (f > 0) hi = chi;
    else lo = chi;
    const dfdchi = radiusOf(chi) / sqrtMu;
    let next = chi - f / dfdchi;
    if (!(next >= lo && next <= hi)) next = 0.5 * (lo + hi);
    const done = Math.abs(next - chi) <= 1e-15 * Math.max(1, Math.abs(chi));
    chi = next;
    if (done || hi - lo <= 1e-15 * Math.max(1, Math.abs(chi))) break;
  }
  const z = alpha * chi * chi;
  const c = stumpffC(z);
  const s = stumpffS(z);
  const f = 1 - (chi * chi * c) / r0;
  const g = tof - (chi * chi * chi * s) / sqrtMu;
  const r = [f * r0v[0] + g * v0v[0], f * r0v[1] + g * v0v[1], f * r0v[2] + g * v0v[2]];
  const rMag = Math.hypot(r[0], r[1], r[2]);
  const fdot = (sqrtMu / (rMag * r0)) * chi * (z * s - 1);
  const gdot = 1 - (chi * chi * c) / rMag;
  return new Float64Array([
    r[0],
    r[1],
    r[2],
    fdot * r0v[0] + gdot * v0v[0],
    fdot * r0v[1] + gdot * v0v[1],
    fdot * r0v[2] + gdot * v0v[2],
  ]);
}
