/**
 * GMAT R2026a's percent-sunlight ("shadow function") for a spacecraft: the conical umbra /
 * penumbra / antumbra model of Montenbruck & Gill section 3.4.2 that GMAT's SRP multiplies its
 * acceleration by (`ShadowState::FindShadowState`, `GetPercentSunInPenumbra`,
 * `SolarRadiationPressure::GetShadowStateFromAllBodies`).
 *
 * One occulting body, seen from the spacecraft:
 * - lit if the spacecraft is on the Sun side of the body's centre (position . sun direction > 0);
 * - lit if inside the Sun (distance <= Sun radius); dark if inside the body;
 * - apparent radii a = asin(R_sun / |sat->Sun|), b = asin(R_body / |body->sat|), apparent
 *   separation c = angle between sat->body and sat->Sun;
 * - a + b <= c: 1 (lit); c < b - a: 0 (umbra); |a - b| < c < a + b: penumbra,
 *   1 - overlap / (pi a^2) with the overlap of two flat disks of radii a, b at distance c;
 *   otherwise (c <= a - b): antumbra, 1 - b^2 / a^2.
 *
 * Several occulting bodies: the central body always, plus `SRP.ExtraShadowBodies` (empty by
 * default: GMAT does NOT use the Moon unless the script lists it). The result is the smallest
 * single-body value (0 ends the search early), except that when exactly two bodies are partial
 * and their apparent disks do not overlap each other (a1 + a2 < separation), it is p1 + p2 - 1.
 *
 * Radii are GMAT's `GmatSolarSystemDefaults`: Sun 695990 km, Earth 6378.1363 km, Luna 1738.2 km.
 *
 * One deliberate difference: acos and sqrt arguments are clamped to their domain. GMAT can get
 * NaN there from rounding (a spacecraft exactly on the Sun-body axis or exactly on a penumbra
 * edge), which it then treats inconsistently; the clamped value is the geometric limit.
 *
 * @module
 */

import { EARTH_RADIUS } from "../constants.ts";
import type { BodyStateProvider } from "./body_ephemeris.ts";
import { ForceModelError } from "./force_model_error.ts";

/** GMAT's Sun radius (`STAR_EQUATORIAL_RADIUS`), km. */
export const SUN_RADIUS = 695990.0;

/** GMAT's Moon (Luna) radius (`MOON_EQUATORIAL_RADIUS`), km. */
export const MOON_RADIUS = 1738.2;

/** GMAT's Earth equatorial radius, km (the occulting radius of Earth). */
export const EARTH_SHADOW_RADIUS = EARTH_RADIUS;

function clampedAcos(x: number): number {
  return Math.acos(x > 1 ? 1 : x < -1 ? -1 : x);
}

/**
 * GMAT's `FindShadowState` on components: p = body->sat, s = body->Sun, q = Sun->sat (km).
 */
function shadowCore(
  px: number,
  py: number,
  pz: number,
  sx: number,
  sy: number,
  sz: number,
  qx: number,
  qy: number,
  qz: number,
  sunRadius: number,
  bodyRadius: number,
): number {
  // Sunny side of the occulting body: always lit (only the sign matters, so no normalisation).
  if (px * sx + py * sy + pz * sz > 0) return 1;
  const satSun = Math.sqrt(qx * qx + qy * qy + qz * qz);
  const satBody = Math.sqrt(px * px + py * py + pz * pz);
  if (sunRadius >= satSun) return 1;
  if (bodyRadius >= satBody) return 0;
  const a = Math.asin(sunRadius / satSun);
  const b = Math.asin(bodyRadius / satBody);
  // Angle between sat->body (-p) and sat->Sun (-q).
  const c = clampedAcos((px * qx + py * qy + pz * qz) / (satBody * satSun));
  if (a + b <= c) return 1;
  if (c < b - a) return 0;
  if (Math.abs(a - b) < c && a + b > c) return penumbraFraction(a, b, c);
  return 1 - (b * b) / (a * a);
}

/** Visible fraction of a disk of radius a behind a disk of radius b at centre distance c. */
function penumbraFraction(a: number, b: number, c: number): number {
  const a2 = a * a;
  const b2 = b * b;
  const x = (c * c + a2 - b2) / (2 * c);
  const h2 = a2 - x * x;
  const y = h2 > 0 ? Math.sqrt(h2) : 0;
  const overlap = a2 * clampedAcos(x / a) + b2 * clampedAcos((c - x) / b) - c * y;
  return 1 - overlap / (Math.PI * a2);
}

/**
 * Percent sunlight (0..1) of a spacecraft with one occulting body, exactly as GMAT's
 * `ShadowState::FindShadowState` computes it.
 *
 * @param bodyToSat Occulting body to spacecraft, km (3 components read).
 * @param bodyToSun Occulting body to Sun, km.
 * @param sunToSat Sun to spacecraft, km.
 * @param sunRadius Sun radius, km (GMAT: {@link SUN_RADIUS}).
 * @param bodyRadius Occulting body radius, km.
 * @returns 1 in full sun, 0 in umbra, in between in penumbra or antumbra.
 *
 * @example Behind Earth, opposite the Sun
 * ```ts
 * import { EARTH_SHADOW_RADIUS, percentSunFromBody, SUN_RADIUS } from "./shadow.ts";
 * const sun = [1.496e8, 0, 0];
 * const sat = [-7000, 0, 0];
 * const sunToSat = [sat[0] - sun[0], 0, 0];
 * percentSunFromBody(sat, sun, sunToSat, SUN_RADIUS, EARTH_SHADOW_RADIUS); // 0
 * ```
 */
export function percentSunFromBody(
  bodyToSat: ArrayLike<number>,
  bodyToSun: ArrayLike<number>,
  sunToSat: ArrayLike<number>,
  sunRadius: number,
  bodyRadius: number,
): number {
  return shadowCore(
    bodyToSat[0],
    bodyToSat[1],
    bodyToSat[2],
    bodyToSun[0],
    bodyToSun[1],
    bodyToSun[2],
    sunToSat[0],
    sunToSat[1],
    sunToSat[2],
    sunRadius,
    bodyRadius,
  );
}

/** An extra occulting body (GMAT `SRP.ExtraShadowBodies` entry). */
export interface ShadowBody {
  /** GMAT body name, e.g. `Luna`. */
  readonly name: string;
  /** Equatorial radius used for the shadow, km (GMAT: {@link MOON_RADIUS} for Luna). */
  readonly radius: number;
  /** The body's position relative to Earth (MJ2000Eq, km) at an A1 epoch. */
  readonly position: BodyStateProvider;
}

/** Settings of {@link ShadowModel}. */
export interface ShadowModelOptions {
  /** Sun radius, km (default {@link SUN_RADIUS}). */
  readonly sunRadius?: number;
  /** Name of the central body (default `Earth`); it always occults. */
  readonly centralBodyName?: string;
  /** Radius of the central body, km (default {@link EARTH_SHADOW_RADIUS}). */
  readonly centralBodyRadius?: number;
  /** GMAT `SRP.ExtraShadowBodies` (default none). */
  readonly extraBodies?: readonly ShadowBody[];
}

function checkRadius(what: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new ForceModelError(
      `Shadow model: ${what} must be a positive number of km, got ${value}`,
    );
  }
}

/**
 * GMAT's `GetShadowStateFromAllBodies` for an Earth-centred spacecraft: the central body plus the
 * extra shadow bodies, combined as GMAT does. Allocation-free after construction.
 *
 * Positions are relative to Earth (the central body) in MJ2000Eq; GMAT's formula for other
 * central bodies mixes Earth- and central-body-relative vectors and is not reproduced.
 */
export class ShadowModel {
  /** Sun radius in use, km. */
  readonly sunRadius: number;
  /** Occulting bodies in GMAT's order: extra bodies as listed, then the central body. */
  readonly bodyNames: readonly string[];

  readonly #radius: Float64Array;
  readonly #providers: (BodyStateProvider | null)[];
  readonly #pos: Float64Array;
  readonly #partialIndex = new Int32Array(2);
  readonly #partialValue = new Float64Array(2);

  /**
   * Builds the occulting-body list the way GMAT does: extra bodies without duplicates and
   * without the Sun, then the central body if not already listed.
   *
   * @param options Sun radius, central body and extra bodies.
   * @throws {ForceModelError} For a non-positive radius.
   */
  constructor(options: ShadowModelOptions = {}) {
    this.sunRadius = options.sunRadius ?? SUN_RADIUS;
    checkRadius("the Sun radius", this.sunRadius);
    const central = options.centralBodyName ?? "Earth";
    const centralRadius = options.centralBodyRadius ?? EARTH_SHADOW_RADIUS;
    checkRadius(`the radius of ${central}`, centralRadius);
    const names: string[] = [];
    const radii: number[] = [];
    this.#providers = [];
    for (const body of options.extraBodies ?? []) {
      if (body.name === "Sun" || names.includes(body.name)) continue;
      const isCentral = body.name === central;
      const radius = isCentral ? centralRadius : body.radius;
      checkRadius(`the radius of ${body.name}`, radius);
      names.push(body.name);
      radii.push(radius);
      this.#providers.push(isCentral ? null : body.position);
    }
    if (!names.includes(central)) {
      names.push(central);
      radii.push(centralRadius);
      this.#providers.push(null);
    }
    this.bodyNames = Object.freeze(names);
    this.#radius = Float64Array.from(radii);
    this.#pos = new Float64Array(3 * names.length);
  }

  /**
   * Percent sunlight (0..1) of one spacecraft.
   *
   * @param epochA1 Epoch, A1 modified Julian date (for the extra bodies' positions).
   * @param sat Array holding the spacecraft position relative to Earth at `offset`, km.
   * @param offset Index of the x component in `sat`.
   * @param sun Sun position relative to Earth, km (3 components read).
   * @returns GMAT's combined percent sunlight.
   */
  percentSun(
    epochA1: number,
    sat: ArrayLike<number>,
    offset: number,
    sun: ArrayLike<number>,
  ): number {
    const x = sat[offset], y = sat[offset + 1], z = sat[offset + 2];
    const ux = sun[0], uy = sun[1], uz = sun[2];
    const qx = x - ux, qy = y - uy, qz = z - uz;
    const pos = this.#pos;
    let min = 1;
    let partials = 0;
    for (let j = 0; j < this.#radius.length; j++) {
      const provider = this.#providers[j];
      let bx = 0, by = 0, bz = 0;
      if (provider !== null) {
        const p = provider(epochA1);
        bx = p[0];
        by = p[1];
        bz = p[2];
      }
      pos[3 * j] = bx;
      pos[3 * j + 1] = by;
      pos[3 * j + 2] = bz;
      const ps = shadowCore(
        x - bx,
        y - by,
        z - bz,
        ux - bx,
        uy - by,
        uz - bz,
        qx,
        qy,
        qz,
        this.sunRadius,
        this.#radius[j],
      );
      if (ps < min) min = ps;
      if (min === 0) return 0;
      if (ps !== 1 && ps !== 0) {
        if (partials < 2) {
          this.#partialIndex[partials] = j;
          this.#partialValue[partials] = ps;
        }
        partials++;
      }
    }
    if (partials === 2 && this.#disksApart(x, y, z)) {
      return this.#partialValue[0] + this.#partialValue[1] - 1;
    }
    return min;
  }

  /** True when the two partial occulters' apparent disks do not overlap (GMT-6543 rule). */
  #disksApart(x: number, y: number, z: number): boolean {
    const pos = this.#pos;
    const i = 3 * this.#partialIndex[0];
    const k = 3 * this.#partialIndex[1];
    const ax = pos[i] - x, ay = pos[i + 1] - y, az = pos[i + 2] - z;
    const bx = pos[k] - x, by = pos[k + 1] - y, bz = pos[k + 2] - z;
    const da = Math.sqrt(ax * ax + ay * ay + az * az);
    const db = Math.sqrt(bx * bx + by * by + bz * bz);
    const a = Math.asin(this.#radius[this.#partialIndex[0]] / da);
    const b = Math.asin(this.#radius[this.#partialIndex[1]] / db);
    const c = clampedAcos((ax * bx + ay * by + az * bz) / (da * db));
    return a + b < c;
  }
}
