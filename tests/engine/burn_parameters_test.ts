/**
 * Finite-burn report parameters (`Sat.Thruster.MassFlowRate`, `Isp`, `ThrustMagnitude`,
 * `FB.TotalThrust1..3`, `FB.TotalAcceleration1..3`, `FB.TotalMassFlowRate`) and the thruster and
 * tank settings parameters:
 *
 * - GMAT's sample `Ex_FiniteBurnParameters` against the ReportFile real GMAT R2026a wrote: the
 *   same header and rows; the mass flow, Isp and thrust magnitude to 1e-12; the thrust and
 *   acceleration vectors within the rotation of the thrust direction (VNB, along the velocity)
 *   over each row's epoch offset. The rows are the integrator's steps and the engine's step
 *   sizes differ from GMAT's by up to 0.13% (the step-size choice, not these parameters), so the
 *   rows sit up to ~110 ms apart; the velocity direction of this orbit turns at most at
 *   |a|/|v| < 1.2e-3 rad/s, so a vector of magnitude F may differ by F * 1.2e-3 * |dt|, plus
 *   F * 1e-6 for the velocity's own class bound (1e-6 relative).
 * - Independent checks on an engine run with a BlowDown tank and pressure-dependent C/K
 *   polynomials, DutyCycle and ThrustScaleFactor: pressure P = P0 V0g / (V - m / rho),
 *   F = C1 + C2 P, Isp = K1 + K2 P, ThrustMagnitude = F TSF DC, MassFlowRate = -F DC / (g Isp),
 *   |TotalThrust| = ThrustMagnitude along the velocity, TotalAcceleration = TotalThrust /
 *   (1000 TotalMass); all firing values 0 before BeginFiniteBurn and after EndFiniteBurn (GMAT's
 *   `Thruster::GetThrustMagnitude` and `Burn::GetTotalThrust` return 0 when not firing).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { runScriptFile } from "../../src/engine/run_script.ts";
import { ScriptError } from "../../src/script/errors.ts";
import { close, leoScript, readReport, runInTemp } from "../_support/engine.ts";
import { SAMPLE_OUTPUTS_ROOT } from "./_samples_outputs.ts";

const SAMPLE = new URL(
  "../../../shared/reference/gmat-samples/Ex_FiniteBurnParameters.script",
  import.meta.url,
).pathname;
const GMAT_REPORT = join(SAMPLE_OUTPUTS_ROOT, "Ex_FiniteBurnParameters", "ReportFile1.txt");

/** Upper bound of the velocity direction's turn rate on the sample's orbit, rad/s. */
const TURN_RATE = 1.2e-3;

const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");
const row = (line: string) => line.trim().split(/\s+/).map(Number);

Deno.test("Ex_FiniteBurnParameters reproduces GMAT's ReportFile1.txt", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-burn-params-" });
  await runScriptFile(SAMPLE, { outputDir: dir });
  const ours = lines(await Deno.readTextFile(join(dir, "ReportFile1.txt")));
  const gmat = lines(await Deno.readTextFile(GMAT_REPORT));
  assert.equal(ours.length, gmat.length);
  assert.equal(ours[0], gmat[0]);
  let worstEpochS = 0;
  for (let i = 1; i < gmat.length; i++) {
    const a = row(ours[i]), b = row(gmat[i]);
    const dt = Math.abs(a[0] - b[0]) * 86400;
    worstEpochS = Math.max(worstEpochS, dt);
    assert.ok(dt < 0.15, `row ${i}: epoch ${a[0]} vs GMAT ${b[0]}`);
    // Mass flow, Isp, thrust magnitude, total mass flow: constant, exact.
    for (const c of [1, 2, 3, 7]) close(a[c], b[c], 1e-12, 0, `row ${i} col ${c}`);
    // The turn over the epoch offset, plus the velocity class bound of the sample comparisons
    // (1e-6 relative: the thrust is along the velocity, so its direction to 1e-6 rad).
    const thrustBound = 10 * (TURN_RATE * dt + 1e-6);
    for (const c of [8, 9, 10]) close(a[c], b[c], 0, thrustBound, `row ${i} TotalThrust`);
    const accelBound = thrustBound / (1000 * 2300);
    for (const c of [4, 5, 6]) close(a[c], b[c], 0, accelBound, `row ${i} TotalAcceleration`);
    // Magnitudes do not depend on the direction: |a| = F / (1000 m), with m off by the fuel
    // burnt over the epoch offset (3.4e-3 kg/s).
    const mag = (v: number[]) => Math.hypot(v[0], v[1], v[2]);
    const massRel = 3.4e-3 * dt / 2300 + 1e-12;
    close(mag(a.slice(4, 7)), mag(b.slice(4, 7)), massRel, 0, `row ${i} |TotalAcceleration|`);
    close(mag(a.slice(8, 11)), mag(b.slice(8, 11)), 1e-12, 0, `row ${i} |TotalThrust|`);
  }
  console.log(`worst epoch offset ${worstEpochS.toFixed(4)} s`);
});

Deno.test("Ex_FiniteBurnParameters: values follow the thruster and the mass", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-burn-params-" });
  await runScriptFile(SAMPLE, { outputDir: dir });
  const rows = lines(await Deno.readTextFile(join(dir, "ReportFile1.txt"))).slice(1).map(row);
  const g = 9.81, thrust = 10, isp = 300; // GMAT's ChemicalThruster defaults C1, K1, g
  const mass0 = 850 + 2 * 756; // DryMass + two default tanks
  for (const r of rows) {
    close(r[1], -thrust / (g * isp), 1e-15, 0, "MassFlowRate");
    close(r[3], thrust, 1e-15, 0, "ThrustMagnitude");
    close(Math.hypot(r[8], r[9], r[10]), r[3], 1e-14, 0, "|TotalThrust|");
    const elapsed = (r[0] - rows[0][0]) * 86400;
    const mass = mass0 + r[7] * elapsed;
    for (let k = 0; k < 3; k++) {
      close(r[4 + k], r[8 + k] / (1000 * mass), 1e-9, 1e-18, "TotalAcceleration");
    }
  }
});

const HARDWARE = `Create ChemicalTank T1
T1.PressureModel = BlowDown
T1.FuelMass = 500
T1.Pressure = 2000
T1.Volume = 1.0
T1.FuelDensity = 1000
T1.Temperature = 25
T1.RefTemperature = 25
Create ChemicalThruster Thr
Thr.DecrementMass = true
Thr.Tank = {T1}
Thr.C1 = 20
Thr.C2 = 0.001
Thr.K1 = 250
Thr.K2 = 0.01
Thr.DutyCycle = 0.8
Thr.ThrustScaleFactor = 0.5
Thr.GravitationalAccel = 9.8
Sat.Tanks = {T1}
Sat.Thrusters = {Thr}
Sat.DryMass = 300
Create FiniteBurn FB
FB.Thrusters = {Thr}`;

const COLUMNS = [
  "Sat.Thr.MassFlowRate",
  "Sat.Thr.Isp",
  "Sat.Thr.ThrustMagnitude",
  "FB.TotalThrust1",
  "FB.TotalThrust2",
  "FB.TotalThrust3",
  "FB.TotalAcceleration1",
  "FB.TotalAcceleration2",
  "FB.TotalAcceleration3",
  "FB.TotalMassFlowRate",
  "Sat.T1.FuelMass",
  "Sat.T1.Pressure",
  "Sat.TotalMass",
  "Sat.EarthMJ2000Eq.VX",
  "Sat.EarthMJ2000Eq.VY",
  "Sat.EarthMJ2000Eq.VZ",
  "Sat.Thr.DutyCycle",
  "Sat.Thr.ThrustScaleFactor",
  "Sat.Thr.GravitationalAccel",
  "Sat.Thr.C2",
  "Sat.Thr.K1",
  "Sat.Thr.ThrustDirection1",
  "Sat.T1.Volume",
  "Sat.T1.FuelDensity",
  "Sat.T1.Temperature",
  "Sat.T1.RefTemperature",
];

Deno.test("thruster, tank and burn parameters against independent formulas", async () => {
  const text = leoScript({
    resources: HARDWARE,
    report: COLUMNS.join(", "),
    mission: "Propagate Prop(Sat) {Sat.ElapsedSecs = 300}\nBeginFiniteBurn FB(Sat)\n" +
      "Propagate Prop(Sat) {Sat.ElapsedSecs = 600}\nEndFiniteBurn FB(Sat)\n" +
      "Propagate Prop(Sat) {Sat.ElapsedSecs = 300}",
  });
  const run = await runInTemp(text);
  const { columns, rows } = await readReport(join(run.dir, "rf.txt"));
  assert.deepEqual(columns, COLUMNS);
  const v = (r: (number | string)[], name: string) => r[COLUMNS.indexOf(name)] as number;
  const pv = 2000 * (1.0 - 500 / 1000);
  let firing = 0;
  for (const r of rows) {
    assert.deepEqual(
      [
        "Sat.Thr.DutyCycle",
        "Sat.Thr.ThrustScaleFactor",
        "Sat.Thr.GravitationalAccel",
        "Sat.Thr.C2",
        "Sat.Thr.K1",
        "Sat.Thr.ThrustDirection1",
        "Sat.T1.Volume",
        "Sat.T1.FuelDensity",
        "Sat.T1.Temperature",
        "Sat.T1.RefTemperature",
      ].map((n) => v(r, n)),
      [0.8, 0.5, 9.8, 0.001, 250, 1, 1, 1000, 25, 25],
    );
    const fuel = v(r, "Sat.T1.FuelMass");
    const p = pv / (1.0 - fuel / 1000);
    close(v(r, "Sat.T1.Pressure"), p, 1e-12, 0, "Pressure");
    close(v(r, "Sat.TotalMass"), 300 + fuel, 1e-15, 0, "TotalMass");
    if (v(r, "FB.TotalMassFlowRate") === 0) {
      for (const n of COLUMNS.slice(0, 10)) assert.equal(v(r, n), 0, n);
      continue;
    }
    firing++;
    const f = 20 + 0.001 * p, isp = 250 + 0.01 * p;
    close(v(r, "Sat.Thr.Isp"), isp, 1e-14, 0, "Isp");
    close(v(r, "Sat.Thr.ThrustMagnitude"), f * 0.5 * 0.8, 1e-14, 0, "ThrustMagnitude");
    close(v(r, "Sat.Thr.MassFlowRate"), -f * 0.8 / (9.8 * isp), 1e-14, 0, "MassFlowRate");
    close(v(r, "FB.TotalMassFlowRate"), v(r, "Sat.Thr.MassFlowRate"), 0, 0, "Total");
    const vel = ["VX", "VY", "VZ"].map((c) => v(r, `Sat.EarthMJ2000Eq.${c}`));
    const speed = Math.hypot(...vel);
    for (let k = 0; k < 3; k++) {
      const want = f * 0.4 * vel[k] / speed;
      close(v(r, `FB.TotalThrust${k + 1}`), want, 1e-12, 1e-14, "TotalThrust");
      close(v(r, `FB.TotalAcceleration${k + 1}`), want / (1000 * (300 + fuel)), 1e-12, 1e-20, "a");
    }
  }
  assert.ok(firing > 3, `${firing} firing rows`);
  assert.equal(v(rows[0], "Sat.T1.FuelMass"), 500);
  assert.ok(v(rows.at(-1)!, "Sat.T1.FuelMass") < 500);
});

Deno.test("hardware parameters the engine does not have are refused", async () => {
  const cases: [string, string, RegExp][] = [
    ["Sat.T1.FuelCenterOfMassX", "ENGINE_UNSUPPORTED", /tank parameter Sat\.T1\.FuelCenterOfMassX/],
    ["Sat.Thr.IsFiring", "ENGINE_UNSUPPORTED", /thruster parameter Sat\.Thr\.IsFiring/],
    ["FB.TotalThrust4", "SCRIPT_UNKNOWN_FIELD", /unknown FiniteBurn parameter 'FB\.TotalThrust4'/],
  ];
  for (const [param, code, says] of cases) {
    const text = leoScript({
      resources: HARDWARE,
      report: `Sat.ElapsedSecs, ${param}`,
      mission: "Propagate Prop(Sat) {Sat.ElapsedSecs = 60}",
    });
    await assert.rejects(runInTemp(text), (e: unknown) => {
      assert.ok(e instanceof ScriptError, String(e));
      assert.equal(e.code, code);
      assert.match(e.message, says);
      return true;
    });
  }
});
