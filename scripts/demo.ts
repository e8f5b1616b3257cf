/**
 * The main job: a 16-point grid over `Sat.SMA` (7000..7300 km) of the acceptance-story LEO
 * script, each run on the built-in engine in its own directory, then one table of the final rows
 * and the largest difference from the Python gmat-sweep's GMAT golden table.
 *
 * Run: `deno task demo` (or `npm run demo`). Outputs land in `.out/demo/run-<id>/`.
 *
 * @module
 */

import { join, resolve } from "node:path";
import { runScriptText } from "../src/engine/mod.ts";
import { parseReportFile } from "../src/formats/mod.ts";
import { insertOverrides } from "../src/script/mod.ts";

const root = resolve(new URL("..", import.meta.url).pathname);
const scriptPath = join(root, "fixtures/scripts/leo_basic.script");
const outDir = join(root, ".out/demo");
const script = await Deno.readTextFile(scriptPath);
const golden = (await Deno.readTextFile(join(root, "fixtures/golden/sma_16.csv")))
  .trim().split("\n").slice(1).map((l) => l.split(","));

await Deno.remove(outDir, { recursive: true }).catch(() => {});
const t0 = performance.now();
let worst = 0;
console.log(`gmat-sweep demo: 16 runs of ${scriptPath} on the built-in engine`);
console.log("run  Sat.SMA   final UTC                  X (km)              SMA (km)");
for (let runId = 0; runId < 16; runId++) {
  const sma = 7000 + 20 * runId;
  const dir = join(outDir, `run-${runId}`);
  await Deno.mkdir(dir, { recursive: true });
  const text = insertOverrides(script, { "Sat.SMA": sma });
  const runScript = join(dir, "leo_basic.script");
  await Deno.writeTextFile(runScript, text);
  const result = await runScriptText(text, runScript, { outputDir: dir });
  const report = result.outputs.find((o) => o.kind === "report")!;
  const table = parseReportFile(await Deno.readTextFile(report.path), report.path);
  const rows = golden.filter((g) => Number(g[0]) === runId);
  table.rows.forEach((row, i) => {
    for (let c = 1; c < 6; c++) {
      const g = Number(rows[i][c + 2]);
      worst = Math.max(worst, Math.abs(Number(row[c]) - g) / Math.max(Math.abs(g), 1e-3));
    }
  });
  const last = table.rows[table.rows.length - 1];
  console.log(
    `${String(runId).padStart(3)}  ${String(sma).padEnd(8)}  ${last[0]}   ` +
      `${Number(last[1]).toFixed(9).padEnd(18)}  ${Number(last[4]).toFixed(9)}`,
  );
}
const seconds = (performance.now() - t0) / 1000;
console.log(`16 runs ok in ${seconds.toFixed(2)} s; outputs in ${outDir}`);
console.log(`largest relative difference from GMAT's golden table: ${worst.toExponential(2)}`);
