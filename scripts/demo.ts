/**
 * The main job: a real sweep. A 16-point grid over `Sat.SMA` (7000..7300 km) of the
 * acceptance-story LEO script, on the built-in engine, through the local pool of worker
 * processes, with a durable manifest; then the stitched (run_id, time) table, its largest
 * difference from the Python gmat-sweep's GMAT golden table, and a Monte Carlo dispersion
 * extended from 8 to 16 runs.
 *
 * Run: `npm run demo` (or `deno task demo`). Outputs land in `.out/demo/`.
 *
 * @module
 */

import { join, resolve } from "node:path";
import { gridRunSet, linspace, monteCarloRunSet } from "../src/runset/mod.ts";
import { Sweep } from "../src/sweep/mod.ts";
import { readParquet } from "../src/table/mod.ts";

const root = resolve(new URL("..", import.meta.url).pathname);
const script = join(root, "fixtures/scripts/leo_basic.script");
const outDir = join(root, ".out/demo");
await Deno.remove(outDir, { recursive: true }).catch(() => {});

console.log(`gmat-sweep demo: ${script}`);
const grid = await Sweep.create(script, gridRunSet({ "Sat.SMA": linspace(7000, 7300, 16) }), {
  outputDir: join(outDir, "grid"),
  engine: "builtin",
  workers: 2,
});
const g = await grid.run();
console.log(
  `grid: ${g.ok} ok, ${g.failed} failed in ${g.wallS.toFixed(2)} s -> ${grid.manifestPath}`,
);
const table = await grid.toTable();
console.log(`stitched table: ${table.numRows} rows x ${table.numCols} columns`);
console.log("run  time (UTC)                  Sat.EarthMJ2000Eq.X   Sat.Earth.SMA   __status");
const time = table.getChild("time")!, x = table.getChild("Sat.EarthMJ2000Eq.X")!;
const sma = table.getChild("Sat.Earth.SMA")!, status = table.getChild("__status")!;
const runId = table.getChild("run_id")!;
for (let i = 0; i < table.numRows; i += 3) {
  const last = i + 2;
  console.log(
    `${String(runId.get(last)).padStart(3)}  ${new Date(Number(time.get(last))).toISOString()}  ` +
      `${Number(x.get(last)).toFixed(9).padStart(18)}  ${Number(sma.get(last)).toFixed(6)}  ` +
      `${status.get(last)}`,
  );
}
const golden = await readParquet(join(root, "fixtures/golden/sma_16.parquet"));
let worst = 0;
for (const name of ["Sat.EarthMJ2000Eq.X", "Sat.EarthMJ2000Eq.Y", "Sat.EarthMJ2000Eq.Z"]) {
  const a = table.getChild(name)!.toArray(), b = golden.getChild(name)!.toArray();
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-3));
  }
}
console.log(`largest relative difference from GMAT's golden table: ${worst.toExponential(2)}`);

const perturb = {
  "Sat.SMA": { kind: "normal", mu: 7000, sigma: 5 },
  "Sat.INC": { kind: "uniform", lo: 28, hi: 29 },
} as const;
const mc = await Sweep.create(script, monteCarloRunSet(perturb, 8, 42), {
  outputDir: join(outDir, "mc"),
  engine: "builtin",
  workers: 2,
});
await mc.run();
const more = await Sweep.fromManifest(mc.manifestPath, script);
const ext = await more.extend(8);
const draws = (await more.manifest()).entries.sort((a, b) => a.run_id - b.run_id);
console.log(
  `monte carlo: 8 runs + extend(8) = ${draws.length} runs (${ext.ok} new ok); ` +
    `first draws Sat.SMA = ${
      draws.slice(0, 3).map((e) => Number(e.overrides["Sat.SMA"]).toFixed(6)).join(", ")
    }`,
);
