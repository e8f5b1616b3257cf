/**
 * IAU-1980 nutation as GMAT R2026a computes it (`AxisSystem::ComputeNutationMatrix`, 1980
 * branch): Delaunay arguments with GMAT's coefficients (degrees plus arcsec polynomials in T, each
 * reduced by subtracting whole turns with truncation toward zero), the 106-term series summed from
 * the last term to the first, the IAU-1976 mean obliquity, and the mean-to-true-of-date matrix
 *   NUT = R1(-(eps + deps)) R3(-dpsi) R1(eps).
 * T is Julian centuries of TT from J2000 (GMAT uses TT in place of TDB). Also the caller-owned
 * cache that implements GMAT's nutation update interval (Earth's `NutationUpdateInterval`, 60 s).
 *
 * @module
 */

import type { NutationSeries } from "./nutation_data.ts";

/** Radians per degree, as GMAT defines it. */
export const RAD_PER_DEG = Math.PI / 180.0;
/** Radians per arcsecond, as GMAT defines it ((1/3600) * RAD_PER_DEG). */
export const RAD_PER_ARCSEC = (1.0 / 3600.0) * RAD_PER_DEG;

const TWO_PI = 2 * Math.PI;
const C125 = 125.04452222 * RAD_PER_DEG;
const C134 = 134.96298139 * RAD_PER_DEG;
const C357 = 357.52772333 * RAD_PER_DEG;
const C93 = 93.27191028 * RAD_PER_DEG;
const C297 = 297.85036306 * RAD_PER_DEG;

/** Subtracts whole turns with truncation toward zero (C `(int)` cast), as GMAT does. */
function reduce(angle: number): number {
  return angle - Math.trunc(angle / TWO_PI) * TWO_PI;
}

/** Longitude of the Moon's ascending node Omega, radians (reduced as GMAT does). */
export function lunarNodeLongitude(tTT: number): number {
  const t2 = tTT * tTT;
  const t3 = t2 * tTT;
  return reduce(C125 + (-6962890.5390 * tTT + 7.455 * t2 + 0.008 * t3) * RAD_PER_ARCSEC);
}

/** IAU-1976 mean obliquity of the ecliptic, radians. */
export function meanObliquity1980(tTT: number): number {
  const t2 = tTT * tTT;
  const t3 = t2 * tTT;
  return (84381.448 - 46.8150 * tTT - 0.00059 * t2 + 0.001813 * t3) * RAD_PER_ARCSEC;
}

/** Largest |multiplier| served from the precomputed multiple-angle table. */
const K = 4;
const SPAN = 2 * K + 1;

/** Length of the work array of {@link nutation1980}. */
export const NUTATION_WORK_SIZE = 10 * SPAN;

/**
 * Nutation in longitude and obliquity, radians, into out[0] (dpsi) and out[1] (deps).
 *
 * The terms are summed from the last to the first, as GMAT does. The sine and cosine of each
 * term's argument sum(k_j theta_j) are formed from a table of cos/sin(k theta_j), |k| <= 4 (built
 * by angle addition), instead of 212 calls of sin/cos: the result differs from direct evaluation
 * only at round-off (about 1e-15 of each term, i.e. 1e-20 rad).
 *
 * @param series The 106-term series (`parseNutationFile`).
 * @param tTT Julian centuries of TT from J2000.
 * @param omega Lunar node longitude from {@link lunarNodeLongitude}.
 * @param out Receives [dpsi, deps].
 * @param work Scratch of {@link NUTATION_WORK_SIZE} numbers (allocated when omitted).
 */
export function nutation1980(
  series: NutationSeries,
  tTT: number,
  omega: number,
  out: Float64Array,
  work: Float64Array = new Float64Array(NUTATION_WORK_SIZE),
): void {
  const t2 = tTT * tTT;
  const t3 = t2 * tTT;
  const l = reduce(C134 + (1717915922.6330 * tTT + 31.310 * t2 + 0.064 * t3) * RAD_PER_ARCSEC);
  const lp = reduce(C357 + (129596581.2240 * tTT - 0.577 * t2 - 0.012 * t3) * RAD_PER_ARCSEC);
  const f = reduce(C93 + (1739527263.1370 * tTT - 13.257 * t2 + 0.011 * t3) * RAD_PER_ARCSEC);
  const d = reduce(C297 + (1602961601.3280 * tTT - 6.891 * t2 + 0.019 * t3) * RAD_PER_ARCSEC);
  // work[2 * (j * SPAN + K + k)] = cos(k theta_j), [.. + 1] = sin(k theta_j).
  const angles = [l, lp, f, d, omega];
  for (let j = 0; j < 5; j++) {
    const base = 2 * (j * SPAN + K);
    const c1 = Math.cos(angles[j]);
    const s1 = Math.sin(angles[j]);
    work[base] = 1;
    work[base + 1] = 0;
    let c = 1;
    let s = 0;
    for (let k = 1; k <= K; k++) {
      const cn = c * c1 - s * s1;
      s = s * c1 + c * s1;
      c = cn;
      work[base + 2 * k] = c;
      work[base + 2 * k + 1] = s;
      work[base - 2 * k] = c;
      work[base - 2 * k + 1] = -s;
    }
  }
  const mult = series.multipliers;
  const a = series.a;
  const b = series.b;
  const c = series.c;
  const dd = series.d;
  let dPsi = 0;
  let dEps = 0;
  for (let i = series.count - 1; i >= 0; i--) {
    const m = 5 * i;
    let cosArg = 1;
    let sinArg = 0;
    let direct = false;
    for (let j = 0; j < 5; j++) {
      const k = mult[m + j];
      if (k === 0) continue;
      if (k > K || k < -K) {
        direct = true;
        break;
      }
      const q = 2 * (j * SPAN + K + k);
      const ck = work[q];
      const sk = work[q + 1];
      const cn = cosArg * ck - sinArg * sk;
      sinArg = sinArg * ck + cosArg * sk;
      cosArg = cn;
    }
    if (direct) {
      const arg = mult[m] * l + mult[m + 1] * lp + mult[m + 2] * f + mult[m + 3] * d +
        mult[m + 4] * omega;
      cosArg = Math.cos(arg);
      sinArg = Math.sin(arg);
    }
    dPsi += (a[i] + b[i] * tTT) * sinArg;
    dEps += (c[i] + dd[i] * tTT) * cosArg;
  }
  out[0] = dPsi * RAD_PER_ARCSEC;
  out[1] = dEps * RAD_PER_ARCSEC;
}

/**
 * The nutation matrix NUT (mean of date -> true of date), row-major into out[0..8].
 *
 * @param meanEps Mean obliquity, radians.
 * @param dPsi Nutation in longitude, radians.
 * @param dEps Nutation in obliquity, radians.
 * @param out Receives the 9 elements.
 */
export function nutationMatrix(
  meanEps: number,
  dPsi: number,
  dEps: number,
  out: Float64Array,
): void {
  const trueEps = meanEps + dEps;
  const cp = Math.cos(dPsi);
  const sp = Math.sin(dPsi);
  const ce = Math.cos(meanEps);
  const se = Math.sin(meanEps);
  const ct = Math.cos(trueEps);
  const st = Math.sin(trueEps);
  out[0] = cp;
  out[1] = -sp * ce;
  out[2] = -sp * se;
  out[3] = sp * ct;
  out[4] = ct * cp * ce + st * se;
  out[5] = se * ct * cp - st * ce;
  out[6] = st * sp;
  out[7] = st * cp * ce - se * ct;
  out[8] = st * se * cp + ct * ce;
}

/**
 * GMAT's nutation cache (one per body-fixed axis system): the nutation matrix and dpsi are reused
 * until the A1 epoch has moved `interval` seconds or more (either direction) from the epoch of the
 * last computation. The caller owns it; {@link NutationCache.reset} forgets the last value.
 */
export class NutationCache {
  /** Seconds after which nutation is recomputed (GMAT Earth default 60). */
  readonly interval: number;
  /** A1 MJD of the last computation (NaN: none yet). */
  epoch = Number.NaN;
  /** dpsi of the last computation, radians. */
  dPsi = 0;
  /** NUT of the last computation, row-major. */
  readonly matrix: Float64Array = new Float64Array(9);
  /** How many times nutation was computed (for diagnostics and tests). */
  computations = 0;

  /**
   * Creates an empty cache.
   *
   * @param interval Update interval, seconds (>= 0; 0 recomputes at every new epoch).
   */
  constructor(interval = 60) {
    if (!(Number.isFinite(interval) && interval >= 0)) {
      throw new RangeError(`Nutation update interval must be a number >= 0 s, got ${interval}`);
    }
    this.interval = interval;
  }

  /** Whether the value cached for a previous epoch may be reused at A1 MJD `a1Mjd`. */
  isFresh(a1Mjd: number): boolean {
    return Math.abs(a1Mjd - this.epoch) * 86400 < this.interval;
  }

  /** Forgets the cached value (the next request recomputes). */
  reset(): void {
    this.epoch = Number.NaN;
  }
}
