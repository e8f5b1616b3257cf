/**
 * The layout of gmat-sweep's compact JPL DE data file (`data/ephemeris/de405_1960_2060.bin`):
 * its header, the body table, and the encoder (used by `scripts/make_de405.ts`) and decoder.
 *
 * Everything is little-endian. Offsets in bytes:
 *
 * | offset | type | field |
 * |---|---|---|
 * | 0 | 8 ASCII | magic `GSDEPHEM` |
 * | 8 | u32 | format version (1) |
 * | 12 | u32 | header length H (a multiple of 8; the records start there) |
 * | 16 | u32 | DE number (405) |
 * | 20 | u32 | record count R |
 * | 24 | u32 | doubles per record D |
 * | 28 | u32 | body count B (11) |
 * | 32 | f64 | start of the first record, Julian date (TDB) |
 * | 40 | f64 | record span, days (32 for DE405) |
 * | 48 | f64 | AU, km |
 * | 56 | f64 | EMRAT, Earth/Moon mass ratio |
 * | 64 | f64 | CLIGHT, speed of light, km/s |
 * | 72 | B x 3 u32 | per body in {@link DE_TARGETS} order: first coefficient (0-based index
 *   in a record), coefficients per component, sub-intervals (granules) per record |
 * | 72 + 12 B | u32 | length L of a UTF-8 text describing the file |
 * | 76 + 12 B | L bytes | the text; zero padding up to H |
 * | H | R x D f64 | the Chebyshev records, record r covering [start + r span, start + (r+1) span] |
 *
 * Within a record, the coefficients of one body and granule are stored component-major (all x
 * coefficients, then y, then z), granules in time order: JPL's own order. Positions are km in the
 * ICRF/J2000 equatorial frame; the Moon is geocentric, the other targets are relative to the solar
 * system barycentre (EMB = Earth-Moon barycentre).
 *
 * @module
 */

import { EphemerisError } from "./ephemeris_error.ts";

/** The targets kept in the file, in JPL's order (the index is GMAT's `DeFile` body id). */
export const DE_TARGETS = [
  "Mercury",
  "Venus",
  "EarthMoonBarycenter",
  "Mars",
  "Jupiter",
  "Saturn",
  "Uranus",
  "Neptune",
  "Pluto",
  "Moon",
  "Sun",
] as const;

/** A target of the DE file. */
export type DeTarget = typeof DE_TARGETS[number];

/** Index of the Earth-Moon barycentre in {@link DE_TARGETS}. */
export const EMB_INDEX = 2;
/** Index of the (geocentric) Moon in {@link DE_TARGETS}. */
export const MOON_INDEX = 9;
/** Index of the Sun in {@link DE_TARGETS}. */
export const SUN_INDEX = 10;

/** The magic bytes opening the file. */
export const DE_MAGIC = "GSDEPHEM";
/** The format version this module reads and writes. */
export const DE_FORMAT_VERSION = 1;

/** Where one target's coefficients sit in a record. */
export interface DeBodyLayout {
  /** 0-based index of the first coefficient in a record. */
  readonly offset: number;
  /** Chebyshev coefficients per component. */
  readonly coefficients: number;
  /** Sub-intervals (granules) per record. */
  readonly granules: number;
}

/** The header fields of a DE data file. */
export interface DeHeader {
  /** JPL DE number, e.g. 405. */
  readonly deNumber: number;
  /** Number of records. */
  readonly recordCount: number;
  /** Doubles per record. */
  readonly recordLength: number;
  /** Julian date (TDB) at which the first record starts. */
  readonly startJd: number;
  /** Days covered by one record. */
  readonly spanDays: number;
  /** The astronomical unit of the ephemeris, km. */
  readonly au: number;
  /** Earth/Moon mass ratio of the ephemeris. */
  readonly emrat: number;
  /** Speed of light of the ephemeris, km/s. */
  readonly clight: number;
  /** Layout per target, in {@link DE_TARGETS} order. */
  readonly bodies: readonly DeBodyLayout[];
  /** Free text describing the file (source, layout). */
  readonly description: string;
}

const FIXED = 72;

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** Length in bytes of the header written for `header`. */
export function headerLength(header: DeHeader): number {
  const text = new TextEncoder().encode(header.description);
  return align8(FIXED + 12 * header.bodies.length + 4 + text.length);
}

/**
 * Encodes a header (followed by zero padding up to its length).
 *
 * @param header The fields to write.
 * @returns The header bytes, `headerLength(header)` long.
 */
export function encodeHeader(header: DeHeader): Uint8Array {
  const text = new TextEncoder().encode(header.description);
  const out = new Uint8Array(headerLength(header));
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(DE_MAGIC), 0);
  view.setUint32(8, DE_FORMAT_VERSION, true);
  view.setUint32(12, out.length, true);
  view.setUint32(16, header.deNumber, true);
  view.setUint32(20, header.recordCount, true);
  view.setUint32(24, header.recordLength, true);
  view.setUint32(28, header.bodies.length, true);
  view.setFloat64(32, header.startJd, true);
  view.setFloat64(40, header.spanDays, true);
  view.setFloat64(48, header.au, true);
  view.setFloat64(56, header.emrat, true);
  view.setFloat64(64, header.clight, true);
  let at = FIXED;
  for (const body of header.bodies) {
    view.setUint32(at, body.offset, true);
    view.setUint32(at + 4, body.coefficients, true);
    view.setUint32(at + 8, body.granules, true);
    at += 12;
  }
  view.setUint32(at, text.length, true);
  out.set(text, at + 4);
  return out;
}

function fail(source: string, what: string): never {
  throw new EphemerisError(
    "EPHEMERIS_FILE",
    `${source} is not a gmat-sweep DE ephemeris file: ${what}; regenerate it with ` +
      "`deno run -A scripts/make_de405.ts`",
  );
}

/**
 * Decodes and checks the header of a DE data file.
 *
 * @param bytes The whole file.
 * @param source The file's name, for error messages.
 * @returns The header and the byte offset of the first record.
 * @throws {EphemerisError} `EPHEMERIS_FILE` for a wrong magic, version, size or body table.
 */
export function decodeHeader(
  bytes: Uint8Array,
  source: string,
): { readonly header: DeHeader; readonly recordsAt: number } {
  if (bytes.length < FIXED) fail(source, `only ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic !== DE_MAGIC) fail(source, `magic ${JSON.stringify(magic)}`);
  const version = view.getUint32(8, true);
  if (version !== DE_FORMAT_VERSION) fail(source, `format version ${version}`);
  const recordsAt = view.getUint32(12, true);
  const recordCount = view.getUint32(20, true);
  const recordLength = view.getUint32(24, true);
  const bodyCount = view.getUint32(28, true);
  if (bodyCount !== DE_TARGETS.length) fail(source, `${bodyCount} bodies`);
  const textAt = FIXED + 12 * bodyCount;
  if (recordsAt % 8 !== 0 || recordsAt < textAt + 4 || recordsAt > bytes.length) {
    fail(source, `header length ${recordsAt}`);
  }
  const expected = recordsAt + 8 * recordCount * recordLength;
  if (bytes.length !== expected) {
    fail(source, `${bytes.length} bytes where the header announces ${expected}`);
  }
  const bodies: DeBodyLayout[] = [];
  for (let i = 0; i < bodyCount; i++) {
    const at = FIXED + 12 * i;
    const body = {
      offset: view.getUint32(at, true),
      coefficients: view.getUint32(at + 4, true),
      granules: view.getUint32(at + 8, true),
    };
    const end = body.offset + 3 * body.coefficients * body.granules;
    if (body.coefficients < 3 || body.granules < 1 || end > recordLength) {
      fail(source, `body table entry ${DE_TARGETS[i]} ${JSON.stringify(body)}`);
    }
    bodies.push(Object.freeze(body));
  }
  const textLength = view.getUint32(textAt, true);
  if (textAt + 4 + textLength > recordsAt) fail(source, `text length ${textLength}`);
  const header: DeHeader = Object.freeze({
    deNumber: view.getUint32(16, true),
    recordCount,
    recordLength,
    startJd: view.getFloat64(32, true),
    spanDays: view.getFloat64(40, true),
    au: view.getFloat64(48, true),
    emrat: view.getFloat64(56, true),
    clight: view.getFloat64(64, true),
    bodies: Object.freeze(bodies),
    description: new TextDecoder().decode(bytes.subarray(textAt + 4, textAt + 4 + textLength)),
  });
  if (!(header.spanDays > 0 && Number.isFinite(header.startJd))) {
    fail(source, `record span ${header.spanDays} days from JD ${header.startJd}`);
  }
  return { header, recordsAt };
}
