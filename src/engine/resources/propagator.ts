/**
 * The Propagator resource (GMAT's PropSetup): integrator type and step control, and its force
 * model.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import {
  type AbmSettings,
  type AnyIntegratorSettings,
  checkAbmSettings,
  DEFAULT_ABM_SETTINGS,
  DEFAULT_INTEGRATOR_SETTINGS,
  type ErrorControl,
  INTEGRATOR_TYPES,
  type IntegratorType,
} from "../../physics/mod.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

/** The integrators the engine runs. */
const TYPES: readonly (IntegratorType | "AdamsBashforthMoulton")[] = [
  ...INTEGRATOR_TYPES,
  "AdamsBashforthMoulton",
];
const OTHER_TYPES = new Set([
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
  type: IntegratorType | "AdamsBashforthMoulton" = DEFAULT_INTEGRATOR_SETTINGS.type;
  /** Settings the script gave; the rest take GMAT's defaults for the type. */
  readonly given: Record<string, number | boolean> = {};

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
      "TargetError",
      "LowerError",
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
        // GMAT steps |InitialStepSize| in the propagation's direction.
        this.given.initialStepSize = v.number();
        if (this.given.initialStepSize === 0) {
          v.diag.fail("SCRIPT_BAD_VALUE", pos, `${this.name}.InitialStepSize must not be 0`, {
            construct: "Propagator.InitialStepSize",
            hint: "give a step in seconds, e.g. 60",
          });
        }
        break;
      case "Accuracy":
        this.given.accuracy = v.numberIn(0, Infinity, false);
        break;
      case "MinStep":
        this.given.minStep = v.numberIn(0, Infinity);
        break;
      case "MaxStep":
        this.given.maxStep = v.numberIn(0, Infinity, false);
        break;
      case "MaxStepAttempts":
        this.given.maxStepAttempts = v.integer(1);
        break;
      case "StopIfAccuracyIsViolated":
        this.given.stopIfAccuracyIsViolated = v.boolean();
        break;
      case "TargetError":
        this.given.targetError = v.numberIn(0, Infinity, false);
        break;
      case "LowerError":
        this.given.lowerError = v.numberIn(0, Infinity, false);
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
  settings(errorControl: ErrorControl): AnyIntegratorSettings {
    const minStep = Number(this.given.minStep ?? DEFAULT_INTEGRATOR_SETTINGS.minStep);
    const maxStep = Number(this.given.maxStep ?? DEFAULT_INTEGRATOR_SETTINGS.maxStep);
    if (minStep > maxStep) {
      this.diag.fail(
        "SCRIPT_BAD_VALUE",
        this.assigned.get("MinStep") ?? this.pos,
        `${this.name}.MinStep (${minStep}) exceeds MaxStep (${maxStep})`,
        { construct: "Propagator.MinStep", hint: "make MinStep <= MaxStep" },
      );
    }
    if (
      this.type !== "AdamsBashforthMoulton" &&
      ("targetError" in this.given || "lowerError" in this.given)
    ) {
      this.diag.warn(
        this.pos,
        `${this.name}: TargetError and LowerError only apply to AdamsBashforthMoulton; ignored`,
      );
    }
    if (this.type === "AdamsBashforthMoulton") {
      try {
        checkAbmSettings({ ...DEFAULT_ABM_SETTINGS, ...this.given } as AbmSettings);
      } catch (e) {
        // GMAT refuses these when it sets the propagator up, before the mission runs.
        this.diag.fail(
          "SCRIPT_BAD_VALUE",
          this.assigned.get("Accuracy") ?? this.assigned.get("Type") ?? this.pos,
          `${this.name}: ${e instanceof Error ? e.message : String(e)}`,
          {
            construct: "Propagator.Type AdamsBashforthMoulton",
            hint: "keep LowerError < TargetError < Accuracy (GMAT's defaults 1e-13, 1e-11, 1e-10)",
          },
        );
      }
    }
    const { targetError: _t, lowerError: _l, ...rk } = this.given;
    return (this.type === "AdamsBashforthMoulton"
      ? { ...this.given, type: this.type, errorControl }
      : { ...rk, type: this.type, errorControl }) as AnyIntegratorSettings;
  }
}
