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
import { fixture } from "../_support/engine.ts";
import { completeLines, spawnCli, waitUntil } from "../_support/process.ts";

const LEO = fixture("scripts/leo_basic.script");

/** leo_basic with a 5-day propagation at 1e-12: on the order of 0.1 s per run. */
async function slowScript(dir: string): Promise<string> {
  const text = (await Deno.readTextFile(LEO))
    .replace("{Sat.ElapsedSecs = 60}", "{Sat.ElapsedDays = 5}")
    .replace("Prop.Accuracy = 1e-9", "Prop.Accuracy = 1e-12");
  assert.match(text, /ElapsedDays = 5/);
  const path = join(dir, "leo_slow.script");
  await Deno.writeTextFile(path, text);
  return path;
}

/**
 * Every file under a directory with its bytes, by relative path (but the lock file, whose
 * holder record each driver rewrites when it takes the lock).
 */
async function snapshot(dir: string, prefix = ""): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const e of Deno.readDir(join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (rel === ".gmat-sweep.lock") continue;
    if (e.isDirectory) {
      for (const [k, v] of await snapshot(dir, rel)) out.set(k, v);
    } else out.set(rel, await Deno.readTextFile(join(dir, rel)));
  }
  return out;
}

function entryLines(manifest: string): { run_id: number; status: string }[] {
  return completeLines(manifest).slice(1).map((l) => JSON.parse(l));
}

Deno.test("run into a directory that holds a sweep is refused and changes nothing; --overwrite replaces it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-exists-" });
  const out = join(dir, "out");
  const args = ["--out", out, "--engine", "builtin", "--workers", "2", "-q"];
  const first = await cli(["run", LEO, "--grid", "Sat.SMA=7000:7300:6", ...args]);
  assert.equal(first.code, 0, first.stderr);
  await Deno.writeTextFile(join(out, "notes.txt"), "mine\n");
  const before = await snapshot(out);

  // Another grid into the same directory: refused before anything is written.
  const again = await cli(["run", LEO, "--grid", "Sat.SMA=7000,7100,7200", ...args]);
  assert.equal(again.code, 2, again.stderr);
  assert.match(again.stderr, /already holds a sweep/);
  assert.match(again.stderr, /gmat-sweep resume .*manifest\.jsonl/);
  assert.match(again.stderr, /new --out/);
  assert.match(again.stderr, /--overwrite/);
  assert.doesNotMatch(again.stderr, /unexpected error| {4}at /);
  assert.deepEqual(await snapshot(out), before, "not one byte changed");

  // The same through another manifest path into that tree, and a manifest path in use.
  const viaManifest = await cli([
    "run",
    LEO,
    "--grid",
    "Sat.SMA=7000,7100",
    ...args,
    "--manifest",
    join(dir, "other.jsonl"),
  ]);
  assert.equal(viaManifest.code, 2, viaManifest.stderr);
  const elsewhere = await cli([
    "run",
    LEO,
    "--grid",
    "Sat.SMA=7000,7100",
    "--out",
    join(dir, "fresh"),
    "--manifest",
    join(out, "manifest.jsonl"),
    "--engine",
    "builtin",
    "-q",
  ]);
  assert.equal(elsewhere.code, 2, elsewhere.stderr);
  assert.match(elsewhere.stderr, /already holds a sweep/);
  assert.deepEqual(await snapshot(out), before);

  // --overwrite: the old manifest and run directories go, other files stay.
  const over = await cli(["run", LEO, "--grid", "Sat.SMA=7000,7100,7200", ...args, "--overwrite"]);
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
  const script = await slowScript(dir);
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
