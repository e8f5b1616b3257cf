/**
 * Number text as GMAT's solvers write it: a C++ stream in default float format (`%.{P}g`: 16
 * digits in the solver report file, 12 in console progress, 6 in a few messages) and C `%lf`.
 *
 * @module
 */

import { formatG } from "../formats/number_format.ts";

/**
 * A number as `std::ostream << x` writes it with `precision(p)` and default flags (glibc `%.{p}g`,
 * so NaN is `nan` or `-nan`, infinities `inf` / `-inf`).
 */
export function streamG(value: number, precision: number): string {
  if (Number.isNaN(value)) return "nan";
  return formatG(value, precision);
}

/** A number as C `printf("%lf")` writes it: fixed notation, 6 decimals, all integer digits. */
export function fixed6(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value < 0 ? "-inf" : "inf";
  if (Object.is(value, -0)) return "-0.000000";
  if (Math.abs(value) < 1e21) return value.toFixed(6);
  // toFixed switches to exponent form from 1e21; such doubles are integers, print them whole.
  return `${BigInt(value)}.000000`;
}
