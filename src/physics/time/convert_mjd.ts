/**
 * Conversion of a modified Julian date between GMAT's time scales A1, TAI, UTC, TT and TDB.
 *
 * Every conversion goes through TAI, as in GMAT's `TimeSystemConverter`:
 * - A1 = TAI + 0.0343817 s; TT = TAI + 32.184 s.
 * - UTC -> TAI adds TAI - UTC looked up at the UTC instant (`tai_utc.ts`). TAI -> UTC looks the
 *   table up twice, first at the TAI value and then at TAI minus that offset, and uses the second
 *   offset when the two differ (GMAT's rule).
 * - TDB uses GMAT's approximation TDB = TT + 0.001658 sin(M) + 0.00001385 sin(2M) seconds with
 *   M = 357.5277233 + 35999.05034 T degrees and T = Julian centuries from J2000 of the *input*
 *   MJD (TAI when converting to TDB, TDB when converting back; the difference is below 1e-8 s).
 *   This is the usual two-term series (Astronomical Almanac); GMAT writes 0.001658 where some
 *   texts write 0.001657.
 *
 * UTC around a leap second: the inserted second 23:59:60 has no UTC MJD of its own. Following
 * GMAT, a TAI instant inside it converts to the UTC MJD one second *ahead* (the first second of the
 * next day), so UTC MJDs in that second are produced twice; converting such a UTC MJD back gives
 * the later TAI. `epochValue` / `formatIsoUtc` detect the inserted second from TAI and print
 * `23:59:60.xxx`, and `parseEpoch` reads `23:59:60.xxx` to the right TAI instant.
 *
 * @module
 */

import { A1_MINUS_TAI, GMAT_MJD_JD_OFFSET, SECONDS_PER_DAY, TT_MINUS_TAI } from "../constants.ts";
import { taiMinusUtc } from "./tai_utc.ts";
import type { TimeScale } from "./time_scale.ts";

const TDB_COEFF1 = 0.001658;
const TDB_COEFF2 = 0.00001385;
const M_E_OFFSET = 357.5277233;
const M_E_COEFF1 = 35999.05034;
const JD_OF_J2000 = 2451545.0;
const DAYS_PER_JULIAN_CENTURY = 36525.0;

/** TDB - TT in days for an MJD used as the time argument (GMAT's series). */
function tdbMinusTtDays(mjd: number): number {
  const tOffset = JD_OF_J2000 - GMAT_MJD_JD_OFFSET;
  const t = (mjd - tOffset) / DAYS_PER_JULIAN_CENTURY;
  const m = (M_E_OFFSET + M_E_COEFF1 * t) * (Math.PI / 180);
  return (TDB_COEFF1 * Math.sin(m) + TDB_COEFF2 * Math.sin(2 * m)) / SECONDS_PER_DAY;
}

/** Converts a GMAT MJD in `scale` to TAI. */
export function toTai(mjd: number, scale: TimeScale): number {
  switch (scale) {
    case "A1":
      return mjd - A1_MINUS_TAI / SECONDS_PER_DAY;
    case "TAI":
      return mjd;
    case "UTC":
      return mjd + taiMinusUtc(mjd) / SECONDS_PER_DAY;
    case "TT":
      return mjd - TT_MINUS_TAI / SECONDS_PER_DAY;
    case "TDB": {
      const tt = mjd - tdbMinusTtDays(mjd);
      return tt - TT_MINUS_TAI / SECONDS_PER_DAY;
    }
  }
}

/** Converts a TAI GMAT MJD to `scale`. */
export function fromTai(tai: number, scale: TimeScale): number {
  switch (scale) {
    case "A1":
      return tai + A1_MINUS_TAI / SECONDS_PER_DAY;
    case "TAI":
      return tai;
    case "UTC": {
      const first = taiMinusUtc(tai);
      const second = taiMinusUtc(tai - first / SECONDS_PER_DAY);
      return tai - (first === second ? first : second) / SECONDS_PER_DAY;
    }
    case "TT":
      return tai + TT_MINUS_TAI / SECONDS_PER_DAY;
    case "TDB": {
      const tt = tai + TT_MINUS_TAI / SECONDS_PER_DAY;
      return tt + tdbMinusTtDays(tai);
    }
  }
}

/**
 * Converts a modified Julian date (days since JD 2430000.0) from one time scale to another.
 *
 * @param mjd The instant in scale `from`, GMAT MJD.
 * @param from Scale of `mjd`.
 * @param to Scale wanted.
 * @returns The same instant in scale `to`, GMAT MJD.
 *
 * @example TAI 21545 (J2000 TAI noon) in A1 and UTC
 * ```ts
 * import { convertMjd } from "./convert_mjd.ts";
 * convertMjd(21545, "TAI", "A1"); // 21545.00000039794
 * convertMjd(21545, "TAI", "UTC"); // 21544.99962962963 (11:59:28 UTC)
 * ```
 */
export function convertMjd(mjd: number, from: TimeScale, to: TimeScale): number {
  if (from === to) return mjd;
  return fromTai(toTai(mjd, from), to);
}
