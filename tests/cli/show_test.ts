import assert from "node:assert/strict";
import { join } from "node:path";
import { cli } from "../_support/cli.ts";
import { fixture } from "../_support/engine.ts";

Deno.test("show: summary, --detail with --filter, --run N, and bad usage", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-show-" });
  const run = await cli([
    "run",
    fixture("scripts/leo_basic.script"),
    "--grid",
    "Sat.ECC=0.001,0.002,1",
    "--out",
    dir,
    "--engine",
    "builtin",
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /3 runs \(2 ok, 1 failed\)/);
  const manifest = join(dir, "manifest.jsonl");
  const summary = await cli(["show", manifest]);
  assert.equal(summary.code, 0);
  assert.match(summary.stdout, /3 planned; 3 runs \(2 ok, 1 failed\)/);
  const detail = await cli(["show", manifest, "--detail"]);
  const lines = detail.stdout.trim().split("\n");
  assert.match(lines[0], /^run_id\s+status\s+hook\s+duration_s\s+stderr_summary\s+log_path/);
  assert.match(lines[1], /^2\s+failed\s/, "failures first");
  const failed = await cli(["show", manifest, "--detail", "--filter", "failed"]);
  assert.equal(failed.stdout.trim().split("\n").length, 3);
  const one = await cli(["show", manifest, "--run", "2"]);
  assert.match(one.stdout, /run 2: failed/);
  assert.match(one.stdout, /Sat\.ECC = 1/);
  assert.match(one.stdout, /stderr:/);
  assert.equal((await cli(["show", manifest, "--run", "9"])).code, 3);
  assert.equal((await cli(["show", manifest, "--filter", "ok"])).code, 2);
  assert.equal((await cli(["show", join(dir, "nope.jsonl")])).code, 3);
  await Deno.remove(dir, { recursive: true });
});
