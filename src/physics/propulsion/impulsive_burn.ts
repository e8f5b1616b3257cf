/**
 * Mass depletion of GMAT's `ImpulsiveBurn` with DecrementMass = true
 * (`ImpulsiveBurn::DecrementMass`): the rocket equation with the burn's Isp and
 * GravitationalAccel, drawn from its one tank.
 *
 *   dm = M (exp(-|dv| 1000 / (Isp g0)) - 1)      (forward; negative)
 *   dm = M (exp(+|dv| 1000 / (Isp g0)) - 1)      (a burn undone by backward propagation)
 *
 * M is the spacecraft's TotalMass before the burn (dry mass plus all tanks), |dv| the magnitude of
 * Element1..3 in km/s (any axes: the rotation keeps the length), Isp in s (default 300), g0 in
 * m/s^2 (default 9.81). The whole dm goes to the burn's tank; GMAT supports exactly one tank here
 * and refuses several. The tank's FuelMass setter then refuses a negative result unless the tank
 * has AllowNegativeFuelMass.
 *
 * @module
 */

import { fieldError, PropulsionError } from "./propulsion_error.ts";
import { DEFAULT_GRAVITATIONAL_ACCEL } from "./thruster.ts";
import type { Tank } from "./tank.ts";

/** GMAT's default ImpulsiveBurn Isp, s. */
export const DEFAULT_IMPULSIVE_ISP = 300;

/** The mass-depletion fields of an ImpulsiveBurn. */
export interface ImpulsiveMassSettings {
  /** `DecrementMass`. */
  readonly decrementMass: boolean;
  /** `Tank`: the tank the fuel comes from (GMAT supports one). */
  readonly tanks: readonly string[];
  /** `Isp`, s (> 0). */
  readonly isp: number;
  /** `GravitationalAccel`, m/s^2 (> 0). */
  readonly gravitationalAccel: number;
}

/** GMAT R2026a defaults. */
export const IMPULSIVE_MASS_DEFAULTS: Readonly<ImpulsiveMassSettings> = Object.freeze({
  decrementMass: false,
  tanks: [],
  isp: DEFAULT_IMPULSIVE_ISP,
  gravitationalAccel: DEFAULT_GRAVITATIONAL_ACCEL,
});

/**
 * GMAT's `deltaTankMass` of an impulsive burn, kg (negative forward).
 *
 * @param totalMass TotalMass before the burn, kg.
 * @param deltaV Magnitude of the burn, km/s.
 * @param isp Specific impulse, s.
 * @param gravitationalAccel g0, m/s^2.
 * @param backwards True when the burn is applied by a backward propagation (undoing it).
 */
export function impulsiveMassChange(
  totalMass: number,
  deltaV: number,
  isp: number,
  gravitationalAccel: number,
  backwards = false,
): number {
  const x = deltaV * 1000 / (isp * gravitationalAccel);
  return totalMass * (Math.exp(backwards ? x : -x) - 1.0);
}

/** Result of {@link applyImpulsiveMassDecrement}. */
export interface ImpulsiveMassResult {
  /** GMAT's `DeltaTankMass`, kg (negative forward). */
  readonly deltaTankMass: number;
  /** Index of the drained tank in the spacecraft's tank list. */
  readonly tankIndex: number;
  /** The spacecraft's tanks after the burn (only the drained one changed). */
  readonly tanks: readonly Tank[];
  /** TotalMass after the burn, kg. */
  readonly totalMass: number;
}

/**
 * Validates an ImpulsiveBurn's mass fields as GMAT does (`SetRealParameter`, `Validate`,
 * `Initialize`, `SetTankFromSpacecraft`) and fills defaults.
 *
 * @param burn Script name.
 * @param settings Scripted fields.
 * @throws {PropulsionError} `PROPULSION_SETTING`.
 */
export function resolveImpulsiveMassSettings(
  burn: string,
  settings: Partial<ImpulsiveMassSettings>,
): Readonly<ImpulsiveMassSettings> {
  const s = { ...IMPULSIVE_MASS_DEFAULTS, ...settings };
  if (!(Number.isFinite(s.isp) && s.isp > 0)) {
    throw fieldError(burn, "Isp", s.isp, "Real Number > 0", "Isp is in seconds.");
  }
  if (!(Number.isFinite(s.gravitationalAccel) && s.gravitationalAccel > 0)) {
    throw fieldError(
      burn,
      "GravitationalAccel",
      s.gravitationalAccel,
      "Real Number > 0",
      "GravitationalAccel is g0 in m/s^2 (GMAT default 9.81).",
    );
  }
  if (s.decrementMass && s.tanks.length === 0) {
    throw new PropulsionError(
      "PROPULSION_SETTING",
      `The ImpulsiveBurn "${burn}" is set to deplete mass, but no tank is identified as the mass ` +
        `source for mass depletion.  Please specify a fuel tank by using the scripting ` +
        `${burn}.Tank = {<tankName>}; or set ${burn}.DecrementMass = false.`,
    );
  }
  if (s.decrementMass && s.tanks.length > 1) {
    throw new PropulsionError(
      "PROPULSION_SETTING",
      `The ImpulsiveBurn object ${burn} is configured to draw mass from multiple tanks, but only ` +
        `one tank is supported in the current implementation. List one tank in ${burn}.Tank.`,
    );
  }
  return Object.freeze({ ...s, tanks: Object.freeze([...s.tanks]) });
}

/**
 * Applies the mass depletion of an impulsive burn to a spacecraft's tanks.
 *
 * @param burn The burn's script name.
 * @param settings The burn's mass fields (validated here).
 * @param spacecraft Name, dry mass and tanks of the maneuvered spacecraft.
 * @param deltaV The burn vector (any axes) or its magnitude, km/s.
 * @param backwards True when applied during backward propagation.
 * @returns The mass change and the tanks after the burn; `undefined` when DecrementMass is false.
 * @throws {PropulsionError} `PROPULSION_SETTING` for a missing tank, `PROPULSION_DEPLETED` when
 *   the tank would go negative without AllowNegativeFuelMass.
 */
export function applyImpulsiveMassDecrement(
  burn: string,
  settings: Partial<ImpulsiveMassSettings>,
  spacecraft: { readonly name: string; readonly dryMass: number; readonly tanks: readonly Tank[] },
  deltaV: number | ArrayLike<number>,
  backwards = false,
): ImpulsiveMassResult | undefined {
  const s = resolveImpulsiveMassSettings(burn, settings);
  if (!s.decrementMass) return undefined;
  const tankName = s.tanks[0];
  const tankIndex = spacecraft.tanks.findIndex((t) => t.name === tankName);
  if (tankIndex < 0) {
    throw new PropulsionError(
      "PROPULSION_SETTING",
      `The impulsive burn ${burn} could not find the fuel tank needed to deplete mass; please ` +
        `attach the tank ${tankName} to the spacecraft ${spacecraft.name} or turn off mass ` +
        "depletion.",
    );
  }
  const dv = typeof deltaV === "number"
    ? Math.abs(deltaV)
    : Math.sqrt(deltaV[0] * deltaV[0] + deltaV[1] * deltaV[1] + deltaV[2] * deltaV[2]);
  let before = spacecraft.dryMass;
  for (const t of spacecraft.tanks) before += t.fuelMass;
  const deltaTankMass = impulsiveMassChange(before, dv, s.isp, s.gravitationalAccel, backwards);
  const tank = spacecraft.tanks[tankIndex];
  const drained = tank.withFuelMass(tank.fuelMass + deltaTankMass);
  const tanks = spacecraft.tanks.map((t, j) => j === tankIndex ? drained : t);
  let totalMass = spacecraft.dryMass;
  for (const t of tanks) totalMass += t.fuelMass;
  return { deltaTankMass, tankIndex, tanks, totalMass };
}
