/**
 * The Sobol low-discrepancy sequence in up to 32 dimensions (Joe-Kuo direction numbers, Gray-code
 * order, 32-bit digits), optionally scrambled.
 *
 * Unscrambled, point i is `X_i / 2^32` where `X_i` is the XOR of the direction numbers
 * `V_k = m_k 2^(32-k)` selected by the bits of the Gray code `i ^ (i >> 1)` (Bratley and Fox's
 * Gray-code construction, Antonov and Saleev); these are the points of scipy's
 * `qmc.Sobol(d, scramble=False)`, point 0 is the origin.
 *
 * Scrambled (Matousek's linear matrix scramble plus a digital shift, the scheme scipy uses):
 * each dimension's direction numbers are multiplied by a random lower-triangular binary matrix
 * with unit diagonal and every point is XOR-ed with a random 32-bit shift, all drawn from a seeded
 * PCG64 (numpy's `default_rng(seed)` stream, `next_uint32`). This keeps every (t, m, s)-net
 * property. Scrambled points are placed at the centre of their 2^-32 cell, `(X + 0.5) / 2^32`,
 * so none is exactly 0 (an inverse CDF of 0 would be -infinity).
 *
 * @module
 */

import { Generator } from "../runset/generator.ts";
import { AnalysisError } from "./errors.ts";
import { JOE_KUO_ROWS, SOBOL_MAX_DIMENSION } from "./joe_kuo.ts";

const BITS = 32;
const SCALE = 2 ** -BITS;

/**
 * The 32 direction numbers of a dimension (0-based), `V[k-1] = v_k * 2^32`.
 *
 * @param dim The dimension, 0 to 31.
 */
export function directionNumbers(dim: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dim === 0) {
    for (let k = 1; k <= BITS; k++) v[k - 1] = 2 ** (BITS - k);
    return v;
  }
  const [s, a, ...m] = JOE_KUO_ROWS[dim - 1];
  for (let k = 1; k <= Math.min(s, BITS); k++) v[k - 1] = m[k - 1] * 2 ** (BITS - k);
  for (let k = s + 1; k <= BITS; k++) {
    let x = v[k - s - 1] ^ (v[k - s - 1] >>> s);
    for (let l = 1; l < s; l++) {
      if ((a >>> (s - 1 - l)) & 1) x ^= v[k - l - 1];
    }
    v[k - 1] = x >>> 0;
  }
  return v;
}

function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/** Multiply each direction number by a random lower-triangular unit-diagonal matrix. */
function scrambleDirections(v: Uint32Array, rng: Generator): void {
  // Row t (output digit t, 0 = most significant) keeps input digit t and a random choice of the
  // more significant digits 0..t-1: bit (31 - t) set, random bits above it.
  const rows = new Uint32Array(BITS);
  for (let t = 0; t < BITS; t++) {
    const above = t === 0 ? 0 : (0xffffffff << (BITS - t)) >>> 0;
    rows[t] = ((rng.bits.nextUint32() & above) | (1 << (BITS - 1 - t))) >>> 0;
  }
  for (let k = 0; k < BITS; k++) {
    let out = 0;
    for (let t = 0; t < BITS; t++) {
      if (parity((v[k] & rows[t]) >>> 0)) out |= 1 << (BITS - 1 - t);
    }
    v[k] = out >>> 0;
  }
}

/** Options of {@link sobolPoints}. */
export interface SobolPointsOptions {
  /** Index of the first point (points skip .. skip + n - 1 are returned). @default {0} */
  readonly skip?: number;
  /** Seed of the scramble; undefined or null for the unscrambled sequence. */
  readonly scrambleSeed?: number | null;
}

/**
 * Points of the Sobol sequence.
 *
 * @example
 * ```ts
 * import { sobolPoints } from "./sobol_sequence.ts";
 * console.log(Array.from(sobolPoints(2, 4))); // [0, 0, 0.5, 0.5, 0.75, 0.25, 0.25, 0.75]
 * ```
 * @param d Dimensions, 1 to 32.
 * @param n Number of points.
 * @param options First index and scramble seed.
 * @returns Row-major n × d values in [0, 1): point i, dimension j at `i * d + j`.
 * @throws {AnalysisError} `ANALYSIS_OPTION` for d outside 1..32 or indices beyond 2^32 - 1.
 */
export function sobolPoints(d: number, n: number, options: SobolPointsOptions = {}): Float64Array {
  const skip = options.skip ?? 0;
  if (!Number.isInteger(d) || d < 1 || d > SOBOL_MAX_DIMENSION) {
    throw new AnalysisError(
      "ANALYSIS_OPTION",
      `sobolPoints: ${d} dimensions; the sequence has 1 to ${SOBOL_MAX_DIMENSION}`,
    );
  }
  if (
    !Number.isInteger(n) || n < 0 || !Number.isInteger(skip) || skip < 0 || skip + n > 2 ** BITS
  ) {
    throw new AnalysisError(
      "ANALYSIS_OPTION",
      `sobolPoints: points ${skip} to ${skip + n - 1} are outside 0 .. 2^32 - 1`,
    );
  }
  const scrambled = options.scrambleSeed !== undefined && options.scrambleSeed !== null;
  const rng = scrambled ? Generator.fromSeed(options.scrambleSeed!) : null;
  const out = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    const v = directionNumbers(j);
    let x = 0;
    if (rng !== null) {
      scrambleDirections(v, rng);
      x = rng.bits.nextUint32();
    }
    // X_skip: the direction numbers selected by the Gray code of skip.
    const gray = (skip ^ (skip >>> 1)) >>> 0;
    for (let k = 0; k < BITS; k++) {
      if (Math.floor(gray / 2 ** k) % 2 === 1) x = (x ^ v[k]) >>> 0;
    }
    const offset = rng !== null ? 0.5 : 0;
    for (let i = 0; i < n; i++) {
      out[i * d + j] = (x + offset) * SCALE;
      // Gray code of index+1 differs from that of index in bit ctz(index + 1).
      const next = skip + i + 1;
      if (next < 2 ** BITS) x = (x ^ v[trailingZeros(next)]) >>> 0;
    }
  }
  return out;
}

function trailingZeros(i: number): number {
  let k = 0;
  while (i % 2 === 0) {
    i /= 2;
    k++;
  }
  return k;
}
