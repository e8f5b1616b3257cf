/**
 * ImpulsiveBurn mass depletion against GMAT R2026a's impulsive_decrement_mass case (VNB 0.05
 * km/s, Isp 300 s, GravitationalAccel 9.81, ChemicalTank FuelMass 200, DryMass 500: TotalMass
 * 700 -> 688.2078284222548 kg) and GMAT's rocket-equation form (`ImpulsiveBurn::DecrementMass`):
 * dm = M (exp(-|dv| 1000 / (Isp g0)) - 1), with exp(+...) when a backward propagation applies
 * the burn.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  applyImpulsiveMassDecrement,
  ChemicalTank,
  impulsiveMassChange,
  PropulsionError,
} from "../../src/physics/propulsion/mod.ts";
import { assertClose } from "./_assert.ts";
import { HAVE_MISSION_BATTERY, readMissionReport } from "./_mission_battery.ts";

const burn = { decrementMass: true, tanks: ["tank"], isp: 300 };
const sat = () => ({
  name: "Sat",
  dryMass: 500,
  tanks: [new ChemicalTank("tank", { fuelMass: 200 })],
});

Deno.test({
  name: "impulsive_decrement_mass: GMAT's TotalMass and FuelMass after the burn within 1e-9 kg",
  ignore: !HAVE_MISSION_BATTERY,
  fn() {
    const rows = readMissionReport("impulsive_decrement_mass");
    const before = rows.find((r) => r.text.tag === "before_burn")!;
    const after = rows.find((r) => r.text.tag === "after_burn")!;
    const result = applyImpulsiveMassDecrement("DV", burn, sat(), [0.05, 0, 0])!;
    assert.equal(before.num["Sat.TotalMass"], 700);
    assertClose(result.totalMass, after.num["Sat.TotalMass"], { atol: 1e-9 }, "TotalMass");
    assertClose(result.tanks[0].fuelMass, after.num["Sat.tank.FuelMass"], { atol: 1e-9 }, "Fuel");
    assertClose(result.deltaTankMass, -11.7921715777452, { atol: 1e-9 }, "DeltaTankMass");
    console.log(`impulsive: TotalMass diff ${result.totalMass - after.num["Sat.TotalMass"]} kg`);
  },
});

Deno.test("Impulsive burn: the rocket equation, any axes, backwards", () => {
  const x = 0.05 * 1000 / (300 * 9.81);
  assert.equal(impulsiveMassChange(700, 0.05, 300, 9.81), 700 * (Math.exp(-x) - 1));
  assert.equal(impulsiveMassChange(700, 0.05, 300, 9.81, true), 700 * (Math.exp(x) - 1));
  // The magnitude of Element1..3 is what counts.
  const a = applyImpulsiveMassDecrement("DV", burn, sat(), [0.03, 0, 0.04])!;
  const b = applyImpulsiveMassDecrement("DV", burn, sat(), 0.05)!;
  assertClose(a.deltaTankMass, b.deltaTankMass, { rtol: 1e-15 }, "|dv|");
  // Forward then backward restores the mass exactly in exact arithmetic: M e^-x e^x = M.
  const back = applyImpulsiveMassDecrement(
    "DV",
    burn,
    { name: "Sat", dryMass: 500, tanks: b.tanks },
    0.05,
    true,
  )!;
  assertClose(back.totalMass, 700, { atol: 1e-12 }, "undone");
  // g0 and Isp as scripted.
  const c = applyImpulsiveMassDecrement(
    "DV",
    { ...burn, isp: 220, gravitationalAccel: 9.80665 },
    sat(),
    0.05,
  )!;
  assertClose(c.deltaTankMass, 700 * (Math.exp(-50 / (220 * 9.80665)) - 1), { rtol: 1e-15 }, "g0");
  assert.equal(applyImpulsiveMassDecrement("DV", { decrementMass: false }, sat(), 0.05), undefined);
});

Deno.test("Impulsive burn settings GMAT refuses", () => {
  const fails = (fn: () => unknown, code: string, pattern: RegExp) =>
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof PropulsionError);
      assert.equal(e.code, code);
      assert.match(e.message, pattern);
      return true;
    });
  fails(
    () => applyImpulsiveMassDecrement("DV", { decrementMass: true }, sat(), 0.05),
    "PROPULSION_SETTING",
    /no tank is identified/,
  );
  fails(
    () => applyImpulsiveMassDecrement("DV", { ...burn, tanks: ["a", "b"] }, sat(), 0.05),
    "PROPULSION_SETTING",
    /only one tank is supported/,
  );
  fails(
    () => applyImpulsiveMassDecrement("DV", { ...burn, tanks: ["other"] }, sat(), 0.05),
    "PROPULSION_SETTING",
    /could not find the fuel tank/,
  );
  fails(
    () => applyImpulsiveMassDecrement("DV", { ...burn, isp: 0 }, sat(), 0.05),
    "PROPULSION_SETTING",
    /"Isp" on object "DV".*Real Number > 0/,
  );
  fails(
    () => applyImpulsiveMassDecrement("DV", burn, sat(), 10),
    "PROPULSION_DEPLETED",
    /"FuelMass" on object "tank"/,
  );
  const allowed = {
    name: "Sat",
    dryMass: 500,
    tanks: [new ChemicalTank("tank", { fuelMass: 200, allowNegativeFuelMass: true })],
  };
  assert.ok(applyImpulsiveMassDecrement("DV", burn, allowed, 10)!.tanks[0].fuelMass < 0);
});
