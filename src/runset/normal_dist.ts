/**
 * The standard normal distribution's inverse CDF (Wichura's algorithm AS 241, PPND16, relative
 * accuracy about 1e-16) and CDF / survival function with full relative accuracy in both tails
 * (double-double series and continued fraction), for Latin hypercube mapping and truncated normals.
 *
 * @module
 */

import { type DD, ddAdd, ddDiv, ddMul, expDD, twoProd } from "../numeric/exact_math.ts";

// AS 241 (Wichura 1988, Applied Statistics 37(3), 477-484), PPND16 coefficients.
const A = [
  3.3871328727963666080e0,
  1.3314166789178437745e+2,
  1.9715909503065514427e+3,
  1.3731693765509461125e+4,
  4.5921953931549871457e+4,
  6.7265770927008700853e+4,
  3.3430575583588128105e+4,
  2.5090809287301226727e+3,
];
const B = [
  1,
  4.2313330701600911252e+1,
  6.8718700749205790830e+2,
  5.3941960214247511077e+3,
  2.1213794301586595867e+4,
  3.9307895800092710610e+4,
  2.8729085735721942674e+4,
  5.2264952788528545610e+3,
];
const C = [
  1.42343711074968357734e0,
  4.63033784615654529590e0,
  5.76949722146069140550e0,
  3.64784832476320460504e0,
  1.27045825245236838258e0,
  2.41780725177450611770e-1,
  2.27238449892691845833e-2,
  7.74545014278341407640e-4,
];
const D = [
  1,
  2.05319162663775882187e0,
  1.67638483018380384940e0,
  6.89767334985100004550e-1,
  1.48103976427480074590e-1,
  1.51986665636164571966e-2,
  5.47593808499534494600e-4,
  1.05075007164441684324e-9,
];
const E = [
  6.65790464350110377720e0,
  5.46378491116411436990e0,
  1.78482653991729133580e0,
  2.96560571828504891230e-1,
  2.65321895265761230930e-2,
  1.24266094738807843860e-3,
  2.71155556874348757815e-5,
  2.01033439929228813265e-7,
];
const F = [
  1,
  5.99832206555887937690e-1,
  1.36929880922735805310e-1,
  1.48753612908506148525e-2,
  7.86869131145613259100e-4,
  1.84631831751005468180e-5,
  1.42151175831644588870e-7,
  2.04426310338993978564e-15,
];

function poly(c: readonly number[], x: number): number {
  let s = c[c.length - 1];
  for (let i = c.length - 2; i >= 0; i--) s = s * x + c[i];
  return s;
}

/**
 * The standard normal quantile Φ⁻¹(p) (scipy's `ndtri`, `norm.ppf`): AS 241.
 *
 * @param p A probability in [0, 1]; 0 gives -Infinity, 1 gives Infinity, outside gives NaN.
 * @returns The quantile.
 *
 * @example
 * ```ts
 * import { normalPpf } from "./normal_dist.ts";
 * console.log(normalPpf(0.975).toFixed(6)); // 1.959964
 * ```
 */
export function normalPpf(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    x = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -x : x;
}

/**
 * The standard normal survival function Q(x) = 1 - Φ(x) with a small relative error for every x
 * (including far tails, down to the subnormal range).
 *
 * @param x The argument.
 * @returns Q(x).
 */
export function normalSf(x: number): number {
  const v = normalSfDD(x);
  return v[0] + v[1];
}

/**
 * The standard normal CDF Φ(x) = Q(-x), accurate in relative terms in both tails.
 *
 * @param x The argument.
 * @returns Φ(x).
 */
export function normalCdf(x: number): number {
  return normalSf(-x);
}

const SQRT1_2: DD = [0.7071067811865476, -4.833646656726457e-17];
const TWO_OVER_SQRT_PI: DD = [1.1283791670955126, 1.533545961316588e-17];
const ONE_OVER_SQRT_PI: DD = [0.5641895835477563, 7.66772980658294e-18];

/** Q(x) = erfc(x/√2)/2 as a double-double. */
function normalSfDD(x: number): DD {
  if (Number.isNaN(x)) return [NaN, 0];
  if (x === Infinity) return [0, 0];
  if (x === -Infinity) return [1, 0];
  if (x > 40) return [0, 0]; // below the smallest subnormal
  const t = ddMul([x, 0], SQRT1_2);
  if (t[0] < -6.5) return [1, 0]; // 1 - tiny rounds to 1 even as a double-double sum
  if (Math.abs(t[0]) <= 2) {
    // erfc(t) = 1 - erf(t), erf by the positive series (no cancellation inside the sum).
    const e = erfSeriesDD(t);
    return halve(ddAdd([1, 0], [-e[0], -e[1]]));
  }
  if (t[0] > 0) return halve(erfcContinuedFractionDD(t));
  // t < -2: erfc(t) = 2 - erfc(-t).
  const c = erfcContinuedFractionDD([-t[0], -t[1]]);
  return halve(ddAdd([2, 0], [-c[0], -c[1]]));
}

function halve(v: DD): DD {
  return [v[0] / 2, v[1] / 2];
}

/** exp(-t²) for a double-double t. */
function expMinusSquare(t: DD): DD {
  const sq = ddMul(t, t);
  const [h, l, k] = expDD([-sq[0], -sq[1]]);
  return [h * 2 ** k, l * 2 ** k];
}

/** erf(t) = 2/√π e^{-t²} Σ 2^n t^{2n+1} / (1·3·…·(2n+1)), for |t| <= 2. */
function erfSeriesDD(t: DD): DD {
  const t2 = ddMul(t, t);
  let term: DD = t;
  let sum: DD = t;
  for (let n = 1; n < 200; n++) {
    term = ddDiv(ddMul(ddMul(term, t2), [2, 0]), [2 * n + 1, 0]);
    sum = ddAdd(sum, term);
    if (Math.abs(term[0]) < Math.abs(sum[0]) * 1e-34) break;
  }
  return ddMul(ddMul(sum, TWO_OVER_SQRT_PI), expMinusSquare(t));
}

/**
 * erfc(t) for t > 2 by the continued fraction
 * erfc(t) = e^{-t²}/√π · 1/(t + (1/2)/(t + 1/(t + (3/2)/(t + …)))), evaluated bottom-up with a
 * depth that is ample for 2^-100 at t = 2.
 */
function erfcContinuedFractionDD(t: DD): DD {
  const depth = t[0] < 3 ? 400 : t[0] < 6 ? 150 : 60;
  let f: DD = t;
  for (let k = depth; k >= 1; k--) f = ddAdd(t, ddDiv([k / 2, 0], f));
  const frac = ddDiv([1, 0], f);
  return ddMul(ddMul(frac, ONE_OVER_SQRT_PI), expMinusSquare(t));
}

/** The standard normal density φ(x). */
export function normalPdf(x: number): number {
  const sq = twoProd(x, x);
  const [h, l, k] = expDD([-sq[0] / 2, -sq[1] / 2]);
  return (h + l) * 2 ** k * 0.3989422804014327;
}
