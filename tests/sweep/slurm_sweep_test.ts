/**
 * Sweeps on a real one-node SLURM cluster (scripts/slurm-dev-cluster.sh; no mocked sbatch):
 * the same manifests and tables as the local pool, SIGINT of the CLI driver cancels every task,
 * and after a kill -9 of the driver a resume adopts what the left-over tasks finished instead of
 * running them again.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Table } from "apache-arrow";
import { readManifest } from "../../src/manifest/mod.ts";
import type { ManifestEntry } from "../../src/manifest/mod.ts";
import { gridRunSet, linspace, monteCarloRunSet, type RunSet } from "../../src/runset/mod.ts";
import { Sweep, type SweepOptions } from "../../src/sweep/mod.ts";
import { cli } from "../_support/cli.ts";
import { fixture } from "../_support/engine.ts";
import { countingInstall, interactiveStarts } from "../_support/counting_install.ts";
import { type BackgroundCli, isAlive, spawnCli } from "../_support/process.ts";
import {
  activeSqueue,
  ignoreWithoutSlurm,
  requireSlurm,
  slurmCluster,
  spoolBatches,
} from "../_support/slurm.ts";

const cluster = await slurmCluster();
const ignore = ignoreWithoutSlurm(cluster);
const LEO = fixture("scripts/leo_basic.script");

function values(table: Table): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const f of table.schema.fields) {
    out[f.name] = Array.from(
      table.getChild(f.name)!.toArray() as ArrayLike<unknown>,
      (v) => typeof v === "bigint" ? v.toString() : v,
    );
  }
  return out;
}

/** An entry without what differs between two executions of the same run. */
function comparable(e: ManifestEntry): Partial<ManifestEntry> {
  const { started_at: _s, ended_at: _e, duration_s: _d, ...rest } = e;
  return rest;
}

async function both(name: string, runSet: () => RunSet, slurm: SweepOptions["slurm"]) {
  const dir = await Deno.makeTempDir({ prefix: `gmat-sweep-slurm-${name}-` });
  const common = { engine: "builtin", workers: 2 } as const;
  const local = await Sweep.create(LEO, runSet(), { ...common, outputDir: join(dir, "local") });
  await local.run();
  const onSlurm = await Sweep.create(LEO, runSet(), {
    ...common,
    outputDir: join(dir, "slurm"),
    backend: "slurm",
    slurm,
  });
  const summary = await onSlurm.run();
  return { dir, local, onSlurm, summary };
}

Deno.test({
  name:
    "a 32-run Monte Carlo and a 16-run grid on SLURM equal the local pool's manifests and tables",
  ignore,
  sanitizeResources: false,
}, async () => {
  requireSlurm(cluster);
  const cases: [string, () => RunSet][] = [
    ["mc", () =>
      monteCarloRunSet(
        {
          "Sat.SMA": { kind: "normal", mu: 7000, sigma: 5 },
          "Sat.INC": { kind: "uniform", lo: 28, hi: 29 },
        },
        32,
        42,
      )],
    ["grid", () => gridRunSet({ "Sat.SMA": linspace(7000, 7300, 16) })],
  ];
  for (const [name, runSet] of cases) {
    const { dir, local, onSlurm, summary } = await both(name, runSet, { runsPerTask: 4 });
    assert.equal(summary.ok, runSet().size);
    const [a, b] = [await local.manifest(), await onSlurm.manifest()];
    const sorted = (m: typeof a) => [...m.entries].sort((x, y) => x.run_id - y.run_id);
    assert.deepEqual(sorted(b).map(comparable), sorted(a).map(comparable), `${name} entries`);
    // Headers: only the backend (and the creation time) differ.
    const strip = (h: typeof a.header) => {
      const { backend: _b, backend_settings: _s, created_at: _c, ...rest } = h;
      return rest;
    };
    assert.deepEqual(strip(b.header), strip(a.header));
    assert.equal(b.header.backend, "SlurmPool");
    assert.match(String(b.header.backend_settings?.sweep_id), /^gs-[0-9a-f]{8}-[0-9a-f]{8}$/);
    assert.deepEqual(values(await onSlurm.toTable()), values(await local.toTable()));
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test({
  name: "on SLURM the hook runs inside the array task, with the run",
  ignore,
  sanitizeResources: false,
}, async () => {
  requireSlurm(cluster);
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-slurm-hook-" });
  const sweep = await Sweep.create(LEO, gridRunSet({ "Sat.SMA": [7000, 7100, 7200, 7300] }), {
    outputDir: out,
    engine: "builtin",
    backend: "slurm",
    slurm: { runsPerTask: 2 },
    postprocess: `${fixture("hooks/probes.ts")}#whereAmI`,
    postprocessPermissions: ["env=SLURM_ARRAY_TASK_ID"],
  });
  await sweep.run();
  const entries = (await sweep.manifest()).entries.sort((a, b) => a.run_id - b.run_id);
  assert.equal(entries.length, 4);
  const where = [];
  for (const e of entries) {
    assert.equal(e.postprocess_status, "ok", e.postprocess_error ?? "");
    assert.match(e.postprocess_sha256 ?? "", /^[0-9a-f]{64}$/, "the task records the hook's hash");
    where.push(await Deno.readTextFile(join(out, e.extra_outputs.where)));
  }
  // Two runs per task: tasks 0 and 1 ran the hooks, not the driver.
  assert.deepEqual(where, ["0", "0", "1", "1"]);
  await Deno.remove(out, { recursive: true });
});

Deno.test({
  name:
    "on SLURM each array task keeps one interactive GmatConsole for its runs, as a local worker does",
  ignore,
  sanitizeResources: false,
}, async () => {
  requireSlurm(cluster);
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-slurm-console-" });
  const { root, starts } = await countingInstall(dir);
  const grid = () => gridRunSet({ "Sat.SMA": linspace(7000, 7300, 8) });
  const common = { engine: "gmat", gmatRoot: root, workers: 2, timeoutS: 120 } as const;
  const local = await Sweep.create(LEO, grid(), { ...common, outputDir: join(dir, "local") });
  assert.equal((await local.run()).ok, 8);
  const localStarts = interactiveStarts(starts()).length;
  const onSlurm = await Sweep.create(LEO, grid(), {
    ...common,
    outputDir: join(dir, "slurm"),
    backend: "slurm",
    slurm: { runsPerTask: 4 },
  });
  assert.equal((await onSlurm.run()).ok, 8);
  const slurmStarts = interactiveStarts(starts()).slice(localStarts);
  // Two tasks of four runs: one console each, not one per run.
  assert.equal(slurmStarts.length, 2, JSON.stringify(starts()));
  for (const s of interactiveStarts(starts())) {
    await waitFor(`console ${s.pid} to exit`, () => Promise.resolve(!isAlive(s.pid)));
  }
  const [a, b] = [await local.manifest(), await onSlurm.manifest()];
  assert.equal(b.header.engine.console_mode, "interactive");
  const sorted = (m: typeof a) => [...m.entries].sort((x, y) => x.run_id - y.run_id);
  assert.deepEqual(sorted(b).map(comparable), sorted(a).map(comparable));
  assert.deepEqual(values(await onSlurm.toTable()), values(await local.toTable()));
  await Deno.remove(dir, { recursive: true });
});

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function entries(path: string): Promise<number> {
  try {
    return (await readManifest(path)).entries.length;
  } catch {
    return 0;
  }
}

function spawnDriver(out: string, runs: number): BackgroundCli {
  return spawnCli([
    "run",
    LEO,
    "--grid",
    `Sat.SMA=7000:7300:${runs}`,
    "--out",
    out,
    "--engine",
    "builtin",
    "--backend",
    "slurm",
    "--backend-arg",
    "max-concurrent=2",
    "--quiet",
  ]);
}

Deno.test({
  name: "SIGINT of the CLI driver mid-array cancels every task; the manifest parses",
  ignore,
  sanitizeResources: false,
}, async () => {
  requireSlurm(cluster);
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-slurm-int-" });
  const manifest = join(out, "manifest.jsonl");
  const driver = spawnDriver(out, 16);
  await waitFor("2 entries", async () => (await entries(manifest)) >= 2);
  driver.child.kill("SIGINT");
  const ended = await driver.done;
  assert.equal(ended.status.code, 130, ended.stderr);
  const m = await readManifest(manifest);
  assert.ok(m.entries.length >= 2 && m.entries.length < 16);
  const jobName = String(m.header.backend_settings?.jobName);
  assert.deepEqual(await activeSqueue(jobName), [], "no task of the sweep is left in squeue");
  await Deno.remove(out, { recursive: true });
});

Deno.test({
  name: "kill -9 of the driver mid-array, tasks finish, resume adopts them and runs nothing twice",
  ignore,
  sanitizeResources: false,
}, async () => {
  requireSlurm(cluster);
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-slurm-kill-" });
  const manifest = join(out, "manifest.jsonl");
  const driver = spawnDriver(out, 12);
  await waitFor("3 entries", async () => (await entries(manifest)) >= 3);
  driver.child.kill("SIGKILL");
  await driver.done;
  const before = await readManifest(manifest);
  assert.ok(before.entries.length < 12, "the driver died before the sweep ended");
  const jobName = String(before.header.backend_settings?.jobName);
  // The dead driver's tasks go on and finish.
  await waitFor("the tasks to end", async () => (await activeSqueue(jobName)).length === 0);
  const batches = (await spoolBatches(join(out, ".slurm"))).length;
  assert.ok(batches >= 1);

  const resumed = await cli(["resume", manifest, "--script", LEO, "--quiet"]);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stdout, /12 runs \(12 ok\)/);
  const after = await readManifest(manifest);
  assert.equal(after.entries.length, 12);
  assert.ok(after.entries.every((e) => e.status === "ok" && e.attempt === 1));
  assert.equal(
    (await spoolBatches(join(out, ".slurm"))).length,
    batches,
    "no new array: every run was adopted from its outcome file",
  );
  // The table equals an unbroken sweep's.
  const unbroken = await Sweep.create(LEO, gridRunSet({ "Sat.SMA": linspace(7000, 7300, 12) }), {
    outputDir: join(out, "unbroken"),
    engine: "builtin",
    workers: 2,
  });
  await unbroken.run();
  const reopened = await Sweep.fromManifest(manifest, LEO);
  assert.deepEqual(values(await reopened.toTable()), values(await unbroken.toTable()));
  await Deno.remove(out, { recursive: true });
});

Deno.test({
  name: "a 2,000-run grid on SLURM completes in chunked arrays",
  ignore,
  sanitizeResources: false,
}, async () => {
  requireSlurm(cluster);
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-slurm-2000-" });
  const sweep = await Sweep.create(LEO, gridRunSet({ "Sat.SMA": linspace(7000, 7300, 2000) }), {
    outputDir: out,
    engine: "builtin",
    workers: 2,
    backend: "slurm",
    fsync: { batch: 50 },
    slurm: { runsPerTask: 10, arraySize: 100 },
  });
  const summary = await sweep.run();
  assert.equal(summary.ok, 2000);
  const batches = await spoolBatches(join(out, ".slurm"));
  assert.equal(batches.length, 2, "200 tasks in arrays of 100");
  const table = await sweep.toTable();
  assert.equal(table.numRows, 6000);
  await Deno.remove(out, { recursive: true });
});
