/**
 * Reader of GMAT `.cof` spherical-harmonic gravity files (JGM-2, JGM-3, EGM-96, ...), following
 * the column rules of GMAT's own reader (`HarmonicGravity::LM_LoadCof`):
 *
 * - A line whose first character is `C` is a comment. The keyword is the first 8 characters,
 *   trimmed; `END` or `99999` ends the file; other keywords are ignored.
 * - `POTFIELD`: degree in columns 9-11, order in 12-14 (1-based); the rest of the line is split on
 *   blanks into (unused flag, mu [m^3/s^2], reference radius [m], normalised flag). mu and radius
 *   are converted to km^3/s^2 and km by dividing by 1e9 and 1e3; the coefficients are fully
 *   normalised when the flag is > 0.
 * - `RECOEF`: n in columns 9-11, m in 12-14, C in 18-38, S in 39-59 (read only when the line is
 *   longer than 38 characters; required when m > 0, S = 0 when m = 0). n above the file degree or
 *   m above the file order is an error. Unnormalised coefficients are divided by GMAT's
 *   normalisation factor V(n,m) (`Harmonic::Allocate`) as they are read.
 *
 * To save memory a caller may load only up to a degree/order limit: lines beyond it are skipped
 * (after the n/m range check) and the arrays hold (degree + 1) x (order + 1) values.
 *
 * @module
 */

import { DataFileError } from "../data/data_file_error.ts";

/** Largest degree this project evaluates (EGM-96's). */
export const MAX_GRAVITY_DEGREE = 360;

/** Fully normalised coefficients of a spherical-harmonic gravity model, as read from a file. */
export interface GravityCoefficients {
  /** The file name the coefficients came from (for messages). */
  readonly name: string;
  /** Degree stated on the file's POTFIELD line. */
  readonly fileDegree: number;
  /** Order stated on the file's POTFIELD line. */
  readonly fileOrder: number;
  /** Gravitational parameter from the file, km^3/s^2. */
  readonly mu: number;
  /** Reference (field) radius from the file, km. */
  readonly radius: number;
  /** Whether the file holds fully normalised coefficients (the arrays always do). */
  readonly normalizedOnFile: boolean;
  /** Highest degree loaded (<= fileDegree). */
  readonly degree: number;
  /** Highest order loaded (<= fileOrder and <= degree). */
  readonly order: number;
  /** C(n,m), fully normalised, at index n * (order + 1) + m; zero where the file has no line. */
  readonly c: Float64Array;
  /** S(n,m), fully normalised, same layout as `c`. */
  readonly s: Float64Array;
}

/** Optional limits of {@link parseCofFile}. */
export interface CofLoadLimits {
  /** Highest degree to keep (default: the file's degree). */
  readonly maxDegree?: number;
  /** Highest order to keep (default: the file's order, at most maxDegree). */
  readonly maxOrder?: number;
}

/** Index of (n, m) in {@link GravityCoefficients.c} / `.s`. */
export function coefficientIndex(coefs: GravityCoefficients, n: number, m: number): number {
  return n * (coefs.order + 1) + m;
}

const INTEGER = /^[+-]?\d+$/;
const REAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses the text of a GMAT `.cof` gravity file.
 *
 * @param text The file content.
 * @param name The file name, used in error messages.
 * @param limits Optional degree/order limits for loading.
 * @returns The coefficients (fully normalised), mu in km^3/s^2 and radius in km.
 * @throws {DataFileError} `DATA_FILE_FORMAT` when a line breaks GMAT's rules.
 *
 * @example Read the JGM-2 file up to degree and order 4
 * ```ts
 * import { parseCofFile } from "./cof_file.ts";
 * const text = Deno.readTextFileSync("data/gmat/gravity/earth/JGM2.cof");
 * const jgm2 = parseCofFile(text, "JGM2.cof", { maxDegree: 4, maxOrder: 4 });
 * jgm2.c[2 * 5 + 0]; // -4.8416539e-4 (normalised C20)
 * ```
 */
export function parseCofFile(
  text: string,
  name: string,
  limits: CofLoadLimits = {},
): GravityCoefficients {
  const fail = (line: number, what: string): never => {
    throw new DataFileError(
      "DATA_FILE_FORMAT",
      name,
      `Gravity file ${name}, line ${line}: ${what}; the file must follow GMAT's .cof layout ` +
        "(POTFIELD then RECOEF lines with n in columns 9-11, m in 12-14, C in 18-38, S in 39-59)",
    );
  };
  const integer = (s: string, line: number, what: string): number => {
    const t = s.trim();
    if (!INTEGER.test(t)) fail(line, `${what} '${s}' is not an integer`);
    return Number(t);
  };
  const real = (s: string, line: number, what: string): number => {
    const t = s.trim();
    if (!REAL.test(t)) fail(line, `${what} '${s}' is not a real number`);
    return Number(t);
  };

  let header: {
    fileDegree: number;
    fileOrder: number;
    mu: number;
    radius: number;
    normalized: boolean;
    degree: number;
    order: number;
    c: Float64Array;
    s: Float64Array;
    v: Float64Array | null;
  } | null = null;

  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    if (line[0] === "C") continue;
    const keyword = line.slice(0, 8).trim();
    if (keyword === "END" || keyword === "99999") break;
    if (keyword === "POTFIELD") {
      if (header !== null) fail(lineNo, "a second POTFIELD line");
      const fileDegree = integer(line.slice(8, 11), lineNo, "the degree");
      const fileOrder = integer(line.slice(11, 14), lineNo, "the order");
      const fields = line.slice(14).split(" ").filter((f) => f !== "");
      if (fields.length < 4) {
        fail(lineNo, "POTFIELD needs a flag, mu [m^3/s^2], radius [m] and a normalised flag");
      }
      const mu = real(fields[1], lineNo, "mu") / 1e9;
      const radius = real(fields[2], lineNo, "the field radius") / 1e3;
      const normalized = real(fields[3], lineNo, "the normalised flag") > 0;
      if (fileDegree < 1 || fileOrder < 0) {
        fail(lineNo, `degree ${fileDegree} / order ${fileOrder} on POTFIELD hold no harmonics`);
      }
      const degree = Math.min(fileDegree, limits.maxDegree ?? fileDegree);
      const order = Math.min(fileOrder, degree, limits.maxOrder ?? fileOrder);
      if (degree < 0 || order < 0) fail(lineNo, "negative degree/order limits were requested");
      const size = (degree + 1) * (order + 1);
      header = {
        fileDegree,
        fileOrder,
        mu,
        radius,
        normalized,
        degree,
        order,
        c: new Float64Array(size),
        s: new Float64Array(size),
        v: normalized ? null : normalizationFactors(degree, order),
      };
    } else if (keyword === "RECOEF") {
      if (header === null) fail(lineNo, "RECOEF before the POTFIELD line");
      const h = header!;
      if (line.slice(8, 11) === "") continue; // GMAT: blank item list, ignored
      const n = integer(line.slice(8, 11), lineNo, "n");
      const m = integer(line.slice(11, 14), lineNo, "m");
      if (n > h.fileDegree) {
        fail(lineNo, `n = ${n} is greater than the file degree ${h.fileDegree}`);
      }
      if (m > h.fileOrder) fail(lineNo, `m = ${m} is greater than the file order ${h.fileOrder}`);
      if (n < 0 || m < 0) fail(lineNo, `negative n or m (${n}, ${m})`);
      if (n > h.degree || m > h.order || m > n) continue;
      let c = real(line.slice(17, 38), lineNo, "C");
      let s = 0;
      if (m > 0) {
        if (line.length <= 38) fail(lineNo, `S is missing for m = ${m}`);
        s = real(line.slice(38, 59), lineNo, "S");
      }
      if (h.v !== null) {
        const vnm = h.v[n * (h.order + 1) + m];
        if (vnm !== 0) {
          c /= vnm;
          s /= vnm;
        } else {
          c = 0;
          s = 0;
        }
      }
      h.c[n * (h.order + 1) + m] = c;
      h.s[n * (h.order + 1) + m] = s;
    }
  }
  if (header === null) {
    throw new DataFileError(
      "DATA_FILE_FORMAT",
      name,
      `Gravity file ${name} has no POTFIELD line; it is not a GMAT .cof file`,
    );
  }
  return Object.freeze({
    name,
    fileDegree: header.fileDegree,
    fileOrder: header.fileOrder,
    mu: header.mu,
    radius: header.radius,
    normalizedOnFile: header.normalized,
    degree: header.degree,
    order: header.order,
    c: header.c,
    s: header.s,
  });
}

/**
 * GMAT's normalisation factors V(n,m) = sqrt((2 - delta_m0)(2n + 1)(n - m)!/(n + m)!), built by
 * the same recursion as `Harmonic::Allocate`, at index n * (order + 1) + m.
 */
function normalizationFactors(degree: number, order: number): Float64Array {
  const v = new Float64Array((degree + 1) * (order + 1));
  for (let n = 0; n <= degree; n++) {
    const row = n * (order + 1);
    let prev = Math.sqrt(2 * (2 * n + 1));
    for (let m = 1; m <= n && m <= order; m++) {
      prev = prev / Math.sqrt((n + m) * (n - m + 1));
      v[row + m] = prev;
    }
    v[row] = Math.sqrt(2 * n + 1);
  }
  return v;
}
