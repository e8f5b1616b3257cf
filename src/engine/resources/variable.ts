/**
 * The Variable resource: a named real number usable in reports, stop conditions and mission
 * assignments.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

/** A Variable resource. */
export class VariableResource extends Resource {
  readonly typeName = "Variable";
  /** The current value. */
  value = 0;

  knownFields(): readonly string[] {
    return ["Value"];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length === 0 || (path.length === 1 && path[0] === "Value")) {
      this.value = v.number();
      this.mark(["Value"], pos);
      return;
    }
    return this.otherField(path, pos);
  }
}
