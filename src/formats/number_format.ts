/**
 * C `printf` number formatting, reproduced exactly, as GMAT uses it in its output files.
 *
 * GMAT writes report values through a C++ stream (`%.{P}g`, optionally with `showpoint`) and
 * ephemeris values through `sprintf("% 1.15e")`. Both round the exact binary value of a double to
 * the requested number of significant digits, ties to even (glibc; the default rounding mode).
 * JavaScript's `toExponential` rounds correctly too but breaks exact ties away from zero, so the
 * functions here detect exact ties and round them to even.
 *
 * @module
 */

/** Options of {@linkcode formatG}. */
export interface FormatGOptions {
  /**
   * Keep trailing zeros and the decimal point, like C++ `std::showpoint` or C `%#g`.
   * GMAT sets this when a ReportFile has `ZeroFill = On`.
   *
   * @default {false}
   */
  showPoint?: boolean;
}

/** Sign flags of {@linkcode formatE}, as in C `printf`. */
export interface FormatEFlags {
  /** Put a space before non-negative values (the C `' '` flag). @default {false} */
  space?: boolean;
  /** Put `+` before non-negative values (the C `'+'` flag; wins over `space`). @default {false} */
  plus?: boolean;
}

/** Largest number of significant digits the formatters accept. */
const MAX_DIGITS = 100;

/**
 * Formats a number like C `printf("%.{precision}g")` / a C++ stream in default float format.
 *
 * Exponent form is used when the decimal exponent after rounding is below -4 or at least
 * `precision`; trailing zeros (and a bare decimal point) are removed unless `showPoint`; the
 * exponent has at least two digits (`1e-05`, `1.5e+20`). Non-finite values print as GMAT's
 * ReportFile shows them: `NaN` (GMAT writes that literal itself), `inf` and `-inf` (glibc).
 * Negative zero prints as `-0`.
 *
 * @param value The number to format.
 * @param precision Significant digits, 1 to 100; 0 means 1 as in C. @default {16}
 * @param opts Formatting options.
 * @returns The formatted text.
 *
 * @example Usage
 * ```ts
 * import { formatG } from "./number_format.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatG(-6775.105759552147), "-6775.105759552147");
 * assert.equal(formatG(4.195051398634114e-6), "4.195051398634114e-06");
 * assert.equal(formatG(300), "300");
 * assert.equal(formatG(7000, 16, { showPoint: true }), "7000.000000000000");
 * ```
 */
export function formatG(value: number, precision = 16, opts: FormatGOptions = {}): string {
  const p = checkDigits(precision === 0 ? 1 : precision, "precision", 1, MAX_DIGITS);
  const showPoint = opts.showPoint ?? false;
  if (Number.isNaN(value)) return "NaN";
  const negative = value < 0 || Object.is(value, -0);
  const sign = negative ? "-" : "";
  if (!Number.isFinite(value)) return `${sign}inf`;
  const { digits, exponent } = roundToDigits(Math.abs(value), p);
  let body: string;
  if (showPoint && exponent === p && belowPow10(Math.abs(value), p)) {
    // glibc quirk: when rounding carries a value below 10^P up to 10^P, `%#.Pg` keeps the
    // zero fraction digits it planned for fixed notation, printing e.g. `1.e+16`.
    body = `${digits[0]}.${exponentText(exponent)}`;
  } else if (exponent < -4 || exponent >= p) {
    let mantissa = digits.length > 1 || showPoint ? `${digits[0]}.${digits.slice(1)}` : digits;
    if (!showPoint) mantissa = stripZeros(mantissa);
    body = mantissa + exponentText(exponent);
  } else if (exponent >= 0) {
    const intPart = digits.slice(0, exponent + 1);
    const frac = digits.slice(exponent + 1);
    body = showPoint
      ? `${intPart}.${frac}`
      : stripZeros(frac === "" ? intPart : `${intPart}.${frac}`);
  } else {
    const fixed = `0.${"0".repeat(-exponent - 1)}${digits}`;
    body = showPoint ? fixed : stripZeros(fixed);
  }
  return sign + body;
}

/**
 * Formats a number like C `printf("%1.{digits}e")`, optionally with the `' '` or `'+'` flag.
 *
 * GMAT's CCSDS-OEM data lines use `% 1.15e` and STK `.e` rows `%1.15e` for the time offset and
 * `% 1.15e` for the state. The exponent has at least two digits. Non-finite values print as
 * glibc does: `nan` (`-nan` when the sign bit is set), `inf`, `-inf`, with the sign flag applied.
 *
 * @param value The number to format.
 * @param digits Digits after the decimal point, 0 to 99. @default {15}
 * @param flags Sign flags.
 * @returns The formatted text.
 *
 * @example Usage
 * ```ts
 * import { formatE } from "./number_format.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatE(1590.590059191038, 15, { space: true }), " 1.590590059191038e+03");
 * assert.equal(formatE(-5936.16291491494, 15, { space: true }), "-5.936162914914940e+03");
 * assert.equal(formatE(60.00000019557774), "6.000000019557774e+01");
 * ```
 */
export function formatE(value: number, digits = 15, flags: FormatEFlags = {}): string {
  const d = checkDigits(digits, "digits", 0, MAX_DIGITS - 1) + 1;
  const negative = Number.isNaN(value) ? nanSignBit(value) : value < 0 || Object.is(value, -0);
  const sign = negative ? "-" : flags.plus ? "+" : flags.space ? " " : "";
  if (Number.isNaN(value)) return `${sign}nan`;
  if (!Number.isFinite(value)) return `${sign}inf`;
  const rounded = roundToDigits(Math.abs(value), d);
  const mantissa = d > 1 ? `${rounded.digits[0]}.${rounded.digits.slice(1)}` : rounded.digits;
  return sign + mantissa + exponentText(rounded.exponent);
}

/** Validates a digit count and returns it. */
function checkDigits(n: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new RangeError(`Cannot format number: ${name} must be an integer from ${min} to ${max}`);
  }
  return n;
}

/** `e+05`-style exponent text, at least two digits. */
function exponentText(exponent: number): string {
  const abs = Math.abs(exponent);
  return `e${exponent < 0 ? "-" : "+"}${abs < 10 ? "0" : ""}${abs}`;
}

/** Removes trailing fraction zeros and a trailing decimal point from `1.2300` / `5.000` / `5.`. */
function stripZeros(text: string): string {
  const point = text.indexOf(".");
  if (point < 0) return text;
  let end = text.length;
  while (end > point + 1 && text.charCodeAt(end - 1) === 48) end--;
  if (end === point + 1) end = point;
  return text.slice(0, end);
}

/** Sign bit of a NaN (glibc prints `-nan` when it is set). */
function nanSignBit(value: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  return (view.getUint8(0) & 0x80) !== 0;
}

/** A positive finite number rounded to `sig` significant digits. */
interface RoundedDigits {
  /** Exactly `sig` decimal digits, the first non-zero unless the value is zero. */
  digits: string;
  /** Decimal exponent of the first digit (value = d.ddd × 10^exponent). */
  exponent: number;
}

/**
 * Rounds a non-negative finite double to `sig` significant decimal digits, ties to even,
 * exactly as glibc's `printf` does.
 */
function roundToDigits(abs: number, sig: number): RoundedDigits {
  if (abs === 0) return { digits: "0".repeat(sig), exponent: 0 };
  const fast = splitExponential(abs.toExponential(sig - 1));
  // toExponential breaks exact ties away from zero; C breaks them to even. An exact tie means
  // the exact binary value has sig + 1 significant digits, the last one a 5.
  if (sig <= MAX_DIGITS) {
    const longer = splitExponential(abs.toExponential(sig));
    const last = longer.digits.charCodeAt(sig);
    if (last === 53 /* "5" */ && isExactly(abs, longer.digits, longer.exponent)) {
      const kept = longer.digits.slice(0, sig);
      if ((kept.charCodeAt(sig - 1) - 48) % 2 === 0) {
        return { digits: kept, exponent: longer.exponent };
      }
    }
  }
  return fast;
}

/** Splits `d.ddde±x` into its digits and exponent. */
function splitExponential(text: string): RoundedDigits {
  const e = text.indexOf("e");
  const mantissa = text.slice(0, e);
  const digits = mantissa.length > 1 ? mantissa[0] + mantissa.slice(2) : mantissa;
  return { digits, exponent: Number(text.slice(e + 1)) };
}

/** Whether the positive double `abs` is below 10^k exactly. */
function belowPow10(abs: number, k: number): boolean {
  const { mant, e2 } = decompose(abs);
  let left = mant;
  let right = 10n ** BigInt(k);
  if (e2 >= 0) left <<= BigInt(e2);
  else right <<= BigInt(-e2);
  return left < right;
}

/** The exact integer mantissa and binary exponent of a non-negative finite double. */
function decompose(abs: number): { mant: bigint; e2: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, abs);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mant, e2: -1074 };
  return { mant: mant | (1n << 52n), e2: biased - 1075 };
}

/** Whether the double `abs` equals the decimal `digits` × 10^(exponent - digits.length + 1). */
function isExactly(abs: number, digits: string, exponent: number): boolean {
  const { mant, e2 } = decompose(abs);
  const e10 = exponent - digits.length + 1;
  let left = BigInt(digits); // decimal side
  let right = mant; // binary side
  if (e10 >= 0) left *= 10n ** BigInt(e10);
  else right *= 10n ** BigInt(-e10);
  if (e2 >= 0) right <<= BigInt(e2);
  else left <<= BigInt(-e2);
  return left === right;
}
