/**
 * Turning command-line and CSV text into override values the way the Python tool does: try
 * `int(text)`, then `float(text)`, else keep the string. Also the dotted-path check shared by
 * every run set.
 *
 * @module
 */

import type { OverrideValueJson } from "../runs/mod.ts";
import { RunSetError } from "./errors.ts";

const DIGITS = String.raw`\d(?:_?\d)*`;
const INT_RE = new RegExp(String.raw`^[+-]?${DIGITS}$`);
const FLOAT_RE = new RegExp(
  String.raw`^[+-]?(?:(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?)$`,
);
const SPECIAL_RE = /^[+-]?(?:inf|infinity|nan)$/i;
// Python's str.strip() whitespace: JavaScript's \s plus the separators U+001C..U+001F.
// deno-lint-ignore no-control-regex
const PY_WHITESPACE = /^[\s\x1c-\x1f]+|[\s\x1c-\x1f]+$/g;

/**
 * Python's `int(text)` for base-10 text (sign, digits, single underscores between digits,
 * surrounding whitespace), or `undefined` when Python would raise. Integers beyond 2^53 lose
 * precision here (JavaScript numbers), which Python's integers do not.
 *
 * @param text The text.
 * @returns The integer, or undefined.
 */
export function parsePythonInt(text: string): number | undefined {
  const t = text.replace(PY_WHITESPACE, "");
  if (!INT_RE.test(t)) return undefined;
  return Number(t.replaceAll("_", ""));
}

/**
 * Python's `float(text)` (decimal literals with optional exponent and underscores, `inf`,
 * `infinity`, `nan` in any case, surrounding whitespace), or `undefined` when Python would raise.
 * Decimal conversion is correctly rounded in both languages, so the doubles are identical.
 *
 * @param text The text.
 * @returns The double, or undefined.
 */
export function parsePythonFloat(text: string): number | undefined {
  const t = text.replace(PY_WHITESPACE, "");
  if (SPECIAL_RE.test(t)) {
    if (/nan/i.test(t)) return NaN;
    return t.startsWith("-") ? -Infinity : Infinity;
  }
  if (!FLOAT_RE.test(t)) return undefined;
  return Number(t.replaceAll("_", ""));
}

/**
 * Coerce one text value like the Python tool's CLI: `int`, else `float`, else the string itself
 * (unchanged, whitespace kept). NaN and infinities are returned as numbers; callers reject them.
 *
 * @param text The text.
 * @returns A number or the string.
 *
 * @example
 * ```ts
 * import { coerceScalar } from "./coerce.ts";
 * console.log(coerceScalar("7000"), coerceScalar("1e-3"), coerceScalar("Earth")); // 7000 0.001 Earth
 * ```
 */
export function coerceScalar(text: string): number | string {
  const i = parsePythonInt(text);
  if (i !== undefined) return i;
  const f = parsePythonFloat(text);
  if (f !== undefined) return f;
  return text;
}

/** What a dotted path segment may hold: letters, marks and digits of any script, `_`, `-`, `(`, `)`. */
const SEGMENT_RE = /^[\p{L}\p{M}\p{N}_()-]+$/u;

/**
 * Whether a key is a dotted field path such as `Sat.SMA` or `FM.Drag.AtmosphereModel`: two or more
 * non-empty segments separated by dots, no whitespace or quotes. Non-ASCII letters are allowed
 * (they are hashed as given for Monte Carlo sub-seeds).
 *
 * @param key The key.
 * @returns Whether it is a dotted path.
 */
export function isDottedPath(key: string): boolean {
  const parts = key.split(".");
  return parts.length >= 2 && parts.every((p) => SEGMENT_RE.test(p));
}

/**
 * Throw a {@link RunSetError} unless `key` is a dotted path.
 *
 * @param key The key.
 * @param what What the key names, for the message (e.g. `grid axis`).
 */
export function requireDottedPath(key: string, what: string): void {
  if (typeof key !== "string") {
    throw new RunSetError(
      `${what} ${String(key)} is not a string: give a dotted path like 'Sat.SMA'`,
    );
  }
  if (!isDottedPath(key)) {
    throw new RunSetError(
      `${what} ${
        JSON.stringify(key)
      } is not a dotted field path: give Resource.Field, e.g. 'Sat.SMA'`,
    );
  }
}

/**
 * Throw a {@link RunSetError} unless a value can be an override: a finite number, a string, a
 * boolean, or an array of those.
 *
 * @param value The value.
 * @param where Where it sits, for the message (e.g. `grid axis 'Sat.SMA' value 3`).
 * @returns The value, typed.
 */
export function requireOverrideValue(value: unknown, where: string): OverrideValueJson {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new RunSetError(`${where} is ${value}: give a finite number`);
    }
    return value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) {
    value.forEach((v, i) => requireOverrideValue(v, `${where}[${i}]`));
    return value as OverrideValueJson[];
  }
  const shown = value === null ? "null" : typeof value;
  throw new RunSetError(
    `${where} is ${shown}: give a number, string, boolean or an array of them`,
  );
}

/**
 * Compare two strings by Unicode code points (Python's `str` order). JavaScript's default sort
 * compares UTF-16 code units, which differs only when astral-plane characters meet characters
 * in U+E000..U+FFFF.
 *
 * @param a First string.
 * @param b Second string.
 * @returns Negative, zero or positive.
 */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx - cy;
  }
}

/**
 * Names in Python's `sorted()` order (by code points).
 *
 * @param names The names.
 * @returns A sorted copy.
 */
export function pythonSorted(names: Iterable<string>): string[] {
  return [...names].sort(compareCodePoints);
}
