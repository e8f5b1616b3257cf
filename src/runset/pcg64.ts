/**
 * numpy's PCG64 bit generator (128-bit LCG with XSL-RR output) seeded from a {@link SeedSequence}
 * exactly as `numpy.random.PCG64(seed_sequence)` does.
 *
 * Facts (numpy/random/_pcg64.pyx, src/pcg64): state and increment are 128-bit; seeding takes
 * `generate_state(4, uint64)` = [a, b, c, d], initstate = a·2^64 + b, initseq = c·2^64 + d,
 * inc = (initseq << 1) | 1, state = 0, step, state += initstate, step. `next_uint64` steps first,
 * then outputs rotr64(high ^ low, state >> 122). `next_uint32` hands out the low half of a fresh
 * uint64 and keeps the high half for the next call.
 *
 * @module
 */

import { SeedSequence } from "./seed_sequence.ts";

const MULTIPLIER = 0x2360ed051fc65da44385df649fccf645n;
const MASK64 = 0xffffffffffffffffn;
const TWO_POW_MINUS_53 = 2 ** -53;

/**
 * numpy's PCG64.
 *
 * @example
 * ```ts
 * import { Pcg64 } from "./pcg64.ts";
 * const bits = Pcg64.fromSeed(0);
 * console.log(typeof bits.nextUint64()); // bigint
 * ```
 */
export class Pcg64 {
  /** The 128-bit LCG state. */
  state: bigint;
  /** The 128-bit odd increment. */
  readonly inc: bigint;
  #hasUint32 = false;
  #uint32 = 0;

  /**
   * @param state The 128-bit state.
   * @param inc The 128-bit (odd) increment.
   */
  constructor(state: bigint, inc: bigint) {
    this.state = state;
    this.inc = inc;
  }

  /**
   * `PCG64(seed_sequence)`.
   *
   * @param seq The seed sequence.
   * @returns The seeded generator.
   */
  static fromSeedSequence(seq: SeedSequence): Pcg64 {
    const [a, b, c, d] = seq.generateState64(4);
    const initState = (a << 64n) | b;
    const initSeq = (c << 64n) | d;
    const inc = BigInt.asUintN(128, (initSeq << 1n) | 1n);
    const bits = new Pcg64(0n, inc);
    bits.#step();
    bits.state = BigInt.asUintN(128, bits.state + initState);
    bits.#step();
    return bits;
  }

  /**
   * `PCG64(seed)` for an integer seed (= `PCG64(SeedSequence(seed))`), as `default_rng(seed)` uses.
   *
   * @param seed A non-negative integer.
   * @returns The seeded generator.
   */
  static fromSeed(seed: number | bigint): Pcg64 {
    return Pcg64.fromSeedSequence(new SeedSequence(seed));
  }

  #step(): void {
    this.state = BigInt.asUintN(128, this.state * MULTIPLIER + this.inc);
  }

  /**
   * The next 64 random bits.
   *
   * @returns A uint64 as a bigint.
   */
  nextUint64(): bigint {
    this.#step();
    const s = this.state;
    const x = ((s >> 64n) ^ s) & MASK64;
    const rot = s >> 122n;
    if (rot === 0n) return x;
    return ((x >> rot) | (x << (64n - rot))) & MASK64;
  }

  /**
   * The next 32 random bits (low half of a fresh uint64, then its high half).
   *
   * @returns A uint32.
   */
  nextUint32(): number {
    if (this.#hasUint32) {
      this.#hasUint32 = false;
      return this.#uint32;
    }
    const v = this.nextUint64();
    this.#hasUint32 = true;
    this.#uint32 = Number(v >> 32n);
    return Number(v & 0xffffffffn);
  }

  /**
   * The next double in [0, 1): `(uint64 >> 11) * 2^-53` (exact).
   *
   * @returns The double.
   */
  nextDouble(): number {
    return Number(this.nextUint64() >> 11n) * TWO_POW_MINUS_53;
  }
}
