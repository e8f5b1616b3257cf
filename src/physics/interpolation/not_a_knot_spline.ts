/**
 * Not-a-knot cubic spline through a few points, the interpolator GMAT's stop location uses
 * (`NotAKnotInterpolator`, five points, evaluated as time as a function of the stop parameter).
 *
 * The spline is piecewise cubic with continuous first and second derivatives; the not-a-knot end
 * conditions make the third derivative continuous at the second and the next-to-last point, so
 * with four points it is the single cubic through them. Abscissae may be given in any order
 * (decreasing parameter values are common in inverse interpolation); they are sorted and must be
 * distinct. Outside the data range the end cubics are extrapolated.
 *
 * @module
 */

/**
 * Builds a not-a-knot cubic spline through (xs[i], ys[i]).
 *
 * @param xs Abscissae (at least 4, distinct, any order).
 * @param ys Ordinates, same length.
 * @returns The spline as a function of x.
 * @throws {RangeError} With fewer than 4 points, mismatched lengths, non-finite or repeated xs.
 *
 * @example Inverse interpolation of a crossing time
 * ```ts
 * import { notAKnotSpline } from "./not_a_knot_spline.ts";
 * const t = [0, 10, 20, 30, 40];
 * const value = t.map((x) => Math.sin(0.05 * x) - 0.5);
 * const timeOf = notAKnotSpline(value, t); // time as a function of the value
 * timeOf(0); // about 10.47 (sin(0.05 t) = 0.5)
 * ```
 */
export function notAKnotSpline(
  xs: readonly number[],
  ys: readonly number[],
): (x: number) => number {
  if (xs.length !== ys.length) {
    throw new RangeError(`Spline needs as many x as y values, got ${xs.length} and ${ys.length}`);
  }
  const n = xs.length;
  if (n < 4) throw new RangeError(`A not-a-knot spline needs at least 4 points, got ${n}`);
  const order = xs.map((_, i) => i).sort((i, j) => xs[i] - xs[j]);
  const x = order.map((i) => xs[i]);
  const y = order.map((i) => ys[i]);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
      throw new RangeError(`Spline points must be finite, got (${x[i]}, ${y[i]})`);
    }
    if (i > 0 && x[i] === x[i - 1]) {
      throw new RangeError(`Spline abscissae must be distinct; ${x[i]} appears twice`);
    }
  }
  const h = Array.from({ length: n - 1 }, (_, i) => x[i + 1] - x[i]);
  const slope = Array.from({ length: n - 1 }, (_, i) => (y[i + 1] - y[i]) / h[i]);
  // Unknowns: second derivatives m[0..n-1]. Dense solve (n is tiny).
  const A = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const rhs = new Array<number>(n).fill(0);
  // Not-a-knot at the start: third derivative continuous at x[1].
  A[0][0] = h[1];
  A[0][1] = -(h[0] + h[1]);
  A[0][2] = h[0];
  for (let i = 1; i < n - 1; i++) {
    A[i][i - 1] = h[i - 1];
    A[i][i] = 2 * (h[i - 1] + h[i]);
    A[i][i + 1] = h[i];
    rhs[i] = 6 * (slope[i] - slope[i - 1]);
  }
  // Not-a-knot at the end: third derivative continuous at x[n-2].
  A[n - 1][n - 3] = h[n - 2];
  A[n - 1][n - 2] = -(h[n - 3] + h[n - 2]);
  A[n - 1][n - 1] = h[n - 3];
  const m = solve(A, rhs);
  return (at: number): number => {
    let i = 0;
    while (i < n - 2 && at > x[i + 1]) i++;
    const dx = at - x[i];
    const b = slope[i] - (h[i] * (2 * m[i] + m[i + 1])) / 6;
    const c = m[i] / 2;
    const d = (m[i + 1] - m[i]) / (6 * h[i]);
    return y[i] + dx * (b + dx * (c + dx * d));
  };
}

/** Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(M[r][col]) > Math.abs(M[pivot][col])) pivot = r;
    }
    [M[col], M[pivot]] = [M[pivot], M[col]];
    for (let r = col + 1; r < n; r++) {
      const f = M[r][col] / M[col][col];
      for (let c = col; c <= n; c++) M[r][c] -= f * M[col][c];
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let c = r + 1; c < n; c++) s -= M[r][c] * out[c];
    out[r] = s / M[r][r];
  }
  return out;
}
