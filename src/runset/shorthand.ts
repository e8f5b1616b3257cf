/**
 * The CLI shorthands: `--grid name=lo:hi:count`, `--grid name=v1,v2,...` and
 * `--perturb name=tag:a:b`, with the Python tool's parsing rules.
 *
 * Grid values: `lo:hi:count` (no comma, exactly three fields) is `numpy.linspace(lo, hi, count)`
 * with the end point included and count >= 2, computed with numpy's own operations so the doubles
 * are identical; anything with a comma (or no colon) is a list whose items are coerced `int` ->
 * `float` -> string. NaN and infinities are refused in both forms; so are empty list items (the
 * Python tool would pass an empty string on). A single item containing ':' cannot be written as a
 * shorthand (it reads as lo:hi:count); use the JSON or TypeScript API for it.
 *
 * Perturb: `normal:mu:sigma`, `uniform:lo:hi`, `lognormal:mu:sigma` (the Python tool's three),
 * plus `truncnormal:mu:sigma:lo:hi` and `choice:v1,v2,...` (values coerced like grid items; no
 * weights in the shorthand, and values may contain ':').
 *
 * @module
 */

import type { OverrideValueJson } from "../runs/mod.ts";
import { coerceScalar, parsePythonFloat, parsePythonInt, requireDottedPath } from "./coerce.ts";
import { type Distribution, validateDistribution } from "./distributions.ts";
import { RunSetError } from "./errors.ts";

/**
 * `numpy.linspace(start, stop, num)` with `endpoint=True`, bit for bit: step = (stop-start)/(num-1);
 * value i = i*step + start (or (i/(num-1))*delta + start when the step underflows to 0); the last
 * value is exactly stop.
 *
 * @param start First value.
 * @param stop Last value.
 * @param num Number of values (>= 1).
 * @returns The values.
 *
 * @example
 * ```ts
 * import { linspace } from "./shorthand.ts";
 * console.log(linspace(7000, 7300, 4)); // [ 7000, 7100, 7200, 7300 ]
 * ```
 */
export function linspace(start: number, stop: number, num: number): number[] {
  if (!Number.isSafeInteger(num) || num < 1) throw new RangeError(`linspace: bad num ${num}`);
  const div = num - 1;
  const delta = stop - start;
  const out = new Array<number>(num);
  if (div > 0) {
    const step = delta / div;
    if (step === 0) {
      for (let i = 0; i < num; i++) out[i] = (i / div) * delta + start;
    } else {
      for (let i = 0; i < num; i++) out[i] = i * step + start;
    }
    out[num - 1] = stop;
  } else {
    out[0] = 0 * delta + start;
  }
  return out;
}

function splitAssignment(text: string, flag: string, example: string): [string, string] {
  if (typeof text !== "string") throw new RunSetError(`${flag} needs text like '${example}'`);
  const eq = text.indexOf("=");
  if (eq < 0) {
    throw new RunSetError(`${flag} '${text}' has no '=': write it as '${example}'`);
  }
  const name = text.slice(0, eq);
  const rhs = text.slice(eq + 1);
  if (name === "") throw new RunSetError(`${flag} '${text}' has no name before '='`);
  requireDottedPath(name, `${flag} name`);
  return [name, rhs];
}

function finiteNumber(text: string, what: string, where: string): number {
  const v = parsePythonFloat(text);
  if (v === undefined) {
    throw new RunSetError(`${where}: ${what} '${text}' is not a number`);
  }
  if (!Number.isFinite(v)) {
    throw new RunSetError(`${where}: ${what} is ${text.trim()}: give a finite number`);
  }
  return v;
}

function coerceList(text: string, where: string): OverrideValueJson[] {
  return text.split(",").map((item, i) => {
    if (item.trim() === "") {
      throw new RunSetError(`${where}: item ${i + 1} is empty: remove the extra comma`);
    }
    const v = coerceScalar(item);
    if (typeof v === "number" && !Number.isFinite(v)) {
      throw new RunSetError(`${where}: item ${i + 1} is ${item.trim()}: give a finite number`);
    }
    return v;
  });
}

/**
 * Parse one `--grid` shorthand.
 *
 * @param text `name=lo:hi:count` or `name=v1,v2,...`.
 * @returns The axis name and its values.
 * @throws {RunSetError} for a missing '=', a non-dotted name, a bad number, count < 2, NaN/inf.
 *
 * @example
 * ```ts
 * import { parseGridShorthand } from "./shorthand.ts";
 * console.log(parseGridShorthand("Sat.SMA=7000:7300:4")); // ["Sat.SMA", [7000, 7100, 7200, 7300]]
 * console.log(parseGridShorthand("Sat.Name=a,2,3.5")); // ["Sat.Name", ["a", 2, 3.5]]
 * ```
 */
export function parseGridShorthand(text: string): [name: string, values: OverrideValueJson[]] {
  const [name, rhs] = splitAssignment(text, "--grid", "Sat.SMA=7000:7300:16");
  const where = `--grid '${text}'`;
  if (!rhs.includes(",") && rhs.includes(":")) {
    const parts = rhs.split(":");
    if (parts.length !== 3) {
      throw new RunSetError(
        `${where}: expected lo:hi:count (3 fields), got ${parts.length}; for a list use commas`,
      );
    }
    const lo = finiteNumber(parts[0], "lo", where);
    const hi = finiteNumber(parts[1], "hi", where);
    const count = parsePythonInt(parts[2]);
    if (count === undefined) {
      throw new RunSetError(`${where}: count '${parts[2]}' is not an integer`);
    }
    if (count < 2) throw new RunSetError(`${where}: count must be >= 2, got ${count}`);
    if (!Number.isSafeInteger(count) || count > 1e8) {
      throw new RunSetError(`${where}: count ${parts[2]} is too large (at most 100000000)`);
    }
    return [name, linspace(lo, hi, count)];
  }
  if (rhs === "") throw new RunSetError(`${where}: no values after '='`);
  return [name, coerceList(rhs, where)];
}

/**
 * Parse one `--perturb` shorthand into a validated distribution.
 *
 * @param text `name=normal:mu:sigma`, `name=uniform:lo:hi`, `name=lognormal:mu:sigma`,
 * `name=truncnormal:mu:sigma:lo:hi` or `name=choice:v1,v2,...`.
 * @returns The parameter name and its distribution.
 * @throws {RunSetError} for an unknown tag, a wrong field count, bad numbers, sigma <= 0, hi <= lo.
 *
 * @example
 * ```ts
 * import { parsePerturbShorthand } from "./shorthand.ts";
 * console.log(parsePerturbShorthand("Sat.SMA=normal:7000:10"));
 * // ["Sat.SMA", { kind: "normal", mu: 7000, sigma: 10 }]
 * ```
 */
export function parsePerturbShorthand(text: string): [name: string, distribution: Distribution] {
  const [name, rhs] = splitAssignment(text, "--perturb", "Sat.SMA=normal:7000:10");
  const where = `--perturb '${text}'`;
  const colon = rhs.indexOf(":");
  const tag = colon < 0 ? rhs : rhs.slice(0, colon);
  if (tag === "choice") {
    const list = colon < 0 ? "" : rhs.slice(colon + 1);
    if (list === "") throw new RunSetError(`${where}: choice needs values: choice:a,b,c`);
    return [name, validateDistribution({ kind: "choice", values: coerceList(list, where) }, name)];
  }
  const fields: Record<string, string[]> = {
    normal: ["mu", "sigma"],
    uniform: ["lo", "hi"],
    lognormal: ["mu", "sigma"],
    truncnormal: ["mu", "sigma", "lo", "hi"],
  };
  const names = fields[tag];
  if (names === undefined) {
    throw new RunSetError(
      `${where}: unknown distribution '${tag}': use normal:mu:sigma, uniform:lo:hi, ` +
        "lognormal:mu:sigma, truncnormal:mu:sigma:lo:hi or choice:a,b,c",
    );
  }
  const parts = rhs.split(":").slice(1);
  if (parts.length !== names.length) {
    throw new RunSetError(
      `${where}: ${tag} takes ${names.length} numbers (${tag}:${names.join(":")}), ` +
        `got ${parts.length}`,
    );
  }
  const v = parts.map((p, i) => finiteNumber(p, names[i], where));
  const d: Distribution = tag === "uniform"
    ? { kind: "uniform", lo: v[0], hi: v[1] }
    : tag === "truncnormal"
    ? { kind: "truncnormal", mu: v[0], sigma: v[1], lo: v[2], hi: v[3] }
    : { kind: tag as "normal" | "lognormal", mu: v[0], sigma: v[1] };
  return [name, validateDistribution(d, name)];
}

/**
 * Collect repeated `--grid` flags into a grid; an axis given twice is refused.
 *
 * @param texts The flag values.
 * @returns Dotted path to values.
 */
export function gridFromShorthands(texts: readonly string[]): Record<string, OverrideValueJson[]> {
  const grid: Record<string, OverrideValueJson[]> = {};
  for (const text of texts) {
    const [name, values] = parseGridShorthand(text);
    if (Object.hasOwn(grid, name)) {
      throw new RunSetError(`--grid axis '${name}' is given twice: give each axis once`);
    }
    grid[name] = values;
  }
  return grid;
}

/**
 * Collect repeated `--perturb` flags; a parameter given twice is refused.
 *
 * @param texts The flag values.
 * @returns Dotted path to distribution.
 */
export function perturbFromShorthands(texts: readonly string[]): Record<string, Distribution> {
  const perturb: Record<string, Distribution> = {};
  for (const text of texts) {
    const [name, d] = parsePerturbShorthand(text);
    if (Object.hasOwn(perturb, name)) {
      throw new RunSetError(`--perturb parameter '${name}' is given twice: give each once`);
    }
    perturb[name] = d;
  }
  return perturb;
}
