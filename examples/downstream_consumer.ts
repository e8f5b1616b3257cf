/**
 * The acceptance story end to end, on the built-in engine, printing the numbers of each step:
 *
 * 1. the minimal LEO script (`examples/leo_basic.script`) and the hook
 *    (`examples/downstream_pipeline.ts#deriveOrbitMetrics`);
 * 2. a five-point grid over Sat.SMA with the hook: the (run_id, time) report table and the
 *    run_id-keyed `orbit_metrics` table from the same manifest;
 * 3. a twelve-run grid launched as a separate `cli.ts` process with one worker, manifest and run
 *    tree in different directories, interrupted with SIGINT once four runs are in the manifest;
 * 4. resume from the manifest with the script and the output directory: the recorded hook is
 *    re-applied, only the missing runs run;
 * 5. the ECC 0.02 variant and the comparison of mean radius spans, both arms in one table.
 *
 * Run: `deno run -A examples/downstream_consumer.ts [--out DIR]` (default `.out/story`).
 *
 * @module
 */

import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import * as arrow from "apache-arrow";
import { gridRunSet, linspace, readManifest, Sweep, sweep } from "../mod.ts";

const HERE = new URL(".", import.meta.url).pathname;
const SCRIPT = join(HERE, "leo_basic.script");
const HOOK = `${join(HERE, "downstream_pipeline.ts")}#deriveOrbitMetrics`;
const CLI = join(HERE, "..", "cli.ts");

const { values } = parseArgs({ args: Deno.args, options: { out: { type: "string" } } });
const root = resolve(values.out ?? join(HERE, "..", ".out", "story"));
await Deno.remove(root, { recursive: true }).catch(() => {});
await Deno.mkdir(root, { recursive: true });

function column(table: arrow.Table, name: string): unknown[] {
  return Array.from(table.getChild(name)!.toArray() as ArrayLike<unknown>);
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

// Step 2: a five-point grid with the hook.
console.log("step 2: five-point grid over Sat.SMA with the orbit-metrics hook");
const five = await sweep(SCRIPT, {
  grid: { "Sat.SMA": linspace(6900, 7300, 5) },
  outputDir: join(root, "five"),
  engine: "builtin",
  workers: 2,
  postprocess: HOOK,
});
const report = five.table!;
const okRows = column(report, "__status").filter((s) => s === "ok").length;
console.log(`  report table: ${report.numRows} rows (${okRows} ok) for ${five.summary.ran} runs`);
const metrics = await five.sweep.toExtraOutputs("orbit_metrics");
console.log(`  orbit_metrics table: ${metrics.numRows} rows, columns ${metrics.schema.names}`);
const firstEntry = (await five.sweep.manifest()).entries.find((e) => e.run_id === 0)!;
console.log(
  `  run 0: output_paths ${JSON.stringify(firstEntry.output_paths)}, extra_outputs ` +
    `${
      JSON.stringify(firstEntry.extra_outputs)
    }, postprocess_status ${firstEntry.postprocess_status}`,
);

// Step 3: twelve runs in a child process, interrupted after four entries.
console.log("step 3: twelve-run grid in a child process, SIGINT after four entries");
const manifestDir = join(root, "manifests");
const treeDir = join(root, "runs");
const manifestPath = join(manifestDir, "baseline.jsonl");
const child = new Deno.Command(Deno.execPath(), {
  args: [
    "run",
    "-A",
    CLI,
    "run",
    SCRIPT,
    "--grid",
    "Sat.SMA=6900:7450:12",
    "--out",
    treeDir,
    "--manifest",
    manifestPath,
    "--workers",
    "1",
    "--engine",
    "builtin",
    "--quiet",
    "--postprocess",
    HOOK,
  ],
  stdout: "null",
  stderr: "piped",
}).spawn();
// Entries arrive every 15 ms or so: watch closely (complete lines after the header).
for (let seen = 0; seen < 4;) {
  await new Promise((r) => setTimeout(r, 1));
  seen = await Deno.readTextFile(manifestPath).then((t) => t.split("\n").length - 2, () => 0);
}
child.kill("SIGINT");
const status = await child.status;
const atKill = await readManifest(manifestPath);
console.log(
  `  child exit code ${status.code}; manifest: header hook ${atKill.header.postprocess}, ` +
    `${atKill.header.run_count} planned, ${atKill.entries.length} entries, each with ` +
    `orbit_metrics: ${atKill.entries.every((e) => "orbit_metrics" in e.extra_outputs)}`,
);

// Step 4: resume with the script and the output directory; the recorded hook is re-applied.
console.log("step 4: resume (the manifest's hook is re-applied)");
const baseline = await Sweep.fromManifest(manifestPath, SCRIPT, { outputDir: treeDir, workers: 2 });
const resumed = await baseline.resume();
const after = await baseline.manifest();
const baseReport = await baseline.toTable();
const baseMetrics = await baseline.toExtraOutputs("orbit_metrics");
const allOk = after.entries.every((e) => e.status === "ok" && e.postprocess_status === "ok");
console.log(
  `  resumed ${resumed.ran} runs; ${after.entries.length} entries, ${baseReport.numRows} report ` +
    `rows, ${baseMetrics.numRows} orbit_metrics rows, all ok: ${allOk}`,
);

// Step 5: the ECC 0.02 variant, and both arms in one table.
console.log("step 5: sensitivity variant with Sat.ECC = 0.02");
const variant = await Sweep.create(
  SCRIPT,
  gridRunSet({ "Sat.ECC": [0.02], "Sat.SMA": linspace(6900, 7450, 12) }),
  { outputDir: join(root, "variant"), engine: "builtin", workers: 2, postprocess: HOOK },
);
await variant.run();
const variantMetrics = await variant.toExtraOutputs("orbit_metrics");
const baseSpan = mean(column(baseMetrics, "radius_span_km") as number[]);
const variantSpan = mean(column(variantMetrics, "radius_span_km") as number[]);
console.log(
  `  mean radius_span_km: baseline ${baseSpan.toFixed(4)}, variant ${variantSpan.toFixed(4)}, ` +
    `ratio ${(variantSpan / baseSpan).toFixed(1)}x`,
);
const arms = [["baseline", baseMetrics], ["ecc_0.02", variantMetrics]] as const;
const both = new arrow.Table({
  arm: arrow.vectorFromArray(arms.flatMap(([a, t]) => Array(t.numRows).fill(a)), new arrow.Utf8()),
  run_id: arrow.vectorFromArray(arms.flatMap(([, t]) => column(t, "run_id")), new arrow.Int64()),
  radius_span_km: arrow.vectorFromArray(
    arms.flatMap(([, t]) => column(t, "radius_span_km")),
    new arrow.Float64(),
  ),
  final_radius_km: arrow.vectorFromArray(
    arms.flatMap(([, t]) => column(t, "final_radius_km")),
    new arrow.Float64(),
  ),
});
console.log(`  both arms: ${both.numRows} rows keyed by (arm, run_id)`);
console.log(`story done: outputs under ${root}`);
