/**
 * Thruster and tank models against hand-computed values of GMAT's documented formulas:
 *
 * - ChemicalThruster thrust (`ChemicalThruster::CalculateThrustAndIsp` doc comment; GMAT User
 *   Guide, ChemicalThruster "Thrust and Isp" equations), P in kPa, T and T_ref in C:
 *     F = C1 + C2 P + (C3 + C4 P + C5 P^2 + C6 P^C7 + C8 P^C9 + C10 P^C11 + C12 C13^(C14 P))
 *         (T / T_ref)^(1 + C15 + C16 P)
 *   and Isp the same with K1..K16.
 * - Mass flow (`ChemicalThruster::CalculateMassFlow`): dm/dt = -F / (g0 Isp) * DutyCycle,
 *   g0 = GravitationalAccel; ThrustScaleFactor only scales the applied thrust
 *   (`FiniteBurn::Fire`: a = F TSF DC / (m |d| 1000)).
 * - Several tanks: P = sum(P_i r_i) / sum(r_i), T / T_ref = sum(T_i r_i) / sum(T_ref,i r_i).
 * - BlowDown tank (`ChemicalTank::UpdateTank` doc comment): P_f = P_i V_i / V_f with the gas
 *   volume V = Volume - FuelMass / FuelDensity.
 * - ElectricThruster (`ElectricThruster.cpp`): ConstantThrustAndIsp F = ConstantThrust,
 *   mdot = F / (Isp g0); FixedEfficiency F = 2 eta P / v_e, mdot = 2 eta P / v_e^2 (P in W,
 *   v_e = Isp g0); ThrustMassPolynomial in mN and mg/s.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  allocateThrusterPower,
  C_UNITS,
  CHEMICAL_TANK_DEFAULTS,
  ChemicalTank,
  ChemicalThruster,
  type ElectricEvaluation,
  ElectricTank,
  ElectricThruster,
  FiniteThrust,
  K_UNITS,
  massStateLayout,
  packMassState,
  PropulsionError,
  THRUSTER_DEFAULTS,
} from "../../src/physics/propulsion/mod.ts";
import { assertClose } from "./_assert.ts";

function throwsCode(fn: () => unknown, code: string, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof PropulsionError, `expected PropulsionError, got ${e}`);
    assert.equal(e.code, code);
    assert.match(e.message, pattern);
    return true;
  });
}

Deno.test("GMAT defaults of tanks and thrusters", () => {
  assert.deepEqual({ ...CHEMICAL_TANK_DEFAULTS }, {
    fuelMass: 756,
    pressure: 1500,
    temperature: 20,
    refTemperature: 20,
    volume: 0.75,
    fuelDensity: 1260,
    pressureModel: "PressureRegulated",
    allowNegativeFuelMass: false,
  });
  assert.equal(new ElectricTank("e").fuelMass, 756);
  const thr = new ChemicalThruster("thr");
  assert.equal(thr.c[0], 10);
  assert.equal(thr.k[0], 300);
  assert.equal(thr.settings.gravitationalAccel, 9.81);
  assert.equal(THRUSTER_DEFAULTS.axes, "VNB");
  assert.equal(THRUSTER_DEFAULTS.origin, "Earth");
  assert.equal(THRUSTER_DEFAULTS.decrementMass, false);
  assert.equal(C_UNITS[4], "N/kPa^2");
  assert.equal(K_UNITS[5], "s/kPa^K7");
  assert.equal(K_UNITS[6], "None");
  // The default thruster at the default tank: 10 N, 300 s.
  assert.equal(thr.thrust(1500, 1), 10);
  assert.equal(thr.isp(1500, 1), 300);
});

Deno.test("ChemicalThruster polynomial: pressure terms C1..C5", () => {
  const thr = new ChemicalThruster("thr", {}, { c: [10, 0.1, 2, 0.01, 1e-5] });
  // 10 + 0.1*1500 + (2 + 0.01*1500 + 1e-5*1500^2) * 1^(1) = 10 + 150 + 39.5
  assertClose(thr.thrust(1500, 1), 199.5, { rtol: 1e-15 }, "F");
  assert.equal(thr.constantExpressions, false);
  assert.equal(thr.simpleExpressions, true);
});

Deno.test("ChemicalThruster polynomial: all sixteen coefficients and the temperature ratio", () => {
  const c = [1, 0, 1, 0, 0, 2, 0.5, 3, 1 / 3, 1, 2, 4, 2, 0.001, 1, 0.001];
  const k = [300, 0.01, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0];
  const thr = new ChemicalThruster("thr", {}, { c, k });
  assert.equal(thr.simpleExpressions, false);
  const p = 1000;
  const ratio = 30 / 20;
  // Braces: 1 + 2*1000^0.5 + 3*1000^(1/3) + 1*1000^2 + 4*2^(0.001*1000); exponent 1 + 1 + 1.
  const braces = 1 + 2 * Math.sqrt(1000) + 3 * Math.cbrt(1000) + 1e6 + 4 * 2;
  assertClose(thr.thrust(p, ratio), 1 + braces * 3.375, { rtol: 1e-14 }, "F");
  // Isp: 300 + 0.01*1000 + 10 * 1.5^1 (K13 = 1 keeps the expressions simple)
  assertClose(thr.isp(p, ratio), 325, { rtol: 1e-15 }, "Isp");
});

Deno.test("Mass flow = -F / (Isp g0) * DutyCycle; ThrustScaleFactor scales thrust only", () => {
  const thr = new ChemicalThruster("thr", {
    decrementMass: true,
    dutyCycle: 0.5,
    thrustScaleFactor: 0.8,
    gravitationalAccel: 9.80665,
    tanks: ["tank"],
    axes: "MJ2000Eq",
    direction: [0, 3, 4], // not unit: the burn normalises it
  }, { c: [22], k: [220] });
  assertClose(thr.massFlowRate(22, 220), -22 / (220 * 9.80665) * 0.5, { rtol: 1e-15 }, "mdot");
  const noDecrement = new ChemicalThruster("t2", { dutyCycle: 0.5 }, {});
  assert.equal(noDecrement.massFlowRate(10, 300), 0);

  const sat = {
    name: "Sat",
    dryMass: 900,
    tanks: [new ChemicalTank("tank", { fuelMass: 100 })],
    thrusters: [thr],
  };
  const force = new FiniteThrust(sat, [{ name: "FB", thrusters: ["thr"] }]);
  const y = packMassState([7000, 0, 0, 0, 7.5, 0], [100], force.layout);
  const snap = force.snapshot(0, y);
  const a = 22 * 0.8 * 0.5 / (1000 * 1000); // km/s^2 along +Y/+Z as 3:4
  assertClose(snap.acceleration[0], 0, { atol: 1e-30 }, "ax");
  assertClose(snap.acceleration[1], a * 0.6, { rtol: 1e-15 }, "ay");
  assertClose(snap.acceleration[2], a * 0.8, { rtol: 1e-15 }, "az");
  assertClose(snap.thrusters[0].thrust, 22 * 0.8 * 0.5, { rtol: 1e-15 }, "applied thrust");
  assertClose(snap.massFlowRate, -22 / (220 * 9.80665) * 0.5, { rtol: 1e-15 }, "flow");
  assertClose(snap.tankFlowRates[0], snap.massFlowRate, { rtol: 1e-15 }, "tank flow");
});

Deno.test("Several tanks: mix-weighted pressure and T ratio, flow split by MixRatio", () => {
  const a = new ChemicalTank("a", { fuelMass: 50, pressure: 1000, temperature: 20 });
  const b = new ChemicalTank("b", { fuelMass: 150, pressure: 2000, temperature: 40 });
  const idle = new ChemicalTank("idle", { fuelMass: 10 });
  // F = C1 + C2 P + C3 (T/Tref)^(1 + C15) with P = (1000 + 3*2000)/4 = 1750 kPa,
  // T/Tref = (20 + 3*40) / (20 + 3*20) = 1.75: F = 1 + 0.01*1750 + 4 * 1.75^2 = 30.75 N.
  const thr = new ChemicalThruster("thr", {
    tanks: ["a", "b"],
    mixRatio: [1, 3],
    decrementMass: true,
    axes: "MJ2000Eq",
  }, { c: [1, 0.01, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], k: [300] });
  const sat = { name: "Sat", dryMass: 500, tanks: [idle, a, b], thrusters: [thr] };
  const force = new FiniteThrust(sat, [{ name: "FB", thrusters: ["thr"] }]);
  assert.equal(force.layout.dimension, 9);
  const y = packMassState([7000, 0, 0, 0, 7.5, 0], [10, 50, 150], force.layout);
  const snap = force.snapshot(0, y);
  assertClose(snap.thrusters[0].thrust, 30.75, { rtol: 1e-15 }, "F");
  assertClose(snap.acceleration[0], 30.75 / (710 * 1000), { rtol: 1e-15 }, "a");
  const flow = -30.75 / (300 * 9.81);
  assert.equal(snap.tankFlowRates[0], 0);
  assertClose(snap.tankFlowRates[1], flow / 4, { rtol: 1e-15 }, "tank a");
  assertClose(snap.tankFlowRates[2], flow * 3 / 4, { rtol: 1e-15 }, "tank b");
});

Deno.test("BlowDown tank: P V_gas constant; the thrust follows the pressure", () => {
  const tank = new ChemicalTank("tank", { fuelMass: 200, pressureModel: "BlowDown" });
  const v0 = 0.75 - 200 / 1260;
  const v1 = 0.75 - 150 / 1260;
  assertClose(tank.pvBase, 1500 * v0, { rtol: 1e-15 }, "PV");
  assertClose(tank.pressureAt(150), 1500 * v0 / v1, { rtol: 1e-15 }, "P(150 kg)");
  const after = tank.withFuelMass(150);
  assertClose(after.settings.pressure, 1500 * v0 / v1, { rtol: 1e-15 }, "stored pressure");
  assert.equal(after.pvBase, tank.pvBase);
  assert.equal(new ChemicalTank("r", { fuelMass: 200 }).pressureAt(150), 1500);

  const thr = new ChemicalThruster("thr", { tanks: ["tank"], axes: "MJ2000Eq" }, {
    c: [0, 0.01],
  });
  const sat = { name: "Sat", dryMass: 100, tanks: [tank], thrusters: [thr] };
  const force = new FiniteThrust(sat, [{ name: "FB", thrusters: ["thr"] }]);
  const y = packMassState([7000, 0, 0, 0, 7.5, 0], [150], force.layout);
  assertClose(force.snapshot(0, y).thrusters[0].thrust, 0.01 * 1500 * v0 / v1, {
    rtol: 1e-15,
  }, "F at the blown-down pressure");
});

Deno.test("Tank and thruster settings GMAT refuses", () => {
  throwsCode(
    () => new ChemicalTank("tank", { fuelMass: 1000 }),
    "PROPULSION_SETTING",
    /Fuel volume exceeds tank capacity/,
  );
  throwsCode(
    () => new ChemicalTank("tank", { fuelMass: -1 }),
    "PROPULSION_SETTING",
    /"FuelMass" on object "tank".*Real Number >= 0.0.*AllowNegativeFuelMass/,
  );
  assert.equal(new ChemicalTank("t", { fuelMass: -1, allowNegativeFuelMass: true }).fuelMass, -1);
  throwsCode(
    () => new ChemicalTank("tank", { refTemperature: 0 }),
    "PROPULSION_SETTING",
    /RefTemperature/,
  );
  throwsCode(() => new ChemicalTank("tank", { temperature: -300 }), "PROPULSION_SETTING", /-273/);
  throwsCode(
    () => new ChemicalTank("tank").withFuelMass(-0.5),
    "PROPULSION_DEPLETED",
    /ran out of fuel/,
  );
  throwsCode(() => new ChemicalThruster("thr", { dutyCycle: 1.5 }), "PROPULSION_SETTING", /Duty/);
  throwsCode(
    () => new ChemicalThruster("thr", { thrustScaleFactor: -1 }),
    "PROPULSION_SETTING",
    /ThrustScaleFactor/,
  );
  throwsCode(
    () => new ChemicalThruster("thr", { gravitationalAccel: 0 }),
    "PROPULSION_SETTING",
    /GravitationalAccel/,
  );
  throwsCode(
    () => new ChemicalThruster("thr", { tanks: ["a", "b"], mixRatio: [1] }),
    "PROPULSION_SETTING",
    /mix ratio is sized differently/,
  );
  throwsCode(
    () => new ChemicalThruster("thr", { tanks: ["a"], mixRatio: [0] }),
    "PROPULSION_SETTING",
    /MixRatio/,
  );
  throwsCode(
    () => new ChemicalThruster("thr", { tanks: ["a", "a"] }),
    "PROPULSION_SETTING",
    /listed twice/,
  );
  throwsCode(
    () => new ChemicalThruster("thr", { axes: "Body" as never }),
    "PROPULSION_SETTING",
    /VNB, LVLH, MJ2000Eq, SpacecraftBody/,
  );
  throwsCode(
    () => new ChemicalThruster("thr", { decrementMass: true }, { k: [0] }).massFlowRate(10, 0),
    "PROPULSION_FAILED",
    /specific impulse == 0.0/,
  );
});

Deno.test("ElectricThruster: the three thrust models, power limits and DutyCycle", () => {
  const out: ElectricEvaluation = { thrust: 0, isp: 0, massFlowRate: 0 };
  const base = { decrementMass: true, tanks: ["xe"], dutyCycle: 0.5 };
  const constant = new ElectricThruster("c", base, { thrustModel: "ConstantThrustAndIsp" });
  constant.evaluate(5, out);
  assert.equal(out.thrust, 0.237);
  assert.equal(out.isp, 4200);
  assertClose(out.massFlowRate, -0.237 / (4200 * 9.81) * 0.5, { rtol: 1e-15 }, "mdot");

  const fixed = new ElectricThruster("f", base, { thrustModel: "FixedEfficiency" });
  fixed.evaluate(5, out); // 5 kW, eta 0.7, v_e = 4200 * 9.81 m/s
  const ve = 4200 * 9.81;
  assertClose(out.thrust, 2 * 0.7 * 5000 / ve, { rtol: 1e-14 }, "F");
  assertClose(out.massFlowRate, -2 * 0.7 * 5000 / (ve * ve) * 0.5, { rtol: 1e-14 }, "mdot");

  const poly = new ElectricThruster("p", base);
  poly.evaluate(5, out);
  const f = (-0.00100092 * 625 + 54.05382 * 125 - 14.4789 * 25 + 2.96519 * 5 - 5.19082) / 1e3;
  const m = (2.13781 * 625 + 0.03211 * 125 - 0.09956 * 25 + 0.05717 * 5 - 0.004776) / 1e6;
  assertClose(out.thrust, f, { rtol: 1e-14 }, "F poly");
  assertClose(out.isp, f / (m * 9.81), { rtol: 1e-14 }, "Isp poly");
  assertClose(out.massFlowRate, -m * 0.5, { rtol: 1e-14 }, "mdot poly");
  poly.evaluate(100, out); // capped at MaximumUsablePower 7.266 kW
  const capped = { ...out };
  poly.evaluate(7.266, out);
  assert.deepEqual(capped, { ...out });
  poly.evaluate(0.5, out); // below MinimumUsablePower 0.638 kW
  assert.deepEqual({ ...out }, { thrust: 0, isp: 0, massFlowRate: 0 });

  throwsCode(
    () => new ElectricThruster("e", {}, { maximumUsablePower: 0.5 }),
    "PROPULSION_SETTING",
    /MaximumUsablePower.*greater/,
  );
});

Deno.test("MaxNumberOfThrusters: as many thrusters as get more than their minimum power", () => {
  const out = new Float64Array(3);
  assert.equal(allocateThrusterPower(1.5, [0.638, 0.638, 0.638], out), 2);
  assert.deepEqual([...out], [0.75, 0.75, 0]);
  assert.equal(allocateThrusterPower(3, [0.638, 0.638, 0.638], out), 3);
  assert.deepEqual([...out], [1, 1, 1]);
  assert.equal(allocateThrusterPower(0.6, [0.638, 0.638, 0.638], out), 0);
  assert.deepEqual([...out], [0, 0, 0]);
});

Deno.test("Electric FiniteBurn: power from the provider, split among the burn's thrusters", () => {
  const settings = { decrementMass: true, tanks: ["xe"], axes: "MJ2000Eq" as const };
  const model = { thrustModel: "ConstantThrustAndIsp" as const };
  const sat = {
    name: "Sat",
    dryMass: 1000,
    tanks: [new ElectricTank("xe", { fuelMass: 100 })],
    thrusters: [
      new ElectricThruster("e1", settings, model),
      new ElectricThruster("e2", settings, model),
    ],
  };
  const burns = [{ name: "EP", thrusters: ["e1", "e2"] }];
  const y = packMassState([7000, 0, 0, 0, 7.5, 0], [100], massStateLayout(1));
  const two = new FiniteThrust(sat, burns, { thrustPower: () => 2 }).snapshot(0, y);
  assertClose(two.acceleration[0], 2 * 0.237 / (1100 * 1000), { rtol: 1e-15 }, "two fire");
  const one = new FiniteThrust(sat, burns, { thrustPower: () => 1 }).snapshot(0, y);
  assertClose(one.acceleration[0], 0.237 / (1100 * 1000), { rtol: 1e-15 }, "one fires");
  throwsCode(() => new FiniteThrust(sat, burns), "PROPULSION_SETTING", /thrustPower/);
});
