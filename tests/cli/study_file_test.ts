/**
 * `gmat-sweep run study.jsonc` through the real CLI: a Monte Carlo study file (comments, trailing
 * commas, paths relative to the file) makes the same manifest entries and table as the command
 * line it stands for; the header records the study's text; errors name the file, line and key.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { cli } from "../_support/cli.ts";
import { LEO } from "../_support/sweep_tree.ts";
import { lazyOutputs, readManifest, tableRecords } from "../../mod.ts";

/** Entries without what differs between two identical sweeps (times, hosts, paths). */
async function comparable(manifest: string) {
  const m = await readManifest(manifest);
  return m.entries
    .map((e) => ({ run_id: e.run_id, status: e.status, overrides: e.overrides }))
    .sort((a, b) => a.run_id - b.run_id);
}

Deno.test("a study file makes the same sweep as its command line and is recorded", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-study-" });
  await Deno.mkdir(join(dir, "studies"));
  await Deno.copyFile(LEO, join(dir, "leo.script"));
  const study = `{
  // A small dispersion of the LEO mission.
  "command": "monte-carlo",
  "script": "../leo.script",       // relative to this file
  "out": "../sweeps/mc",
  "perturb": { "Sat.SMA": "normal:7000:5", "Sat.INC": "uniform:28:29" },
  "n": 6,
  "seed": 42,
  "workers": 2,
  "engine": "builtin",
  "quiet": true,
}
`;
  await Deno.writeTextFile(join(dir, "studies", "mc.jsonc"), study);
  // Run from another working directory: paths resolve against the study file.
  const fromStudy = await cli(["run", join(dir, "studies", "mc.jsonc")]);
  assert.equal(fromStudy.code, 0, fromStudy.stderr);
  assert.match(fromStudy.stdout, /^6 runs \(6 ok\)/);
  const flags = await cli([
    "monte-carlo",
    join(dir, "leo.script"),
    "--perturb",
    "Sat.SMA=normal:7000:5",
    "--perturb",
    "Sat.INC=uniform:28:29",
    "--n",
    "6",
    "--seed",
    "42",
    "--workers",
    "2",
    "--engine",
    "builtin",
    "--out",
    join(dir, "flags"),
    "-q",
  ]);
  assert.equal(flags.code, 0, flags.stderr);

  const a = join(dir, "sweeps", "mc", "manifest.jsonl");
  const b = join(dir, "flags", "manifest.jsonl");
  assert.deepEqual(await comparable(a), await comparable(b));
  const strip = (rows: ReturnType<typeof tableRecords>) => rows.map((r) => JSON.stringify(r));
  assert.deepEqual(
    strip(tableRecords(await lazyOutputs(a))),
    strip(tableRecords(await lazyOutputs(b))),
  );
  const header = (await readManifest(a)).header;
  assert.deepEqual(header.study, { file: join(dir, "studies", "mc.jsonc"), text: study });
  assert.equal((await readManifest(b)).header.study, undefined);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("study file errors name the file, the line and the key", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-study-" });
  const file = join(dir, "s.jsonc");
  const cases: [string, RegExp][] = [
    [
      `{\n  "script": "${LEO}",\n  "out": "o",\n  "grid": {"Sat.SMA": [7000]},\n  "wokers": 2\n}`,
      /s\.jsonc:5: "wokers": unknown key; a study's keys are the sweep flags' names: command, script/,
    ],
    [
      `{\n  "script": "${LEO}",\n  "out": "o",\n  "grid": {"Sat.SMA": [7000]},\n  "workers": "two"\n}`,
      /s\.jsonc:5: "workers": .*number/i,
    ],
    [
      `{\n  "script": "${LEO}",\n  "out": "o",\n  "grid": {"Sat.SMA": [7000]},\n\n  "workers": -3\n}`,
      /s\.jsonc:6: "workers": -3: give at least 1, or -1 for one worker per core/,
    ],
    [
      `{\n  "script": "${LEO}"\n  "out": "o"\n}`,
      /s\.jsonc:3: not valid JSON with comments \(CommaExpected\)/,
    ],
    [`{\n  "out": "o"\n}`, /s\.jsonc: "script": is required/],
  ];
  for (const [text, expected] of cases) {
    await Deno.writeTextFile(file, text);
    const r = await cli(["run", file]);
    assert.equal(r.code, 2, text);
    assert.match(r.stderr, expected);
  }
  const extra = await cli(["run", file, "--workers", "2"]);
  assert.equal(extra.code, 2);
  await Deno.remove(dir, { recursive: true });
});
