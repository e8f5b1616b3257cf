/**
 * Proleptic Gregorian calendar arithmetic, the one copy every layer uses (GMAT's epochs, the
 * epoch readers of output files, table timestamps): leap years, month lengths, days since
 * 1970-01-01 and back, and clock fields as nanoseconds.
 *
 * @module
 */

/** Whether a proleptic Gregorian year is a leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1-based) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The proleptic Gregorian date of a day number since 1970-01-01 (Hinnant's `civil_from_days`). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
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
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const NS_PER_SECOND = 1_000_000_000n;

/**
 * Nanoseconds since 1970-01-01 of a day number and a clock time given as text fields (`HH`,
 * `MM`, `SS`, optional fraction digits); undefined for an impossible time. A leap second `:60`
 * is read as the first second of the next day.
 */
export function clockNs(
  days: number,
  hour: string,
  minute: string,
  second: string,
  fraction: string | undefined,
): bigint | undefined {
  const h = Number(hour);
  const m = Number(minute);
  const s = Number(second);
  if (h > 23 || m > 59 || s > 60) return undefined;
  const seconds = BigInt(days) * 86_400n + BigInt(h * 3600 + m * 60 + s);
  return seconds * NS_PER_SECOND + (fraction === undefined ? 0n : BigInt(fraction.padEnd(9, "0")));
}
