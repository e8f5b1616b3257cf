/**
 * Earth-centred MJ2000Eq states of the Sun, the Moon and the planets from a DE file, formed the
 * way GMAT's `DeFile::GetPosVel` forms them (GMAT's J2000 body is the Earth):
 * - Earth: zero.
 * - Luna: the DE file's Moon, which is already geocentric.
 * - any other body B: B - (EMB - Moon / (EMRAT + 1)), i.e. B's barycentric state minus the Earth's
 *   barycentric state, the Earth being recovered from the Earth-Moon barycentre (EMB) and the
 *   geocentric Moon with the file's Earth/Moon mass ratio EMRAT.
 *
 * The DE frame (ICRF, realised by DE405's J2000 equator and equinox) is used as GMAT's MJ2000Eq
 * without rotation, as GMAT does. Epochs are GMAT MJDs in TDB.
 *
 * @module
 */

import { ChebyshevEvaluator } from "./chebyshev.ts";
import type { DeFile } from "./de_file.ts";
import { EMB_INDEX, MOON_INDEX } from "./de_format.ts";

/** The bodies with an ephemeris, by their GMAT names. */
export const EPHEMERIS_BODIES = [
  "Sun",
  "Mercury",
  "Venus",
  "Earth",
  "Luna",
  "Mars",
  "Jupiter",
  "Saturn",
  "Uranus",
  "Neptune",
  "Pluto",
] as const;

/** A body GMAT reads from the DE file, by its GMAT name. */
export type EphemerisBody = typeof EPHEMERIS_BODIES[number];

/** Index in `DE_TARGETS` of each body; the Earth has none (-1: it is the origin). */
export const DE_TARGET_OF: Readonly<Record<EphemerisBody, number>> = Object.freeze({
  Mercury: 0,
  Venus: 1,
  Earth: -1,
  Mars: 3,
  Jupiter: 4,
  Saturn: 5,
  Uranus: 6,
  Neptune: 7,
  Pluto: 8,
  Luna: MOON_INDEX,
  Sun: 10,
});

/** Whether `name` is one of {@link EPHEMERIS_BODIES} (case-sensitive, as in GMAT). */
export function isEphemerisBody(name: string): name is EphemerisBody {
  return Object.hasOwn(DE_TARGET_OF, name);
}

/**
 * Geocentric positions and velocities from a DE file, allocation-free after construction.
 *
 * @example The Sun and the Moon seen from the Earth on 1 Jan 2026 (TDB)
 * ```ts
 * import { loadDeFile } from "./de_file.ts";
 * import { GeocentricEphemeris } from "./geocentric.ts";
 * const ephemeris = new GeocentricEphemeris(await loadDeFile());
 * const sun = new Float64Array(6);
 * ephemeris.state("Sun", 31041.5008, sun); // km, km/s, EarthMJ2000Eq
 * ```
 */
export class GeocentricEphemeris {
  /** The file evaluated. */
  readonly de: DeFile;
  readonly #evaluator: ChebyshevEvaluator;
  readonly #body = new Float64Array(6);
  readonly #emb = new Float64Array(6);
  readonly #moon = new Float64Array(6);
  readonly #moonFactor: number;

  /** @param de The parsed DE file. */
  constructor(de: DeFile) {
    this.de = de;
    this.#evaluator = new ChebyshevEvaluator(de);
    this.#moonFactor = de.emrat + 1.0;
  }

  /**
   * The state of `body` relative to the Earth at `tdbMjd` (km, km/s, MJ2000Eq axes).
   *
   * @param body GMAT body name.
   * @param tdbMjd Epoch, GMAT MJD in TDB.
   * @param out Receives x, y, z, vx, vy, vz from `offset`.
   * @param offset First index written.
   * @throws {EphemerisError} `EPHEMERIS_SPAN` outside the file's records.
   */
  state(body: EphemerisBody, tdbMjd: number, out: Float64Array, offset = 0): void {
    this.#geocentric(DE_TARGET_OF[body], tdbMjd, out, offset, true);
  }

  /**
   * Positions of several targets relative to the Earth at one epoch; the Earth-Moon barycentre
   * and the Moon are evaluated once for all of them.
   *
   * @param targets `DE_TARGETS` indices (see {@link DE_TARGET_OF}; -1 gives the zero vector).
   * @param tdbMjd Epoch, GMAT MJD in TDB.
   * @param out Receives 3 components per target, in order.
   * @throws {EphemerisError} `EPHEMERIS_SPAN` outside the file's records.
   */
  positions(targets: ArrayLike<number>, tdbMjd: number, out: Float64Array): void {
    let earthNeeded = false;
    for (let i = 0; i < targets.length; i++) {
      if (targets[i] >= 0 && targets[i] !== MOON_INDEX) earthNeeded = true;
    }
    const evaluator = this.#evaluator;
    const moon = this.#moon;
    const emb = this.#emb;
    const body = this.#body;
    evaluator.state(MOON_INDEX, tdbMjd, moon, 0, false);
    if (earthNeeded) evaluator.state(EMB_INDEX, tdbMjd, emb, 0, false);
    const f = this.#moonFactor;
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i];
      const o = 3 * i;
      if (target < 0) {
        out[o] = out[o + 1] = out[o + 2] = 0.0;
      } else if (target === MOON_INDEX) {
        out[o] = moon[0];
        out[o + 1] = moon[1];
        out[o + 2] = moon[2];
      } else {
        evaluator.state(target, tdbMjd, body, 0, false);
        out[o] = body[0] - (emb[0] - moon[0] / f);
        out[o + 1] = body[1] - (emb[1] - moon[1] / f);
        out[o + 2] = body[2] - (emb[2] - moon[2] / f);
      }
    }
  }

  #geocentric(target: number, tdb: number, out: Float64Array, o: number, vel: boolean): void {
    const n = vel ? 6 : 3;
    if (target < 0) {
      for (let k = 0; k < n; k++) out[o + k] = 0.0;
      return;
    }
    const evaluator = this.#evaluator;
    if (target === MOON_INDEX) {
      evaluator.state(target, tdb, out, o, vel);
      return;
    }
    const body = this.#body;
    const emb = this.#emb;
    const moon = this.#moon;
    evaluator.state(target, tdb, body, 0, vel);
    evaluator.state(EMB_INDEX, tdb, emb, 0, vel);
    evaluator.state(MOON_INDEX, tdb, moon, 0, vel);
    const f = this.#moonFactor;
    for (let k = 0; k < n; k++) out[o + k] = body[k] - (emb[k] - moon[k] / f);
  }
}
