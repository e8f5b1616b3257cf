/**
 * GMAT's random numbers for the script functions `rand()` and `randn()` and the `SetSeed`
 * call, drawn as GMAT R2026a draws them (its `RandomNumber`): a 32-bit Mersenne Twister
 * (`std::mt19937`, seeded with `init_genrand`), uniform deviates from libstdc++'s
 * `generate_canonical<double, 53>` (two draws, `(a + b 2^32) / 2^64`, kept below 1)
 * and normal deviates by libstdc++'s Marsaglia polar method with a fresh distribution per call
 * (GMAT builds one per `randn()`, so the second deviate of each pair is dropped). With the same
 * seed the uniform draws are GMAT's bit for bit; without `SetSeed` GMAT seeds from `random_device`, and
 * so does this class (from the platform's cryptographic source).
 *
 * The logarithm is correctly rounded, so the draws do not depend on the JavaScript engine; glibc's
 * `log` (GMAT's) is not always, so a normal draw can differ from GMAT's by one ulp (measured: 1
 * in 2,500). One instance per run: the generator is run state, not global state.
 *
 * @module
 */

import { crLog } from "../../numeric/exact_math.ts";

const N = 624;
const M = 397;

/** GMAT's per-run random number source. */
export class GmatRandom {
  readonly #mt = new Uint32Array(N);
  #index = N;

  constructor(seed?: number) {
    this.seed(seed ?? crypto.getRandomValues(new Uint32Array(1))[0]);
  }

  /** `SetSeed(s)`: the generator restarted from `s` (as an unsigned 32-bit integer). */
  seed(s: number): void {
    const mt = this.#mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.#index = N;
  }

  /** The next 32-bit output of the twister. */
  #next(): number {
    const mt = this.#mt;
    if (this.#index >= N) {
      for (let i = 0; i < N; i++) {
        const y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
        mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.#index = 0;
    }
    let y = mt[this.#index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** libstdc++'s `generate_canonical<double, 53>` over the twister. */
  #canonical(): number {
    const a = this.#next(), b = this.#next();
    const r = (a + b * 4294967296) / 18446744073709551616;
    return r >= 1 ? 1 - Number.EPSILON / 2 : r;
  }

  /** `rand()`: uniform on [0, 1) (GMAT draws again on exactly 1). */
  uniform(): number {
    let r: number;
    do r = this.#canonical(); while (r === 1);
    return r;
  }

  /** `randn()`: standard normal, the second deviate of the polar pair (GMAT's draw). */
  gaussian(): number {
    let x: number, y: number, r2: number;
    do {
      x = 2 * this.#canonical() - 1;
      y = 2 * this.#canonical() - 1;
      r2 = x * x + y * y;
    } while (r2 > 1 || r2 === 0);
    return y * Math.sqrt(-2 * crLog(r2) / r2);
  }
}
