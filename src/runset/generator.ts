/**
 * The part of numpy's `Generator` the run sets use, on top of {@link Pcg64}: `random()`,
 * `standard_normal()` (256-layer ziggurat), bounded integers (Lemire's method on 32-bit draws, as
 * `integers` and `choice` use them) and `shuffle` (Fisher-Yates with masked rejection).
 *
 * Float steps follow numpy's C code order with one IEEE rounding each; `exp` in the ziggurat
 * wedge test and `log1p` in its tail use the correctly rounded {@link crExp}/{@link crLog}
 * (numpy calls the C library; see the seed contract, section 7, for how rarely that matters).
 *
 * @module
 */

import { crExp, crLog } from "../numeric/exact_math.ts";
import { Pcg64 } from "./pcg64.ts";
import { SeedSequence } from "./seed_sequence.ts";
import { ZIGGURAT } from "./ziggurat_tables.ts";

const { ki: KI, wi: WI, fi: FI, r: ZIG_R, invR: ZIG_INV_R } = ZIGGURAT;
const TWO_POW_23 = 2 ** 23;
const TWO_POW_32 = 2 ** 32;

/**
 * numpy's `Generator(PCG64(...))`: `default_rng(seed)` is `Generator.fromSeed(seed)`.
 *
 * @example
 * ```ts
 * import { Generator } from "./generator.ts";
 * const rng = Generator.fromSeed(0);
 * console.log(rng.standardNormal()); // 0.1257302210933933
 * ```
 */
export class Generator {
  /** The bit generator. */
  readonly bits: Pcg64;

  /** @param bits The bit generator. */
  constructor(bits: Pcg64) {
    this.bits = bits;
  }

  /**
   * `numpy.random.default_rng(seed)`.
   *
   * @param seed A non-negative integer.
   * @returns The generator.
   */
  static fromSeed(seed: number | bigint): Generator {
    return new Generator(Pcg64.fromSeedSequence(new SeedSequence(seed)));
  }

  /**
   * `Generator.random()`: a double in [0, 1) with 53 random bits. `uniform(0.0, 1.0)` is the same.
   *
   * @returns The double.
   */
  random(): number {
    return this.bits.nextDouble();
  }

  /**
   * `Generator.standard_normal()`: one N(0, 1) draw by numpy's ziggurat.
   *
   * @returns The draw.
   */
  standardNormal(): number {
    for (;;) {
      const r64 = this.bits.nextUint64();
      const lo = Number(r64 & 0xffffffffn);
      const hi = Number(r64 >> 32n);
      const idx = lo & 0xff;
      const negative = ((lo >>> 8) & 1) === 1;
      // rabs = bits 9..60 of r64 (52 bits, exact as a number).
      const rabs = (hi & 0x1fffffff) * TWO_POW_23 + (lo >>> 9);
      let x = rabs * WI[idx];
      if (negative) x = -x;
      if (rabs < KI[idx]) return x;
      if (idx === 0) {
        // Tail beyond r; its sign is bit 8 of rabs, not the sign bit above.
        for (;;) {
          // log1p(-u) = log(1 - u), and 1 - u is exact for u = k 2^-53.
          const xx = -ZIG_INV_R * crLog(1 - this.bits.nextDouble());
          const yy = -crLog(1 - this.bits.nextDouble());
          if (yy + yy > xx * xx) {
            return Math.floor(rabs / 256) % 2 === 1 ? -(ZIG_R + xx) : ZIG_R + xx;
          }
        }
      }
      if ((FI[idx - 1] - FI[idx]) * this.bits.nextDouble() + FI[idx] < crExp(-0.5 * x * x)) {
        return x;
      }
    }
  }

  /**
   * A uniform integer in [0, max] for max < 2^32 (numpy's `buffered_bounded_lemire_uint32`, as
   * used by `integers`, `shuffle` and `choice`).
   *
   * @param max The inclusive upper bound.
   * @returns The integer.
   */
  boundedUint32(max: number): number {
    if (!Number.isInteger(max) || max < 0 || max >= TWO_POW_32) {
      throw new RangeError(`boundedUint32: max must be an integer in [0, 2^32), got ${max}`);
    }
    if (max === 0) return 0;
    if (max === TWO_POW_32 - 1) return this.bits.nextUint32();
    const rngExcl = max + 1;
    let m = BigInt(this.bits.nextUint32()) * BigInt(rngExcl);
    let leftover = Number(m & 0xffffffffn);
    if (leftover < rngExcl) {
      const threshold = (TWO_POW_32 - 1 - max) % rngExcl;
      while (leftover < threshold) {
        m = BigInt(this.bits.nextUint32()) * BigInt(rngExcl);
        leftover = Number(m & 0xffffffffn);
      }
    }
    return Number(m >> 32n);
  }

  /**
   * A uniform integer in [0, max] by masked rejection (numpy's `random_interval`): draw 32 bits
   * (64 when max >= 2^32), keep the bits below the smallest all-ones mask covering max, retry
   * while the value exceeds max.
   *
   * @param max The inclusive upper bound (a safe integer).
   * @returns The integer.
   */
  randomInterval(max: number): number {
    if (max === 0) return 0;
    if (max <= 0xffffffff) {
      let mask = max;
      mask |= mask >>> 1;
      mask |= mask >>> 2;
      mask |= mask >>> 4;
      mask |= mask >>> 8;
      mask |= mask >>> 16;
      mask >>>= 0;
      for (;;) {
        const value = (this.bits.nextUint32() & mask) >>> 0;
        if (value <= max) return value;
      }
    }
    const bigMax = BigInt(max);
    let mask = bigMax;
    for (const s of [1n, 2n, 4n, 8n, 16n, 32n]) mask |= mask >> s;
    for (;;) {
      const value = this.bits.nextUint64() & mask;
      if (value <= bigMax) return Number(value);
    }
  }

  /**
   * `Generator.shuffle(x)` for a 1-d array: for i = n-1 down to 1, swap x[i] with x[j], j from
   * {@link randomInterval}(i).
   *
   * @param x The array, shuffled in place.
   */
  shuffle<T>(x: { length: number; [i: number]: T }): void {
    for (let i = x.length - 1; i >= 1; i--) {
      const j = this.randomInterval(i);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }
}
