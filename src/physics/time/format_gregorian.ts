/**
 * GMAT's Gregorian epoch text, `DD Mon YYYY HH:MM:SS.mmm`.
 *
 * Rounding follows GMAT (`A1Mjd::UtcMjdToCalDate`): the seconds of the day are rounded to the
 * nearest millisecond, half away from zero, before they are split into hours, minutes and seconds,
 * so `23:59:59.9996` prints as the next day's `00:00:00.000` and no field ever shows 60 except
 * inside an inserted UTC leap second.
 *
 * @module
 */

import { calendarFields, MONTH_ABBREVIATIONS, pad, secondsText } from "./_calendar.ts";

/**
 * Formats an MJD as GMAT Gregorian text in the MJD's own scale.
 *
 * @param mjdInScale The instant, GMAT MJD (days since JD 2430000.0) in the scale to display.
 * @param leapSecond Set when the instant is inside an inserted UTC leap second (GMAT's UTC MJD then
 *   runs one second ahead); the text then reads `23:59:60.xxx`. Callers normally let
 *   {@link epochValue} decide this.
 * @returns Text such as `01 Jan 2000 11:59:28.000` (zero-padded day, milliseconds).
 *
 * @example Format J2000 TAI noon
 * ```ts
 * import { formatGregorian } from "./format_gregorian.ts";
 * formatGregorian(21545); // "01 Jan 2000 12:00:00.000"
 * ```
 */
export function formatGregorian(mjdInScale: number, leapSecond = false): string {
  const f = calendarFields(mjdInScale, leapSecond);
  return `${pad(f.day, 2)} ${MONTH_ABBREVIATIONS[f.month - 1]} ${pad(f.year, 4)} ` +
    `${pad(f.hour, 2)}:${pad(f.minute, 2)}:${secondsText(f.millisecond)}`;
}
