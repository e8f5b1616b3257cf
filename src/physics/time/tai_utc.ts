/**
 * TAI - UTC lookup from GMAT's leap-second table, done the way GMAT's `LeapSecsFileReader` does it.
 *
 * The table (`tai_utc_data.ts`) is parsed once at import into frozen entries. Lookup: the last entry
 * whose Julian date is <= the UTC Julian date applies, and TAI - UTC = OFFSET + (MJD - MJD0) * RATE
 * with MJD the standard UTC modified Julian date; before 1961 TAI - UTC is 0 (as in GMAT).
 *
 * Leap seconds: an entry from 1972 JUL 1 on (rate zero, previous rate zero) whose offset is one
 * second more than its predecessor's inserts a second 23:59:60 at the end of the previous UTC day.
 * {@link leapSecondContaining} finds the TAI interval of that second.
 *
 * @module
 */

import { SECONDS_PER_DAY, STANDARD_MINUS_GMAT_MJD, STANDARD_MJD_JD_OFFSET } from "../constants.ts";
import { TAI_UTC_DAT_LINES } from "./tai_utc_data.ts";

/** One line of the leap-second table. */
export interface TaiUtcEntry {
  /** UTC Julian date from which the line applies. */
  readonly jd: number;
  /** Constant term of TAI - UTC, seconds. */
  readonly offset: number;
  /** Reference standard MJD of the rate term. */
  readonly mjd0: number;
  /** Rate term, seconds per day. */
  readonly rate: number;
}

const LINE =
  /^\s*\d{4}\s+[A-Z]{3}\s+\d{1,2}\s+=JD\s+([\d.]+)\s+TAI-UTC=\s+([\d.]+)\s*S\s*\+\s*\(MJD\s*-\s*([\d.]+)\)\s*X\s*([\d.]+)\s*S\s*$/;

function parseLine(line: string): TaiUtcEntry {
  const m = LINE.exec(line);
  if (m === null) throw new SyntaxError(`Cannot parse tai-utc.dat line: ${line}`);
  return Object.freeze({
    jd: Number(m[1]),
    offset: Number(m[2]),
    mjd0: Number(m[3]),
    rate: Number(m[4]),
  });
}

/** The parsed leap-second table, oldest first. */
export const TAI_UTC_TABLE: readonly TaiUtcEntry[] = Object.freeze(
  TAI_UTC_DAT_LINES.map(parseLine),
);

/**
 * TAI - UTC in seconds at a UTC instant given as a GMAT modified Julian date.
 *
 * @param utcMjd UTC, days since JD 2430000.0.
 * @returns TAI - UTC, seconds (0 before 1961-01-01).
 */
export function taiMinusUtc(utcMjd: number): number {
  const standardMjd = utcMjd + STANDARD_MINUS_GMAT_MJD;
  const jd = standardMjd + STANDARD_MJD_JD_OFFSET;
  for (let i = TAI_UTC_TABLE.length - 1; i >= 0; i--) {
    const e = TAI_UTC_TABLE[i];
    if (jd >= e.jd) return e.offset + (standardMjd - e.mjd0) * e.rate;
  }
  return 0;
}

/** The TAI interval [start, end) of one inserted leap second, as GMAT MJDs. */
export interface LeapSecondInterval {
  /** TAI at UTC 23:59:60.000, GMAT MJD. */
  readonly taiStart: number;
  /** TAI at the following UTC 00:00:00.000, GMAT MJD. */
  readonly taiEnd: number;
  /** UTC GMAT MJD of the midnight that ends the leap second (the first instant of the new day). */
  readonly utcMidnight: number;
  /** TAI - UTC before the leap second, seconds. */
  readonly offsetBefore: number;
}

const LEAP_SECONDS: readonly LeapSecondInterval[] = Object.freeze(
  TAI_UTC_TABLE.flatMap((e, i): LeapSecondInterval[] => {
    const prev = TAI_UTC_TABLE[i - 1];
    if (prev === undefined || prev.rate !== 0 || e.rate !== 0 || e.offset - prev.offset !== 1) {
      return [];
    }
    const utcMidnight = e.jd - STANDARD_MJD_JD_OFFSET - STANDARD_MINUS_GMAT_MJD;
    const taiEnd = utcMidnight + e.offset / SECONDS_PER_DAY;
    return [Object.freeze({
      taiStart: taiEnd - 1 / SECONDS_PER_DAY,
      taiEnd,
      utcMidnight,
      offsetBefore: prev.offset,
    })];
  }),
);

/**
 * The inserted leap second whose TAI interval contains `taiMjd`, if any.
 *
 * @param taiMjd TAI, GMAT MJD.
 */
export function leapSecondContaining(taiMjd: number): LeapSecondInterval | undefined {
  return LEAP_SECONDS.find((l) => taiMjd >= l.taiStart && taiMjd < l.taiEnd);
}

/**
 * The inserted leap second that ends at the UTC midnight following the UTC day containing
 * `utcMjd`, if any (used to accept `23:59:60.xxx` on that day).
 *
 * @param utcMjd Any UTC instant of the day, GMAT MJD.
 */
export function leapSecondEndingDay(utcMjd: number): LeapSecondInterval | undefined {
  return LEAP_SECONDS.find((l) => utcMjd < l.utcMidnight && utcMjd >= l.utcMidnight - 1);
}
