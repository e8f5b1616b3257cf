/**
 * ContactLocator epochs to nanoseconds: the three `ReportTimeFormat` forms read onto a naive
 * clock (signed nanoseconds since 1970-01-01T00:00:00, in UTC as GMAT writes them, no scale
 * conversion).
 *
 * Everything is exact integer arithmetic on the text: calendar text (`UTCGregorian`, `ISOYD`)
 * with milliseconds maps to an exact multiple of 1 ms, and a `UTCMJD` decimal to the exact
 * instant it writes (1e-8 day is 864 us, so 8 decimals are always a whole number of
 * nanoseconds; going through a double would add up to 0.2 us of noise). GMAT prints MJDs with 8
 * decimals, so the instant it meant is only known to +-0.432 ms. A UTC leap second
 * `23:59:60.xxx` is read as the first second of the next day.
 *
 * @module
 */

import { clockNs, daysFromCivil, daysInMonth, isLeapYear } from "../physics/time/civil_date.ts";
import type { ContactTimeFormat } from "./contact_types.ts";

const NS_PER_SECOND = 1_000_000_000n;
const NS_PER_DAY = 86_400n * NS_PER_SECOND;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const GREGORIAN = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const ISO_YD = /^(\d{4})-(\d{3})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** Days from 1970-01-01 to 1941-01-05 (GMAT MJD 0 is noon of that day). */
const GMAT_MJD_ZERO_DAY = -10588;

/** What each time format looks like, for error messages. */
export const CONTACT_TIME_FORMS: Readonly<Record<ContactTimeFormat, string>> = {
  UTCGregorian: "'DD Mon YYYY HH:MM:SS.mmm' such as '09 Jan 2010 20:36:24.626'",
  ISOYD: "'YYYY-DDDTHH:MM:SS.mmm' such as '2010-009T16:00:00.000'",
  UTCMJD: "a decimal number of days since 1941-01-05T12:00:00 such as '25206.16666667'",
};

/**
 * The exact value of decimal MJD text in nanoseconds (rounded half up where it has more than 13
 * decimals, i.e. is finer than 1 ns).
 */
function modJulianTextNs(text: string): bigint | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const negative = text.startsWith("-");
  const [whole, fraction = ""] = text.replace(/^[+-]/, "").split(".");
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt((whole || "0") + fraction) * NS_PER_DAY;
  let ns = scaled / scale;
  if (2n * (scaled % scale) >= scale) ns += 1n;
  return (negative ? -ns : ns) + BigInt(GMAT_MJD_ZERO_DAY) * NS_PER_DAY + NS_PER_DAY / 2n;
}

/**
 * Converts a ContactLocator epoch to nanoseconds since 1970-01-01T00:00:00 UTC.
 *
 * @param text The epoch as written, e.g. `09 Jan 2010 20:36:24.626`, `2010-009T16:00:00.000` or
 *   `25206.16666667` (surrounding spaces are ignored).
 * @param format How the report writes epochs.
 * @returns The instant, or `undefined` when the text is not an epoch of that format.
 *
 * @example Usage
 * ```ts
 * import { contactEpochNs } from "./contact_time.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(contactEpochNs("09 Jan 2010 16:00:00.000", "UTCGregorian"), 1263052800000000000n);
 * assert.equal(contactEpochNs("2010-009T16:00:00.000", "ISOYD"), 1263052800000000000n);
 * assert.equal(contactEpochNs("25206.16666667", "UTCMJD"), 1263052800000288000n);
 * assert.equal(contactEpochNs("2010-366T00:00:00.000", "ISOYD"), undefined);
 * ```
 */
export function contactEpochNs(text: string, format: ContactTimeFormat): bigint | undefined {
  const t = text.trim();
  if (format === "UTCMJD") return modJulianTextNs(t);
  if (format === "ISOYD") {
    const m = ISO_YD.exec(t);
    if (m === null) return undefined;
    const [, yyyy, ddd, hh, mi, ss, frac] = m;
    const year = Number(yyyy);
    const dayOfYear = Number(ddd);
    if (dayOfYear < 1 || dayOfYear > (isLeapYear(year) ? 366 : 365)) return undefined;
    return clockNs(daysFromCivil(year, 1, 1) + dayOfYear - 1, hh, mi, ss, frac);
  }
  const m = GREGORIAN.exec(t);
  if (m === null) return undefined;
  const [, dd, mon, yyyy, hh, mi, ss, frac] = m;
  const month = MONTHS.indexOf(mon) + 1;
  const year = Number(yyyy);
  const day = Number(dd);
  if (month === 0 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return clockNs(daysFromCivil(year, month, day), hh, mi, ss, frac);
}
