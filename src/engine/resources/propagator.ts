/**
 * The Propagator resource (GMAT's PropSetup): integrator type and step control, and its force
 * model.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import {
  DEFAULT_INTEGRATOR_SETTINGS,
  type IntegratorSettings,
  type IntegratorType,
} from "../../physics/mod.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

const TYPES: readonly IntegratorType[] = ["RungeKutta89", "PrinceDormand78", "PrinceDormand45"];
const OTHER_TYPES = new Set([
  "RungeKutta56",
  "RungeKutta68",
  "AdamsBashforthMoulton",
  "BulirschStoer",
  "SPK",
  "Code500",
  "STK",
  "CCSDS-OEM",
  "SPICESGP4",
  "TLE",
]);

/** A Propagator resource. */
export class PropagatorResource extends Resource {
  readonly typeName = "Propagator";
  /** Name of the ForceModel (GMAT creates a default one when unset). */
  fm: string | undefined;
  type: IntegratorType = DEFAULT_INTEGRATOR_SETTINGS.type;
  initialStepSize = DEFAULT_INTEGRATOR_SETTINGS.initialStepSize;
  accuracy = DEFAULT_INTEGRATOR_SETTINGS.accuracy;
  minStep = DEFAULT_INTEGRATOR_SETTINGS.minStep;
  maxStep = DEFAULT_INTEGRATOR_SETTINGS.maxStep;
  maxStepAttempts = DEFAULT_INTEGRATOR_SETTINGS.maxStepAttempts;
  stopIfAccuracyIsViolated = DEFAULT_INTEGRATOR_SETTINGS.stopIfAccuracyIsViolated;

  knownFields(): readonly string[] {
    return [
      "FM",
      "Type",
      "InitialStepSize",
      "Accuracy",
      "MinStep",
      "MaxStep",
      "MaxStepAttempts",
      "StopIfAccuracyIsViolated",
    ];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    if (path.length !== 1) return this.otherField(path, pos);
    switch (path[0]) {
      case "FM":
        this.fm = v.text();
        break;
      case "Type": {
        const t = v.text();
        if (OTHER_TYPES.has(t)) {
          this.diag.unsupported(pos, `propagator type ${t}`, {
            construct: "Propagator.Type",
            hint: `use one of ${TYPES.join(", ")}`,
          });
        }
        this.type = v.oneOf(TYPES);
        break;
      }
      case "InitialStepSize":
        this.initialStepSize = v.number();
        if (this.initialStepSize <= 0) {
          this.diag.unsupported(pos, "a non-positive InitialStepSize (backward propagation)", {
            construct: "Propagator.InitialStepSize",
            hint: "use a positive step; backward propagation is not modelled",
          });
        }
        break;
      case "Accuracy":
        this.accuracy = v.numberIn(0, Infinity, false);
        break;
      case "MinStep":
        this.minStep = v.numberIn(0, Infinity);
        break;
      case "MaxStep":
        this.maxStep = v.numberIn(0, Infinity, false);
        break;
      case "MaxStepAttempts":
        this.maxStepAttempts = v.integer(1);
        break;
      case "StopIfAccuracyIsViolated":
        this.stopIfAccuracyIsViolated = v.boolean();
        break;
      default:
        return this.otherField(path, pos, {
          CentralBody: "set the central body on the ForceModel",
          EpochFormat: "ephemeris-file propagators are not modelled",
          StartEpoch: "ephemeris-file propagators are not modelled",
        });
    }
    this.mark(path, pos);
  }

  /** The integrator settings, with the force model's error control. */
  settings(errorControl: IntegratorSettings["errorControl"]): IntegratorSettings {
    if (this.minStep > this.maxStep) {
      this.diag.fail(
        "SCRIPT_BAD_VALUE",
        this.assigned.get("MinStep") ?? this.pos,
        `${this.name}.MinStep (${this.minStep}) exceeds MaxStep (${this.maxStep})`,
        { construct: "Propagator.MinStep", hint: "make MinStep <= MaxStep" },
      );
    }
    return {
      type: this.type,
      initialStepSize: this.initialStepSize,
      accuracy: this.accuracy,
      minStep: this.minStep,
      maxStep: this.maxStep,
      maxStepAttempts: this.maxStepAttempts,
      stopIfAccuracyIsViolated: this.stopIfAccuracyIsViolated,
      errorControl,
    };
  }
}
