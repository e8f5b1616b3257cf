/**
 * `sobolAnalyze`: first-order, total-order and second-order Sobol indices from the outputs of a
 * Saltelli design ({@link sobolSample}), with bootstrap confidence intervals (the Python tool's
 * `sobol_analyze`, which uses SALib).
 *
 * Outputs are standardised first (`(y - mean) / std` over all runs, as SALib does), which leaves
 * every index unchanged but keeps the estimators' variance independent of the output's offset:
 * orbit outputs are thousands of km with a spread of metres, and the un-centred products below
 * would otherwise be dominated by `mean^2`. With A, B, AB^i, BA^i the blocks of the design and V the
 * variance of the A and B outputs together (ddof = 0):
 * - first order (Saltelli et al. 2010, Table 2 (b)): `S_i = mean(f(B) (f(AB^i) - f(A))) / V`;
 * - total order (Jansen 1999; Saltelli et al. 2010, Table 2 (f)):
 *   `ST_i = mean((f(A) - f(AB^i))^2) / (2V)`;
 * - second order (Saltelli 2002): `V_ij^c = mean(f(BA^i) f(AB^j) - f(A) f(B))`, since BA^i and
 *   AB^j share exactly the inputs i and j, and `S_ij = V_ij^c / V - S_i - S_j`.
 *
 * Confidence: the N base points are resampled with replacement `bootstrap` times (seeded PCG64)
 * and every index recomputed; `conf` is the normal-approximation half-width
 * `z_{(1+confidence)/2} * sd(bootstrap values)` (SALib's and upstream's `conf` column) and
 * `low`/`high` the percentile interval of the bootstrap values. The bootstrap treats the base
 * points as independent draws, so for an unscrambled Sobol design (whose errors are smaller than
 * Monte Carlo's) the intervals are conservative.
 *
 * @module
 */

// @ts-types="@types/d3-array"
// @ts-types="npm:@types/d3-array@3.2.1"
import { quantileSorted } from "npm:d3-array@3.2.4";
import * as arrow from "npm:apache-arrow@21.2.0";
import { Generator } from "../runset/generator.ts";
import { normalPpf } from "../runset/mod.ts";
import { resolveSeed } from "../runset/stochastic.ts";
import {
  ANALYSIS_METADATA_KEY,
  buildTable,
  float64Col,
  nullableUtf8Col,
  utf8Col,
} from "./_build.ts";
import { AnalysisError } from "./errors.ts";
import { perRunValues, type RunReduce } from "./per_run.ts";
import type { SobolDesign } from "./sobol_sample.ts";

/** One sensitivity index with its bootstrap confidence. */
export interface SobolIndex {
  /** `S1` (first order), `ST` (total order) or `S2` (second order). */
  readonly kind: "S1" | "ST" | "S2";
  /** The parameter (the first of the pair for S2). */
  readonly paramA: string;
  /** The second parameter of an S2 pair, else null. */
  readonly paramB: string | null;
  /** The estimate. */
  readonly value: number;
  /** Half-width of the normal-approximation bootstrap interval: value ± conf. */
  readonly conf: number;
  /** Lower end of the percentile bootstrap interval. */
  readonly low: number;
  /** Upper end of the percentile bootstrap interval. */
  readonly high: number;
}

/** Options of {@link sobolAnalyze}. */
export interface SobolAnalyzeOptions {
  /** Bootstrap resamples (>= 2). @default {1000} */
  readonly bootstrap?: number;
  /** Confidence level of the intervals, in (0, 1). @default {0.95} */
  readonly confidence?: number;
  /** Seed of the bootstrap; null or absent: random (recorded in the result). */
  readonly seed?: number | null;
  /** The metric column, when the outputs are a stitched table. */
  readonly column?: string;
  /** How a run's rows become one number, for a table. @default {"last"} */
  readonly reduce?: RunReduce;
}

/** The indices of a Saltelli design. */
export interface SobolAnalysis {
  /** Parameter names, in design order. */
  readonly names: readonly string[];
  /** First-order indices, one per parameter. */
  readonly S1: readonly SobolIndex[];
  /** Total-order indices, one per parameter. */
  readonly ST: readonly SobolIndex[];
  /** Second-order indices, one per pair i < j (empty without second order). */
  readonly S2: readonly SobolIndex[];
  /** Upstream's long form: columns kind, param_a, param_b, value, conf, low, high. */
  readonly table: arrow.Table;
  /** The bootstrap seed used. */
  readonly seed: number;
  /** Bootstrap resamples. */
  readonly bootstrap: number;
  /** Confidence level. */
  readonly confidence: number;
}

/** The design's outputs split into blocks, standardised. */
interface Blocks {
  readonly n: number;
  readonly d: number;
  readonly fA: Float64Array;
  readonly fB: Float64Array;
  readonly fAB: Float64Array[];
  readonly fBA: Float64Array[];
}

function outputsOf(
  design: SobolDesign,
  outputs: readonly number[] | Float64Array | arrow.Table,
  options: SobolAnalyzeOptions,
): Float64Array {
  const size = design.rows.length;
  if (!(outputs instanceof arrow.Table)) {
    if (outputs.length !== size) {
      throw new AnalysisError(
        "ANALYSIS_DESIGN",
        `sobolAnalyze: ${outputs.length} outputs for a design of ${size} runs: give one ` +
          "output per run, in run-id order",
      );
    }
    const y = Float64Array.from(outputs);
    const bad = y.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw new AnalysisError(
        "ANALYSIS_DESIGN",
        `sobolAnalyze: output of run ${bad} is ${outputs[bad]}, not a finite number: re-run it`,
      );
    }
    return y;
  }
  if (options.column === undefined) {
    throw new AnalysisError(
      "ANALYSIS_OPTION",
      "sobolAnalyze: a table needs options.column, the metric to analyse",
    );
  }
  const per = perRunValues(
    outputs,
    { column: options.column, reduce: options.reduce },
    "sobolAnalyze",
  );
  if (per.notOk.length > 0) {
    const list = per.notOk.slice(0, 10).map((r) => `${r.runId} (${r.status})`).join(", ");
    throw new AnalysisError(
      "ANALYSIS_DESIGN",
      `sobolAnalyze: runs ${list}${per.notOk.length > 10 ? ", ..." : ""} are not ok; every run ` +
        "of a Saltelli design is needed: resume the sweep until all are ok",
    );
  }
  const missing: number[] = [];
  const have = new Set(per.runIds);
  for (let id = 0; id < size && missing.length < 10; id++) if (!have.has(id)) missing.push(id);
  const extra = per.runIds.filter((id) => id >= size);
  if (missing.length > 0 || extra.length > 0) {
    throw new AnalysisError(
      "ANALYSIS_DESIGN",
      `sobolAnalyze: the table does not hold runs 0..${size - 1} of the design` +
        (missing.length > 0 ? ` (missing: ${missing.join(", ")})` : "") +
        (extra.length > 0 ? ` (beyond the design: ${extra.slice(0, 10).join(", ")})` : "") +
        ": stitch the sweep that ran design.rows",
    );
  }
  return Float64Array.from(per.values);
}

function blocksOf(design: SobolDesign, y: Float64Array): Blocks {
  const d = design.names.length;
  const n = design.n;
  const block = design.blockSize;
  let mean = 0;
  for (const v of y) mean += v;
  mean /= y.length;
  let ss = 0;
  for (const v of y) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / y.length);
  if (!(sd > 0)) {
    throw new AnalysisError(
      "ANALYSIS_DESIGN",
      `sobolAnalyze: the output is the same (${mean}) in every run: no variance to apportion`,
    );
  }
  const z = y.map((v) => (v - mean) / sd);
  const pick = (offset: number) =>
    Float64Array.from({ length: n }, (_, j) => z[j * block + offset]);
  return {
    n,
    d,
    fA: pick(0),
    fB: pick(block - 1),
    fAB: Array.from({ length: d }, (_, i) => pick(1 + i)),
    fBA: design.secondOrder ? Array.from({ length: d }, (_, i) => pick(1 + d + i)) : [],
  };
}

/** Every index, from the base points `idx` (all of them when null), in S1, ST, S2 order. */
function estimate(b: Blocks, idx: Uint32Array | null): Float64Array {
  const { n, d, fA, fB, fAB, fBA } = b;
  const at = (k: number) => (idx === null ? k : idx[k]);
  let mean = 0;
  for (let k = 0; k < n; k++) mean += fA[at(k)] + fB[at(k)];
  mean /= 2 * n;
  let v = 0;
  for (let k = 0; k < n; k++) v += (fA[at(k)] - mean) ** 2 + (fB[at(k)] - mean) ** 2;
  v /= 2 * n;
  const pairs = fBA.length > 0 ? (d * (d - 1)) / 2 : 0;
  const out = new Float64Array(2 * d + pairs);
  for (let i = 0; i < d; i++) {
    let s1 = 0;
    let st = 0;
    for (let k = 0; k < n; k++) {
      const r = at(k);
      s1 += fB[r] * (fAB[i][r] - fA[r]);
      st += (fA[r] - fAB[i][r]) ** 2;
    }
    out[i] = s1 / n / v;
    out[d + i] = st / (2 * n) / v;
  }
  let p = 2 * d;
  for (let i = 0; i < fBA.length; i++) {
    for (let j = i + 1; j < d; j++) {
      let c = 0;
      for (let k = 0; k < n; k++) {
        const r = at(k);
        c += fBA[i][r] * fAB[j][r] - fA[r] * fB[r];
      }
      out[p++] = c / n / v - out[i] - out[j];
    }
  }
  return out;
}

/**
 * Sobol indices of a Saltelli design's outputs.
 *
 * @example
 * ```ts
 * import { sobolAnalyze } from "./sobol_analyze.ts";
 * import { sobolSample } from "./sobol_sample.ts";
 * const design = sobolSample({ "M.x": { lo: 0, hi: 1 }, "M.y": { lo: 0, hi: 1 } }, 256);
 * const y = design.rows.map((r) => (r["M.x"] as number) + 0.1 * (r["M.y"] as number));
 * const { S1 } = sobolAnalyze(design, y, { seed: 1, bootstrap: 200 });
 * console.log(S1.map((s) => s.value.toFixed(2))); // [ "0.99", "0.01" ]
 * ```
 * @param design The design from {@link sobolSample}.
 * @param outputs One number per run in run-id order, or the sweep's stitched table (then give
 *   `options.column`; each run reduces to its last value by default).
 * @param options Bootstrap size, confidence level and seed; the column for a table.
 * @returns The indices with their confidence, and upstream's long table.
 * @throws {AnalysisError} `ANALYSIS_DESIGN` when outputs do not match the design (count, failed or
 *   missing runs, non-finite or constant values), `ANALYSIS_OPTION` for bad options.
 */
export function sobolAnalyze(
  design: SobolDesign,
  outputs: readonly number[] | Float64Array | arrow.Table,
  options: SobolAnalyzeOptions = {},
): SobolAnalysis {
  const bootstrap = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isSafeInteger(bootstrap) || bootstrap < 2) {
    throw new AnalysisError(
      "ANALYSIS_OPTION",
      `sobolAnalyze: bootstrap must be an integer >= 2, got ${bootstrap}`,
    );
  }
  if (typeof confidence !== "number" || !(confidence > 0 && confidence < 1)) {
    throw new AnalysisError(
      "ANALYSIS_OPTION",
      `sobolAnalyze: confidence must be in (0, 1), got ${confidence}`,
    );
  }
  let seed: number;
  try {
    seed = resolveSeed(options.seed, "sobolAnalyze");
  } catch (e) {
    throw new AnalysisError("ANALYSIS_OPTION", (e as Error).message, { cause: e });
  }
  const blocks = blocksOf(design, outputsOf(design, outputs, options));
  const point = estimate(blocks, null);

  const rng = Generator.fromSeed(seed);
  const n = blocks.n;
  const samples = Array.from({ length: point.length }, () => new Float64Array(bootstrap));
  const idx = new Uint32Array(n);
  for (let r = 0; r < bootstrap; r++) {
    for (let k = 0; k < n; k++) idx[k] = Math.floor(rng.random() * n);
    const est = estimate(blocks, idx);
    est.forEach((v, i) => (samples[i][r] = v));
  }
  const z = normalPpf(0.5 + confidence / 2);
  const interval = (i: number) => {
    const s = samples[i];
    let mean = 0;
    for (const v of s) mean += v;
    mean /= bootstrap;
    let ss = 0;
    for (const v of s) ss += (v - mean) ** 2;
    const sorted = Array.from(s).sort((x, y) => x - y);
    return {
      conf: z * Math.sqrt(ss / (bootstrap - 1)),
      low: quantileSorted(sorted, (1 - confidence) / 2)!,
      high: quantileSorted(sorted, (1 + confidence) / 2)!,
    };
  };
  const names = design.names;
  const d = names.length;
  const index = (kind: SobolIndex["kind"], i: number, a: string, b: string | null): SobolIndex => ({
    kind,
    paramA: a,
    paramB: b,
    value: point[i],
    ...interval(i),
  });
  const S1 = names.map((name, i) => index("S1", i, name, null));
  const ST = names.map((name, i) => index("ST", d + i, name, null));
  const S2: SobolIndex[] = [];
  if (design.secondOrder) {
    let p = 2 * d;
    for (let i = 0; i < d; i++) {
      for (let j = i + 1; j < d; j++) S2.push(index("S2", p++, names[i], names[j]));
    }
  }
  const all = [...S1, ...ST, ...S2];
  const table = buildTable(
    [
      utf8Col("kind", all.map((x) => x.kind)),
      utf8Col("param_a", all.map((x) => x.paramA)),
      nullableUtf8Col("param_b", all.map((x) => x.paramB)),
      float64Col("value", Float64Array.from(all, (x) => x.value)),
      float64Col("conf", Float64Array.from(all, (x) => x.conf)),
      float64Col("low", Float64Array.from(all, (x) => x.low)),
      float64Col("high", Float64Array.from(all, (x) => x.high)),
    ],
    new Map([[
      ANALYSIS_METADATA_KEY,
      JSON.stringify({ kind: "sobol", bootstrap, confidence, seed }),
    ]]),
  );
  return { names, S1, ST, S2, table, seed, bootstrap, confidence };
}
