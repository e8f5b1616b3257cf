/**
 * GMAT epoch text and numbers to Arrow `timestamp[ns]` values: signed nanoseconds since
 * 1970-01-01T00:00:00 of a naive clock in the epoch's own time scale (no scale conversion, as
 * gmat-run's `promote_epochs`).
 *
 * Calendar text is converted with exact integer arithmetic (proleptic Gregorian calendar), so a
 * Gregorian epoch with milliseconds maps to an exact multiple of 1 ms. A ModJulian number (days
 * since 1941-01-05T12:00:00, JD 2430000.0) maps to the nearest nanosecond of the double's exact
 * value. A UTC leap second `23:59:60.xxx` has no place on a naive clock: like `datetime` it
 * would be rejected there, here it is read as the first second of the next day.
 *
 * @module
 */

import { clockNs, daysFromCivil, daysInMonth } from "../physics/time/civil_date.ts";

const NS_PER_SECOND = 1_000_000_000n;
const NS_PER_DAY = 86_400n * NS_PER_SECOND;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const GREGORIAN = /^(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z?$/;
const ISO_DAY_OF_YEAR = /^(\d{4})-(\d{3})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z?$/;
/** Days from 1970-01-01 to 1941-01-05 (GMAT MJD 0 is noon of that day). */
const GMAT_MJD_ZERO_DAY = -10588;

/**
 * Converts GMAT Gregorian epoch text (`DD Mon YYYY HH:MM:SS.mmm`) to nanoseconds.
 *
 * @param text Text such as `01 Jan 2026 00:00:30.000` (a 1-digit day and up to 9 decimals are
 *   accepted).
 * @returns Nanoseconds since 1970-01-01 on the text's own clock, or `undefined` when the text is
 *   not such an epoch.
 *
 * @example Usage
 * ```ts
 * import { gregorianToNs } from "./epoch_ns.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(gregorianToNs("01 Jan 2026 00:00:30.000"), 1767225630000000000n);
 * assert.equal(gregorianToNs("31 Feb 2026 00:00:00.000"), undefined);
 * ```
 */
export function gregorianToNs(text: string): bigint | undefined {
  const m = GREGORIAN.exec(text.trim());
  if (m === null) return undefined;
  const [, dd, mon, yyyy, hh, mi, ss, frac] = m;
  const month = MONTHS.indexOf(mon) + 1;
  const year = Number(yyyy);
  const day = Number(dd);
  if (month === 0 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return clockNs(daysFromCivil(year, month, day), hh, mi, ss, frac);
}

/**
 * Converts ISO epoch text as CCSDS OEM files write it to nanoseconds.
 *
 * @param text `YYYY-MM-DDThh:mm:ss[.f...]` or the day-of-year form `YYYY-DDDThh:mm:ss[.f...]`,
 *   each with an optional trailing `Z`.
 * @returns Nanoseconds since 1970-01-01 on the text's own clock, or `undefined` when the text is
 *   not such an epoch.
 *
 * @example Usage
 * ```ts
 * import { isoToNs } from "./epoch_ns.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isoToNs("2026-01-01T00:01:00.000"), 1767225660000000000n);
 * assert.equal(isoToNs("2026-001T00:01:00"), 1767225660000000000n);
 * ```
 */
export function isoToNs(text: string): bigint | undefined {
  const t = text.trim();
  const m = ISO.exec(t);
  if (m !== null) {
    const [, yyyy, mm, dd, hh, mi, ss, frac] = m;
    const year = Number(yyyy);
    const month = Number(mm);
    const day = Number(dd);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return clockNs(daysFromCivil(year, month, day), hh, mi, ss, frac);
  }
  const d = ISO_DAY_OF_YEAR.exec(t);
  if (d === null) return undefined;
  const [, yyyy, ddd, hh, mi, ss, frac] = d;
  const year = Number(yyyy);
  const dayOfYear = Number(ddd);
  const leap = daysInMonth(year, 2) === 29;
  if (dayOfYear < 1 || dayOfYear > (leap ? 366 : 365)) return undefined;
  return clockNs(daysFromCivil(year, 1, 1) + dayOfYear - 1, hh, mi, ss, frac);
}

/**
 * Converts a GMAT modified Julian date (days since 1941-01-05T12:00:00) to nanoseconds.
 *
 * @param days GMAT MJD in any time scale (the result is on that scale's clock).
 * @returns Nanoseconds since 1970-01-01, rounded to the nearest nanosecond, or `undefined` for a
 *   non-finite value.
 *
 * @example Usage
 * ```ts
 * import { modJulianToNs } from "./epoch_ns.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(modJulianToNs(21545), 946728000000000000n); // 2000-01-01T12:00:00
 * assert.equal(modJulianToNs(0), -914760000000000000n); // 1941-01-05T12:00:00
 * ```
 */
export function modJulianToNs(days: number): bigint | undefined {
  if (!Number.isFinite(days)) return undefined;
  const whole = Math.floor(days);
  const fraction = days - whole; // exact: both are doubles of the same binade or smaller
  return BigInt(whole + GMAT_MJD_ZERO_DAY) * NS_PER_DAY + NS_PER_DAY / 2n +
    BigInt(Math.round(fraction * 86_400e9));
}

/**
 * Adds a number of seconds (an STK ephemeris offset) to a nanosecond timestamp.
 *
 * @param baseNs The base instant, nanoseconds.
 * @param seconds Seconds to add; rounded to the nearest nanosecond.
 * @returns The sum, or `undefined` when `seconds` is not finite.
 *
 * @example Usage
 * ```ts
 * import { addSecondsNs } from "./epoch_ns.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(addSecondsNs(0n, 60.00000019557774), 60000000196n);
 * ```
 */
export function addSecondsNs(baseNs: bigint, seconds: number): bigint | undefined {
  if (!Number.isFinite(seconds)) return undefined;
  const whole = Math.trunc(seconds);
  return baseNs + BigInt(whole) * NS_PER_SECOND + BigInt(Math.round((seconds - whole) * 1e9));
}
