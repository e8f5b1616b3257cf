/**
 * The run-set abstraction: an indexed, streamable list of {@link RunSpec}s plus the manifest's
 * `parameter_spec` that rebuilds it.
 *
 * @module
 */

import type { OverrideValueJson, RunSpec } from "../runs/mod.ts";
import type { DistributionJson } from "./distributions.ts";

/** The four kinds of run set (the manifest's `parameter_spec._kind`). */
export type RunSetKind = "grid" | "explicit" | "monte_carlo" | "latin_hypercube";

/** `parameter_spec` of a grid: `{"_kind": "grid", "<path>": [values...], ...}`. */
export interface GridParameterSpec {
  /** Always `grid`. */
  readonly _kind: "grid";
  /** Each axis: dotted path to its values. */
  readonly [path: string]: readonly OverrideValueJson[] | "grid";
}

/** `parameter_spec` of explicit rows: `{"_kind": "explicit", "columns": [...], "rows": [[...]]}`. */
export interface ExplicitParameterSpec {
  /** Always `explicit`. */
  readonly _kind: "explicit";
  /** Dotted paths, one per column. */
  readonly columns: readonly string[];
  /** One list of cells per run, in column order. */
  readonly rows: readonly (readonly OverrideValueJson[])[];
}

/**
 * `parameter_spec` of a Monte Carlo or Latin hypercube design:
 * `{"_kind": ..., "perturb": {path: dist}, "n": n, "seed": seed}`.
 */
export interface StochasticParameterSpec {
  /** `monte_carlo` or `latin_hypercube`. */
  readonly _kind: "monte_carlo" | "latin_hypercube";
  /** Dotted path to distribution JSON (list form for the Python tool's kinds). */
  readonly perturb: Readonly<Record<string, DistributionJson>>;
  /** Number of runs. */
  readonly n: number;
  /** The sweep seed (always recorded here; the Python tool may have null). */
  readonly seed: number | null;
}

/** The manifest's `parameter_spec`, in the Python tool's shapes. */
export type ParameterSpec = GridParameterSpec | ExplicitParameterSpec | StochasticParameterSpec;

/**
 * A list of runs: sized, indexable by run id, streamable, and serialisable as `parameter_spec`.
 * Run ids are 0..size-1; `spec(i)` always equals the i-th item of `specs()`.
 */
export interface RunSet {
  /** Which kind of design. */
  readonly kind: RunSetKind;
  /** Number of runs. */
  readonly size: number;
  /** The sweep seed (Monte Carlo, Latin hypercube) or null. */
  readonly seed: number | null;
  /**
   * Stream the specs with run ids in [from, to), one at a time (never materialises the set).
   *
   * @param from First run id (default 0).
   * @param to One past the last run id (default size).
   */
  specs(from?: number, to?: number): IterableIterator<RunSpec>;
  /**
   * The spec of one run, computed directly from its id.
   *
   * @param runId The run id, 0 <= runId < size.
   */
  spec(runId: number): RunSpec;
  /** The manifest `parameter_spec` that {@link runSetFromParameterSpec} turns back into this set. */
  parameterSpec(): ParameterSpec;
}

/**
 * Check a `[from, to)` run-id range against a size.
 *
 * @param size The run-set size.
 * @param from First run id.
 * @param to One past the last.
 * @returns The range.
 */
export function checkRange(size: number, from = 0, to = size): [number, number] {
  if (
    !Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to > size || from > to
  ) {
    throw new RangeError(`run id range [${from}, ${to}) is outside [0, ${size})`);
  }
  return [from, to];
}

/**
 * Check one run id against a size.
 *
 * @param size The run-set size.
 * @param runId The run id.
 * @returns The run id.
 */
export function checkRunId(size: number, runId: number): number {
  if (!Number.isSafeInteger(runId) || runId < 0 || runId >= size) {
    throw new RangeError(`run id ${runId} is outside [0, ${size})`);
  }
  return runId;
}

/**
 * `specs(from, to)` for run sets whose `spec(i)` is cheap and independent of other runs.
 *
 * @param set The run set.
 * @param from First run id.
 * @param to One past the last.
 */
export function specsByIndex(
  set: Pick<RunSet, "size" | "spec">,
  from?: number,
  to?: number,
): IterableIterator<RunSpec> {
  const [a, b] = checkRange(set.size, from, to);
  return (function* () {
    for (let i = a; i < b; i++) yield set.spec(i);
  })();
}
