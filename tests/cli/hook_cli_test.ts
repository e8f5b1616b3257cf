/**
 * The hook options of the CLI, run as a real subprocess: --postprocess with --context-file and
 * --postprocess-allow, `show --run N` printing the hook's status, outputs, log and error, and a
 * hook that cannot load refused with exit code 2 before any run.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { readManifest } from "../../src/manifest/mod.ts";
import { cli } from "../_support/cli.ts";
import { fixture } from "../_support/engine.ts";

const LEO = fixture("scripts/leo_basic.script");
const PROBES = fixture("hooks/probes.ts");

Deno.test("run --postprocess --context-file, then show --run N", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hook-cli-" });
  const contexts = join(dir, "contexts.json");
  await Deno.writeTextFile(contexts, JSON.stringify([{ arm: "a" }, { arm: "b" }]));
  const out = join(dir, "out");
  const args = [
    "run",
    LEO,
    "--grid",
    "Sat.SMA=7000,7100,7200",
    "--out",
    out,
    "--engine",
    "builtin",
    "--workers",
    "2",
    "--postprocess",
    `${PROBES}#echo`,
    "--context-file",
    contexts,
    "--postprocess-allow",
    "env=GMAT_SWEEP_UNUSED",
  ];
  // An array shorter than the run set is refused before anything is written.
  const short = await cli(args);
  assert.equal(short.code, 2);
  assert.match(short.stderr, /contexts\.json: the array has 2 contexts for 3 runs/);
  await assert.rejects(Deno.stat(out));
  await Deno.writeTextFile(contexts, JSON.stringify([{ arm: "a" }, { arm: "b" }, {}]));
  const run = await cli(args);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /3 runs \(3 ok; hooks: 3 ok\)/);
  const manifest = await readManifest(join(out, "manifest.jsonl"));
  assert.equal(manifest.header.postprocess, `file://${PROBES}#echo`);
  assert.deepEqual(manifest.header.postprocess_permissions, ["env=GMAT_SWEEP_UNUSED"]);
  const byId = new Map(manifest.entries.map((e) => [e.run_id, e]));
  assert.deepEqual([0, 1, 2].map((i) => byId.get(i)!.context), [{ arm: "a" }, { arm: "b" }, {}]);
  for (const e of manifest.entries) assert.equal(e.extra_outputs.echo, `run-${e.run_id}/echo.json`);
  const show = await cli(["show", join(out, "manifest.jsonl"), "--run", "1"]);
  assert.equal(show.code, 0, show.stderr);
  assert.match(show.stdout, /postprocess: file:\/\/.*probes\.ts#echo\n {4}status: ok\n/);
  assert.match(
    show.stdout,
    / {4}log: run-1\/postprocess\.log\n {4}outputs:\n {6}echo: run-1\/echo\.json/,
  );
  assert.match(show.stdout, /context: \{"arm":"b"\}/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("show --run N prints a failed hook's error", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hook-cli-" });
  const run = await cli([
    "run",
    LEO,
    "--grid",
    "Sat.SMA=7000",
    "--out",
    dir,
    "--engine",
    "builtin",
    "--postprocess",
    `${PROBES}#throws`,
  ]);
  assert.equal(run.code, 0, "a hook failure is not a sweep failure");
  const show = await cli(["show", join(dir, "manifest.jsonl"), "--run", "0"]);
  assert.match(show.stdout, /run 0: ok/);
  assert.match(show.stdout, / {4}status: failed: threw\n/);
  assert.match(show.stdout, / {4}error:\n {6}RangeError: radius out of range in run hook/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a hook that cannot load: exit 2 before any run, and usage errors", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hook-cli-" });
  const out = join(dir, "out");
  const bad = await cli([
    "run",
    LEO,
    "--grid",
    "Sat.SMA=7000",
    "--out",
    out,
    "--engine",
    "builtin",
    "--postprocess",
    "./no/such/pipeline.ts#derive",
  ]);
  assert.equal(bad.code, 2, bad.stderr);
  assert.match(bad.stderr, /no\/such\/pipeline\.ts#derive: the hook module cannot be loaded/);
  await assert.rejects(Deno.stat(out), Deno.errors.NotFound);
  const allowAlone = await cli([
    "run",
    LEO,
    "--grid",
    "Sat.SMA=7000",
    "--out",
    out,
    "--postprocess-allow",
    "net",
  ]);
  assert.equal(allowAlone.code, 2);
  assert.match(allowAlone.stderr, /--postprocess-allow needs --postprocess SPEC/);
  const ctx = join(dir, "ctx.json");
  await Deno.writeTextFile(ctx, "[1, 2]");
  const badCtx = await cli([
    "run",
    LEO,
    "--grid",
    "Sat.SMA=7000",
    "--out",
    out,
    "--context-file",
    ctx,
  ]);
  assert.equal(badCtx.code, 2);
  assert.match(badCtx.stderr, /--context-file .*ctx\.json: element 0: .*give one JSON object/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("--postprocess-isolation sweep is recorded; hook limits and rehook's --runs are checked", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hook-cli-" });
  const out = join(dir, "out");
  const base = ["run", LEO, "--grid", "Sat.SMA=7000:7100:3", "--out", out, "--engine", "builtin"];
  const run = await cli([
    ...base,
    "--workers",
    "2",
    "--postprocess",
    `${PROBES}#echo`,
    "--postprocess-isolation",
    "sweep",
    "--postprocess-memory",
    "256",
    "--postprocess-max-output",
    "100000",
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /3 runs \(3 ok; hooks: 3 ok\)/);
  const manifest = await readManifest(join(out, "manifest.jsonl"));
  assert.equal(manifest.header.postprocess_isolation, "sweep");
  for (const e of manifest.entries) {
    // One long-lived worker served the runs, still each got its own spec and directory.
    const echo = JSON.parse(await Deno.readTextFile(join(out, e.extra_outputs.echo)));
    assert.equal(echo.spec.runId, e.run_id);
    assert.equal(echo.spec.outputDir, join(out, `run-${e.run_id}`));
  }
  const badMode = await cli([
    ...base,
    "--postprocess",
    `${PROBES}#echo`,
    "--postprocess-isolation",
    "x",
  ]);
  assert.equal(badMode.code, 2);
  assert.match(badMode.stderr, /--postprocess-isolation must be run or sweep, got 'x'/);
  const badMemory = await cli([
    ...base,
    "--postprocess",
    `${PROBES}#echo`,
    "--postprocess-memory",
    "0",
  ]);
  assert.equal(badMemory.code, 2);
  assert.match(badMemory.stderr, /--postprocess-memory must be a positive number/);
  const m = join(out, "manifest.jsonl");
  const badRuns = await cli(["rehook", m, "--runs", "1,x"]);
  assert.equal(badRuns.code, 2);
  assert.match(badRuns.stderr, /--runs: 'x' is not a run id or a range A-B/);
  // The ids 0-1 (a range) and all: the recorded hook, in the recorded isolation, no engine run.
  const some = await cli(["rehook", m, "--runs", "0-1"]);
  assert.equal(some.code, 0, some.stderr);
  assert.match(some.stdout, /2 runs \(hooks: 2 ok, 0 failed\)/);
  assert.match(some.stdout, new RegExp(`output: ${out}$`, "m"));
  const all = await cli(["rehook", m, "--runs", "all"]);
  assert.match(all.stdout, /3 runs \(hooks: 3 ok, 0 failed\)/);
  assert.equal((await readManifest(m)).header.postprocess_isolation, "sweep");
  await Deno.remove(dir, { recursive: true });
});
