/**
 * GMAT's force-model defaults and limits on the built-in engine: `Create ForceModel FM;` with no
 * fields, `PrimaryBodies = {Earth}` alone and a Propagator without `FM` all mean Earth JGM-2 to
 * degree 4 and order 4 (GMAT's report for the default script is byte-identical to the explicit
 * JGM-2 4x4 one: gmat-battery README); an epoch outside the shipped DE405 span is refused by
 * name; drag and SRP read the spacecraft's Cd, Cr and areas as set during the mission.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { EngineRunError, runScriptText } from "../../src/engine/mod.ts";
import { PhysicsData } from "../../src/physics/mod.ts";

const physics = new PhysicsData();

function script(fm: string, extra = "", mission = "Propagate Prop(Sat) {Sat.ElapsedSecs = 3000}") {
  return `Create Spacecraft Sat
Sat.DateFormat = UTCGregorian
Sat.Epoch = '01 Jan 2026 00:00:00.000'
Sat.DisplayStateType = Keplerian
Sat.SMA = 6778
Sat.ECC = 0.001
Sat.INC = 51.6
${fm}
Create Propagator Prop
${fm.includes("Create ForceModel FM") ? "Prop.FM = FM" : ""}
Prop.Type = RungeKutta89
Prop.Accuracy = 1e-12
${extra}
Create ReportFile RF
RF.Filename = 'rf.txt'
RF.Precision = 16
RF.Add = {Sat.A1ModJulian, Sat.EarthMJ2000Eq.X, Sat.EarthMJ2000Eq.Y, Sat.EarthMJ2000Eq.Z}
BeginMissionSequence
${mission}
`;
}

async function report(text: string): Promise<string> {
  const dir = await Deno.makeTempDir();
  await runScriptText(text, join(dir, "s.script"), { outputDir: dir, physics });
  const out = await Deno.readTextFile(join(dir, "rf.txt"));
  await Deno.remove(dir, { recursive: true });
  return out;
}

Deno.test("GMAT's default force model is JGM-2 4x4, however the script leaves it out", async () => {
  const explicit = await report(script(
    "Create ForceModel FM\nFM.PrimaryBodies = {Earth}\nFM.GravityField.Earth.PotentialFile = " +
      "'JGM2.cof'\nFM.GravityField.Earth.Degree = 4\nFM.GravityField.Earth.Order = 4",
  ));
  for (
    const fm of [
      "Create ForceModel FM",
      "Create ForceModel FM\nFM.PrimaryBodies = {Earth}",
      "", // no ForceModel at all: the Propagator's internal default
    ]
  ) {
    assert.equal(await report(script(fm)), explicit, `'${fm}'`);
  }
  const pointMass = await report(script("Create ForceModel FM\nFM.PointMasses = {Earth}"));
  assert.notEqual(pointMass, explicit, "J2 moves a LEO by kilometres in 50 minutes");
});

Deno.test("an epoch outside the shipped DE405 span is refused by name", async () => {
  const text = script("Create ForceModel FM\nFM.PointMasses = {Earth, Sun}").replace(
    "'01 Jan 2026 00:00:00.000'",
    "'01 Jan 2075 00:00:00.000'",
  );
  await assert.rejects(
    () => report(text),
    (e: unknown) =>
      e instanceof EngineRunError && /2075|outside/.test(e.message) &&
      /1959|1960|2060/.test(e.message),
  );
});

Deno.test("drag reads Cd and DragArea as the mission sets them", async () => {
  const fm = "Create ForceModel FM\nFM.PrimaryBodies = {Earth}\nFM.Drag.AtmosphereModel = " +
    "Exponential";
  const final = (text: string) => {
    const rows = text.trim().split("\n");
    return rows[rows.length - 1].trim().split(/\s+/).slice(1).map(Number);
  };
  const a = final(await report(script(fm, "Sat.Cd = 2.2\nSat.DragArea = 10")));
  const b = final(
    await report(script(
      fm,
      "Sat.Cd = 2.2\nSat.DragArea = 10",
      [
        "Sat.Cd = 4.4",
        "Propagate Prop(Sat) {Sat.ElapsedSecs = 3000}",
      ].join("\n"),
    )),
  );
  const c = final(await report(script(fm, "Sat.Cd = 4.4\nSat.DragArea = 10")));
  assert.deepEqual(b, c, "Cd set in the mission is the Cd the next Propagate uses");
  assert.ok(Math.hypot(a[0] - c[0], a[1] - c[1], a[2] - c[2]) > 1e-4, "Cd changes the orbit");
});
