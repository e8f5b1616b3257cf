/**
 * The values GMAT's mission math works with: real numbers, matrices (Arrays) and strings, and
 * the arithmetic between them (scalar-matrix broadcasting, matrix products, `^` of scalars).
 *
 * @module
 */

import { addMatrices, Matrix, MatrixError, multiplyMatrices, scaleMatrix } from "./matrix.ts";

/** A run-time value. */
export type Value = number | Matrix | string;

/** The static kind of a value, known when an expression is compiled. */
export type ValueKind = "number" | "matrix" | "string";

/** The kind of a value. */
export function kindOf(v: Value): ValueKind {
  return typeof v === "number" ? "number" : typeof v === "string" ? "string" : "matrix";
}

/** A 1x1 matrix reads as a number, as in GMAT (`rdv(1,1)` or a `[1x1] = rT * v` product). */
export function asNumber(v: Value, what: string): number {
  if (typeof v === "number") return v;
  if (v instanceof Matrix && v.rows === 1 && v.cols === 1) return v.data[0];
  throw new MatrixError(`${what} needs a number, got ${describe(v)}`);
}

/** How a value reads in messages. */
export function describe(v: Value): string {
  if (typeof v === "number") return `the number ${v}`;
  if (typeof v === "string") return `the string '${v.length > 30 ? v.slice(0, 27) + "..." : v}'`;
  return `a ${v.shape} array`;
}

/** a op b for `+ - * / ^`. */
export function binary(op: "+" | "-" | "*" | "/" | "^", a: Value, b: Value): Value {
  if (typeof a === "string" || typeof b === "string") {
    throw new MatrixError(`'${op}' cannot take ${describe(typeof a === "string" ? a : b)}`);
  }
  if (typeof a === "number" && typeof b === "number") {
    switch (op) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/":
        return a / b;
      case "^":
        return Math.pow(a, b);
    }
  }
  if (op === "*") {
    if (typeof a === "number") return scaleMatrix(b as Matrix, a);
    if (typeof b === "number") return scaleMatrix(a, b);
    return multiplyMatrices(a, b);
  }
  if (op === "/" && typeof b === "number") return scaleMatrix(a as Matrix, 1 / b);
  if (op === "+" || op === "-") {
    const sign = op === "+" ? 1 : -1;
    if (a instanceof Matrix && b instanceof Matrix) return addMatrices(a, b, sign);
    const m = (a instanceof Matrix ? a : b) as Matrix;
    const s = (typeof a === "number" ? a : b) as number;
    const out = Matrix.zeros(m.rows, m.cols);
    for (let k = 0; k < m.data.length; k++) {
      out.data[k] = a instanceof Matrix ? m.data[k] + sign * s : s + sign * m.data[k];
    }
    return out;
  }
  throw new MatrixError(`'${op}' is not defined for ${describe(a)} and ${describe(b)}`);
}

/** -a. */
export function negate(a: Value): Value {
  if (typeof a === "number") return -a;
  if (typeof a === "string") throw new MatrixError(`'-' cannot take ${describe(a)}`);
  return scaleMatrix(a, -1);
}
