/**
 * `extend` records its target before any run, through the real CLI: an extend killed with
 * SIGKILL part-way is finished by `resume` to exactly its target (the same draws a fresh sweep
 * of that size makes), `extend --to` with the same target is idempotent, and `extend --n` again
 * on the unfinished sweep is refused naming the recorded target.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { monteCarloRunSet } from "../../src/runset/mod.ts";
import { cli } from "../_support/cli.ts";
import { completeLines, spawnCli, waitUntil } from "../_support/process.ts";
import { slowLeoScript } from "../_support/sweep_tree.ts";

const BASE = 6;
const ADD = 18;

Deno.test("a killed extend resumes to exactly its target; extend --to is idempotent", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-extend-target-" });
  const script = await slowLeoScript(dir);
  const out = join(dir, "mc");
  const manifest = join(out, "manifest.jsonl");
  const common = ["--engine", "builtin", "--workers", "1", "-q"];
  const mc = await cli([
    "monte-carlo",
    script,
    "--n",
    String(BASE),
    "--perturb",
    "Sat.SMA=normal:7000:5",
    "--seed",
    "42",
    "--out",
    out,
    ...common,
  ]);
  assert.equal(mc.code, 0, mc.stderr);
  const header = () => JSON.parse(completeLines(manifest)[0]);
  assert.equal(header().run_count, BASE);

  // extend --n ADD, killed after a few of its runs.
  const extend = spawnCli(["extend", manifest, "--script", script, "--n", String(ADD), ...common]);
  await waitUntil(() => completeLines(manifest).length >= 1 + BASE + 2, "2 extension entries");
  extend.child.kill("SIGKILL");
  await extend.done;
  const atKill = completeLines(manifest).length - 1;
  assert.ok(atKill < BASE + ADD, `killed before the end (${atKill} entries)`);
  assert.equal(header().run_count, BASE + ADD, "the target was recorded before any run");

  // Re-issuing the same --n would add ADD more on top: refused, naming the target.
  const again = await cli(["extend", manifest, "--script", script, "--n", String(ADD), ...common]);
  assert.equal(again.code, 2, again.stderr);
  assert.match(
    again.stderr,
    new RegExp(`recorded the target ${BASE + ADD}: finish it with resume`),
  );

  // resume finishes exactly the target.
  const resume = await cli(["resume", manifest, "--script", script, ...common]);
  assert.equal(resume.code, 0, resume.stderr);
  assert.match(resume.stdout, new RegExp(`^${BASE + ADD} runs \\(${BASE + ADD} ok\\)`, "m"));
  const entries = completeLines(manifest).slice(1).map((l) => JSON.parse(l));
  const ids = entries.map((e) => e.run_id).sort((a, b) => a - b);
  assert.deepEqual(ids, [...Array(BASE + ADD).keys()], "every run once, none beyond the target");
  const fresh = monteCarloRunSet(
    { "Sat.SMA": { kind: "normal", mu: 7000, sigma: 5 } },
    BASE + ADD,
    42,
  );
  for (const e of entries) assert.deepEqual(e.overrides, fresh.spec(e.run_id).overrides);

  // extend --to the same target: nothing to do, the manifest unchanged.
  const before = await Deno.readTextFile(manifest);
  const to = await cli([
    "extend",
    manifest,
    "--script",
    script,
    "--to",
    String(BASE + ADD),
    ...common,
  ]);
  assert.equal(to.code, 0, to.stderr);
  assert.equal(await Deno.readTextFile(manifest), before, "idempotent");
  // A smaller target is refused; a larger one adds exactly the difference.
  const smaller = await cli(["extend", manifest, "--script", script, "--to", "3", ...common]);
  assert.equal(smaller.code, 2);
  assert.match(smaller.stderr, /already has 24 runs/);
  const more = await cli(["extend", manifest, "--script", script, "--to", "26", ...common]);
  assert.equal(more.code, 0, more.stderr);
  assert.equal(completeLines(manifest).length - 1, 26);
  assert.equal(header().run_count, 26);
  // Only run_count changed in the header line.
  const { run_count: _a, ...was } = JSON.parse(before.split("\n")[0]);
  const { run_count: _b, ...now } = header();
  assert.deepEqual(now, was);
  await Deno.remove(dir, { recursive: true });
});
