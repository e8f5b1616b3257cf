/**
 * GMAT R2026a's `RelativisticCorrection = On` acceleration for an Earth-centred spacecraft
 * (`RelativisticCorrection::GetDerivatives`): the post-Newtonian terms of IERS Conventions 2010
 * eq. 10.12 with beta = gamma = 1, all three always on.
 *
 * With mu = Earth's GM, c = 299792.458 km/s, r, v the spacecraft state relative to Earth
 * (MJ2000Eq):
 * - Schwarzschild: mu / (c^2 r^3) * ((4 mu / r - v^2) r + 4 (r . v) v);
 * - de Sitter (geodesic): 2 (Omega x v), Omega = (3/2) V x (-mu_sun R / (c^2 |R|^3)), where R, V
 *   is Earth's geometric state relative to the Sun (DE405, from the Sun provider: R = -r_sun,
 *   V = -v_sun) and mu_sun = 132712440017.99 km^3/s^2 (`STAR_MU`);
 * - Lense-Thirring: 2 mu / (c^2 r^3) * ((3 / r^2)(r x v)(r . J) + v x J), where J is Earth's
 *   angular momentum per unit mass as GMAT models it: a uniform sphere, |J| = (2/5) R_E^2 omega
 *   (R_E = 6378.1363 km, omega = 7.29211514670698e-5 rad/s times (1 - LOD/86400)), along Earth's
 *   body-fixed z axis expressed in MJ2000Eq. (IERS uses 9.8e8 m^2/s; GMAT's is 1.187e9 m^2/s.)
 *
 * GMAT takes the pole from its FK5 ITRF rotation (with polar motion) and omega from the EOP LOD.
 * The default pole here is the true pole of date from `frames/earth_tilt.ts` (within about 0.5
 * arcsecond of GMAT's) refreshed every 60 s, and LOD is taken as 0: both change the acceleration by
 * under 1e-8 of the Lense-Thirring term, itself about 1.5 % of the total at LEO.
 *
 * @module
 */

import { A1_MINUS_TAI, EARTH_MU, EARTH_RADIUS, TT_MINUS_TAI } from "../constants.ts";
import { j2000ToTrueOfDate } from "../frames/earth_tilt.ts";
import type { BodyStateProvider } from "./body_ephemeris.ts";
import { ForceModelError } from "./force_model_error.ts";

/** GMAT's speed of light in km/s (`SPEED_OF_LIGHT_VACUUM * M_TO_KM`). */
export const SPEED_OF_LIGHT_KM_S = 299792.458;

/** GMAT's Sun gravitational parameter (`STAR_MU`), km^3/s^2. */
export const SUN_MU = 132712440017.99;

/** GMAT's Earth rotation rate before the LOD correction, rad/s. */
export const EARTH_ROTATION_RATE = 7.29211514670698e-5;

const C2 = SPEED_OF_LIGHT_KM_S * SPEED_OF_LIGHT_KM_S;
const SECONDS_PER_DAY = 86400;

/**
 * Writes Earth's body-fixed z axis (unit vector, MJ2000Eq) at an A1 epoch into `out[0..2]`.
 */
export type EarthPoleProvider = (epochA1: number, out: Float64Array) => void;

/**
 * The Schwarzschild term: mu / (c^2 r^3) ((4 mu / r - v^2) r + 4 (r . v) v), km/s^2.
 *
 * @param mu Central body GM, km^3/s^2.
 * @param state Array with position (km) and velocity (km/s) at `offset`.
 * @param offset Index of the x component.
 * @param out Receives the acceleration in `out[0..2]`.
 */
export function schwarzschild(
  mu: number,
  state: ArrayLike<number>,
  offset: number,
  out: Float64Array,
): void {
  const x = state[offset], y = state[offset + 1], z = state[offset + 2];
  const vx = state[offset + 3], vy = state[offset + 4], vz = state[offset + 5];
  const r = Math.sqrt(x * x + y * y + z * z);
  const v2 = vx * vx + vy * vy + vz * vz;
  const s1 = mu / (C2 * r * r * r);
  const radial = (4 * mu) / r - v2;
  const along = 4 * (x * vx + y * vy + z * vz);
  out[0] = s1 * (radial * x + along * vx);
  out[1] = s1 * (radial * y + along * vy);
  out[2] = s1 * (radial * z + along * vz);
}

/**
 * The de Sitter (geodesic precession) term: 2 (Omega x v) with
 * Omega = (3/2) V x (-sunMu R / (c^2 |R|^3)), km/s^2.
 *
 * @param sunMu Sun GM, km^3/s^2.
 * @param sunState Geometric Sun state relative to Earth: position (km) and velocity (km/s).
 * @param state Array with the spacecraft velocity at `offset + 3..5`.
 * @param offset Index of the spacecraft's x component.
 * @param out Receives the acceleration in `out[0..2]`.
 */
export function deSitter(
  sunMu: number,
  sunState: ArrayLike<number>,
  state: ArrayLike<number>,
  offset: number,
  out: Float64Array,
): void {
  // Earth relative to the Sun.
  const rx = -sunState[0], ry = -sunState[1], rz = -sunState[2];
  const wx = -sunState[3], wy = -sunState[4], wz = -sunState[5];
  const d = Math.sqrt(rx * rx + ry * ry + rz * rz);
  const k = -sunMu / (C2 * d * d * d);
  const px = k * rx, py = k * ry, pz = k * rz;
  const ox = 1.5 * (wy * pz - wz * py);
  const oy = 1.5 * (wz * px - wx * pz);
  const oz = 1.5 * (wx * py - wy * px);
  const vx = state[offset + 3], vy = state[offset + 4], vz = state[offset + 5];
  out[0] = 2 * (oy * vz - oz * vy);
  out[1] = 2 * (oz * vx - ox * vz);
  out[2] = 2 * (ox * vy - oy * vx);
}

/**
 * The Lense-Thirring term: 2 mu / (c^2 r^3) ((3 / r^2)(r x v)(r . J) + v x J), km/s^2.
 *
 * @param mu Central body GM, km^3/s^2.
 * @param j Angular momentum per unit mass of the central body, MJ2000Eq, km^2/s.
 * @param state Array with position (km) and velocity (km/s) at `offset`.
 * @param offset Index of the x component.
 * @param out Receives the acceleration in `out[0..2]`.
 */
export function lenseThirring(
  mu: number,
  j: ArrayLike<number>,
  state: ArrayLike<number>,
  offset: number,
  out: Float64Array,
): void {
  const x = state[offset], y = state[offset + 1], z = state[offset + 2];
  const vx = state[offset + 3], vy = state[offset + 4], vz = state[offset + 5];
  const jx = j[0], jy = j[1], jz = j[2];
  const r2 = x * x + y * y + z * z;
  const r = Math.sqrt(r2);
  const k = (2 * mu) / (C2 * r2 * r);
  const rj = (3 / r2) * (x * jx + y * jy + z * jz);
  out[0] = k * (rj * (y * vz - z * vy) + (vy * jz - vz * jy));
  out[1] = k * (rj * (z * vx - x * vz) + (vz * jx - vx * jz));
  out[2] = k * (rj * (x * vy - y * vx) + (vx * jy - vy * jx));
}

/**
 * The default pole: Earth's true pole of date (IAU-1976 precession, IAU-1980 nutation's largest
 * terms), recomputed when the epoch moves by more than 60 s.
 */
export function truePoleOfDate(): EarthPoleProvider {
  let last = Number.NaN;
  const pole = new Float64Array(3);
  const a1ToTtDays = (TT_MINUS_TAI - A1_MINUS_TAI) / SECONDS_PER_DAY;
  return (epochA1, out) => {
    if (!(Math.abs(epochA1 - last) * SECONDS_PER_DAY <= 60)) {
      // r_TOD = M r_J2000, so the TOD z axis in J2000 axes is M's third row.
      const m = j2000ToTrueOfDate(epochA1 + a1ToTtDays);
      pole[0] = m[6];
      pole[1] = m[7];
      pole[2] = m[8];
      last = epochA1;
    }
    out[0] = pole[0];
    out[1] = pole[1];
    out[2] = pole[2];
  };
}

/** Settings of {@link RelativisticCorrection}. */
export interface RelativityOptions {
  /** Geometric Sun state relative to Earth (MJ2000Eq): 6 components, km and km/s. */
  readonly sun: BodyStateProvider;
  /** Earth GM, km^3/s^2 (default 398600.4415). */
  readonly mu?: number;
  /** Sun GM, km^3/s^2 (default 132712440017.99). */
  readonly sunMu?: number;
  /** Earth equatorial radius for J, km (default 6378.1363). */
  readonly bodyRadius?: number;
  /** Earth rotation rate for J, rad/s (default 7.29211514670698e-5, i.e. LOD = 0). */
  readonly spinRate?: number;
  /** Earth's spin axis (default {@link truePoleOfDate}). */
  readonly pole?: EarthPoleProvider;
}

function checkPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new ForceModelError(
      `RelativisticCorrection: ${name} must be a positive number, got ${value}`,
    );
  }
}

/**
 * GMAT's relativistic correction for Earth-centred spacecraft (Schwarzschild + de Sitter +
 * Lense-Thirring). Allocation-free after construction (given a Sun provider that does not
 * allocate).
 */
export class RelativisticCorrection {
  /** Earth GM, km^3/s^2. */
  readonly mu: number;
  /** Sun GM, km^3/s^2. */
  readonly sunMu: number;
  /** |J| = (2/5) R^2 omega, km^2/s. */
  readonly angularMomentum: number;

  readonly #sun: BodyStateProvider;
  readonly #pole: EarthPoleProvider;
  readonly #j = new Float64Array(3);
  readonly #term = new Float64Array(3);

  /**
   * Creates the force.
   *
   * @param options Sun provider and constants (GMAT's defaults).
   * @throws {ForceModelError} For a non-positive constant.
   */
  constructor(options: RelativityOptions) {
    this.mu = options.mu ?? EARTH_MU;
    this.sunMu = options.sunMu ?? SUN_MU;
    const radius = options.bodyRadius ?? EARTH_RADIUS;
    const spin = options.spinRate ?? EARTH_ROTATION_RATE;
    checkPositive("mu", this.mu);
    checkPositive("the Sun's mu", this.sunMu);
    checkPositive("the body radius", radius);
    checkPositive("the spin rate", spin);
    this.angularMomentum = 0.4 * radius * radius * spin;
    this.#sun = options.sun;
    this.#pole = options.pole ?? truePoleOfDate();
  }

  /**
   * Adds the correction for every spacecraft into a derivative vector laid out as
   * `[x, y, z, vx, vy, vz]` per spacecraft (acceleration goes to indices 3..5 of each block).
   *
   * @param epochA1 Epoch of the evaluation, A1 modified Julian date.
   * @param y State vector relative to Earth (km, km/s).
   * @param dydt Derivative vector to add into.
   * @param count Number of spacecraft in `y`.
   * @throws {ForceModelError} If the Sun provider returns no velocity.
   */
  addDerivatives(epochA1: number, y: ArrayLike<number>, dydt: Float64Array, count = 1): void {
    const sun = this.#prepare(epochA1);
    for (let i = 0; i < count; i++) this.#accumulate(sun, y, 6 * i, dydt, 6 * i + 3, true);
  }

  /**
   * Writes the correction (km/s^2) for the spacecraft state at `state[offset..+5]` into
   * `out[outOffset..+2]`.
   *
   * @param epochA1 Epoch of the evaluation, A1 modified Julian date.
   * @param state Array with position (km) and velocity (km/s) relative to Earth.
   * @param offset Index of the x component.
   * @param out Receives the acceleration.
   * @param outOffset Where to write in `out`.
   * @throws {ForceModelError} If the Sun provider returns no velocity.
   */
  acceleration(
    epochA1: number,
    state: ArrayLike<number>,
    offset: number,
    out: Float64Array,
    outOffset: number,
  ): void {
    this.#accumulate(this.#prepare(epochA1), state, offset, out, outOffset, false);
  }

  #prepare(epochA1: number): Float64Array {
    const sun = this.#sun(epochA1);
    if (sun.length < 6) {
      throw new ForceModelError(
        "RelativisticCorrection needs the Sun's velocity: the Sun provider must return " +
          `6 components (km, km/s), got ${sun.length}`,
      );
    }
    this.#pole(epochA1, this.#j);
    const j = this.#j;
    j[0] *= this.angularMomentum;
    j[1] *= this.angularMomentum;
    j[2] *= this.angularMomentum;
    return sun;
  }

  #accumulate(
    sun: Float64Array,
    state: ArrayLike<number>,
    offset: number,
    out: Float64Array,
    outOffset: number,
    add: boolean,
  ): void {
    const t = this.#term;
    schwarzschild(this.mu, state, offset, t);
    let ax = t[0], ay = t[1], az = t[2];
    deSitter(this.sunMu, sun, state, offset, t);
    ax += t[0];
    ay += t[1];
    az += t[2];
    lenseThirring(this.mu, this.#j, state, offset, t);
    ax += t[0];
    ay += t[1];
    az += t[2];
    if (add) {
      out[outOffset] += ax;
      out[outOffset + 1] += ay;
      out[outOffset + 2] += az;
    } else {
      out[outOffset] = ax;
      out[outOffset + 1] = ay;
      out[outOffset + 2] = az;
    }
  }
}
