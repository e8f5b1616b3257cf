/**
 * Parses CCSDS-OEM (KVN) text as GMAT writes it, following gmat-run's conventions.
 *
 * Header `KEY = value` lines, then one or more segments, each a `META_START … META_STOP` block
 * followed by data lines `epoch x y z vx vy vz`. `COMMENT` lines are collected but never read as
 * data; `COVARIANCE_START … COVARIANCE_STOP` blocks are skipped; a data line with other than
 * seven tokens (e.g. OEM 2.0 accelerations) is rejected. Numbers become JS numbers; epochs stay
 * text.
 *
 * @module
 */

import { splitLines } from "./line_ending.ts";
import { OutputParseError } from "./output_parse_error.ts";
import type { OemFile, OemHeader, OemMetadata, OemRecord, OemSegment } from "./oem_types.ts";

const KEY_VALUE = /^([A-Z][A-Z0-9_]*)\s*=\s*(.*)$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

const META_FIELDS: Record<string, keyof OemMetadata> = {
  OBJECT_NAME: "objectName",
  OBJECT_ID: "objectId",
  CENTER_NAME: "centerName",
  REF_FRAME: "refFrame",
  REF_FRAME_EPOCH: "refFrameEpoch",
  TIME_SYSTEM: "timeSystem",
  START_TIME: "startTime",
  USEABLE_START_TIME: "useableStartTime",
  USEABLE_STOP_TIME: "useableStopTime",
  STOP_TIME: "stopTime",
  INTERPOLATION: "interpolation",
  INTERPOLATION_DEGREE: "interpolationDegree",
};
const REQUIRED_META = [
  "OBJECT_NAME",
  "OBJECT_ID",
  "CENTER_NAME",
  "REF_FRAME",
  "TIME_SYSTEM",
  "START_TIME",
  "STOP_TIME",
];

/**
 * Parses CCSDS-OEM text.
 *
 * @param text File contents (LF or CRLF, optional BOM).
 * @param path File path, used in error messages only.
 * @returns The header and the segments.
 * @throws {OutputParseError} When the text is not a CCSDS-OEM file GMAT could have written, e.g.
 *   `path:19: expected 7 tokens (epoch and 6 state values), got 10`.
 *
 * @example Usage
 * ```ts
 * import { parseOem } from "./oem_parser.ts";
 * import assert from "node:assert/strict";
 *
 * const oem = parseOem(
 *   [
 *     "CCSDS_OEM_VERS = 1.0",
 *     "CREATION_DATE  = 2026-04-25T19:04:31",
 *     "ORIGINATOR     = GMAT USER",
 *     "META_START",
 *     "OBJECT_NAME = Sat",
 *     "OBJECT_ID = SatId",
 *     "CENTER_NAME = Earth",
 *     "REF_FRAME = EME2000",
 *     "TIME_SYSTEM = UTC",
 *     "START_TIME = 2026-01-01T12:00:00.000",
 *     "STOP_TIME = 2026-01-01T12:00:00.000",
 *     "META_STOP",
 *     "2026-01-01T12:00:00.000  7000 0 0 0 7.5 0",
 *   ].join("\n"),
 *   "Sat.oem",
 * );
 * assert.equal(oem.header.originator, "GMAT USER");
 * assert.deepEqual(oem.segments[0].rows[0].state, [7000, 0, 0, 0, 7.5, 0]);
 * ```
 */
export function parseOem(text: string, path: string): OemFile {
  const lines = splitLines(text);
  const header: Partial<OemHeader> & { comments: string[] } = { comments: [] };
  const segments: OemSegment[] = [];
  let pendingComments: string[] = [];
  let i = 0;

  const fail = (line: number, detail: string): never => {
    throw new OutputParseError(path, line, detail);
  };

  // Header: everything before the first META_START.
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    if (line === "META_START") break;
    if (isComment(line)) {
      (header.version !== undefined && header.originator !== undefined
        ? pendingComments
        : header.comments).push(commentText(line));
      continue;
    }
    const kv = KEY_VALUE.exec(line);
    if (!kv) fail(i + 1, `expected a header "KEY = value" line or META_START, got "${line}"`);
    const [, key, value] = kv!;
    if (header.version === undefined && key !== "CCSDS_OEM_VERS") {
      fail(i + 1, `expected "CCSDS_OEM_VERS = <version>" first, got "${line}"`);
    }
    if (key === "CCSDS_OEM_VERS") header.version = value.trim();
    else if (key === "CREATION_DATE") header.creationDate = value.trim();
    else if (key === "ORIGINATOR") header.originator = value.trim();
    // Other header keys (e.g. MESSAGE_ID of OEM 3.0) are accepted and not kept.
  }
  if (header.version === undefined) {
    fail(lines.length, 'expected a CCSDS-OEM file starting with "CCSDS_OEM_VERS = <version>"');
  }
  for (const key of ["creationDate", "originator"] as const) {
    if (header[key] === undefined) {
      fail(i + 1, `expected header key ${key === "creationDate" ? "CREATION_DATE" : "ORIGINATOR"}`);
    }
  }
  if (i >= lines.length) fail(lines.length, "expected at least one META_START block");

  // Segments.
  let segment: OemSegment | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    if (line === "META_START") {
      const start = i;
      const meta: Partial<OemMetadata> = {};
      const metaComments: string[] = [];
      const extra: Record<string, string> = {};
      for (i++; i < lines.length && lines[i].trim() !== "META_STOP"; i++) {
        const metaLine = lines[i].trim();
        if (metaLine === "") continue;
        if (isComment(metaLine)) {
          metaComments.push(commentText(metaLine));
          continue;
        }
        const kv = KEY_VALUE.exec(metaLine);
        if (!kv) {
          fail(i + 1, `expected a metadata "KEY = value" line or META_STOP, got "${metaLine}"`);
        }
        const [, key, raw] = kv!;
        const value = raw.trim();
        const field = META_FIELDS[key];
        if (field === undefined) extra[key] = value;
        else if (field === "interpolationDegree") {
          if (!/^\d+$/.test(value)) {
            fail(i + 1, `expected an integer INTERPOLATION_DEGREE, got "${value}"`);
          }
          meta.interpolationDegree = Number(value);
        } else (meta as Record<string, string>)[field] = value;
      }
      if (i >= lines.length) fail(start + 1, "expected META_STOP to close this META_START");
      for (const key of REQUIRED_META) {
        if (meta[META_FIELDS[key]] === undefined) {
          fail(start + 1, `expected metadata key ${key} in this META_START block`);
        }
      }
      if (metaComments.length > 0) meta.comments = metaComments;
      if (Object.keys(extra).length > 0) meta.extra = extra;
      segment = { meta: meta as OemMetadata, rows: [] };
      if (pendingComments.length > 0) segment.comments = pendingComments;
      pendingComments = [];
      segments.push(segment);
      continue;
    }
    if (isComment(line)) {
      if (segment && segment.rows.length > 0) {
        // A comment after data lines belongs to the next segment (GMAT writes a segment's
        // comments before its META_START) unless no segment follows.
        pendingComments.push(commentText(line));
      } else if (segment) {
        (segment.comments ??= []).push(commentText(line));
      }
      continue;
    }
    if (line === "COVARIANCE_START") {
      const start = i;
      while (i < lines.length && lines[i].trim() !== "COVARIANCE_STOP") i++;
      if (i >= lines.length) fail(start + 1, "expected COVARIANCE_STOP to close COVARIANCE_START");
      continue;
    }
    if (!segment) fail(i + 1, `expected META_START, got "${line}"`);
    segment!.rows.push(parseRecord(line, i + 1, fail));
  }
  if (segment && pendingComments.length > 0) {
    (segment.comments ??= []).push(...pendingComments);
  }
  return { header: header as OemHeader, segments };
}

/** Whether a trimmed line is a `COMMENT` line. */
function isComment(line: string): boolean {
  return line === "COMMENT" || line.startsWith("COMMENT ") || line.startsWith("COMMENT\t");
}

/** The text of a `COMMENT` line after the keyword and its separating blanks. */
function commentText(line: string): string {
  return line.slice(7).replace(/^\s+/, "");
}

/** Parses one data line into an epoch and six numbers. */
function parseRecord(
  line: string,
  lineNo: number,
  fail: (l: number, d: string) => never,
): OemRecord {
  const tokens = line.split(/\s+/);
  if (tokens.length !== 7) {
    fail(lineNo, `expected 7 tokens (epoch and 6 state values), got ${tokens.length}`);
  }
  const state = new Array<number>(6);
  for (let k = 1; k < 7; k++) {
    if (!NUMBER.test(tokens[k])) fail(lineNo, `expected a number, got "${tokens[k]}"`);
    state[k - 1] = Number(tokens[k]);
  }
  return { epoch: tokens[0], state };
}
