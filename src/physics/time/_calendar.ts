/**
 * Private calendar arithmetic for the time module: proleptic Gregorian dates <-> GMAT MJDs, and
 * GMAT's millisecond rounding when an MJD is broken into calendar fields.
 *
 * @module
 */

import { SECONDS_PER_DAY } from "../constants.ts";
import { civilFromDays, daysFromCivil } from "./civil_date.ts";

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

export { daysInMonth } from "./civil_date.ts";

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
