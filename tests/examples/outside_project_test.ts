/**
 * gmat-sweep used from outside its repository, with no `--config`: a project directory of its
 * own (its own `deno.json` with an unrelated import map, and no lock of ours) imports the
 * library by path, by file URL and by a package specifier its import map names, type-checks
 * and runs a sweep; a script with no config at all does the same; and the package's main module
 * run as a program is the CLI.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { command } from "../_support/cli.ts";
import { ROOT } from "../_support/engine.ts";

const LEO = join(ROOT, "fixtures", "scripts", "leo_basic.script");
const MOD = join(ROOT, "mod.ts");

function deno(args: string[], cwd: string) {
  return command(Deno.execPath(), args, { cwd, env: { NO_COLOR: "1" } });
}

function study(spec: string, out: string): string {
  return `import { gridRunSet, Sweep, tableRecords } from ${JSON.stringify(spec)};
const s = await Sweep.create(${JSON.stringify(LEO)}, gridRunSet({ "Sat.SMA": [7000, 7100] }), {
  outputDir: ${JSON.stringify(out)},
  engine: "builtin",
});
const summary = await s.run();
const rows = tableRecords(await s.toTable());
console.log(JSON.stringify({ ok: summary.ok, rows: rows.length, runIds: [...new Set(rows.map((r) => r.run_id))] }));
`;
}

Deno.test("the library imports from a project of its own by path, file URL and package name", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-outside-" });
  await Deno.writeTextFile(
    join(dir, "deno.json"),
    JSON.stringify({
      imports: { "@gmat/sweep": pathToFileURL(MOD).href, "zod": "npm:zod@3.23.8" },
    }),
  );
  const specs = { path: MOD, url: pathToFileURL(MOD).href, package: "@gmat/sweep" };
  for (const [how, spec] of Object.entries(specs)) {
    const file = join(dir, `${how}.ts`);
    await Deno.writeTextFile(file, study(spec, join(dir, `out-${how}`)));
    const checked = await deno(["check", file], dir);
    assert.equal(checked.code, 0, `${how}: deno check\n${checked.stderr}`);
    const ran = await deno(["run", "-A", file], dir);
    assert.equal(ran.code, 0, `${how}: deno run\n${ran.stderr}`);
    const result = JSON.parse(ran.stdout.trim().split("\n").at(-1)!);
    assert.deepEqual(result.runIds, [0, 1], how);
    assert.equal(result.ok, 2);
    assert.ok(result.rows > 2);
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("with no config at all, and mod.ts run as a program is the CLI", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-outside-" });
  const file = join(dir, "study.ts");
  await Deno.writeTextFile(file, study(MOD, join(dir, "out")));
  const ran = await deno(["run", "-A", "--no-config", file], dir);
  assert.equal(ran.code, 0, ran.stderr);
  assert.deepEqual(JSON.parse(ran.stdout.trim()).runIds, [0, 1]);

  const version = await deno(["run", "-A", "--no-config", MOD, "--version"], dir);
  assert.equal(version.code, 0, version.stderr);
  assert.match(version.stdout, /^gmat-sweep \d+\.\d+\.\d+/);
  const cli = await deno([
    "run",
    "-A",
    "--no-config",
    MOD,
    "run",
    LEO,
    "--grid",
    "Sat.SMA=7000,7100",
    "--out",
    join(dir, "cli"),
    "--engine",
    "builtin",
    "-q",
  ], dir);
  assert.equal(cli.code, 0, cli.stderr);
  assert.match(cli.stdout, /^2 runs \(2 ok\)/);
  await Deno.remove(dir, { recursive: true });
});
