/**
 * Records shared by the STK-TimePosVel (`.e`) writer and parser.
 *
 * @module
 */

/** STK distance units found in `.e` files (STK's default, when no `DistanceUnit` line, is metres). */
export type StkDistanceUnit = "Kilometers" | "Meters";

/** One ephemeris point: seconds from `ScenarioEpoch` and the Cartesian state. */
export interface StkRecord {
  /** Seconds since the scenario epoch. */
  offset: number;
  /** X, Y, Z, VX, VY, VZ; units: see the writer and parser. */
  state: number[];
}

/** A parsed STK `.e` file with an `EphemerisTimePosVel` section. */
export interface StkFile {
  /** The version line, e.g. `stk.v.10.0`. */
  version: string;
  /** Text after `# WrittenBy`, e.g. `GMAT R2026a` or `STK_v11.7.0`, when present. */
  writtenBy?: string;
  /** `NumberOfEphemerisPoints`, when present (it is checked against the rows read). */
  numberOfEphemerisPoints?: number;
  /** `ScenarioEpoch` text as written, e.g. `01 Jan 2026 12:00:00.000` (UTC Gregorian). */
  scenarioEpoch: string;
  /** `InterpolationMethod`, e.g. `Lagrange` (absent in files of older GMAT writers). */
  interpolationMethod?: string;
  /** `InterpolationOrder`, or STK's `InterpolationSamplesM1`. */
  interpolationOrder?: number;
  /** `CentralBody`, e.g. `Earth`. */
  centralBody?: string;
  /** `CoordinateSystem`, e.g. `J2000`. */
  coordinateSystem?: string;
  /** `CoordinateSystemEpoch`, when present. */
  coordinateSystemEpoch?: string;
  /** `DistanceUnit`, or `Meters` (STK's default) when the file has no such line. */
  distanceUnit: StkDistanceUnit;
  /** Whether the file states its `DistanceUnit` (false: metres by STK's default). */
  distanceUnitExplicit: boolean;
  /** `BEGIN SegmentBoundaryTimes … END SegmentBoundaryTimes` values (seconds), if any. */
  segmentBoundaryTimes: number[];
  /**
   * The points, values exactly as written: metres and m/s when `distanceUnit` is `Meters`,
   * kilometres and km/s when it is `Kilometers`.
   */
  rows: StkRecord[];
  /** Other `Keyword value` header lines, verbatim. */
  extra: Record<string, string>;
}
