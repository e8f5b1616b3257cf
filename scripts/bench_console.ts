/**
 * GmatConsole per worker: one long-lived interactive console against a fresh GmatConsole per
 * run, same run, same machine, in the same process. The GMAT install is the built-in engine's
 * console laid out as one (`makeGmatInstall`), so what is measured is the driver's cost per run
 * in each mode plus the stand-in console's own start-up (a Deno process loading the engine),
 * not GMAT's. Each mode runs leo_basic `--runs` times on one worker (the driver's calls in
 * sequence: prepare the run directory, run, read what GmatConsole left), alternating the modes
 * `--repeats` times; prints runs/s per worker for each and the ratio per repeat.
 *
 * Also, with `--sweep`, the same comparison through whole sweeps on `--workers` workers
 * (manifest, Parquet and all).
 *
 * Run: `deno run -A scripts/bench_console.ts [--runs 40] [--repeats 3] [--sweep] [--workers 2]`
 *
 * @module
 */

import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { makeGmatInstall } from "../src/engine/mod.ts";
import {
  GmatConsoleSession,
  type GmatInstall,
  locateGmat,
  prepareGmatRun,
  runGmatConsole,
} from "../src/gmat/mod.ts";
import { gridRunSet, linspace } from "../src/runset/mod.ts";
import { Sweep } from "../src/sweep/mod.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    runs: { type: "string" },
    repeats: { type: "string" },
    sweep: { type: "boolean" },
    workers: { type: "string" },
  },
});
const runs = Number(values.runs ?? 40);
const repeats = Number(values.repeats ?? 3);
const workers = Number(values.workers ?? 2);
const root = resolve(new URL("..", import.meta.url).pathname);
const script = join(root, "fixtures/scripts/leo_basic.script");
const text = await Deno.readTextFile(script);

const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-bench-console-" });
const install: GmatInstall = await locateGmat({ root: await makeGmatInstall(join(dir, "gmat")) });

type Mode = "interactive" | "process-per-run";

async function driver(mode: Mode, repeat: number): Promise<number> {
  const base = join(dir, `${mode}-${repeat}`);
  await using session = new GmatConsoleSession(install);
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    const prepared = await prepareGmatRun(install, {
      scriptText: text,
      scriptFile: script,
      overrides: { "Sat.SMA": 7000 + i },
      runDir: join(base, `run-${i}`),
      mode,
    });
    const result = mode === "interactive"
      ? await session.run(prepared, { timeoutMs: 60_000 })
      : await runGmatConsole(install, prepared, { timeoutMs: 60_000 });
    if (!result.ok) throw new Error(`${mode} run ${i}: ${result.reason}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  if (mode === "interactive" && session.starts !== 1) throw new Error("console restarted");
  return runs / seconds;
}

async function sweep(mode: Mode, repeat: number): Promise<number> {
  const s = await Sweep.create(script, gridRunSet({ "Sat.SMA": linspace(7000, 7300, runs) }), {
    outputDir: join(dir, `sweep-${mode}-${repeat}`),
    engine: "gmat",
    gmatRoot: install.root,
    workers,
    timeoutS: 60,
    processPerRun: mode === "process-per-run",
  });
  const t0 = performance.now();
  const summary = await s.run();
  const seconds = (performance.now() - t0) / 1000;
  if (summary.ok !== runs) throw new Error(`${mode} sweep: ${summary.ok} of ${runs} ok`);
  return runs / seconds / workers;
}

const fmt = (x: number) => x.toFixed(1).padStart(7);
console.log(`leo_basic, ${runs} runs per measure, built-in console as GmatConsole`);
console.log("driver, one worker (runs/s): interactive | process-per-run | ratio");
for (let r = 0; r < repeats; r++) {
  const a = await driver("interactive", r);
  const b = await driver("process-per-run", r);
  console.log(`  repeat ${r + 1}: ${fmt(a)} | ${fmt(b)} | ${(a / b).toFixed(1)}x`);
}
if (values.sweep) {
  console.log(
    `sweep, ${workers} workers (runs/s per worker): interactive | process-per-run | ratio`,
  );
  for (let r = 0; r < repeats; r++) {
    const a = await sweep("interactive", r);
    const b = await sweep("process-per-run", r);
    console.log(`  repeat ${r + 1}: ${fmt(a)} | ${fmt(b)} | ${(a / b).toFixed(1)}x`);
  }
}
await Deno.remove(dir, { recursive: true });
