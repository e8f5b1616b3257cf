/**
 * The record of one output file a run wrote, whichever engine wrote it: what it is, where it is,
 * and how many data rows it holds. The built-in engine, the GmatConsole driver and the table layer
 * all speak it, so it lives with the formats below them.
 *
 * @module
 */

/** What an output is: a table-like file, a solver log, or free text kept as it is. */
export type RunOutputKind = "report" | "ephemeris" | "contact" | "solver" | "text";

/** The file format of an output. */
export type RunOutputFormat =
  | "ReportFile"
  | "CCSDS-OEM"
  | "STK-TimePosVel"
  | "ContactLocator"
  | "DifferentialCorrector"
  | "Yukon"
  | "Text";

/** One output file of a run. */
export interface RunOutput {
  /** What it is (`report`, `ephemeris`, `contact`, `solver` or `text`). */
  readonly kind: RunOutputKind;
  /** The resource name (ReportFile, EphemerisFile, ContactLocator or solver). */
  readonly name: string;
  /** Absolute path of the file. */
  readonly path: string;
  /** The file format. */
  readonly format: RunOutputFormat;
  /** Data rows (report lines, ephemeris states, solver iterations); 0 when not yet counted. */
  readonly rows: number;
  /**
   * Column names for a ReportFile written without a header line (`WriteHeaders = false`): the
   * script's `Add` list, in order.
   */
  readonly columns?: readonly string[];
}
