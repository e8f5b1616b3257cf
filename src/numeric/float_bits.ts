/**
 * IEEE-754 double helpers: bit patterns and C99/Python hexadecimal float literals, so reference
 * data can be stored and compared without decimal rounding.
 *
 * @module
 */

const VIEW = new DataView(new ArrayBuffer(8));

/**
 * The 16-hex-digit IEEE-754 bit pattern of a double (Python `struct.pack('>d', x).hex()`).
 *
 * @param x The double.
 * @returns Lower-case hex, 16 digits.
 */
export function doubleToBitsHex(x: number): string {
  VIEW.setFloat64(0, x);
  return VIEW.getBigUint64(0).toString(16).padStart(16, "0");
}

/**
 * The double with a given 16-hex-digit IEEE-754 bit pattern.
 *
 * @param bits Hex digits (at most 16).
 * @returns The double.
 */
export function bitsHexToDouble(bits: string): number {
  if (!/^[0-9a-fA-F]{1,16}$/.test(bits)) throw new RangeError(`not a 64-bit hex pattern: ${bits}`);
  VIEW.setBigUint64(0, BigInt(`0x${bits}`));
  return VIEW.getFloat64(0);
}

/**
 * Parse a hexadecimal float literal as Python's `float.fromhex` writes and reads it
 * (`-0x1.c0805d2cb587bp+0`, `0x0.0p+0`, `inf`, `nan`). Exact for every normal double; the digits
 * must fit in a double (no rounding is performed).
 *
 * @param text The literal.
 * @returns The double.
 */
export function parseHexFloat(text: string): number {
  const t = text.trim().toLowerCase();
  if (/^[+-]?inf(inity)?$/.test(t)) return t.startsWith("-") ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(t)) return NaN;
  const m = /^([+-]?)0x([0-9a-f]+)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/.exec(t);
  if (m === null) throw new SyntaxError(`Cannot parse hex float: ${text}`);
  const frac = m[3] ?? "";
  const mantissa = BigInt(`0x${m[2]}${frac}`);
  if (mantissa >= 1n << 53n) {
    throw new RangeError(`Cannot parse hex float exactly: ${text} has more than 53 bits`);
  }
  const exponent = Number(m[4] ?? "0") - 4 * frac.length;
  const value = scaleByPowerOfTwo(Number(mantissa), exponent);
  return m[1] === "-" ? -value : value;
}

/**
 * `x * 2^k` with a single rounding (exact unless the result is subnormal or overflows), like C's
 * `ldexp`.
 *
 * @param x The double.
 * @param k The power of two (an integer).
 * @returns The scaled double.
 */
export function scaleByPowerOfTwo(x: number, k: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  let v = x;
  let e = k;
  VIEW.setFloat64(0, v);
  if (((VIEW.getUint16(0) >> 4) & 0x7ff) === 0) {
    // Subnormal input: make it normal first (exact).
    v *= 2 ** 64;
    e -= 64;
    VIEW.setFloat64(0, v);
  }
  const ex = ((VIEW.getUint16(0) >> 4) & 0x7ff) - 1023;
  v *= 2 ** -ex; // exact: now 1 <= |v| < 2
  const target = ex + e;
  if (target > 1023) return v > 0 ? Infinity : -Infinity;
  if (target >= -1022) return v * 2 ** target; // exact
  // Subnormal result: one rounding, in the last multiplication.
  v *= 2 ** -1022;
  return v * 2 ** Math.max(target + 1022, -1074);
}

/**
 * The binary exponent of a finite non-zero double: e with 2^e <= |x| < 2^(e+1).
 *
 * @param x The double.
 * @returns The exponent (subnormals give their true exponent, down to -1074).
 */
export function binaryExponent(x: number): number {
  VIEW.setFloat64(0, x);
  const field = (VIEW.getUint16(0) >> 4) & 0x7ff;
  if (field !== 0) return field - 1023;
  return binaryExponent(x * 2 ** 64) - 64;
}
