/**
 * The per-run cost of the hook stage: a leo_basic grid on the built-in engine with two workers,
 * in one process, one after the other:
 *
 * - without a hook (the reference);
 * - the acceptance story's hook (`examples/downstream_pipeline.ts#deriveOrbitMetrics`: read the
 *   run's report Parquet, compute |r|, write a one-row Parquet) with per-run isolation (a fresh
 *   worker per run, the default) and with `isolation: "sweep"` (one long-lived worker per slot);
 * - the same hook written against apache-arrow and parquet-wasm (`scripts/_bench_arrow_hook.ts`:
 *   what every hook worker loaded before the helpers read our own layout), per-run isolation.
 *
 * For each: wall time, runs/s, the ratio to the unhooked rate, and CPU: user + system time of
 * this process and all its (waited-for) children, the pool's workers and the hook sandboxes, from
 * `/proc/self/stat`. "CPU per hooked run" is the hooked sweep's CPU minus the unhooked one's,
 * divided by the runs (least CPU of the rounds). The sweeps run in `--repeat` rounds (default 3),
 * each round the reference and every variant back to back, so a round's hooked/unhooked ratio
 * compares sweeps under the same load (the machine is shared); the median is reported.
 *
 * Run: `deno run -A scripts/bench_hooks.ts [--runs 200] [--workers 2] [--repeat 3]`
 *
 * @module
 */

import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { gridRunSet, linspace } from "../src/runset/mod.ts";
import { Sweep } from "../src/sweep/mod.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    runs: { type: "string" },
    workers: { type: "string" },
    repeat: { type: "string" },
  },
});
const runs = Number(values.runs ?? 200);
const workers = Number(values.workers ?? 2);
const repeat = Number(values.repeat ?? 3);
const root = resolve(new URL("..", import.meta.url).pathname);
const script = join(root, "examples/leo_basic.script");
const story = join(root, "examples/downstream_pipeline.ts") + "#deriveOrbitMetrics";
const arrowHook = join(root, "scripts/_bench_arrow_hook.ts") + "#deriveOrbitMetrics";
const grid = gridRunSet({ "Sat.SMA": linspace(6900, 7500, runs) });
const TICK_MS = 10; // CLK_TCK 100 on Linux

/** CPU ms of this process and its waited-for children so far. */
function cpuMs(): number {
  const stat = Deno.readTextFileSync("/proc/self/stat");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime, stime, cutime, cstime are fields 14-17 (1-based), 12-15 after the command.
  return fields.slice(11, 15).reduce((s, f) => s + Number(f), 0) * TICK_MS;
}

interface Measure {
  wallS: number;
  cpuMs: number;
}

async function once(postprocess?: string, isolation?: "run" | "sweep"): Promise<Measure> {
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-bench-hooks-" });
  try {
    const c0 = cpuMs();
    const sweep = await Sweep.create(script, grid, {
      outputDir: out,
      engine: "builtin",
      workers,
      postprocess,
      postprocessIsolation: isolation,
    });
    const summary = await sweep.run();
    const cpu = cpuMs() - c0;
    const entries = (await sweep.manifest()).entries;
    const hooked = entries.filter((e) => e.postprocess_status === "ok").length;
    if (summary.ok !== runs || (postprocess && hooked !== runs)) {
      throw new Error(`expected ${runs} ok runs (and hooks), got ${summary.ok} / ${hooked}`);
    }
    return { wallS: summary.wallS, cpuMs: cpu };
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await once(); // warm the module cache and the engine's data
const names = [
  "story hook, per-run isolation",
  "story hook, sweep isolation",
  "arrow + parquet-wasm hook, per-run isolation",
];
const hooks: [string | undefined, "run" | "sweep" | undefined][] = [
  [story, "run"],
  [story, "sweep"],
  [arrowHook, "run"],
];
// Interleaved: each round measures the reference and every variant back to back, so a ratio
// compares sweeps that ran under the same load; the median round's ratio is reported.
const plain: Measure[] = [];
const measured: Measure[][] = hooks.map(() => []);
for (let round = 0; round < repeat; round++) {
  plain.push(await once());
  for (const [i, [hook, isolation]] of hooks.entries()) {
    measured[i].push(await once(hook, isolation));
  }
}
const rate = (m: Measure) => runs / m.wallS;
const cpu = (ms: Measure[]) => Math.min(...ms.map((m) => m.cpuMs));
console.log(
  `${runs} runs, ${workers} workers, ${repeat} interleaved rounds (medians; least CPU)\n`,
);
console.log("| variant | runs/s | hooked/unhooked | CPU ms per run | hook CPU ms per run |");
console.log("|---|--:|--:|--:|--:|");
console.log(
  `| without a hook | ${median(plain.map(rate)).toFixed(1)} | 1 | ` +
    `${(cpu(plain) / runs).toFixed(1)} | 0 |`,
);
for (const [i, name] of names.entries()) {
  const ms = measured[i];
  const ratio = median(ms.map((m, r) => rate(m) / rate(plain[r])));
  console.log(
    `| ${name} | ${median(ms.map(rate)).toFixed(1)} | ${ratio.toFixed(3)} | ` +
      `${(cpu(ms) / runs).toFixed(1)} | ${((cpu(ms) - cpu(plain)) / runs).toFixed(1)} |`,
  );
}
