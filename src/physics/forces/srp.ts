/**
 * GMAT R2026a's spherical ("cannonball") solar radiation pressure for Earth-centred spacecraft
 * (`SolarRadiationPressure::GetDerivatives`, `SrpModel = Spherical`).
 *
 * a = nu * (Flux / c) * (NominalSun / |r - r_sun|)^2 * Cr * A / m * 1e-3  [km/s^2]
 * along the unit vector from the Sun to the spacecraft, where
 * - Flux = 1367 W/m^2 (`SRP.Flux`, GMAT accepts 1200 < Flux < 1450) and c = 299792458 m/s, so the
 *   pressure `SRP.Flux_Pressure` = Flux / c = 4.5598e-6 N/m^2;
 * - NominalSun = 149597870.691 km (`SRP.Nominal_Sun`, 135e6 < value < 165e6);
 * - Cr, A (`SRPArea`, m^2) and m (`TotalMass`, kg) are the spacecraft's;
 * - r_sun is the geometric (not light-time corrected) DE405 Sun position relative to Earth at the
 *   derivative's own epoch, r the spacecraft position relative to Earth (MJ2000Eq);
 * - nu is the percent sunlight of `shadow.ts` when shadows are modelled (GMAT default: on, Earth
 *   only) and the spacecraft is farther from the Sun than the Sun's radius, else 1; nu <= 0 gives
 *   no acceleration.
 *
 * @module
 */

import type { BodyStateProvider } from "./body_ephemeris.ts";
import { ForceModelError } from "./force_model_error.ts";
import { type ShadowBody, ShadowModel, SUN_RADIUS } from "./shadow.ts";

/** GMAT's speed of light (`GmatPhysicalConstants::c`), m/s. */
export const SPEED_OF_LIGHT_M_S = 299792458.0;

/** GMAT's default solar flux at the nominal distance (`SRP.Flux`), W/m^2. */
export const DEFAULT_SOLAR_FLUX = 1367.0;

/** GMAT's default nominal Sun distance (`SRP.Nominal_Sun`), km. */
export const DEFAULT_NOMINAL_SUN = 149597870.691;

/** The spacecraft properties SRP reads. */
export interface SrpSpacecraft {
  /** Coefficient of reflectivity `Cr` (>= 0). */
  readonly cr: number;
  /** `SRPArea`, m^2 (>= 0). */
  readonly areaM2: number;
  /** `TotalMass` (dry mass plus tank masses), kg (> 0). */
  readonly massKg: number;
}

/** Settings of {@link SphericalSrp}, named after the GMAT script fields. */
export interface SrpOptions {
  /** Geometric Sun position relative to the central body (MJ2000Eq, km) at an A1 epoch. */
  readonly sun: BodyStateProvider;
  /** One entry per spacecraft, in state order. */
  readonly spacecraft: readonly SrpSpacecraft[];
  /** `SRP.Flux`, W/m^2 (default 1367; GMAT requires 1200 < Flux < 1450). */
  readonly flux?: number;
  /** `SRP.Nominal_Sun`, km (default 149597870.691; GMAT requires 135e6 < value < 165e6). */
  readonly nominalSun?: number;
  /** Whether shadows are modelled (GMAT's internal `modelShadows`, default true). */
  readonly shadows?: boolean;
  /** Name of the central body the states are relative to (default `Earth`); it always occults. */
  readonly centralBodyName?: string;
  /** Radius of the central body, km (default the Earth's shadow radius). */
  readonly centralBodyRadius?: number;
  /** `SRP.ExtraShadowBodies` (default none; the central body always occults). */
  readonly extraShadowBodies?: readonly ShadowBody[];
  /** Sun radius, km (default 695990). */
  readonly sunRadius?: number;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new ForceModelError(message);
}

function checkSpacecraft(sc: SrpSpacecraft, i: number): void {
  const where = `SRP spacecraft ${i}`;
  check(
    Number.isFinite(sc.massKg) && sc.massKg > 0,
    `${where}: TotalMass must be > 0 kg, got ${sc.massKg}; set DryMass (and tank masses)`,
  );
  check(Number.isFinite(sc.cr) && sc.cr >= 0, `${where}: Cr must be >= 0, got ${sc.cr}`);
  check(
    Number.isFinite(sc.areaM2) && sc.areaM2 >= 0,
    `${where}: SRPArea must be >= 0 m^2, got ${sc.areaM2}`,
  );
}

/**
 * Spherical SRP with GMAT's shadow model. Allocation-free after construction (given a provider
 * that does not allocate).
 *
 * @example
 * ```ts
 * import { SphericalSrp } from "./srp.ts";
 * const sunPos = new Float64Array([1.4959787e8, 0, 0]);
 * const srp = new SphericalSrp({
 *   sun: () => sunPos,
 *   spacecraft: [{ cr: 1.8, areaM2: 10, massKg: 500 }],
 * });
 * const acc = new Float64Array(3);
 * srp.acceleration(31041.5, new Float64Array([7000, 0, 0, 0, 7.5, 0]), 0, 0, acc, 0);
 * // acc ~ [-1.64e-10, 0, 0] km/s^2 (away from the Sun)
 * ```
 */
export class SphericalSrp {
  /** `SRP.Flux`, W/m^2. */
  readonly flux: number;
  /** `SRP.Flux_Pressure` = Flux / c, N/m^2. */
  readonly fluxPressure: number;
  /** `SRP.Nominal_Sun`, km. */
  readonly nominalSun: number;
  /** Whether shadows are modelled. */
  readonly shadows: boolean;
  /** The shadow model (central body plus extra shadow bodies). */
  readonly shadowModel: ShadowModel;

  readonly #sun: BodyStateProvider;
  /** Per spacecraft: Cr * A / m. */
  readonly #crAreaOverMass: Float64Array;

  /**
   * Creates the force.
   *
   * @param options Sun provider, spacecraft and SRP settings.
   * @throws {ForceModelError} For a setting outside GMAT's accepted range.
   */
  constructor(options: SrpOptions) {
    this.flux = options.flux ?? DEFAULT_SOLAR_FLUX;
    check(
      this.flux > 1200 && this.flux < 1450,
      `SRP.Flux must satisfy 1200 < Flux < 1450 W/m^2 (GMAT's bounds), got ${this.flux}`,
    );
    this.fluxPressure = this.flux / SPEED_OF_LIGHT_M_S;
    this.nominalSun = options.nominalSun ?? DEFAULT_NOMINAL_SUN;
    check(
      this.nominalSun > 135e6 && this.nominalSun < 165e6,
      "SRP.Nominal_Sun must satisfy 135e6 < value < 165e6 km (GMAT's bounds), got " +
        this.nominalSun,
    );
    this.shadows = options.shadows ?? true;
    this.shadowModel = new ShadowModel({
      sunRadius: options.sunRadius ?? SUN_RADIUS,
      centralBodyName: options.centralBodyName,
      centralBodyRadius: options.centralBodyRadius,
      extraBodies: options.extraShadowBodies,
    });
    check(options.spacecraft.length > 0, "SRP needs at least one spacecraft");
    options.spacecraft.forEach(checkSpacecraft);
    this.#sun = options.sun;
    this.#crAreaOverMass = Float64Array.from(
      options.spacecraft,
      (sc) => (sc.cr * sc.areaM2) / sc.massKg,
    );
  }

  /** Number of spacecraft this force was built for. */
  get count(): number {
    return this.#crAreaOverMass.length;
  }

  /**
   * Writes the SRP acceleration of spacecraft `index` (km/s^2) into `out[outOffset..+2]`.
   *
   * @param epochA1 Epoch of the evaluation, A1 modified Julian date.
   * @param state Array holding the spacecraft position relative to Earth (km) at `offset`.
   * @param offset Index of the x component in `state`.
   * @param index Which spacecraft (its Cr, area and mass).
   * @param out Receives the acceleration.
   * @param outOffset Where to write in `out`.
   * @returns The percent sunlight used (1 when shadows are off).
   */
  acceleration(
    epochA1: number,
    state: ArrayLike<number>,
    offset: number,
    index: number,
    out: Float64Array,
    outOffset: number,
  ): number {
    return this.#accelerate(
      epochA1,
      this.#sun(epochA1),
      state,
      offset,
      index,
      out,
      outOffset,
      false,
    );
  }

  /**
   * Adds the SRP acceleration of every spacecraft into a derivative vector laid out as
   * `[x, y, z, vx, vy, vz]` per spacecraft (acceleration goes to indices 3..5 of each block).
   *
   * @param epochA1 Epoch of the evaluation, A1 modified Julian date.
   * @param y State vector (positions relative to Earth, km).
   * @param dydt Derivative vector to add into.
   */
  addDerivatives(epochA1: number, y: ArrayLike<number>, dydt: Float64Array): void {
    const sun = this.#sun(epochA1);
    for (let i = 0; i < this.#crAreaOverMass.length; i++) {
      this.#accelerate(epochA1, sun, y, 6 * i, i, dydt, 6 * i + 3, true);
    }
  }

  #accelerate(
    epochA1: number,
    sun: ArrayLike<number>,
    state: ArrayLike<number>,
    offset: number,
    index: number,
    out: Float64Array,
    outOffset: number,
    add: boolean,
  ): number {
    const dx = state[offset] - sun[0];
    const dy = state[offset + 1] - sun[1];
    const dz = state[offset + 2] - sun[2];
    let dist = Math.sqrt(dx * dx + dy * dy + dz * dz);
    if (dist === 0) dist = 1;
    let nu = 1;
    if (this.shadows && this.shadowModel.sunRadius < dist) {
      nu = this.shadowModel.percentSun(epochA1, state, offset, sun);
    }
    if (!(nu > 0)) {
      // In full shadow GMAT writes exact zeros.
      if (!add) out[outOffset] = out[outOffset + 1] = out[outOffset + 2] = 0;
      return nu;
    }
    const ratio = this.nominalSun / dist;
    // m/s^2 -> km/s^2, then divide by the distance to make the direction a unit vector.
    const k = (nu * this.fluxPressure * ratio * ratio * this.#crAreaOverMass[index] * 1e-3) / dist;
    if (add) {
      out[outOffset] += k * dx;
      out[outOffset + 1] += k * dy;
      out[outOffset + 2] += k * dz;
    } else {
      out[outOffset] = k * dx;
      out[outOffset + 1] = k * dy;
      out[outOffset + 2] = k * dz;
    }
    return nu;
  }
}
