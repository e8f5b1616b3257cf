/**
 * What Monte Carlo and Latin hypercube run sets share: checking `perturb`, `n` and `seed`, and
 * drawing a recorded seed when none is given.
 *
 * Deviation from the Python tool: `seed = null` there meant OS entropy that was never recorded, so
 * such a sweep could not be rebuilt on resume. Here a null seed is replaced by a random integer in
 * [0, 2^53) from the operating system's CSPRNG, and that seed is what the run set (and its
 * `parameter_spec`) records.
 *
 * @module
 */

import { getRandomValues } from "node:crypto";
import { pythonSorted, requireDottedPath } from "./coerce.ts";
import { type Distribution, validateDistribution } from "./distributions.ts";
import { RunSetError } from "./errors.ts";

/**
 * A fresh random seed in [0, 2^53) from the OS CSPRNG.
 *
 * @returns The seed.
 */
export function randomSeed(): number {
  const words = getRandomValues(new Uint32Array(2));
  return (words[0] & 0x1fffff) * 2 ** 32 + words[1];
}

/**
 * Check a seed: null (replaced by {@link randomSeed}) or a non-negative safe integer.
 *
 * @param seed The seed.
 * @param what The design, for messages.
 * @returns The seed to use.
 */
export function resolveSeed(seed: number | null | undefined, what: string): number {
  if (seed === null || seed === undefined) return randomSeed();
  if (typeof seed !== "number" || !Number.isSafeInteger(seed) || seed < 0) {
    throw new RunSetError(
      `${what} seed ${JSON.stringify(seed) ?? String(seed)} is not a non-negative integer below ` +
        "2^53: give such an integer, or null for a random (recorded) seed",
    );
  }
  return seed;
}

/**
 * Check a run count: an integer >= 1 (and at most 2^32, the run-id space of spawned seeds).
 *
 * @param n The count.
 * @param what The design, for messages.
 * @returns n.
 */
export function requireRunCount(n: number, what: string): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 2 ** 32) {
    throw new RunSetError(
      `${what} n = ${JSON.stringify(n) ?? String(n)} is not a whole number of runs >= 1`,
    );
  }
  return n;
}

/**
 * Check perturbations: at least one, dotted names, valid distributions; returns them in sorted
 * name order (the order draws are made and overrides listed).
 *
 * @param perturb Dotted path to distribution.
 * @param what The design, for messages.
 * @returns [name, distribution] pairs, sorted by name.
 */
export function requirePerturb(
  perturb: Readonly<Record<string, Distribution>>,
  what: string,
): [string, Distribution][] {
  if (typeof perturb !== "object" || perturb === null || Array.isArray(perturb)) {
    throw new RunSetError(`${what} perturb must be an object of dotted path -> distribution`);
  }
  const names = pythonSorted(Object.keys(perturb));
  if (names.length === 0) {
    throw new RunSetError(`${what} perturb is empty: give at least one parameter to perturb`);
  }
  return names.map((name) => {
    requireDottedPath(name, `${what} parameter`);
    return [name, validateDistribution(perturb[name], name)];
  });
}
