/**
 * Records shared by the CCSDS-OEM writer and parser.
 *
 * @module
 */

/** One OEM `META_START … META_STOP` block, with GMAT's key names in camelCase. */
export interface OemMetadata {
  /** `OBJECT_NAME`: the spacecraft name. */
  objectName: string;
  /** `OBJECT_ID`: GMAT writes `Spacecraft.Id` (default `SatId`). */
  objectId: string;
  /** `CENTER_NAME`: origin of the output coordinate system (`Luna` is written `Moon`). */
  centerName: string;
  /** `REF_FRAME`: `EME2000`, `TOD`, `ICRF`, `TDR`, `MJ2000Ec`, … */
  refFrame: string;
  /** `REF_FRAME_EPOCH` (optional in CCSDS; GMAT never writes it). */
  refFrameEpoch?: string;
  /** `TIME_SYSTEM`: GMAT always writes `UTC`. */
  timeSystem: string;
  /** `START_TIME`, an ISO epoch such as `2026-01-01T12:00:00.000`. */
  startTime: string;
  /** `USEABLE_START_TIME` (optional in CCSDS; GMAT writes START_TIME again). */
  useableStartTime?: string;
  /** `USEABLE_STOP_TIME` (optional in CCSDS; GMAT writes STOP_TIME again). */
  useableStopTime?: string;
  /** `STOP_TIME`. */
  stopTime: string;
  /** `INTERPOLATION`, e.g. `LAGRANGE` (GMAT upper-cases it). */
  interpolation?: string;
  /** `INTERPOLATION_DEGREE`, e.g. 7. */
  interpolationDegree?: number;
  /** `COMMENT` lines inside the metadata block, without the keyword. */
  comments?: string[];
  /** Other `KEY = value` lines of the metadata block, verbatim (parser only). */
  extra?: Record<string, string>;
}

/** One OEM data line: the epoch text as written and the Cartesian state. */
export interface OemRecord {
  /** Epoch exactly as written, e.g. `2026-01-01T12:00:00.000`. */
  epoch: string;
  /** X, Y, Z (km), VX, VY, VZ (km/s). */
  state: number[];
}

/** One OEM segment: a metadata block and its data lines. */
export interface OemSegment {
  /** The segment's metadata. */
  meta: OemMetadata;
  /**
   * Data `COMMENT` lines of the segment, without the keyword. GMAT writes them (followed by a
   * blank line) just before the segment's `META_START`; the parser also collects comments found
   * among the data lines here.
   */
  comments?: string[];
  /** The data lines in file order. */
  rows: OemRecord[];
}

/** The header of a parsed OEM file. */
export interface OemHeader {
  /** `CCSDS_OEM_VERS`, e.g. `1.0`. */
  version: string;
  /** `CREATION_DATE`, e.g. `2026-04-25T19:04:31`. */
  creationDate: string;
  /** `ORIGINATOR`, `GMAT USER` for GMAT. */
  originator: string;
  /** Header `COMMENT` lines, without the keyword. */
  comments: string[];
}

/** A parsed CCSDS-OEM file. */
export interface OemFile {
  /** The file header. */
  header: OemHeader;
  /** The segments in file order. */
  segments: OemSegment[];
}
