/**
 * Reader and lookups of the IERS EOP C04 file GMAT uses (`eopc04_08.62-now`), following GMAT's
 * `EopFile`:
 *
 * - Reading: skip to the header line whose first word is `(0h`; every following non-blank line
 *   is `year month day MJD x y UT1-UTC LOD ...` (x, y in arcsec, UT1-UTC and LOD in seconds; the
 *   nutation corrections and error columns are not read).
 * - UT1-UTC (`GetUt1UtcOffset`) is looked up by TAI: each daily value belongs to the TAI instant
 *   of its 0h UTC, and values between two rows are interpolated linearly in TAI; when the two
 *   instants are not one day apart (a leap second between them) the whole seconds of the
 *   difference are removed from the UT1-UTC step first. Before the first row / after the last the
 *   end value is held.
 * - Polar motion (`GetPolarMotionAndLod`) is looked up by UTC: x and y are interpolated linearly
 *   between the two bracketing rows; LOD is not interpolated (the earlier row's value). At or
 *   before the first row, and at or after the last, the end row's values are used.
 *
 * @module
 */

import { DataFileError } from "../data/data_file_error.ts";
import { convertMjd } from "../time/convert_mjd.ts";
import { STANDARD_MINUS_GMAT_MJD } from "../constants.ts";

/** The columns of the EOP file GMAT reads, one entry per day. */
export interface EopTable {
  /** Number of rows. */
  readonly size: number;
  /** Standard (1858-based) UTC MJD of each row (0h UTC). */
  readonly mjd: Float64Array;
  /** TAI of each row's 0h UTC, GMAT MJD (days since JD 2430000.0). */
  readonly taiMjd: Float64Array;
  /** Pole x, arcsec. */
  readonly x: Float64Array;
  /** Pole y, arcsec. */
  readonly y: Float64Array;
  /** UT1 - UTC, seconds. */
  readonly ut1MinusUtc: Float64Array;
  /** Excess length of day, seconds. */
  readonly lod: Float64Array;
}

const INTEGER = /^[+-]?\d+$/;
const REAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses an EOP C04 file (old format) as GMAT does.
 *
 * @param text The file content.
 * @param name The file name, for error messages.
 * @throws {DataFileError} `DATA_FILE_FORMAT` without the `(0h` header line, without data, or for
 *   a malformed data line.
 */
export function parseEopFile(text: string, name = "eopc04_08.62-now"): EopTable {
  const lines = text.split(/\r?\n/);
  const fail = (what: string): never => {
    throw new DataFileError(
      "DATA_FILE_FORMAT",
      name,
      `EOP file ${name}: ${what}; GMAT reads IERS EOP C04 files in the old format ` +
        "(planetary_coeff/eopc04_08.62-now)",
    );
  };
  const header = lines.findIndex((line) => line.trim().split(/\s+/)[0] === "(0h");
  if (header < 0) fail("no header line starting with '(0h'");
  const rows: number[][] = [];
  for (let i = header + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "") continue;
    const f = line.trim().split(/\s+/);
    if (f.length < 8) fail(`line ${i + 1} has ${f.length} fields, at least 8 are needed`);
    if (!INTEGER.test(f[3])) fail(`line ${i + 1}: MJD '${f[3]}' is not an integer`);
    for (let j = 4; j < 8; j++) {
      if (!REAL.test(f[j])) fail(`line ${i + 1}: '${f[j]}' is not a number`);
    }
    const mjd = Number(f[3]);
    if (rows.length > 0 && !(mjd > rows[rows.length - 1][0])) {
      fail(`line ${i + 1}: MJD ${mjd} does not increase`);
    }
    rows.push([mjd, Number(f[4]), Number(f[5]), Number(f[6]), Number(f[7])]);
  }
  if (rows.length === 0) fail("no data lines after the header");
  const size = rows.length;
  const table = {
    size,
    mjd: new Float64Array(size),
    taiMjd: new Float64Array(size),
    x: new Float64Array(size),
    y: new Float64Array(size),
    ut1MinusUtc: new Float64Array(size),
    lod: new Float64Array(size),
  };
  for (let i = 0; i < size; i++) {
    const [mjd, x, y, dut1, lod] = rows[i];
    table.mjd[i] = mjd;
    table.taiMjd[i] = convertMjd(mjd - STANDARD_MINUS_GMAT_MJD, "UTC", "TAI");
    table.x[i] = x;
    table.y[i] = y;
    table.ut1MinusUtc[i] = dut1;
    table.lod[i] = lod;
  }
  return Object.freeze(table);
}

/** Index i with t[i] <= v < t[i+1], for v strictly inside [t[0], t[size-1]). */
function bracket(t: Float64Array, v: number): number {
  const last = t.length - 1;
  // Rows are (almost always) one day apart: guess, then walk.
  let i = Math.floor(v - t[0]);
  if (i < 0) i = 0;
  if (i > last - 1) i = last - 1;
  while (i > 0 && t[i] > v) i--;
  while (i < last - 1 && t[i + 1] <= v) i++;
  return i;
}

/**
 * UT1 - UTC in seconds at a TAI instant (GMAT's `EopFile::GetUt1UtcOffset`).
 *
 * @param table The EOP table.
 * @param taiMjd TAI, GMAT MJD.
 */
export function ut1MinusUtcAt(table: EopTable, taiMjd: number): number {
  const t = table.taiMjd;
  const off = table.ut1MinusUtc;
  const last = table.size - 1;
  if (taiMjd >= t[last]) return off[last];
  if (taiMjd <= t[0]) return off[0];
  const i = bracket(t, taiMjd);
  const span = t[i + 1] - t[i];
  const ratio = (taiMjd - t[i]) / span;
  let step = off[i + 1] - off[i];
  const errorInSec = (span - 1.0) * 86400.0;
  if (Math.abs(errorInSec) > 0.6) step = step - Math.round(errorInSec);
  return off[i] + ratio * step;
}

/**
 * Polar motion and LOD at a UTC instant (GMAT's `EopFile::GetPolarMotionAndLod`) into
 * out[0] = x_p (arcsec), out[1] = y_p (arcsec), out[2] = LOD (s).
 *
 * @param table The EOP table.
 * @param utcMjd UTC, standard (1858-based) MJD.
 * @param out Receives [x_p, y_p, LOD].
 */
export function polarMotionAt(table: EopTable, utcMjd: number, out: Float64Array): void {
  const t = table.mjd;
  const last = table.size - 1;
  let i: number;
  if (utcMjd <= t[0]) {
    i = 0;
  } else if (utcMjd >= t[last]) {
    i = last;
  } else {
    i = bracket(t, utcMjd);
    const ratio = (utcMjd - t[i]) / (t[i + 1] - t[i]);
    out[0] = table.x[i] + ratio * (table.x[i + 1] - table.x[i]);
    out[1] = table.y[i] + ratio * (table.y[i + 1] - table.y[i]);
    out[2] = table.lod[i];
    return;
  }
  out[0] = table.x[i];
  out[1] = table.y[i];
  out[2] = table.lod[i];
}
