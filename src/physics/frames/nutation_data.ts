/**
 * Reader of GMAT's nutation coefficient file `NUTATION.DAT`, with the rules of GMAT's
 * `ItrfCoefficientsFile::Initialize` for its default IAU-1980 source:
 *
 * - skip lines up to and including the first one containing `1980 IAU` (the file also holds
 *   2000, 1996 and 1950 blocks; only this one is read);
 * - the next line is the column heading and must contain `a2`;
 * - the next 106 lines each hold, blank-separated, the five integer multipliers of the Delaunay
 *   arguments (l, l', F, D, Omega) and the amplitudes A, B (longitude) and C, D (obliquity) in
 *   units of 0.0001"; anything after them on the line is ignored;
 * - the amplitudes are multiplied by 1e-4 to give arcseconds.
 *
 * @module
 */

import { DataFileError } from "../data/data_file_error.ts";

/** Number of IAU-1980 nutation terms GMAT reads. */
export const IAU1980_NUTATION_TERMS = 106;

/** The IAU-1980 nutation series as GMAT holds it (term k in file order). */
export interface NutationSeries {
  /** Number of terms (106). */
  readonly count: number;
  /** Multipliers of (l, l', F, D, Omega) of term k at 5k .. 5k+4. */
  readonly multipliers: Int32Array;
  /** Constant longitude amplitudes A, arcsec. */
  readonly a: Float64Array;
  /** Longitude rates B, arcsec per Julian century. */
  readonly b: Float64Array;
  /** Constant obliquity amplitudes C, arcsec. */
  readonly c: Float64Array;
  /** Obliquity rates D, arcsec per Julian century. */
  readonly d: Float64Array;
}

const INTEGER = /^[+-]?\d+$/;
const REAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const MULTIPLIER = 1.0e-4;

/**
 * Parses `NUTATION.DAT` the way GMAT does for the IAU-1980 theory.
 *
 * @param text The file content.
 * @param name The file name, for error messages.
 * @returns The 106-term series, amplitudes in arcseconds.
 * @throws {DataFileError} `DATA_FILE_FORMAT` when the block, the heading or a term is missing or
 *   malformed.
 */
export function parseNutationFile(text: string, name = "NUTATION.DAT"): NutationSeries {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop(); // the final newline ends the file
  const fail = (what: string): never => {
    throw new DataFileError(
      "DATA_FILE_FORMAT",
      name,
      `Nutation file ${name}: ${what}; use GMAT's planetary_coeff/NUTATION.DAT`,
    );
  };
  const start = lines.findIndex((line) => line.includes("1980 IAU"));
  if (start < 0) fail("no line containing '1980 IAU' (the IAU-1980 block)");
  const heading = lines[start + 1];
  if (heading === undefined || !heading.includes("a2")) {
    fail(`line ${start + 2} should be the column heading containing 'a2'`);
  }
  const n = IAU1980_NUTATION_TERMS;
  const multipliers = new Int32Array(5 * n);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  const d = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const lineNo = start + 3 + k;
    const line = lines[start + 2 + k];
    if (line === undefined) fail(`the file ends after ${k} of the ${n} IAU-1980 terms`);
    const fields = line.trim().split(/\s+/);
    if (fields.length < 9) fail(`line ${lineNo} has ${fields.length} fields, 9 are needed`);
    for (let j = 0; j < 5; j++) {
      if (!INTEGER.test(fields[j])) fail(`line ${lineNo}: multiplier '${fields[j]}' not integer`);
      multipliers[5 * k + j] = Number(fields[j]);
    }
    const amp = [a, b, c, d];
    for (let j = 0; j < 4; j++) {
      const f = fields[5 + j];
      if (!REAL.test(f)) fail(`line ${lineNo}: amplitude '${f}' is not a number`);
      amp[j][k] = Number(f) * MULTIPLIER;
    }
  }
  return Object.freeze({ count: n, multipliers, a, b, c, d });
}
