/**
 * The ImpulsiveBurn resource: an instantaneous velocity change in local VNB or LVLH axes (or
 * inertial MJ2000Eq axes), applied by the Maneuver command.
 *
 * Axes, as GMAT builds its local frames (R, V relative to `Origin` — the Earth, the Sun, Luna or
 * a planet — N = R x V):
 * VNB: X = V, Y = N, Z = X x Y. LVLH: X = R, Z = N, Y = Z x X. Element1..3 are the X, Y, Z
 * components in km/s. Mass depletion needs tanks and is refused.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import {
  EPHEMERIS_BODIES,
  type EphemerisBody,
  IMPULSIVE_MASS_DEFAULTS,
  type ImpulsiveMassSettings,
  isEphemerisBody,
} from "../../physics/mod.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

const AXES = ["VNB", "LVLH", "MJ2000Eq"] as const;

/** An ImpulsiveBurn resource. */
export class ImpulsiveBurnResource extends Resource {
  /** Mass depletion: `DecrementMass`, `Tank`, `Isp`, `GravitationalAccel` (GMAT's defaults). */
  mass: ImpulsiveMassSettings = { ...IMPULSIVE_MASS_DEFAULTS };
  readonly typeName = "ImpulsiveBurn";
  coordinateSystem = "Local";
  origin: EphemerisBody = "Earth";
  axes: (typeof AXES)[number] = "VNB";
  /** Delta-v components, km/s. */
  readonly elements: [number, number, number] = [0, 0, 0];

  knownFields(): readonly string[] {
    return [
      "CoordinateSystem",
      "Origin",
      "Axes",
      "Element1",
      "Element2",
      "Element3",
      "DecrementMass",
      "Isp",
      "GravitationalAccel",
      "Tank",
      "VectorFormat",
    ];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length !== 1) return this.otherField(path, pos);
    const field = path[0];
    switch (field) {
      case "CoordinateSystem":
        this.coordinateSystem = v.text();
        break;
      case "Origin": {
        const origin = v.text();
        if (!isEphemerisBody(origin)) {
          this.diag.unsupported(pos, `burn origin ${origin}`, {
            construct: "ImpulsiveBurn.Origin",
            hint: `the origin may be ${EPHEMERIS_BODIES.join(", ")}`,
          });
        }
        this.origin = origin;
        break;
      }
      case "Axes": {
        const text = v.text();
        if (text === "SpacecraftBody") {
          this.diag.unsupported(pos, "SpacecraftBody burn axes (attitude is not modelled)", {
            construct: "ImpulsiveBurn.Axes",
            hint: "use Axes = VNB or LVLH",
          });
        }
        this.axes = v.oneOf(AXES);
        break;
      }
      case "Element1":
      case "Element2":
      case "Element3":
      case "V":
      case "N":
      case "B":
        this.elements[{ Element1: 0, V: 0, Element2: 1, N: 1, Element3: 2, B: 2 }[field]] = v
          .number();
        break;
      case "DecrementMass":
        this.mass = { ...this.mass, decrementMass: v.boolean() };
        break;
      case "Isp":
        this.mass = { ...this.mass, isp: v.numberIn(0, Infinity, false) };
        break;
      case "GravitationalAccel":
        this.mass = { ...this.mass, gravitationalAccel: v.numberIn(0, Infinity, false) };
        break;
      case "Tank":
        this.mass = { ...this.mass, tanks: v.names() };
        break;
      case "VectorFormat":
        v.oneOf(["Cartesian"] as const, "spherical delta-v input is not supported");
        break;
      default:
        return this.otherField(path, pos);
    }
    this.mark(path, pos);
  }

  /**
   * The inertial delta-v (km/s) for a spacecraft at Cartesian state `s` (relative to the burn's
   * `Origin`; translating the state does not change the velocity, so the result holds in any
   * MJ2000Eq system).
   */
  inertialDeltaV(s: Float64Array, inertialAxes: boolean): [number, number, number] {
    const [e1, e2, e3] = this.elements;
    if (inertialAxes || this.axes === "MJ2000Eq") return [e1, e2, e3];
    const r = [s[0], s[1], s[2]];
    const v = [s[3], s[4], s[5]];
    const n = unit(cross(r, v));
    let x: number[], y: number[], z: number[];
    if (this.axes === "VNB") {
      x = unit(v);
      y = n;
      z = cross(x, y);
    } else {
      x = unit(r);
      z = n;
      y = cross(z, x);
    }
    return [0, 1, 2].map((i) => e1 * x[i] + e2 * y[i] + e3 * z[i]) as [number, number, number];
  }
}

function cross(a: number[], b: number[]): number[] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function unit(a: number[]): number[] {
  const m = Math.hypot(a[0], a[1], a[2]);
  return [a[0] / m, a[1] / m, a[2] / m];
}
