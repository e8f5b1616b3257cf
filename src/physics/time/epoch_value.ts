/**
 * The value of an epoch parameter (`Sat.UTCGregorian`, `Sat.A1ModJulian`, ...) for an A1 MJD.
 *
 * @module
 */

import { convertMjd } from "./convert_mjd.ts";
import { formatGregorian } from "./format_gregorian.ts";
import { leapSecondContaining } from "./tai_utc.ts";
import { type EpochFormat, epochFormatParts } from "./time_scale.ts";

/**
 * Expresses an A1 MJD in one of GMAT's epoch formats.
 *
 * @param a1Mjd The instant, A1 GMAT MJD.
 * @param format The format wanted.
 * @returns A number (days since JD 2430000.0) for the `ModJulian` formats, GMAT Gregorian text for
 *   the `Gregorian` ones. `UTCGregorian` inside an inserted leap second reads `23:59:60.xxx`.
 *
 * @example The default spacecraft epoch in three formats
 * ```ts
 * import { epochValue } from "./epoch_value.ts";
 * const a1 = 21545.00000039794;
 * epochValue(a1, "TAIModJulian"); // 21545 (to rounding)
 * epochValue(a1, "UTCGregorian"); // "01 Jan 2000 11:59:28.000"
 * epochValue(a1, "A1Gregorian"); // "01 Jan 2000 12:00:00.034"
 * ```
 */
export function epochValue(a1Mjd: number, format: EpochFormat): number | string {
  const { scale, representation } = epochFormatParts(format);
  const value = convertMjd(a1Mjd, "A1", scale);
  if (representation === "ModJulian") return value;
  const inLeap = scale === "UTC" && leapSecondContaining(convertMjd(a1Mjd, "A1", "TAI")) !==
      undefined;
  return formatGregorian(value, inLeap);
}
