/**
 * Child process of the durability test: appends entries through {@link ManifestWriter} in bursts
 * until it is killed, announcing progress on stdout:
 * `ready <droppedTornTailBytes>`, then per burst `burst`, `big <run_id>` before appending a
 * multi-megabyte line, one `ack <run_id>` after each append resolves, and `idle` while it sleeps
 * between bursts; `done` if it runs out of bursts.
 *
 * Usage: `deno run -A _crash_child.ts '<json config>'` with
 * `{ path, mode: "create" | "append", startId, fsync: "each" | { batch }, seed, bigProbability }`.
 *
 * @module
 */

import { ManifestWriter } from "../../src/manifest/mod.ts";
import type { FsyncMode } from "../../src/manifest/mod.ts";

interface Config {
  path: string;
  mode: "create" | "append";
  startId: number;
  fsync: FsyncMode;
  seed: number;
  /** Probability that an entry carries a multi-megabyte stderr. */
  bigProbability: number;
}

const cfg = JSON.parse(Deno.args[0]) as Config;

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(cfg.seed);
const encoder = new TextEncoder();

function say(text: string): void {
  const bytes = encoder.encode(text + "\n");
  let offset = 0;
  while (offset < bytes.length) offset += Deno.stdout.writeSync(bytes.subarray(offset));
}

const header = {
  script_sha256: "c".repeat(64),
  gmat_sweep_version: "0.1.0",
  gmat_run_version: "n/a",
  gmat_install_version: "builtin-0.1.0",
  python_version: null,
  os_platform: "test",
  sweep_seed: cfg.seed,
  parameter_spec: { _kind: "monte_carlo", n: 100000, perturb: {}, seed: cfg.seed },
  run_count: 100000,
};

const writer = cfg.mode === "create"
  ? await ManifestWriter.create(cfg.path, header, { fsync: cfg.fsync })
  : await ManifestWriter.openForAppend(cfg.path, { fsync: cfg.fsync });
say(`ready ${writer.droppedTornTailBytes}`);

let id = cfg.startId;
for (let burst = 0; burst < 200; burst++) {
  say("burst");
  const size = 1 + Math.floor(random() * 20);
  for (let k = 0; k < size; k++) {
    // Some lines are megabytes long, so a kill can land inside the write of one line.
    const big = random() < cfg.bigProbability;
    if (big) say(`big ${id}`);
    await writer.append({
      run_id: id,
      overrides: { "Sat.SMA": 7000 + random() * 100 },
      status: random() < 0.8 ? "ok" : "failed",
      output_paths: { report__RF: `run-${id}/report__RF.parquet` },
      started_at: new Date().toISOString(),
      ended_at: new Date().toISOString(),
      duration_s: random(),
      stderr: big ? "e".repeat(3_000_000 + Math.floor(random() * 5_000_000)) : null,
      log_path: `run-${id}/worker.log`,
    });
    say(`ack ${id}`);
    id++;
  }
  say("idle");
  await new Promise((resolve) => setTimeout(resolve, 1 + random() * 8));
}
await writer.close();
say("done");
