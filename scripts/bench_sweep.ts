/**
 * Sweep throughput: a 1000-run grid of leo_basic over Sat.SMA on the built-in engine with two
 * worker processes and every manifest entry synced to disk, end to end (workers started, every
 * run's report converted to Parquet, manifest appended and synced). Prints runs/s.
 *
 * In the same run, alternating (`--repeats` pairs): the same sweep with entries synced in batches
 * of 50 (`--no-fsync-each`), so the ratio durable / batched is the price of making every entry
 * durable before it counts as done (group commit: entries finishing during a sync share the next
 * one). Wall and CPU (this process and its reaped workers, from /proc/self/stat) per variant.
 *
 * Reference in the same run: the same 1000 runs done in this process, one after the other, with
 * no pool, no Parquet and no manifest (the engine's own cost), so the ratio shows the price of
 * the durable, parallel machinery.
 *
 * Run: `deno run -A scripts/bench_sweep.ts [--runs 1000] [--workers 2] [--repeats 3]`
 *
 * @module
 */

import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { runScriptText } from "../src/engine/mod.ts";
import { gridRunSet } from "../src/runset/mod.ts";
import { insertOverrides } from "../src/script/mod.ts";
import { Sweep } from "../src/sweep/mod.ts";
import type { FsyncMode } from "../src/manifest/mod.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { runs: { type: "string" }, workers: { type: "string" }, repeats: { type: "string" } },
});
const runs = Number(values.runs ?? 1000);
const workers = Number(values.workers ?? 2);
const repeats = Number(values.repeats ?? 3);
const root = resolve(new URL("..", import.meta.url).pathname);
const script = join(root, "fixtures/scripts/leo_basic.script");
const smas = Array.from({ length: runs }, (_, i) => 7000 + (1000 * i) / Math.max(runs - 1, 1));

/** CPU seconds of this process and its reaped children (/proc/self/stat, clock ticks of 10 ms). */
function cpuSeconds(): number {
  const stat = Deno.readTextFileSync("/proc/self/stat");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
  return (f[11] + f[12] + f[13] + f[14]) / 100; // utime stime cutime cstime
}

interface Measured {
  wallS: number;
  cpuS: number;
  ok: number;
  firstS: number;
}

async function sweepOnce(fsync: FsyncMode): Promise<Measured> {
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-bench-" });
  let firstDone: number | undefined;
  const cpu0 = cpuSeconds();
  const sweep = await Sweep.create(script, gridRunSet({ "Sat.SMA": smas }), {
    outputDir: out,
    engine: "builtin",
    workers,
    fsync,
    onProgress: (p) => {
      if (p.done === 1) firstDone = p.elapsedS;
    },
  });
  const summary = await sweep.run();
  const cpuS = cpuSeconds() - cpu0;
  await Deno.remove(out, { recursive: true });
  return { wallS: summary.wallS, cpuS, ok: summary.ok, firstS: firstDone ?? 0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const durable: Measured[] = [];
const batched: Measured[] = [];
for (let r = 0; r < repeats; r++) {
  durable.push(await sweepOnce("each"));
  batched.push(await sweepOnce({ batch: 50 }));
}
const summary = {
  ran: runs,
  ok: durable[0].ok,
  wallS: median(durable.map((m) => m.wallS)),
};
const firstDone = median(durable.map((m) => m.firstS));
const sweepRate = summary.ran / summary.wallS;
const steadyRate = (summary.ran - 1) / (summary.wallS - (firstDone ?? 0));
const batchedWall = median(batched.map((m) => m.wallS));

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
  `| sweep: ${runs} runs, ${workers} workers, every entry durable (median of ${repeats}) | ${
    summary.wallS.toFixed(2)
  } s, **${sweepRate.toFixed(0)} runs/s** (${summary.ok} ok) |`,
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
console.log(
  `| same sweep, entries synced in batches of 50 (median of ${repeats}) | ` +
    `${batchedWall.toFixed(2)} s, ${(runs / batchedWall).toFixed(0)} runs/s |`,
);
console.log(
  `| **per-entry durable / batched, wall** (target <= 1.1) | **${
    (summary.wallS / batchedWall).toFixed(2)
  }** |`,
);
console.log(
  `| CPU s (driver + workers), durable / batched | ${
    median(durable.map((m) => m.cpuS)).toFixed(2)
  } / ${median(batched.map((m) => m.cpuS)).toFixed(2)} |`,
);
console.log(
  `| every pair (durable / batched wall s) | ${
    durable.map((d, i) => `${d.wallS.toFixed(2)}/${batched[i].wallS.toFixed(2)}`).join(", ")
  } |`,
);
await Deno.remove(scratch, { recursive: true });
