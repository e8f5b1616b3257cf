/**
 * GMAT's `ElectricTank` (`ElectricTank.cpp`): a FuelTank with only FuelMass (default 756 kg) and
 * AllowNegativeFuelMass (default false); no pressure model, so the electric thrust models do not
 * depend on it.
 *
 * @module
 */

import { fieldError } from "./propulsion_error.ts";
import { checkFuel } from "./chemical_tank.ts";

/** The scripted fields of an ElectricTank. */
export interface ElectricTankSettings {
  /** `FuelMass`, kg. */
  readonly fuelMass: number;
  /** `AllowNegativeFuelMass`. */
  readonly allowNegativeFuelMass: boolean;
}

/** GMAT R2026a defaults of an ElectricTank. */
export const ELECTRIC_TANK_DEFAULTS: Readonly<ElectricTankSettings> = Object.freeze({
  fuelMass: 756,
  allowNegativeFuelMass: false,
});

/** An ElectricTank. Immutable. */
export class ElectricTank {
  /** Discriminator of the tank kinds. */
  readonly kind = "ElectricTank" as const;
  /** Script name. */
  readonly name: string;
  /** The fields, defaults filled in. */
  readonly settings: Readonly<ElectricTankSettings>;

  /**
   * Creates the tank.
   *
   * @param name Script name.
   * @param settings Scripted fields; missing ones take GMAT's defaults.
   * @throws {PropulsionError} `PROPULSION_SETTING` for a negative or non-finite FuelMass that is
   *   not allowed.
   */
  constructor(name: string, settings: Partial<ElectricTankSettings> = {}) {
    const full = Object.freeze({ ...ELECTRIC_TANK_DEFAULTS, ...settings });
    if (!Number.isFinite(full.fuelMass) || (full.fuelMass < 0 && !full.allowNegativeFuelMass)) {
      throw fieldError(
        name,
        "FuelMass",
        full.fuelMass,
        "Real Number >= 0.0",
        `Set ${name}.FuelMass >= 0 or ${name}.AllowNegativeFuelMass = true.`,
      );
    }
    this.name = name;
    this.settings = full;
  }

  /** Current fuel mass, kg. */
  get fuelMass(): number {
    return this.settings.fuelMass;
  }

  /**
   * The tank after fuel use.
   *
   * @param fuelMass New fuel mass, kg.
   * @throws {PropulsionError} `PROPULSION_DEPLETED` when negative and not allowed.
   */
  withFuelMass(fuelMass: number): ElectricTank {
    checkFuel(this.name, fuelMass, this.settings.allowNegativeFuelMass);
    return new ElectricTank(this.name, { ...this.settings, fuelMass });
  }
}
