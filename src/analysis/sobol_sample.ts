/**
 * `sobolSample`: the Saltelli design for variance-based sensitivity analysis, built on the Sobol
 * sequence (the Python tool's `sobol_sample`, which uses SALib).
 *
 * Design (Saltelli 2002 and 2010): take N points of the Sobol sequence in 2D dimensions, from index
 * `skip` on (default: the smallest power of two >= N, so the origin is never used and, for N a
 * power of two, the N points form a whole net). The first D coordinates of point j are row A_j, the
 * last D row B_j. Base point j contributes one block of consecutive runs:
 * `A_j, AB_j^1 .. AB_j^D, [BA_j^1 .. BA_j^D,] B_j`, where AB^i is A with its i-th column taken from
 * B and BA^i is B with its i-th column taken from A (only with `secondOrder`). So there are
 * N (2D + 2) runs with second order, N (D + 2) without; run id = row index.
 *
 * Parameters are ordered by name (code points, as every gmat-sweep design), unit coordinates are
 * mapped through each distribution's inverse CDF (`{lo, hi}` means uniform on [lo, hi]). The
 * returned `rows` are plain records with dotted names, ready for `explicitRunSet(design.rows)` or
 * `sweep(script, { rows: design.rows })`, and the design is what {@link sobolAnalyze} needs.
 * With a non-null `scrambleSeed` the Sobol points are scrambled (see `sobol_sequence.ts`); the
 * same arguments always give the same design.
 *
 * Up to 16 parameters (2D <= 32 dimensions of the direction-number table).
 *
 * @module
 */

import type { OverrideValueJson } from "../runs/mod.ts";
import type { Distribution } from "../runset/mod.ts";
import { RunSetError } from "../runset/mod.ts";
import { makeSampler } from "../runset/sampler.ts";
import { requirePerturb } from "../runset/stochastic.ts";
import { AnalysisError } from "./errors.ts";
import { SOBOL_MAX_DIMENSION } from "./joe_kuo.ts";
import { sobolPoints } from "./sobol_sequence.ts";

/** A parameter's range: `{lo, hi}` (uniform) or any gmat-sweep distribution. */
export type SobolParameter = { readonly lo: number; readonly hi: number } | Distribution;

/** Options of {@link sobolSample}. */
export interface SobolSampleOptions {
  /** Also sample for second-order indices. @default {true} (as upstream) */
  readonly secondOrder?: boolean;
  /** Scramble the Sobol points with this seed; null or absent: unscrambled. @default {null} */
  readonly scrambleSeed?: number | null;
  /** Index of the first Sobol point used. @default the smallest power of two >= n */
  readonly skip?: number;
}

/** A Saltelli design: the runs and what {@link sobolAnalyze} needs to read their outputs. */
export interface SobolDesign {
  /** Always `saltelli`. */
  readonly kind: "saltelli";
  /** Parameter names in design (column) order. */
  readonly names: readonly string[];
  /** Each parameter's distribution. */
  readonly distributions: Readonly<Record<string, Distribution>>;
  /** Base sample size N. */
  readonly n: number;
  /** Whether the design supports second-order indices. */
  readonly secondOrder: boolean;
  /** Runs per base point: 2D + 2 or D + 2. */
  readonly blockSize: number;
  /** The scramble seed, or null when unscrambled. */
  readonly scrambleSeed: number | null;
  /** Index of the first Sobol point used. */
  readonly skip: number;
  /** One record per run (dotted name -> value), run id = index. */
  readonly rows: readonly Readonly<Record<string, OverrideValueJson>>[];
}

function isRange(p: SobolParameter): p is { lo: number; hi: number } {
  return typeof p === "object" && p !== null && !("kind" in p);
}

/**
 * Build a Saltelli design over the parameters.
 *
 * @example
 * ```ts
 * import { sobolSample } from "./sobol_sample.ts";
 * const design = sobolSample({ "Sat.SMA": { lo: 6900, hi: 7100 }, "Sat.ECC": { lo: 0, hi: 0.02 } }, 8);
 * console.log(design.rows.length, design.names); // 48 [ "Sat.ECC", "Sat.SMA" ]
 * ```
 * @param params Dotted name -> `{lo, hi}` or a distribution (1 to 16 parameters).
 * @param n Base sample size N (a power of two keeps the Sobol points balanced).
 * @param options Second order, scrambling, first point.
 * @returns The design with its rows.
 * @throws {AnalysisError} `ANALYSIS_DESIGN` for bad parameters, `ANALYSIS_OPTION` for bad n or skip.
 */
export function sobolSample(
  params: Readonly<Record<string, SobolParameter>>,
  n: number,
  options: SobolSampleOptions = {},
): SobolDesign {
  let pairs: [string, Distribution][];
  try {
    if (typeof params !== "object" || params === null) throw new RunSetError("give an object");
    const perturb = Object.fromEntries(
      Object.entries(params).map((
        [name, p],
      ) => [
        name,
        isRange(p) ? { kind: "uniform" as const, lo: p.lo, hi: p.hi } : p as Distribution,
      ]),
    );
    pairs = requirePerturb(perturb, "sobolSample");
  } catch (e) {
    if (!(e instanceof RunSetError)) throw e;
    throw new AnalysisError("ANALYSIS_DESIGN", e.message, { cause: e });
  }
  const d = pairs.length;
  if (2 * d > SOBOL_MAX_DIMENSION) {
    throw new AnalysisError(
      "ANALYSIS_DESIGN",
      `sobolSample: ${d} parameters; at most ${SOBOL_MAX_DIMENSION / 2} are supported: fix the ` +
        "others at nominal values or group them",
    );
  }
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new AnalysisError("ANALYSIS_OPTION", `sobolSample: n must be an integer >= 1, got ${n}`);
  }
  const secondOrder = options.secondOrder ?? true;
  const skip = options.skip ?? 2 ** Math.ceil(Math.log2(n));
  const scrambleSeed = options.scrambleSeed ?? null;
  if (scrambleSeed !== null && (!Number.isSafeInteger(scrambleSeed) || scrambleSeed < 0)) {
    throw new AnalysisError(
      "ANALYSIS_OPTION",
      `sobolSample: scrambleSeed must be a non-negative integer, got ${scrambleSeed}`,
    );
  }
  const base = sobolPoints(2 * d, n, { skip, scrambleSeed });
  const samplers = pairs.map(([, dist]) => makeSampler(dist));
  const names = pairs.map(([name]) => name);
  const row = (unit: ArrayLike<number>): Record<string, OverrideValueJson> => {
    const out: Record<string, OverrideValueJson> = {};
    names.forEach((name, i) => (out[name] = samplers[i].ppf(unit[i])));
    return out;
  };
  const rows: Record<string, OverrideValueJson>[] = [];
  for (let j = 0; j < n; j++) {
    const a = base.subarray(j * 2 * d, j * 2 * d + d);
    const b = base.subarray(j * 2 * d + d, (j + 1) * 2 * d);
    rows.push(row(a));
    for (let i = 0; i < d; i++) rows.push(row(a.map((v, k) => (k === i ? b[i] : v))));
    if (secondOrder) {
      for (let i = 0; i < d; i++) rows.push(row(b.map((v, k) => (k === i ? a[i] : v))));
    }
    rows.push(row(b));
  }
  return {
    kind: "saltelli",
    names,
    distributions: Object.fromEntries(pairs),
    n,
    secondOrder,
    blockSize: secondOrder ? 2 * d + 2 : d + 2,
    scrambleSeed,
    skip,
    rows,
  };
}
