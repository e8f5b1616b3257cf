/**
 * Units of GMAT quantities and of derived columns, for axis titles: `Sat.SMA` is in km,
 * `Sat.EarthMJ2000Eq.VX` in km/s, `final_radius_km` in km (from its suffix). Names the table does
 * not know get no unit rather than a guess.
 *
 * @module
 */

/** GMAT spacecraft fields and parameters (the last dotted segment) to their unit. */
const GMAT_UNITS: Readonly<Record<string, string>> = {
  SMA: "km",
  RadPer: "km",
  RadApo: "km",
  RMAG: "km",
  Altitude: "km",
  X: "km",
  Y: "km",
  Z: "km",
  VX: "km/s",
  VY: "km/s",
  VZ: "km/s",
  VMAG: "km/s",
  INC: "deg",
  RAAN: "deg",
  AOP: "deg",
  TA: "deg",
  MA: "deg",
  EA: "deg",
  Latitude: "deg",
  Longitude: "deg",
  HX: "km²/s",
  HY: "km²/s",
  HZ: "km²/s",
  HMAG: "km²/s",
  Energy: "km²/s²",
  C3Energy: "km²/s²",
  OrbitPeriod: "s",
  ElapsedSecs: "s",
  ElapsedDays: "days",
  DryMass: "kg",
  TotalMass: "kg",
  DragArea: "m²",
  SRPArea: "m²",
  ECC: "",
  Cd: "",
  Cr: "",
};

/** Suffixes of derived column names (`final_radius_km`) to their unit. */
const SUFFIX_UNITS: Readonly<Record<string, string>> = {
  km: "km",
  m: "m",
  s: "s",
  sec: "s",
  days: "days",
  deg: "deg",
  rad: "rad",
  kg: "kg",
  km_s: "km/s",
  m_s: "m/s",
};

/**
 * The unit of a parameter or column name, when known.
 *
 * @param name A dotted GMAT name (`Sat.SMA`, `Sat.Earth.SMA`) or a derived column
 *   (`final_radius_km`).
 * @returns The unit (`"km"`), `""` for a known dimensionless quantity, or undefined.
 *
 * @example
 * ```ts
 * import { unitOf } from "./units.ts";
 * import assert from "node:assert/strict";
 * assert.equal(unitOf("Sat.EarthMJ2000Eq.VX"), "km/s");
 * assert.equal(unitOf("radius_span_km"), "km");
 * assert.equal(unitOf("Sat.ECC"), "");
 * assert.equal(unitOf("weird"), undefined);
 * ```
 */
export function unitOf(name: string): string | undefined {
  const last = name.slice(name.lastIndexOf(".") + 1);
  if (Object.hasOwn(GMAT_UNITS, last)) return GMAT_UNITS[last];
  return suffixUnit(name);
}

/**
 * An axis title: the name, then its unit in parentheses when there is one and the name does not
 * already end in it (`final_radius_km`, not `final_radius_km (km)`).
 *
 * @param name The parameter or column name.
 * @param unit The unit; looked up with {@link unitOf} when not given.
 *
 * @example
 * ```ts
 * import { axisTitle } from "./units.ts";
 * import assert from "node:assert/strict";
 * assert.equal(axisTitle("Sat.SMA"), "Sat.SMA (km)");
 * assert.equal(axisTitle("Sat.ECC"), "Sat.ECC");
 * assert.equal(axisTitle("thrust", "N"), "thrust (N)");
 * assert.equal(axisTitle("final_radius_km"), "final_radius_km");
 * ```
 */
export function axisTitle(name: string, unit?: string): string {
  const u = unit ?? unitOf(name);
  if (!u) return name;
  return suffixUnit(name) === u ? name : `${name} (${u})`;
}

/** The unit a derived column's name states in its suffix (`_km`, `_m_s`), if any. */
function suffixUnit(name: string): string | undefined {
  const parts = name.slice(name.lastIndexOf(".") + 1).split("_");
  for (const take of [2, 1]) {
    if (parts.length > take) {
      const suffix = parts.slice(-take).join("_");
      if (Object.hasOwn(SUFFIX_UNITS, suffix)) return SUFFIX_UNITS[suffix];
    }
  }
  return undefined;
}
