/**
 * Correctly rounded `exp` and `log` (in practice: double-double evaluation with about 100 bits,
 * rounded once), so results do not depend on the JavaScript engine's `Math.exp`/`Math.log`.
 *
 * Why: numpy's lognormal draws are `np.exp(s*z) * math.exp(mu)`, and glibc's `exp` is correctly
 * rounded for nearly every input while V8's `Math.exp` is off by one ulp for about 9 % of inputs
 * (seed contract, section 7). A correctly rounded exp matches glibc wherever glibc is correct.
 *
 * Double-double arithmetic: a value is an unevaluated sum `hi + lo` with `|lo| <= ulp(hi)/2`
 * (Dekker/Knuth error-free transformations; JavaScript never fuses multiply-add, so they are exact).
 *
 * @module
 */

import { binaryExponent, scaleByPowerOfTwo } from "./float_bits.ts";

/** A double-double value `hi + lo`. */
export type DD = readonly [hi: number, lo: number];

const SPLITTER = 134217729; // 2^27 + 1

/** `a + b` as an exact double-double (Knuth's two-sum). */
export function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, (a - (s - bb)) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function split(a: number): DD {
  const c = SPLITTER * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

/** `a * b` as an exact double-double (Dekker's product). */
export function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ((ah * bh - p) + ah * bl + al * bh) + al * bl];
}

/** Double-double sum. */
export function ddAdd(a: DD, b: DD): DD {
  const [s, e0] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s1, e1] = quickTwoSum(s, e0 + t);
  return quickTwoSum(s1, e1 + f);
}

/** Double-double product. */
export function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

/** Double-double quotient. */
export function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const r = ddAdd(a, ddMul(b, [-q1, 0]));
  const q2 = r[0] / b[0];
  const r2 = ddAdd(r, ddMul(b, [-q2, 0]));
  const q3 = r2[0] / b[0];
  const [s, e] = quickTwoSum(q1, q2);
  return ddAdd([s, e], [q3, 0]);
}

/** ln 2 as a double-double (0x1.62e42fefa39efp-1 + 0x1.abc9e3b39803fp-56). */
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const REDUCE_BITS = 6;
const TAYLOR_DEGREE = 14;

/** 1/k! for k = 0..TAYLOR_DEGREE as double-doubles. */
const INV_FACTORIALS: DD[] = (() => {
  const out: DD[] = [[1, 0]];
  for (let k = 1; k <= TAYLOR_DEGREE; k++) out.push(ddDiv(out[k - 1], [k, 0]));
  return out;
})();

/**
 * `exp(x)` for a double-double x as `(hi + lo) * 2^k` with hi + lo in about [0.7, 1.42] and a
 * relative error near 2^-98.
 *
 * @param x The argument, |x| < 1100.
 * @returns [hi, lo, k].
 */
export function expDD(x: DD): [number, number, number] {
  const k = Math.round(x[0] / LN2[0]);
  const kLn2: DD = ddAdd(twoProd(LN2[0], k), [LN2[1] * k, 0]);
  let r = ddAdd(x, [-kLn2[0], -kLn2[1]]);
  r = [r[0] * 2 ** -REDUCE_BITS, r[1] * 2 ** -REDUCE_BITS];
  let p: DD = INV_FACTORIALS[TAYLOR_DEGREE];
  for (let i = TAYLOR_DEGREE - 1; i >= 0; i--) p = ddAdd(ddMul(p, r), INV_FACTORIALS[i]);
  for (let i = 0; i < REDUCE_BITS; i++) p = ddMul(p, p);
  return [p[0], p[1], k];
}

/**
 * Round `(hi + lo) * 2^k` to the nearest double (ties to even), including subnormal results.
 *
 * @param hi High part (normalised: hi = fl(hi + lo)).
 * @param lo Low part.
 * @param k Power of two.
 * @returns The rounded double.
 */
function roundScaled(hi: number, lo: number, k: number): number {
  if (binaryExponent(hi) + k >= -1022) {
    // Normal (or overflowing) result: scaling is exact, and hi is already fl(hi + lo).
    return scaleByPowerOfTwo(hi, k);
  }
  // Subnormal result: round (hi + lo) * 2^(k + 1074) to an integer, then scale exactly.
  const shift = k + 1074;
  if (shift < -2) return 0;
  const a = hi * 2 ** shift;
  const b = lo * 2 ** shift;
  const f = Math.floor(a);
  const d = (a - f) + b;
  let n = f;
  if (d > 0.5 || (d === 0.5 && f % 2 !== 0)) n = f + 1;
  else if (d < -0.5 || (d === -0.5 && f % 2 !== 0)) n = f - 1;
  return n * 2 ** -1074;
}

/**
 * Correctly rounded `exp(x)` (see the module comment for the one caveat: a true value within about
 * 2^-98 relative of a rounding midpoint may round the other way).
 *
 * @param x The argument.
 * @returns e^x.
 */
export function crExp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.8) return Infinity;
  if (x < -746) return 0;
  if (x === 0) return 1;
  const [hi, lo, k] = expDD([x, 0]);
  return roundScaled(hi, lo, k);
}

const ATANH_TERMS = 40;
const INV_ODD: DD[] = Array.from(
  { length: ATANH_TERMS + 1 },
  (_, i) => ddDiv([1, 0], [2 * i + 1, 0]),
);

/**
 * `log(y)` as a double-double, for a positive finite double y.
 *
 * @param y The argument.
 * @returns ln y with a relative error near 2^-98.
 */
export function logDD(y: number): DD {
  if (y >= 0.5 && y <= 2) {
    // ln y = 2 atanh(s), s = (y - 1) / (y + 1); y - 1 is exact here (Sterbenz).
    const s = ddDiv([y - 1, 0], twoSum(y, 1));
    const s2 = ddMul(s, s);
    let sum: DD = INV_ODD[ATANH_TERMS];
    for (let i = ATANH_TERMS - 1; i >= 0; i--) sum = ddAdd(ddMul(sum, s2), INV_ODD[i]);
    const r = ddMul(s, sum);
    return [2 * r[0], 2 * r[1]];
  }
  // |ln y| > 0.69: one Newton step from the libm estimate, ln y = l0 + ln(y e^-l0).
  const l0 = Math.log(y);
  const [h, l, k] = expDD([-l0, 0]);
  // y e^-l0 = (h + l) * (y 2^k), and y 2^k is near 1 (exact scaling).
  const prod = ddMul([h, l], [scaleByPowerOfTwo(y, k), 0]);
  const t = ddAdd(prod, [-1, 0]);
  // ln(1 + t) = t - t^2/2 + ..., with |t| ~ 1e-16.
  return ddAdd([l0, 0], ddAdd(t, [-0.5 * t[0] * t[0], 0]));
}

/**
 * Correctly rounded natural logarithm of a positive finite double (same caveat as {@link crExp}).
 *
 * @param y The argument.
 * @returns ln y.
 */
export function crLog(y: number): number {
  if (Number.isNaN(y) || y < 0) return NaN;
  if (y === 0) return -Infinity;
  if (y === Infinity) return Infinity;
  if (y === 1) return 0;
  if (y < 2 ** -1000) {
    // Keep expDD in range: ln y = ln(y 2^200) - 200 ln 2.
    const r = logDD(y * 2 ** 200);
    const shifted = ddAdd(r, ddMul(LN2, [-200, 0]));
    return shifted[0] + shifted[1];
  }
  const r = logDD(y);
  return r[0] + r[1];
}
