/**
 * Spacecraft mass properties (`ExtendedMassPropertiesModel = 'CenterOfMassAndMomentOfInertia'`):
 * the combination rule against hand computations, the report parameters against GMAT R2026a's
 * Ex_AnalyticMassProperties report and against the tank fields and fuel the run itself reports,
 * and the refusals.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { systemMassProperties } from "../../src/engine/mass_properties.ts";
import { readReport, runInTemp } from "../_support/engine.ts";

const ZERO = { xx: 0, xy: 0, xz: 0, yy: 0, yz: 0, zz: 0 };
const SAMPLES = new URL("../../../shared/reference/", import.meta.url).pathname;

Deno.test("Two point masses: centre between them, m d^2 about the axes across, -m x y", () => {
  const p = systemMassProperties([
    { mass: 1, centerOfMass: [1, 1, 0], inertia: ZERO },
    { mass: 1, centerOfMass: [-1, -1, 0], inertia: ZERO },
  ]);
  assert.deepEqual(p.centerOfMass, [0, 0, 0]);
  // Each mass is sqrt(2) from the z axis and 1 from the x and y axes: Izz = 4, Ixx = Iyy = 2.
  assert.deepEqual(p.inertia, { xx: 2, xy: -2, xz: 0, yy: 2, yz: 0, zz: 4 });
  // A part's own inertia adds unchanged; a lone part keeps its centre.
  const one = systemMassProperties([
    { mass: 3, centerOfMass: [5, 6, 7], inertia: { xx: 1, xy: 2, xz: 3, yy: 4, yz: 5, zz: 6 } },
  ]);
  assert.deepEqual(one.centerOfMass, [5, 6, 7]);
  assert.deepEqual(one.inertia, { xx: 1, xy: 2, xz: 3, yy: 4, yz: 5, zz: 6 });
});

const SAT = `Create Spacecraft Sat1
Sat1.DryMass = 800
Sat1.ExtendedMassPropertiesModel = 'CenterOfMassAndMomentOfInertia'
Sat1.ExtendedMassPropertiesModelType = 'Analytic'
Sat1.DryCenterOfMassX = 1
Sat1.DryCenterOfMassY = 2
Sat1.DryCenterOfMassZ = 3
Sat1.DryMomentOfInertiaXX = 111
Sat1.DryMomentOfInertiaXY = 222
Sat1.DryMomentOfInertiaXZ = 333
Sat1.DryMomentOfInertiaYY = 444
Sat1.DryMomentOfInertiaYZ = 555
Sat1.DryMomentOfInertiaZZ = 666
Sat1.Tanks = {Tank1}
Sat1.Thrusters = {Thr}
Create ChemicalTank Tank1
Tank1.FuelMass = 400
Tank1.FuelCenterOfMassX = -4
Tank1.FuelCenterOfMassY = -5
Tank1.FuelCenterOfMassZ = -6
Tank1.FuelMomentOfInertiaXX = 10
Tank1.FuelMomentOfInertiaXY = 20
Tank1.FuelMomentOfInertiaXZ = 30
Tank1.FuelMomentOfInertiaYY = 40
Tank1.FuelMomentOfInertiaYZ = 50
Tank1.FuelMomentOfInertiaZZ = 60
Create ChemicalThruster Thr
Thr.Tank = {Tank1}
Thr.DecrementMass = true
Thr.K1 = 30
Thr.HWOriginInBCSX = 0.5
Create FiniteBurn Burn
Burn.Thrusters = {Thr}
Create ForceModel FM
FM.PointMasses = {Earth}
Create Propagator P
P.FM = FM
P.MaxStep = 60
Create ReportFile RF
RF.Filename = 'rf.txt'
RF.Add = {Sat1.ElapsedSecs, Sat1.Tank1.FuelMass, Sat1.SystemCenterOfMassX, Sat1.SystemCenterOfMassZ, Sat1.SystemMomentOfInertiaXX, Sat1.SystemMomentOfInertiaXY}
BeginMissionSequence
BeginFiniteBurn Burn(Sat1)
Propagate P(Sat1) {Sat1.ElapsedSecs = 600}
`;

Deno.test("System CoM and inertia follow the fuel the run reports, by hand", async () => {
  const r = await runInTemp(SAT);
  const { rows } = await readReport(join(r.dir, "rf.txt"));
  assert.ok(rows.length > 5);
  const first = rows[0][1] as number;
  assert.equal(first, 400);
  assert.ok((rows.at(-1)![1] as number) < first - 1, "the burn drains the tank");
  for (const row of rows) {
    const f = row[1] as number;
    const m = 800 + f;
    const cx = (800 * 1 + f * -4) / m;
    const cy = (800 * 2 + f * -5) / m;
    const cz = (800 * 3 + f * -6) / m;
    const near = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
    assert.ok(near(row[2] as number, cx), `CoM X ${row[2]} vs ${cx}`);
    assert.ok(near(row[3] as number, cz), `CoM Z ${row[3]} vs ${cz}`);
    // Parallel axis: Ixx = 111 + 10 + sum m (dy^2 + dz^2), Ixy = 222 + 20 - sum m dx dy.
    const ixx = 121 + 800 * ((2 - cy) ** 2 + (3 - cz) ** 2) + f * ((-5 - cy) ** 2 + (-6 - cz) ** 2);
    const ixy = 242 - 800 * (1 - cx) * (2 - cy) - f * (-4 - cx) * (-5 - cy);
    assert.ok(near(row[4] as number, ixx), `Ixx ${row[4]} vs ${ixx}`);
    assert.ok(near(row[5] as number, ixy), `Ixy ${row[5]} vs ${ixy}`);
  }
});

Deno.test("Ex_AnalyticMassProperties: the first row equals GMAT's to the last digits", async () => {
  const name = "Ex_AnalyticMassProperties";
  const script = await Deno.readTextFile(join(SAMPLES, "gmat-samples", `${name}.script`));
  // The first row only: the mission's first Propagate reports it before anything moves.
  const r = await runInTemp(
    script.replace(
      /BeginMissionSequence[\s\S]*/,
      "BeginMissionSequence\nPropagate Prop(Sat1) {Sat1.ElapsedSecs = 60.0}\n",
    ),
  );
  const ours = await readReport(join(r.dir, "cm_moi_report.txt"));
  const gmat = await readReport(join(SAMPLES, "gmat-samples-outputs", name, "cm_moi_report.txt"));
  assert.deepEqual(ours.columns, gmat.columns);
  for (let k = 1; k < gmat.columns.length; k++) {
    const [a, b] = [ours.rows[0][k] as number, gmat.rows[0][k] as number];
    assert.ok(Math.abs(a - b) <= 1e-14 * Math.abs(b), `${gmat.columns[k]}: ${a} vs ${b}`);
  }
});

Deno.test("Mass properties GMAT computes otherwise are refused by name", async () => {
  const refused = async (script: string, code: string, construct?: string) => {
    await assert.rejects(runInTemp(script), (e: Error & { code?: string; construct?: string }) => {
      assert.equal(e.code, code, script);
      if (construct) assert.equal(e.construct, construct);
      return true;
    });
  };
  const report = (q: string) =>
    `Create Spacecraft S\nCreate ReportFile RF\nRF.Add = {S.${q}}\nBeginMissionSequence\n`;
  await refused(
    report("SystemCenterOfMassX"),
    "ENGINE_UNSUPPORTED",
    "parameter SystemCenterOfMassX",
  );
  await refused(
    SAT.replace("'Analytic'", "'LookupTable'"),
    "ENGINE_UNSUPPORTED",
    "Spacecraft.ExtendedMassPropertiesModelType",
  );
  await refused(
    SAT.replace("FuelMomentOfInertiaYY = 40", "FuelMomentOfInertiaYY = -40"),
    "SCRIPT_BAD_VALUE",
  );
  await refused(
    SAT.replace("DryMomentOfInertiaZZ = 666", "DryMomentOfInertiaZZ = -1"),
    "SCRIPT_BAD_VALUE",
  );
});
