/**
 * The CLI's words, through the real CLI as a subprocess: a resume with nothing to do says so, an
 * interrupted sweep counts its runs out of the planned ones and times only its own session, and
 * an override the whole-script check refuses is located at the override, not at a line number
 * of the user's script.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { cli } from "../_support/cli.ts";
import { spawnCli } from "../_support/process.ts";
import { LEO, runGrid, slowLeoScript } from "../_support/sweep_tree.ts";

Deno.test("a resume with nothing to do says 'nothing to run: N of N runs recorded'", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-msg-" });
  const out = join(dir, "out");
  const run = await runGrid(LEO, ["Sat.SMA=7000,7100,7200,7300"], out);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^4 runs \(4 ok\) in [\d.]+ s wall \([\d.]+ s of run time\) — output: /);
  const again = await cli(["resume", join(out, "manifest.jsonl"), "--script", LEO, "-q"]);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(again.stdout.trim(), `nothing to run: 4 of 4 runs recorded (4 ok) — output: ${out}`);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("an interrupted sweep says 'K of N runs' and this session's times; resume completes it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-msg-" });
  const script = await slowLeoScript(dir);
  const out = join(dir, "out");
  const manifest = join(out, "manifest.jsonl");
  const child = spawnCli([
    "run",
    script,
    "--grid",
    "Sat.SMA=7000:7400:40",
    "--out",
    out,
    "--engine",
    "builtin",
    "--workers",
    "1",
    "-q",
  ]);
  // Interrupt once a few entries are durable.
  for (;;) {
    const lines = await Deno.readTextFile(manifest).then((t) => t.split("\n").length - 2, () => 0);
    if (lines >= 3) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  child.child.kill("SIGINT");
  const result = await child.done;
  const stdout = result.stdout;
  assert.equal(result.status.code, 130, result.stderr);
  const m = /^(\d+) of 40 runs \((\d+) ok\) in [\d.]+ s wall \([\d.]+ s of run time\) — output: /
    .exec(stdout);
  assert.ok(m, stdout);
  assert.ok(Number(m[1]) >= 3 && Number(m[1]) < 40);
  assert.equal(m[1], m[2]);
  const resumed = await cli(["resume", manifest, "--script", script, "-q", "--workers", "2"]);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(
    resumed.stdout,
    new RegExp(`^40 runs \\(40 ok\\); this session: ${40 - Number(m[1])} runs in [\\d.]+ s wall`),
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("an override refused by the whole-script check is located at the override", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-msg-" });
  const r = await runGrid(LEO, ["Sat.CoordinateSystem=Foo"], join(dir, "out"));
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /^gmat-sweep: <override Sat\.CoordinateSystem>:1:6: coordinate system 'Foo'/,
  );
  assert.match(r.stderr, / 1 \| GMAT Sat\.CoordinateSystem = 'Foo';/);
  assert.doesNotMatch(r.stderr, /leo_basic\.script:\d+/);
  const typo = await runGrid(LEO, ["Sat.SMAA=7000"], join(dir, "out"));
  assert.match(typo.stderr, /did you mean 'SMA' or 'MA'\?/, "each suggestion once");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a misspelt option names the nearest one; a missing or unwanted value says so", async () => {
  const worker = await cli(["run", LEO, "--worker", "2"]);
  assert.equal(worker.code, 2);
  assert.match(worker.stderr, /^gmat-sweep: unknown option --worker; did you mean '--workers'\?\n/);
  assert.match(worker.stderr, /Run 'gmat-sweep run --help' for usage and examples\./);
  const postprocess = await cli(["run", LEO, "--post-process", "x.ts#f"]);
  assert.match(postprocess.stderr, /unknown option --post-process; did you mean '--postprocess'\?/);
  const far = await cli(["show", "m.jsonl", "--colour"]);
  assert.match(
    far.stderr,
    /^gmat-sweep: unknown option --colour\n/,
    "no suggestion when none is near",
  );
  const missing = await cli(["run", LEO, "--out"]);
  assert.match(missing.stderr, /^gmat-sweep: option --out needs a value\n/);
  const flag = await cli(["table", "m.jsonl", "--help=yes"]);
  assert.match(flag.stderr, /^gmat-sweep: option -h, --help takes no value\n/);
  for (const r of [worker, postprocess, far, missing, flag]) {
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stderr, /positional argument|ERR_PARSE/);
  }
});
