/**
 * Nothing recorded as done lacks its files, in a machine crash too: with the default durability
 * (`fsync: "each"`) every ok run's outputs, its hook's outputs and their directories are synced to
 * disk before the manifest entry that records them is written. Watched from outside with strace
 * on the real CLI (its worker processes and hook sandbox included): the order of the
 * `fdatasync` calls and the manifest's writes is the proof, since a power cut cannot be staged
 * here. With `--no-fsync-each` (batched syncs, documented to lose trailing entries) no output is
 * synced, which shows the probe tells the two apart.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT } from "../_support/engine.ts";
import { command } from "../_support/cli.ts";
import { ignoreUnless, requireComponent } from "../_support/components.ts";
import { LEO } from "../_support/sweep_tree.ts";

const STRACE = "/usr/bin/strace";
const hasStrace = (() => {
  try {
    return Deno.statSync(STRACE).isFile;
  } catch {
    return false;
  }
})();
const STORY = join(ROOT, "examples/downstream_pipeline.ts") + "#deriveOrbitMetrics";

interface Traced {
  /** Paths given to fdatasync/fsync, each with the index of its trace line. */
  syncs: { path: string; line: number }[];
  /** Run ids of entries in each write to the manifest, with the index of the trace line. */
  entryWrites: { runId: number; line: number }[];
}

/** Run the CLI under strace and pick the syncs and the manifest writes out of the trace. */
async function traced(out: string, extra: string[]): Promise<Traced> {
  const log = `${out}.strace`;
  const run = await command(STRACE, [
    "-f",
    "-y",
    "-qq",
    "-s",
    "100000",
    "-e",
    "trace=fdatasync,fsync,write",
    "-e",
    "signal=none",
    "-o",
    log,
    Deno.execPath(),
    "run",
    "-A",
    "--quiet",
    join(ROOT, "cli.ts"),
    "run",
    LEO,
    "--grid",
    "Sat.SMA=7000:7300:4",
    "--out",
    out,
    "--engine",
    "builtin",
    "--workers",
    "2",
    "-q",
    ...extra,
  ], { cwd: ROOT, env: { DENO_NO_PACKAGE_JSON: "1", NO_COLOR: "1" } });
  assert.equal(run.code, 0, run.stderr);
  const lines = (await Deno.readTextFile(log)).split("\n");
  const manifest = join(out, "manifest.jsonl");
  const syncs: Traced["syncs"] = [];
  const entryWrites: Traced["entryWrites"] = [];
  lines.forEach((text, line) => {
    const sync = /\b(?:fdatasync|fsync)\(\d+<([^>]*)>/.exec(text);
    if (sync) syncs.push({ path: sync[1], line });
    if (text.includes(`write(`) && text.includes(`<${manifest}>`)) {
      for (const m of text.matchAll(/\\"run_id\\": (\d+)/g)) {
        entryWrites.push({ runId: Number(m[1]), line });
      }
    }
  });
  return { syncs, entryWrites };
}

function firstSync(t: Traced, path: string): number | undefined {
  return t.syncs.find((s) => s.path === path)?.line;
}

Deno.test({
  name:
    "durable outputs: each run's outputs, hook outputs and directories are synced before its entry",
  ignore: ignoreUnless(hasStrace),
  fn: async () => {
    requireComponent(hasStrace, "strace (Debian package strace)");
    const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-durable-" });
    try {
      const out = join(dir, "each");
      const t = await traced(out, ["--postprocess", STORY]);
      assert.equal(new Set(t.entryWrites.map((w) => w.runId)).size, 4, "4 entries written");
      for (let id = 0; id < 4; id++) {
        const written = t.entryWrites.find((w) => w.runId === id)!.line;
        const runDir = join(out, `run-${id}`);
        for (
          const path of [join(runDir, "report__RF.parquet"), join(runDir, "orbit_metrics.parquet")]
        ) {
          const synced = firstSync(t, path);
          assert.ok(synced !== undefined, `${path} was never synced`);
          assert.ok(synced < written, `${path} synced after its entry was written`);
        }
        const dirSynced = firstSync(t, runDir);
        assert.ok(
          dirSynced !== undefined && dirSynced < written,
          `run-${id}/ synced before its entry`,
        );
      }
      const treeSynced = firstSync(t, out);
      assert.ok(
        treeSynced !== undefined,
        "the output directory (holding the run directories) synced",
      );

      const batched = join(dir, "batched");
      const b = await traced(batched, ["--no-fsync-each"]);
      assert.equal(new Set(b.entryWrites.map((w) => w.runId)).size, 4);
      const outputSyncs = b.syncs.filter((s) => s.path.startsWith(join(batched, "run-")));
      assert.deepEqual(outputSyncs, [], "batched syncs leave outputs to the kernel");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
