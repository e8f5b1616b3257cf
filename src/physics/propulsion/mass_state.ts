/**
 * The propagation state of a spacecraft whose tanks are integrated with its orbit.
 *
 * Layout (one spacecraft; GMAT refuses several spacecraft in a propagator driving a finite burn):
 *
 *   y = [x, y, z, vx, vy, vz, fuel_0, ..., fuel_{n-1}, 0, ...]
 *
 * km, km/s, then the FuelMass (kg) of each of the spacecraft's tanks in `Sat.Tanks` order, then
 * zero padding to a multiple of 3 (the integrator's error norm works on triplets; the padding
 * stays 0 and contributes no error). Total mass = DryMass + sum(fuel), as GMAT's TotalMass.
 *
 * GMAT itself integrates one total-mass element and spreads each change over the tanks by the
 * firing thrusters' flow shares and mix ratios (`Spacecraft::ApplyTotalMass`); integrating each
 * tank's own rate gives the same total and, for constant shares, the same split.
 *
 * @module
 */

import type { Derivatives } from "../integrators/settings.ts";

/** Where the tank masses sit in the state. */
export interface MassStateLayout {
  /** Number of tanks carried (all of the spacecraft's tanks). */
  readonly tankCount: number;
  /** Index of the first tank's fuel mass (always 6). */
  readonly fuelStart: number;
  /** State length: 6 + tankCount rounded up to a multiple of 3. */
  readonly dimension: number;
}

/**
 * The layout for a spacecraft with `tankCount` tanks.
 *
 * @throws {RangeError} For a negative or non-integer count.
 */
export function massStateLayout(tankCount: number): MassStateLayout {
  if (!(Number.isInteger(tankCount) && tankCount >= 0)) {
    throw new RangeError(`Tank count must be an integer >= 0, got ${tankCount}`);
  }
  return Object.freeze({
    tankCount,
    fuelStart: 6,
    dimension: 3 * Math.ceil((6 + tankCount) / 3),
  });
}

/**
 * Builds a state vector from an orbit state and the tanks' fuel masses.
 *
 * @param orbit `[x, y, z, vx, vy, vz]`, km and km/s.
 * @param fuelMasses FuelMass of each tank, kg, in layout order.
 * @param layout From {@link massStateLayout}.
 */
export function packMassState(
  orbit: ArrayLike<number>,
  fuelMasses: readonly number[],
  layout: MassStateLayout,
): Float64Array {
  if (fuelMasses.length !== layout.tankCount) {
    throw new RangeError(
      `Expected ${layout.tankCount} fuel masses for the state layout, got ${fuelMasses.length}`,
    );
  }
  const y = new Float64Array(layout.dimension);
  for (let i = 0; i < 6; i++) y[i] = orbit[i];
  for (let j = 0; j < layout.tankCount; j++) y[layout.fuelStart + j] = fuelMasses[j];
  return y;
}

/** The tanks' fuel masses (kg) held in a state. */
export function fuelMassesOf(y: ArrayLike<number>, layout: MassStateLayout): number[] {
  const out: number[] = [];
  for (let j = 0; j < layout.tankCount; j++) out.push(y[layout.fuelStart + j]);
  return out;
}

/** GMAT's TotalMass (kg): dry mass plus the fuel in every tank of the state. */
export function totalMassOf(
  dryMass: number,
  y: ArrayLike<number>,
  layout: MassStateLayout,
): number {
  let m = dryMass;
  for (let j = 0; j < layout.tankCount; j++) m += y[layout.fuelStart + j];
  return m;
}

/** Something that adds thrust and mass-flow derivatives, e.g. a `FiniteThrust`. */
export interface DerivativeAdder {
  /** Adds to `dydt` (orbit accelerations and tank flows); must not allocate. */
  addDerivatives(t: number, y: Float64Array, dydt: Float64Array): void;
}

/**
 * Derivatives of the orbit-plus-tanks state: the orbit forces on components 0..5, the tank and
 * padding derivatives zeroed, then every active burn added. With no burn the masses stay
 * constant (a coast with the same state layout).
 *
 * @param orbit The force model for one spacecraft (writes `dydt[0..5]`).
 * @param burns The active burn forces (may be empty).
 * @param layout The state layout.
 */
export function massStateDerivatives(
  orbit: Derivatives,
  burns: readonly DerivativeAdder[],
  layout: MassStateLayout,
): Derivatives {
  const start = layout.fuelStart;
  const end = layout.dimension;
  const list = [...burns];
  return (t, y, dydt) => {
    orbit(t, y, dydt);
    for (let i = start; i < end; i++) dydt[i] = 0;
    for (let k = 0; k < list.length; k++) list[k].addDerivatives(t, y, dydt);
  };
}
