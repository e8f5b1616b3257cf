/**
 * GMAT's built-in functions the engine evaluates, by their case-sensitive script names (GMAT
 * accepts both first-letter cases of its math functions): scalar math (angles in radians), unit
 * conversions, matrix functions, and the string functions `sprintf`, `num2str`, `strcat`, `strcmp`,
 * `strfind`, `strrep`.
 *
 * @module
 */

import { sprintf } from "./sprintf.ts";
import { cross, determinant, inverse, Matrix, MatrixError, norm, transpose } from "./matrix.ts";
import { asNumber, describe, type Value, type ValueKind } from "./value.ts";
import { formatG } from "../../formats/mod.ts";

/** A built-in function: how many arguments, what it returns, what it does. */
export interface BuiltinFunction {
  /** Allowed argument counts. */
  readonly arity: readonly number[];
  /** The kind of the result, when fixed. */
  readonly returns: ValueKind | "same";
  /** The function. */
  readonly call: (args: readonly Value[], name: string) => Value;
}

const scalar = (f: (x: number) => number): BuiltinFunction => ({
  arity: [1],
  returns: "number",
  call: ([x], name) => f(asNumber(x, name)),
});

const matrixArg = (v: Value, name: string): Matrix => {
  if (v instanceof Matrix) return v;
  if (typeof v === "number") return new Matrix(1, 1, Float64Array.of(v));
  throw new MatrixError(`${name} needs an array, got ${describe(v)}`);
};

const RAW: Record<string, BuiltinFunction> = {
  sin: scalar(Math.sin),
  cos: scalar(Math.cos),
  tan: scalar(Math.tan),
  asin: scalar(Math.asin),
  acos: scalar(Math.acos),
  atan: scalar(Math.atan),
  exp: scalar(Math.exp),
  log: scalar(Math.log),
  log10: scalar(Math.log10),
  sqrt: scalar(Math.sqrt),
  abs: scalar(Math.abs),
  floor: scalar(Math.floor),
  ceil: scalar(Math.ceil),
  fix: scalar(Math.trunc),
  sign: scalar(Math.sign),
  deg2Rad: scalar((d) => d * Math.PI / 180),
  degToRad: scalar((d) => d * Math.PI / 180),
  rad2Deg: scalar((r) => r * 180 / Math.PI),
  radToDeg: scalar((r) => r * 180 / Math.PI),
  atan2: {
    arity: [2],
    returns: "number",
    call: ([y, x], n) => Math.atan2(asNumber(y, n), asNumber(x, n)),
  },
  mod: {
    arity: [2],
    returns: "number",
    call: ([a, b], n) => {
      const x = asNumber(a, n), y = asNumber(b, n);
      return x - Math.floor(x / y) * y;
    },
  },
  norm: { arity: [1], returns: "number", call: ([a], n) => norm(matrixArg(a, n)) },
  det: { arity: [1], returns: "number", call: ([a], n) => determinant(matrixArg(a, n)) },
  inv: { arity: [1], returns: "matrix", call: ([a], n) => inverse(matrixArg(a, n)) },
  transpose: { arity: [1], returns: "matrix", call: ([a], n) => transpose(matrixArg(a, n)) },
  cross: {
    arity: [2],
    returns: "matrix",
    call: ([a, b], n) => cross(matrixArg(a, n), matrixArg(b, n)),
  },
  sprintf: {
    arity: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    returns: "string",
    call: ([format, ...args], n) => {
      if (typeof format !== "string") {
        throw new MatrixError(`${n} needs a format string first, got ${describe(format)}`);
      }
      return sprintf(format, args.map((a) => typeof a === "string" ? a : asNumber(a, n)));
    },
  },
  num2str: {
    arity: [1],
    returns: "string",
    call: ([a], n) => formatG(asNumber(a, n), 16),
  },
  strcmp: {
    arity: [2],
    returns: "number",
    call: ([a, b]) => (typeof a === "string" && typeof b === "string" && a === b ? 1 : 0),
  },
  strfind: {
    // GMAT's Strfind: the 1-based index of the first occurrence, -1 when absent.
    arity: [2],
    returns: "number",
    call: ([a, b], n) => {
      const at = stringArg(a, n).indexOf(stringArg(b, n));
      return at < 0 ? -1 : at + 1;
    },
  },
  strrep: {
    // GMAT's Strrep: every occurrence replaced, left to right; an empty pattern changes nothing.
    arity: [3],
    returns: "string",
    call: ([a, b, c], n) => {
      const str = stringArg(a, n), from = stringArg(b, n), to = stringArg(c, n);
      return from === "" ? str : str.split(from).join(to);
    },
  },
  strcat: {
    arity: [1, 2, 3, 4, 5, 6, 7, 8],
    returns: "string",
    call: (args, n) =>
      args.map((a) => {
        if (typeof a !== "string") throw new MatrixError(`${n} joins strings, got ${describe(a)}`);
        return a;
      }).join(""),
  },
};

function stringArg(a: Value, n: string): string {
  if (typeof a !== "string") throw new MatrixError(`${n} needs strings, got ${describe(a)}`);
  return a;
}

/** GMAT's built-ins by every spelling GMAT accepts (`sin` and `Sin`, `degToRad` and `DegToRad`). */
export const BUILTIN_FUNCTIONS: Readonly<Record<string, BuiltinFunction>> = Object.fromEntries(
  Object.entries(RAW).flatMap(([name, f]) => [
    [name, f],
    [name[0].toUpperCase() + name.slice(1), f],
  ]),
);
