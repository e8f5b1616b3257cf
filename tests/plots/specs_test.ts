/**
 * The spec builders on plain data, rendered headless: scatter (one panel and corner), heatmap,
 * band and convergence each draw one mark per run, cell or step with axis titles that name the
 * parameter or column and its unit; bad input is refused naming what is at fault; and a Plot
 * displays itself as a Vega-Lite + SVG + text bundle.
 */
import assert from "node:assert/strict";
import {
  axisTitle,
  bandSpec,
  convergenceSpec,
  heatmapSpec,
  Plot,
  plotBundle,
  PlotError,
  renderSvg,
  type RunMetricRow,
  scatterSpec,
  unitOf,
  VEGA_LITE_MIME,
  VEGA_LITE_SCHEMA,
  type VegaLiteSpec,
} from "../../src/plots/mod.ts";
import { itemCount, parseSvg, plotMarks } from "./_svg.ts";

/** A 3 x 2 grid over SMA and ECC; run 4 failed (no metric). */
function gridRows(): RunMetricRow[] {
  const rows: RunMetricRow[] = [];
  for (const sma of [7000, 7150, 7300]) {
    for (const ecc of [0.001, 0.003]) {
      const runId = rows.length;
      rows.push({
        runId,
        parameters: { "Sat.SMA": sma, "Sat.ECC": ecc },
        value: runId === 4 ? null : sma * (1 + ecc),
      });
    }
  }
  return rows;
}

async function render(spec: VegaLiteSpec) {
  const warnings: string[] = [];
  const svg = await renderSvg(spec, { onWarning: (m) => warnings.push(m) });
  assert.deepEqual(warnings, [], "Vega-Lite and Vega accept the spec without a warning");
  return plotMarks(parseSvg(svg));
}

function plotThrows(fn: () => unknown, code: string, pattern: RegExp) {
  assert.throws(fn, (e) => e instanceof PlotError && e.code === code && pattern.test(e.message));
}

Deno.test("unitOf() and axisTitle() name GMAT units and derived-column suffixes", () => {
  assert.equal(axisTitle("Sat.SMA"), "Sat.SMA (km)");
  assert.equal(axisTitle("Sat.Earth.SMA"), "Sat.Earth.SMA (km)");
  assert.equal(axisTitle("Sat.EarthMJ2000Eq.VX"), "Sat.EarthMJ2000Eq.VX (km/s)");
  assert.equal(axisTitle("Sat.INC"), "Sat.INC (deg)");
  assert.equal(axisTitle("radius_span_km"), "radius_span_km");
  assert.equal(axisTitle("delta_v_m_s"), "delta_v_m_s");
  assert.equal(axisTitle("Sat.ECC"), "Sat.ECC");
  assert.equal(axisTitle("thrust", "N"), "thrust (N)");
  assert.equal(unitOf("mystery"), undefined);
});

Deno.test("scatterSpec() draws one point per run with a metric, titled with units", async () => {
  const spec = scatterSpec(gridRows(), { metric: "final_radius_km", parameters: ["Sat.SMA"] });
  assert.equal((spec as { $schema: string }).$schema, VEGA_LITE_SCHEMA);
  // Dotted names stay one field: the data keeps the name, the encoding escapes the dot.
  const json = JSON.stringify(spec);
  assert.match(json, /"field":"Sat\\\\.SMA"/);
  assert.match(json, /"Sat.SMA":7000/);
  const marks = await render(spec);
  assert.deepEqual(marks.groups, [{ type: "symbol", items: 5 }]);
  assert.deepEqual(marks.axisTitles, ["Sat.SMA (km)", "final_radius_km"]);
  assert.deepEqual(marks.titles, ["final_radius_km vs Sat.SMA", "5 of 6 runs with a value"]);
});

Deno.test("scatterSpec() with two parameters is a corner plot colored by the metric", async () => {
  const marks = await render(scatterSpec(gridRows(), { metric: "final_radius_km" }));
  // Variables [Sat.ECC, Sat.SMA, metric]: panels (ECC, SMA), (ECC, metric), (SMA, metric).
  assert.deepEqual(marks.groups.map((g) => g.items), [5, 5, 5]);
  assert.deepEqual(marks.axisTitles, [
    "Sat.ECC",
    "Sat.SMA (km)",
    "Sat.ECC",
    "final_radius_km",
    "Sat.SMA (km)",
    "final_radius_km",
  ]);
  assert.deepEqual(marks.legendTitles, ["final_radius_km"]);
});

Deno.test("scatterSpec() refuses unknown, non-numeric and metric-less input by name", () => {
  const rows = gridRows();
  plotThrows(
    () => scatterSpec(rows, { metric: "m", parameters: ["Sat.SMAA"] }),
    "PLOT_UNKNOWN_PARAMETER",
    /'Sat\.SMAA'.*swept parameters: Sat\.ECC, Sat\.SMA$/,
  );
  plotThrows(
    () =>
      scatterSpec([{ runId: 3, parameters: { "Sat.DateFormat": "UTCGregorian" }, value: 1 }], {
        metric: "m",
      }),
    "PLOT_NOT_NUMERIC",
    /'Sat\.DateFormat' of run 3 is "UTCGregorian"/,
  );
  plotThrows(
    () => scatterSpec(rows.map((r) => ({ ...r, value: null })), { metric: "m" }),
    "PLOT_NO_DATA",
    /No run has a value of 'm' \(of 6 runs\)/,
  );
  plotThrows(
    () => scatterSpec(rows, { metric: "Sat.SMA" }),
    "PLOT_BAD_OPTION",
    /'Sat\.SMA' is both a parameter and the metric/,
  );
});

Deno.test("heatmapSpec() draws one cell per grid point and averages shared cells", async () => {
  const marks = await render(
    heatmapSpec(gridRows(), { x: "Sat.SMA", y: "Sat.ECC", metric: "final_radius_km" }),
  );
  assert.deepEqual(marks.groups, [{ type: "rect", items: 5 }]);
  assert.deepEqual(marks.axisTitles, ["Sat.SMA (km)", "Sat.ECC"]);
  assert.deepEqual(marks.legendTitles, ["final_radius_km"]);
  // A third axis folded in: two runs per (SMA, ECC) cell, the legend says "mean of".
  const doubled = gridRows().flatMap((r) => [r, { ...r, runId: r.runId + 100 }]);
  const folded = await render(heatmapSpec(doubled, { x: "Sat.SMA", y: "Sat.ECC", metric: "r" }));
  assert.deepEqual(folded.groups, [{ type: "rect", items: 5 }]);
  assert.deepEqual(folded.legendTitles, ["mean of r"]);
  plotThrows(
    () => heatmapSpec(gridRows(), { x: "Sat.SMA", y: "Sat.SMA", metric: "r" }),
    "PLOT_BAD_OPTION",
    /x and y are both 'Sat\.SMA'/,
  );
});

Deno.test("bandSpec() draws the band, the median line and one point per time step", async () => {
  const t0 = Date.UTC(2026, 0, 1);
  const rows = [60_000, 0, 30_000, 90_000].map((dt, i) => ({
    time: new Date(t0 + dt),
    lower: 6990 + i,
    median: i === 3 ? null : 7000 + i,
    upper: 7010 + i,
  }));
  const spec = bandSpec(rows, { column: "Sat.Earth.SMA", lowerLabel: "q0.1", upperLabel: "q0.9" });
  const values = (spec as { data: { values: { time: string }[] } }).data.values;
  assert.deepEqual(values.map((v) => v.time), [
    "2026-01-01T00:00:00.000Z",
    "2026-01-01T00:00:30.000Z",
    "2026-01-01T00:01:00.000Z",
  ]);
  const marks = await render(spec);
  assert.deepEqual(marks.groups, [
    { type: "area", items: 1 },
    { type: "line", items: 1 },
    { type: "symbol", items: 3 },
  ]);
  assert.deepEqual(marks.axisTitles, ["time (UTC)", "Sat.Earth.SMA (km)"]);
  assert.deepEqual(marks.titles, ["Sat.Earth.SMA: median and q0.1-q0.9 band", "3 time steps"]);
  plotThrows(
    () => bandSpec([{ time: 0, lower: 1, median: null, upper: 2 }], { column: "X" }),
    "PLOT_NO_DATA",
    /median of 'X'/,
  );
});

Deno.test("convergenceSpec() draws one point per n and a ±k SE band from n = 2", async () => {
  const rows = [1, 2, 3, 4, 5, 6].map((n) => ({
    n,
    mean: 7000 + 1 / n,
    se: n === 1 ? NaN : 0.5 / Math.sqrt(n),
  }));
  const spec = convergenceSpec(rows, { metric: "Sat.Earth.SMA", k: 2 });
  const values = (spec as { data: { values: Record<string, number | null>[] } }).data.values;
  assert.equal(values[0].lower, null);
  assert.equal(values[3].upper, 7000 + 1 / 4 + 2 * 0.25);
  const marks = await render(spec);
  assert.equal(itemCount(marks, "symbol"), 6);
  assert.deepEqual(marks.axisTitles, ["number of runs", "running mean of Sat.Earth.SMA (km)"]);
  assert.equal(marks.titles[1], "running mean ± 2 standard errors, 6 runs");
  plotThrows(() => convergenceSpec(rows, { metric: "m", k: 0 }), "PLOT_BAD_OPTION", /k is 0/);
});

Deno.test("Plot displays as a Vega-Lite v5 + SVG + text bundle through Jupyter.display", async () => {
  const spec = scatterSpec(gridRows(), { metric: "final_radius_km", parameters: ["Sat.SMA"] });
  const plot = new Plot(spec);
  const display = (plot as unknown as Record<symbol, () => unknown>)[
    Symbol.for("Jupyter.display")
  ]();
  assert.ok(display instanceof Promise);
  const bundle = await display as Record<string, unknown>;
  assert.deepEqual(
    Object.keys(bundle).sort(),
    [
      VEGA_LITE_MIME,
      "image/svg+xml",
      "text/plain",
    ].sort(),
  );
  assert.equal(VEGA_LITE_MIME, "application/vnd.vegalite.v5+json");
  assert.equal(bundle[VEGA_LITE_MIME], spec);
  assert.equal(bundle["image/svg+xml"], await plot.toSVG());
  assert.equal(bundle["text/plain"], "Vega-Lite plot: final_radius_km vs Sat.SMA");
  assert.equal(JSON.stringify(plot), JSON.stringify(spec));
  // A spec Vega-Lite cannot compile still gives the spec, and the reason instead of an SVG.
  const broken = await plotBundle({ mark: "point", layer: "nonsense" } as unknown as VegaLiteSpec);
  assert.equal(broken["image/svg+xml"], undefined);
  assert.match(broken["text/plain"], /no SVG: Vega-Lite could not compile the plot/);
});
