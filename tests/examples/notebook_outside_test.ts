/**
 * A notebook outside the repository on the real Deno Jupyter kernel: it imports gmat-sweep by
 * absolute path (no config of ours), runs a sweep whose progress is one display updated in place
 * (its executed output is the final state), and displays the table (index and status columns
 * first, head and tail rows) and a scatter plot (notebook-sized SVG with its axis titles, and the
 * Vega-Lite spec).
 *
 * Needs /usr/bin/python3 with nbclient (scripts/install_test_deps.sh): ignored locally without
 * it, a failure in CI.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { ignoreUnless, requireComponent } from "../_support/components.ts";
import { ROOT } from "../_support/engine.ts";
import {
  joinText,
  JUPYTER_AVAILABLE,
  JUPYTER_COMPONENT,
  runNotebook,
} from "../_support/jupyter.ts";
import { parseSvg, plotMarks } from "../plots/_svg.ts";

const ignore = ignoreUnless(JUPYTER_AVAILABLE);

function cell(source: string, id: string) {
  return { id, cell_type: "code", metadata: {}, source, outputs: [], execution_count: null };
}

Deno.test({
  name: "notebook outside the repository: progress in place, table display and plot",
  ignore,
  sanitizeResources: false,
}, async () => {
  requireComponent(JUPYTER_AVAILABLE, JUPYTER_COMPONENT);
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-notebook-outside-" });
  const mod = join(ROOT, "mod.ts");
  const leo = join(ROOT, "fixtures", "scripts", "leo_basic.script");
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    cells: [
      cell(
        `import { sweep, sweepPlot } from ${JSON.stringify(mod)};\n` +
          `const res = await sweep(${JSON.stringify(leo)}, {\n` +
          `  grid: { "Sat.SMA": [7000, 7050, 7100, 7150, 7200, 7250] },\n` +
          `  outputDir: "out", engine: "builtin", workers: 2,\n});\nres.summary.ok`,
        "sweep",
      ),
      cell("res.table", "table"),
      cell(`await sweepPlot("scatter", "out/manifest.jsonl", { metric: "Sat.Earth.SMA" })`, "plot"),
    ],
  };
  const path = join(dir, "study.ipynb");
  await Deno.writeTextFile(path, JSON.stringify(notebook));
  const run = await runNotebook(path, { timeoutS: 180, cwd: dir });
  const [sweepCell, tableCell, plotCell] = run.codeCells;

  // Progress: one display (not one per update), left at its final state, before the result.
  const progress = sweepCell.outputs.filter((o) =>
    o.output_type === "display_data" && /gmat-sweep out \[/.test(joinText(o.data?.["text/plain"]))
  );
  assert.equal(progress.length, 1, JSON.stringify(sweepCell.outputs));
  assert.match(joinText(progress[0].data?.["text/plain"]), /\[#{24}\] 6\/6 ok 6 /);
  assert.match(joinText(progress[0].data?.["text/html"]), /<progress value="6" max="6"/);
  assert.ok(sweepCell.plain.includes("6"), sweepCell.plain.join("|"));

  // The table: index, then status, first; a gap between head and tail rows.
  const html = tableCell.html.join("");
  const headers = [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
  assert.deepEqual(headers.slice(0, 3), ["run_id", "time", "__status"]);
  assert.match(html, /… \d+ rows/);
  assert.match(html, /overflow-x:auto/);

  // The plot: SVG sized for a notebook, one point per run, titles with units once.
  const svgOut = plotCell.outputs.find((o) => o.data?.["image/svg+xml"] !== undefined);
  assert.ok(svgOut, "the plot displays as SVG");
  const svg = parseSvg(joinText(svgOut.data!["image/svg+xml"]));
  assert.ok(Number(svg.attrs.width) >= 560);
  const marks = plotMarks(svg);
  assert.deepEqual(marks.axisTitles, ["Sat.SMA (km)", "Sat.Earth.SMA (km)"]);
  assert.deepEqual(marks.groups, [{ type: "symbol", items: 6 }]);
  assert.ok(svgOut.data!["application/vnd.vegalite.v5+json"] !== undefined);
  await Deno.remove(dir, { recursive: true });
});
