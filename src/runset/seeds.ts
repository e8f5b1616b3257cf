/**
 * The Python tool's seed derivation (the replay contract): run seeds spawned from the sweep seed,
 * per-parameter sub-seeds keyed by the parameter's name.
 *
 * - run seed i = `SeedSequence(sweep_seed).spawn(n)[i].generate_state(1)[0]` (depends on i only);
 * - name hash = the first 4 bytes of SHA-256(UTF-8 name), big-endian;
 * - sub-seed = `SeedSequence([run_seed, name_hash]).generate_state(1)[0]`.
 *
 * @module
 */

import { createHash } from "node:crypto";
import { SeedSequence } from "./seed_sequence.ts";

/**
 * The first 4 bytes of SHA-256 of the UTF-8 bytes of a name, read big-endian. The name is hashed
 * exactly as given (no Unicode normalisation).
 *
 * @param name The parameter name.
 * @returns A uint32.
 *
 * @example
 * ```ts
 * import { nameHash } from "./seeds.ts";
 * console.log(nameHash("ünïcode.Field").toString(16)); // db88d2
 * ```
 */
export function nameHash(name: string): number {
  const digest = createHash("sha256").update(new TextEncoder().encode(name)).digest();
  return digest.readUInt32BE(0);
}

/**
 * Run seeds `[from, to)` of a sweep seed (`derive_run_seeds(seed, to)[from:]`).
 *
 * @param sweepSeed The sweep seed (non-negative integer).
 * @param from First run index.
 * @param to One past the last run index.
 * @returns The run seeds (uint32).
 */
export function deriveRunSeeds(sweepSeed: number | bigint, from: number, to: number): number[] {
  const root = new SeedSequence(sweepSeed);
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(root.childFirstWord(i));
  return out;
}

/**
 * The sub-seed of one parameter in one run (`derive_param_seed(run_seed, name)`).
 *
 * @param runSeed The run seed (uint32).
 * @param name The parameter name.
 * @returns A uint32.
 */
export function deriveParamSeed(runSeed: number, name: string): number {
  return paramSeedFromHash(runSeed, nameHash(name));
}

/**
 * The sub-seed from a precomputed {@link nameHash} (`SeedSequence([run_seed, hash])`).
 *
 * @param runSeed The run seed (uint32).
 * @param hash The parameter's name hash (uint32).
 * @returns A uint32.
 */
export function paramSeedFromHash(runSeed: number, hash: number): number {
  return new SeedSequence([runSeed, hash]).generateState(1)[0];
}
