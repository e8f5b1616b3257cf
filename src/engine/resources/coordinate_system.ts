/**
 * The CoordinateSystem resource. Only MJ2000Eq axes are modelled; the origin may be the Earth or
 * any body with a DE405 ephemeris (Sun, Luna, planets), so a user coordinate system is the
 * built-in `EarthMJ2000Eq` translated to its origin (`LunaMJ2000Eq`, `MarsMJ2000Eq`...).
 *
 * Other systems (spacecraft or barycentre origins, ObjectReferenced, BodyFixed, ... axes) are
 * accepted as long as nothing the engine computes uses them: GMAT's samples create many only for
 * their 3-D views and plots, which the engine ignores. The first state, parameter or burn that
 * needs one is refused by name, at the line that made the system unsupported
 * ({@link CoordinateSystemResource.refuse}).
 *
 * @module
 */

import { EPHEMERIS_BODIES, type EphemerisBody, isEphemerisBody } from "../../physics/mod.ts";
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

/** Why a coordinate system cannot be used, kept until something uses it. */
interface Refusal {
  readonly pos: SourcePos;
  readonly what: string;
  readonly construct: string;
  readonly hint: string;
}

/** Fields that only matter to axes the engine does not model. */
const OBJECT_REFERENCED_FIELDS = new Set(["Primary", "Secondary", "XAxis", "YAxis", "ZAxis"]);

/** A CoordinateSystem resource. */
export class CoordinateSystemResource extends Resource {
  readonly typeName = "CoordinateSystem";
  origin: EphemerisBody = "Earth";
  axes = "MJ2000Eq";
  #refusal: Refusal | undefined;

  knownFields(): readonly string[] {
    return ["Origin", "Axes"];
  }

  /** Whether the engine can compute in this system (an MJ2000Eq system about a DE405 body). */
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
      const origin = v.text();
      if (isEphemerisBody(origin)) {
        this.origin = origin;
      } else {
        this.#refusal ??= {
          pos,
          what: `coordinate system origin ${origin}`,
          construct: "CoordinateSystem.Origin",
          hint: `the origin may be ${EPHEMERIS_BODIES.join(", ")} (with MJ2000Eq axes)`,
        };
      }
    } else if (field === "Axes") {
      this.axes = v.text();
      if (this.axes !== "MJ2000Eq") {
        this.#refusal ??= {
          pos,
          what: `${this.axes} axes`,
          construct: "CoordinateSystem.Axes",
          hint: "only MJ2000Eq axes are modelled (EarthMJ2000Eq, LunaMJ2000Eq...)",
        };
      }
    } else if (OBJECT_REFERENCED_FIELDS.has(field) || field === "Epoch") {
      // Meaningful only with ObjectReferenced (or epoch-fixed) axes, refused when Axes is set.
    } else {
      return this.otherField(path, pos);
    }
    this.mark(path, pos);
  }
}
