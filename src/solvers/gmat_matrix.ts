/**
 * GMAT's matrix inverse and pseudoinverse (`Rmatrix::Inverse`, `Rmatrix::Pseudoinverse`), with the
 * same arithmetic in the same order, so that a Jacobian inverted here gives the bits GMAT prints.
 *
 * `gmatInverse`: a matrix whose off-diagonal elements are all exactly zero is inverted element by
 * element (`1 / a_ii`, refused when a diagonal element is 0). Otherwise Gauss-Jordan elimination
 * with full pivoting: the pivot is the element of largest magnitude, strictly greater than the
 * machine epsilon it starts from, found row-major over rows and columns whose index has not yet
 * been used as a pivot column (GMAT uses one flag array for both); a pivot below `zeroValue`
 * (1e-12) in magnitude means singular. The pivot row is swapped into the pivot column's row and
 * divided by the pivot, the other rows are eliminated, and the columns are swapped back in
 * reverse order.
 *
 * `gmatPseudoinverse`: for an m x n matrix A with m < n, `A^T (A A^T)^-1`; with m > n,
 * `(A^T A)^-1 A^T`; square matrices use {@linkcode gmatInverse}. Products accumulate from 0 in
 * index order, as GMAT's loops do.
 *
 * @module
 */

/** A dense matrix, row-major. */
export type Matrix = readonly (readonly number[])[];

/** GMAT's `GmatRealConstants::REAL_EPSILON`, the starting pivot magnitude. */
const REAL_EPSILON = 2.2204460492503131e-16;

/** GMAT's default singularity threshold for a pivot (`Rmatrix::Inverse()`). */
export const GMAT_INVERSE_ZERO = 1e-12;

/**
 * Inverts a square matrix as GMAT's `Rmatrix::Inverse(zeroValue)` does.
 *
 * @param a The square matrix.
 * @param zeroValue Pivot magnitude below which the matrix counts as singular.
 * @returns The inverse, or `undefined` when GMAT would throw `IsSingular`.
 * @throws {RangeError} When `a` is empty or not square.
 *
 * @example Usage
 * ```ts
 * import { gmatInverse } from "./gmat_matrix.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(gmatInverse([[2, 0], [0, 4]]), [[0.5, 0], [0, 0.25]]);
 * assert.deepEqual(gmatInverse([[1, 2], [2, 4]]), undefined);
 * ```
 */
export function gmatInverse(
  a: Matrix,
  zeroValue: number = GMAT_INVERSE_ZERO,
): number[][] | undefined {
  const n = a.length;
  if (n === 0 || a.some((row) => row.length !== n)) {
    throw new RangeError("Cannot invert matrix: it must be square and not empty");
  }
  const m = a.map((row) => [...row]);
  if (isDiagonal(m)) {
    for (let i = 0; i < n; i++) {
      if (m[i][i] === 0) return undefined;
      m[i][i] = 1.0 / m[i][i];
    }
    return m;
  }
  const allowed = new Array<boolean>(n).fill(true);
  const pivotRows = new Array<number>(n).fill(0);
  const pivotCols = new Array<number>(n).fill(0);
  let pivotRow = -1;
  let pivotCol = -1;
  for (let step = 0; step < n; step++) {
    let pivot = REAL_EPSILON;
    for (let i = 0; i < n; i++) {
      if (!allowed[i]) continue;
      for (let j = 0; j < n; j++) {
        if (allowed[j] && Math.abs(pivot) < Math.abs(m[i][j])) {
          pivotRow = i;
          pivotCol = j;
          pivot = m[i][j];
        }
      }
    }
    if (Math.abs(pivot) < zeroValue) return undefined;
    pivotRows[step] = pivotRow;
    pivotCols[step] = pivotCol;
    allowed[pivotCol] = false;
    m[pivotRow][pivotCol] = 1.0;
    for (let j = 0; j < n; j++) {
      const held = m[pivotRow][j];
      m[pivotRow][j] = m[pivotCol][j];
      m[pivotCol][j] = held / pivot;
    }
    for (let i = 0; i < n; i++) {
      if (i === pivotCol) continue;
      const factor = m[i][pivotCol];
      m[i][pivotCol] = 0.0;
      for (let j = 0; j < n; j++) m[i][j] = m[i][j] - m[pivotCol][j] * factor;
    }
  }
  for (let step = n - 1; step >= 0; step--) {
    const c1 = pivotRows[step];
    const c2 = pivotCols[step];
    for (let i = 0; i < n; i++) {
      const held = m[i][c1];
      m[i][c1] = m[i][c2];
      m[i][c2] = held;
    }
  }
  return m;
}

/**
 * The pseudoinverse GMAT's differential corrector uses for a non-square Jacobian
 * (`Rmatrix::Pseudoinverse`).
 *
 * @param a An m x n matrix.
 * @param zeroValue Pivot threshold passed to the inner {@linkcode gmatInverse}.
 * @returns The n x m pseudoinverse, or `undefined` when the inner inverse is singular.
 * @throws {RangeError} When `a` is empty or ragged.
 *
 * @example Usage
 * ```ts
 * import { gmatPseudoinverse } from "./gmat_matrix.ts";
 * import assert from "node:assert/strict";
 *
 * // one variable, two goals: a 1 x 2 Jacobian
 * assert.deepEqual(gmatPseudoinverse([[3, 4]]), [[0.12], [0.16]]);
 * ```
 */
export function gmatPseudoinverse(
  a: Matrix,
  zeroValue: number = GMAT_INVERSE_ZERO,
): number[][] | undefined {
  const rows = a.length;
  const cols = rows === 0 ? 0 : a[0].length;
  if (rows === 0 || cols === 0 || a.some((row) => row.length !== cols)) {
    throw new RangeError("Cannot pseudo-invert matrix: it must be rectangular and not empty");
  }
  const at = transpose(a);
  if (rows < cols) {
    const inner = gmatInverse(multiply(a, at), zeroValue);
    return inner && multiply(at, inner);
  }
  if (rows > cols) {
    const inner = gmatInverse(multiply(at, a), zeroValue);
    return inner && multiply(inner, at);
  }
  return gmatInverse(a, zeroValue);
}

/** Whether every off-diagonal element is exactly zero. */
function isDiagonal(m: Matrix): boolean {
  for (let i = 0; i < m.length; i++) {
    for (let j = i + 1; j < m.length; j++) {
      if (m[i][j] !== 0 || m[j][i] !== 0) return false;
    }
  }
  return true;
}

/** The transpose of a rectangular matrix. */
function transpose(a: Matrix): number[][] {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

/** `a b`, each element accumulated from 0 in index order. */
function multiply(a: Matrix, b: Matrix): number[][] {
  return a.map((row) =>
    b[0].map((_, j) => {
      let sum = 0.0;
      for (let k = 0; k < row.length; k++) sum += row[k] * b[k][j];
      return sum;
    })
  );
}
