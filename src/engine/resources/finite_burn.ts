/**
 * The FiniteBurn resource: the thrusters a `BeginFiniteBurn` fires on a spacecraft.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

/** A FiniteBurn resource. */
export class FiniteBurnResource extends Resource {
  readonly typeName = "FiniteBurn";
  /** `Thrusters`: names of the spacecraft's thrusters it fires. */
  thrusters: string[] = [];

  knownFields(): readonly string[] {
    return ["Thrusters", "VectorFormat", "ThrottleLogicAlgorithm"];
  }

  override isInertField(field: string): boolean {
    return field === "VectorFormat" || field === "ThrottleLogicAlgorithm" ||
      super.isInertField(field);
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length === 1 && path[0] === "Thrusters") {
      this.thrusters = v.names();
      this.mark(path, pos);
      return;
    }
    return this.otherField(path, pos);
  }
}
