/**
 * Plots of sweeps as Vega-Lite v5 specs (`application/vnd.vegalite.v5+json`, which JupyterLab
 * renders natively) with a headless SVG rendering (npm `vega` + `vega-lite`, no canvas):
 *
 * - {@link sweepPlot}: manifest in, {@link Plot} out (what `gmat-sweep plot` does);
 * - spec builders on plain data: {@link scatterSpec} (scatter/corner), {@link heatmapSpec},
 *   {@link bandSpec} (median + quantile band over time), {@link convergenceSpec} (running mean ±
 *   standard error);
 * - data from tables: {@link runMetricRows}, {@link lastValueByRun}, {@link bandRows},
 *   {@link convergenceRows};
 * - display and files: {@link Plot} (Jupyter display, `toSVG()`), {@link plotBundle},
 *   {@link renderSvg}.
 *
 * @example In a notebook cell
 * ```ts ignore
 * await sweepPlot("scatter", sweep.manifestPath, { extra: "orbit_metrics", metric: "final_radius_km" });
 * ```
 *
 * @module
 */

export { PlotError, type PlotErrorCode } from "./plot_error.ts";
export { axisTitle, unitOf } from "./units.ts";
export { VEGA_LITE_MIME, VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega_lite_spec.ts";
export type { RunMetricRow } from "./run_metric_row.ts";
export { scatterSpec, type ScatterSpecOptions } from "./scatter_spec.ts";
export { heatmapSpec, type HeatmapSpecOptions } from "./heatmap_spec.ts";
export { type BandRow, bandSpec, type BandSpecOptions } from "./band_spec.ts";
export {
  type ConvergenceRow,
  convergenceSpec,
  type ConvergenceSpecOptions,
} from "./convergence_spec.ts";
export { lastValueByRun, runMetricRows } from "./run_metrics.ts";
export { bandRows, type BandRowsOptions, convergenceRows } from "./analysis_rows.ts";
export { compileToVega, type RenderOptions, renderSvg, type VegaSpec } from "./render_svg.ts";
export { Plot, type PlotBundle, plotBundle } from "./plot.ts";
export { PLOT_KINDS, type PlotKind, sweepPlot, type SweepPlotOptions } from "./sweep_plot.ts";
