/**
 * Body states at A1 epochs: the DE405 reader behind a function of an A1 modified Julian date,
 * converting to TDB with GMAT's A1 -> TAI -> TT -> TDB chain as `DeFile::GetPosVel` does. This is
 * the shape the Sun- and Moon-dependent forces read body positions through
 * (`forces/body_ephemeris.ts`, `BodyStateProvider`).
 *
 * @module
 */

import { convertMjd } from "../time/convert_mjd.ts";
import type { DeFile } from "./de_file.ts";
import { type EphemerisBody, GeocentricEphemeris } from "./geocentric.ts";

/**
 * A function giving `body`'s Earth-centred MJ2000Eq state at an A1 MJD: `[x, y, z, vx, vy, vz]`
 * (km, km/s) in a buffer reused by every call (read it at once, never keep it).
 *
 * @param ephemeris The DE file, or a geocentric ephemeris over it.
 * @param body GMAT body name.
 * @throws {EphemerisError} `EPHEMERIS_SPAN` (from the returned function) outside the file.
 *
 * @example The Sun for SRP at the battery's start epoch
 * ```ts
 * import { loadDeFile } from "./de_file.ts";
 * import { a1StateFunction } from "./a1_state.ts";
 * const sun = a1StateFunction(await loadDeFile(), "Sun");
 * const state = sun(31041.50042863868); // km, km/s
 * ```
 */
export function a1StateFunction(
  ephemeris: DeFile | GeocentricEphemeris,
  body: EphemerisBody,
): (epochA1: number) => Float64Array {
  const geocentric = ephemeris instanceof GeocentricEphemeris
    ? ephemeris
    : new GeocentricEphemeris(ephemeris);
  const out = new Float64Array(6);
  return (epochA1: number): Float64Array => {
    geocentric.state(body, convertMjd(epochA1, "A1", "TDB"), out);
    return out;
  };
}
