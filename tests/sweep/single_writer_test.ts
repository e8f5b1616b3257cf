/**
 * One writer, nothing destroyed, through the real CLI and filesystem: a `run` into a directory
 * that holds a sweep is refused and changes nothing (and `--overwrite` replaces it); two drivers
 * on one manifest: the second refuses, naming the first, and no run is done twice; a driver
 * killed with SIGKILL leaves no lock behind.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ManifestWriter } from "../../src/manifest/mod.ts";
import { lockOutputDir } from "../../src/sweep/mod.ts";
import { cli } from "../_support/cli.ts";
import { completeLines, spawnCli, waitUntil } from "../_support/process.ts";
import { LEO, runGrid, slowLeoScript, snapshot } from "../_support/sweep_tree.ts";

/** The lock file's holder record is rewritten by each driver that takes the lock. */
const SKIP = [".gmat-sweep.lock"];

function entryLines(manifest: string): { run_id: number; status: string }[] {
  return completeLines(manifest).slice(1).map((l) => JSON.parse(l));
}

Deno.test("run into a directory that holds a sweep is refused and changes nothing; --overwrite replaces it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-exists-" });
  const out = join(dir, "out");
  const workers = ["--workers", "2"];
  const first = await runGrid(LEO, ["Sat.SMA=7000:7300:6"], out, workers);
  assert.equal(first.code, 0, first.stderr);
  await Deno.writeTextFile(join(out, "notes.txt"), "mine\n");
  const before = await snapshot(out, SKIP);

  // Another grid into the same directory: refused before anything is written.
  const again = await runGrid(LEO, ["Sat.SMA=7000,7100,7200"], out, workers);
  assert.equal(again.code, 2, again.stderr);
  assert.match(again.stderr, /already holds a sweep/);
  assert.match(again.stderr, /gmat-sweep resume .*manifest\.jsonl/);
  assert.match(again.stderr, /new --out/);
  assert.match(again.stderr, /--overwrite/);
  assert.doesNotMatch(again.stderr, /unexpected error| {4}at /);
  assert.deepEqual(await snapshot(out, SKIP), before, "not one byte changed");

  // The same through another manifest path into that tree, and a manifest path in use.
  const viaManifest = await runGrid(LEO, ["Sat.SMA=7000,7100"], out, [
    "--manifest",
    join(dir, "other.jsonl"),
  ]);
  assert.equal(viaManifest.code, 2, viaManifest.stderr);
  const elsewhere = await runGrid(LEO, ["Sat.SMA=7000,7100"], join(dir, "fresh"), [
    "--manifest",
    join(out, "manifest.jsonl"),
  ]);
  assert.equal(elsewhere.code, 2, elsewhere.stderr);
  assert.match(elsewhere.stderr, /already holds a sweep/);
  assert.deepEqual(await snapshot(out, SKIP), before);

  // --overwrite: the old manifest and run directories go, other files stay.
  const over = await runGrid(LEO, ["Sat.SMA=7000,7100,7200"], out, [...workers, "--overwrite"]);
  assert.equal(over.code, 0, over.stderr);
  const lines = entryLines(join(out, "manifest.jsonl"));
  assert.deepEqual(lines.map((e) => e.run_id).sort(), [0, 1, 2]);
  const runDirs = [...Deno.readDirSync(out)].map((e) => e.name).filter((n) => n.startsWith("run-"));
  assert.deepEqual(runDirs.sort(), ["run-0", "run-1", "run-2"], "no orphaned run directories");
  assert.equal(await Deno.readTextFile(join(out, "notes.txt")), "mine\n");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("two drivers on one manifest: the second refuses naming the first; no run twice; SIGKILL frees the lock", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-two-drivers-" });
  const script = await slowLeoScript(dir);
  const out = join(dir, "out");
  const manifest = join(out, "manifest.jsonl");
  const N = 24;
  const grid = ["--grid", `Sat.SMA=7000:7300:${N}`];
  const common = ["--engine", "builtin", "--workers", "1", "-q"];
  // A sweep that recorded a few runs, then died.
  const first = spawnCli(["run", script, ...grid, "--out", out, ...common]);
  await waitUntil(() => completeLines(manifest).length >= 3, "2 entries");
  first.child.kill("SIGKILL");
  await first.done;
  const recorded = entryLines(manifest).length;
  assert.ok(recorded < N, `the first sweep was killed before its end (${recorded} entries)`);

  // Driver A resumes; once it holds the lock, driver B tries the same.
  const resume = ["resume", manifest, "--script", script, ...common];
  const a = spawnCli(resume);
  const lockFile = join(out, ".gmat-sweep.lock");
  await waitUntil(() => {
    try {
      return JSON.parse(Deno.readTextFileSync(lockFile)).pid === a.pid;
    } catch {
      return false;
    }
  }, "driver A to hold the lock");
  const b = await cli(resume);
  assert.equal(b.code, 3, `B must refuse:\n${b.stdout}\n${b.stderr}`);
  assert.match(b.stderr, /in use by another gmat-sweep driver/);
  assert.match(b.stderr, new RegExp(`pid ${a.pid} on .*gmat-sweep resume, since `));
  assert.doesNotMatch(b.stderr, /unexpected error| {4}at /);
  // A library driver in this process is refused too (the lock is the operating system's).
  await assert.rejects(lockOutputDir(out, "test"), /in use by another gmat-sweep driver/);
  await assert.rejects(ManifestWriter.openForAppend(manifest), /in use by another/);

  // Kill A mid-way: nothing to clean up, the next driver takes over at once.
  await waitUntil(() => entryLines(manifest).length >= recorded + 2, "A to record 2 runs");
  a.child.kill("SIGKILL");
  await a.done;
  const c = await cli(resume);
  assert.equal(c.code, 0, c.stderr);

  // Every run exactly once, ok: nobody ran a run another driver had recorded.
  const lines = entryLines(manifest);
  const ids = lines.map((e) => e.run_id).sort((x, y) => x - y);
  assert.deepEqual(ids, [...Array(N).keys()], "each run id on exactly one line");
  assert.ok(lines.every((e) => e.status === "ok"));
  await Deno.remove(dir, { recursive: true });
});
