/**
 * GMAT's hardware and finite-burn parameters (`HardwareParameters.cpp`, `BurnParameters.cpp`):
 *
 * - tank: `Sat.Tank.FuelMass`, and for a ChemicalTank `Pressure` (kPa, following the fuel for a
 *   BlowDown tank), `Temperature`, `RefTemperature` (C), `Volume` (m^3), `FuelDensity` (kg/m^3);
 * - thruster: `Sat.Thr.DutyCycle`, `ThrustScaleFactor`, `GravitationalAccel` (m/s^2),
 *   `ThrustDirection1..3`, `C1..C16`, `K1..K16`, and the firing values `ThrustMagnitude` (N,
 *   F * ThrustScaleFactor * DutyCycle), `Isp` (s) and `MassFlowRate` (kg/s, negative), which are 0
 *   while no active burn fires the thruster (`Thruster::GetThrustMagnitude` and friends);
 * - FiniteBurn: `FB.TotalThrust1..3` (N) and `FB.TotalAcceleration1..3` (km/s^2), MJ2000Eq,
 *   summed over the burn's thrusters (`FiniteBurn::Fire`), and `FB.TotalMassFlowRate` (kg/s); all
 *   0 while the burn is not firing (`Burn::GetTotalThrust` returns its zero vector then).
 *
 * The firing values are evaluated at the reported state (orbit, tanks and total mass). GMAT
 * reports the values of the burn's last `Fire`, the last derivative evaluation of the step, whose
 * stage state is the reported one to within the step's local error. A FiniteBurn parameter reads
 * the one spacecraft that carries the burn's thrusters.
 *
 * @module
 */

import { FiniteThrust, packMassState } from "../physics/mod.ts";
import type { BodyStates, EphemerisBody, Tank, Thruster } from "../physics/mod.ts";
import type { BurnSnapshot, ThrusterSnapshot } from "../physics/propulsion/mod.ts";
import type { SourcePos } from "../script/ast.ts";
import type { Diagnostics } from "./diagnostics.ts";
import type {
  BoundParameter,
  ParameterScope,
  PropulsionView,
  Snapshot,
  StopKind,
} from "./parameter_types.ts";
import type { FiniteBurnResource } from "./resources/finite_burn.ts";
import type { SpacecraftResource } from "./resources/spacecraft.ts";
import type { SpacecraftState } from "./spacecraft_state.ts";

const VALUE: StopKind = { kind: "value" };

const TANK_SETTINGS = {
  Pressure: "pressure",
  Temperature: "temperature",
  RefTemperature: "refTemperature",
  Volume: "volume",
  FuelDensity: "fuelDensity",
} as const;

const THRUSTER_SETTINGS = {
  DutyCycle: "dutyCycle",
  ThrustScaleFactor: "thrustScaleFactor",
  GravitationalAccel: "gravitationalAccel",
} as const;

const FIRING = {
  ThrustMagnitude: (t: ThrusterSnapshot) => t.thrust,
  Isp: (t: ThrusterSnapshot) => t.isp,
  MassFlowRate: (t: ThrusterSnapshot) => t.massFlowRate,
} as const;

const BURN_QUANTITIES = [
  "TotalAcceleration1",
  "TotalAcceleration2",
  "TotalAcceleration3",
  "TotalMassFlowRate",
  "TotalThrust1",
  "TotalThrust2",
  "TotalThrust3",
];

function has<K extends string>(o: Readonly<Record<K, unknown>>, k: string): k is K {
  return Object.hasOwn(o, k);
}

function thrusterQuantities(): string[] {
  const out = [...Object.keys(THRUSTER_SETTINGS), ...Object.keys(FIRING)];
  for (let i = 1; i <= 3; i++) out.push(`ThrustDirection${i}`);
  for (let i = 1; i <= 16; i++) out.push(`C${i}`, `K${i}`);
  return out;
}

/**
 * The propulsion view of a spacecraft's run-time state: the burn force of its active burns built
 * on demand (once per view) at its EarthMJ2000Eq state and current tanks.
 *
 * @param sc The spacecraft.
 * @param s Its run-time state.
 * @param bodies Body states, for thrusters whose Local Origin is not the Earth.
 */
export function propulsionView(
  sc: SpacecraftResource,
  s: SpacecraftState,
  bodies: BodyStates | undefined,
): PropulsionView {
  let memo: BurnSnapshot | undefined | null = null;
  return {
    thrusters: s.thrusters,
    firing() {
      if (memo !== null) return memo;
      if (s.burns.size === 0) return memo = undefined;
      const epochA1 = s.epochA1;
      const thrust = new FiniteThrust(
        { name: sc.name, dryMass: sc.dryMass, tanks: s.tanks, thrusters: s.thrusters },
        [...s.burns].map((b) => ({ name: b.name, thrusters: b.thrusters })),
        {
          centralBody: "Earth",
          originState: bodies
            ? (o, _t, out) => bodies.state(o as EphemerisBody, epochA1, out)
            : undefined,
        },
      );
      const y = packMassState(s.state, s.tanks.map((t) => t.fuelMass), thrust.layout);
      return memo = thrust.snapshot(0, y);
    },
  };
}

function runState(snap: Snapshot | undefined, name: string): PropulsionView {
  if (!snap?.propulsion) {
    throw new Error(
      `${name} is read when the spacecraft is reported (ReportFile, Report, expressions); it ` +
        "cannot be a stop condition",
    );
  }
  return snap.propulsion;
}

function bound(
  name: string,
  sc: SpacecraftResource | undefined,
  evaluate: (snap: Snapshot | undefined) => number,
): BoundParameter {
  return { name, isString: false, spacecraft: sc, stop: VALUE, evaluate };
}

/**
 * Bind `Sat.Tank.Quantity` or `Sat.Thruster.Quantity` (`dep` names one of the spacecraft's
 * tanks or thrusters).
 *
 * @throws {ScriptError} `ENGINE_UNSUPPORTED` for a hardware parameter the engine does not have.
 */
export function bindHardwareParameter(
  name: string,
  sc: SpacecraftResource,
  dep: string,
  quantity: string,
  pos: SourcePos,
  diag: Diagnostics,
): BoundParameter {
  if (sc.tanks.includes(dep)) {
    const tank = (snap: Snapshot | undefined): Tank => {
      const t = snap?.tanks?.find((t) => t.name === dep);
      if (!t) throw new Error(`no run-time state for ${name}`);
      return t;
    };
    if (quantity === "FuelMass") return bound(name, sc, (snap) => tank(snap).fuelMass);
    if (has(TANK_SETTINGS, quantity)) {
      const field = TANK_SETTINGS[quantity];
      return bound(name, sc, (snap) => {
        const t = tank(snap);
        if (t.kind !== "ChemicalTank") {
          throw new Error(`${name}: ${dep} is an ${t.kind}, which has no ${quantity}`);
        }
        return t.settings[field];
      });
    }
    return diag.unsupported(pos, `the tank parameter ${name}`, {
      construct: "tank parameter",
      hint: `the engine reports a tank's FuelMass, ${Object.keys(TANK_SETTINGS).join(", ")}`,
    });
  }
  const thruster = (snap: Snapshot | undefined): Thruster => {
    const t = runState(snap, name).thrusters.find((t) => t.name === dep);
    if (!t) throw new Error(`no run-time state for ${name}`);
    return t;
  };
  if (has(THRUSTER_SETTINGS, quantity)) {
    const field = THRUSTER_SETTINGS[quantity];
    return bound(name, sc, (snap) => thruster(snap).settings[field]);
  }
  if (has(FIRING, quantity)) {
    const pick = FIRING[quantity];
    return bound(name, sc, (snap) => {
      const rec = runState(snap, name).firing()?.thrusters.find((t) => t.thruster === dep);
      return rec ? pick(rec) : 0;
    });
  }
  const dir = /^ThrustDirection([123])$/.exec(quantity);
  if (dir) {
    const i = Number(dir[1]) - 1;
    return bound(name, sc, (snap) => thruster(snap).settings.direction[i]);
  }
  const coef = /^([CK])([1-9]|1[0-6])$/.exec(quantity);
  if (coef) {
    const i = Number(coef[2]) - 1;
    return bound(name, sc, (snap) => {
      const t = thruster(snap);
      if (t.kind !== "ChemicalThruster") {
        throw new Error(`${name}: ${dep} is an ${t.kind}, which has no ${quantity}`);
      }
      return coef[1] === "C" ? t.c[i] : t.k[i];
    });
  }
  return diag.unsupported(pos, `the thruster parameter ${name}`, {
    construct: "thruster parameter",
    hint: `the engine reports a thruster's ${thrusterQuantities().slice(0, 9).join(", ")}, ` +
      "ThrustDirection1..3, C1..C16 and K1..K16",
  });
}

/**
 * Bind `Burn.Quantity` of a FiniteBurn: TotalAcceleration1..3, TotalMassFlowRate,
 * TotalThrust1..3, read on the one spacecraft that carries the burn's thrusters.
 *
 * @throws {ScriptError} `SCRIPT_UNKNOWN_FIELD` for another quantity, `ENGINE_UNSUPPORTED` when
 *   several spacecraft carry the thrusters.
 */
export function bindBurnParameter(
  name: string,
  burn: FiniteBurnResource,
  quantity: string,
  pos: SourcePos,
  scope: ParameterScope,
  diag: Diagnostics,
): BoundParameter {
  if (!BURN_QUANTITIES.includes(quantity)) {
    return diag.fail("SCRIPT_UNKNOWN_FIELD", pos, `unknown FiniteBurn parameter '${name}'`, {
      construct: "parameter",
      hint: `a FiniteBurn reports ${BURN_QUANTITIES.join(", ")}`,
    });
  }
  const carriers: SpacecraftResource[] = [];
  for (const n of scope.names()) {
    const sc = scope.spacecraft(n);
    if (sc && burn.thrusters.length > 0 && burn.thrusters.every((t) => sc.thrusters.includes(t))) {
      carriers.push(sc);
    }
  }
  if (carriers.length > 1) {
    return diag.unsupported(pos, `${name} with the burn's thrusters on several spacecraft`, {
      construct: "FiniteBurn parameter",
      hint: `GMAT reads the spacecraft ${burn.name} last fired on; give each spacecraft its own ` +
        `thrusters and FiniteBurn (carried by ${carriers.map((c) => c.name).join(", ")})`,
    });
  }
  const sc = carriers[0];
  if (!sc) return bound(name, undefined, () => 0);
  const index = Number(quantity.at(-1)) - 1;
  return bound(name, sc, (snap) => {
    const fired = runState(snap, name).firing();
    const mine = fired?.thrusters.filter((t) => t.burn === burn.name) ?? [];
    if (mine.length === 0) return 0;
    if (quantity === "TotalMassFlowRate") {
      let m = 0;
      for (const t of mine) m += t.massFlowRate;
      return m;
    }
    let sum = 0;
    for (const t of mine) sum += t.direction[index] * t.thrust;
    return quantity.startsWith("TotalThrust") ? sum : sum / (1000 * fired!.totalMass);
  });
}
