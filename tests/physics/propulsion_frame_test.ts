/**
 * Thruster frames and finite-burn wiring: GMAT's local axes (`CreateLocalCoordinateSystem`:
 * VNB X = V, Y = N; LVLH X = R, Z = N; object-referenced from Origin to the spacecraft),
 * SpacecraftBody (transpose of the inertial-to-body attitude), configured coordinate systems,
 * the normalisation of ThrustDirection by `FiniteBurn::Fire`, and the errors of a mis-wired burn
 * or an exhausted tank.
 *
 * @module
 */

import assert from "node:assert/strict";
import { AdaptiveIntegrator, pointMassDerivatives } from "../../src/physics/mod.ts";
import {
  ChemicalTank,
  ChemicalThruster,
  ElectricTank,
  ElectricThruster,
  FiniteThrust,
  type FiniteThrustOptions,
  massStateDerivatives,
  packMassState,
  PropulsionError,
  thrustDirectionFunction,
  type ThrusterSettings,
} from "../../src/physics/propulsion/mod.ts";
import { assertClose } from "./_assert.ts";

const STATE = Float64Array.from([6993, 100, -50, 0.1, 6.6382, 3.6043]);

function unit(v: number[]): number[] {
  const n = Math.hypot(v[0], v[1], v[2]);
  return v.map((x) => x / n);
}
function cross(a: number[], b: number[]): number[] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function direction(
  s: Partial<ThrusterSettings>,
  options: FiniteThrustOptions = {},
  y: Float64Array = STATE,
): number[] {
  const thr = new ChemicalThruster("thr", s);
  const out = new Float64Array(3);
  thrustDirectionFunction("thr", thr.settings, "Earth", options)(0, y, 0, out);
  return [...out];
}

function close3(a: number[], b: number[], label: string): void {
  for (let i = 0; i < 3; i++) assertClose(a[i], b[i], { atol: 1e-15 }, `${label}[${i}]`);
}

Deno.test("VNB and LVLH axes from the state, as GMAT's object-referenced local frames", () => {
  const r = [...STATE.slice(0, 3)];
  const v = [...STATE.slice(3, 6)];
  const R = unit(r);
  const V = unit(v);
  const N = unit(cross(r, v));
  close3(direction({ axes: "VNB", direction: [1, 0, 0] }), V, "VNB X = V");
  close3(direction({ axes: "VNB", direction: [0, 1, 0] }), N, "VNB Y = N");
  close3(direction({ axes: "VNB", direction: [0, 0, 1] }), cross(V, N), "VNB Z = V x N");
  close3(direction({ axes: "LVLH", direction: [1, 0, 0] }), R, "LVLH X = R");
  close3(direction({ axes: "LVLH", direction: [0, 0, 1] }), N, "LVLH Z = N");
  close3(direction({ axes: "LVLH", direction: [0, 1, 0] }), cross(N, R), "LVLH Y = N x R");
  close3(direction({ axes: "MJ2000Eq", direction: [0.2, 3, -1] }), [0.2, 3, -1], "MJ2000Eq");
  // Not normalised here; the burn divides by the norm.
  close3(direction({ axes: "VNB", direction: [2, 0, 0] }), V.map((x) => 2 * x), "length kept");
});

Deno.test("Origin other than the central body, SpacecraftBody and configured systems", () => {
  const moon = [384400, 1000, 200, -0.01, 1.02, 0.1];
  const originState = (name: string, _t: number, out: Float64Array) => {
    assert.equal(name, "Luna");
    out.set(moon);
  };
  const rel = [0, 1, 2, 3, 4, 5].map((i) => STATE[i] - moon[i]);
  close3(
    direction({ axes: "VNB", origin: "Luna" }, { originState }),
    unit(rel.slice(3)),
    "VNB about Luna",
  );
  // Attitude: body X = inertial Y (inertial-to-body rows are the body axes).
  const attitude = (_t: number, _y: Float64Array, out: Float64Array) =>
    out.set([0, 1, 0, -1, 0, 0, 0, 0, 1]);
  close3(direction({ axes: "SpacecraftBody" }, { attitude }), [0, 1, 0], "body X");
  close3(
    direction({ axes: "SpacecraftBody", direction: [0, 1, 0] }, { attitude }),
    [-1, 0, 0],
    "body Y",
  );
  const coordinateSystem = (name: string, _t: number, _y: Float64Array, out: Float64Array) => {
    assert.equal(name, "MyCS");
    out.set([0, 0, 1, 1, 0, 0, 0, 1, 0]); // columns: X -> +Y, Y -> +Z, Z -> +X
  };
  close3(
    direction({ coordinateSystem: "MyCS", direction: [1, 0, 0] }, { coordinateSystem }),
    [0, 1, 0],
    "configured CS",
  );
  const missing = (fn: () => unknown, pattern: RegExp) =>
    assert.throws(fn, (e: unknown) => e instanceof PropulsionError && pattern.test(e.message));
  missing(() => direction({ axes: "VNB", origin: "Luna" }), /originState/);
  missing(() => direction({ axes: "SpacecraftBody" }), /attitude/);
  missing(() => direction({ coordinateSystem: "MyCS" }), /coordinateSystem provider/);
  missing(
    () => direction({ axes: "VNB" }, {}, new Float64Array([7000, 0, 0, 7, 0, 0])),
    /near zero in length/,
  );
});

function sat(thrusters: (ChemicalThruster | ElectricThruster)[], fuel = 200) {
  return {
    name: "Sat",
    dryMass: 500,
    tanks: [new ChemicalTank("tank", { fuelMass: fuel }), new ElectricTank("xe")],
    thrusters,
  };
}

Deno.test("FiniteThrust refuses mis-wired burns with GMAT's messages", () => {
  const chem = new ChemicalThruster("thr", { tanks: ["tank"] });
  const fails = (fn: () => unknown, pattern: RegExp) =>
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof PropulsionError, String(e));
      assert.equal(e.code, "PROPULSION_SETTING");
      assert.match(e.message, pattern);
      return true;
    });
  fails(() => new FiniteThrust(sat([chem]), [{ name: "FB", thrusters: [] }]), /any Thrusters/);
  fails(
    () => new FiniteThrust(sat([chem]), [{ name: "FB", thrusters: ["nope"] }]),
    /does not have a thruster named "nope"/,
  );
  fails(
    () =>
      new FiniteThrust(sat([new ChemicalThruster("thr", { tanks: ["gone"] })]), [{
        name: "FB",
        thrusters: ["thr"],
      }]),
    /cannot find tank gone for burn FB/,
  );
  fails(
    () =>
      new FiniteThrust(sat([new ChemicalThruster("thr", { tanks: ["xe"] })]), [{
        name: "FB",
        thrusters: ["thr"],
      }]),
    /must be of type ChemicalTank/,
  );
  fails(
    () =>
      new FiniteThrust(sat([new ChemicalThruster("thr")]), [{ name: "FB", thrusters: ["thr"] }]),
    /does not have a fuel tank/,
  );
  const ep = new ElectricThruster("ep", { tanks: ["xe"] });
  fails(
    () => new FiniteThrust(sat([chem, ep]), [{ name: "FB", thrusters: ["thr", "ep"] }]),
    /mix of Chemical and Electric/,
  );
  const zero = new ChemicalThruster("thr", { tanks: ["tank"], direction: [0, 0, 0] });
  const f = new FiniteThrust(sat([zero]), [{ name: "FB", thrusters: ["thr"] }]);
  assert.throws(
    () => f.snapshot(0, packMassState(STATE, [200, 756], f.layout)),
    (e: unknown) => e instanceof PropulsionError && /has no direction/.test(e.message),
  );
});

Deno.test("A tank that runs dry stops the propagation unless AllowNegativeFuelMass", () => {
  // 1000 N at 300 s: 0.34 kg/s, 1 kg of fuel lasts about 3 s.
  const run = (allowNegativeFuelMass: boolean) => {
    const thr = new ChemicalThruster("thr", { tanks: ["tank"], decrementMass: true }, {
      c: [1000],
    });
    const craft = {
      name: "Sat",
      dryMass: 500,
      tanks: [new ChemicalTank("tank", { fuelMass: 1, allowNegativeFuelMass })],
      thrusters: [thr],
    };
    const force = new FiniteThrust(craft, [{ name: "FB", thrusters: ["thr"] }]);
    const f = massStateDerivatives(pointMassDerivatives(398600.4415, 1), [force], force.layout);
    const it = new AdaptiveIntegrator({ accuracy: 1e-12 }, f, force.layout.dimension);
    return it.stepFixed(0, packMassState(STATE, [1], force.layout), 60).y;
  };
  assert.throws(
    () => run(false),
    (e: unknown) =>
      e instanceof PropulsionError && e.code === "PROPULSION_DEPLETED" &&
      /"FuelMass" on object "tank".*during finite burn FB on Sat/.test(e.message),
  );
  const y = run(true);
  assertClose(y[6], 1 - 60 * 1000 / (300 * 9.81), { rtol: 1e-12 }, "negative fuel allowed");
});
