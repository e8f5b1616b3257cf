/**
 * The ChemicalTank resource: the fields GMAT's chemical tank has, read into the settings the
 * propulsion physics (`src/physics/propulsion/`) builds a tank from for each run, and the fuel's
 * centre of mass and inertia (`FuelCenterOfMassX..Z`, `FuelMomentOfInertiaXX..ZZ`; GMAT's
 * defaults 0 and the identity) that the spacecraft's analytic mass properties read.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import { CHEMICAL_TANK_DEFAULTS, type ChemicalTankSettings } from "../../physics/mod.ts";
import type { FieldValue } from "../values.ts";
import { type Inertia, INERTIA_ELEMENTS } from "../mass_properties.ts";
import { Resource } from "./resource.ts";

/** The fuel's centre of mass (m) and inertia about it (kg m^2), as a tank's fields set them. */
export interface FuelMassLayout {
  readonly centerOfMass: readonly [number, number, number];
  readonly inertia: Inertia;
}

/**
 * Set one of the `<prefix>CenterOfMassX..Z` / `<prefix>MomentOfInertiaXX..ZZ` fields of a layout
 * (a tank's fuel or a spacecraft's dry part), refusing a negative principal moment as GMAT does.
 *
 * @returns The new layout, or undefined when `field` is not one of them.
 */
export function setMassLayoutField(
  layout: FuelMassLayout,
  prefix: string,
  field: string,
  v: FieldValue,
): FuelMassLayout | undefined {
  const cm = new RegExp(`^${prefix}CenterOfMass([XYZ])$`).exec(field);
  if (cm) {
    const c: [number, number, number] = [...layout.centerOfMass];
    c["XYZ".indexOf(cm[1])] = v.number();
    return { ...layout, centerOfMass: c };
  }
  const moi = new RegExp(`^${prefix}MomentOfInertia(XX|XY|XZ|YY|YZ|ZZ)$`).exec(field);
  if (!moi) return undefined;
  const element = moi[1] as (typeof INERTIA_ELEMENTS)[number];
  const x = element[0] === element[1] ? v.numberIn(0, Infinity) : v.number();
  return { ...layout, inertia: { ...layout.inertia, [element.toLowerCase()]: x } };
}

const FUEL_FIELDS = [
  "FuelCenterOfMassX",
  "FuelCenterOfMassY",
  "FuelCenterOfMassZ",
  ...INERTIA_ELEMENTS.map((e) => `FuelMomentOfInertia${e}`),
];

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
  /** The fuel's centre of mass and inertia (GMAT's defaults: the origin, the identity). */
  fuelLayout: FuelMassLayout = {
    centerOfMass: [0, 0, 0],
    inertia: { xx: 1, xy: 0, xz: 0, yy: 1, yz: 0, zz: 1 },
  };

  knownFields(): readonly string[] {
    return [...Object.keys(NUMBERS), "PressureModel", "AllowNegativeFuelMass", ...FUEL_FIELDS];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length !== 1) return this.otherField(path, pos);
    const [field] = path;
    const key = NUMBERS[field];
    const layout = setMassLayoutField(this.fuelLayout, "Fuel", field, v);
    if (layout) this.fuelLayout = layout;
    else if (key) this.settings = { ...this.settings, [key]: v.number() };
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
