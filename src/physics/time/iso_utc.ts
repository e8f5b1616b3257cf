/**
 * UTC epochs in the ISO form CCSDS OEM files use: `2026-01-01T12:00:00.000`.
 *
 * Writing uses the same millisecond rounding as GMAT's Gregorian text (GMAT's
 * `ConvertMjdToGregorian` format 2). Reading accepts `YYYY-MM-DDThh:mm:ss[.f...]` and the
 * day-of-year form `YYYY-DDDThh:mm:ss[.f...]`, each with an optional trailing `Z`; `ss` may be 60
 * inside an inserted leap second.
 *
 * @module
 */

import { SECONDS_PER_DAY } from "../constants.ts";
import { calendarFields, daysInMonth, gmatMjdFromFields, pad, secondsText } from "./_calendar.ts";
import { convertMjd } from "./convert_mjd.ts";
import { EpochError } from "./epoch_error.ts";
import { leapSecondContaining, leapSecondEndingDay } from "./tai_utc.ts";

const ISO_FORM = "'YYYY-MM-DDThh:mm:ss.fff' such as '2026-01-01T12:00:00.000'";
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)Z?$/;
const ISO_DOY = /^(\d{4})-(\d{3})T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)Z?$/;

/**
 * Formats an A1 MJD as a UTC ISO epoch with milliseconds (CCSDS OEM epoch text).
 *
 * @param a1Mjd The instant, A1 GMAT MJD.
 * @returns Text such as `2026-01-01T12:00:00.000`; `...T23:59:60.xxx` inside a leap second.
 *
 * @example
 * ```ts
 * import { formatIsoUtc } from "./iso_utc.ts";
 * formatIsoUtc(21545.00000039794); // "2000-01-01T11:59:28.000"
 * ```
 */
export function formatIsoUtc(a1Mjd: number): string {
  const utc = convertMjd(a1Mjd, "A1", "UTC");
  const inLeap = leapSecondContaining(convertMjd(a1Mjd, "A1", "TAI")) !== undefined;
  const f = calendarFields(utc, inLeap);
  return `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}T${pad(f.hour, 2)}:` +
    `${pad(f.minute, 2)}:${secondsText(f.millisecond)}`;
}

/**
 * Reads a UTC ISO epoch (as written in CCSDS OEM files) into an A1 MJD.
 *
 * @param iso Text such as `2026-01-01T12:00:00.000` or `2026-001T12:00:00`.
 * @returns A1 GMAT MJD.
 * @throws {EpochError} `EPOCH_FORMAT` when the text is not an ISO UTC epoch.
 *
 * @example
 * ```ts
 * import { isoToA1Mjd } from "./iso_utc.ts";
 * isoToA1Mjd("2000-01-01T11:59:28.000"); // 21545.00000039794
 * ```
 */
export function isoToA1Mjd(iso: string): number {
  const text = iso.trim();
  const bad = (why: string): never => {
    throw new EpochError(iso, `Cannot read ISO epoch '${iso}': ${why}; expected ${ISO_FORM}`);
  };
  let year: number, month: number, day: number, hour: number, minute: number, second: number;
  const m = ISO.exec(text);
  const d = m === null ? ISO_DOY.exec(text) : null;
  if (m !== null) {
    [year, month, day, hour, minute, second] = m.slice(1).map(Number);
    if (month < 1 || month > 12) bad(`month ${m[2]} is out of range 01-12`);
    if (day < 1 || day > daysInMonth(year, month)) bad(`${m[1]}-${m[2]} has no day ${m[3]}`);
  } else if (d !== null) {
    const doy = Number(d[2]);
    [year, hour, minute, second] = [d[1], d[3], d[4], d[5]].map(Number);
    const yearDays = daysInMonth(year, 2) === 29 ? 366 : 365;
    if (doy < 1 || doy > yearDays) bad(`day of year ${d[2]} is out of range 001-${yearDays}`);
    month = 1;
    day = doy;
    while (day > daysInMonth(year, month)) {
      day -= daysInMonth(year, month);
      month += 1;
    }
  } else {
    return bad("it does not have the form date 'T' time");
  }
  if (hour > 23) bad(`hour ${pad(hour, 2)} is out of range 00-23`);
  if (minute > 59) bad(`minute ${pad(minute, 2)} is out of range 00-59`);
  if (second >= 60) {
    const at59 = gmatMjdFromFields(year, month, day, 23, 59, 59);
    const leap = hour === 23 && minute === 59 && second < 61
      ? leapSecondEndingDay(at59)
      : undefined;
    if (leap === undefined) {
      return bad("seconds are out of range 00-59 (60 only in a UTC leap second at 23:59)");
    }
    const tai = at59 + (leap.offsetBefore + (second - 59)) / SECONDS_PER_DAY;
    return convertMjd(tai, "TAI", "A1");
  }
  return convertMjd(gmatMjdFromFields(year, month, day, hour, minute, second), "UTC", "A1");
}
