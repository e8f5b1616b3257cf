/**
 * The ChemicalThruster resource: GMAT's thruster fields (frame, direction, duty cycle, scale
 * factor, tanks and mix ratio, the thrust and Isp polynomials C1..C16 and K1..K16), read into
 * the settings the propulsion physics builds a thruster from. `HWOriginInBCSX..Z`, the thruster's
 * place on the body, is kept and changes nothing the engine computes: GMAT applies a thrust to the
 * orbit through the centre of mass whatever its place (the place matters to torques only, and
 * GMAT propagates no attitude dynamics from thrust), and a thruster carries no mass.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import {
  CHEMICAL_THRUSTER_DEFAULTS,
  type ChemicalThrusterCoefficients,
  LOCAL_AXES,
  type LocalAxes,
  THRUSTER_DEFAULTS,
  type ThrusterSettings,
} from "../../physics/mod.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

/** A ChemicalThruster resource. */
export class ChemicalThrusterResource extends Resource {
  readonly typeName = "ChemicalThruster";
  /** Frame, direction, tanks and mass-flow settings. */
  settings: ThrusterSettings = { ...THRUSTER_DEFAULTS };
  /** `HWOriginInBCSX..Z`: the thruster's place on the body, m (see the module doc). */
  hwOrigin: readonly [number, number, number] = [0, 0, 0];
  /** C1..C16 and K1..K16, GMAT's defaults (C1 = 10 N, K1 = 300 s, the rest 0) until set. */
  coefficients: ChemicalThrusterCoefficients = {
    c: [...CHEMICAL_THRUSTER_DEFAULTS.c],
    k: [...CHEMICAL_THRUSTER_DEFAULTS.k],
  };

  knownFields(): readonly string[] {
    return [
      "CoordinateSystem",
      "Origin",
      "Axes",
      "ThrustDirection1",
      "ThrustDirection2",
      "ThrustDirection3",
      "DutyCycle",
      "ThrustScaleFactor",
      "DecrementMass",
      "Tank",
      "MixRatio",
      "GravitationalAccel",
      "HWOriginInBCSX",
      "HWOriginInBCSY",
      "HWOriginInBCSZ",
      ...Array.from({ length: 16 }, (_, i) => `C${i + 1}`),
      ...Array.from({ length: 16 }, (_, i) => `K${i + 1}`),
    ];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length !== 1) return this.otherField(path, pos);
    const [field] = path;
    const s = this.settings;
    const dir = /^ThrustDirection([123])$/.exec(field);
    const coef = /^([CK])([1-9]|1[0-6])$/.exec(field);
    const origin = /^HWOriginInBCS([XYZ])$/.exec(field);
    if (field === "CoordinateSystem") this.settings = { ...s, coordinateSystem: v.text() };
    else if (field === "Origin") this.settings = { ...s, origin: v.text() };
    else if (field === "Axes") {
      this.settings = { ...s, axes: v.oneOf(LOCAL_AXES as readonly LocalAxes[]) };
    } else if (dir) {
      const d = [...s.direction] as [number, number, number];
      d[Number(dir[1]) - 1] = v.number();
      this.settings = { ...s, direction: d };
    } else if (field === "DutyCycle") this.settings = { ...s, dutyCycle: v.numberIn(0, 1) };
    else if (field === "ThrustScaleFactor") {
      this.settings = { ...s, thrustScaleFactor: v.numberIn(0, Infinity) };
    } else if (field === "DecrementMass") this.settings = { ...s, decrementMass: v.boolean() };
    else if (field === "Tank") this.settings = { ...s, tanks: v.names() };
    else if (field === "MixRatio") {
      const value = v.value;
      const items = value.kind === "array" ? value.rows.flat() : [value];
      this.settings = {
        ...s,
        mixRatio: items.map((x) => x.kind === "number" ? x.value : NaN),
      };
    } else if (field === "GravitationalAccel") {
      this.settings = { ...s, gravitationalAccel: v.numberIn(0, Infinity, false) };
    } else if (coef) {
      const which = coef[1] === "C" ? "c" : "k";
      const list = [...this.coefficients[which]];
      list[Number(coef[2]) - 1] = v.number();
      this.coefficients = { ...this.coefficients, [which]: list };
    } else if (origin) {
      const o = [...this.hwOrigin] as [number, number, number];
      o["XYZ".indexOf(origin[1])] = v.number();
      this.hwOrigin = o;
    } else return this.otherField(path, pos);
    this.mark(path, pos);
  }
}
