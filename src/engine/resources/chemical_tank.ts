/**
 * The ChemicalTank resource: the fields GMAT's chemical tank has, read into the settings the
 * propulsion physics (`src/physics/propulsion/`) builds a tank from for each run.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import { CHEMICAL_TANK_DEFAULTS, type ChemicalTankSettings } from "../../physics/mod.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

const NUMBERS: Readonly<Record<string, keyof ChemicalTankSettings>> = {
  FuelMass: "fuelMass",
  Pressure: "pressure",
  Temperature: "temperature",
  RefTemperature: "refTemperature",
  Volume: "volume",
  FuelDensity: "fuelDensity",
};

/** A ChemicalTank resource. */
export class ChemicalTankResource extends Resource {
  readonly typeName = "ChemicalTank";
  /** The tank's settings as the script leaves them. */
  settings: ChemicalTankSettings = { ...CHEMICAL_TANK_DEFAULTS };

  knownFields(): readonly string[] {
    return [...Object.keys(NUMBERS), "PressureModel", "AllowNegativeFuelMass"];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length !== 1) return this.otherField(path, pos);
    const [field] = path;
    const key = NUMBERS[field];
    if (key) this.settings = { ...this.settings, [key]: v.number() };
    else if (field === "PressureModel") {
      this.settings = {
        ...this.settings,
        pressureModel: v.oneOf(["PressureRegulated", "BlowDown"]),
      };
    } else if (field === "AllowNegativeFuelMass") {
      this.settings = { ...this.settings, allowNegativeFuelMass: v.boolean() };
    } else return this.otherField(path, pos);
    this.mark(path, pos);
  }
}
