/**
 * Building the engine's resource model from a parsed script: `Create` statements become
 * resources, initialisation assignments set their fields, and everything outside the supported
 * subset is refused with the statement's location.
 *
 * @module
 */

import type {
  AssignmentStatement,
  CreatedName,
  CreateStatement,
  MissionStatement,
  Script,
} from "../script/ast.ts";
import { GMAT_DEFAULT_BODIES, gmatTypeInfo } from "../script/gmat_types.ts";
import { type Diagnostics, didYouMean } from "./diagnostics.ts";
import {
  BUILTIN_COORDINATE_SYSTEMS,
  CoordinateSystemResource,
} from "./resources/coordinate_system.ts";
import { DISPLAY_TYPES, DisplayResource } from "./resources/display.ts";
import { DifferentialCorrectorResource } from "./resources/differential_corrector.ts";
import { EphemerisFileResource } from "./resources/ephemeris_file.ts";
import { ForceModelResource } from "./resources/force_model.ts";
import { ImpulsiveBurnResource } from "./resources/impulsive_burn.ts";
import { PropagatorResource } from "./resources/propagator.ts";
import { ReportFileResource } from "./resources/report_file.ts";
import type { Resource } from "./resources/resource.ts";
import { SpacecraftResource } from "./resources/spacecraft.ts";
import { VariableResource } from "./resources/variable.ts";
import { ArrayResource } from "./resources/array.ts";
import { ChemicalTankResource } from "./resources/chemical_tank.ts";
import { ChemicalThrusterResource } from "./resources/chemical_thruster.ts";
import { FiniteBurnResource } from "./resources/finite_burn.ts";
import { StringResource } from "./resources/string.ts";
import { FieldValue } from "./values.ts";
import { buildFrame, type Frame } from "./frames.ts";
import { BarycenterResource, LibrationPointResource } from "./resources/calculated_point.ts";

type Factory = (create: CreateStatement, name: CreatedName, diag: Diagnostics) => Resource;

const FACTORIES: Readonly<Record<string, Factory>> = {
  Spacecraft: (c, n, d) => new SpacecraftResource(n.name, c.pos, d),
  ForceModel: (c, n, d) => new ForceModelResource(n.name, c.pos, d),
  Propagator: (c, n, d) => new PropagatorResource(n.name, c.pos, d),
  ImpulsiveBurn: (c, n, d) => new ImpulsiveBurnResource(n.name, c.pos, d),
  Variable: (c, n, d) => new VariableResource(n.name, c.pos, d),
  Array: (_c, n, d) => new ArrayResource(n.name, n.pos, d, n.dims),
  String: (c, n, d) => new StringResource(n.name, c.pos, d),
  ReportFile: (c, n, d) => new ReportFileResource(n.name, c.pos, d),
  EphemerisFile: (c, n, d) => new EphemerisFileResource(n.name, c.pos, d),
  CoordinateSystem: (c, n, d) => new CoordinateSystemResource(n.name, c.pos, d),
  ChemicalTank: (c, n, d) => new ChemicalTankResource(n.name, c.pos, d),
  ChemicalThruster: (c, n, d) => new ChemicalThrusterResource(n.name, c.pos, d),
  FiniteBurn: (c, n, d) => new FiniteBurnResource(n.name, c.pos, d),
  DifferentialCorrector: (c, n, d) => new DifferentialCorrectorResource(n.name, c.pos, d),
  LibrationPoint: (c, n, d) => new LibrationPointResource(n.name, c.pos, d),
  Barycenter: (c, n, d) => new BarycenterResource(n.name, c.pos, d),
  // GMAT's older names of the chemical tank and thruster.
  FuelTank: (c, n, d) => new ChemicalTankResource(n.name, c.pos, d),
  Thruster: (c, n, d) => new ChemicalThrusterResource(n.name, c.pos, d),
};

/** GMAT resource types the engine knows but does not model, with what to do instead. */
const REFUSED_TYPES: Readonly<Record<string, string>> = {
  GroundStation: "ground stations and contact location need Earth rotation; use real GMAT",
  ContactLocator: "contact location is not modelled; use real GMAT",
  EclipseLocator: "eclipse location is not modelled; use real GMAT",
  Yukon: "optimisation is not modelled; use real GMAT",
  FminconOptimizer: "optimisation is not modelled; use real GMAT",
  VF13ad: "optimisation is not modelled; use real GMAT",
  SNOPT: "optimisation is not modelled; use real GMAT",
  ElectricTank: "electric propulsion needs a power system, which is not modelled",
  ElectricThruster: "electric propulsion needs a power system, which is not modelled",
  Planet: "only Earth-centred dynamics are modelled",
  Moon: "only Earth-centred dynamics are modelled",
  Asteroid: "only Earth-centred dynamics are modelled",
  Comet: "only Earth-centred dynamics are modelled",
  Formation: "formations are not supported; propagate the spacecraft together instead",
  GmatFunction: "GMAT functions are not supported",
  MatlabFunction: "MATLAB functions are not supported",
  PythonFunction: "Python functions are not supported",
  Antenna: "communications hardware is not modelled",
  Transmitter: "communications hardware is not modelled",
  Receiver: "communications hardware is not modelled",
  Transponder: "communications hardware is not modelled",
  ThrustHistoryFile: "thrust history files are not modelled",
  ErrorModel: "estimation is not modelled",
  BatchEstimator: "estimation is not modelled",
  ExtendedKalmanFilter: "estimation is not modelled",
  TrackingFileSet: "estimation is not modelled",
  Simulator: "measurement simulation is not modelled",
};

/** Fields of Earth that change what the engine computes (gravity, shape, orientation). */
const EARTH_PHYSICS_FIELD_RE =
  /^(Mu|GravitationalParameter|EquatorialRadius|Flattening|EopFileName|NutationUpdateInterval|RotationDataSource|OrientationDataSource|SpiceFrameName|PlanetarySpiceKernelName|PosVelSource|AnalyticMethod|CentralBody|RotationConstant|SpinAxis\w*|Rotation\w*)$/;

/**
 * Whether an Earth setting only restates what GMAT's install already uses: the EOP file of GMAT's
 * data directory (`../data/planetary_coeff/eopc04_08.62-now`, GMAT's Ex_EOPFileLocationFromScript,
 * or that file of an install named by absolute path) or the default 60 s nutation update interval. The engine ships those same files and rules.
 */
function isGmatDefaultEarthSetting(
  field: string,
  stmt: AssignmentStatement,
  diag: Diagnostics,
): boolean {
  if (field === "EopFileName") {
    if (stmt.value.kind !== "string" && stmt.value.kind !== "word") return false;
    const path = new FieldValue(diag, stmt.target, stmt.value).text().replaceAll("\\", "/");
    // Relative to GMAT's bin/, or made absolute against an install by the GMAT driver.
    return /^(\.\.\/|\/(?:[^/]+\/)*)?data\/planetary_coeff\/eopc04_08\.62-now$/.test(path);
  }
  if (field === "NutationUpdateInterval") {
    return stmt.value.kind === "number" && Number(stmt.value.value) === 60;
  }
  return false;
}

/** The resources of a script, by name. */
export class Model {
  /** Every resource by name, in creation order. */
  readonly resources: Map<string, Resource> = new Map();

  constructor(readonly diag: Diagnostics) {}

  /** All resources of one class. */
  all<T extends Resource>(cls: abstract new (...args: never[]) => T): T[] {
    return [...this.resources.values()].filter((r): r is T => r instanceof cls);
  }

  /** A resource of one class by name, or undefined. */
  get<T extends Resource>(name: string, cls: abstract new (...args: never[]) => T): T | undefined {
    const r = this.resources.get(name);
    return r instanceof cls ? r : undefined;
  }

  readonly #defaultForceModels = new Map<PropagatorResource, ForceModelResource>();

  /**
   * The force model a propagator uses: the one its `FM` names, or GMAT's default (Earth JGM-2
   * degree 4 order 4) when it names none.
   *
   * @throws {ScriptError} `SCRIPT_UNKNOWN_RESOURCE` when `FM` names no ForceModel.
   */
  forceModelOf(prop: PropagatorResource): ForceModelResource {
    if (prop.fm === undefined) {
      let fm = this.#defaultForceModels.get(prop);
      if (!fm) {
        fm = new ForceModelResource(`${prop.name}_ForceModel`, prop.pos, this.diag);
        this.#defaultForceModels.set(prop, fm);
      }
      return fm;
    }
    const fm = this.get(prop.fm, ForceModelResource);
    if (!fm) {
      this.diag.fail(
        "SCRIPT_UNKNOWN_RESOURCE",
        prop.assigned.get("FM"),
        `${prop.name}.FM names '${prop.fm}', which is not a ForceModel`,
        { construct: "Propagator.FM", hint: "create it with 'Create ForceModel' or fix the name" },
      );
    }
    return fm;
  }

  readonly #frames = new Map<string, Frame | undefined>();

  /**
   * The frame of a coordinate system (`EarthMJ2000Eq` or a created one), or undefined when
   * `name` is not one.
   *
   * @throws {ScriptError} `ENGINE_UNSUPPORTED` when `name` is a system the engine cannot
   *   compute in (its origin or axes), at the field that makes it so.
   */
  frameOf(name: string): Frame | undefined {
    if (!this.#frames.has(name)) {
      this.#frames.set(name, buildFrame(name, (n) => this.resources.get(n), this.diag));
    }
    return this.#frames.get(name);
  }

  /** Whether `name` is EarthMJ2000Eq or a user system equivalent to it. */
  isInertialSystem(name: string): boolean {
    return this.frameOf(name)?.isEarthMJ2000Eq === true;
  }
}

/**
 * Build the resource model of a script.
 *
 * @param script The parsed script.
 * @param diag Its error sink.
 * @returns The model.
 * @throws {ScriptError} For unknown or unsupported resources and fields, and bad values.
 */
export function buildModel(script: Script, diag: Diagnostics): Model {
  const model = new Model(diag);
  for (const stmt of script.resources) {
    if (stmt.kind === "include") {
      if (stmt.resolved === undefined) {
        diag.unsupported(stmt.pos, `#Include '${stmt.file}' that was not read`, {
          construct: "#Include",
          hint: "run the script from a file so its includes can be read",
        });
      }
    } else if (stmt.kind === "create") {
      create(model, stmt, diag);
    } else if (stmt.kind === "call") {
      diag.unsupported(stmt.pos, `the method call ${stmt.name}(...)`, {
        construct: "method call",
        hint: "object methods (optimal control, plugins) need real GMAT (engine: 'gmat')",
      });
    } else {
      applyAssignment(model, stmt, diag);
    }
  }
  // GMAT creates the objects of mission-sequence Create statements before the run.
  for (const stmt of missionCreates(script.mission)) create(model, stmt, diag);
  validate(model, diag);
  return model;
}

function* missionCreates(list: readonly MissionStatement[]): Generator<CreateStatement> {
  for (const s of list) {
    if (s.kind === "create") yield s;
    else if (s.kind === "command") {
      yield* missionCreates(s.body ?? []);
      yield* missionCreates(s.elseBody ?? []);
    }
  }
}

function create(model: Model, stmt: CreateStatement, diag: Diagnostics): void {
  const factory = FACTORIES[stmt.type];
  const info = gmatTypeInfo(stmt.type);
  const display = DISPLAY_TYPES.has(stmt.type) || info?.display === true;
  if (!factory && !display) {
    const why = REFUSED_TYPES[stmt.type];
    if (why || info) {
      diag.unsupported(stmt.typePos, `resource type ${stmt.type}`, {
        construct: stmt.type,
        hint: (why ?? `${stmt.type} is not modelled`) +
          (info?.plugin ? ` (it comes with GMAT's ${info.plugin} plugin)` : "") +
          "; remove it, or run the script with real GMAT (engine: 'gmat')",
      });
    }
    const known = [...Object.keys(FACTORIES), ...Object.keys(REFUSED_TYPES), ...DISPLAY_TYPES];
    diag.fail(
      "SCRIPT_UNKNOWN_RESOURCE",
      stmt.typePos,
      `unknown resource type '${stmt.type}'${didYouMean(stmt.type, known)}`,
      {
        construct: `Create ${stmt.type}`,
        hint: `check the type's spelling; the built-in engine supports: ${
          Object.keys(FACTORIES).join(", ")
        }`,
      },
    );
  }
  for (const n of stmt.names) {
    if (model.resources.has(n.name) || BUILTIN_COORDINATE_SYSTEMS.has(n.name)) {
      const first = model.resources.get(n.name);
      diag.fail("SCRIPT_DUPLICATE_NAME", n.pos, `'${n.name}' is already defined`, {
        construct: `Create ${stmt.type}`,
        hint: first ? `rename one of them (first created at line ${first.pos.line})` : "rename it",
      });
    }
    if (n.dims && stmt.type !== "Array") {
      diag.fail("SCRIPT_BAD_VALUE", n.pos, `dimensions on ${stmt.type} ${n.name}`, {
        construct: `Create ${stmt.type}`,
        hint: "only Arrays take [rows, columns]; remove the suffix",
      });
    }
    const resource = display
      ? new DisplayResource(stmt.type, n.name, stmt.pos, diag)
      : factory(stmt, n, diag);
    model.resources.set(n.name, resource);
    if (display) diag.warn(stmt.pos, `${stmt.type} ${n.name} is a GUI display; it is ignored`);
  }
}

/** Apply one initialisation assignment to a model (used for scripts and for checking overrides). */
export function applyAssignment(
  model: Model,
  stmt: AssignmentStatement,
  diag: Diagnostics,
): void {
  const [owner, ...path] = stmt.path;
  const resource = model.resources.get(owner);
  if (stmt.index) {
    setArrayElement(model, stmt, diag);
    return;
  }
  if (!resource) {
    if (owner === "SolarSystem") {
      diag.warn(stmt.pos, `${stmt.target} only affects bodies other than Earth; ignored`);
      return;
    }
    if (GMAT_DEFAULT_BODIES.includes(owner)) {
      const field = path.join(".");
      if (owner === "Earth" && isGmatDefaultEarthSetting(field, stmt, diag)) {
        diag.warn(
          stmt.pos,
          `${stmt.target} names GMAT's default, which the built-in engine uses (its shipped ` +
            `copy of GMAT R2026a's data); nothing changes`,
        );
        return;
      }
      if (owner === "Earth" && EARTH_PHYSICS_FIELD_RE.test(field)) {
        diag.unsupported(stmt.pos, `setting Earth.${field}`, {
          construct: `Earth.${field}`,
          hint:
            "Earth's constants and orientation are fixed in the built-in engine (mu 398600.4415 km^3/s^2)",
        });
      }
      diag.warn(
        stmt.pos,
        owner === "Earth"
          ? `${stmt.target} does not change the built-in engine's run; ignored`
          : `${stmt.target} only affects ${owner}, which the built-in engine does not model; ignored`,
      );
      return;
    }
    diag.fail(
      "SCRIPT_UNKNOWN_RESOURCE",
      stmt.pos,
      `'${owner}' is not defined${didYouMean(owner, model.resources.keys())}`,
      { construct: stmt.target, hint: `create it first, e.g. 'Create Spacecraft ${owner}'` },
    );
  }
  if (path.length === 0 && stmt.value.kind === "word") {
    // `Sat2 = Sat1`: copy the object's values as they are at this point of the script.
    const source = model.resources.get(stmt.value.value);
    if (source) {
      if (source.typeName !== resource.typeName) {
        diag.fail(
          "SCRIPT_BAD_VALUE",
          stmt.value.pos,
          `cannot copy ${source.typeName} ${source.name} into ${resource.typeName} ${owner}`,
          { construct: "object copy", hint: "copy objects of the same type" },
        );
      }
      resource.copyFrom(source);
      return;
    }
  }
  resource.set(path, new FieldValue(diag, stmt.target, stmt.value), stmt.pos);
}

/** `A(i, j) = x` before the mission: indices and value must be numbers. */
function setArrayElement(model: Model, stmt: AssignmentStatement, diag: Diagnostics): void {
  const array = model.get(stmt.target, ArrayResource);
  const fail = (message: string, hint: string): never =>
    diag.fail("SCRIPT_BAD_VALUE", stmt.pos, message, { construct: "Array element", hint });
  if (!array || stmt.path.length !== 1) {
    return fail(
      `'${stmt.target}' is not an Array`,
      `create it with 'Create Array ${stmt.target}[3, 1]'`,
    );
  }
  const index = stmt.index!.map((e) => e.kind === "number" ? e.value : NaN);
  if (index.length > 2 || index.some((i) => !Number.isInteger(i))) {
    fail(`the indices of ${stmt.text} must be whole numbers`, "write e.g. A(1, 2) = 5");
  }
  const value = new FieldValue(diag, stmt.target, stmt.value).number();
  array.setElement(index[0], index[1] ?? 1, value, stmt.pos);
}

/** Cross-resource checks: references resolve, force models are supported. */
function validate(model: Model, diag: Diagnostics): void {
  for (const sc of model.all(SpacecraftResource)) {
    if (model.frameOf(sc.coordinateSystem) === undefined) {
      const pos = sc.assigned.get("CoordinateSystem") ?? sc.pos;
      if (BUILTIN_COORDINATE_SYSTEMS.has(sc.coordinateSystem)) {
        diag.unsupported(pos, `spacecraft state in ${sc.coordinateSystem}`, {
          construct: "Spacecraft.CoordinateSystem",
          hint: "give the state in EarthMJ2000Eq",
        });
      }
      diag.fail(
        "SCRIPT_UNKNOWN_RESOURCE",
        pos,
        `coordinate system '${sc.coordinateSystem}' is not defined`,
        {
          construct: "Spacecraft.CoordinateSystem",
          hint: "use EarthMJ2000Eq or create the coordinate system",
        },
      );
    }
  }
  for (const prop of model.all(PropagatorResource)) {
    model.forceModelOf(prop).resolve();
  }
  for (const burn of model.all(ImpulsiveBurnResource)) {
    if (burn.coordinateSystem !== "Local" && model.frameOf(burn.coordinateSystem) === undefined) {
      diag.unsupported(
        burn.assigned.get("CoordinateSystem"),
        `burn coordinate system ${burn.coordinateSystem}`,
        {
          construct: "ImpulsiveBurn.CoordinateSystem",
          hint: "use Local (with Axes VNB or LVLH) or EarthMJ2000Eq",
        },
      );
    }
  }
  for (const eph of model.all(EphemerisFileResource)) {
    if (!eph.spacecraft || !model.get(eph.spacecraft, SpacecraftResource)) {
      diag.fail(
        "SCRIPT_UNKNOWN_RESOURCE",
        eph.assigned.get("Spacecraft") ?? eph.pos,
        `EphemerisFile ${eph.name} needs a Spacecraft` +
          (eph.spacecraft ? `, and '${eph.spacecraft}' is not one` : ""),
        {
          construct: "EphemerisFile.Spacecraft",
          hint: `set ${eph.name}.Spacecraft = <spacecraft name>`,
        },
      );
    }
  }
}
