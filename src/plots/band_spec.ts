/**
 * The median + quantile band of one column over time, from a by-time summary of a sweep, as a
 * Vega-Lite v5 spec with inline data: a shaded band between a lower and an upper quantile and the
 * median as a line with one point per time step.
 *
 * @module
 */

import type { TopLevelSpec } from "npm:vega-lite@5.23.0";
import { bandLayers, type Datum, isFiniteNumber, PANEL, PLOT_CONFIG } from "./_spec.ts";
import { PlotError } from "./plot_error.ts";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";
import { axisTitle } from "./units.ts";

/** One time step of a band: the quantiles of the column across the runs at that time. */
export interface BandRow {
  /** The time step, as a Date or milliseconds since 1970 (UTC). */
  readonly time: Date | number;
  /** The lower quantile (e.g. q0.05); null when unknown. */
  readonly lower: number | null;
  /** The median; null when unknown (the step is left out). */
  readonly median: number | null;
  /** The upper quantile (e.g. q0.95); null when unknown. */
  readonly upper: number | null;
}

/** Options of {@link bandSpec}. */
export interface BandSpecOptions {
  /** The summarized column, for titles. */
  readonly column: string;
  /** Its unit, over the one {@link axisTitle} knows. */
  readonly unit?: string;
  /** Label of the lower quantile. @default {"q0.05"} */
  readonly lowerLabel?: string;
  /** Label of the upper quantile. @default {"q0.95"} */
  readonly upperLabel?: string;
  /** Title of the time axis. @default {"time (UTC)"} */
  readonly timeTitle?: string;
  /** Plot title. @default {"<column>: median and <lower>-<upper> band"} */
  readonly title?: string;
  /** Plot size in pixels. @default {320 x 240} */
  readonly width?: number;
  /** See `width`. */
  readonly height?: number;
}

/**
 * Build the median + quantile band plot of one column over time.
 *
 * @param rows One row per time step, in any order.
 * @param options The column's name and labels.
 * @returns A Vega-Lite v5 spec with inline data: one median point per time step with a median.
 * @throws {PlotError} `PLOT_NO_DATA` when no step has a median.
 *
 * @example
 * ```ts
 * import { bandSpec } from "./band_spec.ts";
 * import assert from "node:assert/strict";
 * const rows = [0, 60_000].map((t) => ({ time: t, lower: 6990, median: 7000, upper: 7010 }));
 * const spec = bandSpec(rows, { column: "Sat.Earth.SMA" });
 * assert.equal((spec as { layer: unknown[] }).layer.length, 2);
 * ```
 */
export function bandSpec(rows: readonly BandRow[], options: BandSpecOptions): VegaLiteSpec {
  const lower = options.lowerLabel ?? "q0.05";
  const upper = options.upperLabel ?? "q0.95";
  const steps = rows.filter((r) => isFiniteNumber(r.median))
    .map((r) => ({ ...r, ms: r.time instanceof Date ? r.time.getTime() : r.time }))
    .sort((a, b) => a.ms - b.ms);
  if (!steps.length) {
    throw new PlotError(
      "PLOT_NO_DATA",
      `No time step has a median of '${options.column}': check that runs are ok and the column ` +
        `is filled`,
    );
  }
  const values: Datum[] = steps.map((r) => ({
    time: new Date(r.ms).toISOString(),
    lower: isFiniteNumber(r.lower) ? r.lower : null,
    median: r.median,
    upper: isFiniteNumber(r.upper) ? r.upper : null,
  }));
  const yTitle = axisTitle(options.column, options.unit);
  const x = {
    field: "time",
    type: "temporal" as const,
    title: options.timeTitle ?? "time (UTC)",
    scale: { type: "utc" as const },
    axis: { format: "%H:%M:%S" },
  };
  const tooltip = [
    { field: "time", type: "temporal" as const, title: "time", format: "%Y-%m-%d %H:%M:%S" },
    { field: "median", type: "quantitative" as const, title: `median of ${yTitle}` },
    { field: "lower", type: "quantitative" as const, title: lower },
    { field: "upper", type: "quantitative" as const, title: upper },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...PLOT_CONFIG,
    title: {
      text: options.title ?? `${options.column}: median and ${lower}-${upper} band`,
      subtitle: `${steps.length} time steps`,
    },
    data: { values },
    width: options.width ?? PANEL.width,
    height: options.height ?? PANEL.height,
    layer: bandLayers({
      x,
      yTitle,
      tooltip,
      center: "median",
      colors: { band: "#4c78a8", line: "#1f3b5c" },
      pointSize: 40,
    }),
  } satisfies TopLevelSpec;
}
