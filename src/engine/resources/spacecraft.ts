/**
 * The Spacecraft resource: epoch, orbit state (Cartesian or Keplerian in EarthMJ2000Eq) and the
 * physical properties the supported physics may read.
 *
 * State fields are kept in the representation they were last written in, as GMAT does, so
 * `DisplayStateType = Keplerian` followed by six element assignments (and an override of one of
 * them) yields exactly those elements. A field of the other representation converts the current
 * elements first. The Cartesian state used for propagation is made at {@link initialState}.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import {
  cartesianToKeplerian,
  EARTH_MU,
  EPOCH_FORMATS,
  type EpochFormat,
  isEpochFormat,
  keplerianToCartesian,
  parseEpoch,
} from "../../physics/mod.ts";
import { GmatSweepError } from "../../errors/mod.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

/** Cartesian element names, in state order. */
export const CARTESIAN_FIELDS = ["X", "Y", "Z", "VX", "VY", "VZ"] as const;
/** Keplerian element names, in order. */
export const KEPLERIAN_FIELDS = ["SMA", "ECC", "INC", "RAAN", "AOP", "TA"] as const;

const STATE_TYPES = ["Cartesian", "Keplerian"] as const;

/** Fields accepted and kept but without effect on the supported physics (no drag, no SRP). */
const INERT_NUMBERS = ["Cd", "Cr", "DragArea", "SRPArea", "NAIFId", "SpiceFrameId"] as const;
/** Display and attitude fields: no effect on translational motion under point-mass gravity. */
const INERT_ANY = new Set([
  "OrbitColor",
  "TargetColor",
  "ModelFile",
  "ModelOffsetX",
  "ModelOffsetY",
  "ModelOffsetZ",
  "ModelRotationX",
  "ModelRotationY",
  "ModelRotationZ",
  "ModelScale",
  "Attitude",
  "AttitudeDisplayStateType",
  "AttitudeRateDisplayStateType",
  "AttitudeCoordinateSystem",
  "EulerAngleSequence",
  "Q1",
  "Q2",
  "Q3",
  "Q4",
  "EulerAngle1",
  "EulerAngle2",
  "EulerAngle3",
  "AngularVelocityX",
  "AngularVelocityY",
  "AngularVelocityZ",
  "EulerAngleRate1",
  "EulerAngleRate2",
  "EulerAngleRate3",
  "NAIFIdReferenceFrame",
  "OrbitSpiceKernelName",
  "AttitudeSpiceKernelName",
  "SCClockSpiceKernelName",
  "FrameSpiceKernelName",
  "EstimationStateType",
  "SPADSRPFile",
  "SPADSRPScaleFactor",
  "SPADSRPInterpolationMethod",
  "SPADSRPScaleFactorSigma",
  "SPADDragFile",
  "SPADDragScaleFactor",
  "SPADDragInterpolationMethod",
  "SPADDragScaleFactorSigma",
  "CdSigma",
  "CrSigma",
  "AddHardware",
]);

const UNSUPPORTED: Readonly<Record<string, string>> = {
  Tanks:
    "fuel tanks change the spacecraft mass; remove them (impulsive burns here do not use mass)",
  Thrusters: "finite burns are not modelled; use ImpulsiveBurn with the Maneuver command",
  PowerSystem: "power systems are not modelled",
  MA: "set TA instead of MA (true anomaly), or use real GMAT",
  EA: "set TA instead of EA, or use real GMAT",
  RadPer: "set SMA and ECC instead of RadPer/RadApo",
  RadApo: "set SMA and ECC instead of RadPer/RadApo",
  AltEquinoctialP: "only Cartesian and Keplerian states are supported",
  EquinoctialH: "only Cartesian and Keplerian states are supported",
  RMAG: "only Cartesian and Keplerian states are supported",
};

/** A Spacecraft resource. */
export class SpacecraftResource extends Resource {
  readonly typeName = "Spacecraft";
  /** The format `Epoch` strings are read in. */
  dateFormat: EpochFormat = "TAIModJulian";
  /** The epoch as A1 ModJulian. */
  epochA1: number = parseEpoch("21545", "TAIModJulian");
  /** The coordinate system the state is given in (an EarthMJ2000Eq-equivalent system). */
  coordinateSystem = "EarthMJ2000Eq";
  /** `DisplayStateType` as written. */
  displayStateType: (typeof STATE_TYPES)[number] = "Cartesian";
  /** Representation of {@link elements}. */
  representation: "Cartesian" | "Keplerian" = "Cartesian";
  /** The six state elements in {@link representation} (km, km/s, degrees). */
  elements: number[] = [7100, 0, 1300, 0, 7.35, 1];
  /** Dry mass, kg. */
  dryMass = 850;
  /** Inert physical properties (Cd, Cr, areas...). */
  readonly inert: Record<string, number | string> = { Cd: 2.2, Cr: 1.8, DragArea: 15, SRPArea: 1 };
  /** The `Id` written to ephemeris files. */
  id = "SatId";

  knownFields(): readonly string[] {
    return [
      "DateFormat",
      "Epoch",
      "CoordinateSystem",
      "DisplayStateType",
      ...CARTESIAN_FIELDS,
      ...KEPLERIAN_FIELDS,
      "DryMass",
      "Id",
      ...INERT_NUMBERS,
      ...INERT_ANY,
    ];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    const [field, sub] = path;
    if (field === "Epoch" && path.length <= 2) {
      const format = sub ?? this.dateFormat;
      if (!isEpochFormat(format)) {
        this.diag.fail("SCRIPT_UNKNOWN_FIELD", pos, `unknown epoch format '${format}'`, {
          hint: `use one of ${EPOCH_FORMATS.join(", ")}`,
        });
      }
      this.epochA1 = this.#parseEpoch(v, format);
      this.mark(path, pos);
      return;
    }
    if (path.length !== 1) this.unknownField(path, pos, UNSUPPORTED);
    if ((CARTESIAN_FIELDS as readonly string[]).includes(field)) {
      this.#setElement("Cartesian", CARTESIAN_FIELDS.indexOf(field as never), v, pos);
    } else if ((KEPLERIAN_FIELDS as readonly string[]).includes(field)) {
      this.#setElement("Keplerian", KEPLERIAN_FIELDS.indexOf(field as never), v, pos);
    } else if (field === "DateFormat") {
      this.dateFormat = v.oneOf(EPOCH_FORMATS);
    } else if (field === "CoordinateSystem") {
      this.coordinateSystem = v.text();
    } else if (field === "DisplayStateType") {
      this.displayStateType = v.oneOf(
        STATE_TYPES,
        "the built-in engine reads Cartesian and Keplerian states",
      );
    } else if (field === "DryMass") {
      this.dryMass = v.numberIn(0, Infinity);
    } else if (field === "Id") {
      this.id = v.text();
    } else if ((INERT_NUMBERS as readonly string[]).includes(field)) {
      this.inert[field] = v.number();
    } else if (INERT_ANY.has(field)) {
      this.inert[field] = v.value.kind === "number" ? v.value.value : v.value.kind;
    } else {
      this.unknownField(path, pos, UNSUPPORTED);
    }
    this.mark(path, pos);
  }

  #parseEpoch(v: FieldValue, format: EpochFormat): number {
    const text = v.value.kind === "number" ? v.value.text : v.text();
    try {
      return parseEpoch(text.trim(), format);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      v.diag.fail("SCRIPT_BAD_VALUE", v.value.pos, `${v.field}: ${message}`, {
        construct: "Spacecraft.Epoch",
        hint: `write the epoch in the spacecraft's DateFormat (${format})`,
      });
    }
  }

  #setElement(rep: "Cartesian" | "Keplerian", index: number, v: FieldValue, pos: SourcePos): void {
    const x = v.number();
    if (this.representation !== rep) {
      try {
        this.elements = this.#convert(this.elements, this.representation, rep);
      } catch (e) {
        this.diag.fail(
          "SCRIPT_BAD_VALUE",
          pos,
          `cannot set ${v.field}: the current state cannot be converted to ${rep} (${
            errorText(e)
          })`,
          { hint: `set DisplayStateType = ${rep} before the state elements` },
        );
      }
      this.representation = rep;
    }
    this.elements[index] = x;
  }

  #convert(el: number[], from: "Cartesian" | "Keplerian", to: "Cartesian" | "Keplerian"): number[] {
    if (from === to) return [...el];
    if (to === "Cartesian") {
      const [sma, ecc, inc, raan, aop, ta] = el;
      return Array.from(keplerianToCartesian({ sma, ecc, inc, raan, aop, ta }, EARTH_MU));
    }
    const k = cartesianToKeplerian(Float64Array.from(el), EARTH_MU);
    return [k.sma, k.ecc, k.inc, k.raan, k.aop, k.ta];
  }

  /**
   * The Cartesian EarthMJ2000Eq state (km, km/s) the spacecraft starts from.
   *
   * @throws {GmatSweepError} `STATE_CONVERSION` when the Keplerian elements are invalid.
   */
  initialState(): Float64Array {
    try {
      return Float64Array.from(this.#convert(this.elements, this.representation, "Cartesian"));
    } catch (e) {
      // Point at ECC when the shape is degenerate (near-parabolic, periapsis inside Earth's
      // centre), else at SMA; fall back to the Create statement.
      const [sma, ecc] = this.elements;
      const eccAtFault = Math.abs(1 - ecc) <= 1e-7 || Math.abs(sma * (1 - ecc)) < 0.001;
      const where = (this.representation === "Keplerian"
        ? this.assigned.get(eccAtFault ? "ECC" : "SMA")
        : undefined) ?? this.pos;
      throw this.diag.error(
        "SCRIPT_BAD_VALUE",
        where,
        `Spacecraft ${this.name}: invalid orbit state (${errorText(e)})`,
        {
          hint:
            "check SMA/ECC: an ellipse needs SMA > 0 and 0 <= ECC < 1, a hyperbola SMA < 0 and ECC > 1",
        },
      );
    }
  }

  /** Total mass, kg (dry mass: tanks are not supported). */
  totalMass(): number {
    return this.dryMass;
  }
}

function errorText(e: unknown): string {
  if (e instanceof GmatSweepError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
