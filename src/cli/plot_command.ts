/**
 * `gmat-sweep plot KIND MANIFEST --out x.svg`: a scatter/corner plot, a heatmap, a median +
 * quantile band or a Monte Carlo convergence plot of a sweep, rendered to SVG headless (and, with
 * `--spec`, its Vega-Lite JSON).
 *
 * @module
 */

import { dirname, resolve } from "node:path";
import { GmatSweepError } from "../errors/mod.ts";
import { PLOT_KINDS, type PlotKind, sweepPlot } from "../plots/mod.ts";
import { ExitError } from "./exit_error.ts";
import { parseCommand } from "./parse_command.ts";
import type { CliIo } from "./sweep_commands.ts";

/** Help of the plot command. */
export const PLOT_HELP = `gmat-sweep plot: plots of a sweep as SVG (Vega-Lite, rendered headless)

Usage:
  gmat-sweep plot KIND MANIFEST --out FILE.svg [options]

Kinds:
  scatter       the metric (last value of each ok run) against swept parameters; several
                parameters make a corner plot colored by the metric
  heatmap       the metric over two axes of a grid sweep, one cell per grid point
  band          median and quantile band of a report column over time, across runs
  convergence   Monte Carlo running mean of the metric ± k standard errors, by number of runs

Options:
  --out FILE          the SVG to write (required)
  --spec FILE         also write the Vega-Lite v5 spec (JSON, data inline)
  --output-dir DIR    directory holding run-<id>/ (default: the manifest's directory)
  --metric COL        the metric column (scatter, heatmap, convergence)
  --column COL        the report column of a band
  --extra KEY         take the metric from a hook output (extra_outputs key) instead of a report
  --name REPORT       the ReportFile, when the script has several
  --x PARAM           scatter: a parameter on x (repeat for a corner plot; default: every swept
                      parameter); heatmap: the x axis
  --y PARAM           heatmap: the y axis (default: the grid's two axes)
  --quantiles LO,HI   band: lower and upper quantiles (default 0.05,0.95)
  --k K               convergence: band half-width in standard errors (default 1)
  -h, --help          this help
Without the column it needs, the command lists the numeric columns there are.
Exit codes: 0 written, 1 error, 2 bad input (unknown column, parameter or kind), 3 manifest
problem.

Examples:
  gmat-sweep plot scatter sweeps/sma/manifest.jsonl --metric Sat.Earth.SMA --out sma.svg
  gmat-sweep plot scatter sweeps/h/manifest.jsonl --extra orbit_metrics \\
      --metric final_radius_km --out radius.svg
  gmat-sweep plot heatmap sweeps/grid/manifest.jsonl --x Sat.SMA --y Sat.ECC \\
      --metric Sat.Earth.ECC --out ecc.svg
  gmat-sweep plot band sweeps/mc/manifest.jsonl --column Sat.EarthMJ2000Eq.X \\
      --quantiles 0.05,0.95 --out x_band.svg
  gmat-sweep plot convergence sweeps/mc/manifest.jsonl --metric Sat.Earth.SMA --out conv.svg
`;

/** Error codes of the layers below that mean the user asked for something that is not there. */
const BAD_INPUT_CODES: ReadonlySet<string> = new Set([
  "TABLE_NAME_REQUIRED",
  "TABLE_UNKNOWN_NAME",
  "ANALYSIS_COLUMN",
  "ANALYSIS_OPTION",
  "ANALYSIS_NO_VALUE",
]);

function parseQuantiles(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(",").map((p) => Number(p.trim()));
  if (parts.length !== 2 || parts.some((p) => !Number.isFinite(p))) {
    throw new ExitError(2, `--quantiles ${text}: give two numbers LO,HI such as 0.05,0.95`);
  }
  return [parts[0], parts[1]];
}

function parseK(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const k = Number(text);
  if (!Number.isFinite(k) || k <= 0) throw new ExitError(2, `--k ${text}: give a number > 0`);
  return k;
}

/**
 * Run the plot command.
 *
 * @param args The arguments after `plot`.
 * @param io Printing sinks.
 * @returns 0 when the SVG is written.
 * @throws {ExitError} 2 for bad input (the message names the column, parameter or kind and lists
 *   the ones there are), 1 when rendering fails; manifest errors propagate (exit 3).
 */
export async function plotCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, {
    out: { type: "string" },
    spec: { type: "string" },
    "output-dir": { type: "string" },
    metric: { type: "string" },
    column: { type: "string" },
    extra: { type: "string" },
    name: { type: "string" },
    x: { type: "string", multiple: true },
    y: { type: "string" },
    quantiles: { type: "string" },
    k: { type: "string" },
    help: { type: "boolean", short: "h" },
  }, "plot");
  const v = parsed.values;
  if (v.help) {
    io.print(PLOT_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 2) {
    throw new ExitError(2, "expected KIND and MANIFEST", "plot");
  }
  const [kind, manifest] = parsed.positionals;
  if (!(PLOT_KINDS as readonly string[]).includes(kind)) {
    throw new ExitError(2, `unknown plot kind '${kind}': choose from ${PLOT_KINDS.join(", ")}`);
  }
  if (v.out === undefined) throw new ExitError(2, "--out FILE.svg is required");
  const options = {
    outputDir: v["output-dir"],
    metric: v.metric,
    column: v.column,
    extra: v.extra,
    name: v.name,
    x: v.x,
    y: v.y,
    quantiles: parseQuantiles(v.quantiles),
    k: parseK(v.k),
  };
  let svg: string;
  let spec: unknown;
  try {
    const plot = await sweepPlot(kind as PlotKind, manifest, options);
    spec = plot.spec;
    svg = await plot.toSVG();
  } catch (e) {
    if (
      e instanceof GmatSweepError && (e.code.startsWith("PLOT_") || BAD_INPUT_CODES.has(e.code))
    ) {
      throw new ExitError(e.code === "PLOT_RENDER" ? 1 : 2, e.message);
    }
    throw e;
  }
  const out = resolve(v.out);
  await Deno.mkdir(dirname(out), { recursive: true });
  await Deno.writeTextFile(out, svg);
  io.print(`wrote ${v.out} (${kind}, ${svg.length} bytes)`);
  if (v.spec !== undefined) {
    const specPath = resolve(v.spec);
    await Deno.mkdir(dirname(specPath), { recursive: true });
    await Deno.writeTextFile(specPath, JSON.stringify(spec, null, 2) + "\n");
    io.print(`wrote ${v.spec} (Vega-Lite v5 spec)`);
  }
  return 0;
}
