/**
 * Bad input is refused before any run starts, with a message naming the field and the fix, and
 * the Python tool's exit codes.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { cli } from "../_support/cli.ts";
import { fixture } from "../_support/engine.ts";
import { runGrid } from "../_support/sweep_tree.ts";

const LEO = fixture("scripts/leo_basic.script");

async function refused(args: string[], code: number, says: RegExp): Promise<void> {
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-bad-" });
  const r = await cli([...args, "--out", out, "--engine", "builtin"]);
  assert.equal(r.code, code, `${args.join(" ")}\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stderr, says);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  const left = [...Deno.readDirSync(out)];
  assert.deepEqual(left, [], "nothing ran: no manifest, no run directory");
  await Deno.remove(out, { recursive: true });
}

Deno.test("run refuses an unknown field in an override before any run", async () => {
  await refused(
    ["run", LEO, "--grid", "Sat.SMAA=7000,7100"],
    2,
    /override Sat\.SMAA.*no field 'SMAA'.*did you mean 'SMA'/s,
  );
});

Deno.test("run refuses an unknown resource in an override", async () => {
  await refused(
    ["run", LEO, "--grid", "Sta.SMA=7000,7100"],
    2,
    /'Sta' is not defined; did you mean 'Sat'/,
  );
});

Deno.test("run refuses a value the field cannot take", async () => {
  await refused(
    ["run", LEO, "--grid", "Prop.Accuracy=small,big"],
    2,
    /Prop\.Accuracy expects a number/,
  );
});

Deno.test("run refuses an empty axis, a duplicate axis, a malformed grid", async () => {
  await refused(["run", LEO, "--grid", "Sat.SMA="], 2, /Sat\.SMA/);
  await refused(
    ["run", LEO, "--grid", "Sat.SMA=7000,7100", "--grid", "Sat.SMA=1,2"],
    2,
    /Sat\.SMA.*(twice|more than once|duplicate)/i,
  );
  await refused(["run", LEO, "--grid", "Sat.SMA=7000:7300:1"], 2, /count|at least 2/);
});

Deno.test("monte-carlo refuses a bad distribution", async () => {
  await refused(
    ["monte-carlo", LEO, "--n", "4", "--perturb", "Sat.SMA=normal:7000:-1", "--seed", "1"],
    2,
    /sigma/,
  );
  await refused(
    ["monte-carlo", LEO, "--n", "4", "--perturb", "Sat.SMA=gauss:7000:1", "--seed", "1"],
    2,
    /gauss/,
  );
});

Deno.test("a missing script and missing required flags exit 2 pointing at the command's help", async () => {
  await refused(
    ["run", join(LEO, "..", "nope.script"), "--grid", "Sat.SMA=1,2"],
    2,
    /does not exist/,
  );
  const r = await cli(["run", LEO, "--grid", "Sat.SMA=1,2"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--out DIR is required/);
  // One line of error and one pointing at --help: the whole help would scroll the error away.
  assert.deepEqual(r.stderr.trim().split("\n"), [
    "gmat-sweep: --out DIR is required",
    "Run 'gmat-sweep run --help' for usage and examples.",
  ]);
  assert.doesNotMatch(r.stderr, /Examples:/);
});

Deno.test("numbers out of range get range messages, negative ones included; --workers -1 is all cores", async () => {
  const mc = ["monte-carlo", LEO, "--perturb", "Sat.SMA=normal:7000:1", "--out", "/nonexistent/x"];
  const n = await cli([...mc, "--n", "-5", "--seed", "1"]);
  assert.equal(n.code, 2);
  assert.match(n.stderr, /^gmat-sweep: --n -5: the number of runs must be at least 1\n/);
  const seed = await cli([...mc, "--n", "2", "--seed", "-1"]);
  assert.equal(seed.code, 2);
  assert.match(seed.stderr, /--seed -1: a seed is a whole number from 0/);
  const frac = await cli([...mc, "--n", "2.5"]);
  assert.match(frac.stderr, /--n 2\.5: give a whole number/);
  const w = await cli([
    "run",
    LEO,
    "--grid",
    "Sat.SMA=7000",
    "--out",
    "/nonexistent/x",
    "--workers",
    "-2",
  ]);
  assert.equal(w.code, 2);
  assert.match(w.stderr, /--workers -2: give at least 1, or -1 for one worker per core/);
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-workers-" });
  const all = await runGrid(LEO, ["Sat.SMA=7000,7100"], dir, ["--workers", "-1"]);
  assert.equal(all.code, 0, all.stderr);
  assert.match(all.stdout, /2 runs \(2 ok\)/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("--version prints the package version, as deno.json has it", async () => {
  const config = JSON.parse(await Deno.readTextFile(new URL("../../deno.json", import.meta.url)));
  for (const flag of ["--version", "-V"]) {
    const r = await cli([flag]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), `gmat-sweep ${config.version}`);
  }
});

Deno.test("resume refuses a script whose canonical hash changed, unless told to allow drift", async () => {
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-drift-" });
  const script = join(out, "leo.script");
  await Deno.copyFile(LEO, script);
  const first = await cli([
    "run",
    script,
    "--grid",
    "Sat.SMA=7000,7100",
    "--out",
    join(out, "s"),
    "--engine",
    "builtin",
  ]);
  assert.equal(first.code, 0, first.stderr);
  await Deno.writeTextFile(script, (await Deno.readTextFile(script)) + "% edited\n");
  const manifest = join(out, "s", "manifest.jsonl");
  const r = await cli(["resume", manifest, "--script", script]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /--allow-script-drift/);
  const allowed = await cli(["resume", manifest, "--script", script, "--allow-script-drift"]);
  assert.equal(allowed.code, 0, allowed.stderr);
  assert.match(allowed.stderr, /warning/i);
  await Deno.remove(out, { recursive: true });
});
