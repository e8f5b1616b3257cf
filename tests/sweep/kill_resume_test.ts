/**
 * Crash safety of a real `cli.ts run` process: SIGKILL of the driver at several points of a
 * sweep (header written, runs in flight, near the end), with the manifest and the run tree in
 * different directories, then `resume`. Afterwards every run id is in the manifest exactly once
 * and ok, the header line is byte-identical, the stitched table equals an unbroken sweep's, and
 * every worker process the killed driver had started is gone. Also a torn last line is re-run
 * exactly once.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Table } from "apache-arrow";
import { readManifest } from "../../src/manifest/mod.ts";
import { LocalPool } from "../../src/pool/mod.ts";
import { gridRunSet, linspace } from "../../src/runset/mod.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { cli } from "../_support/cli.ts";
import {
  childrenOf,
  completeLines,
  type ProcessRef,
  procStat,
  spawnCli,
  waitAllGone,
  waitGroupsGone,
  waitUntil,
} from "../_support/process.ts";
import { slowLeoScript } from "../_support/sweep_tree.ts";

const N = 16;
const GRID = `Sat.SMA=7000:7300:${N}`;
const WORKERS = 2;
/** Whether workers get process groups of their own here (`setsid` available). */
const ISOLATED_GROUPS = new LocalPool({ workers: 1 }).isolatedGroups;

/** The stitched table of an unbroken sweep of the same inputs (computed once). */
let reference: Promise<Table> | undefined;
function unbrokenTable(): Promise<Table> {
  reference ??= (async () => {
    const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-unbroken-" });
    const script = await slowLeoScript(dir);
    const sweep = await Sweep.create(script, gridRunSet({ "Sat.SMA": linspace(7000, 7300, N) }), {
      outputDir: join(dir, "out"),
      engine: "builtin",
      workers: WORKERS,
    });
    const summary = await sweep.run();
    assert.equal(summary.ok, N, "the unbroken reference sweep is all ok");
    const table = await sweep.toTable();
    await Deno.remove(dir, { recursive: true });
    return table;
  })();
  return reference;
}

function assertSameTable(actual: Table, expected: Table): void {
  const names = (t: Table) => t.schema.fields.map((f) => f.name);
  assert.deepEqual(names(actual), names(expected), "same columns");
  assert.equal(actual.numRows, expected.numRows, "same number of rows");
  assert.ok(expected.numRows > N, "the reference has data rows");
  for (const name of names(expected)) {
    const a = actual.getChild(name)!, b = expected.getChild(name)!;
    assert.equal(String(a.type), String(b.type), `type of ${name}`);
    for (let i = 0; i < expected.numRows; i++) {
      const x = a.get(i), y = b.get(i);
      if (!Object.is(x, y) && !(x instanceof Object && String(x) === String(y))) {
        assert.fail(`column ${name} row ${i}: ${x} != ${y}`);
      }
    }
  }
}

/** Run ids of the entry lines (after the header), counted per id. */
function countEntryLines(lines: readonly string[]): Map<number, { n: number; status: string[] }> {
  const counts = new Map<number, { n: number; status: string[] }>();
  for (const line of lines.slice(1)) {
    const e = JSON.parse(line) as { run_id: number; status: string };
    const c = counts.get(e.run_id) ?? { n: 0, status: [] };
    c.n++;
    c.status.push(e.status);
    counts.set(e.run_id, c);
  }
  return counts;
}

/** Every run id 0..N-1 on exactly one complete line, ok; no other ids; the file ends in `\n`. */
async function assertCompleteOnce(manifestPath: string): Promise<void> {
  const text = await Deno.readTextFile(manifestPath);
  assert.ok(text.endsWith("\n"), "the manifest ends with a complete line");
  const lines = text.slice(0, -1).split("\n");
  const counts = countEntryLines(lines);
  assert.deepEqual([...counts.keys()].sort((a, b) => a - b), [...Array(N).keys()], "every run id");
  for (const [id, c] of counts) {
    assert.equal(c.n, 1, `run ${id} has ${c.n} lines (${c.status.join(", ")})`);
    assert.deepEqual(c.status, ["ok"], `run ${id} is ok`);
  }
  const manifest = await readManifest(manifestPath);
  assert.equal(manifest.droppedTornTail, false);
  assert.equal(manifest.lineCount, N + 1);
}

interface Layout {
  dir: string;
  script: string;
  out: string;
  manifest: string;
}

/** A temp dir with the script, the run tree under `tree/` and the manifest under `meta/`. */
async function layout(prefix: string): Promise<Layout> {
  const dir = await Deno.makeTempDir({ prefix });
  const script = await slowLeoScript(dir);
  await Deno.mkdir(join(dir, "meta"));
  return { dir, script, out: join(dir, "tree", "out"), manifest: join(dir, "meta", "m.jsonl") };
}

function runArgs(l: Layout): string[] {
  return [
    "run",
    l.script,
    "--grid",
    GRID,
    "--out",
    l.out,
    "--manifest",
    l.manifest,
    "--workers",
    String(WORKERS),
    "--engine",
    "builtin",
    "-q",
  ];
}

/**
 * Start a sweep, wait until `ready(entryLines)` holds (with the driver's workers started), record
 * the driver's children, SIGKILL the driver and wait for every recorded worker to be gone.
 * Returns the number of entries the killed sweep left and the header line.
 */
async function killWhen(
  l: Layout,
  ready: (entries: number) => boolean,
  what: string,
): Promise<{ entries: number; header: string; workers: ProcessRef[] }> {
  const driver = spawnCli(runArgs(l));
  let workers: ProcessRef[] = [];
  let exitedEarly = false;
  driver.done.then(() => (exitedEarly = true));
  try {
    await waitUntil(() => {
      if (exitedEarly) return true;
      const lines = completeLines(l.manifest);
      if (lines.length === 0 || !ready(lines.length - 1)) return false;
      workers = childrenOf(driver.pid);
      // Workers lead their own process groups once `setsid` has run (a moment after spawning).
      return workers.length > 0 && (!ISOLATED_GROUPS || workers.every((w) => w.pgrp === w.pid));
    }, what);
  } catch (e) {
    // Do not leak a stuck driver; show what it said.
    const children = childrenOf(driver.pid).map((c) => procStat(c.pid));
    driver.child.kill("SIGKILL");
    const r = await driver.done;
    throw new Error(
      `${(e as Error).message}; manifest lines: ${completeLines(l.manifest).length}; workers: ` +
        `${JSON.stringify(children)}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`,
    );
  }
  if (exitedEarly) {
    const r = await driver.done;
    assert.fail(`the sweep ended before it could be killed (${what}):\n${r.stdout}\n${r.stderr}`);
  }
  driver.child.kill("SIGKILL");
  const result = await driver.done;
  assert.equal(result.status.signal, "SIGKILL", `killed, not exited:\n${result.stderr}`);
  // Every worker process (and its process group) the driver had started goes away by itself.
  await waitAllGone(workers, `the killed driver's workers ${workers.map((w) => w.pid)} to exit`);
  if (ISOLATED_GROUPS) {
    await waitGroupsGone(workers.map((w) => w.pgrp), "the workers' process groups to be empty");
  }
  const lines = completeLines(l.manifest);
  return { entries: lines.length - 1, header: lines[0], workers };
}

async function resumeAndCheck(l: Layout, header: string): Promise<void> {
  const r = await cli([
    "resume",
    l.manifest,
    "--script",
    l.script,
    "--output-dir",
    l.out,
    "--workers",
    String(WORKERS),
    "--engine",
    "builtin",
    "-q",
  ]);
  assert.equal(r.code, 0, `resume:\n${r.stdout}\n${r.stderr}`);
  await assertCompleteOnce(l.manifest);
  assert.equal(completeLines(l.manifest)[0], header, "the header line is unchanged by resume");
  const resumed = await Sweep.fromManifest(l.manifest, l.script, { outputDir: l.out });
  assertSameTable(await resumed.toTable(), await unbrokenTable());
}

Deno.test("SIGKILL right after the manifest header is written, then resume", async () => {
  const l = await layout("gmat-sweep-kill-a-");
  const killed = await killWhen(l, (entries) => entries === 0, "the header and a worker");
  assert.equal(killed.entries, 0, "killed before any run was recorded");
  await resumeAndCheck(l, killed.header);
  await Deno.remove(l.dir, { recursive: true });
});

Deno.test("SIGKILL with runs in flight after at least 3 entries, then resume", async () => {
  const l = await layout("gmat-sweep-kill-b-");
  const killed = await killWhen(l, (entries) => entries >= 3, "3 manifest entries");
  assert.ok(killed.entries >= 3 && killed.entries < N, `entries at kill: ${killed.entries}`);
  await resumeAndCheck(l, killed.header);
  await Deno.remove(l.dir, { recursive: true });
});

Deno.test("SIGKILL near the end of the sweep, then resume", async () => {
  const l = await layout("gmat-sweep-kill-c-");
  const killed = await killWhen(l, (entries) => entries >= N - 3, `${N - 3} manifest entries`);
  assert.ok(
    killed.entries >= N - 3 && killed.entries < N,
    `entries at kill: ${killed.entries} (the sweep must not have finished)`,
  );
  await resumeAndCheck(l, killed.header);
  await Deno.remove(l.dir, { recursive: true });
});

Deno.test("a torn last manifest line is re-run exactly once by resume", async () => {
  const l = await layout("gmat-sweep-torn-");
  const first = await cli(runArgs(l));
  assert.equal(first.code, 0, first.stderr);
  const text = await Deno.readTextFile(l.manifest);
  const lines = text.slice(0, -1).split("\n");
  assert.equal(lines.length, N + 1);
  const last = lines[N];
  const tornId = (JSON.parse(last) as { run_id: number }).run_id;
  // Cut the last line in its middle: no final newline, invalid JSON.
  const keep = text.length - 1 - Math.floor(last.length / 2);
  await Deno.writeTextFile(l.manifest, text.slice(0, keep));
  const before = await readManifest(l.manifest);
  assert.equal(before.droppedTornTail, true);
  assert.equal(before.entries.length, N - 1);
  assert.ok(!before.entries.some((e) => e.run_id === tornId));

  await resumeAndCheck(l, lines[0]);
  const after = (await Deno.readTextFile(l.manifest)).slice(0, -1).split("\n");
  assert.deepEqual(after.slice(0, N), lines.slice(0, N), "complete lines are kept byte for byte");
  const rerun = JSON.parse(after[N]) as { run_id: number; status: string; attempt: number };
  assert.equal(rerun.run_id, tornId, "the torn run, and only it, was re-run");
  assert.equal(rerun.status, "ok");
  await Deno.remove(l.dir, { recursive: true });
});

Deno.test("a run re-done by resume after a crash starts from a clean run directory", async () => {
  const l = await layout("gmat-sweep-kill-clean-");
  const killed = await killWhen(l, (entries) => entries >= 3, "3 manifest entries");
  assert.ok(killed.entries < N, `entries at kill: ${killed.entries}`);
  // Whatever an interrupted attempt left in an unrecorded run's directory (workers stop at once
  // when their driver dies, so plant the leftovers of a partly written attempt explicitly) must
  // not survive into the re-run.
  const recorded = new Set(completeLines(l.manifest).slice(1).map((x) => JSON.parse(x).run_id));
  const leftovers: number[] = [];
  for (let id = 0; id < N && leftovers.length < 2; id++) {
    if (recorded.has(id)) continue;
    const dir = join(l.out, `run-${id}`);
    await Deno.mkdir(dir, { recursive: true });
    await Deno.writeTextFile(join(dir, "stale.txt"), "left by the killed attempt\n");
    await Deno.writeTextFile(
      join(dir, "worker.log"),
      "2026-01-01T00:00:00.000Z INFO status=ok duration_s=0 (killed attempt)\n",
      { append: true },
    );
    leftovers.push(id);
  }
  assert.ok(leftovers.length > 0, "some run was unrecorded at the kill");
  await resumeAndCheck(l, killed.header);
  for (const id of leftovers) {
    await assert.rejects(
      () => Deno.stat(join(l.out, `run-${id}`, "stale.txt")),
      Deno.errors.NotFound,
    );
    const log = await Deno.readTextFile(join(l.out, `run-${id}`, "worker.log"));
    const runs = log.split("\n").filter((x) => / INFO status=/.test(x));
    assert.equal(
      runs.length,
      1,
      `run-${id}/worker.log mixes ${runs.length} executions (stale output of the killed ` +
        `attempt was kept):\n${log}`,
    );
  }
  await Deno.remove(l.dir, { recursive: true });
});
