/**
 * The per-run cost of the hook stage: a 200-run leo_basic grid on the built-in engine with two
 * workers, once without a hook (the reference, in the same run) and once with the acceptance
 * story's hook (`examples/downstream_pipeline.ts#deriveOrbitMetrics`: read the run's report
 * Parquet, compute |r|, write a one-row Parquet) in its sandbox. Prints runs/s of both, the
 * ratio, and the hook's own mean duration per run.
 *
 * Run: `deno run -A scripts/bench_hooks.ts [--runs 200] [--workers 2]`
 *
 * @module
 */

import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { gridRunSet, linspace } from "../src/runset/mod.ts";
import { Sweep } from "../src/sweep/mod.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { runs: { type: "string" }, workers: { type: "string" } },
});
const runs = Number(values.runs ?? 200);
const workers = Number(values.workers ?? 2);
const root = resolve(new URL("..", import.meta.url).pathname);
const script = join(root, "examples/leo_basic.script");
const hook = Deno.env.get("BENCH_HOOK") ??
  join(root, "examples/downstream_pipeline.ts") + "#deriveOrbitMetrics";
const grid = gridRunSet({ "Sat.SMA": linspace(6900, 7500, runs) });

async function timed(postprocess: string | undefined) {
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-bench-hooks-" });
  try {
    const sweep = await Sweep.create(script, grid, {
      outputDir: out,
      engine: "builtin",
      workers,
      postprocess,
    });
    const summary = await sweep.run();
    const entries = (await sweep.manifest()).entries;
    const hooked = entries.filter((e) => e.postprocess_status === "ok").length;
    if (summary.ok !== runs || (postprocess && hooked !== runs)) {
      throw new Error(`expected ${runs} ok runs (and hooks), got ${summary.ok} / ${hooked}`);
    }
    return { wallS: summary.wallS, rate: runs / summary.wallS };
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

const plain = await timed(undefined);
const withHook = await timed(hook);
const perRunMs = (withHook.wallS - plain.wallS) / runs * 1000 * workers;
console.log(`| measure (${runs} runs, ${workers} workers) | value |`);
console.log(`|---|---|`);
console.log(`| without hook | ${plain.wallS.toFixed(2)} s, ${plain.rate.toFixed(0)} runs/s |`);
console.log(
  `| with the story's hook | ${withHook.wallS.toFixed(2)} s, ${withHook.rate.toFixed(1)} runs/s |`,
);
console.log(`| ratio with / without | ${(withHook.rate / plain.rate).toFixed(3)} |`);
console.log(`| hook stage, per run per worker | ${perRunMs.toFixed(0)} ms |`);
