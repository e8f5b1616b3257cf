/**
 * Sweep throughput: a 1000-run grid of leo_basic over Sat.SMA on the built-in engine with two
 * worker processes and every manifest entry synced to disk, end to end (workers started, every
 * run's report converted to Parquet, manifest appended and synced). Prints runs/s.
 *
 * Reference in the same run: the same 1000 runs done in this process, one after the other, with
 * no pool, no Parquet and no manifest (the engine's own cost), so the ratio shows the price of
 * the durable, parallel machinery.
 *
 * Run: `deno run -A scripts/bench_sweep.ts [--runs 1000] [--workers 2]`
 *
 * @module
 */

import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { runScriptText } from "../src/engine/mod.ts";
import { gridRunSet } from "../src/runset/mod.ts";
import { insertOverrides } from "../src/script/mod.ts";
import { Sweep } from "../src/sweep/mod.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { runs: { type: "string" }, workers: { type: "string" } },
});
const runs = Number(values.runs ?? 1000);
const workers = Number(values.workers ?? 2);
const root = resolve(new URL("..", import.meta.url).pathname);
const script = join(root, "fixtures/scripts/leo_basic.script");
const smas = Array.from({ length: runs }, (_, i) => 7000 + (1000 * i) / Math.max(runs - 1, 1));

const out = await Deno.makeTempDir({ prefix: "gmat-sweep-bench-" });
let firstDone: number | undefined;
const sweep = await Sweep.create(script, gridRunSet({ "Sat.SMA": smas }), {
  outputDir: out,
  engine: "builtin",
  workers,
  fsync: "each",
  onProgress: (p) => {
    if (p.done === 1) firstDone = p.elapsedS;
  },
});
const summary = await sweep.run();
const sweepRate = summary.ran / summary.wallS;
const steadyRate = (summary.ran - 1) / (summary.wallS - (firstDone ?? 0));

const text = await Deno.readTextFile(script);
const scratch = await Deno.makeTempDir({ prefix: "gmat-sweep-bench-ref-" });
const t0 = performance.now();
for (const sma of smas) {
  await runScriptText(insertOverrides(text, { "Sat.SMA": sma }), script, { outputDir: scratch });
}
const refS = (performance.now() - t0) / 1000;
const refRate = runs / refS;

console.log(`| measure | value |`);
console.log(`|---|---|`);
console.log(
  `| sweep: ${runs} runs, ${workers} workers, fsync each | ${summary.wallS.toFixed(2)} s, **${
    sweepRate.toFixed(0)
  } runs/s** (${summary.ok} ok) |`,
);
console.log(
  `| the same after the first outcome (excludes ${((firstDone ?? 0) * 1000).toFixed(0)} ms of ` +
    `worker start-up) | ${steadyRate.toFixed(0)} runs/s |`,
);
console.log(
  `| reference: same runs in one process, no pool/Parquet/manifest | ${refS.toFixed(2)} s, ${
    refRate.toFixed(0)
  } runs/s |`,
);
console.log(`| ratio sweep / reference throughput | ${(sweepRate / refRate).toFixed(2)} |`);
await Deno.remove(out, { recursive: true });
await Deno.remove(scratch, { recursive: true });
