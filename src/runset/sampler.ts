/**
 * Drawing a parameter value from a distribution, the way the Python tool does it: a fresh
 * `default_rng(sub_seed)` per draw, then scipy's `rvs` mapping; and mapping a probability through
 * a distribution's inverse CDF (for Latin hypercube designs).
 *
 * Draws (all from a fresh `Generator(PCG64(SeedSequence(sub_seed)))`):
 * - normal: `z*sigma + mu`, z = one `standard_normal()` (scipy `norm.rvs`);
 * - uniform: `u*(hi-lo) + lo`, u = one `random()` (scipy `uniform.rvs`);
 * - lognormal: `exp(sigma*z) * exp(mu) + 0.0` (scipy `lognorm(s=sigma, scale=exp(mu)).rvs`), with
 *   correctly rounded `exp` (numpy's SIMD exp may differ by one ulp; seed contract, section 7);
 * - truncnormal: the inverse CDF of one `random()` (the method of scipy's `truncnorm.rvs`; values
 *   agree with scipy to about 1e-12 relative, not bit for bit, since scipy's ppf works in log space);
 * - choice with weights: numpy's `rng.choice(len(values), p=weights/np.sum(weights))` bit for bit
 *   (cumulative sum, divided by its last element, first index whose cdf exceeds one `random()`);
 *   choice without weights: numpy's `rng.choice(len(values))` (one bounded integer, Lemire's method).
 *
 * @module
 */

import type { OverrideValueJson } from "../runs/mod.ts";
import { crExp } from "../numeric/exact_math.ts";
import type { Distribution } from "./distributions.ts";
import { Generator } from "./generator.ts";
import { normalCdf, normalPpf, normalSf } from "./normal_dist.ts";

/** A distribution prepared for repeated draws and quantiles. */
export interface Sampler {
  /** The distribution. */
  readonly distribution: Distribution;
  /**
   * The value drawn with a fresh `default_rng(subSeed)`.
   *
   * @param subSeed The parameter's sub-seed (uint32).
   */
  draw(subSeed: number): OverrideValueJson;
  /**
   * The value at probability q (the inverse CDF; for choice, the first value whose cumulative
   * probability exceeds q).
   *
   * @param q A probability in [0, 1).
   */
  ppf(q: number): OverrideValueJson;
}

/**
 * numpy's pairwise summation of a float64 array (`np.sum`): plain loop below 8 elements, 8
 * interleaved partial sums up to 128, halves (multiple of 8) above.
 *
 * @param a The values.
 * @returns Their numpy sum.
 */
export function numpyPairwiseSum(a: readonly number[]): number {
  const n = a.length;
  if (n < 8) {
    let res = 0;
    for (const x of a) res += x;
    return res;
  }
  if (n <= 128) {
    const r = a.slice(0, 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] += a[i + j];
    }
    let res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += a[i];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return numpyPairwiseSum(a.slice(0, n2)) + numpyPairwiseSum(a.slice(n2));
}

/**
 * The cumulative distribution numpy's `choice(k, p=w/np.sum(w))` searches: `cumsum(p) / cdf[-1]`.
 *
 * @param weights Non-negative weights, not all zero.
 * @returns The normalised cumulative sums (last element exactly 1).
 */
export function choiceCdf(weights: readonly number[]): Float64Array {
  const total = numpyPairwiseSum(weights);
  const cdf = new Float64Array(weights.length);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] / total;
    cdf[i] = acc;
  }
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

/** `cdf.searchsorted(u, side="right")`: the number of cdf entries <= u. */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, cdf.length - 1);
}

/** The largest double below 1: keeps a quantile of exactly 1 finite. */
const ONE_MINUS = 1 - 2 ** -53;

/**
 * Prepare a distribution for draws and quantiles (precomputes truncation masses and choice
 * cumulative sums once).
 *
 * @param d A validated distribution.
 * @returns Its sampler.
 *
 * @example
 * ```ts
 * import { makeSampler } from "./sampler.ts";
 * const s = makeSampler({ kind: "normal", mu: 7000, sigma: 10 });
 * console.log(s.draw(0)); // 7001.257302210934
 * ```
 */
export function makeSampler(d: Distribution): Sampler {
  switch (d.kind) {
    case "normal":
      return {
        distribution: d,
        draw: (seed) => Generator.fromSeed(seed).standardNormal() * d.sigma + d.mu,
        ppf: (q) => normalPpf(Math.min(q, ONE_MINUS)) * d.sigma + d.mu,
      };
    case "uniform": {
      const scale = d.hi - d.lo;
      return {
        distribution: d,
        draw: (seed) => Generator.fromSeed(seed).random() * scale + d.lo,
        ppf: (q) => q * scale + d.lo,
      };
    }
    case "lognormal": {
      const scale = crExp(d.mu);
      return {
        distribution: d,
        draw: (seed) => crExp(d.sigma * Generator.fromSeed(seed).standardNormal()) * scale + 0,
        ppf: (q) => crExp(d.sigma * normalPpf(Math.min(q, ONE_MINUS))) * scale + 0,
      };
    }
    case "truncnormal": {
      const ppf = truncnormalPpf(d.mu, d.sigma, d.lo, d.hi);
      return {
        distribution: d,
        draw: (seed) => ppf(Generator.fromSeed(seed).random()),
        ppf: (q) => ppf(Math.min(q, ONE_MINUS)),
      };
    }
    case "choice": {
      const values = d.values;
      const weighted = d.weights === undefined ? undefined : choiceCdf(d.weights);
      const equal = choiceCdf(values.map(() => 1));
      return {
        distribution: d,
        draw: (seed) => {
          const rng = Generator.fromSeed(seed);
          if (weighted !== undefined) return values[searchRight(weighted, rng.random())];
          return values[rng.boundedUint32(values.length - 1)];
        },
        ppf: (q) => values[searchRight(weighted ?? equal, q)],
      };
    }
  }
}

/**
 * The inverse CDF of N(mu, sigma²) restricted to [lo, hi], working on the side of the mean the
 * interval lies on so that far-tail intervals keep their precision:
 * - interval above the mean (a >= 0): p = Q(a) - u (Q(a) - Q(b)), x = -Φ⁻¹(p);
 * - otherwise: p = Φ(a) + u (Φ(b) - Φ(a)), x = Φ⁻¹(p);
 * with a, b the standardised bounds; the value is `x*sigma + mu`, clamped to [lo, hi].
 */
function truncnormalPpf(mu: number, sigma: number, lo: number, hi: number): (u: number) => number {
  const a = (lo - mu) / sigma;
  const b = (hi - mu) / sigma;
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  if (a >= 0) {
    const qa = normalSf(a);
    const qb = normalSf(b);
    return (u) => clamp(-normalPpf(qa - u * (qa - qb)) * sigma + mu);
  }
  const pa = normalCdf(a);
  const pb = normalCdf(b);
  return (u) => clamp(normalPpf(pa + u * (pb - pa)) * sigma + mu);
}
