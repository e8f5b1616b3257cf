/**
 * States of the Sun, the Moon and the planets relative to the Earth or to one another at A1
 * epochs, for everything that translates between origins: force models about a non-Earth central
 * body (GMAT's `ODEModel` moves the state to the force origin and back), coordinate systems whose
 * origin is not the Earth, and origin-dependent parameters (`Sat.Luna.SMA`).
 *
 * As GMAT's `SpacePoint::GetMJ2000State`, a body's state is relative to the J2000 body (the
 * Earth) in MJ2000Eq axes, read from DE405 at the A1 epoch converted to TDB; the state of B
 * relative to an origin O is B - O, both relative to the Earth.
 *
 * @module
 */

import { convertMjd } from "../time/convert_mjd.ts";
import type { DeFile } from "./de_file.ts";
import { type EphemerisBody, GeocentricEphemeris, isEphemerisBody } from "./geocentric.ts";

/** Body states read from one DE file; holds no state besides a scratch buffer. */
export class BodyStates {
  readonly #ephemeris: GeocentricEphemeris;
  readonly #scratch = new Float64Array(6);

  /** @param ephemeris The DE file, or a geocentric ephemeris over it. */
  constructor(ephemeris: DeFile | GeocentricEphemeris) {
    this.#ephemeris = ephemeris instanceof GeocentricEphemeris
      ? ephemeris
      : new GeocentricEphemeris(ephemeris);
  }

  /** Whether `name` is a body this reader knows (GMAT names, case-sensitive). */
  has(name: string): name is EphemerisBody {
    return isEphemerisBody(name);
  }

  /**
   * The state of `body` relative to `origin` (default the Earth), MJ2000Eq axes.
   *
   * @param body GMAT body name.
   * @param epochA1 Epoch, A1 modified Julian date.
   * @param out Receives x, y, z (km), vx, vy, vz (km/s); a new array when omitted.
   * @param origin GMAT body name of the origin.
   * @returns `out`.
   * @throws {EphemerisError} `EPHEMERIS_SPAN` outside the file's records.
   */
  state(
    body: EphemerisBody,
    epochA1: number,
    out: Float64Array = new Float64Array(6),
    origin: EphemerisBody = "Earth",
  ): Float64Array {
    if (body === origin) {
      out.fill(0, 0, 6);
      return out;
    }
    const tdb = convertMjd(epochA1, "A1", "TDB");
    if (body === "Earth") out.fill(0, 0, 6);
    else this.#ephemeris.state(body, tdb, out);
    if (origin !== "Earth") {
      const o = this.#scratch;
      this.#ephemeris.state(origin, tdb, o);
      for (let k = 0; k < 6; k++) out[k] -= o[k];
    }
    return out;
  }
}
