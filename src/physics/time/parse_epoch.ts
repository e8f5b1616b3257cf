/**
 * Reading GMAT epoch text (`Epoch = '01 Jan 2026 00:00:00.000'`, `'21545'`) into an A1 MJD.
 *
 * Gregorian text follows GMAT's `GregorianDate` rules: four space-separated fields
 * `D[D] Mon YYYY HH:MM:SS[.f[f[f]]]` with a 1- or 2-digit day, a case-sensitive English month
 * abbreviation (`Jan` ... `Dec`), a 4-digit year >= 1950, 2-digit hours and minutes, 2-digit
 * seconds and at most three fractional digits. Ranges are checked (day within its month, hour
 * <= 23, minute <= 59, seconds < 60). In `UTCGregorian` the seconds may read `60.xxx` on the last
 * minute of a day that ends with a leap second; that instant maps to the inserted second's TAI.
 * ModJulian text is a plain decimal number.
 *
 * @module
 */

import { SECONDS_PER_DAY } from "../constants.ts";
import { daysInMonth, gmatMjdFromFields, MONTH_ABBREVIATIONS } from "./_calendar.ts";
import { convertMjd } from "./convert_mjd.ts";
import { EpochError } from "./epoch_error.ts";
import { leapSecondEndingDay } from "./tai_utc.ts";
import { type EpochFormat, epochFormatParts, isEpochFormat } from "./time_scale.ts";

const GREGORIAN_FORM = "'DD Mon YYYY HH:MM:SS.mmm' such as '01 Jan 2026 00:00:00.000'";
const MOD_JULIAN_FORM = "a decimal number of days since JD 2430000.0 such as '21545.0'";
const GREGORIAN = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d+)\s+(\d+):(\d+):(\d+)(?:\.(\d*))?$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function fail(text: string, format: string, why: string, form: string): never {
  throw new EpochError(
    text,
    `Cannot read epoch '${text}' as ${format}: ${why}; expected ${form}`,
  );
}

/** Calendar fields read from Gregorian text, seconds as a number. */
interface GregorianFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function parseGregorianFields(text: string, format: string): GregorianFields {
  const m = GREGORIAN.exec(text.trim());
  const bad = (why: string): never => fail(text, format, why, GREGORIAN_FORM);
  if (m === null) return bad("it does not have the four fields day, month, year and time");
  const [, dd, mon, yyyy, hh, mi, ss, frac] = m;
  const month = MONTH_ABBREVIATIONS.indexOf(mon) + 1;
  if (month === 0) {
    return bad(`'${mon}' is not a month; use one of ${MONTH_ABBREVIATIONS.join(", ")}`);
  }
  if (yyyy.length !== 4) return bad(`the year '${yyyy}' must have four digits`);
  const year = Number(yyyy);
  if (year < 1950) return bad(`GMAT accepts years from 1950 on, not ${year}`);
  const day = Number(dd);
  if (day < 1 || day > daysInMonth(year, month)) {
    return bad(`${mon} ${year} has no day ${day}`);
  }
  if (hh.length !== 2 || mi.length !== 2 || ss.length !== 2) {
    return bad("hours, minutes and seconds must have two digits each");
  }
  if (frac !== undefined && (frac.length === 0 || frac.length > 3)) {
    return bad("the seconds may have one to three decimals");
  }
  const hour = Number(hh);
  const minute = Number(mi);
  const second = Number(frac === undefined ? ss : `${ss}.${frac}`);
  if (hour > 23) return bad(`hour ${hh} is out of range 00-23`);
  if (minute > 59) return bad(`minute ${mi} is out of range 00-59`);
  if (second >= 60) {
    const leap = format === "UTCGregorian" && hour === 23 && minute === 59 && second < 61 &&
      leapSecondEndingDay(gmatMjdFromFields(year, month, day, 0, 0, 0)) !== undefined;
    if (!leap) {
      return bad(
        `second ${ss} is out of range 00-59 (60 only in a UTC leap second at 23:59 of its day)`,
      );
    }
  }
  return { year, month, day, hour, minute, second };
}

/**
 * Reads a GMAT Gregorian text into a GMAT MJD of its own scale, without scale conversion.
 *
 * A `60.xxx` seconds field is not accepted here (it only has a meaning in UTC; use
 * {@link parseEpoch}).
 *
 * @param text Text such as `01 Jan 2000 12:00:00.000`.
 * @returns The MJD in the text's scale.
 */
export function parseGregorian(text: string): number {
  const f = parseGregorianFields(text, "Gregorian");
  return gmatMjdFromFields(f.year, f.month, f.day, f.hour, f.minute, f.second);
}

/**
 * Reads epoch text in one of GMAT's ten epoch formats and returns the instant as an A1 modified
 * Julian date (GMAT's internal epoch, days since JD 2430000.0).
 *
 * @param text The epoch text, e.g. `01 Jan 2000 11:59:28.000` or `21545`.
 * @param format The epoch format, e.g. `UTCGregorian` or `TAIModJulian`.
 * @returns A1 MJD.
 * @throws {EpochError} `EPOCH_FORMAT` when the text does not match the format (the message quotes
 *   the text and shows the expected form) or the format name is unknown.
 *
 * @example The default spacecraft epoch
 * ```ts
 * import { parseEpoch } from "./parse_epoch.ts";
 * parseEpoch("01 Jan 2000 11:59:28.000", "UTCGregorian"); // 21545.00000039794
 * parseEpoch("21545", "TAIModJulian"); // 21545.00000039794
 * ```
 */
export function parseEpoch(text: string, format: EpochFormat): number {
  if (!isEpochFormat(format)) {
    throw new EpochError(
      format,
      `Unknown epoch format '${format}'; use one of A1ModJulian, TAIModJulian, UTCModJulian, ` +
        "TTModJulian, TDBModJulian, A1Gregorian, TAIGregorian, UTCGregorian, TTGregorian, " +
        "TDBGregorian",
    );
  }
  const { scale, representation } = epochFormatParts(format);
  if (representation === "ModJulian") {
    const t = text.trim();
    if (!NUMBER.test(t)) fail(text, format, "it is not a number", MOD_JULIAN_FORM);
    const value = Number(t);
    if (!Number.isFinite(value)) fail(text, format, "it is not a finite number", MOD_JULIAN_FORM);
    return convertMjd(value, scale, "A1");
  }
  const f = parseGregorianFields(text, format);
  if (f.second >= 60) {
    // Inside an inserted leap second: count from 23:59:59 UTC with the old offset.
    const at59 = gmatMjdFromFields(f.year, f.month, f.day, 23, 59, 59);
    const leap = leapSecondEndingDay(at59);
    const offsetBefore = leap === undefined ? 0 : leap.offsetBefore;
    const tai = at59 + (offsetBefore + (f.second - 59)) / SECONDS_PER_DAY;
    return convertMjd(tai, "TAI", "A1");
  }
  const mjd = gmatMjdFromFields(f.year, f.month, f.day, f.hour, f.minute, f.second);
  return convertMjd(mjd, scale, "A1");
}
