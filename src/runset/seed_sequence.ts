/**
 * numpy's `SeedSequence` (entropy pool of 4 uint32 words, hashmix pooling, spawn keys) re-implemented
 * with exact uint32 arithmetic, so seeds derived here equal numpy's bit for bit.
 *
 * Facts from `numpy/random/bit_generator.pyx` as summarised in the seed contract: entropy and
 * spawn-key integers become little-endian uint32 words (0 is the single word `[0]`); with a
 * spawn key and fewer than 4 entropy words, zeros pad the entropy to 4 words; pooling hashes the
 * first 4 words, cross-mixes them, then mixes every further word in; `generate_state` restarts
 * its output hash from a fixed constant on every call.
 *
 * @module
 */

const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const POOL_SIZE = 4;

/** An integer a `SeedSequence` accepts: a non-negative safe integer or a bigint. */
export type SeedInteger = number | bigint;

/**
 * The uint32 words of a non-negative integer, least significant first; 0 gives `[0]`.
 *
 * @param value The integer.
 * @returns Its words.
 */
export function integerToWords(value: SeedInteger): number[] {
  let v: bigint;
  if (typeof value === "bigint") {
    v = value;
  } else {
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`SeedSequence entropy must be a safe integer, got ${value}`);
    }
    v = BigInt(value);
  }
  if (v < 0n) throw new RangeError(`SeedSequence entropy must be non-negative, got ${value}`);
  const words: number[] = [];
  do {
    words.push(Number(v & 0xffffffffn));
    v >>= 32n;
  } while (v > 0n);
  return words;
}

/** The running state of one pooling: the pool words and the hashmix constant. */
interface PoolState {
  pool: Uint32Array;
  hash: number;
}

function hashmix(state: PoolState, value: number): number {
  let v = (value ^ state.hash) >>> 0;
  state.hash = Math.imul(state.hash, MULT_A) >>> 0;
  v = Math.imul(v, state.hash) >>> 0;
  return (v ^ (v >>> 16)) >>> 0;
}

function mix(x: number, y: number): number {
  const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
  return (r ^ (r >>> 16)) >>> 0;
}

function poolFirstWords(words: readonly number[]): PoolState {
  const state: PoolState = { pool: new Uint32Array(POOL_SIZE), hash: INIT_A };
  for (let i = 0; i < POOL_SIZE; i++) state.pool[i] = hashmix(state, words[i] ?? 0);
  for (let src = 0; src < POOL_SIZE; src++) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      if (src !== dst) state.pool[dst] = mix(state.pool[dst], hashmix(state, state.pool[src]));
    }
  }
  return state;
}

function poolMoreWords(state: PoolState, words: readonly number[]): void {
  for (const word of words) {
    for (let dst = 0; dst < POOL_SIZE; dst++) {
      state.pool[dst] = mix(state.pool[dst], hashmix(state, word));
    }
  }
}

/**
 * `generate_state(n, uint32)` of a pool: n uint32 words.
 *
 * @param pool The 4-word entropy pool.
 * @param n How many words.
 * @returns The words.
 */
export function generateStateFromPool(pool: Uint32Array, n: number): Uint32Array {
  const out = new Uint32Array(n);
  let g = INIT_B;
  for (let i = 0; i < n; i++) {
    let v = (pool[i % POOL_SIZE] ^ g) >>> 0;
    g = Math.imul(g, MULT_B) >>> 0;
    v = Math.imul(v, g) >>> 0;
    out[i] = (v ^ (v >>> 16)) >>> 0;
  }
  return out;
}

/**
 * numpy's `SeedSequence(entropy, spawn_key=...)` with the default pool size of 4.
 *
 * @example
 * ```ts
 * import { SeedSequence } from "./seed_sequence.ts";
 * const child = new SeedSequence(42).spawnChild(0);
 * console.log(child.generateState(1)[0]); // 2684470948
 * ```
 */
export class SeedSequence {
  /** The entropy words (before any padding). */
  readonly entropyWords: readonly number[];
  /** The spawn key (child indices from the root). */
  readonly spawnKey: readonly number[];
  /** The mixed entropy pool (4 uint32 words). */
  readonly pool: Uint32Array;
  #childPrefix: PoolState | undefined;

  /**
   * @param entropy A non-negative integer or a list of them (each turned into words, concatenated).
   * @param spawnKey Child indices, root first.
   */
  constructor(entropy: SeedInteger | readonly SeedInteger[], spawnKey: readonly number[] = []) {
    const list: readonly SeedInteger[] = Array.isArray(entropy) ? entropy : [entropy];
    this.entropyWords = list.flatMap((v) => integerToWords(v));
    this.spawnKey = [...spawnKey];
    const keyWords = this.spawnKey.flatMap((v) => integerToWords(v));
    const state = this.#poolPrefix(keyWords.length > 0);
    poolMoreWords(state, keyWords);
    this.pool = state.pool;
  }

  /** Pool the entropy words (padded to 4 when a spawn key follows). */
  #poolPrefix(padded: boolean): PoolState {
    const words = [...this.entropyWords];
    if (padded) {
      while (words.length < POOL_SIZE) words.push(0);
    }
    const state = poolFirstWords(words);
    poolMoreWords(state, words.slice(POOL_SIZE));
    return state;
  }

  /**
   * `generate_state(n)` as uint32 words.
   *
   * @param n How many words.
   * @returns The words.
   */
  generateState(n: number): Uint32Array {
    return generateStateFromPool(this.pool, n);
  }

  /**
   * `generate_state(n, np.uint64)`: 2n uint32 words joined little-endian.
   *
   * @param n How many uint64 words.
   * @returns The words as bigints.
   */
  generateState64(n: number): bigint[] {
    const w = this.generateState(2 * n);
    const out: bigint[] = [];
    for (let k = 0; k < n; k++) out.push(BigInt(w[2 * k]) | (BigInt(w[2 * k + 1]) << 32n));
    return out;
  }

  /**
   * Child `j` of this sequence (numpy's `spawn(n)` hands out j = 0, 1, 2, ... in order); a child
   * depends only on j, which is what makes Monte Carlo extension prefix-stable.
   *
   * @param j The child index.
   * @returns The child sequence.
   */
  spawnChild(j: number): SeedSequence {
    return new SeedSequence(this.entropyWords, [...this.spawnKey, j]);
  }

  /**
   * `spawnChild(j).generateState(1)[0]`, computed from a cached pool prefix (the fast path for
   * deriving many run seeds of one root).
   *
   * @param j The child index.
   * @returns The child's first uint32 word.
   */
  childFirstWord(j: number): number {
    if (this.#childPrefix === undefined) {
      const prefix = this.#poolPrefix(true);
      poolMoreWords(prefix, this.spawnKey.flatMap((v) => integerToWords(v)));
      this.#childPrefix = prefix;
    }
    const state = { pool: this.#childPrefix.pool.slice(), hash: this.#childPrefix.hash };
    poolMoreWords(state, integerToWords(j));
    return generateStateFromPool(state.pool, 1)[0];
  }
}
