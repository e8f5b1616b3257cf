/**
 * Atmospheric drag inside a force model: the atmosphere GMAT's `Drag.AtmosphereModel` names, its
 * space-weather source (constant flux, the CSSI file, Schatten predictions), geodetic
 * coordinates and the co-rotation rate through the FK5 Earth-fixed frame (rotation and rate at
 * the density's epoch, as GMAT's `CalculateGeodetics` and `BuildAngularVelocity`), and the drag
 * acceleration of each spacecraft, as one force that adds to the derivatives. The atmosphere
 * object is built once per force model, so MSISE-90's sticky state (GMAT's 3-hourly Ap switch)
 * lasts for the propagation, as it lasts for GMAT's process.
 *
 * @module
 */

import { SECONDS_PER_DAY } from "../constants.ts";
import type { PhysicsData } from "../data/physics_data.ts";
import type { DeFile } from "../ephemeris/de_file.ts";
import { a1StateFunction } from "../ephemeris/a1_state.ts";
import { EarthFixedFrame } from "../frames/earth_fixed.ts";
import { NutationCache } from "../frames/iau1980_nutation.ts";
import { geodeticFromBodyFixed } from "../atmosphere/geodetic.ts";
import { constantSpaceWeather, loadSpaceWeatherSource } from "../atmosphere/space_weather_rules.ts";
import type {
  SchattenError,
  SchattenTiming,
  SpaceWeatherSettings,
} from "../atmosphere/space_weather.ts";
import {
  angularVelocityFromRotation,
  checkDragModel,
  dragAcceleration,
  type DragAtmosphere,
  type DragModel,
} from "./drag.ts";
import type { SpacecraftPhysics } from "./spacecraft_physics.ts";

/** Drag settings of a force model (`FM.Drag.*`). */
export interface DragSpec {
  /** `Drag.AtmosphereModel`. */
  readonly model: "Exponential" | "JacchiaRoberts" | "MSISE90";
  /** `Drag.F107`. */
  readonly f107: number;
  /** `Drag.F107A`. */
  readonly f107a: number;
  /** `Drag.MagneticIndex` (Kp). */
  readonly kp: number;
  /** `Drag.HistoricWeatherSource`. */
  readonly historicSource: "ConstantFluxAndGeoMag" | "CSSISpaceWeatherFile";
  /** `Drag.PredictedWeatherSource`. */
  readonly predictedSource: "ConstantFluxAndGeoMag" | "SchattenFile" | "CSSISpaceWeatherFile";
  /** `Drag.CSSISpaceWeatherFile`, resolved (undefined: the shipped file). */
  readonly cssiFile?: URL;
  /** `Drag.SchattenFile`, resolved (undefined: the shipped file). */
  readonly schattenFile?: URL;
  /** `Drag.SchattenErrorModel`. */
  readonly schattenErrorModel: SchattenError;
  /** `Drag.SchattenTimingModel`. */
  readonly schattenTimingModel: SchattenTiming;
}

/**
 * Build the drag force of a force model: adds each spacecraft's drag acceleration.
 *
 * @param spec Drag settings.
 * @param data The caller's data context (weather and orientation files parsed once).
 * @param epochA1 A1 MJD at elapsed time t = 0.
 * @param spacecraft Physical properties, in state order.
 * @param de The planetary ephemeris (the Sun's direction for Jacchia-Roberts).
 * @returns A function adding the drag accelerations to `dydt`.
 */
export async function makeDrag(
  spec: DragSpec,
  data: PhysicsData,
  epochA1: number,
  spacecraft: readonly SpacecraftPhysics[],
  de: DeFile,
): Promise<(t: number, y: Float64Array, dydt: Float64Array) => void> {
  const settings: SpaceWeatherSettings = {
    historic: spec.historicSource,
    predicted: spec.predictedSource,
    f107: spec.f107,
    f107a: spec.f107a,
    kp: spec.kp,
    schattenTiming: spec.schattenTimingModel,
    schattenError: spec.schattenErrorModel,
    ...(spec.cssiFile ? { cssiFile: spec.cssiFile } : {}),
    ...(spec.schattenFile ? { schattenFile: spec.schattenFile } : {}),
  };
  const constant = spec.historicSource === "ConstantFluxAndGeoMag" &&
    spec.predictedSource === "ConstantFluxAndGeoMag";
  const weather = constant
    ? constantSpaceWeather(settings)
    : await loadSpaceWeatherSource(settings, data.spaceWeather);
  const frame = new EarthFixedFrame(await data.gmat.earthOrientation(), new NutationCache(60));
  const rot = new Float64Array(9);
  const rotDot = new Float64Array(9);
  const fixed = new Float64Array(3);
  const omega = new Float64Array(3);
  let rotEpoch = Number.NaN;
  const orient = (epoch: number) => {
    if (epoch !== rotEpoch) {
      frame.rotationAndRate(epoch, rot, rotDot);
      angularVelocityFromRotation(rot, rotDot, omega);
      rotEpoch = epoch;
    }
  };
  const geodetic = (epoch: number, r: ArrayLike<number>) => {
    orient(epoch);
    fixed[0] = rot[0] * r[0] + rot[1] * r[1] + rot[2] * r[2];
    fixed[1] = rot[3] * r[0] + rot[4] * r[1] + rot[5] * r[2];
    fixed[2] = rot[6] * r[0] + rot[7] * r[1] + rot[8] * r[2];
    return geodeticFromBodyFixed(fixed);
  };
  const angularVelocity = (epoch: number) => {
    orient(epoch);
    return omega;
  };
  const atmosphere: DragAtmosphere = spec.model === "Exponential"
    ? { model: "Exponential" }
    : spec.model === "JacchiaRoberts"
    ? { model: "JacchiaRoberts", weather, sun: a1StateFunction(de, "Sun") }
    : { model: "MSISE90", weather };
  const models: DragModel[] = spacecraft.map((s) => ({
    cd: s.cd,
    areaM2: s.dragAreaM2,
    massKg: s.massKg,
    atmosphere,
    geodetic,
    angularVelocity,
  }));
  for (const m of models) checkDragModel(m);
  const acc = new Float64Array(3);
  return (t, y, dydt) => {
    const epoch = epochA1 + t / SECONDS_PER_DAY;
    for (let i = 0; i < models.length; i++) {
      dragAcceleration(models[i], epoch, y.subarray(6 * i, 6 * i + 6), acc);
      dydt[6 * i + 3] += acc[0];
      dydt[6 * i + 4] += acc[1];
      dydt[6 * i + 5] += acc[2];
    }
  };
}
