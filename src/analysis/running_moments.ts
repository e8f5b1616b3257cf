/**
 * Running mean and variance by Welford's algorithm on shifted data, stable when the values are
 * large and their spread tiny (positions in km that differ by millimetres).
 *
 * Welford's update (`delta = x - mean; mean += delta / n; m2 += delta * (x - mean)`) avoids the
 * catastrophic cancellation of `sum(x^2) - n * mean^2`, but its rounding error still grows with
 * the condition number `|mean| / std` (7e9 for 7000 km known to 1 µm). So every value is first
 * shifted by the first value seen, `y = x - x0`: for values within a factor of two of each other
 * this subtraction is exact (Sterbenz), and the update then works on numbers of the size of the
 * spread, condition number about 1. The mean is reported as `x0 + mean(y)` (one rounding).
 *
 * @module
 */

/**
 * Streaming count, mean and sample variance of a sequence of numbers.
 *
 * @example
 * ```ts
 * import { RunningMoments } from "./running_moments.ts";
 * const m = new RunningMoments();
 * for (const x of [7000.000001, 7000.000002, 7000.000003]) m.push(x);
 * console.log(m.count, m.mean.toFixed(6), m.std().toExponential(3)); // 3 7000.000002 1.000e-6
 * ```
 */
export class RunningMoments {
  #shift = 0;
  #n = 0;
  #mean = 0;
  #m2 = 0;

  /**
   * Add one value (finite; NaN or infinities make every statistic NaN).
   *
   * @param x The value.
   */
  push(x: number): void {
    if (this.#n === 0) this.#shift = x;
    const y = x - this.#shift;
    this.#n++;
    const delta = y - this.#mean;
    this.#mean += delta / this.#n;
    this.#m2 += delta * (y - this.#mean);
  }

  /** How many values were added. */
  get count(): number {
    return this.#n;
  }

  /** The mean (NaN before the first value). */
  get mean(): number {
    return this.#n === 0 ? NaN : this.#shift + this.#mean;
  }

  /**
   * The variance with `ddof` delta degrees of freedom (1: the sample variance, as pandas and
   * upstream's `mc_convergence`); NaN when `count <= ddof`.
   *
   * @param ddof Delta degrees of freedom. @default {1}
   */
  variance(ddof = 1): number {
    return this.#n <= ddof ? NaN : this.#m2 / (this.#n - ddof);
  }

  /**
   * The standard deviation, `sqrt(variance(ddof))`.
   *
   * @param ddof Delta degrees of freedom. @default {1}
   */
  std(ddof = 1): number {
    return Math.sqrt(this.variance(ddof));
  }
}
