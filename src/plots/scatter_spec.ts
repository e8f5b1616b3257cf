/**
 * The corner/scatter plot of swept parameters against a metric, as a Vega-Lite v5 spec with
 * inline data.
 *
 * One parameter gives one panel, metric against parameter. Several give a corner plot over the
 * variables `[...parameters, metric]`: below the diagonal, one panel per pair (earlier variable on
 * x, later on y), so the bottom row is the metric against each parameter and the rows above show
 * how the runs cover the parameter space; every point is colored by the metric.
 *
 * @module
 */

import type { TopLevelSpec } from "npm:vega-lite@5.23.0";
import {
  CORNER_PANEL,
  type Datum,
  DENSITY_POINTS,
  fieldRef,
  FIT_SCALE,
  METRIC_SCHEME,
  PANEL,
  PLOT_CONFIG,
} from "./_spec.ts";
import { plottableRows, sweptParameters } from "./_validate.ts";
import { PlotError } from "./plot_error.ts";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";
import type { RunMetricRow } from "./run_metric_row.ts";
import { axisTitle } from "./units.ts";

/** Options of {@link scatterSpec}. */
export interface ScatterSpecOptions {
  /** The metric's name (column), for titles. */
  readonly metric: string;
  /** Parameters to plot. @default {every parameter of the first row, sorted} */
  readonly parameters?: readonly string[];
  /** Units by parameter or metric name, over the ones {@link axisTitle} knows. */
  readonly units?: Readonly<Record<string, string>>;
  /** Plot title. @default {"<metric> vs <parameters>"} */
  readonly title?: string;
  /** Size of one panel in pixels. @default {560 x 340 for one panel, 210 x 210 in a corner} */
  readonly width?: number;
  /** See `width`. */
  readonly height?: number;
}

/**
 * Build the scatter (one parameter) or corner (several) plot of a metric over swept parameters.
 *
 * Runs without a metric (failed, skipped) are left out and counted in the subtitle. Above
 * {@link DENSITY_POINTS} runs each panel is a 2D histogram (runs per cell) instead of one point
 * per run.
 *
 * @param rows One row per run.
 * @param options The metric's name and what to plot.
 * @returns A Vega-Lite v5 spec with inline data: one point per plotted run in each panel.
 * @throws {PlotError} for an unknown or non-numeric parameter, or when no run has a metric.
 *
 * @example One panel: SMA against the swept SMA
 * ```ts
 * import { scatterSpec } from "./scatter_spec.ts";
 * import assert from "node:assert/strict";
 * const spec = scatterSpec(
 *   [7000, 7100].map((sma, runId) => ({ runId, parameters: { "Sat.SMA": sma }, value: sma + 1 })),
 *   { metric: "final_radius_km" },
 * );
 * assert.equal((spec as { data: { values: unknown[] } }).data.values.length, 2);
 * ```
 */
export function scatterSpec(
  rows: readonly RunMetricRow[],
  options: ScatterSpecOptions,
): VegaLiteSpec {
  const { metric } = options;
  const parameters = options.parameters ?? sweptParameters(rows);
  if (!parameters.length) {
    throw new PlotError(
      "PLOT_BAD_OPTION",
      `No parameter to plot '${metric}' against: the runs have no overrides; give parameters`,
    );
  }
  if (parameters.includes(metric)) {
    throw new PlotError(
      "PLOT_BAD_OPTION",
      `'${metric}' is both a parameter and the metric: plot it against the other parameters`,
    );
  }
  const ok = plottableRows(rows, parameters, metric);
  const values: Datum[] = ok.map((r) => {
    const d: Datum = { run_id: r.runId };
    for (const p of parameters) d[p] = r.parameters[p] as number;
    d[metric] = r.value;
    return d;
  });
  const title = (name: string) => axisTitle(name, options.units?.[name]);
  const channel = (name: string) => ({
    field: fieldRef(name),
    type: "quantitative" as const,
    title: title(name),
    scale: FIT_SCALE,
  });
  const tooltip = [
    { field: "run_id", type: "quantitative" as const, title: "run_id" },
    ...[...parameters, metric].map((n) => ({
      field: fieldRef(n),
      type: "quantitative" as const,
      title: title(n),
    })),
  ];
  const corner = parameters.length > 1;
  const size = {
    width: options.width ?? (corner ? CORNER_PANEL : PANEL.width),
    height: options.height ?? (corner ? CORNER_PANEL : PANEL.height),
  };
  const dense = ok.length > DENSITY_POINTS;
  const binned = (name: string) => ({
    field: fieldRef(name),
    type: "quantitative" as const,
    title: title(name),
    bin: { maxbins: 40 },
  });
  const densityPanel = (x: string, y: string) => ({
    ...size,
    mark: { type: "rect" as const },
    encoding: {
      x: binned(x),
      y: binned(y),
      color: {
        aggregate: "count" as const,
        type: "quantitative" as const,
        title: "runs",
        scale: { scheme: METRIC_SCHEME },
      },
      tooltip: [{ aggregate: "count" as const, type: "quantitative" as const, title: "runs" }],
    },
  });
  const pointPanel = (x: string, y: string) => ({
    ...size,
    mark: { type: "point" as const, filled: true, size: 50, opacity: 0.85 },
    encoding: {
      x: channel(x),
      y: channel(y),
      ...(corner
        ? {
          color: {
            field: fieldRef(metric),
            type: "quantitative" as const,
            title: title(metric),
            scale: { scheme: METRIC_SCHEME },
          },
        }
        : {}),
      tooltip,
    },
  });
  const panel = dense ? densityPanel : pointPanel;
  const header = {
    $schema: VEGA_LITE_SCHEMA,
    ...PLOT_CONFIG,
    title: {
      text: options.title ?? `${metric} vs ${parameters.join(", ")}`,
      subtitle: `${ok.length} of ${rows.length} runs with a value` +
        (dense ? "; runs per cell (2D histogram)" : ""),
    },
    data: { values },
  };
  if (!corner) return { ...header, ...panel(parameters[0], metric) } satisfies TopLevelSpec;
  const variables = [...parameters, metric];
  return {
    ...header,
    vconcat: variables.slice(1).map((y, i) => ({
      hconcat: variables.slice(0, i + 1).map((x) => panel(x, y)),
    })),
  } satisfies TopLevelSpec;
}
