/**
 * The ReportFile resource: which parameters to write each time the mission publishes data, and
 * GMAT's layout options.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

/** One entry of `ReportFile.Add`, with where it was written. */
export interface ReportItem {
  readonly name: string;
  readonly pos: SourcePos;
}

/** A ReportFile resource. */
export class ReportFileResource extends Resource {
  readonly typeName = "ReportFile";
  /** `Filename` as written (default `<Name>.txt`). */
  filename: string | undefined;
  add: ReportItem[] = [];
  precision = 16;
  columnWidth = 23;
  writeHeaders = true;
  leftJustify = true;
  zeroFill = false;
  fixedWidth = true;
  delimiter = " ";
  writeReport = true;
  appendToExistingFile = false;
  solverIterations = "Current";

  knownFields(): readonly string[] {
    return [
      "Filename",
      "Add",
      "Precision",
      "ColumnWidth",
      "WriteHeaders",
      "LeftJustify",
      "ZeroFill",
      "FixedWidth",
      "Delimiter",
      "WriteReport",
      "AppendToExistingFile",
      "SolverIterations",
      "Maximized",
      "UpperLeft",
      "Size",
      "RelativeZOrder",
      "Minimized",
    ];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length !== 1) return this.otherField(path, pos);
    switch (path[0]) {
      case "Filename":
        this.filename = v.text();
        break;
      case "Add": {
        const value = v.value;
        const items = value.kind === "list" ? value.items : [value];
        this.add = items.map((item) => {
          if (item.kind === "word" || item.kind === "string") {
            return { name: item.value, pos: item.pos };
          }
          v.diag.fail("SCRIPT_BAD_VALUE", item.pos, `${v.field} expects parameter names`, {
            construct: "ReportFile.Add",
            hint: "write e.g. {Sat.UTCGregorian, Sat.EarthMJ2000Eq.X}",
          });
        });
        break;
      }
      case "Precision":
        this.precision = v.integer(1);
        if (this.precision > 17) this.precision = 17;
        break;
      case "ColumnWidth":
        this.columnWidth = v.integer(1);
        break;
      case "WriteHeaders":
        this.writeHeaders = v.boolean();
        break;
      case "LeftJustify":
        this.leftJustify = v.boolean();
        break;
      case "ZeroFill":
        this.zeroFill = v.boolean();
        break;
      case "FixedWidth":
        this.fixedWidth = v.boolean();
        break;
      case "Delimiter":
        this.delimiter = v.text().slice(0, 1) || " ";
        break;
      case "WriteReport":
        this.writeReport = v.boolean();
        break;
      case "AppendToExistingFile":
        this.appendToExistingFile = v.boolean();
        break;
      case "SolverIterations":
        this.solverIterations = v.oneOf(["All", "Current", "None"] as const);
        break;
      case "Maximized":
      case "UpperLeft":
      case "Size":
      case "RelativeZOrder":
      case "Minimized":
        break; // GUI window geometry
      default:
        return this.otherField(path, pos);
    }
    this.mark(path, pos);
  }
}
