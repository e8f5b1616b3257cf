/**
 * Run sets: the designs a sweep runs (full-factorial grids, explicit rows, Monte Carlo and Latin
 * hypercube dispersions), expanded into {@link RunSpec}s lazily and serialised as the manifest's
 * `parameter_spec`.
 *
 * Monte Carlo draws follow the Python gmat-sweep seed contract bit for bit (numpy SeedSequence,
 * PCG64, Generator and scipy's `rvs` mapping, re-implemented here), so the same seed gives the same
 * runs as the Python tool.
 *
 * @example
 * ```ts
 * import { gridRunSet, monteCarloRunSet, parsePerturbShorthand } from "./mod.ts";
 * const grid = gridRunSet({ "Sat.SMA": [7000, 7100], "Sat.ECC": [0, 0.01] });
 * console.log(grid.size); // 4
 * const [name, dist] = parsePerturbShorthand("Sat.SMA=normal:7000:10");
 * const mc = monteCarloRunSet({ [name]: dist }, 100, 42);
 * console.log(mc.spec(0).overrides[name]);
 * ```
 *
 * @module
 */

export type { RunSpec } from "../runs/mod.ts";
export { RunSetError } from "./errors.ts";
export {
  type ChoiceDistribution,
  type Distribution,
  type DistributionJson,
  type DistributionKind,
  type DistributionList,
  DistributionListSchema,
  DistributionSchema,
  distributionToJson,
  type LognormalDistribution,
  type NormalDistribution,
  parseDistribution,
  type TruncnormalDistribution,
  type UniformDistribution,
  validateDistribution,
} from "./distributions.ts";
export {
  gridFromShorthands,
  linspace,
  parseGridShorthand,
  parsePerturbShorthand,
  perturbFromShorthands,
} from "./shorthand.ts";
export {
  type ExplicitParameterSpec,
  type GridParameterSpec,
  type ParameterSpec,
  type RunSet,
  type RunSetKind,
  type StochasticParameterSpec,
} from "./run_set.ts";
export { type GridRunSet, gridRunSet } from "./grid.ts";
export { type ExplicitRows, type ExplicitRunSet, explicitRunSet } from "./explicit.ts";
export { explicitRowsFromCsv, explicitRowsFromParquet, readExplicitRows } from "./read_explicit.ts";
export { extendMonteCarlo, type MonteCarloRunSet, monteCarloRunSet } from "./monte_carlo.ts";
export {
  type LatinHypercubeRunSet,
  latinHypercubeRunSet,
  latinHypercubeUnit,
} from "./latin_hypercube.ts";
export { parsePerturb, runSetFromParameterSpec } from "./parameter_spec.ts";
export { deriveParamSeed, deriveRunSeeds, nameHash } from "./seeds.ts";
export { makeSampler, type Sampler } from "./sampler.ts";
export { normalCdf, normalPpf, normalSf } from "./normal_dist.ts";
