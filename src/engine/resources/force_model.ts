/**
 * The ForceModel resource: GMAT's force-model fields, read with GMAT's defaults and resolved into
 * the {@link ForceModelSpec} the physics layer builds derivatives from.
 *
 * GMAT's defaults, kept: a ForceModel with neither `PrimaryBodies` nor `PointMasses` has Earth as
 * its primary body with the JGM-2 field to degree 4 and order 4; `PrimaryBodies = {Earth}`
 * without degree and order is the same; degree 0 and order 0 leave the central term only.
 * Modelled: Earth harmonics from any GMAT `.cof` file, Sun/Moon/planet point masses (DE405),
 * spherical SRP with GMAT's shadows, drag with the Exponential, Jacchia-Roberts and MSISE-90
 * atmospheres (constant flux or the CSSI and Schatten files), and the relativistic correction.
 * `CentralBody` may be the Sun, Luna or a planet: the state is then relative to that body and
 * only point masses (and SRP, about a body other than the Sun) are modelled. Everything else
 * (other bodies' gravity fields, drag or relativity about them, tides, SPAD, user-defined
 * forces...) is refused by name.
 *
 * @module
 */

import { basename, dirname, isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { SourcePos } from "../../script/ast.ts";
import {
  EPHEMERIS_BODIES,
  type EphemerisBody,
  type ErrorControl,
  type ForceModelSpec,
  isEphemerisBody,
  type SchattenError,
  type SchattenTiming,
} from "../../physics/mod.ts";
import type { FieldValue } from "../values.ts";
import { Resource } from "./resource.ts";

const ERROR_CONTROLS: readonly ErrorControl[] = [
  "RSSStep",
  "RSSState",
  "LargestStep",
  "LargestState",
  "None",
];

const ATMOSPHERES = ["None", "Exponential", "JacchiaRoberts", "MSISE90"] as const;
/** Atmosphere models GMAT has that the engine does not. */
const OTHER_ATMOSPHERES = new Set(["MarsGRAM2005", "NRLMSISE00", "MSISE86", "Stub"]);
/** Earth gravity models shipped with the engine (`data/gmat/gravity/earth/`). */
const SHIPPED_POTENTIALS = new Set(["JGM2.cof", "JGM3.cof", "EGM96.cof"]);
/** Space-weather files shipped with the engine (`data/gmat/atmosphere/earth/`). */
const SHIPPED_CSSI = "SpaceWeather-All-v1.2.txt";
const SHIPPED_SCHATTEN = "SchattenPredict.txt";

const WEATHER_SOURCES = ["ConstantFluxAndGeoMag", "CSSISpaceWeatherFile"] as const;
const PREDICTED_SOURCES = [
  "ConstantFluxAndGeoMag",
  "SchattenFile",
  "CSSISpaceWeatherFile",
] as const;

/**
 * A data file a force model names: `undefined` for the engine's shipped copy (a bare name or
 * GMAT's `../data/...` path to it), else the file relative to the script's directory (GMAT reads
 * relative names from its bin directory; a script in GMAT's samples folder reaches
 * `../samples/SupportFiles/` the same way from its own directory).
 */
function dataFileUrl(name: string, shipped: string, scriptDir: string): URL | undefined {
  const clean = name.replace(/\\/g, "/");
  if (basename(clean) === shipped && (!clean.includes("/") || clean.includes("data/"))) {
    return undefined;
  }
  if (isAbsolute(clean)) return pathToFileURL(clean);
  const direct = resolve(scriptDir, clean);
  // GMAT reads `../samples/...` from its bin directory: in an install, scripts live under
  // <GMAT>/samples, so the file is found beside the nearest folder that holds the rest.
  const m = /^\.\.\/samples\/(.+)$/.exec(clean);
  if (m && !exists(direct)) {
    for (let dir = scriptDir;; dir = dirname(dir)) {
      if (exists(resolve(dir, m[1]))) return pathToFileURL(resolve(dir, m[1]));
      if (dirname(dir) === dir) break;
    }
  }
  return pathToFileURL(direct);
}

function exists(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

/** A ForceModel resource. */
export class ForceModelResource extends Resource {
  readonly typeName = "ForceModel";
  centralBody: EphemerisBody = "Earth";
  primaryBodies: string[] | undefined;
  pointMasses: string[] | undefined;
  degree = 4;
  order = 4;
  potentialFile = "JGM2.cof";
  drag: (typeof ATMOSPHERES)[number] = "None";
  f107 = 150;
  f107a = 150;
  magneticIndex = 3;
  historicWeatherSource: (typeof WEATHER_SOURCES)[number] = "ConstantFluxAndGeoMag";
  predictedWeatherSource: (typeof PREDICTED_SOURCES)[number] = "ConstantFluxAndGeoMag";
  cssiFile = "SpaceWeather-All-v1.2.txt";
  schattenFile = "SchattenPredict.txt";
  schattenErrorModel = "Nominal";
  schattenTimingModel = "NominalCycle";
  srp = false;
  flux = 1367;
  nominalSun = 149597870.691;
  extraShadowBodies: string[] = [];
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
      "Drag.F107",
      "Drag.F107A",
      "Drag.MagneticIndex",
      "Drag.HistoricWeatherSource",
      "Drag.PredictedWeatherSource",
      "Drag.CSSISpaceWeatherFile",
      "Drag.SchattenFile",
      "Drag.SchattenErrorModel",
      "Drag.SchattenTimingModel",
      "Drag.DragModel",
      "SRP",
      "SRP.Flux",
      "SRP.Nominal_Sun",
      "SRP.SRPModel",
      "SRP.ExtraShadowBodies",
      "RelativisticCorrection",
      "ErrorControl",
      "UserDefined",
    ];
  }

  set(path: readonly string[], v: FieldValue, pos: SourcePos): void {
    const key = path.join(".");
    const refuse = (what: string, construct: string, hint: string): never =>
      this.diag.unsupported(pos, what, { construct: `ForceModel.${construct}`, hint });
    switch (key) {
      case "CentralBody": {
        const body = v.text();
        if (!isEphemerisBody(body)) {
          return refuse(
            `central body ${body}`,
            "CentralBody",
            `the built-in engine propagates about ${EPHEMERIS_BODIES.join(", ")}`,
          );
        }
        this.centralBody = body;
        break;
      }
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
        this.potentialFile = v.text();
        break;
      case "GravityField.Earth.StmLimit":
        v.number(); // the state transition matrix is not propagated
        break;
      case "GravityField.Earth.TideModel":
        this.tideModel = v.text();
        if (this.tideModel !== "None") {
          refuse(
            `Earth tide model ${this.tideModel}`,
            "GravityField.Earth.TideModel",
            "set TideModel = None",
          );
        }
        break;
      case "Drag":
      case "Drag.AtmosphereModel": {
        const model = v.text();
        if (OTHER_ATMOSPHERES.has(model)) {
          refuse(
            `the ${model} atmosphere`,
            "Drag.AtmosphereModel",
            "use Exponential, JacchiaRoberts or MSISE90, or run the script with real GMAT",
          );
        }
        this.drag = v.oneOf(ATMOSPHERES);
        break;
      }
      case "Drag.F107":
        this.f107 = v.numberIn(0, Infinity);
        break;
      case "Drag.F107A":
        this.f107a = v.numberIn(0, Infinity);
        break;
      case "Drag.MagneticIndex":
        this.magneticIndex = v.numberIn(0, 9);
        break;
      case "Drag.HistoricWeatherSource":
        this.historicWeatherSource = v.oneOf(WEATHER_SOURCES);
        break;
      case "Drag.PredictedWeatherSource":
        this.predictedWeatherSource = v.oneOf(PREDICTED_SOURCES);
        break;
      case "Drag.CSSISpaceWeatherFile":
        this.cssiFile = v.text();
        break;
      case "Drag.SchattenFile":
        this.schattenFile = v.text();
        break;
      case "Drag.SchattenErrorModel":
        this.schattenErrorModel = v.oneOf(["Nominal", "PlusTwoSigma", "MinusTwoSigma"]);
        break;
      case "Drag.SchattenTimingModel":
        this.schattenTimingModel = v.oneOf(["NominalCycle", "EarlyCycle", "LateCycle"]);
        break;
      case "Drag.DragModel":
        if (v.text() !== "Spherical") {
          refuse(`the ${v.text()} drag model`, "Drag.DragModel", "use DragModel = Spherical");
        }
        break;
      case "SRP":
        this.srp = v.boolean();
        break;
      case "SRP.Flux":
        this.flux = v.number();
        if (!(this.flux > 1200 && this.flux < 1450)) {
          v.diag.fail(
            "SCRIPT_BAD_VALUE",
            pos,
            `${v.field} = ${this.flux} is outside GMAT's range`,
            {
              construct: "ForceModel.SRP.Flux",
              hint: "GMAT accepts 1200 < Flux < 1450 W/m^2 (default 1367)",
            },
          );
        }
        break;
      case "SRP.Nominal_Sun":
        this.nominalSun = v.number();
        if (!(this.nominalSun > 135e6 && this.nominalSun < 165e6)) {
          v.diag.fail(
            "SCRIPT_BAD_VALUE",
            pos,
            `${v.field} = ${this.nominalSun} is outside GMAT's range`,
            {
              construct: "ForceModel.SRP.Nominal_Sun",
              hint: "GMAT accepts 135e6 < Nominal_Sun < 165e6 km (default 149597870.691)",
            },
          );
        }
        break;
      case "SRP.SRPModel":
        if (v.text() !== "Spherical") {
          refuse(
            `the ${v.text()} SRP model`,
            "SRP.SRPModel",
            "use SRPModel = Spherical (SPAD and N-plate models need real GMAT)",
          );
        }
        break;
      case "SRP.ExtraShadowBodies":
        this.extraShadowBodies = v.names();
        break;
      case "RelativisticCorrection":
        this.relativistic = v.boolean();
        break;
      case "ErrorControl":
        this.errorControl = v.oneOf(ERROR_CONTROLS);
        break;
      case "UserDefined":
        if (v.names().length > 0) {
          refuse("user-defined forces", "UserDefined", "set UserDefined = {}");
        }
        break;
      default:
        return this.otherField(path, pos, {
          GravityField: "only Earth's gravity field is modelled (other bodies' potential files " +
            "are not shipped); list the body in PointMasses instead",
          External: "external (plugin) forces need real GMAT",
        });
    }
    this.mark(path, pos);
  }

  #dataFile(name: string, shipped: string, field: string): URL | undefined {
    const pos = this.assigned.get(field) ?? this.pos;
    return dataFileUrl(name, shipped, this.diag.dirOf(pos.file));
  }

  /**
   * Check the model against what the engine models and reduce it to a {@link ForceModelSpec}.
   *
   * @throws {ScriptError} `ENGINE_UNSUPPORTED` naming the construct, or `SCRIPT_BAD_VALUE`.
   */
  resolve(): ForceModelSpec {
    const primaries = this.primaryBodies ?? [];
    const points = this.pointMasses ?? [];
    const central = this.centralBody;
    const where = (f: string) => this.assigned.get(f) ?? this.pos;
    for (const body of primaries) {
      if (body !== "Earth" || central !== "Earth") {
        this.diag.unsupported(where("PrimaryBodies"), `the gravity field of ${body}`, {
          construct: "ForceModel.PrimaryBodies",
          hint: central === "Earth"
            ? "only Earth may be a primary body; list other bodies as PointMasses"
            : `about ${central} only point masses are modelled; write PointMasses = ` +
              `{${central}, ...} instead of PrimaryBodies`,
        });
      }
    }
    if (central !== "Earth") {
      const earthOnly = this.drag !== "None"
        ? ["drag", "Drag.AtmosphereModel", "set Drag = None"]
        : this.relativistic
        ? ["the relativistic correction", "RelativisticCorrection", "set it Off"]
        : this.srp && central === "Sun"
        ? ["SRP", "SRP", "set SRP = Off"]
        : undefined;
      if (earthOnly) {
        const [what, field, fix] = earthOnly;
        this.diag.unsupported(where(field), `${what} about the central body ${central}`, {
          construct: `ForceModel.${field}`,
          hint: `the built-in engine models point masses${
            central === "Sun" ? "" : " and SRP"
          } about ${central}; ${fix}`,
        });
      }
    }
    const thirdBodies: string[] = [];
    for (const body of points) {
      if (body === central) continue;
      if (!isEphemerisBody(body)) {
        this.diag.unsupported(where("PointMasses"), `third-body gravity of ${body}`, {
          construct: "ForceModel.PointMasses",
          hint: `point masses the engine has ephemerides for: ${EPHEMERIS_BODIES.join(", ")}`,
        });
      }
      thirdBodies.push(body);
    }
    if (primaries.includes("Earth") && points.includes("Earth")) {
      this.diag.fail(
        "SCRIPT_BAD_VALUE",
        where("PointMasses"),
        `${this.name} lists Earth both as a primary body and as a point mass`,
        {
          construct: "ForceModel.PointMasses",
          hint: "keep one: PrimaryBodies = {Earth} (harmonic field) or PointMasses = {Earth}",
        },
      );
    }
    // GMAT's default (no PrimaryBodies, no PointMasses) is Earth's field about the Earth only.
    const earthPrimary = primaries.includes("Earth") ||
      (central === "Earth" && this.primaryBodies === undefined && this.pointMasses === undefined);
    for (const body of this.extraShadowBodies) {
      if (body !== "Luna" && body !== "Earth" && body !== central) {
        this.diag.unsupported(where("SRP.ExtraShadowBodies"), `shadows cast by ${body}`, {
          construct: "ForceModel.SRP.ExtraShadowBodies",
          hint: "the engine's shadow model knows Earth, Luna and the central body",
        });
      }
    }
    const potential = basename(this.potentialFile.replace(/\\/g, "/"));
    const harmonic = earthPrimary && (this.degree > 0 || this.order > 0);
    if (harmonic && !SHIPPED_POTENTIALS.has(potential)) {
      this.diag.unsupported(
        where("GravityField.Earth.PotentialFile"),
        `the potential file ${this.potentialFile}`,
        {
          construct: "ForceModel.GravityField.Earth.PotentialFile",
          hint: `the built-in engine ships ${[...SHIPPED_POTENTIALS].join(", ")}`,
        },
      );
    }
    return {
      centralBody: central,
      gravity: harmonic
        ? {
          kind: "harmonic",
          potentialFile: potential,
          degree: this.degree,
          order: this.order,
        }
        : earthPrimary || points.includes(central)
        ? { kind: "pointMass" }
        : { kind: "none" },
      thirdBodies,
      srp: this.srp
        ? {
          flux: this.flux,
          nominalSun: this.nominalSun,
          extraShadowBodies: this.extraShadowBodies.filter((b) =>
            b !== central && (b === "Luna" || b === "Earth")
          ),
        }
        : undefined,
      drag: this.drag === "None" ? undefined : {
        model: this.drag,
        f107: this.f107,
        f107a: this.f107a,
        kp: this.magneticIndex,
        historicSource: this.historicWeatherSource,
        predictedSource: this.predictedWeatherSource,
        cssiFile: this.#dataFile(this.cssiFile, SHIPPED_CSSI, "Drag.CSSISpaceWeatherFile"),
        schattenFile: this.#dataFile(this.schattenFile, SHIPPED_SCHATTEN, "Drag.SchattenFile"),
        schattenErrorModel: this.schattenErrorModel as SchattenError,
        schattenTimingModel: this.schattenTimingModel as SchattenTiming,
      },
      relativistic: this.relativistic,
      errorControl: this.errorControl,
    };
  }
}
