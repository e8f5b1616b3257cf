/**
 * Propagation about central bodies other than the Earth and coordinate systems with other
 * origins: a Luna-centred two-body orbit against the analytic Kepler solution, the third-body
 * acceleration relative to the Moon against an independent evaluation of GMAT's formula, the
 * EarthMJ2000Eq <-> LunaMJ2000Eq translation against DE405, and refusals that remain.
 *
 * @module
 */

import assert from "node:assert/strict";
import { keplerPropagate } from "../../src/physics/analytic/kepler_propagate.ts";
import { loadDeFile } from "../../src/physics/ephemeris/de_file.ts";
import { GeocentricEphemeris } from "../../src/physics/ephemeris/geocentric.ts";
import { GMAT_BODY_MU } from "../../src/physics/forces/body_mu.ts";
import { thirdBodyForce } from "../../src/physics/forces/third_body.ts";
import { keplerianToCartesian } from "../../src/physics/state/keplerian_to_cartesian.ts";
import { convertMjd } from "../../src/physics/time/convert_mjd.ts";
import { ScriptError } from "../../src/script/errors.ts";
import { readReport, runInTemp } from "../_support/engine.ts";

const CART = ["X", "Y", "Z", "VX", "VY", "VZ"];

/** A spacecraft in a low lunar orbit given in LunaMJ2000Eq, propagated about Luna for a day. */
function lunarScript(forces = "FM.PointMasses = {Luna}", extra = ""): string {
  return `Create Spacecraft Sat
Sat.DateFormat = UTCGregorian
Sat.Epoch = '01 Jan 2026 12:00:00.000'
Sat.CoordinateSystem = LunaMJ2000Eq
Sat.DisplayStateType = Keplerian
Sat.SMA = 2000
Sat.ECC = 0.05
Sat.INC = 30
Sat.RAAN = 40
Sat.AOP = 50
Sat.TA = 60
Create CoordinateSystem LunaMJ2000Eq
LunaMJ2000Eq.Origin = Luna
LunaMJ2000Eq.Axes = MJ2000Eq
Create ForceModel FM
FM.CentralBody = Luna
${forces}
Create Propagator Prop
Prop.FM = FM
Prop.Type = RungeKutta89
Prop.InitialStepSize = 60
Prop.Accuracy = 1e-13
Prop.MinStep = 0.001
Prop.MaxStep = 600
Create ReportFile RF
RF.Filename = 'r.txt'
RF.Precision = 16
RF.Add = {Sat.A1ModJulian, Sat.ElapsedSecs, ${
    CART.map((c) => `Sat.LunaMJ2000Eq.${c}`).join(", ")
  }, ${CART.map((c) => `Sat.EarthMJ2000Eq.${c}`).join(", ")}, Sat.Luna.SMA, Sat.Luna.ECC}
${extra}
BeginMissionSequence
Propagate Prop(Sat) {Sat.ElapsedDays = 1}
`;
}

/** The ScriptError a run is refused with. */
async function rejection(p: Promise<unknown>): Promise<ScriptError> {
  try {
    await p;
  } catch (e) {
    assert(e instanceof ScriptError, String(e));
    return e;
  }
  return assert.fail("the script was accepted");
}

const ELEMENTS = { sma: 2000, ecc: 0.05, inc: 30, raan: 40, aop: 50, ta: 60 };

Deno.test("a Luna-centred two-body orbit matches Kepler to 1e-6 km over a day", async () => {
  const run = await runInTemp(lunarScript());
  const { rows } = await readReport(`${run.dir}/r.txt`);
  const mu = GMAT_BODY_MU.Luna;
  const s0 = keplerianToCartesian(ELEMENTS, mu);
  const first = rows[0].slice(2, 8) as number[];
  for (let k = 0; k < 6; k++) {
    // The Keplerian input is taken with Luna's mu in LunaMJ2000Eq (round trip through Earth).
    assert(Math.abs(first[k] - s0[k]) < (k < 3 ? 1e-8 : 1e-11), `t=0 ${CART[k]}`);
  }
  const last = rows[rows.length - 1];
  assert.equal(last[1], 86400);
  const expect = keplerPropagate(Array.from(s0) as never, mu, 86400);
  for (let k = 0; k < 6; k++) {
    const got = last[2 + k] as number;
    assert(
      Math.abs(got - expect[k]) < (k < 3 ? 1e-6 : 1e-9),
      `${CART[k]}: ${got} vs ${expect[k]}`,
    );
  }
  // Origin-dependent parameters use Luna's mu relative to the Moon.
  assert(Math.abs((last[14] as number) - 2000) < 1e-6, `Sat.Luna.SMA ${last[14]}`);
  assert(Math.abs((last[15] as number) - 0.05) < 1e-9, `Sat.Luna.ECC ${last[15]}`);
});

Deno.test("EarthMJ2000Eq minus LunaMJ2000Eq is the DE405 Moon at every row", async () => {
  const run = await runInTemp(lunarScript("FM.PointMasses = {Luna, Earth, Sun}"));
  const { rows } = await readReport(`${run.dir}/r.txt`);
  const eph = new GeocentricEphemeris(await loadDeFile());
  const moon = new Float64Array(6);
  assert(rows.length > 10);
  for (const row of rows) {
    eph.state("Luna", convertMjd(row[0] as number, "A1", "TDB"), moon);
    for (let k = 0; k < 6; k++) {
      const earth = row[8 + k] as number;
      const luna = row[2 + k] as number;
      // The epoch is read back from the report: 16 digits of an A1 MJD are ~1e-6 s, times the
      // Moon's ~1 km/s is ~1e-6 km (the states themselves print to ~1e-10 km).
      const tol = k < 3 ? 2e-6 : 1e-10;
      assert(Math.abs(earth - luna - moon[k]) < tol, `${CART[k]}: ${earth - luna} vs ${moon[k]}`);
    }
  }
});

Deno.test("third bodies relative to the Moon: direct minus indirect term, as GMAT", async () => {
  const de = await loadDeFile();
  const eph = new GeocentricEphemeris(de);
  const epochA1 = 31041.50042863868;
  const force = thirdBodyForce({
    ephemeris: de,
    bodies: ["Earth", "Sun", "Luna"],
    centralBody: "Luna",
    epochA1,
  });
  const r = [1200, -1500, 600];
  const y = new Float64Array([...r, 0, 0, 0]);
  const dydt = new Float64Array(6);
  force.addTo(3600, y, dydt);
  // Independent: positions of each body relative to the Moon from geocentric DE405 states.
  const tdb = convertMjd(epochA1 + 3600 / 86400, "A1", "TDB");
  const moon = new Float64Array(6);
  const sun = new Float64Array(6);
  eph.state("Luna", tdb, moon);
  eph.state("Sun", tdb, sun);
  const expected = [0, 0, 0];
  const add = (mu: number, s: number[]) => {
    const d = s.map((x, k) => x - r[k]);
    const dn = Math.hypot(...d);
    const sn = Math.hypot(...s);
    for (let k = 0; k < 3; k++) expected[k] += mu * d[k] / dn ** 3 - mu * s[k] / sn ** 3;
  };
  add(GMAT_BODY_MU.Earth, [-moon[0], -moon[1], -moon[2]]);
  add(GMAT_BODY_MU.Sun, [sun[0] - moon[0], sun[1] - moon[1], sun[2] - moon[2]]);
  // Luna itself (the central body) is a central point mass: no indirect term.
  const rn = Math.hypot(...r);
  for (let k = 0; k < 3; k++) expected[k] -= GMAT_BODY_MU.Luna * r[k] / rn ** 3;
  for (let k = 0; k < 3; k++) {
    assert(
      Math.abs(dydt[3 + k] - expected[k]) <= 1e-14 * Math.abs(expected[k]) + 1e-18,
      `a[${k}] ${dydt[3 + k]} vs ${expected[k]}`,
    );
  }
  // The Earth's tidal term at the Moon is ~1e-8 km/s^2 at this distance: not negligible.
  assert(Math.abs(dydt[3] + GMAT_BODY_MU.Luna * r[0] / rn ** 3) > 1e-10);
});

Deno.test("a VNB burn about Luna uses the state relative to the Moon", async () => {
  const burn = `Create ImpulsiveBurn DV
DV.CoordinateSystem = Local
DV.Origin = Luna
DV.Axes = VNB
DV.Element1 = 0.1`;
  const text = lunarScript("FM.PointMasses = {Luna}", burn).replace(
    "Propagate Prop(Sat) {Sat.ElapsedDays = 1}",
    "Maneuver DV(Sat)\nPropagate Prop(Sat) {Sat.Luna.Periapsis}",
  );
  const run = await runInTemp(text);
  const { rows } = await readReport(`${run.dir}/r.txt`);
  const s0 = keplerianToCartesian(ELEMENTS, GMAT_BODY_MU.Luna);
  const v = Math.hypot(s0[3], s0[4], s0[5]);
  const after = rows[0].slice(5, 8) as number[];
  for (let k = 0; k < 3; k++) {
    assert(Math.abs(after[k] - s0[3 + k] * (1 + 0.1 / v)) < 1e-11, `V${CART[k]}`);
  }
  // Stopped at periapsis about the Moon: radial velocity relative to Luna is zero.
  const last = rows[rows.length - 1].slice(2, 8) as number[];
  const rdotv = last[0] * last[3] + last[1] * last[4] + last[2] * last[5];
  assert(Math.abs(rdotv) < 1e-6, `r.v at the stop ${rdotv}`);
});

Deno.test("refusals about other bodies name the construct and a fix", async () => {
  const cases: [string, RegExp, string][] = [
    ["FM.PointMasses = {Luna}\nFM.Drag.AtmosphereModel = Exponential", /drag about/, "Drag"],
    ["FM.PrimaryBodies = {Luna}", /gravity field of Luna/, "ForceModel.PrimaryBodies"],
    [
      "FM.PointMasses = {Luna}\nFM.GravityField.Luna.Degree = 4",
      /GravityField\.Luna\.Degree/,
      "GravityField",
    ],
  ];
  for (const [forces, says, construct] of cases) {
    const e = await rejection(runInTemp(lunarScript(forces)));
    assert.equal(e.code, "ENGINE_UNSUPPORTED");
    assert(says.test(e.message), e.message);
    assert(e.construct?.includes(construct), e.construct);
  }
  const origin = lunarScript().replace("LunaMJ2000Eq.Origin = Luna", "LunaMJ2000Eq.Origin = L1");
  const e = await rejection(runInTemp(origin));
  assert.equal(e.construct, "CoordinateSystem.Origin");
  const altitude = lunarScript().replace("Sat.Luna.ECC}", "Sat.Luna.Altitude}");
  const a = await rejection(runInTemp(altitude));
  assert(/body-fixed frame of Luna/.test(a.message), a.message);
});
