/**
 * Monte Carlo run sets with the Python tool's seed contract, bit for bit:
 *
 * 1. run seed i = `SeedSequence(seed).spawn(n)[i].generate_state(1)[0]` (recorded as the run's
 *    `seed`); it depends only on i, so a larger sweep extends a smaller one exactly;
 * 2. for each parameter, in sorted name order, sub-seed =
 *    `SeedSequence([run_seed, sha256_be32(name)]).generate_state(1)[0]`;
 * 3. value = one draw from a fresh `default_rng(sub_seed)` (see {@link makeSampler}).
 *
 * So a draw depends only on (sweep seed, run id, parameter name, distribution): adding a
 * parameter never changes the others, and any process computes any run on its own.
 *
 * @module
 */

import type { OverrideValueJson, RunSpec } from "../runs/mod.ts";
import { type Distribution, distributionToJson } from "./distributions.ts";
import { RunSetError } from "./errors.ts";
import { checkRunId, type RunSet, specsByIndex, type StochasticParameterSpec } from "./run_set.ts";
import { makeSampler } from "./sampler.ts";
import { SeedSequence } from "./seed_sequence.ts";
import { nameHash, paramSeedFromHash } from "./seeds.ts";
import { requirePerturb, requireRunCount, resolveSeed } from "./stochastic.ts";

/** A Monte Carlo run set. */
export interface MonteCarloRunSet extends RunSet {
  /** Always `monte_carlo`. */
  readonly kind: "monte_carlo";
  /** The sweep seed actually used (never null). */
  readonly seed: number;
  /** The perturbed parameters, in sorted name order. */
  readonly perturb: Readonly<Record<string, Distribution>>;
}

/**
 * A Monte Carlo run set of n runs.
 *
 * @param perturb Dotted path to distribution (at least one).
 * @param n Number of runs (>= 1).
 * @param seed Sweep seed (non-negative integer below 2^53), or null to draw one (recorded).
 * @returns The run set.
 * @throws {RunSetError} for an empty perturb, bad names or distributions, bad n or seed.
 *
 * @example
 * ```ts
 * import { monteCarloRunSet } from "./monte_carlo.ts";
 * const set = monteCarloRunSet({ "Sat.SMA": { kind: "normal", mu: 7000, sigma: 10 } }, 8, 42);
 * console.log(set.spec(0).seed); // 2684470948
 * ```
 */
export function monteCarloRunSet(
  perturb: Readonly<Record<string, Distribution>>,
  n: number,
  seed: number | null,
): MonteCarloRunSet {
  const params = requirePerturb(perturb, "monte_carlo");
  const size = requireRunCount(n, "monte_carlo");
  const sweepSeed = resolveSeed(seed, "monte_carlo");
  const root = new SeedSequence(sweepSeed);
  const samplers = params.map(([name, d]) => [name, nameHash(name), makeSampler(d)] as const);
  const sorted: Record<string, Distribution> = Object.fromEntries(params);

  const set: MonteCarloRunSet = {
    kind: "monte_carlo",
    size,
    seed: sweepSeed,
    perturb: sorted,
    spec(runId: number): RunSpec {
      checkRunId(size, runId);
      const runSeed = root.childFirstWord(runId);
      const overrides: Record<string, OverrideValueJson> = {};
      for (const [name, hash, sampler] of samplers) {
        overrides[name] = sampler.draw(paramSeedFromHash(runSeed, hash));
      }
      return { runId, overrides, seed: runSeed, context: {} };
    },
    specs: (from?: number, to?: number) => specsByIndex(set, from, to),
    parameterSpec(): StochasticParameterSpec {
      return {
        _kind: "monte_carlo",
        perturb: Object.fromEntries(params.map(([name, d]) => [name, distributionToJson(d)])),
        n: size,
        seed: sweepSeed,
      };
    },
  };
  return set;
}

/**
 * The Monte Carlo run set with k more runs: runs 0..n-1 are unchanged and runs n..n+k-1 are
 * exactly what a fresh sweep of n + k runs draws there (`specs(n, n + k)` of the result is the
 * extension). Latin hypercube designs cannot be extended (every sample would be re-stratified).
 *
 * @param runSet A Monte Carlo run set (e.g. rebuilt by {@link runSetFromParameterSpec}).
 * @param k Number of runs to add (>= 1).
 * @returns The larger run set.
 * @throws {RunSetError} for another kind of run set or a bad k.
 */
export function extendMonteCarlo(runSet: RunSet, k: number): MonteCarloRunSet {
  if (runSet.kind !== "monte_carlo") {
    throw new RunSetError(
      runSet.kind === "latin_hypercube"
        ? "a Latin hypercube design cannot be extended (every sample would be re-stratified): " +
          "run a new design with the larger n"
        : `only Monte Carlo run sets can be extended, not '${runSet.kind}'`,
    );
  }
  if (!Number.isInteger(k) || k < 1) {
    throw new RunSetError(`extension k = ${k} is not a whole number of runs >= 1`);
  }
  const mc = runSet as Partial<MonteCarloRunSet>;
  if (mc.perturb === undefined || typeof mc.seed !== "number") {
    throw new RunSetError("extendMonteCarlo needs a run set made by monteCarloRunSet");
  }
  return monteCarloRunSet(mc.perturb, runSet.size + k, mc.seed);
}
