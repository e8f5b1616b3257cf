/**
 * Types of a parsed GMAT ContactLocator report (`parseContactReport`), named after gmat-run's
 * DataFrame conventions: canonical column names, one row per contact event (or per AzEl tick),
 * and the report's target, format and per-observer event counts.
 *
 * @module
 */

import type { LineEnding } from "./line_ending.ts";

/**
 * The six `ContactLocator.ReportFormat` layouts, spelt as GMAT spells them. `Legacy` (GMAT's
 * default) writes one block per observer; the other five write one merged table.
 */
export type ContactReportFormat =
  | "Legacy"
  | "ContactRangeReport"
  | "SiteViewMaxElevationReport"
  | "SiteViewMaxElevationRangeReport"
  | "AzimuthElevationRangeReport"
  | "AzimuthElevationRangeRangeRateReport";

/** Canonical column names (gmat-run's), in the order the DataFrame conventions list them. */
export const CONTACT_COLUMNS = [
  "Observer",
  "Pass",
  "Start",
  "Stop",
  "Duration",
  "Time",
  "StartRange",
  "StopRange",
  "Range",
  "RangeRate",
  "Azimuth",
  "Elevation",
  "MaxElevation",
  "MaxElevationTime",
] as const;

/** A canonical column name. */
export type ContactColumn = typeof CONTACT_COLUMNS[number];

/** Columns whose cells are epochs (UTC). */
export type ContactTimeColumn = "Start" | "Stop" | "Time" | "MaxElevationTime";

/** Columns whose cells are numbers of seconds, kilometres, degrees or km/s. */
export type ContactNumberColumn = Exclude<ContactColumn, "Observer" | "Pass" | ContactTimeColumn>;

/**
 * How a report writes epochs, as `ContactLocator.ReportTimeFormat` names them: `UTCGregorian`
 * (`09 Jan 2010 20:36:24.626`, also Legacy's `(UTC)`), `ISOYD` (`2010-009T16:00:00.000`) or
 * `UTCMJD` (`25206.16666667`, GMAT days since 1941-01-05T12:00:00 UTC, 8 decimals).
 */
export type ContactTimeFormat = "UTCGregorian" | "ISOYD" | "UTCMJD";

/**
 * One row of a report: one contact event, or one AzEl tick of a pass. Only the report's columns
 * are present. Epochs are kept as written (convert them with `contactEpochNs`); `Duration` is in
 * seconds, ranges in km, angles in degrees, `RangeRate` in km/s.
 */
export interface ContactRow {
  /** Ground station (or `Station.Imager`) name. */
  Observer: string;
  /** AzEl formats: pass number (1-based, chronological across observers). */
  Pass?: number;
  /** Start epoch of the contact, as written. */
  Start?: string;
  /** Stop epoch of the contact, as written. */
  Stop?: string;
  /** Duration of the contact, seconds. */
  Duration?: number;
  /** AzEl formats: epoch of the tick, as written. */
  Time?: string;
  /** Range at the start of the contact, km. */
  StartRange?: number;
  /** Range at the stop of the contact, km. */
  StopRange?: number;
  /** AzEl formats: range at the tick, km. */
  Range?: number;
  /** AzEl formats: range rate at the tick, km/s. */
  RangeRate?: number;
  /** AzEl formats: azimuth at the tick, degrees. */
  Azimuth?: number;
  /** AzEl formats: elevation at the tick, degrees. */
  Elevation?: number;
  /** Maximum elevation of the contact, degrees. */
  MaxElevation?: number;
  /** Epoch of the maximum elevation, as written. */
  MaxElevationTime?: string;
}

/** A parsed ContactLocator report. */
export interface ContactReport {
  /** The `Target:` spacecraft. */
  target: string;
  /**
   * The layout, from the column set (tabular formats) or the per-observer blocks (Legacy);
   * `null` for a tabular report that only says `No contacts detected` (the five tabular formats
   * write the same text then).
   */
  format: ContactReportFormat | null;
  /** Time scale of every epoch; GMAT writes contact reports in UTC only. */
  timeScale: "UTC";
  /** Canonical names of the columns, in file order (Legacy: `Observer, Start, Stop, Duration`). */
  columns: ContactColumn[];
  /** Rows in file order (Legacy: observer by observer; tabular: as GMAT merged them). */
  rows: ContactRow[];
  /** 1-based line number of each row. */
  lines: number[];
  /** How each epoch column is written. */
  timeFormats: Partial<Record<ContactTimeColumn, ContactTimeFormat>>;
  /**
   * Events per observer, observers in order of appearance: Legacy's `Number of events : N` (0
   * included), else rows per observer, or distinct passes per observer for the AzEl formats.
   */
  eventCounts: Record<string, number>;
  /** Line ending of the file (of its first line break). */
  lineEnding: LineEnding;
}
