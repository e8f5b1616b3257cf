/**
 * Private calendar arithmetic for the time module: proleptic Gregorian dates <-> GMAT MJDs, and
 * GMAT's millisecond rounding when an MJD is broken into calendar fields.
 *
 * @module
 */

import { SECONDS_PER_DAY } from "../constants.ts";

/** English month abbreviations as GMAT writes and reads them. */
export const MONTH_ABBREVIATIONS: readonly string[] = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** GMAT MJD of 1970-01-01 00:00 (JD 2440587.5). */
const UNIX_EPOCH_GMAT_MJD = 10587.5;

/** Number of days in a month (1-based) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days from 1970-01-01 to a civil date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day count from 1970-01-01 (Howard Hinnant's civil_from_days). */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) -
      Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** GMAT MJD of a calendar instant (no leap-second handling: 60 s wraps into the next minute). */
export function gmatMjdFromFields(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const midnight = daysFromCivil(year, month, day) + UNIX_EPOCH_GMAT_MJD;
  return midnight + (hour * 3600 + minute * 60 + second) / SECONDS_PER_DAY;
}

/** Calendar fields of an instant, with the time of day in whole milliseconds. */
export interface CalendarFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** Milliseconds within the minute, 0..59999 (60000..60999 inside a displayed leap second). */
  readonly millisecond: number;
}

/**
 * Breaks a GMAT MJD into calendar fields the way GMAT's `A1Mjd::UtcMjdToCalDate` does: the
 * seconds of the day are rounded to the nearest millisecond (half away from zero) and a result of
 * 86400.000 s carries into the next day, so minutes, hours and days carry correctly.
 *
 * @param mjd The instant, GMAT MJD in whatever scale the caller wants displayed.
 * @param leapSecond When true the instant lies in an inserted UTC leap second and GMAT's MJD runs one
 *   second ahead: one second is taken off before the split and added to the seconds field after it,
 *   which yields `23:59:60.xxx`.
 */
export function calendarFields(mjd: number, leapSecond = false): CalendarFields {
  const modjul = mjd + 0.5 - (leapSecond ? 1 / SECONDS_PER_DAY : 0);
  let dayNumber = Math.floor(modjul);
  const seconds = (modjul - dayNumber) * SECONDS_PER_DAY;
  let ms = Math.round(seconds * 1000);
  if (ms >= SECONDS_PER_DAY * 1000) {
    ms -= SECONDS_PER_DAY * 1000;
    dayNumber += 1;
  }
  const hour = Math.floor(ms / 3_600_000);
  ms -= hour * 3_600_000;
  const minute = Math.floor(ms / 60_000);
  ms -= minute * 60_000;
  if (leapSecond) ms += 1000;
  const { year, month, day } = civilFromDays(dayNumber - (UNIX_EPOCH_GMAT_MJD + 0.5));
  return { year, month, day, hour, minute, millisecond: ms };
}

/** Left-pads a non-negative integer with zeros. */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** `SS.mmm` from milliseconds within the minute. */
export function secondsText(millisecond: number): string {
  return `${pad(Math.floor(millisecond / 1000), 2)}.${pad(millisecond % 1000, 3)}`;
}
