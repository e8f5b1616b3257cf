/**
 * GMAT's matrices at run time (Array resources and matrix expressions): row-major doubles with
 * the operations GMAT's math has (sums, products, transpose, determinant, inverse, norm, cross).
 *
 * @module
 */

/** A dense row-major matrix; a GMAT vector is a 3x1 or 1x3 matrix. */
export class Matrix {
  constructor(readonly rows: number, readonly cols: number, readonly data: Float64Array) {}

  /** A matrix of zeros. */
  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols, new Float64Array(rows * cols));
  }

  /** Element (i, j), 0-based. */
  at(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }

  /** A copy. */
  clone(): Matrix {
    return new Matrix(this.rows, this.cols, Float64Array.from(this.data));
  }

  /** The dimensions as GMAT writes them, e.g. `3x1`. */
  get shape(): string {
    return `${this.rows}x${this.cols}`;
  }
}

/** Why a matrix operation cannot be done (the caller turns it into a run error). */
export class MatrixError extends Error {
  override readonly name = "MatrixError";
}

function sameShape(a: Matrix, b: Matrix, op: string): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new MatrixError(`${op} needs equal dimensions, got ${a.shape} and ${b.shape}`);
  }
}

/** Element-wise a + b or a - b. */
export function addMatrices(a: Matrix, b: Matrix, sign: 1 | -1): Matrix {
  sameShape(a, b, sign > 0 ? "'+'" : "'-'");
  const out = Matrix.zeros(a.rows, a.cols);
  for (let k = 0; k < a.data.length; k++) out.data[k] = a.data[k] + sign * b.data[k];
  return out;
}

/** s * a. */
export function scaleMatrix(a: Matrix, s: number): Matrix {
  const out = Matrix.zeros(a.rows, a.cols);
  for (let k = 0; k < a.data.length; k++) out.data[k] = s * a.data[k];
  return out;
}

/** The matrix product a b. */
export function multiplyMatrices(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new MatrixError(`'*' needs inner dimensions to agree, got ${a.shape} * ${b.shape}`);
  }
  const out = Matrix.zeros(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let k = 0; k < a.cols; k++) s += a.at(i, k) * b.at(k, j);
      out.data[i * b.cols + j] = s;
    }
  }
  return out;
}

/** The transpose. */
export function transpose(a: Matrix): Matrix {
  const out = Matrix.zeros(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.at(i, j);
  }
  return out;
}

function square(a: Matrix, op: string): void {
  if (a.rows !== a.cols) throw new MatrixError(`${op} needs a square matrix, got ${a.shape}`);
}

/** LU decomposition with partial pivoting: the factors, the permutation and its sign. */
function lu(a: Matrix): { lu: Float64Array; perm: Int32Array; sign: number; singular: boolean } {
  const n = a.rows;
  const m = Float64Array.from(a.data);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  let sign = 1;
  let singular = false;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i * n + k]) > Math.abs(m[p * n + k])) p = i;
    if (m[p * n + k] === 0) {
      singular = true;
      continue;
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) [m[k * n + j], m[p * n + j]] = [m[p * n + j], m[k * n + j]];
      [perm[k], perm[p]] = [perm[p], perm[k]];
      sign = -sign;
    }
    for (let i = k + 1; i < n; i++) {
      const f = m[i * n + k] / m[k * n + k];
      m[i * n + k] = f;
      for (let j = k + 1; j < n; j++) m[i * n + j] -= f * m[k * n + j];
    }
  }
  return { lu: m, perm, sign, singular };
}

/** The determinant. */
export function determinant(a: Matrix): number {
  square(a, "det");
  const n = a.rows;
  if (n === 1) return a.data[0];
  if (n === 2) return a.data[0] * a.data[3] - a.data[1] * a.data[2];
  if (n === 3) {
    const d = a.data;
    return d[0] * (d[4] * d[8] - d[5] * d[7]) - d[1] * (d[3] * d[8] - d[5] * d[6]) +
      d[2] * (d[3] * d[7] - d[4] * d[6]);
  }
  const f = lu(a);
  if (f.singular) return 0;
  let det = f.sign;
  for (let k = 0; k < n; k++) det *= f.lu[k * n + k];
  return det;
}

/** The inverse (Gauss-Jordan with partial pivoting). */
export function inverse(a: Matrix): Matrix {
  square(a, "inv");
  const n = a.rows;
  const m = Float64Array.from(a.data);
  const inv = Matrix.zeros(n, n);
  for (let i = 0; i < n; i++) inv.data[i * n + i] = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i * n + k]) > Math.abs(m[p * n + k])) p = i;
    if (m[p * n + k] === 0) throw new MatrixError("inv of a singular matrix");
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        [m[k * n + j], m[p * n + j]] = [m[p * n + j], m[k * n + j]];
        [inv.data[k * n + j], inv.data[p * n + j]] = [inv.data[p * n + j], inv.data[k * n + j]];
      }
    }
    const pivot = m[k * n + k];
    for (let j = 0; j < n; j++) {
      m[k * n + j] /= pivot;
      inv.data[k * n + j] /= pivot;
    }
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const f = m[i * n + k];
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        m[i * n + j] -= f * m[k * n + j];
        inv.data[i * n + j] -= f * inv.data[k * n + j];
      }
    }
  }
  return inv;
}

/** The Euclidean norm of a vector (Frobenius norm of a matrix). */
export function norm(a: Matrix): number {
  let s = 0;
  for (const x of a.data) s += x * x;
  return Math.sqrt(s);
}

/** The cross product of two 3-vectors, shaped like the first. */
export function cross(a: Matrix, b: Matrix): Matrix {
  if (a.data.length !== 3 || b.data.length !== 3) {
    throw new MatrixError(`cross needs two 3-vectors, got ${a.shape} and ${b.shape}`);
  }
  const [x1, y1, z1] = a.data;
  const [x2, y2, z2] = b.data;
  return new Matrix(
    a.rows,
    a.cols,
    Float64Array.of(y1 * z2 - z1 * y2, z1 * x2 - x1 * z2, x1 * y2 - y1 * x2),
  );
}
