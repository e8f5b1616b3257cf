/**
 * JSON text byte-identical to Python's `json.dumps(obj, sort_keys=True)`, the encoding of every
 * manifest line the Python gmat-sweep writes.
 *
 * What that means, beyond `JSON.stringify`:
 * - object keys sorted recursively by Unicode code point (Python's `str` order, not UTF-16 order);
 * - separators `", "` and `": "`;
 * - `ensure_ascii`: every character outside printable ASCII (space to `~`) is written as
 *   `\uXXXX` (lower-case hex, surrogate pairs for astral characters), except the short escapes
 *   `\n \r \t \b \f`;
 * - numbers: an integer-valued number is written as an integer (as Python does for the `int` that
 *   `json.loads` would make of it); any other number as Python's `repr(float)`, e.g. `1e-05` and
 *   `1.5e-07` where JavaScript writes `0.00001` and `1.5e-7`.
 *
 * Object members whose value is `undefined` are left out (as `JSON.stringify` does). Non-finite
 * numbers, `undefined` in arrays, functions, symbols and bigints are refused with a `TypeError`:
 * a manifest line must be valid JSON that both tools read back unchanged.
 *
 * @module
 */

/**
 * Encode a JSON value as Python's `json.dumps(value, sort_keys=True)` would.
 *
 * @param value A JSON-compatible value (objects, arrays, strings, finite numbers, booleans, null).
 * @returns One line of JSON text without a trailing newline.
 * @throws {TypeError} For values JSON cannot represent (see the module doc).
 *
 * @example Sorted keys, Python separators and float repr
 * ```ts
 * import { sortedJsonStringify } from "./sorted_json.ts";
 * console.log(sortedJsonStringify({ b: 1e-5, a: [1, "é"] }));
 * // {"a": [1, "\u00e9"], "b": 1e-05}
 * ```
 */
export function sortedJsonStringify(value: unknown): string {
  const out: string[] = [];
  encode(value, out, "$");
  return out.join("");
}

function encode(value: unknown, out: string[], where: string): void {
  if (value === null) {
    out.push("null");
  } else if (typeof value === "string") {
    out.push(encodeString(value));
  } else if (typeof value === "number") {
    out.push(encodeNumber(value, where));
  } else if (typeof value === "boolean") {
    out.push(value ? "true" : "false");
  } else if (Array.isArray(value)) {
    out.push("[");
    value.forEach((item, i) => {
      if (i > 0) out.push(", ");
      if (item === undefined) throw new TypeError(`Cannot encode ${where}[${i}]: undefined`);
      encode(item, out, `${where}[${i}]`);
    });
    out.push("]");
  } else if (typeof value === "object" && isPlainObject(value)) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort(compareCodePoints);
    out.push("{");
    keys.forEach((key, i) => {
      if (i > 0) out.push(", ");
      out.push(encodeString(key), ": ");
      encode(record[key], out, `${where}.${key}`);
    });
    out.push("}");
  } else {
    const kind = typeof value === "object" ? value.constructor?.name ?? "object" : typeof value;
    throw new TypeError(`Cannot encode ${where}: ${kind} is not a JSON value`);
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Compare two strings by Unicode code point (Python's `str` ordering). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Map a UTF-16 unit so that unit order equals code point order: surrogates sort above U+FFFF. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

const SHORT_ESCAPES: Record<number, string> = {
  0x22: '\\"',
  0x5c: "\\\\",
  0x0a: "\\n",
  0x0d: "\\r",
  0x09: "\\t",
  0x08: "\\b",
  0x0c: "\\f",
};

function encodeString(text: string): string {
  // Fast path: printable ASCII without quote or backslash.
  if (/^[\x20\x21\x23-\x5b\x5d-\x7e]*$/.test(text)) return `"${text}"`;
  let s = '"';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const short = SHORT_ESCAPES[unit];
    if (short !== undefined) s += short;
    else if (unit >= 0x20 && unit <= 0x7e) s += text[i];
    else s += "\\u" + unit.toString(16).padStart(4, "0");
  }
  return s + '"';
}

function encodeNumber(x: number, where: string): string {
  if (!Number.isFinite(x)) {
    throw new TypeError(`Cannot encode ${where}: ${x} is not a finite number`);
  }
  // Integers below 1e21 print as digits; from 1e21 String() gives "1e+21", which is also
  // Python's repr of the float json.loads makes of it. Negative zero prints as "0" (like JSON).
  if (Number.isInteger(x)) return Object.is(x, -0) ? "0" : String(x);
  return pythonFloatRepr(x);
}

/** Python's `repr(float)` for a finite, non-integer number (shortest round-trip digits). */
function pythonFloatRepr(x: number): string {
  const sign = x < 0 ? "-" : "";
  const [mantissa, expText] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  const decpt = exp + 1;
  if (decpt <= -4 || decpt > 16) {
    const frac = digits.length > 1 ? "." + digits.slice(1) : "";
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${"0".repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}
