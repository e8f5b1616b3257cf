/**
 * `sweepPlot`: one call from a manifest to a {@link Plot}, as `gmat-sweep plot` does: reads the
 * manifest and the stitched tables it records (a report, or a hook output), reduces them with the
 * analysis helpers where the kind needs it, and builds the Vega-Lite spec.
 *
 * @module
 */

import { checkArgument, PathArg } from "../errors/arguments.ts";
import { resolve } from "node:path";
import type * as arrow from "npm:apache-arrow@21.2.0";
import { ANALYSIS_METADATA_KEY, mcConvergence, sweepSummary } from "../analysis/mod.ts";
import { type Manifest, readManifest } from "../manifest/mod.ts";
import { lazyExtraOutputs, lazyOutputs } from "../sweep/mod.ts";
import { numericColumn, numericColumns } from "./_columns.ts";
import { bandRows, convergenceRows } from "./analysis_rows.ts";
import { bandSpec } from "./band_spec.ts";
import { convergenceSpec } from "./convergence_spec.ts";
import { heatmapSpec } from "./heatmap_spec.ts";
import { Plot } from "./plot.ts";
import { listNames, PlotError } from "./plot_error.ts";
import { runMetricRows } from "./run_metrics.ts";
import { scatterSpec } from "./scatter_spec.ts";

/** The plots `sweepPlot` and `gmat-sweep plot` make. */
export type PlotKind = "scatter" | "heatmap" | "band" | "convergence";

/** Every {@link PlotKind}. */
export const PLOT_KINDS: readonly PlotKind[] = ["scatter", "heatmap", "band", "convergence"];

/** Options of {@link sweepPlot}. */
export interface SweepPlotOptions {
  /** Directory holding `run-<id>/`. @default {the manifest's directory} */
  readonly outputDir?: string;
  /**
   * The metric column (scatter, heatmap, convergence): one value per run, the last of each ok
   * run. For `band`, the column to summarize when `column` is not given.
   */
  readonly metric?: string;
  /** The report column of a band (also accepted as the metric of the other kinds). */
  readonly column?: string;
  /** Take the metric from this hook output (`extra_outputs` key) instead of a report. */
  readonly extra?: string;
  /** The ReportFile name, when the script has several. */
  readonly name?: string;
  /** Scatter: the parameters on x (several: a corner plot). Heatmap: `[x]`. */
  readonly x?: readonly string[];
  /** Heatmap: the parameter on y. */
  readonly y?: string;
  /** Band: lower and upper quantiles. @default {[0.05, 0.95]} */
  readonly quantiles?: readonly [number, number];
  /** Convergence: band half-width in standard errors. @default {1} */
  readonly k?: number;
}

interface MetricSource {
  readonly table: arrow.Table;
  readonly label: string;
}

async function metricSource(
  manifestPath: string,
  options: SweepPlotOptions,
): Promise<MetricSource> {
  if (options.extra !== undefined) {
    return {
      table: await lazyExtraOutputs(manifestPath, options.extra, { outputDir: options.outputDir }),
      label: `hook output '${options.extra}'`,
    };
  }
  return {
    table: await lazyOutputs(manifestPath, {
      kind: "report",
      name: options.name,
      outputDir: options.outputDir,
    }),
    label: options.name === undefined ? "the report" : `report '${options.name}'`,
  };
}

/** The one column asked for (`metric` or `column`), or an error listing the numeric ones. */
function chosenColumn(kind: PlotKind, source: MetricSource, options: SweepPlotOptions): string {
  const { metric, column } = options;
  if (metric !== undefined && column !== undefined && metric !== column) {
    throw new PlotError(
      "PLOT_BAD_OPTION",
      `Both metric '${metric}' and column '${column}' given: a ${kind} plot shows one column`,
    );
  }
  const chosen = metric ?? column;
  if (chosen === undefined) {
    const flag = kind === "band" ? "--column" : "--metric";
    throw new PlotError(
      "PLOT_BAD_OPTION",
      `A ${kind} plot needs the column to show (${flag} COL); numeric columns of ` +
        `${source.label}: ${listNames(numericColumns(source.table))}`,
    );
  }
  return chosen;
}

/** The grid axes recorded in the manifest header, or an error for another kind of run set. */
function gridAxes(manifest: Manifest): string[] {
  const spec = manifest.header.parameter_spec;
  const kind = spec._kind ?? "grid";
  if (kind !== "grid") {
    throw new PlotError(
      "PLOT_NOT_GRID",
      `${manifest.path} is a ${kind} sweep, not a grid: a heatmap needs a two-axis grid; ` +
        `use a scatter plot (its corner view shows two parameters colored by the metric)`,
    );
  }
  return Object.keys(spec).filter((k) => k !== "_kind").sort();
}

function heatmapAxes(manifest: Manifest, options: SweepPlotOptions): [string, string] {
  const axes = gridAxes(manifest);
  const spec = manifest.header.parameter_spec;
  const varying = axes.filter((a) => Array.isArray(spec[a]) && (spec[a] as unknown[]).length > 1);
  if ((options.x?.length ?? 0) > 1) {
    throw new PlotError("PLOT_BAD_OPTION", "A heatmap has one x parameter: give --x once");
  }
  const [x, y] = [options.x?.[0], options.y];
  for (const p of [x, y]) {
    if (p !== undefined && !axes.includes(p)) {
      throw new PlotError(
        "PLOT_UNKNOWN_PARAMETER",
        `'${p}' is not an axis of the grid in ${manifest.path}; grid axes: ${listNames(axes)}`,
      );
    }
  }
  if (x !== undefined && y !== undefined) return [x, y];
  const rest = varying.filter((a) => a !== x && a !== y);
  const needed = x === undefined && y === undefined ? 2 : 1;
  if (rest.length < needed) {
    throw new PlotError(
      "PLOT_NOT_GRID",
      `A heatmap needs two grid axes; the grid in ${manifest.path} varies only ` +
        `${listNames(varying)}: add an axis to the sweep, or use a scatter plot`,
    );
  }
  if (rest.length > needed) {
    throw new PlotError(
      "PLOT_BAD_OPTION",
      `The grid in ${manifest.path} varies ${listNames(varying)}: choose the heatmap's axes ` +
        `with --x and --y (cells then show the mean over the other axes)`,
    );
  }
  if (x !== undefined) return [x, rest[0]];
  if (y !== undefined) return [rest[0], y];
  return [rest[0], rest[1]];
}

/**
 * Make a plot of a sweep from its manifest.
 *
 * - `scatter`: the metric (last value of each ok run) against the swept parameters (`x`, default
 *   every swept parameter; several make a corner plot).
 * - `heatmap`: the metric over two axes of a grid sweep (`x`, `y`; default the grid's two axes).
 * - `band`: median and quantile band of a report column over time (`sweepSummary` by time).
 * - `convergence`: running mean ± k standard errors of the metric over runs (`mcConvergence`).
 *
 * @param kind The plot.
 * @param manifestPath The sweep's `manifest.jsonl`.
 * @param options Columns, parameters and where the tables are.
 * @returns The plot (display it in a notebook, or `await plot.toSVG()`).
 * @throws {PlotError} naming the column or parameter and listing the ones there are;
 *   `TableError` for an unknown report or hook output name; `AnalysisError` for a run without a
 *   value; manifest errors for a missing or corrupt manifest.
 *
 * @example
 * ```ts ignore
 * const plot = await sweepPlot("scatter", "sweeps/sma/manifest.jsonl", {
 *   extra: "orbit_metrics",
 *   metric: "final_radius_km",
 * });
 * await Deno.writeTextFile("radius.svg", await plot.toSVG());
 * ```
 */
export async function sweepPlot(
  kind: PlotKind,
  manifestPath: string,
  options: SweepPlotOptions = {},
): Promise<Plot> {
  checkArgument("sweepPlot(manifestPath)", PathArg, manifestPath);
  if (!PLOT_KINDS.includes(kind)) {
    throw new PlotError(
      "PLOT_BAD_OPTION",
      `Unknown plot kind '${kind}': choose from ${PLOT_KINDS.join(", ")}`,
    );
  }
  const path = resolve(manifestPath);
  if (kind === "band") return new Plot(await band(path, options));
  const manifest = await readManifest(path);
  const source = await metricSource(path, options);
  const metric = chosenColumn(kind, source, options);
  switch (kind) {
    case "scatter": {
      const rows = runMetricRows(manifest.entries, source.table, metric, source.label);
      return new Plot(scatterSpec(rows, { metric, parameters: options.x }));
    }
    case "heatmap": {
      const [x, y] = heatmapAxes(manifest, options);
      const rows = runMetricRows(manifest.entries, source.table, metric, source.label);
      return new Plot(heatmapSpec(rows, { x, y, metric }));
    }
    case "convergence": {
      numericColumn(source.table, metric, source.label); // an error naming the table, first
      const conv = mcConvergence(source.table, { column: metric });
      return new Plot(convergenceSpec(convergenceRows(conv), { metric, k: options.k }));
    }
  }
}

async function band(path: string, options: SweepPlotOptions) {
  if (options.extra !== undefined) {
    throw new PlotError(
      "PLOT_BAD_OPTION",
      `A band is over time, from a report; hook output '${options.extra}' has no time: ` +
        `drop --extra and give a report column`,
    );
  }
  const [lo, hi] = options.quantiles ?? [0.05, 0.95];
  if (!(lo > 0 && lo < 0.5 && hi > 0.5 && hi < 1)) {
    throw new PlotError(
      "PLOT_BAD_OPTION",
      `Band quantiles ${lo} and ${hi}: give a lower one in (0, 0.5) and an upper one in (0.5, 1)`,
    );
  }
  const source = await metricSource(path, options);
  const column = chosenColumn("band", source, options);
  numericColumn(source.table, column, source.label); // an error naming the table, first
  const summary = sweepSummary(source.table, {
    by: "time",
    columns: [column],
    quantiles: [lo, 0.5, hi],
    include: ["count_ok"],
  });
  // The summary records its statistic labels (`q0.05`...), quantiles last, in the order given.
  const recorded = JSON.parse(summary.schema.metadata.get(ANALYSIS_METADATA_KEY) ?? "{}");
  const labels: string[] = recorded.statistics ?? [];
  const [lower, median, upper] = labels.slice(-3);
  const scale = summary.schema.fields.find((f) => f.name === "time")?.metadata.get(
    "gmat.epoch_scale",
  );
  return bandSpec(bandRows(summary, column, { lower, median, upper }), {
    column,
    lowerLabel: lower,
    upperLabel: upper,
    timeTitle: `time (${scale ?? "UTC"})`,
  });
}
