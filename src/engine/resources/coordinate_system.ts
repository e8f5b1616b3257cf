/**
 * The CoordinateSystem resource: what the script set (Origin, Axes, and for ObjectReferenced
 * axes Primary, Secondary and two of XAxis/YAxis/ZAxis). The engine computes in systems whose
 * axes are
 *
 * - `MJ2000Eq` (any origin),
 * - `ObjectReferenced` (GMAT's rotating axes from the secondary's motion about the primary),
 * - `BodyInertial` about the Earth or Luna (GMAT fixes those two without a rotation model),
 *
 * and whose origin is a body with a DE405 ephemeris or a calculated point (LibrationPoint,
 * Barycenter). Turning a system into a frame at an epoch is `frames.ts`'s job.
 *
 * Other systems (spacecraft origins, BodyFixed, TOD, ... axes) are accepted as long as nothing
 * the engine computes uses them: GMAT's samples create many only for their 3-D views and plots,
 * which the engine ignores. The first state, parameter or burn that needs one is refused by
 * name, at the line that made the system unsupported ({@link CoordinateSystemResource.refuse}).
 *
 * @module
 */

import { isReferenceDirection, type ReferenceDirection } from "../../physics/mod.ts";
import type { SourcePos } from "../../script/ast.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

/** Names of the coordinate systems GMAT predefines. */
export const BUILTIN_COORDINATE_SYSTEMS = new Set([
  "EarthMJ2000Eq",
  "EarthMJ2000Ec",
  "EarthFixed",
  "EarthICRF",
]);

/** Axes the engine computes in. */
export const MODELLED_AXES = ["MJ2000Eq", "ObjectReferenced", "BodyInertial"] as const;

/** One of {@link MODELLED_AXES}. */
export type ModelledAxes = (typeof MODELLED_AXES)[number];

/** Why a coordinate system cannot be used, kept until something uses it. */
interface Refusal {
  readonly pos: SourcePos;
  readonly what: string;
  readonly construct: string;
  readonly hint: string;
}

/** Fields that only matter to ObjectReferenced axes. */
const OBJECT_REFERENCED_FIELDS = new Set(["Primary", "Secondary", "XAxis", "YAxis", "ZAxis"]);

/** A CoordinateSystem resource. */
export class CoordinateSystemResource extends Resource {
  readonly typeName = "CoordinateSystem";
  /** The origin's name: a body, a calculated point (or something refused where used). */
  origin = "Earth";
  axes: string = "MJ2000Eq";
  primary: string | undefined;
  secondary: string | undefined;
  xAxis: ReferenceDirection | undefined;
  yAxis: ReferenceDirection | undefined;
  zAxis: ReferenceDirection | undefined;
  #refusal: Refusal | undefined;

  knownFields(): readonly string[] {
    return ["Origin", "Axes", ...OBJECT_REFERENCED_FIELDS];
  }

  /** Whether the axes are ones the engine models (the origin is checked where it is used). */
  get usable(): boolean {
    return this.#refusal === undefined;
  }

  /**
   * Refuse a use of this system when the engine cannot compute in it.
   *
   * @throws {ScriptError} `ENGINE_UNSUPPORTED` naming the field that made it unsupported.
   */
  refuse(): void {
    const r = this.#refusal;
    if (r) {
      this.diag.unsupported(r.pos, `${r.what} (coordinate system ${this.name}, used)`, {
        construct: r.construct,
        hint: r.hint,
      });
    }
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length !== 1) return this.otherField(path, pos);
    const field = path[0];
    if (field === "Origin") {
      this.origin = v.text();
    } else if (field === "Axes") {
      this.axes = v.text();
      if (!(MODELLED_AXES as readonly string[]).includes(this.axes)) {
        this.#refusal ??= {
          pos,
          what: `${this.axes} axes`,
          construct: "CoordinateSystem.Axes",
          hint: `the built-in engine models ${MODELLED_AXES.join(", ")} axes`,
        };
      }
    } else if (field === "Primary") {
      this.primary = v.text();
    } else if (field === "Secondary") {
      this.secondary = v.text();
    } else if (field === "XAxis" || field === "YAxis" || field === "ZAxis") {
      const text = v.text().trim();
      let dir: ReferenceDirection | undefined;
      if (text !== "") {
        if (!isReferenceDirection(text)) {
          this.diag.fail("SCRIPT_BAD_VALUE", pos, `${this.name}.${field} = ${text}`, {
            construct: `CoordinateSystem.${field}`,
            hint: "an ObjectReferenced axis is one of R, V, N, -R, -V, -N",
          });
        }
        dir = text.toUpperCase() as ReferenceDirection;
      }
      if (field === "XAxis") this.xAxis = dir;
      else if (field === "YAxis") this.yAxis = dir;
      else this.zAxis = dir;
    } else if (field === "Epoch") {
      // Read by GMAT only for BodyInertial axes of IAU-modelled bodies and epoch-fixed axes,
      // which are refused; MJ2000Eq, ObjectReferenced and Earth/Luna BodyInertial ignore it.
    } else {
      return this.otherField(path, pos);
    }
    this.mark(path, pos);
  }
}
