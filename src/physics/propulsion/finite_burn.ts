/**
 * The finite-burn force of GMAT (`FiniteThrust::GetDerivatives`, `FiniteBurn::Fire`): thrust
 * acceleration of the firing thrusters and the mass flow out of their tanks, as a derivative adder
 * for the orbit-plus-tanks state of `mass_state.ts`.
 *
 * For each thruster of each active FiniteBurn, at every derivative evaluation:
 * - the tanks' current fuel masses come from the state (negative fuel in a tank that does not
 *   allow it is an error, as GMAT's FuelMass setter raises it), TotalMass = DryMass + sum(fuel);
 * - a ChemicalThruster evaluates F and Isp at the mix-weighted pressure (BlowDown pressures follow
 *   the fuel) and temperature ratio; an ElectricThruster at its share of the spacecraft's thrust
 *   power (MaxNumberOfThrusters split per burn);
 * - the direction d is ThrustDirection rotated to MJ2000Eq from the current state
 *   (`thrust_frame.ts`); a = F * ThrustScaleFactor * DutyCycle / (TotalMass |d| 1000) d, km/s^2;
 * - the mass flow mdot (negative, DutyCycle applied, ThrustScaleFactor not) is drawn from the
 *   thruster's tanks in proportion to MixRatio.
 * Thrusters listed in several active burns are applied once per burn, as in GMAT.
 *
 * @module
 */

import type { ChemicalTank } from "./chemical_tank.ts";
import { checkFuel } from "./chemical_tank.ts";
import type { ChemicalThruster } from "./chemical_thruster.ts";
import {
  allocateThrusterPower,
  type ElectricEvaluation,
  type ElectricThruster,
} from "./electric_thruster.ts";
import { fuelMassesOf, type MassStateLayout, massStateLayout } from "./mass_state.ts";
import { fieldError, PropulsionError } from "./propulsion_error.ts";
import type { Tank } from "./tank.ts";
import {
  type DirectionFunction,
  type FrameProviders,
  thrustDirectionFunction,
} from "./thrust_frame.ts";

/** Any thruster; `kind` tells them apart. */
export type Thruster = ChemicalThruster | ElectricThruster;

/** The spacecraft a burn acts on: its hardware and dry mass. */
export interface BurnSpacecraft {
  /** Script name (for messages). */
  readonly name: string;
  /** `DryMass`, kg. */
  readonly dryMass: number;
  /** `Tanks`, in state order (see `mass_state.ts`). */
  readonly tanks: readonly Tank[];
  /** `Thrusters`. */
  readonly thrusters: readonly Thruster[];
}

/** A FiniteBurn resource: its name and `Thrusters` list. */
export interface FiniteBurnDefinition {
  /** Script name. */
  readonly name: string;
  /** `Thrusters`: names of spacecraft thrusters fired by the burn. */
  readonly thrusters: readonly string[];
}

/** Frame and power data the engine supplies. */
export interface FiniteThrustOptions extends FrameProviders {
  /** Central body of the propagated state (default `Earth`). */
  readonly centralBody?: string;
  /**
   * Thrust power available to electric thrusters, kW, at elapsed time `t` and state `y` (GMAT's
   * `Spacecraft::GetThrustPower` from the power system). Needed for electric burns.
   */
  readonly thrustPower?: (t: number, y: Float64Array) => number;
}

/** One thruster's values at a state (see {@link FiniteThrust.snapshot}). */
export interface ThrusterSnapshot {
  /** Burn that fires it. */
  readonly burn: string;
  /** Thruster name. */
  readonly thruster: string;
  /** Applied thrust F * ThrustScaleFactor * DutyCycle, N (GMAT `ThrustMagnitude`). */
  readonly thrust: number;
  /** Specific impulse, s. */
  readonly isp: number;
  /** Mass flow, kg/s, negative (GMAT `MassFlowRate`). */
  readonly massFlowRate: number;
  /** Unit thrust direction, MJ2000Eq. */
  readonly direction: readonly [number, number, number];
}

/** Totals of all active burns at a state. */
export interface BurnSnapshot {
  /** Total mass, kg. */
  readonly totalMass: number;
  /** Thrust acceleration, km/s^2, MJ2000Eq. */
  readonly acceleration: readonly [number, number, number];
  /** Mass flow of all thrusters, kg/s (negative). */
  readonly massFlowRate: number;
  /** Flow out of each tank, kg/s, state order. */
  readonly tankFlowRates: readonly number[];
  /** Per thruster. */
  readonly thrusters: readonly ThrusterSnapshot[];
}

interface Firing {
  readonly burn: string;
  readonly burnIndex: number;
  readonly slot: number;
  readonly chemical: ChemicalThruster | undefined;
  readonly electric: ElectricThruster | undefined;
  readonly tankIndex: Int32Array;
  readonly mix: Float64Array;
  readonly mixTotal: number;
  readonly thrustScaleFactor: number;
  readonly dutyCycle: number;
  readonly direction: DirectionFunction;
  readonly name: string;
}

interface ElectricBurn {
  readonly minimumUsable: Float64Array;
  readonly power: Float64Array;
}

function settingError(message: string): PropulsionError {
  return new PropulsionError("PROPULSION_SETTING", message);
}

/**
 * The thrust force of the active FiniteBurns on one spacecraft. Build it when BeginFiniteBurn
 * runs (or the active burn set changes) and add it to the propagation's derivatives; the hot path
 * ({@link addDerivatives}) does not allocate.
 */
export class FiniteThrust {
  /** The state layout this force reads and writes. */
  readonly layout: MassStateLayout;
  /** The spacecraft. */
  readonly spacecraft: BurnSpacecraft;
  /** Names of the active burns. */
  readonly burns: readonly string[];

  readonly #firing: Firing[] = [];
  readonly #electricBurns: (ElectricBurn | undefined)[] = [];
  readonly #thrustPower?: (t: number, y: Float64Array) => number;
  readonly #chemicalTanks: (ChemicalTank | undefined)[];
  readonly #allowNegative: boolean[];
  readonly #pressure: Float64Array;
  readonly #temperature: Float64Array;
  readonly #refTemperature: Float64Array;
  readonly #dir = new Float64Array(3);
  readonly #eval: ElectricEvaluation = { thrust: 0, isp: 0, massFlowRate: 0 };

  /**
   * Wires the burns to the spacecraft's thrusters and tanks, validating as GMAT's
   * BeginFiniteBurn, FiniteBurn and Thruster initialization do.
   *
   * @param spacecraft The maneuvering spacecraft.
   * @param burns The active FiniteBurns (distinct names).
   * @param options Central body, frame providers and thrust power.
   * @throws {PropulsionError} `PROPULSION_SETTING` for a mis-wired burn.
   */
  constructor(
    spacecraft: BurnSpacecraft,
    burns: readonly FiniteBurnDefinition[],
    options: FiniteThrustOptions = {},
  ) {
    const sc = spacecraft.name;
    if (!(Number.isFinite(spacecraft.dryMass) && spacecraft.dryMass >= 0)) {
      throw fieldError(sc, "DryMass", spacecraft.dryMass, "Real Number >= 0.0", "DryMass is kg.");
    }
    this.spacecraft = spacecraft;
    this.layout = massStateLayout(spacecraft.tanks.length);
    this.burns = Object.freeze(burns.map((b) => b.name));
    this.#thrustPower = options.thrustPower;
    const n = spacecraft.tanks.length;
    this.#chemicalTanks = spacecraft.tanks.map((t) => t.kind === "ChemicalTank" ? t : undefined);
    this.#allowNegative = spacecraft.tanks.map((t) => t.settings.allowNegativeFuelMass);
    this.#pressure = new Float64Array(n);
    this.#temperature = new Float64Array(n);
    this.#refTemperature = new Float64Array(n);
    spacecraft.tanks.forEach((t, j) => {
      if (t.kind === "ChemicalTank") {
        this.#temperature[j] = t.settings.temperature;
        this.#refTemperature[j] = t.settings.refTemperature;
      }
    });
    const tankIndex = new Map(spacecraft.tanks.map((t, j) => [t.name, j]));
    const thrusters = new Map(spacecraft.thrusters.map((t) => [t.name, t]));
    const central = options.centralBody ?? "Earth";
    const names = new Set<string>();
    burns.forEach((burn, b) => {
      if (names.has(burn.name)) {
        throw settingError(
          `FiniteBurn "${burn.name}" is listed twice among the active burns of ${sc}; a burn ` +
            "that is already firing is not applied again.",
        );
      }
      names.add(burn.name);
      if (burn.thrusters.length === 0) {
        throw settingError(
          `The FiniteBurn object "${burn.name}" does not identify any Thrusters, and cannot be ` +
            `used for a finite burn. Set ${burn.name}.Thrusters = {<thrusterName>}.`,
        );
      }
      let kind: Thruster["kind"] | undefined;
      const minimum: number[] = [];
      burn.thrusters.forEach((thrName) => {
        const thr = thrusters.get(thrName);
        if (thr === undefined) {
          throw settingError(
            `BeginFiniteBurn: Spacecraft ${sc} does not have a thruster named "${thrName}". ` +
              `Add it to ${sc}.Thrusters or remove it from ${burn.name}.Thrusters.`,
          );
        }
        if (kind !== undefined && kind !== thr.kind) {
          throw settingError(
            `Finite Burn ${burn.name} has a mix of Chemical and Electric thrusters.  Thrusters ` +
              "specified for a finite burn must all be of the same type.",
          );
        }
        kind = thr.kind;
        this.#firing.push(
          this.#wire(burn.name, b, minimum.length, thr, tankIndex, sc, central, options),
        );
        if (thr.kind === "ElectricThruster") minimum.push(thr.model.minimumUsablePower);
      });
      if (kind === "ElectricThruster") {
        if (this.#thrustPower === undefined) {
          throw settingError(
            `FiniteBurn "${burn.name}" fires electric thrusters, but no thrust power was ` +
              `supplied for ${sc}; pass the thrustPower provider (kW from the power system).`,
          );
        }
        this.#electricBurns[b] = {
          minimumUsable: Float64Array.from(minimum),
          power: new Float64Array(minimum.length),
        };
      }
    });
  }

  #wire(
    burn: string,
    burnIndex: number,
    slot: number,
    thr: Thruster,
    tankIndex: ReadonlyMap<string, number>,
    sc: string,
    central: string,
    providers: FrameProviders,
  ): Firing {
    const s = thr.settings;
    if (s.tanks.length === 0) {
      throw settingError(
        `${thr.kind} "${thr.name}" does not have a fuel tank. Set ${thr.name}.Tank = ` +
          "{<tankName>} with a tank of the spacecraft.",
      );
    }
    const wanted = thr.kind === "ChemicalThruster" ? "ChemicalTank" : "ElectricTank";
    const idx = s.tanks.map((name) => {
      const j = tankIndex.get(name);
      if (j === undefined) {
        throw settingError(
          `FiniteBurn::Initialize() cannot find tank ${name} for burn ${burn}: thruster ` +
            `${thr.name} draws from it but it is not in ${sc}.Tanks.`,
        );
      }
      if (this.spacecraft.tanks[j].kind !== wanted) {
        throw settingError(
          `All tanks set on ${thr.kind} ${thr.name} must be of type ${wanted}; ${name} is a ` +
            `${this.spacecraft.tanks[j].kind}.`,
        );
      }
      return j;
    });
    let mixTotal = 0;
    for (const r of s.mixRatio) mixTotal += r;
    return {
      burn,
      burnIndex,
      slot,
      chemical: thr.kind === "ChemicalThruster" ? thr : undefined,
      electric: thr.kind === "ElectricThruster" ? thr : undefined,
      tankIndex: Int32Array.from(idx),
      mix: Float64Array.from(s.mixRatio),
      mixTotal,
      thrustScaleFactor: s.thrustScaleFactor,
      dutyCycle: s.dutyCycle,
      direction: thrustDirectionFunction(thr.name, s, central, providers),
      name: thr.name,
    };
  }

  /**
   * Adds the thrust acceleration to `dydt[3..5]` and each tank's flow to its fuel slot. The
   * caller zeroes the fuel slots first (see `massStateDerivatives`).
   *
   * @param t Elapsed time, s (passed to the providers).
   * @param y State in the layout of {@link layout}.
   * @param dydt Derivative array, same layout.
   * @throws {PropulsionError} `PROPULSION_DEPLETED` when a tank runs dry; `PROPULSION_FAILED` for
   *   a zero Isp, a zero thrust direction, a non-positive total mass or non-finite thrust.
   */
  addDerivatives(t: number, y: Float64Array, dydt: Float64Array): void {
    this.#run(t, y, dydt, undefined);
  }

  /**
   * The thrusters' values and totals at a state, for reports (allocates).
   *
   * @param t Elapsed time, s.
   * @param y State in the layout of {@link layout}.
   */
  snapshot(t: number, y: Float64Array): BurnSnapshot {
    const dydt = new Float64Array(this.layout.dimension);
    const thrusters: ThrusterSnapshot[] = [];
    const totalMass = this.#run(t, y, dydt, thrusters);
    let massFlowRate = 0;
    for (const th of thrusters) massFlowRate += th.massFlowRate;
    return {
      totalMass,
      acceleration: [dydt[3], dydt[4], dydt[5]],
      massFlowRate,
      tankFlowRates: fuelMassesOf(dydt, this.layout),
      thrusters,
    };
  }

  #run(t: number, y: Float64Array, dydt: Float64Array, record?: ThrusterSnapshot[]): number {
    const fs = this.layout.fuelStart;
    const nt = this.layout.tankCount;
    let total = this.spacecraft.dryMass;
    for (let j = 0; j < nt; j++) {
      const fuel = y[fs + j];
      if (fuel < 0 && !this.#allowNegative[j]) {
        checkFuel(
          this.spacecraft.tanks[j].name,
          fuel,
          false,
          ` during finite burn ${this.burns.join(", ")} on ${this.spacecraft.name} ` +
            `(t = ${t} s into the propagation)`,
        );
      }
      total += fuel;
      const chem = this.#chemicalTanks[j];
      if (chem !== undefined) this.#pressure[j] = chem.pressureAt(fuel);
    }
    if (!(total > 0)) {
      throw new PropulsionError(
        "PROPULSION_FAILED",
        `Total spacecraft mass is ${total} kg (<= 0) for Spacecraft "${this.spacecraft.name}" ` +
          "during a finite burn; raise DryMass or the tanks' FuelMass.",
      );
    }
    for (let b = 0; b < this.#electricBurns.length; b++) {
      const eb = this.#electricBurns[b];
      if (eb !== undefined) {
        allocateThrusterPower(this.#thrustPower!(t, y), eb.minimumUsable, eb.power);
      }
    }
    const d = this.#dir;
    for (let i = 0; i < this.#firing.length; i++) {
      const f = this.#firing[i];
      let thrust: number;
      let isp: number;
      let mdot: number;
      if (f.chemical !== undefined) {
        let pSum = 0;
        let tSum = 0;
        let refSum = 0;
        for (let k = 0; k < f.tankIndex.length; k++) {
          const j = f.tankIndex[k];
          const r = f.mix[k];
          pSum += this.#pressure[j] * r;
          tSum += this.#temperature[j] * r;
          refSum += this.#refTemperature[j] * r;
        }
        const pressure = pSum / f.mixTotal;
        const ratio = tSum / refSum;
        thrust = f.chemical.thrust(pressure, ratio);
        isp = f.chemical.isp(pressure, ratio);
        if (!Number.isFinite(thrust) || !Number.isFinite(isp)) {
          throw new PropulsionError(
            "PROPULSION_FAILED",
            `ChemicalThruster "${f.name}" gives thrust ${thrust} N and Isp ${isp} s at tank ` +
              `pressure ${pressure} kPa and temperature ratio ${ratio}; check its C/K ` +
              "coefficients and the tanks' Pressure, Temperature and RefTemperature.",
          );
        }
        mdot = f.chemical.massFlowRate(thrust, isp);
      } else {
        const ev = this.#eval;
        f.electric!.evaluate(this.#electricBurns[f.burnIndex]!.power[f.slot], ev);
        thrust = ev.thrust;
        isp = ev.isp;
        mdot = ev.massFlowRate;
      }
      f.direction(t, y, 0, d);
      const norm = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
      if (!(norm > 0)) {
        throw new PropulsionError(
          "PROPULSION_FAILED",
          `FiniteBurn::Fire thruster ${f.name} on spacecraft ${this.spacecraft.name} has no ` +
            `direction; set ${f.name}.ThrustDirection1..3 to a non-zero vector.`,
        );
      }
      const k = thrust * f.thrustScaleFactor * f.dutyCycle / (total * norm * 1000.0);
      dydt[3] += d[0] * k;
      dydt[4] += d[1] * k;
      dydt[5] += d[2] * k;
      if (mdot !== 0) {
        const share = mdot / f.mixTotal;
        for (let m = 0; m < f.tankIndex.length; m++) dydt[fs + f.tankIndex[m]] += share * f.mix[m];
      }
      if (record !== undefined) {
        record.push({
          burn: f.burn,
          thruster: f.name,
          thrust: f.thrustScaleFactor * f.dutyCycle * thrust,
          isp,
          massFlowRate: mdot,
          direction: [d[0] / norm, d[1] / norm, d[2] / norm],
        });
      }
    }
    return total;
  }
}

/**
 * The spacecraft's tanks after a propagation with burns: each with the fuel mass from the state
 * and, for BlowDown tanks, the matching pressure (write these back to the spacecraft).
 *
 * @param tanks The tanks before, in layout order.
 * @param y The final state.
 * @param layout Its layout.
 * @throws {PropulsionError} `PROPULSION_DEPLETED` for negative fuel that is not allowed.
 */
export function tanksFromState(
  tanks: readonly Tank[],
  y: ArrayLike<number>,
  layout: MassStateLayout,
): Tank[] {
  return tanks.map((tank, j) => tank.withFuelMass(y[layout.fuelStart + j]));
}
