/**
 * The heatmap of a metric over a two-axis grid, as a Vega-Lite v5 spec with inline data: one
 * rectangle per grid cell, the metric as its color.
 *
 * @module
 */

import type { TopLevelSpec } from "npm:vega-lite@5.23.0";
import { type Datum, fieldRef, METRIC_SCHEME, PLOT_CONFIG } from "./_spec.ts";
import { plottableRows } from "./_validate.ts";
import { PlotError } from "./plot_error.ts";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";
import type { RunMetricRow } from "./run_metric_row.ts";
import { axisTitle } from "./units.ts";

/** Options of {@link heatmapSpec}. */
export interface HeatmapSpecOptions {
  /** The parameter across (x). */
  readonly x: string;
  /** The parameter up (y). */
  readonly y: string;
  /** The metric's name (column), for titles. */
  readonly metric: string;
  /** Units by parameter or metric name, over the ones {@link axisTitle} knows. */
  readonly units?: Readonly<Record<string, string>>;
  /** Plot title. @default {"<metric> over <x> x <y>"} */
  readonly title?: string;
  /** Width of one cell in pixels. @default {48} */
  readonly cellSize?: number;
}

/**
 * Build the heatmap of a metric over two parameters.
 *
 * Each distinct (x, y) pair is one cell. When several runs share a cell (a grid with more axes
 * than the two plotted), the cell shows their mean and the legend says so. Runs without a metric
 * are left out (their cell stays empty) and counted in the subtitle.
 *
 * @param rows One row per run.
 * @param options The two axes and the metric's name.
 * @returns A Vega-Lite v5 spec with inline data.
 * @throws {PlotError} `PLOT_BAD_OPTION` when x and y are the same parameter; see
 *   {@link plottableRows} for the others.
 *
 * @example A 2 x 2 grid
 * ```ts
 * import { heatmapSpec } from "./heatmap_spec.ts";
 * import assert from "node:assert/strict";
 * const rows = [[7000, 0.001], [7000, 0.002], [7100, 0.001], [7100, 0.002]].map(
 *   ([sma, ecc], runId) => ({ runId, parameters: { "Sat.SMA": sma, "Sat.ECC": ecc }, value: runId }),
 * );
 * const spec = heatmapSpec(rows, { x: "Sat.SMA", y: "Sat.ECC", metric: "m" });
 * assert.equal((spec as { mark: { type: string } }).mark.type, "rect");
 * ```
 */
export function heatmapSpec(
  rows: readonly RunMetricRow[],
  options: HeatmapSpecOptions,
): VegaLiteSpec {
  const { x, y, metric } = options;
  if (x === y) {
    throw new PlotError(
      "PLOT_BAD_OPTION",
      `The heatmap's x and y are both '${x}': give two different parameters`,
    );
  }
  const ok = plottableRows(rows, [x, y], metric);
  const cells = new Set(ok.map((r) => `${r.parameters[x]}\u0000${r.parameters[y]}`));
  const shared = cells.size < ok.length;
  const values: Datum[] = ok.map((r) => ({
    run_id: r.runId,
    [x]: r.parameters[x] as number,
    [y]: r.parameters[y] as number,
    [metric]: r.value,
  }));
  const title = (name: string) => axisTitle(name, options.units?.[name]);
  const metricTitle = shared ? `mean of ${title(metric)}` : title(metric);
  const cell = options.cellSize ?? 48;
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...PLOT_CONFIG,
    title: {
      text: options.title ?? `${metric} over ${x} x ${y}`,
      subtitle: `${cells.size} cells, ${ok.length} of ${rows.length} runs with a value`,
    },
    data: { values },
    width: { step: cell },
    height: { step: cell },
    mark: { type: "rect", stroke: "white", strokeWidth: 1 },
    encoding: {
      x: {
        field: fieldRef(x),
        type: "ordinal",
        title: title(x),
        sort: "ascending",
        axis: { labelAngle: 0 },
      },
      y: { field: fieldRef(y), type: "ordinal", title: title(y), sort: "descending" },
      color: {
        aggregate: "mean",
        field: fieldRef(metric),
        type: "quantitative",
        title: metricTitle,
        scale: { scheme: METRIC_SCHEME, zero: false },
      },
      tooltip: [
        { field: fieldRef(x), type: "ordinal", title: title(x) },
        { field: fieldRef(y), type: "ordinal", title: title(y) },
        { aggregate: "mean", field: fieldRef(metric), type: "quantitative", title: metricTitle },
        { aggregate: "count", type: "quantitative", title: "runs" },
      ],
    },
  } satisfies TopLevelSpec;
}
