/**
 * The CoordinateSystem resource. Only MJ2000Eq axes are modelled; the origin may be the Earth or
 * any body with a DE405 ephemeris (Sun, Luna, planets), so a user coordinate system is the
 * built-in `EarthMJ2000Eq` translated to its origin (`LunaMJ2000Eq`, `MarsMJ2000Eq`...).
 * Spacecraft and barycentre origins are refused by name.
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

/** A CoordinateSystem resource. */
export class CoordinateSystemResource extends Resource {
  readonly typeName = "CoordinateSystem";
  origin: EphemerisBody = "Earth";
  axes = "MJ2000Eq";

  knownFields(): readonly string[] {
    return ["Origin", "Axes"];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length !== 1) return this.otherField(path, pos);
    if (path[0] === "Origin") {
      const origin = v.text();
      if (!isEphemerisBody(origin)) {
        this.diag.unsupported(pos, `coordinate system origin ${origin}`, {
          construct: "CoordinateSystem.Origin",
          hint: `the origin may be ${EPHEMERIS_BODIES.join(", ")} (with MJ2000Eq axes)`,
        });
      }
      this.origin = origin;
    } else if (path[0] === "Axes") {
      this.axes = v.text();
      if (this.axes !== "MJ2000Eq") {
        this.diag.unsupported(pos, `${this.axes} axes`, {
          construct: "CoordinateSystem.Axes",
          hint: "only MJ2000Eq axes are modelled (EarthMJ2000Eq, LunaMJ2000Eq...)",
        });
      }
    } else {
      return this.otherField(path, pos, {
        Primary: "object-referenced axes are not modelled",
        Secondary: "object-referenced axes are not modelled",
        XAxis: "object-referenced axes are not modelled",
        YAxis: "object-referenced axes are not modelled",
        ZAxis: "object-referenced axes are not modelled",
        Epoch: "only MJ2000Eq axes are modelled",
      });
    }
    this.mark(path, pos);
  }
}
