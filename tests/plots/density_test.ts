/**
 * Plots of large sweeps: above a few thousand runs a scatter panel is a 2D histogram (a bounded
 * number of cells, a much smaller SVG than one point per run) and a running mean is drawn from at most a
 * bounded number of steps without a point each, so the SVG stays small; every plot is sized for
 * a notebook and pads its scales so end points are drawn whole.
 */
import assert from "node:assert/strict";
import { convergenceSpec, renderSvg, type RunMetricRow, scatterSpec } from "../../src/plots/mod.ts";
import { itemCount, parseSvg, plotMarks } from "./_svg.ts";

/** Runs on a deterministic low-discrepancy cloud (golden-ratio sequence), metric = x + y. */
function cloud(n: number): RunMetricRow[] {
  return Array.from({ length: n }, (_, i) => {
    const sma = 7000 + 300 * ((i * 0.6180339887498949) % 1);
    const inc = 28 + ((i * 0.7548776662466927) % 1);
    return { runId: i, parameters: { "Sat.SMA": sma, "Sat.INC": inc }, value: sma + inc };
  });
}

async function svgOf(spec: Parameters<typeof renderSvg>[0]) {
  const text = await renderSvg(spec, { onWarning: (m) => assert.fail(m) });
  return { text, root: parseSvg(text) };
}

Deno.test("scatter: points up to the threshold, a 2D histogram of counts above it", async () => {
  const few = await svgOf(scatterSpec(cloud(500), { metric: "orbit_km", parameters: ["Sat.SMA"] }));
  assert.equal(itemCount(plotMarks(few.root), "symbol"), 500);

  const many = cloud(5000);
  const spec = scatterSpec(many, { metric: "orbit_km", parameters: ["Sat.SMA"] });
  const { text, root } = await svgOf(spec);
  const marks = plotMarks(root);
  assert.equal(itemCount(marks, "symbol"), 0, "no point per run");
  const cells = itemCount(marks, "rect");
  assert.ok(cells > 20 && cells <= 41 * 41, `${cells} cells`);
  assert.match(marks.titles[1], /5000 of 5000 runs with a value; runs per cell \(2D histogram\)/);
  assert.deepEqual(marks.legendTitles, ["runs"]);
  assert.ok(text.length < 400_000, `SVG of ${text.length} bytes`);
  const points = await svgOf(
    scatterSpec(many.slice(0, 2000), { metric: "orbit_km", parameters: ["Sat.SMA"] }),
  );
  assert.ok(text.length < points.text.length, "the histogram is smaller than 2000 points");
});

Deno.test("convergence: at most 2000 steps and no per-step points for long runs", async () => {
  const rows = Array.from({ length: 10_000 }, (_, i) => ({
    n: i + 1,
    mean: 7000 + 1 / (i + 1),
    se: i === 0 ? NaN : 1 / Math.sqrt(i + 1),
  }));
  const spec = convergenceSpec(rows, { metric: "Sat.Earth.SMA" });
  const values = (spec as { data: { values: { n: number }[] } }).data.values;
  assert.ok(values.length <= 2000);
  assert.equal(values.at(-1)!.n, 10_000, "the last step is kept");
  const { text, root } = await svgOf(spec);
  assert.equal(itemCount(plotMarks(root), "symbol"), 0);
  assert.ok(text.length < 400_000, `SVG of ${text.length} bytes`);
  assert.match(plotMarks(root).titles[1], /10000 runs/);
});

Deno.test("plots are notebook-sized and pad their scales", async () => {
  const spec = scatterSpec(cloud(50), { metric: "orbit_km", parameters: ["Sat.SMA"] });
  const { root } = await svgOf(spec);
  const svg = root;
  assert.equal(svg.name, "svg");
  assert.ok(Number(svg.attrs.width) >= 560, `width ${svg.attrs.width}`);
  assert.ok(Number(svg.attrs.height) >= 340, `height ${svg.attrs.height}`);
  const json = JSON.stringify(spec);
  assert.match(json, /"padding":8/);
});
