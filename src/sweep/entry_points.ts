/**
 * The one-call entry points: `sweep()` (grid or explicit rows), `monteCarlo()`,
 * `latinHypercube()` and `monteCarloExtend()`. Each plans a {@link Sweep}, runs it and hands back
 * the sweep, what the run did and every report of the script stitched by name, so a notebook
 * cell gets its table in one line and nothing raises after the runs are done.
 *
 * @module
 */

import type { Table } from "npm:apache-arrow@21.2.0";
import {
  type Distribution,
  type ExplicitRows,
  explicitRunSet,
  gridRunSet,
  latinHypercubeRunSet,
  monteCarloRunSet,
  type RunSet,
} from "../runset/mod.ts";
import type { OverrideValueJson } from "../runs/mod.ts";
import {
  type FromManifestOptions,
  Sweep,
  SweepConfigError,
  type SweepOptions,
  type SweepSummary,
} from "./sweep.ts";

/** What a one-call sweep gives back. */
export interface SweepResult {
  /** The sweep, for more tables, `resume()` or `extend()`. */
  readonly sweep: Sweep;
  /** What this call ran. */
  readonly summary: SweepSummary;
  /** Every ReportFile of the script, stitched by (run_id, time), by name. */
  readonly tables: Map<string, Table>;
  /** The stitched report when the script has exactly one ReportFile, else undefined. */
  readonly table: Table | undefined;
}

/** Options of the one-call entry points: the sweep's options plus an abort signal. */
export interface RunOptions extends SweepOptions {
  /** Stops starting runs; the manifest stays consistent for a later resume. */
  readonly signal?: AbortSignal;
}

async function runAndStitch(
  script: string,
  runSet: RunSet,
  options: RunOptions,
): Promise<SweepResult> {
  const sweep = await Sweep.create(script, runSet, options);
  const summary = await sweep.run(options.signal);
  return await result(sweep, summary);
}

async function result(sweep: Sweep, summary: SweepSummary): Promise<SweepResult> {
  const tables = await sweep.toTables("report");
  return { sweep, summary, tables, table: tables.size === 1 ? [...tables.values()][0] : undefined };
}

/**
 * Run a full-factorial grid or explicit rows over a script.
 *
 * @example
 * ```ts ignore
 * const { table } = await sweep("leo.script", {
 *   grid: { "Sat.SMA": [7000, 7100, 7200] },
 *   outputDir: "sweeps/sma",
 * });
 * ```
 * @param script The GMAT script.
 * @param options Exactly one of `grid` (dotted field -> values) or `rows` (explicit runs), and
 *   the sweep's options.
 */
export async function sweep(
  script: string,
  options: RunOptions & {
    readonly grid?: Record<string, readonly OverrideValueJson[]>;
    readonly rows?: ExplicitRows;
  },
): Promise<SweepResult> {
  const { grid, rows } = options;
  if ((grid === undefined) === (rows === undefined)) {
    throw new SweepConfigError(
      "sweep() needs exactly one of `grid` (field -> values) or `rows` (explicit runs)",
    );
  }
  const runSet = grid !== undefined ? gridRunSet(grid) : explicitRunSet(rows!);
  return await runAndStitch(script, runSet, options);
}

/** The sampling part of {@link monteCarlo} and {@link latinHypercube}. */
export interface SamplingOptions extends RunOptions {
  /** Number of runs (>= 1). */
  readonly n: number;
  /** Dotted field -> distribution. */
  readonly perturb: Readonly<Record<string, Distribution>>;
  /** The sweep seed; null draws a random seed and records it. @default {null} */
  readonly seed?: number | null;
}

/**
 * Run a Monte Carlo dispersion with the Python tool's seed contract.
 *
 * @example
 * ```ts ignore
 * const { table } = await monteCarlo("leo.script", {
 *   n: 200, seed: 42, outputDir: "sweeps/mc",
 *   perturb: { "Sat.SMA": { kind: "normal", mu: 7000, sigma: 5 } },
 * });
 * ```
 */
export async function monteCarlo(script: string, options: SamplingOptions): Promise<SweepResult> {
  const runSet = monteCarloRunSet(options.perturb, options.n, options.seed ?? null);
  return await runAndStitch(script, runSet, options);
}

/** Run a Latin hypercube design: one point per 1/n stratum on every axis. */
export async function latinHypercube(
  script: string,
  options: SamplingOptions,
): Promise<SweepResult> {
  const runSet = latinHypercubeRunSet(options.perturb, options.n, options.seed ?? null);
  return await runAndStitch(script, runSet, options);
}

/**
 * Add `n` runs to a finished Monte Carlo sweep: the draws a fresh sweep of the larger size makes
 * at those run ids. The tables cover every run, old and new.
 *
 * @param manifestPath The sweep's manifest.
 * @param script The script (its canonical hash is checked against the manifest's).
 * @param options `n` and the reopening options (`outputDir` when the tree lives elsewhere).
 */
export async function monteCarloExtend(
  manifestPath: string,
  script: string,
  options: FromManifestOptions & { readonly n: number; readonly signal?: AbortSignal },
): Promise<SweepResult> {
  const sweep = await Sweep.fromManifest(manifestPath, script, options);
  const summary = await sweep.extend(options.n, options.signal);
  return await result(sweep, summary);
}
