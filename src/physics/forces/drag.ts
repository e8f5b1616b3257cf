/**
 * GMAT's atmospheric drag acceleration (`DragForce::GetDerivatives`, spherical spacecraft):
 *
 *   a = -1/2 Cd A/m rho |v_rel| v_rel,   v_rel = v - w x r,
 *
 * with r, v the spacecraft's EarthMJ2000Eq state (km, km/s), w Earth's angular velocity in the
 * same axes (rad/s; the atmosphere co-rotates rigidly, no wind), rho in kg/m^3, A in m^2 and m in
 * kg, so GMAT's prefactor is -500 Cd A / m and a comes out in km/s^2, evaluated in GMAT's order
 * `((prefactor rho) |v_rel|) v_rel`. GMAT rebuilds w at every density call from the body-fixed
 * rotation and its rate (`AtmosphereModel::BuildAngularVelocity`, see
 * {@link angularVelocityFromRotation}): it points along the true pole, not EarthMJ2000Eq +Z.
 *
 * The density comes from one of GMAT's three Earth models, fed as GMAT feeds them (MSISE-90 keeps
 * GMAT's per-process state, one {@link Msise90Model} per atmosphere object): geodetic
 * height, latitude and longitude of the body-fixed position at the A1 epoch (`CalculateGeodetics`;
 * supplied by the caller's Earth-orientation chain through {@link GeodeticProvider}); the UTC epoch
 * (A1 converted to UTC) for MSISE-90's day and seconds and for the space-weather lookups; the
 * Earth-to-Sun vector in EarthMJ2000Eq (DE405 in GMAT; {@link SunProvider}) for Jacchia-Roberts.
 * MSISE-90 takes its local solar time as `sec / 3600 + lon / 15`, not from the Sun.
 *
 * @module
 */

import { convertMjd } from "../time/convert_mjd.ts";
import { type ExponentialBand, exponentialDensity } from "../atmosphere/exponential.ts";
import type { Geodetic } from "../atmosphere/geodetic.ts";
import { jacchiaRobertsDensity } from "../atmosphere/jacchia_roberts.ts";
import { gmatMsiseTime, msise90Density, Msise90Model } from "../atmosphere/msise90.ts";
import {
  jacchiaWeather,
  msiseWeather,
  type SpaceWeatherSource,
} from "../atmosphere/space_weather_rules.ts";
import { DragSettingError } from "../atmosphere/atmosphere_error.ts";

/**
 * Geodetic height (km), latitude and longitude (degrees) of an EarthMJ2000Eq position at an A1
 * epoch (GMAT MJD), computed through the Earth's body-fixed frame as GMAT's
 * `AtmosphereModel::CalculateGeodetics` does (see `geodeticFromBodyFixed`).
 */
export type GeodeticProvider = (epochA1: number, rInertialKm: ArrayLike<number>) => Geodetic;

/** The Earth-to-Sun vector, EarthMJ2000Eq axes, km, at an A1 epoch (GMAT MJD). */
export type SunProvider = (epochA1: number) => ArrayLike<number>;

/** Earth's angular velocity in EarthMJ2000Eq axes, rad/s, at an A1 epoch (GMAT MJD). */
export type AngularVelocityProvider = (epochA1: number) => ArrayLike<number>;

/** Which atmosphere, with what it needs beyond the geodetic coordinates. */
export type DragAtmosphere =
  | { readonly model: "Exponential"; readonly bands?: readonly ExponentialBand[] }
  | {
    readonly model: "JacchiaRoberts";
    readonly weather: SpaceWeatherSource;
    readonly sun: SunProvider;
  }
  | { readonly model: "MSISE90"; readonly weather: SpaceWeatherSource };

/** A spherical drag model for one spacecraft. */
export interface DragModel {
  /** Drag coefficient. */
  readonly cd: number;
  /** Drag area, m^2. */
  readonly areaM2: number;
  /** Total mass, kg. */
  readonly massKg: number;
  /** The density model. */
  readonly atmosphere: DragAtmosphere;
  /** Geodetic coordinates through the Earth-orientation chain. */
  readonly geodetic: GeodeticProvider;
  /**
   * Earth's angular velocity (GMAT rebuilds it from the body-fixed rotation matrix and its rate
   * at every density call, {@link angularVelocityFromRotation}); default the constant
   * {@link EARTH_ROTATION_RATE} about +Z.
   */
  readonly angularVelocity?: AngularVelocityProvider;
}

/** Earth's nominal rotation rate, rad/s (GMAT's FK5 rate with zero length-of-day excess). */
export const EARTH_ROTATION_RATE = 7.292115146706979e-5;

const DEFAULT_OMEGA: readonly number[] = [0, 0, EARTH_ROTATION_RATE];

/**
 * MSISE-90 state per atmosphere object: GMAT's model keeps a sticky switch (3-hourly Ap once the
 * Ap array varied) and common-block values across calls, so each atmosphere carries its own.
 */
const MSISE_STATE = new WeakMap<DragAtmosphere, Msise90Model>();

function msiseModel(atm: DragAtmosphere): Msise90Model {
  let model = MSISE_STATE.get(atm);
  if (!model) {
    model = new Msise90Model();
    MSISE_STATE.set(atm, model);
  }
  return model;
}

/**
 * Earth's angular velocity in EarthMJ2000Eq axes from the body-fixed rotation and its rate, as
 * GMAT's `AtmosphereModel::BuildAngularVelocity` rebuilds it at every density call: with
 * `M = R^T` (fixed -> inertial, GMAT's `GetLastRotationMatrix`) and `Mdot = Rdot^T`, the body-frame
 * vector is read off `M^T Mdot` and rotated to inertial axes, `w = M w_body`. It is the rotation
 * rate `w_E (1 - LOD)` about the true pole (with polar motion), so in 2026 it leans about 0.36 deg
 * from EarthMJ2000Eq +Z through precession.
 *
 * @param r EarthMJ2000Eq -> Earth-fixed rotation, row-major (`r_fixed = R r`).
 * @param rDot Its time derivative, row-major, 1/s.
 * @param out Receives the angular velocity, rad/s.
 * @returns `out`.
 */
export function angularVelocityFromRotation(
  r: ArrayLike<number>,
  rDot: ArrayLike<number>,
  out: Float64Array = new Float64Array(3),
): Float64Array {
  // M(i, j) = R(j, i) = r[3 j + i]; Mdot(i, j) = rDot[3 j + i]. GMAT's operation order.
  const in0 = r[6] * rDot[3] + r[7] * rDot[4] + r[8] * rDot[5];
  const in1 = r[0] * rDot[6] + r[1] * rDot[7] + r[2] * rDot[8];
  const in2 = r[3] * rDot[0] + r[4] * rDot[1] + r[5] * rDot[2];
  out[0] = r[0] * in0 + r[3] * in1 + r[6] * in2;
  out[1] = r[1] * in0 + r[4] * in1 + r[7] * in2;
  out[2] = r[2] * in0 + r[5] * in1 + r[8] * in2;
  return out;
}

/**
 * Checks a drag model's spacecraft numbers as GMAT's `BuildPrefactors` does.
 *
 * @param model The model.
 */
export function checkDragModel(model: DragModel): void {
  if (!(model.massKg > 0)) {
    throw new DragSettingError(
      `Spacecraft mass ${model.massKg} kg is non-physical; drag needs a positive mass ` +
        `(set DryMass plus tank masses above 0).`,
    );
  }
  if (!(model.cd >= 0) || !(model.areaM2 >= 0)) {
    throw new DragSettingError(
      `Drag needs Cd >= 0 and DragArea >= 0 m^2 (got Cd ${model.cd}, area ${model.areaM2}).`,
    );
  }
}

/**
 * Atmospheric density at a position and epoch, as GMAT's drag force computes it.
 *
 * @param model The drag model.
 * @param epochA1 A1 epoch, GMAT MJD.
 * @param rKm EarthMJ2000Eq position, km.
 * @returns Density, kg/m^3.
 */
export function dragDensity(model: DragModel, epochA1: number, rKm: ArrayLike<number>): number {
  const geo = model.geodetic(epochA1, rKm);
  const atm = model.atmosphere;
  switch (atm.model) {
    case "Exponential":
      return exponentialDensity({ heightKm: geo.heightKm }, atm.bands);
    case "JacchiaRoberts": {
      const utcMjd = convertMjd(epochA1, "A1", "UTC");
      const w = jacchiaWeather(atm.weather, utcMjd);
      return jacchiaRobertsDensity({
        heightKm: geo.heightKm,
        latDeg: geo.latDeg,
        positionKm: rKm,
        sunKm: atm.sun(epochA1),
        utcMjd,
        f107: w.f107,
        f107a: w.f107a,
        kp: w.kp,
      });
    }
    case "MSISE90": {
      const utcMjd = convertMjd(epochA1, "A1", "UTC");
      const w = msiseWeather(atm.weather, utcMjd);
      const { iyd, sec } = gmatMsiseTime(utcMjd);
      return msise90Density({
        iyd,
        sec,
        altKm: geo.heightKm,
        latDeg: geo.latDeg,
        lonDeg: geo.lonDeg,
        lstHours: sec / 3600 + geo.lonDeg / 15,
        f107a: w.f107a,
        f107: w.f107,
        ap: w.ap,
      }, msiseModel(atm));
    }
  }
}

/**
 * The drag acceleration for a known density (the force law alone).
 *
 * @param state EarthMJ2000Eq `[x, y, z, vx, vy, vz]`, km and km/s.
 * @param density Atmospheric density, kg/m^3.
 * @param cd Drag coefficient.
 * @param areaM2 Drag area, m^2.
 * @param massKg Mass, kg.
 * @param omega Earth's angular velocity, EarthMJ2000Eq, rad/s.
 * @param out Optional output buffer (length 3).
 * @returns Acceleration, km/s^2.
 */
export function dragAccelerationForDensity(
  state: ArrayLike<number>,
  density: number,
  cd: number,
  areaM2: number,
  massKg: number,
  omega: ArrayLike<number> = DEFAULT_OMEGA,
  out: Float64Array = new Float64Array(3),
): Float64Array {
  const [x, y, z] = [state[0], state[1], state[2]];
  const vx = state[3] - (omega[1] * z - omega[2] * y);
  const vy = state[4] - (omega[2] * x - omega[0] * z);
  const vz = state[5] - (omega[0] * y - omega[1] * x);
  const vrel = Math.sqrt(vx * vx + vy * vy + vz * vz);
  const factor = -500.0 * cd * areaM2 / massKg * density * vrel;
  out[0] = factor * vx;
  out[1] = factor * vy;
  out[2] = factor * vz;
  return out;
}

/**
 * GMAT's drag acceleration at an epoch and state.
 *
 * @param model The drag model.
 * @param epochA1 A1 epoch, GMAT MJD.
 * @param state EarthMJ2000Eq `[x, y, z, vx, vy, vz]`, km and km/s.
 * @param out Optional output buffer (length 3).
 * @returns Acceleration, km/s^2.
 */
export function dragAcceleration(
  model: DragModel,
  epochA1: number,
  state: ArrayLike<number>,
  out: Float64Array = new Float64Array(3),
): Float64Array {
  const density = dragDensity(model, epochA1, state);
  const omega = model.angularVelocity ? model.angularVelocity(epochA1) : DEFAULT_OMEGA;
  return dragAccelerationForDensity(
    state,
    density,
    model.cd,
    model.areaM2,
    model.massKg,
    omega,
    out,
  );
}
