/**
 * GMAT's time scales and the ten epoch-format names (`A1ModJulian` ... `TDBGregorian`).
 *
 * A format name is a scale followed by a representation: `ModJulian` (days since JD 2430000.0, a
 * number) or `Gregorian` (text `DD Mon YYYY HH:MM:SS.mmm`).
 *
 * @module
 */

/** A time scale GMAT converts between. A1 = TAI + 0.0343817 s is GMAT's internal scale. */
export type TimeScale = "A1" | "TAI" | "UTC" | "TT" | "TDB";

/** The time scales, in GMAT's order. */
export const TIME_SCALES: readonly TimeScale[] = ["A1", "TAI", "UTC", "TT", "TDB"];

/** One of GMAT's ten epoch formats (`DateFormat`, `EpochFormat`, report parameters). */
export type EpochFormat =
  | "A1ModJulian"
  | "TAIModJulian"
  | "UTCModJulian"
  | "TTModJulian"
  | "TDBModJulian"
  | "A1Gregorian"
  | "TAIGregorian"
  | "UTCGregorian"
  | "TTGregorian"
  | "TDBGregorian";

/** The ten epoch formats. */
export const EPOCH_FORMATS: readonly EpochFormat[] = [
  "A1ModJulian",
  "TAIModJulian",
  "UTCModJulian",
  "TTModJulian",
  "TDBModJulian",
  "A1Gregorian",
  "TAIGregorian",
  "UTCGregorian",
  "TTGregorian",
  "TDBGregorian",
];

/** Whether `s` is exactly one of the ten GMAT epoch-format names (case-sensitive, as in GMAT). */
export function isEpochFormat(s: string): s is EpochFormat {
  return (EPOCH_FORMATS as readonly string[]).includes(s);
}

/** The scale and representation an {@link EpochFormat} names. */
export interface EpochFormatParts {
  /** The time scale, e.g. `UTC` for `UTCGregorian`. */
  readonly scale: TimeScale;
  /** `ModJulian` (a number of days) or `Gregorian` (calendar text). */
  readonly representation: "ModJulian" | "Gregorian";
}

/**
 * Splits an epoch format into its scale and representation.
 *
 * @example Split a format name
 * ```ts
 * import { epochFormatParts } from "./time_scale.ts";
 * epochFormatParts("UTCGregorian"); // { scale: "UTC", representation: "Gregorian" }
 * ```
 */
export function epochFormatParts(format: EpochFormat): EpochFormatParts {
  const representation = format.endsWith("Gregorian") ? "Gregorian" : "ModJulian";
  const scale = format.slice(0, format.length - representation.length) as TimeScale;
  return { scale, representation };
}
