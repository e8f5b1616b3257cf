/**
 * Swept fields that cannot change a run are warned about before the sweep, through the real
 * CLI, and only then: Sat.Cd with drag off warns (and the runs are indeed identical, which the
 * test checks on the reports); with drag on, or when the script reports Sat.Cd, it does not;
 * DryMass warns only when nothing depends on mass.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { sweptFieldsWithoutEffect } from "../../src/engine/mod.ts";
import { LEO, runGrid } from "../_support/sweep_tree.ts";

Deno.test("sweeping Sat.Cd with drag off warns, and the runs are in fact identical", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-unused-" });
  const r = await runGrid(LEO, ["Sat.Cd=1.8,2.2"], join(dir, "out"));
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stderr,
    /gmat-sweep: warning: swept field Sat\.Cd changes nothing: no force model in the script has drag/,
  );
  const a = await Deno.readTextFile(join(dir, "out", "run-0", "sat.report"));
  const b = await Deno.readTextFile(join(dir, "out", "run-1", "sat.report"));
  assert.equal(a, b, "the warning is true: both runs' reports are byte-identical");
  const sma = await runGrid(LEO, ["Sat.SMA=7000,7100"], join(dir, "sma"));
  assert.doesNotMatch(sma.stderr, /warning/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("no warning when the physics or the script reads the field", async () => {
  const text = await Deno.readTextFile(LEO);
  const withDrag = text.replace(
    "FM.Drag.AtmosphereModel = None",
    "FM.Drag.AtmosphereModel = Exponential",
  );
  assert.notEqual(withDrag, text);
  assert.deepEqual(
    sweptFieldsWithoutEffect(withDrag, LEO, { "Sat.Cd": 2.2, "Sat.DryMass": 900 }),
    [],
  );
  const withSrp = text.replace("FM.SRP = Off", "FM.SRP = On");
  assert.deepEqual(
    sweptFieldsWithoutEffect(withSrp, LEO, { "Sat.Cr": 1.5, "Sat.DryMass": 900 }),
    [],
  );
  assert.equal(sweptFieldsWithoutEffect(withSrp, LEO, { "Sat.Cd": 2 }).length, 1);
  const reported = text.replace("Sat.Earth.ECC}", "Sat.Earth.ECC, Sat.Cd}");
  assert.notEqual(reported, text);
  assert.deepEqual(sweptFieldsWithoutEffect(reported, LEO, { "Sat.Cd": 2.2 }), []);
  const warned = sweptFieldsWithoutEffect(text, LEO, { "Sat.DryMass": 900, "Sat.SMA": 7000 });
  assert.equal(warned.length, 1);
  assert.match(
    warned[0],
    /Sat\.DryMass changes nothing: nothing the mission computes depends on mass/,
  );
});

Deno.test("DryMass read through the mass properties or a Write of the spacecraft: no warning, and the runs differ", async () => {
  const text = await Deno.readTextFile(LEO);
  const viaCom = text.replace("Sat.Earth.ECC}", "Sat.Earth.ECC, Sat.SystemCenterOfMassX}")
    .replace(
      /^(Create Spacecraft Sat.*)$/m,
      "$1\nCreate ChemicalTank Tank\nTank.FuelMass = 200\nTank.FuelCenterOfMassX = -1\n" +
        "Sat.Tanks = {Tank}\n" +
        "Sat.ExtendedMassPropertiesModel = CenterOfMassAndMomentOfInertia\n" +
        "Sat.DryCenterOfMassX = 0.5",
    );
  assert.match(viaCom, /SystemCenterOfMassX/);
  assert.match(viaCom, /DryCenterOfMassX/);
  assert.deepEqual(sweptFieldsWithoutEffect(viaCom, LEO, { "Sat.DryMass": 900 }), []);
  const written = text.replace("BeginMissionSequence", "BeginMissionSequence\nWrite Sat");
  assert.notEqual(written, text);
  assert.deepEqual(sweptFieldsWithoutEffect(written, LEO, { "Sat.DryMass": 900 }), []);
  // With fuel elsewhere, the centre of mass a report shows moves with the dry mass: the warning
  // would be false.
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-unused-com-" });
  const script = join(dir, "com.script");
  await Deno.writeTextFile(script, viaCom);
  const r = await runGrid(script, ["Sat.DryMass=500,1500"], join(dir, "out"));
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /warning/);
  const a = await Deno.readTextFile(join(dir, "out", "run-0", "sat.report"));
  const b = await Deno.readTextFile(join(dir, "out", "run-1", "sat.report"));
  assert.notEqual(a, b);
  await Deno.remove(dir, { recursive: true });
});
