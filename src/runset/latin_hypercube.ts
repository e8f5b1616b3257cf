/**
 * Latin hypercube run sets: n points with exactly one point in each 1/n stratum of every axis,
 * mapped through each parameter's inverse CDF (parameters in sorted name order).
 *
 * The unit design equals scipy's `qmc.LatinHypercube(d, seed=seed).random(n)` (scrambled,
 * strength 1, no optimisation) bit for bit, because it makes the same draws in the same order
 * from the same generator: `rng = default_rng(seed)`; u = `rng.uniform(size=(n, d))` (row-major,
 * one `random()` each); for each axis j, `perm_j = rng.shuffle(arange(1, n + 1))`; point[i][j] =
 * `(perm_j[i] - u[i][j]) / n`, in (0, 1].
 *
 * The mapped values equal scipy's `rv.ppf(point)` exactly for uniform (`q*(hi-lo) + lo`) and choice;
 * for normal, lognormal and truncnormal they agree to about 1e-15 relative (normal quantile by AS 241
 * here, Cephes `ndtri` in scipy; truncnormal by a different method, about 1e-12). A quantile of
 * exactly 1 (u = 0 on the top stratum, probability 2^-53 per point) is mapped at 1 - 2^-53 so that
 * values stay finite. Runs carry `seed: null`, as in the Python tool.
 *
 * @module
 */

import type { OverrideValueJson, RunSpec } from "../runs/mod.ts";
import { type Distribution, distributionToJson } from "./distributions.ts";
import { Generator } from "./generator.ts";
import { checkRunId, type RunSet, specsByIndex, type StochasticParameterSpec } from "./run_set.ts";
import { makeSampler } from "./sampler.ts";
import { requirePerturb, requireRunCount, resolveSeed } from "./stochastic.ts";

/** A Latin hypercube run set. */
export interface LatinHypercubeRunSet extends RunSet {
  /** Always `latin_hypercube`. */
  readonly kind: "latin_hypercube";
  /** The seed actually used (never null). */
  readonly seed: number;
  /** The perturbed parameters, in sorted name order (the design's axis order). */
  readonly perturb: Readonly<Record<string, Distribution>>;
  /**
   * The unit design (scipy `LatinHypercube(d, seed).random(n)`), row-major n × d.
   *
   * @returns Point i, axis j at index i*d + j.
   */
  unitPoints(): Float64Array;
}

/**
 * scipy's `qmc.LatinHypercube(d, seed=seed).random(n)`, row-major.
 *
 * @param d Number of axes.
 * @param n Number of points.
 * @param seed The seed of `default_rng`.
 * @returns n × d points in (0, 1], point i axis j at i*d + j.
 *
 * @example
 * ```ts
 * import { latinHypercubeUnit } from "./latin_hypercube.ts";
 * const p = latinHypercubeUnit(2, 4, 0);
 * console.log(p.length); // 8
 * ```
 */
export function latinHypercubeUnit(d: number, n: number, seed: number): Float64Array {
  const rng = Generator.fromSeed(seed);
  const u = new Float64Array(n * d);
  for (let k = 0; k < n * d; k++) u[k] = rng.random();
  const points = new Float64Array(n * d);
  const perm = new Float64Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) perm[i] = i + 1;
    rng.shuffle(perm);
    for (let i = 0; i < n; i++) points[i * d + j] = (perm[i] - u[i * d + j]) / n;
  }
  return points;
}

/**
 * A Latin hypercube run set of n runs.
 *
 * @param perturb Dotted path to distribution (at least one).
 * @param n Number of runs (>= 1).
 * @param seed Seed (non-negative integer below 2^53), or null to draw one (recorded).
 * @returns The run set (the design is computed once, on first use).
 * @throws {RunSetError} for an empty perturb, bad names or distributions, bad n or seed.
 *
 * @example
 * ```ts
 * import { latinHypercubeRunSet } from "./latin_hypercube.ts";
 * const set = latinHypercubeRunSet({ "Sat.SMA": { kind: "uniform", lo: 7000, hi: 7100 } }, 4, 1);
 * console.log(set.size, set.spec(0).seed); // 4 null
 * ```
 */
export function latinHypercubeRunSet(
  perturb: Readonly<Record<string, Distribution>>,
  n: number,
  seed: number | null,
): LatinHypercubeRunSet {
  const params = requirePerturb(perturb, "latin_hypercube");
  const size = requireRunCount(n, "latin_hypercube");
  const lhsSeed = resolveSeed(seed, "latin_hypercube");
  const d = params.length;
  const samplers = params.map(([name, dist]) => [name, makeSampler(dist)] as const);
  let design: Float64Array | undefined;
  const unitPoints = () => design ??= latinHypercubeUnit(d, size, lhsSeed);

  const set: LatinHypercubeRunSet = {
    kind: "latin_hypercube",
    size,
    seed: lhsSeed,
    perturb: Object.fromEntries(params),
    unitPoints: () => unitPoints().slice(),
    spec(runId: number): RunSpec {
      checkRunId(size, runId);
      const points = unitPoints();
      const overrides: Record<string, OverrideValueJson> = {};
      samplers.forEach(([name, sampler], j) => {
        overrides[name] = sampler.ppf(points[runId * d + j]);
      });
      return { runId, overrides, seed: null, context: {} };
    },
    specs: (from?: number, to?: number) => specsByIndex(set, from, to),
    parameterSpec(): StochasticParameterSpec {
      return {
        _kind: "latin_hypercube",
        perturb: Object.fromEntries(params.map(([name, dist]) => [name, distributionToJson(dist)])),
        n: size,
        seed: lhsSeed,
      };
    },
  };
  return set;
}
