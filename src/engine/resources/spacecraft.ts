/**
 * The Spacecraft resource: epoch, orbit state (in any of GMAT's state representations but
 * Planetodetic) and the physical properties the supported physics may read.
 *
 * State fields are kept in the representation they were last written in, as GMAT does, so
 * `DisplayStateType = Keplerian` followed by six element assignments (and an override of one of
 * them) yields exactly those elements. A field of another representation converts the current
 * elements first. A field several representations share (SMA, TA, RMAG, EquinoctialH, MLONG...)
 * stays in the current representation, else in the DisplayStateType's, else in the first that
 * has it (Keplerian, SphericalAZFPA, Equinoctial). The Cartesian state used for propagation is
 * made at {@link initialState}.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import {
  EARTH_FLATTENING,
  EARTH_MU,
  EARTH_RADIUS,
  EPOCH_FORMATS,
  type EpochFormat,
  fromCartesian,
  isEpochFormat,
  parseEpoch,
  type SpacecraftPhysics,
  STATE_REPRESENTATIONS,
  type StateRepresentation,
  toCartesian,
} from "../../physics/mod.ts";
import { GmatSweepError } from "../../errors/mod.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";
import { type FuelMassLayout, setMassLayoutField } from "./chemical_tank.ts";

/** Cartesian element names, in state order. */
export const CARTESIAN_FIELDS = ["X", "Y", "Z", "VX", "VY", "VZ"] as const;
/** Keplerian element names, in order. */
export const KEPLERIAN_FIELDS = ["SMA", "ECC", "INC", "RAAN", "AOP", "TA"] as const;

/** Representations a spacecraft state can be given in (Planetodetic needs a body-fixed system). */
const STATE_TYPES = (Object.keys(STATE_REPRESENTATIONS) as StateRepresentation[]).filter((r) =>
  r !== "Planetodetic"
);

/** Every state element field, each once, with the representation it selects by default. */
const DEFAULT_REP_OF = new Map<string, StateRepresentation>();
for (const r of STATE_TYPES) {
  for (const f of STATE_REPRESENTATIONS[r]) if (!DEFAULT_REP_OF.has(f)) DEFAULT_REP_OF.set(f, r);
}

/** Numeric fields kept: Cd, Cr and the areas drive drag and SRP; the ids are bookkeeping. */
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

const STATE_HINT = `the built-in engine reads the state types ${STATE_TYPES.join(", ")}; ` +
  "Planetodetic needs a body-fixed coordinate system: give the state in another type";

const UNSUPPORTED: Readonly<Record<string, string>> = {
  PowerSystem: "power systems (electric propulsion) are not modelled",
  MA: "set TA instead of MA (true anomaly), or use real GMAT",
  EA: "set TA instead of EA, or use real GMAT",
  HA: "set TA instead of HA, or use real GMAT",
};

/** Orbit-state names the engine does not accept as Spacecraft fields. */
const OTHER_STATE_RE = /^(Planetodetic\w+|C3Energy|Energy|BVAZI|RHA|DHA|HFPA)$/;

/** Fields that set the state, epoch or mass the engine propagates. */
const PHYSICS_FIELDS = new Set<string>([
  ...DEFAULT_REP_OF.keys(),
  "Epoch",
  "DateFormat",
  "CoordinateSystem",
  "DisplayStateType",
  "DryMass",
  "AnomalyType",
  "Cd",
  "Cr",
  "DragArea",
  "SRPArea",
  "Tanks",
  "Thrusters",
  "ExtendedMassPropertiesModel",
  "ExtendedMassPropertiesModelType",
  "EphemerisName",
]);

/** A Spacecraft resource. */
export class SpacecraftResource extends Resource {
  readonly typeName = "Spacecraft";
  /** The format `Epoch` strings are read in. */
  dateFormat: EpochFormat = "TAIModJulian";
  /** The epoch as A1 ModJulian. */
  epochA1: number = parseEpoch("21545", "TAIModJulian");
  /**
   * The `Epoch` text as the script gave it and the format it was read in: GMAT keeps that text
   * and writes it back (Write's Script style) while the epoch is unchanged.
   */
  epochText: { readonly text: string; readonly format: EpochFormat } = {
    text: "21545",
    format: "TAIModJulian",
  };
  /** The coordinate system the state is given in (an EarthMJ2000Eq-equivalent system). */
  coordinateSystem = "EarthMJ2000Eq";
  /** `DisplayStateType` as written. */
  displayStateType: StateRepresentation = "Cartesian";
  /** Representation of {@link elements}. */
  representation: StateRepresentation = "Cartesian";
  /** The six state elements in {@link representation} (km, km/s, degrees). */
  elements: number[] = [7100, 0, 1300, 0, 7.35, 1];
  /** Dry mass, kg. */
  dryMass = 850;
  /** `Tanks`: names of the tanks the spacecraft carries (each gets its own copy, as in GMAT). */
  tanks: string[] = [];
  /** `Thrusters`: names of its thrusters. */
  thrusters: string[] = [];
  /** Physical properties (Cd, Cr, DragArea, SRPArea: read by drag and SRP) and other fields kept. */
  readonly properties: Record<string, number | string> = {
    Cd: 2.2,
    Cr: 1.8,
    DragArea: 15,
    SRPArea: 1,
  };
  /** The `Id` written to ephemeris files. */
  id = "SatId";
  /**
   * `EphemerisName`: the ephemeris file the spacecraft's states are read from (GetEphemStates), as
   * written; relative names are resolved where it is read.
   */
  ephemerisName: string | undefined;
  /**
   * `ExtendedMassPropertiesModel`: `None` (GMAT's default) or `CenterOfMassAndMomentOfInertia`,
   * which the `System*` mass-property parameters need (`ExtendedMassPropertiesModelType` Analytic).
   */
  massPropertiesModel: "None" | "CenterOfMassAndMomentOfInertia" = "None";
  /** The dry vehicle's centre of mass and inertia (GMAT's defaults: the origin, 999 E). */
  dryLayout: FuelMassLayout = {
    centerOfMass: [0, 0, 0],
    inertia: { xx: 999, xy: 0, xz: 0, yy: 999, yz: 0, zz: 999 },
  };

  knownFields(): readonly string[] {
    return [
      "DateFormat",
      "Epoch",
      "CoordinateSystem",
      "DisplayStateType",
      ...DEFAULT_REP_OF.keys(),
      "DryMass",
      "Tanks",
      "Thrusters",
      "Id",
      "EphemerisName",
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
          construct: "Spacecraft.Epoch",
          hint: `use one of ${EPOCH_FORMATS.join(", ")}`,
        });
      }
      this.epochA1 = this.#parseEpoch(v, format);
      this.epochText = {
        text: (v.value.kind === "number" ? v.value.text : v.text()).trim(),
        format,
      };
      this.mark(path, pos);
      return;
    }
    if (path.length !== 1) return this.otherField(path, pos, UNSUPPORTED);
    const rep = this.#representationOf(field);
    if (rep) {
      const index = (STATE_REPRESENTATIONS[rep] as readonly string[]).indexOf(field);
      this.#setElement(rep, index, v, pos);
    } else if (field === "DateFormat") {
      this.dateFormat = v.oneOf(EPOCH_FORMATS);
    } else if (field === "CoordinateSystem") {
      this.coordinateSystem = v.text();
    } else if (field === "DisplayStateType") {
      const text = v.value.kind === "word" || v.value.kind === "string" ? v.value.value : "";
      if (text === "Planetodetic") {
        this.diag.unsupported(pos, `the state type ${text} (it needs a body-fixed system)`, {
          construct: "Spacecraft.DisplayStateType",
          hint: STATE_HINT,
        });
      }
      this.displayStateType = v.oneOf(STATE_TYPES, STATE_HINT);
    } else if (OTHER_STATE_RE.test(field)) {
      this.diag.unsupported(pos, `the state element ${this.name}.${field}`, {
        construct: `Spacecraft.${field}`,
        hint: STATE_HINT,
      });
    } else if (field === "AnomalyType") {
      if (v.text() !== "TA") {
        this.diag.unsupported(pos, `AnomalyType ${v.text()}`, {
          construct: "Spacecraft.AnomalyType",
          hint: "give the true anomaly (AnomalyType = TA)",
        });
      }
    } else if (field === "DryMass") {
      this.dryMass = v.numberIn(0, Infinity);
    } else if (field === "Tanks") {
      this.tanks = v.names();
    } else if (field === "Thrusters") {
      this.thrusters = v.names();
    } else if (field === "Id") {
      this.id = v.text();
    } else if (field === "EphemerisName") {
      this.ephemerisName = v.text();
    } else if (field === "ExtendedMassPropertiesModel") {
      const model = this.#supportedText(v, ["None", "CenterOfMassAndMomentOfInertia"], pos);
      this.massPropertiesModel = model as typeof this.massPropertiesModel;
    } else if (field === "ExtendedMassPropertiesModelType") {
      this.#supportedText(v, ["Analytic"], pos);
    } else if (/^Dry(CenterOfMass|MomentOfInertia)/.test(field)) {
      const layout = setMassLayoutField(this.dryLayout, "Dry", field, v);
      if (!layout) return this.otherField(path, pos, UNSUPPORTED);
      this.dryLayout = layout;
    } else if ((INERT_NUMBERS as readonly string[]).includes(field)) {
      this.properties[field] = v.number();
    } else if (INERT_ANY.has(field)) {
      this.properties[field] = v.value.kind === "number" ? v.value.value : v.value.kind;
    } else {
      return this.otherField(path, pos, UNSUPPORTED);
    }
    this.mark(path, pos);
  }

  /** A mass-properties setting's text when the engine models it; any other value is refused. */
  #supportedText(v: FieldValue, supported: readonly string[], pos: SourcePos): string {
    const text = v.text().trim();
    if (supported.includes(text)) return text;
    return this.diag.unsupported(pos, `${v.field} = '${text}'`, {
      construct: `Spacecraft.${v.field.split(".").pop()}`,
      hint: `the engine models ${supported.map((s) => `'${s}'`).join(" and ")} ` +
        "(analytic centre of mass and inertia from the dry part and the tanks' fuel)",
    });
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

  /** The representation a state field is set in (see the module doc), or undefined. */
  #representationOf(field: string): StateRepresentation | undefined {
    const has = (r: StateRepresentation) =>
      r !== "Planetodetic" && (STATE_REPRESENTATIONS[r] as readonly string[]).includes(field);
    if (has(this.representation)) return this.representation;
    if (has(this.displayStateType)) return this.displayStateType;
    return DEFAULT_REP_OF.get(field);
  }

  #setElement(rep: StateRepresentation, index: number, v: FieldValue, pos: SourcePos): void {
    const x = v.number();
    if (rep === "Keplerian") this.#checkKeplerian(KEPLERIAN_FIELDS[index], x, v);
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
          {
            construct: `Spacecraft.${v.field.split(".").pop()}`,
            hint: `set DisplayStateType = ${rep} before the state elements`,
          },
        );
      }
      this.representation = rep;
    }
    this.elements[index] = x;
  }

  /** Keplerian fields assigned so far (GMAT checks SMA against ECC only once both are set). */
  readonly #keplerianSet = new Set<string>();

  /**
   * GMAT's checks when a Keplerian element is assigned (Spacecraft::SetElement and
   * StateConversionUtil::ValidateValue in GMAT R2026a): eccentricity 1 (parabolic), SMA 0, INC
   * outside [0, 180], and an SMA whose sign contradicts an ECC already set (or the reverse).
   */
  #checkKeplerian(field: string, x: number, v: FieldValue): void {
    const other = (name: string) =>
      this.#keplerianSet.has(name) && this.representation === "Keplerian"
        ? this.elements[KEPLERIAN_FIELDS.indexOf(name as never)]
        : undefined;
    const refuse = (gmatField: string, allowed: string): never =>
      v.diag.fail(
        "SCRIPT_BAD_VALUE",
        v.value.pos,
        `The value of "${gmatNumber(x)}" for field "${gmatField}" on object "${this.name}" is ` +
          `not an allowed value. The allowed values are: [${allowed}]`,
        {
          construct: `Spacecraft.${field}`,
          hint: "GMAT refuses this element; an ellipse needs SMA > 0 and 0 <= ECC < 1, a " +
            "hyperbola SMA < 0 and ECC > 1 (set ECC first when changing between them)",
        },
      );
    if (field === "ECC") {
      if (x === 1) refuse("Eccentricity", "Real Number != 1.0");
      if (Math.abs(x - 1) < 1e-7) refuse("ECC", "Real Number != 1 (tolerance = 1e-07)");
      const sma = other("SMA");
      if (sma !== undefined && sma > 0 && (x > 1 + 1e-7 || x < -1e-7)) {
        refuse("ECC", "0 < Real Number < 1 when SMA > 0");
      }
      if (sma !== undefined && sma < 0 && x <= 1 - 1e-7) {
        refuse("ECC", "Real Number > 1 when SMA < 0");
      }
    } else if (field === "SMA") {
      if (Math.abs(x) < 0.001) refuse("SMA", "Real Number != 0 (tolerance = 0.001)");
      const ecc = other("ECC");
      if (ecc !== undefined && x < 0 && ecc > 0.001 && ecc < 0.999) {
        refuse("SMA", "Real Number > 0 when 0 < ECC < 1");
      }
      if (ecc !== undefined && x > 0 && ecc > 1.001) refuse("SMA", "Real Number < 0 when ECC > 1");
    } else if (field === "INC" && (x < 0 || x > 180)) {
      refuse("INC", "0.0 <= Real Number <= 180.0");
    }
    this.#keplerianSet.add(field);
  }

  #convert(
    el: number[],
    from: StateRepresentation,
    to: StateRepresentation,
    mu = EARTH_MU,
  ): number[] {
    if (from === to) return [...el];
    const at = this.assigned.get("DisplayStateType") ?? this.pos;
    const body = {
      mu,
      flattening: EARTH_FLATTENING,
      eqRadius: EARTH_RADIUS,
      warn: (message: string) => this.diag.warn(at, message),
    };
    const cartesian = toCartesian(from, el, body);
    return to === "Cartesian" ? cartesian : fromCartesian(to, cartesian, body);
  }

  /**
   * The Cartesian state (km, km/s) the spacecraft starts from, in its `CoordinateSystem` (MJ2000Eq
   * axes about that system's origin; the caller translates it to EarthMJ2000Eq at the epoch).
   *
   * @param mu Gravitational parameter of the coordinate system's origin (Keplerian input).
   * @throws {GmatSweepError} `STATE_CONVERSION` when the Keplerian elements are invalid.
   */
  initialState(mu = EARTH_MU): Float64Array {
    if (this.representation === "Keplerian") this.#warnSignChanges();
    try {
      return Float64Array.from(
        this.#convert(this.elements, this.representation, "Cartesian", mu),
      );
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
          construct: "Spacecraft orbit state",
          hint: this.representation === "Keplerian"
            ? "check SMA/ECC: an ellipse needs SMA > 0 and 0 <= ECC < 1, a hyperbola SMA < 0 " +
              "and ECC > 1"
            : `check the ${this.representation} elements (${
              STATE_REPRESENTATIONS[this.representation].join(", ")
            })`,
        },
      );
    }
  }

  /**
   * GMAT's warnings when it turns Keplerian elements into a state: a negative ECC, or an SMA whose
   * sign contradicts ECC, is flipped (GMAT does so too, with these words, rather than refusing).
   */
  #warnSignChanges(): void {
    const [sma, ecc] = this.elements;
    const at = this.assigned.get("ECC") ?? this.assigned.get("SMA") ?? this.pos;
    if (ecc < 0) {
      this.diag.warn(
        at,
        `Eccentricity (${gmatNumber(ecc)}) cannot be less than 0.0. The sign of the ` +
          `eccentricity has been changed.`,
      );
    }
    const e = Math.abs(ecc);
    if (sma > 0 && e > 1) {
      this.diag.warn(
        at,
        `Semimajor axis (${gmatNumber(sma)}) cannot be positive if eccentricity (${
          gmatNumber(e)
        }) is greater than 1.0. The sign of the semimajor axis has been changed. If changing ` +
          "orbit from hyperbolic to elliptic, set eccentricity first.",
      );
    } else if (sma < 0 && e < 1) {
      this.diag.warn(
        at,
        `Semimajor axis (${gmatNumber(sma)}) cannot be negative if eccentricity (${
          gmatNumber(e)
        }) is less than 1.0. The sign of the semimajor axis has been changed. If changing ` +
          "orbit from elliptic to hyperbolic, set eccentricity first.",
      );
    }
  }

  /**
   * Every other field GMAT's Spacecraft has (attitude, hardware lists, estimation settings,
   * SPAD, drag and SRP coefficients, ephemeris names...) leaves the engine's point-mass run
   * unchanged; the fields that change the orbit or the mass are refused before this is asked.
   */
  override isInertField(field: string): boolean {
    return !PHYSICS_FIELDS.has(field) && !(field in UNSUPPORTED) && !OTHER_STATE_RE.test(field);
  }

  /** Dry mass, kg: the total mass before the run's tanks are added (see the runtime's state). */
  totalMass(): number {
    return this.dryMass;
  }

  /** What drag and SRP read of this spacecraft, with its total mass as it is now. */
  physics(totalMassKg = this.totalMass()): SpacecraftPhysics {
    return {
      massKg: totalMassKg,
      cd: Number(this.properties.Cd),
      dragAreaM2: Number(this.properties.DragArea),
      cr: Number(this.properties.Cr),
      srpAreaM2: Number(this.properties.SRPArea),
    };
  }
}

/** A number as GMAT prints it in these messages (16 significant digits, shortest form). */
function gmatNumber(x: number): string {
  return String(Number(x.toPrecision(16)));
}

function errorText(e: unknown): string {
  if (e instanceof GmatSweepError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
