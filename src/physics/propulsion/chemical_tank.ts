/**
 * GMAT's `ChemicalTank` (`ChemicalTank.cpp`, `FuelTank.cpp`): fuel mass, pressure, temperature and
 * the pressure model.
 *
 * - Defaults: FuelMass 756 kg, Pressure 1500 kPa, Temperature 20 C, RefTemperature 20 C,
 *   Volume 0.75 m^3, FuelDensity 1260 kg/m^3, PressureModel PressureRegulated,
 *   AllowNegativeFuelMass false.
 * - Initialization (`ChemicalTank::Initialize`): gas volume V_g = Volume - FuelMass / FuelDensity
 *   (negative: "Fuel volume exceeds tank capacity"), and the ideal-gas constant PV = P V_g.
 * - PressureRegulated: the pressure stays at Pressure. BlowDown (`ChemicalTank::UpdateTank`, run
 *   every time FuelMass changes, so at every derivative evaluation of a burn): P = PV / V_g with
 *   V_g from the current fuel mass; PV keeps the value of the last initialization. A gas volume
 *   that reaches zero is not checked (GMAT's check is commented out).
 * - Temperature never changes with fuel use: GMAT keeps the scripted value (isothermal gas).
 *
 * Temperatures are in degrees Celsius and only enter as the ratio Temperature / RefTemperature of
 * the thruster polynomials, exactly as GMAT forms it (no conversion to kelvin).
 *
 * @module
 */

import { fieldError, PropulsionError } from "./propulsion_error.ts";

/** GMAT's absolute zero in Celsius (`GmatPhysicalConstants::ABSOLUTE_ZERO_C`). */
export const ABSOLUTE_ZERO_C = -273.15;

/** GMAT rejects |RefTemperature| <= this (C) to keep the temperature ratio finite. */
export const ZERO_REFERENCE_TEMPERATURE_THRESHOLD = 0.01;

/** `ChemicalTank.PressureModel`. */
export type PressureModel = "PressureRegulated" | "BlowDown";

/** The scripted fields of a ChemicalTank. */
export interface ChemicalTankSettings {
  /** `FuelMass`, kg. */
  readonly fuelMass: number;
  /** `Pressure`, kPa. */
  readonly pressure: number;
  /** `Temperature`, C. */
  readonly temperature: number;
  /** `RefTemperature`, C. */
  readonly refTemperature: number;
  /** `Volume`, m^3. */
  readonly volume: number;
  /** `FuelDensity`, kg/m^3. */
  readonly fuelDensity: number;
  /** `PressureModel`. */
  readonly pressureModel: PressureModel;
  /** `AllowNegativeFuelMass`. */
  readonly allowNegativeFuelMass: boolean;
}

/** GMAT R2026a defaults of a ChemicalTank. */
export const CHEMICAL_TANK_DEFAULTS: Readonly<ChemicalTankSettings> = Object.freeze({
  fuelMass: 756,
  pressure: 1500,
  temperature: 20,
  refTemperature: 20,
  volume: 0.75,
  fuelDensity: 1260,
  pressureModel: "PressureRegulated",
  allowNegativeFuelMass: false,
});

function validate(name: string, s: ChemicalTankSettings): void {
  const num = (field: string, v: number, ok: boolean, allowed: string, hint: string) => {
    if (!Number.isFinite(v) || !ok) throw fieldError(name, field, v, allowed, hint);
  };
  num(
    "FuelMass",
    s.fuelMass,
    s.fuelMass >= 0 || s.allowNegativeFuelMass,
    "Real Number >= 0.0",
    `Set ${name}.FuelMass >= 0 or ${name}.AllowNegativeFuelMass = true.`,
  );
  num("Pressure", s.pressure, s.pressure >= 0, "Real Number >= 0.0", "Pressure is in kPa.");
  num(
    "Temperature",
    s.temperature,
    s.temperature > ABSOLUTE_ZERO_C,
    `Real Number > ${ABSOLUTE_ZERO_C}`,
    "Temperature is in degrees Celsius.",
  );
  num(
    "RefTemperature",
    s.refTemperature,
    s.refTemperature > ABSOLUTE_ZERO_C &&
      Math.abs(s.refTemperature) > ZERO_REFERENCE_TEMPERATURE_THRESHOLD,
    `Real Number > ${ZERO_REFERENCE_TEMPERATURE_THRESHOLD} or Real Number < ` +
      `-${ZERO_REFERENCE_TEMPERATURE_THRESHOLD}`,
    "RefTemperature is in degrees Celsius and divides Temperature in the thruster polynomials.",
  );
  num("Volume", s.volume, s.volume >= 0, "Real Number >= 0.0", "Volume is in m^3.");
  num(
    "FuelDensity",
    s.fuelDensity,
    s.fuelDensity > 0,
    "Real Number > 0.0",
    "FuelDensity is in kg/m^3.",
  );
  if (s.pressureModel !== "PressureRegulated" && s.pressureModel !== "BlowDown") {
    throw fieldError(
      name,
      "PressureModel",
      s.pressureModel,
      " PressureRegulated, BlowDown ",
      "Use one of the listed models.",
    );
  }
  if (s.volume - s.fuelMass / s.fuelDensity < 0) {
    throw new PropulsionError(
      "PROPULSION_SETTING",
      `Fuel volume exceeds tank capacity on ChemicalTank "${name}": FuelMass / FuelDensity = ` +
        `${s.fuelMass / s.fuelDensity} m^3 > Volume = ${s.volume} m^3. Raise ${name}.Volume or ` +
        `lower ${name}.FuelMass.`,
    );
  }
}

/**
 * An initialized ChemicalTank: the settings plus the ideal-gas constant of the pressure model.
 * Immutable; a burn's result is a new tank from {@link ChemicalTank.withFuelMass}.
 */
export class ChemicalTank {
  /** Discriminator of the tank kinds. */
  readonly kind = "ChemicalTank" as const;
  /** Script name. */
  readonly name: string;
  /** The fields, defaults filled in; `pressure` is the current pressure. */
  readonly settings: Readonly<ChemicalTankSettings>;
  /** P V_g of the last initialization, kPa m^3 (GMAT's `pvBase`). */
  readonly pvBase: number;

  /**
   * Creates and initializes a tank as GMAT does when the spacecraft clones it.
   *
   * @param name Script name.
   * @param settings Scripted fields; missing ones take GMAT's defaults.
   * @param pvBase Internal: keep this gas constant instead of initializing (used by
   *   {@link withFuelMass}).
   * @throws {PropulsionError} `PROPULSION_SETTING` for a value GMAT rejects.
   */
  constructor(name: string, settings: Partial<ChemicalTankSettings> = {}, pvBase?: number) {
    const full = Object.freeze({ ...CHEMICAL_TANK_DEFAULTS, ...settings });
    validate(name, full);
    this.name = name;
    this.settings = full;
    this.pvBase = pvBase ??
      full.pressure * (full.volume - full.fuelMass / full.fuelDensity);
  }

  /** Current fuel mass, kg. */
  get fuelMass(): number {
    return this.settings.fuelMass;
  }

  /**
   * The tank pressure (kPa) at a given fuel mass: the constant Pressure when regulated, P V / V_g
   * in blow-down mode.
   *
   * @param fuelMass Fuel mass, kg.
   */
  pressureAt(fuelMass: number): number {
    const s = this.settings;
    if (s.pressureModel === "PressureRegulated") return s.pressure;
    return this.pvBase / (s.volume - fuelMass / s.fuelDensity);
  }

  /**
   * The tank after fuel use: the new fuel mass and, in blow-down mode, the new pressure; the gas
   * constant is kept (GMAT's `UpdateTank`).
   *
   * @param fuelMass New fuel mass, kg.
   * @throws {PropulsionError} `PROPULSION_DEPLETED` when it is negative and AllowNegativeFuelMass
   *   is false.
   */
  withFuelMass(fuelMass: number): ChemicalTank {
    checkFuel(this.name, fuelMass, this.settings.allowNegativeFuelMass);
    return new ChemicalTank(
      this.name,
      { ...this.settings, fuelMass, pressure: this.pressureAt(fuelMass) },
      this.pvBase,
    );
  }
}

/**
 * GMAT's FuelMass check (`FuelTank::SetRealParameter`): negative fuel is refused unless allowed.
 *
 * @param tank Tank name.
 * @param fuelMass The fuel mass about to be set, kg.
 * @param allowNegative The tank's AllowNegativeFuelMass.
 * @param context Where it happened, appended to "ran out of fuel" (e.g. " during burn FB").
 * @throws {PropulsionError} `PROPULSION_DEPLETED`.
 */
export function checkFuel(
  tank: string,
  fuelMass: number,
  allowNegative: boolean,
  context = "",
): void {
  if (fuelMass < 0 && !allowNegative) {
    throw new PropulsionError(
      "PROPULSION_DEPLETED",
      `The value of "${fuelMass}" for field "FuelMass" on object "${tank}" is not an allowed ` +
        `value. The allowed values are: [Real Number >= 0.0]. The tank ran out of fuel` +
        `${context}; load more fuel, shorten the burn, or set ` +
        `${tank}.AllowNegativeFuelMass = true.`,
    );
  }
}
