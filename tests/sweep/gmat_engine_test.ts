/**
 * The GmatConsole driver inside a sweep: against a directory laid out like a GMAT install whose
 * bin/GmatConsole is the built-in engine's console, a sweep gives the same table as the built-in
 * engine in process, records engine "gmat" with the install's release, and `auto` picks it.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { makeGmatInstall } from "../../src/engine/mod.ts";
import { gridRunSet } from "../../src/runset/mod.ts";
import { resolveEngine, Sweep } from "../../src/sweep/mod.ts";
import { fixture, ROOT } from "../_support/engine.ts";

Deno.test("a sweep through a GMAT-shaped install equals the built-in sweep", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-gmat-" });
  const root = join(dir, "gmat-R2026a");
  await makeGmatInstall(root, { entry: [join(ROOT, "cli.ts"), "gmat-console"] });
  const grid = gridRunSet({ "Sat.SMA": [7000, 7150, 7300] });
  const viaGmat = await Sweep.create(fixture("scripts/leo_basic.script"), grid, {
    outputDir: join(dir, "gmat"),
    engine: "gmat",
    gmatRoot: root,
    workers: 2,
  });
  const s1 = await viaGmat.run();
  assert.equal(s1.ok, 3);
  const header = (await viaGmat.manifest()).header;
  assert.equal(header.engine.kind, "gmat");
  assert.equal(header.gmat_install_version, "R2026a");
  const builtin = await Sweep.create(fixture("scripts/leo_basic.script"), grid, {
    outputDir: join(dir, "builtin"),
    engine: "builtin",
  });
  await builtin.run();
  const a = await viaGmat.toTable(), b = await builtin.toTable();
  assert.equal(a.numRows, 9);
  for (const name of ["Sat.EarthMJ2000Eq.X", "Sat.Earth.SMA"]) {
    assert.deepEqual([...a.getChild(name)!.toArray()], [...b.getChild(name)!.toArray()]);
  }
  // The run directory holds GMAT's own files as well.
  await Deno.stat(join(dir, "gmat", "run-0", "GmatLog.txt"));

  const auto = await resolveEngine("auto", root);
  assert.equal(auto.choice.kind, "gmat");
  const none = await resolveEngine("auto", undefined);
  assert.equal(none.choice.kind === "builtin" || none.choice.kind === "gmat", true);
  await assert.rejects(() => resolveEngine("gmat", join(dir, "nowhere")), /GMAT/);
  await Deno.remove(dir, { recursive: true });
});
