/**
 * Inputs bounded where a bound is the only sane answer, through the real CLI: a worker count
 * beyond 4 per core (unless forced, and never beyond 1024), run sets beyond 100,000,000 runs, and
 * run sets beyond 100,000 runs without `--yes` (refused after saying their size and the disk they
 * need, measured on their first run) all exit 2 before anything is written.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { cli } from "../_support/cli.ts";
import { LEO, runGrid } from "../_support/sweep_tree.ts";

async function nothingAt(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return false;
  } catch {
    return true;
  }
}

Deno.test("bounds: workers, huge run sets and --yes refuse before anything is written", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-bounds-" });
  const out = join(dir, "out");
  const grid = ["--grid", "Sat.SMA=7000,7100"];
  const cores = navigator.hardwareConcurrency;
  const cases: { args: string[]; says: RegExp }[] = [
    {
      args: ["run", LEO, ...grid, "--workers", "1e9"],
      says: /--workers: 1000000000 workers is more than 1024/,
    },
    {
      args: ["run", LEO, ...grid, "--workers", String(4 * cores + 1)],
      says: new RegExp(`more than 4 per core \\(${4 * cores} here\\); force it \\(--force-workers`),
    },
    {
      args: ["run", LEO, ...grid, "--workers", "5000", "--force-workers"],
      says: /more than 1024, the most a local pool runs/,
    },
    {
      args: ["run", LEO, "--grid", "Sat.SMA=7000:7300:100000", "--grid", "Sat.INC=28:29:100000"],
      says: /this grid has 10,000,000,000 runs, more than the 100,000,000 one sweep may have/,
    },
    {
      args: ["monte-carlo", LEO, "--n", "1e9", "--perturb", "Sat.SMA=normal:7000:5"],
      says: /has 1,000,000,000 runs, more than the 100,000,000/,
    },
  ];
  for (const c of cases) {
    const r = await cli([...c.args, "--out", out, "--engine", "builtin", "-q"]);
    assert.equal(r.code, 2, `${c.args.join(" ")}:\n${r.stderr}`);
    assert.match(r.stderr, c.says);
    assert.doesNotMatch(r.stderr, /unexpected error| {4}at /);
    assert.ok(await nothingAt(out), "nothing written");
  }

  // 200,000 runs without --yes: the size and the disk it would take, from a measured first run.
  const big = await runGrid(LEO, ["Sat.SMA=7000:7300:400", "Sat.INC=28:29:500"], out);
  assert.equal(big.code, 2, big.stderr);
  assert.match(
    big.stderr,
    /this run would do 200,000 runs \(more than 100,000\); its first run took [\d.]+ kB on disk plus a [\d.]+ [kB]+ manifest line, so it needs about [\d.]+ GB in .*\. Nothing was written\. To start it, run the same command with --yes/,
  );
  assert.ok(await nothingAt(out), "nothing written");
  // extend --n beyond the threshold asks too.
  const mc = await cli([
    "monte-carlo",
    LEO,
    "--n",
    "2",
    "--perturb",
    "Sat.SMA=normal:7000:5",
    "--seed",
    "1",
    "--out",
    out,
    "--engine",
    "builtin",
    "-q",
  ]);
  assert.equal(mc.code, 0, mc.stderr);
  const manifest = join(out, "manifest.jsonl");
  const before = await Deno.readTextFile(manifest);
  const ext = await cli(["extend", manifest, "--script", LEO, "--n", "150000", "-q"]);
  assert.equal(ext.code, 2, ext.stderr);
  assert.match(ext.stderr, /this extend would do 150,000 runs .* with --yes/);
  assert.equal(await Deno.readTextFile(manifest), before);
  await Deno.remove(dir, { recursive: true });
});
