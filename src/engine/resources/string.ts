/**
 * The String resource (`Create String s`): text, empty at creation, set before the mission
 * (`s = 'abc'`) or by mission assignments (`s = sprintf(...)`).
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

/** A String resource. */
export class StringResource extends Resource {
  readonly typeName = "String";
  /** The current value. */
  value = "";

  knownFields(): readonly string[] {
    return ["Value"];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length > 1 || (path.length === 1 && path[0] !== "Value")) {
      return this.otherField(path, pos);
    }
    this.value = v.text();
    this.mark(["Value"], pos);
  }
}
