/**
 * The rotation between EarthMJ2000Eq and EarthFixed exactly as GMAT R2026a builds it for Earth
 * (`BodyFixedAxes::CalculateRotationMatrix`, FK5 chain, also used for gravity):
 *
 *   r_fixed = R r_MJ2000Eq,   R = PM * (ST * (NUT * PREC))
 *   dR/dt   = PM * (STdot * (NUT * PREC)),  STdot = dST/dGAST * 7.29211514670698e-5 (1 - LOD/86400)
 *
 * Time scales from the A1 epoch: TAI = A1 - 0.0343817 s; UTC = TAI - (TAI-UTC) with GMAT's
 * leap-second lookup; TT = TAI + 32.184 s; UT1 = UTC + (UT1-UTC), UT1-UTC interpolated by TAI in
 * the EOP file. PREC and NUT take T in TT Julian centuries; GMST takes UT1; polar motion takes UTC.
 *
 * Nutation (NUT and dpsi) is recomputed only when the epoch has moved by the cache's interval
 * (60 s, Earth's `NutationUpdateInterval`) or more since the last computation; the mean
 * obliquity and lunar node used by the equation of the equinoxes are always fresh, as in GMAT.
 * The cache is the caller's: each {@link EarthFixedFrame} owns one unless one is passed in.
 *
 * Epochs are given as an A1 MJD plus optional extra seconds, so a propagator can pass its base
 * epoch and elapsed seconds without losing the sub-millisecond part of the sidereal angle (GMAT
 * carries epochs as day + seconds).
 *
 * @module
 */

import { A1_MINUS_TAI, STANDARD_MINUS_GMAT_MJD, TT_MINUS_TAI } from "../constants.ts";
import { taiMinusUtc } from "../time/tai_utc.ts";
import type { EopTable } from "./eop_data.ts";
import { polarMotionAt, ut1MinusUtcAt } from "./eop_data.ts";
import type { NutationSeries } from "./nutation_data.ts";
import {
  lunarNodeLongitude,
  meanObliquity1980,
  nutation1980,
  NUTATION_WORK_SIZE,
  NutationCache,
  nutationMatrix,
} from "./iau1980_nutation.ts";
import { precessionMatrix1976 } from "./iau1976_precession.ts";
import { EARTH_ROTATION_RATE, equationOfEquinoxes, gmst1982 } from "./sidereal_time.ts";
import { polarMotionMatrix } from "./polar_motion.ts";

/** The data files behind Earth's orientation. */
export interface EarthOrientationData {
  /** IAU-1980 nutation series (`NUTATION.DAT`). */
  readonly nutation: NutationSeries;
  /** Earth orientation parameters (`eopc04_08.62-now`). */
  readonly eop: EopTable;
}

/** The intermediate quantities of the last {@link EarthFixedFrame} evaluation. */
export interface EarthOrientationState {
  /** A1 epoch, GMAT MJD. */
  a1Mjd: number;
  /** TT Julian centuries from J2000. */
  tTT: number;
  /** UT1 Julian centuries from J2000. */
  tUT1: number;
  /** UT1 - UTC, seconds. */
  ut1MinusUtc: number;
  /** Pole x, y (arcsec) and LOD (s). */
  xp: number;
  yp: number;
  lod: number;
  /** Nutation in longitude used (possibly cached), radians. */
  dPsi: number;
  /** Greenwich mean / apparent sidereal time, radians. */
  gmst: number;
  gast: number;
}

const DAY = 86400;
const J2000_GMAT_MJD = 21545;
const DAYS_PER_CENTURY = 36525;
const GMAT_MJD_JD = 2430000;

/** TAI - UTC (s) at a TAI instant, GMAT's rule (look up at TAI, then at TAI - offset). */
function taiMinusUtcAtTai(taiMjd: number): number {
  const first = taiMinusUtc(taiMjd);
  const second = taiMinusUtc(taiMjd - first / DAY);
  return first === second ? first : second;
}

function multiply(a: Float64Array, b: Float64Array, out: Float64Array): void {
  for (let p = 0; p < 3; p++) {
    const p3 = 3 * p;
    const a0 = a[p3];
    const a1 = a[p3 + 1];
    const a2 = a[p3 + 2];
    out[p3] = a0 * b[0] + a1 * b[3] + a2 * b[6];
    out[p3 + 1] = a0 * b[1] + a1 * b[4] + a2 * b[7];
    out[p3 + 2] = a0 * b[2] + a1 * b[5] + a2 * b[8];
  }
}

/**
 * Earth's body-fixed frame (GMAT `EarthFixed`) relative to EarthMJ2000Eq. Allocation-free after
 * construction; not safe for concurrent use of one instance (it owns work arrays and the cache).
 *
 * @example Rotate a position into EarthFixed
 * ```ts
 * import { EarthFixedFrame } from "./earth_fixed.ts";
 * declare const data: import("./earth_fixed.ts").EarthOrientationData;
 * const frame = new EarthFixedFrame(data);
 * const r = new Float64Array(9);
 * frame.rotation(31041.50042863868, r); // row-major R, r_fixed = R r_inertial
 * ```
 */
export class EarthFixedFrame {
  /** The orientation data. */
  readonly data: EarthOrientationData;
  /** The nutation cache (GMAT's per-axis-system update-interval buffer). */
  readonly cache: NutationCache;
  /** Quantities of the last evaluation (overwritten by each call). */
  readonly last: EarthOrientationState = {
    a1Mjd: Number.NaN,
    tTT: 0,
    tUT1: 0,
    ut1MinusUtc: 0,
    xp: 0,
    yp: 0,
    lod: 0,
    dPsi: 0,
    gmst: 0,
    gast: 0,
  };

  readonly #prec = new Float64Array(9);
  readonly #np = new Float64Array(9);
  readonly #st = new Float64Array(9);
  readonly #tmp = new Float64Array(9);
  readonly #pm = new Float64Array(9);
  readonly #nut = new Float64Array(2);
  readonly #nutWork = new Float64Array(NUTATION_WORK_SIZE);
  readonly #eop = new Float64Array(3);

  /**
   * Creates the frame.
   *
   * @param data Nutation series and EOP table.
   * @param cache The nutation cache to use (default: a new one with GMAT's 60 s interval).
   */
  constructor(data: EarthOrientationData, cache: NutationCache = new NutationCache(60)) {
    this.data = data;
    this.cache = cache;
  }

  /**
   * The rotation EarthMJ2000Eq -> EarthFixed at an A1 epoch.
   *
   * @param a1Mjd A1 epoch, GMAT MJD.
   * @param out Receives R row-major (9 elements): r_fixed = R r_MJ2000Eq.
   * @param seconds Seconds to add to `a1Mjd` (e.g. elapsed propagation time).
   */
  rotation(a1Mjd: number, out: Float64Array, seconds = 0): void {
    this.#evaluate(a1Mjd, seconds, out, null);
  }

  /**
   * The rotation and its time derivative (for velocities: v_fixed = R v + Rdot r).
   *
   * @param a1Mjd A1 epoch, GMAT MJD.
   * @param outR Receives R row-major.
   * @param outRdot Receives dR/dt row-major, 1/s.
   * @param seconds Seconds to add to `a1Mjd`.
   */
  rotationAndRate(a1Mjd: number, outR: Float64Array, outRdot: Float64Array, seconds = 0): void {
    this.#evaluate(a1Mjd, seconds, outR, outRdot);
  }

  #evaluate(a1Mjd: number, seconds: number, out: Float64Array, outDot: Float64Array | null): void {
    const data = this.data;
    const state = this.last;
    // Epoch as whole GMAT day + seconds into it.
    const day = Math.floor(a1Mjd);
    const secA1 = (a1Mjd - day) * DAY + seconds;
    const a1 = day + secA1 / DAY;
    const secTai = secA1 - A1_MINUS_TAI;
    const taiMjd = day + secTai / DAY;
    const secUtc = secTai - taiMinusUtcAtTai(taiMjd);
    const dut1 = ut1MinusUtcAt(data.eop, taiMjd);
    const secUt1 = secUtc + dut1;
    const secTt = secTai + TT_MINUS_TAI;
    const dayFromJ2000 = day - J2000_GMAT_MJD;
    const tTT = (dayFromJ2000 + secTt / DAY) / DAYS_PER_CENTURY;
    const tUT1 = (dayFromJ2000 + secUt1 / DAY) / DAYS_PER_CENTURY;
    const jdTT = day + secTt / DAY + GMAT_MJD_JD;
    const ut1SecOfDay = secUt1 - Math.floor(secUt1 / DAY) * DAY;
    const utcStandardMjd = day + STANDARD_MINUS_GMAT_MJD + secUtc / DAY;

    precessionMatrix1976(tTT, this.#prec);
    const omega = lunarNodeLongitude(tTT);
    const meanEps = meanObliquity1980(tTT);
    const cache = this.cache;
    if (!cache.isFresh(a1)) {
      nutation1980(data.nutation, tTT, omega, this.#nut, this.#nutWork);
      nutationMatrix(meanEps, this.#nut[0], this.#nut[1], cache.matrix);
      cache.dPsi = this.#nut[0];
      cache.epoch = a1;
      cache.computations += 1;
    }
    const dPsi = cache.dPsi;
    const gmst = gmst1982(ut1SecOfDay, tUT1);
    const gast = gmst + equationOfEquinoxes(dPsi, Math.cos(meanEps), omega, jdTT);
    const cosA = Math.cos(gast);
    const sinA = Math.sin(gast);
    polarMotionAt(data.eop, utcStandardMjd, this.#eop);
    const xp = this.#eop[0];
    const yp = this.#eop[1];
    const lod = this.#eop[2];
    polarMotionMatrix(xp, yp, this.#pm);

    const np = this.#np;
    multiply(cache.matrix, this.#prec, np);
    const st = this.#st;
    st[0] = cosA;
    st[1] = sinA;
    st[2] = 0;
    st[3] = -sinA;
    st[4] = cosA;
    st[5] = 0;
    st[6] = 0;
    st[7] = 0;
    st[8] = 1;
    multiply(st, np, this.#tmp);
    multiply(this.#pm, this.#tmp, out);
    if (outDot !== null) {
      const w = EARTH_ROTATION_RATE * (1.0 - lod / DAY);
      st[0] = -w * sinA;
      st[1] = w * cosA;
      st[2] = 0;
      st[3] = -w * cosA;
      st[4] = -w * sinA;
      st[5] = 0;
      st[6] = 0;
      st[7] = 0;
      st[8] = 0;
      multiply(st, np, this.#tmp);
      multiply(this.#pm, this.#tmp, outDot);
    }
    state.a1Mjd = a1;
    state.tTT = tTT;
    state.tUT1 = tUT1;
    state.ut1MinusUtc = dut1;
    state.xp = xp;
    state.yp = yp;
    state.lod = lod;
    state.dPsi = dPsi;
    state.gmst = gmst;
    state.gast = gast;
  }
}

/**
 * out = R v (3-vectors; R row-major). `out` may be `v`.
 */
export function rotate(r: Float64Array, v: ArrayLike<number>, out: Float64Array): void {
  const x = v[0];
  const y = v[1];
  const z = v[2];
  out[0] = r[0] * x + r[1] * y + r[2] * z;
  out[1] = r[3] * x + r[4] * y + r[5] * z;
  out[2] = r[6] * x + r[7] * y + r[8] * z;
}

/**
 * out = R^T v (3-vectors; R row-major), e.g. an EarthFixed vector back to EarthMJ2000Eq. `out`
 * may be `v`.
 */
export function rotateTranspose(r: Float64Array, v: ArrayLike<number>, out: Float64Array): void {
  const x = v[0];
  const y = v[1];
  const z = v[2];
  out[0] = r[0] * x + r[3] * y + r[6] * z;
  out[1] = r[1] * x + r[4] * y + r[7] * z;
  out[2] = r[2] * x + r[5] * y + r[8] * z;
}
