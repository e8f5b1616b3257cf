/**
 * The DifferentialCorrector resource: the settings a `Target` command's solver runs with.
 *
 * Fields (GMAT R2026a defaults): `ShowProgress` (true: console progress and the report file),
 * `ReportStyle` (Normal; Concise and Verbose too), `ReportFile` (unset: OUTPUT_PATH
 * `DifferentialCorrector<Name>.data`), `MaximumIterations` (25), `DerivativeMethod`
 * (ForwardDifference, BackwardDifference, CentralDifference), `Algorithm` (NewtonRaphson, Broyden,
 * ModifiedBroyden) and the deprecated `UseCentralDifferences` (true selects CentralDifference).
 * The Debug report style (spacecraft generating strings in the report) is refused.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import {
  DC_ALGORITHMS,
  type DcAlgorithm,
  DERIVATIVE_METHODS,
  type DerivativeMethod,
  type ReportStyle,
} from "../../solvers/mod.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

/** The report styles the engine writes (GMAT's Debug style is refused). */
const STYLES: readonly ReportStyle[] = ["Normal", "Concise", "Verbose"];

/** A DifferentialCorrector resource. */
export class DifferentialCorrectorResource extends Resource {
  readonly typeName = "DifferentialCorrector";
  /**
   * The run's solver status as GMAT's `SolverStatus` parameter names it (`Initialized` until a
   * Target runs, `Running` while it does, then `Converged` or `ExceededIterations`).
   */
  runStatus: "Initialized" | "Running" | "Converged" | "ExceededIterations" = "Initialized";
  /** `ShowProgress`: console progress text and the report file. */
  showProgress = true;
  /** `ReportStyle`. */
  reportStyle: ReportStyle = "Normal";
  /** `ReportFile`, when set. */
  reportFile: string | undefined;
  /** `MaximumIterations`. */
  maxIterations = 25;
  /** `DerivativeMethod`. */
  derivativeMethod: DerivativeMethod = "ForwardDifference";
  /** `Algorithm`. */
  algorithm: DcAlgorithm = "NewtonRaphson";

  knownFields(): readonly string[] {
    return [
      "ShowProgress",
      "ReportStyle",
      "ReportFile",
      "MaximumIterations",
      "DerivativeMethod",
      "Algorithm",
      "UseCentralDifferences",
    ];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length !== 1) return this.otherField(path, pos);
    switch (path[0]) {
      case "ShowProgress":
        this.showProgress = v.boolean();
        break;
      case "ReportStyle": {
        const text = v.text().trim();
        if (text === "Debug") {
          this.diag.unsupported(pos, `the Debug report style of ${this.name}`, {
            construct: "DifferentialCorrector.ReportStyle",
            hint: "use ReportStyle = Normal, Concise or Verbose",
          });
        }
        this.reportStyle = v.oneOf(STYLES);
        break;
      }
      case "ReportFile":
        this.reportFile = v.text();
        break;
      case "MaximumIterations":
        this.maxIterations = v.integer(1);
        break;
      case "DerivativeMethod":
        this.derivativeMethod = v.oneOf(DERIVATIVE_METHODS);
        break;
      case "Algorithm":
        this.algorithm = v.oneOf(DC_ALGORITHMS);
        break;
      case "UseCentralDifferences":
        if (v.boolean()) this.derivativeMethod = "CentralDifference";
        break;
      default:
        return this.otherField(path, pos);
    }
    this.mark(path, pos);
  }
}
