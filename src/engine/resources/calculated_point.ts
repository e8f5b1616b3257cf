/**
 * GMAT's calculated points as resources: `LibrationPoint` (Primary, Secondary, Point) and
 * `Barycenter` (BodyNames). They hold only what the script set; where the points are at an epoch
 * is `space_points.ts`'s job, which also checks that the bodies they name exist.
 *
 * @module
 */

import { LIBRATION_POINTS, type LibrationPointName } from "../../physics/mod.ts";
import type { SourcePos } from "../../script/ast.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

/** A `Create LibrationPoint`. */
export class LibrationPointResource extends Resource {
  readonly typeName = "LibrationPoint";
  primary: string | undefined;
  secondary: string | undefined;
  point: LibrationPointName | undefined;

  knownFields(): readonly string[] {
    return ["Primary", "Secondary", "Point"];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    const field = path.join(".");
    if (field === "Primary") this.primary = v.text();
    else if (field === "Secondary") this.secondary = v.text();
    else if (field === "Point") this.point = v.oneOf(LIBRATION_POINTS);
    else return this.otherField(path, pos);
    this.mark(path, pos);
  }
}

/** A `Create Barycenter`. */
export class BarycenterResource extends Resource {
  readonly typeName = "Barycenter";
  bodies: string[] = [];

  knownFields(): readonly string[] {
    return ["BodyNames"];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    const field = path.join(".");
    if (field === "BodyNames") this.bodies = v.names();
    else return this.otherField(path, pos);
    this.mark(path, pos);
  }
}
