/**
 * What every resource of the built-in engine shares: its name, where it was created, how fields
 * are set from script assignments, and how unknown fields are reported.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import { type Diagnostics, didYouMean } from "../diagnostics.ts";
import type { FieldValue } from "../values.ts";

/** A created resource (`Create Type Name`). */
export abstract class Resource {
  /** The GMAT type name, e.g. `Spacecraft`. */
  abstract readonly typeName: string;
  /** Where each field was last assigned, by field path. */
  readonly assigned: Map<string, SourcePos> = new Map();

  constructor(
    /** The resource name. */
    readonly name: string,
    /** Where it was created. */
    readonly pos: SourcePos,
    /** Error sink of the script. */
    protected readonly diag: Diagnostics,
  ) {}

  /** Field names this resource accepts (for suggestions). */
  abstract knownFields(): readonly string[];

  /**
   * Set a field from an initialisation assignment.
   *
   * @param path The field path below the resource (`["GravityField", "Earth", "Degree"]`).
   * @param value The value, with readers.
   * @param pos Where the assignment is.
   */
  abstract set(path: readonly string[], value: FieldValue, pos: SourcePos): void;

  /** Record that a field was set. */
  protected mark(path: readonly string[], pos: SourcePos): void {
    this.assigned.set(path.join("."), pos);
  }

  /** Throw the right error for a field this resource does not accept. */
  protected unknownField(
    path: readonly string[],
    pos: SourcePos,
    unsupported: Readonly<Record<string, string>> = {},
  ): never {
    const field = path.join(".");
    const why = unsupported[field] ?? unsupported[path[0]];
    if (why !== undefined) {
      this.diag.unsupported(pos, `${this.typeName} field ${this.name}.${field}`, {
        construct: `${this.typeName}.${field}`,
        hint: why,
      });
    }
    this.diag.fail(
      "SCRIPT_UNKNOWN_FIELD",
      pos,
      `${this.typeName} ${this.name} has no field '${field}'${
        didYouMean(field, this.knownFields())
      }`,
      {
        construct: `${this.typeName}.${field}`,
        hint: `fields of ${this.typeName} include: ${this.knownFields().slice(0, 18).join(", ")}` +
          (this.knownFields().length > 18 ? ", ..." : ""),
      },
    );
  }
}
