/**
 * What every resource of the built-in engine shares: its name, where it was created, how fields
 * are set from script assignments, and how unknown fields are reported.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import { gmatHasField, gmatTypeInfo } from "../../script/gmat_types.ts";
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

  /**
   * Whether a GMAT field of this type (one the engine does not read) leaves the engine's physics
   * and outputs unchanged, so it may be accepted and ignored. Default: GUI and bookkeeping
   * fields (colours, 3-D models, NAIF ids, SPICE kernel names, sigmas, covariances).
   */
  isInertField(field: string): boolean {
    return INERT_FIELD_RE.test(field);
  }

  /**
   * Handle a field this resource does not read: accept it with a warning when GMAT has it and it
   * cannot change the run ({@link isInertField}); refuse it by name when GMAT has it but the
   * engine does not model it (`ENGINE_UNSUPPORTED`, or the reason in `unsupported`); and report
   * a field GMAT does not have as `SCRIPT_UNKNOWN_FIELD` with the closest names.
   */
  protected otherField(
    path: readonly string[],
    pos: SourcePos,
    unsupported: Readonly<Record<string, string>> = {},
  ): void {
    const field = path.join(".");
    const why = unsupported[field] ?? unsupported[path[0]];
    if (why !== undefined) {
      this.diag.unsupported(pos, `${this.typeName} field ${this.name}.${field}`, {
        construct: `${this.typeName}.${field}`,
        hint: why,
      });
    }
    const known = gmatHasField(this.typeName, path);
    if (known !== false && this.isInertField(field)) {
      this.diag.warn(
        pos,
        `${this.name}.${field} does not change the built-in engine's run; ignored`,
      );
      return;
    }
    if (known === false) {
      const names = [...this.knownFields(), ...(gmatTypeInfo(this.typeName)?.fields ?? [])];
      this.diag.fail(
        "SCRIPT_UNKNOWN_FIELD",
        pos,
        `${this.typeName} ${this.name} has no field '${field}'${didYouMean(field, names)}`,
        {
          construct: `${this.typeName}.${field}`,
          hint:
            `fields of ${this.typeName} include: ${this.knownFields().slice(0, 18).join(", ")}` +
            (this.knownFields().length > 18 ? ", ..." : ""),
        },
      );
    }
    this.diag.unsupported(pos, `${this.typeName} field ${this.name}.${field}`, {
      construct: `${this.typeName}.${field}`,
      hint: `the built-in engine does not model ${field}; remove it, or run the script with ` +
        "real GMAT (engine: 'gmat')",
    });
  }

  /**
   * Take the field values of another resource of the same type, as GMAT's object copy
   * (`Sat2 = Sat1` before the mission) does: the values it has at that point of the script.
   */
  copyFrom(other: Resource): void {
    for (const key of Object.keys(other) as (keyof this & string)[]) {
      if (key === "name" || key === "pos" || key === "diag" || key === "typeName") continue;
      const value = (other as unknown as Record<string, unknown>)[key];
      (this as unknown as Record<string, unknown>)[key] = value instanceof Map
        ? new Map(value)
        : typeof value === "object" && value !== null
        ? structuredClone(value)
        : value;
    }
  }
}

/** GUI and bookkeeping fields: no effect on the engine's trajectory or output files. */
const INERT_FIELD_RE =
  /(Color|Colors)$|^(ModelFile|ModelOffset[XYZ]|ModelRotation[XYZ]|ModelScale)$|^NAIFId|SpiceKernelName$|Sigma$|^OrbitErrorCovariance$|^ShowPlot$|^ShowLabels$|^ShowProgressWindow$|^ReportProgress$|^ReportFile$|^ReportStyle$|^UpperLeft$|^Size$|^RelativeZOrder$|^Maximized$|^TextureMapFileName$|^3DModel/;
