/**
 * Manifest scale: `gmat-sweep show` and `gmat-sweep resume` on a synthetic manifest of 10^6
 * entries (a 1000 x 1000 grid of leo_basic over Sat.SMA and Sat.INC, entries as the sweep writes
 * them: overrides, output path, log path, size and SHA-256, timestamps, duration), the last two
 * runs missing so that resume reads the whole manifest, then runs exactly those two.
 *
 * Each command runs as a real CLI process under `/usr/bin/time`, which reports its CPU time (user
 * + system) and peak RSS; nothing else runs meanwhile. Targets: < 300 MB and < 10 s of CPU at
 * 10^6 entries.
 *
 * Run: `deno run -A scripts/bench_manifest.ts [--entries 1000000] [--keep]`
 *
 * @module
 */

import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { sortedJsonStringify } from "../src/manifest/mod.ts";
import { gridRunSet, linspace } from "../src/runset/mod.ts";
import { canonicalScriptFileSha256 } from "../src/script/mod.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { entries: { type: "string" }, keep: { type: "boolean" } },
});
const entries = Number(values.entries ?? 1_000_000);
const side = Math.ceil(Math.sqrt(entries));
const ROOT = resolve(new URL("..", import.meta.url).pathname);
const script = join(ROOT, "fixtures/scripts/leo_basic.script");
const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-bench-manifest-" });
const manifest = join(dir, "manifest.jsonl");

// The manifest, written in large chunks.
const grid = { "Sat.INC": linspace(28, 29, side), "Sat.SMA": linspace(7000, 7300, side) };
const runSet = gridRunSet(grid);
const header = {
  backend: "LocalPool",
  backend_settings: { process_per_run: false, timeout_s: null, workers: 2 },
  created_at: "2026-01-01T00:00:00.000Z",
  deno_version: Deno.version.deno,
  engine: { kind: "builtin", version: "builtin-0.1.0" },
  gmat_install_version: "builtin-0.1.0",
  gmat_run_version: "n/a",
  gmat_sweep_version: "0.1.0",
  os_platform: "Linux",
  parameter_spec: runSet.parameterSpec(),
  postprocess: null,
  postprocess_permissions: [],
  python_version: null,
  run_count: runSet.size,
  schema_version: 1,
  script_path: script,
  script_sha256: await canonicalScriptFileSha256(script),
  sweep_seed: null,
};
const t0 = performance.now();
{
  using file = await Deno.open(manifest, { write: true, create: true, truncate: true });
  const encoder = new TextEncoder();
  let chunk = sortedJsonStringify(header) + "\n";
  const recorded = Math.min(entries, runSet.size) - 2;
  for (let id = 0; id < recorded; id++) {
    const rel = `run-${id}/report__RF.parquet`;
    chunk += sortedJsonStringify({
      attempt: 1,
      context: {},
      duration_s: 0.0123 + (id % 97) * 1e-4,
      ended_at: "2026-01-01T00:10:00.123Z",
      extra_outputs: {},
      log_path: `run-${id}/worker.log`,
      output_digests: {
        [rel]: { sha256: (id * 2654435761 >>> 0).toString(16).padStart(64, "0"), size: 43211 },
      },
      output_paths: { report__RF: rel },
      overrides: runSet.spec(id).overrides,
      postprocess: null,
      postprocess_error: null,
      postprocess_log_path: null,
      postprocess_status: "none",
      run_id: id,
      started_at: "2026-01-01T00:09:59.111Z",
      status: id % 1000 === 999 ? "skipped" : "ok",
      stderr: null,
    }) + "\n";
    if (chunk.length > 4_000_000) {
      await file.write(encoder.encode(chunk));
      chunk = "";
    }
  }
  await file.write(encoder.encode(chunk));
}
const bytes = (await Deno.stat(manifest)).size;
console.error(
  `wrote ${entries} entries (${(bytes / 1e6).toFixed(0)} MB) in ` +
    `${((performance.now() - t0) / 1000).toFixed(1)} s: ${manifest}`,
);

/** Run the CLI under /usr/bin/time: wall, CPU and peak RSS. */
async function measure(args: string[]): Promise<{ wall: number; cpu: number; rssMb: number }> {
  const out = await new Deno.Command("/usr/bin/time", {
    args: ["-f", "%e %U %S %M", Deno.execPath(), "run", "-A", join(ROOT, "cli.ts"), ...args],
    env: { DENO_NO_PACKAGE_JSON: "1", NO_COLOR: "1" },
    stdout: "null",
    stderr: "piped",
  }).output();
  const lines = new TextDecoder().decode(out.stderr).trim().split("\n");
  if (!out.success) throw new Error(`${args.join(" ")} failed:\n${lines.join("\n")}`);
  const [wall, user, sys, kb] = lines.at(-1)!.split(" ").map(Number);
  return { wall, cpu: user + sys, rssMb: kb / 1024 };
}

const rows: [string, Awaited<ReturnType<typeof measure>>][] = [];
rows.push(["--help (start-up only)", await measure(["--help"])]);
rows.push(["show MANIFEST", await measure(["show", manifest])]);
const middle = String(Math.floor(entries / 2));
rows.push([`show MANIFEST --run ${middle}`, await measure(["show", manifest, "--run", middle])]);
rows.push([
  "resume MANIFEST (index, then the 2 missing runs)",
  await measure([
    "resume",
    manifest,
    "--script",
    script,
    "--engine",
    "builtin",
    "--workers",
    "1",
    "-q",
  ]),
]);
console.log(
  `| ${entries.toLocaleString("en-US")} entries, ${
    (bytes / 1e6).toFixed(0)
  } MB | wall s | CPU s | peak RSS MB |`,
);
console.log("|---|---:|---:|---:|");
for (const [what, m] of rows) {
  console.log(`| ${what} | ${m.wall.toFixed(2)} | ${m.cpu.toFixed(2)} | ${m.rssMb.toFixed(0)} |`);
}
if (!values.keep) await Deno.remove(dir, { recursive: true });
