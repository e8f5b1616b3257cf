/**
 * The CoordinateSystem resource. Only Earth-centred MJ2000Eq axes are modelled, so a user
 * coordinate system is accepted when it is an alias of the built-in `EarthMJ2000Eq`.
 *
 * @module
 */

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
  origin = "Earth";
  axes = "MJ2000Eq";

  knownFields(): readonly string[] {
    return ["Origin", "Axes"];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length !== 1) return this.otherField(path, pos);
    if (path[0] === "Origin") {
      this.origin = v.text();
      if (this.origin !== "Earth") {
        this.diag.unsupported(pos, `coordinate system origin ${this.origin}`, {
          construct: "CoordinateSystem.Origin",
          hint: "only Earth-centred MJ2000Eq axes are modelled",
        });
      }
    } else if (path[0] === "Axes") {
      this.axes = v.text();
      if (this.axes !== "MJ2000Eq") {
        this.diag.unsupported(pos, `${this.axes} axes`, {
          construct: "CoordinateSystem.Axes",
          hint: "only MJ2000Eq axes are modelled (EarthMJ2000Eq)",
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
