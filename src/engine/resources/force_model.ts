/**
 * The ForceModel resource, and the check that it asks only for what the built-in engine models:
 * Earth-centred point-mass gravity.
 *
 * GMAT gives every force model an Earth harmonic field (JGM-2, degree 4, order 4) unless the
 * script says otherwise, so a force model is accepted only when Earth is a point mass: either
 * `PointMasses = {Earth}` without primary bodies, or `PrimaryBodies = {Earth}` with
 * `GravityField.Earth.Degree = 0` and `Order = 0`. Drag, SRP, third bodies, relativity and tides
 * are refused by name.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import { EARTH_MU, type ErrorControl } from "../../physics/mod.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

const ERROR_CONTROLS: readonly ErrorControl[] = [
  "RSSStep",
  "RSSState",
  "LargestStep",
  "LargestState",
  "None",
];

/** What a supported force model reduces to. */
export interface ResolvedForceModel {
  /** Gravitational parameter of Earth, km^3/s^2. */
  readonly mu: number;
  /** The integrator's error norm. */
  readonly errorControl: ErrorControl;
}

/** A ForceModel resource. */
export class ForceModelResource extends Resource {
  readonly typeName = "ForceModel";
  centralBody = "Earth";
  primaryBodies: string[] | undefined;
  pointMasses: string[] | undefined;
  degree = 4;
  order = 4;
  drag = "None";
  srp = false;
  relativistic = false;
  errorControl: ErrorControl = "RSSStep";
  tideModel = "None";

  knownFields(): readonly string[] {
    return [
      "CentralBody",
      "PrimaryBodies",
      "PointMasses",
      "GravityField.Earth.Degree",
      "GravityField.Earth.Order",
      "GravityField.Earth.PotentialFile",
      "GravityField.Earth.TideModel",
      "GravityField.Earth.StmLimit",
      "Drag",
      "Drag.AtmosphereModel",
      "SRP",
      "RelativisticCorrection",
      "ErrorControl",
      "UserDefined",
    ];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    const key = path.join(".");
    switch (key) {
      case "CentralBody":
        this.centralBody = v.text();
        if (this.centralBody !== "Earth") {
          this.diag.unsupported(pos, `central body ${this.centralBody}`, {
            construct: "ForceModel.CentralBody",
            hint: "the built-in engine propagates about Earth only; set CentralBody = Earth",
          });
        }
        break;
      case "PrimaryBodies":
        this.primaryBodies = v.names();
        break;
      case "PointMasses":
        this.pointMasses = v.names();
        break;
      case "GravityField.Earth.Degree":
        this.degree = v.integer(0);
        break;
      case "GravityField.Earth.Order":
        this.order = v.integer(0);
        break;
      case "GravityField.Earth.PotentialFile":
      case "GravityField.Earth.StmLimit":
        v.text(); // only the central term is used, whose mu every Earth file shares
        break;
      case "GravityField.Earth.TideModel":
        this.tideModel = v.text();
        if (this.tideModel !== "None") {
          this.diag.unsupported(pos, `Earth tide model ${this.tideModel}`, {
            construct: "ForceModel.GravityField.Earth.TideModel",
            hint: "set TideModel = None",
          });
        }
        break;
      case "Drag":
      case "Drag.AtmosphereModel":
        this.drag = v.text();
        if (this.drag !== "None") {
          this.diag.unsupported(pos, `atmospheric drag (${this.drag})`, {
            construct: "ForceModel.Drag",
            hint: "set Drag.AtmosphereModel = None, or run with real GMAT",
          });
        }
        break;
      case "SRP":
        this.srp = v.boolean();
        if (this.srp) {
          this.diag.unsupported(pos, "solar radiation pressure", {
            construct: "ForceModel.SRP",
            hint: "set SRP = Off, or run with real GMAT",
          });
        }
        break;
      case "RelativisticCorrection":
        this.relativistic = v.boolean();
        if (this.relativistic) {
          this.diag.unsupported(pos, "relativistic correction", {
            construct: "ForceModel.RelativisticCorrection",
            hint: "set RelativisticCorrection = Off",
          });
        }
        break;
      case "ErrorControl":
        this.errorControl = v.oneOf(ERROR_CONTROLS);
        break;
      case "UserDefined":
        if (v.names().length > 0) {
          this.diag.unsupported(pos, "user-defined forces", {
            construct: "ForceModel.UserDefined",
            hint: "set UserDefined = {}",
          });
        }
        break;
      default:
        if (path[0] === "Drag" || path[0] === "SRP") {
          // Parameters of a force that is off (e.g. Drag.F107) change nothing.
          v.text();
          break;
        }
        return this.otherField(path, pos, {
          GravityField: "only Earth gravity of degree 0 / order 0 (a point mass) is modelled",
        });
    }
    this.mark(path, pos);
  }

  /** Check the model is Earth point-mass gravity and reduce it; refuse anything else. */
  resolve(): ResolvedForceModel {
    const primaries = this.primaryBodies ?? [];
    const points = this.pointMasses ?? [];
    const where = (f: string) => this.assigned.get(f) ?? this.pos;
    for (const body of primaries) {
      if (body !== "Earth") {
        this.diag.unsupported(where("PrimaryBodies"), `gravity field of ${body}`, {
          construct: "ForceModel.PrimaryBodies",
          hint: "only Earth may be a primary body",
        });
      }
    }
    for (const body of points) {
      if (body !== "Earth") {
        this.diag.unsupported(where("PointMasses"), `third-body gravity of ${body}`, {
          construct: "ForceModel.PointMasses",
          hint: "remove third bodies; only an Earth point mass is modelled",
        });
      }
    }
    if (primaries.includes("Earth") && points.includes("Earth")) {
      this.diag.fail(
        "SCRIPT_BAD_VALUE",
        where("PointMasses"),
        `${this.name} lists Earth both as a primary body and as a point mass`,
        {
          construct: "ForceModel.PointMasses",
          hint:
            "keep one: PointMasses = {Earth}, or PrimaryBodies = {Earth} with degree and order 0",
        },
      );
    }
    const earthPrimary = primaries.includes("Earth") ||
      (this.primaryBodies === undefined && this.pointMasses === undefined);
    if (earthPrimary && (this.degree !== 0 || this.order !== 0)) {
      const pos = this.assigned.get("GravityField.Earth.Degree") ??
        this.assigned.get("GravityField.Earth.Order") ?? where("PrimaryBodies");
      this.diag.unsupported(
        pos,
        `${this.name} uses Earth harmonic gravity of degree ${this.degree} and order ${this.order}` +
          (this.assigned.has("GravityField.Earth.Degree") ? "" : " (GMAT's default, JGM-2)"),
        {
          construct: "ForceModel.GravityField",
          hint: `for a point-mass Earth set ${this.name}.GravityField.Earth.Degree = 0 and ` +
            `${this.name}.GravityField.Earth.Order = 0, or ${this.name}.PointMasses = {Earth} ` +
            "without PrimaryBodies; harmonics need real GMAT",
        },
      );
    }
    if (!earthPrimary && !points.includes("Earth")) {
      this.diag.fail(
        "SCRIPT_BAD_VALUE",
        where("PointMasses"),
        `${this.name} has no Earth gravity at all`,
        { construct: "ForceModel.PointMasses", hint: "add PointMasses = {Earth}" },
      );
    }
    return { mu: EARTH_MU, errorControl: this.errorControl };
  }
}
