/**
 * The Monte Carlo convergence plot: the running mean of a metric against the number of runs,
 * with a band of plus and minus k standard errors of the mean, as a Vega-Lite v5 spec with
 * inline data.
 *
 * @module
 */

import type { TopLevelSpec } from "npm:vega-lite@5.23.0";
import {
  bandLayers,
  type Datum,
  DENSITY_POINTS,
  FIT_SCALE,
  isFiniteNumber,
  PANEL,
  PLOT_CONFIG,
} from "./_spec.ts";

/** Up to this many steps the running mean has a point per step; above, a line only. */
const POINT_LIMIT = 200;
import { PlotError } from "./plot_error.ts";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";
import { axisTitle } from "./units.ts";

/** The running statistics after n runs. */
export interface ConvergenceRow {
  /** Number of runs folded in (1, 2, ...). */
  readonly n: number;
  /** Running mean of the metric. */
  readonly mean: number | null;
  /** Standard error of that mean; null or NaN for n = 1. */
  readonly se: number | null;
}

/** Options of {@link convergenceSpec}. */
export interface ConvergenceSpecOptions {
  /** The metric's name, for titles. */
  readonly metric: string;
  /** Its unit, over the one {@link axisTitle} knows. */
  readonly unit?: string;
  /** Half-width of the band in standard errors. @default {1} */
  readonly k?: number;
  /** Plot title. @default {"Monte Carlo convergence of <metric>"} */
  readonly title?: string;
  /** Plot size in pixels. @default {320 x 240} */
  readonly width?: number;
  /** See `width`. */
  readonly height?: number;
}

/**
 * Build the convergence plot of a running mean.
 *
 * @param rows One row per n, in any order.
 * @param options The metric's name and the band's width.
 * @returns A Vega-Lite v5 spec with inline data: one point per n with a mean.
 * @throws {PlotError} `PLOT_NO_DATA` when no row has a mean, `PLOT_BAD_OPTION` for k <= 0.
 *
 * @example
 * ```ts
 * import { convergenceSpec } from "./convergence_spec.ts";
 * import assert from "node:assert/strict";
 * const rows = [{ n: 1, mean: 7000, se: null }, { n: 2, mean: 7002, se: 2 }];
 * const spec = convergenceSpec(rows, { metric: "Sat.Earth.SMA" });
 * assert.equal((spec as { data: { values: unknown[] } }).data.values.length, 2);
 * ```
 */
export function convergenceSpec(
  rows: readonly ConvergenceRow[],
  options: ConvergenceSpecOptions,
): VegaLiteSpec {
  const k = options.k ?? 1;
  if (!(k > 0) || !Number.isFinite(k)) {
    throw new PlotError("PLOT_BAD_OPTION", `The band half-width k is ${k}: give a number > 0`);
  }
  const steps = rows.filter((r) => isFiniteNumber(r.mean)).sort((a, b) => a.n - b.n);
  if (!steps.length) {
    throw new PlotError(
      "PLOT_NO_DATA",
      `No running mean of '${options.metric}': check that runs are ok and the metric is filled`,
    );
  }
  // At most DENSITY_POINTS steps, evenly spread, the last always kept; points only when few.
  const stride = Math.ceil(steps.length / DENSITY_POINTS);
  const drawn = steps.filter((_, i) => (steps.length - 1 - i) % stride === 0);
  const values: Datum[] = drawn.map((r) => {
    const se = isFiniteNumber(r.se) ? r.se : null;
    const mean = r.mean as number;
    return {
      n: r.n,
      mean,
      se,
      lower: se === null ? null : mean - k * se,
      upper: se === null ? null : mean + k * se,
    };
  });
  const yTitle = `running mean of ${axisTitle(options.metric, options.unit)}`;
  const band = k === 1 ? "± 1 standard error" : `± ${k} standard errors`;
  const x = {
    field: "n",
    type: "quantitative" as const,
    title: "number of runs",
    scale: FIT_SCALE,
    axis: { tickMinStep: 1, format: "d" },
  };
  const tooltip = [
    { field: "n", type: "quantitative" as const, title: "runs" },
    { field: "mean", type: "quantitative" as const, title: yTitle },
    { field: "se", type: "quantitative" as const, title: "standard error" },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...PLOT_CONFIG,
    title: {
      text: options.title ?? `Monte Carlo convergence of ${options.metric}`,
      subtitle: `running mean ${band}, ${steps.at(-1)!.n} runs`,
    },
    data: { values },
    width: options.width ?? PANEL.width,
    height: options.height ?? PANEL.height,
    layer: bandLayers({
      x,
      yTitle,
      tooltip,
      center: "mean",
      colors: { band: "#f58518", line: "#b3500c" },
      pointSize: drawn.length > POINT_LIMIT ? 0 : 30,
    }),
  } satisfies TopLevelSpec;
}
