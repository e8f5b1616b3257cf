/**
 * SLURM backend throughput: a 200-run grid of leo_basic over Sat.SMA on the built-in engine,
 * through the SLURM pool on this machine's one-node cluster (scripts/slurm-dev-cluster.sh, started
 * here when it is not up) against the local pool with as many workers as the node has CPUs.
 * Each row runs every job to its outcome (engine, Parquet conversion, worker.log); SLURM rows
 * include submission, scheduling, one Deno start per array task and the outcome-file handoff.
 * Prints a markdown table of wall time, runs/s and the time to the first outcome.
 *
 * Run: `deno run -A scripts/bench_slurm.ts [--runs 200] [--runs-per-task 1,10]`
 *
 * @module
 */

import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { LocalPool, type RunJob, SlurmPool } from "../src/pool/mod.ts";
import type { RunOutcome } from "../src/runs/mod.ts";
import { gridRunSet } from "../src/runset/mod.ts";
import { canonicalScriptFileSha256 } from "../src/script/mod.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { runs: { type: "string" }, "runs-per-task": { type: "string" } },
});
const runs = Number(values.runs ?? 200);
const bundles = (values["runs-per-task"] ?? "1,10").split(",").map(Number);
const root = resolve(new URL("..", import.meta.url).pathname);
const script = join(root, "fixtures/scripts/leo_basic.script");
const sha = await canonicalScriptFileSha256(script);

const start = await new Deno.Command("bash", {
  args: [join(root, "scripts/slurm-dev-cluster.sh"), "start"],
  stdout: "piped",
  stderr: "piped",
}).output();
const startLog = new TextDecoder().decode(start.stdout) + new TextDecoder().decode(start.stderr);
if (!start.success) {
  console.error(`the SLURM dev cluster could not be started:\n${startLog}`);
  Deno.exit(1);
}
const conf = /export SLURM_CONF=(\S+)/.exec(startLog)?.[1];
if (conf) Deno.env.set("SLURM_CONF", conf);
const cpus = Number(
  new TextDecoder().decode(
    (await new Deno.Command("sinfo", { args: ["-h", "-o", "%c"], stdout: "piped" }).output())
      .stdout,
  ).trim().split("\n")[0],
) || navigator.hardwareConcurrency;

function jobs(out: string): RunJob[] {
  const smas = Array.from({ length: runs }, (_, i) => 7000 + (1000 * i) / Math.max(runs - 1, 1));
  return [...gridRunSet({ "Sat.SMA": smas }).specs()].map((spec) => ({
    spec,
    scriptPath: script,
    scriptSha256: sha,
    runDir: join(out, `run-${spec.runId}`),
    engine: { kind: "builtin" },
    attempt: 1,
    timeoutMs: null,
  }));
}

interface Row {
  readonly backend: string;
  readonly wallS: number;
  readonly firstS: number;
  readonly ok: number;
}

async function measure(
  backend: string,
  run: (jobs: RunJob[]) => AsyncGenerator<RunOutcome>,
): Promise<Row> {
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-bench-slurm-" });
  const list = jobs(out);
  const t0 = performance.now();
  let first = 0, ok = 0;
  for await (const o of run(list)) {
    if (first === 0) first = performance.now() - t0;
    if (o.status === "ok") ok++;
  }
  const wallS = (performance.now() - t0) / 1000;
  await Deno.remove(out, { recursive: true });
  return { backend, wallS, firstS: first / 1000, ok };
}

const rows: Row[] = [];
const local = new LocalPool({ workers: cpus });
rows.push(await measure(`local pool, ${cpus} workers`, (j) => local.run(j)));
await local.close();
for (const k of bundles) {
  const spool = await Deno.makeTempDir({ prefix: "gmat-sweep-bench-spool-" });
  const pool = new SlurmPool({
    spoolDir: spool,
    sweepId: `bench-${k}`,
    runsPerTask: k,
    pollMs: 100,
  });
  rows.push(
    await measure(
      `SLURM, ${cpus}-CPU node, ${k} run${k > 1 ? "s" : ""} per task`,
      (j) => pool.run(j),
    ),
  );
  await pool.close();
  await Deno.remove(spool, { recursive: true });
}

console.log(`${runs}-run leo_basic grid (built-in engine), ${Deno.build.os}, ${cpus} CPUs\n`);
console.log("| backend | wall s | runs/s | first outcome s | ok |");
console.log("|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.backend} | ${r.wallS.toFixed(1)} | **${(runs / r.wallS).toFixed(1)}** | ${
      r.firstS.toFixed(2)
    } | ${r.ok}/${runs} |`,
  );
}
