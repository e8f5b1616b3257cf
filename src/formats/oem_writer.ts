/**
 * Writes CCSDS-OEM text byte for byte as GMAT R2026a does (`EphemWriterCCSDS.cpp`,
 * `CCSDSOEMWriter.cpp`, `CCSDSOEMSegment.cpp`).
 *
 * Layout: the header keys `CCSDS_OEM_VERS = `, `CREATION_DATE  = `, `ORIGINATOR     = `; then per
 * segment a blank line, the metadata block with keys padded to 20 characters
 * (`INTERPOLATION_DEGREE = 7 ` is `%-2d`, hence the trailing space), `META_STOP`, a blank line,
 * and the data lines `"%s  % 1.15e  % 1.15e  % 1.15e  % 1.15e  % 1.15e  % 1.15e"`.
 *
 * @module
 */

import { formatE } from "./number_format.ts";
import type { LineEnding } from "./line_ending.ts";
import type { OemMetadata, OemRecord, OemSegment } from "./oem_types.ts";

/** What {@linkcode writeOem} writes. */
export interface OemDocument {
  /** `CCSDS_OEM_VERS`. @default {"1.0"} */
  version?: string;
  /** `CREATION_DATE`, e.g. `2026-04-25T19:04:31` (GMAT: the local time of writing). */
  creationDate: string;
  /** `ORIGINATOR`; GMAT writes `GMAT USER`. */
  originator: string;
  /** Header `COMMENT` lines (written after the version line, as GMAT does). */
  comments?: string[];
  /** The segments. */
  segments: OemSegment[];
}

/** Options of {@linkcode writeOem}. */
export interface OemWriteOptions {
  /**
   * Write a blank line before each segment's metadata block. GMAT R2026a release builds do (see
   * `Ex_LEOEphemeris.oem`); the R2026a development build that wrote NASA's `DemoLEO-*.oem` did not.
   *
   * @default {true}
   */
  blankLineBeforeMeta?: boolean;
  /** Line ending. @default {"\n"} */
  lineEnding?: LineEnding;
}

const META_KEYS: readonly [string, keyof OemMetadata][] = [
  ["OBJECT_NAME", "objectName"],
  ["OBJECT_ID", "objectId"],
  ["CENTER_NAME", "centerName"],
  ["REF_FRAME", "refFrame"],
  ["REF_FRAME_EPOCH", "refFrameEpoch"],
  ["TIME_SYSTEM", "timeSystem"],
  ["START_TIME", "startTime"],
  ["USEABLE_START_TIME", "useableStartTime"],
  ["USEABLE_STOP_TIME", "useableStopTime"],
  ["STOP_TIME", "stopTime"],
  ["INTERPOLATION", "interpolation"],
  ["INTERPOLATION_DEGREE", "interpolationDegree"],
];

/**
 * Formats one OEM data line (without line ending) as GMAT does.
 *
 * @param row Epoch text and six state values.
 * @returns `"<epoch>  % 1.15e  % 1.15e  % 1.15e  % 1.15e  % 1.15e  % 1.15e"`.
 *
 * @example Usage
 * ```ts
 * import { formatOemRecord } from "./oem_writer.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(
 *   formatOemRecord({ epoch: "2026-01-01T12:00:00.000", state: [7000, 0, 0, 0, 7.5, -1] }),
 *   "2026-01-01T12:00:00.000   7.000000000000000e+03   0.000000000000000e+00" +
 *     "   0.000000000000000e+00   0.000000000000000e+00   7.500000000000000e+00" +
 *     "  -1.000000000000000e+00",
 * );
 * ```
 */
export function formatOemRecord(row: OemRecord): string {
  if (row.state.length !== 6) {
    throw new RangeError(
      `Cannot write OEM record at ${row.epoch}: expected 6 state values, got ${row.state.length}`,
    );
  }
  let line = row.epoch;
  for (const value of row.state) line += "  " + formatE(value, 15, { space: true });
  return line;
}

/**
 * Writes a CCSDS-OEM file.
 *
 * @param doc Header fields and segments.
 * @param options Layout options.
 * @returns The file contents.
 *
 * @example Usage
 * ```ts
 * import { writeOem } from "./oem_writer.ts";
 * import assert from "node:assert/strict";
 *
 * const text = writeOem({
 *   creationDate: "2026-04-25T19:04:31",
 *   originator: "GMAT USER",
 *   segments: [{
 *     meta: {
 *       objectName: "Sat",
 *       objectId: "SatId",
 *       centerName: "Earth",
 *       refFrame: "EME2000",
 *       timeSystem: "UTC",
 *       startTime: "2026-01-01T12:00:00.000",
 *       useableStartTime: "2026-01-01T12:00:00.000",
 *       useableStopTime: "2026-01-01T12:00:00.000",
 *       stopTime: "2026-01-01T12:00:00.000",
 *       interpolation: "Lagrange",
 *       interpolationDegree: 7,
 *     },
 *     rows: [{ epoch: "2026-01-01T12:00:00.000", state: [7000, 0, 0, 0, 7.5, 0] }],
 *   }],
 * });
 * assert.ok(text.startsWith("CCSDS_OEM_VERS = 1.0\nCREATION_DATE  = 2026-04-25T19:04:31\n"));
 * assert.ok(text.includes("\nINTERPOLATION        = LAGRANGE\nINTERPOLATION_DEGREE = 7 \n"));
 * ```
 */
export function writeOem(doc: OemDocument, options: OemWriteOptions = {}): string {
  const blankLineBeforeMeta = options.blankLineBeforeMeta ?? true;
  const lines: string[] = [`CCSDS_OEM_VERS = ${doc.version ?? "1.0"}`];
  for (const comment of doc.comments ?? []) lines.push(`COMMENT  ${comment}`);
  lines.push(`CREATION_DATE  = ${doc.creationDate}`);
  lines.push(`ORIGINATOR     = ${doc.originator}`);
  for (const segment of doc.segments) {
    if (blankLineBeforeMeta) lines.push("");
    const comments = segment.comments ?? [];
    for (const comment of comments) lines.push(`COMMENT  ${comment}`);
    if (comments.length > 0) lines.push("");
    lines.push(...metadataLines(segment.meta), "");
    for (const row of segment.rows) lines.push(formatOemRecord(row));
  }
  const eol = options.lineEnding ?? "\n";
  return lines.join(eol) + eol;
}

/** The metadata block of a segment, `META_START` to `META_STOP`. */
function metadataLines(meta: OemMetadata): string[] {
  const lines = ["META_START"];
  for (const comment of meta.comments ?? []) lines.push(`COMMENT  ${comment}`);
  for (const [key, field] of META_KEYS) {
    const value = meta[field];
    if (value === undefined) continue;
    let text: string;
    if (field === "interpolationDegree") {
      if (!Number.isInteger(value)) {
        throw new RangeError("Cannot write OEM metadata: interpolationDegree must be an integer");
      }
      text = String(value).padEnd(2); // sprintf("%-2d")
    } else if (field === "interpolation") text = String(value).toUpperCase();
    else text = String(value);
    lines.push(`${key.padEnd(20)} = ${text}`);
  }
  lines.push("META_STOP");
  return lines;
}
