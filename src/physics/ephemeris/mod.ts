/**
 * The planetary ephemeris GMAT R2026a uses by default, JPL DE405 (1960-2060, shipped in
 * `data/ephemeris/`): loading it once per caller-held context, Chebyshev evaluation at TDB
 * epochs, and Earth-centred MJ2000Eq states of the Sun, the Moon and the planets formed as GMAT
 * forms them.
 *
 * @module
 */

export { EphemerisError, type EphemerisErrorCode } from "./ephemeris_error.ts";
export {
  DE_TARGETS,
  type DeBodyLayout,
  type DeHeader,
  type DeTarget,
  EMB_INDEX,
  MOON_INDEX,
  SUN_INDEX,
} from "./de_format.ts";
export { DE405_URL, type DeFile, EphemerisContext, loadDeFile, parseDeFile } from "./de_file.ts";
export { ChebyshevEvaluator, checkSpan } from "./chebyshev.ts";
export {
  DE_TARGET_OF,
  EPHEMERIS_BODIES,
  type EphemerisBody,
  GeocentricEphemeris,
  isEphemerisBody,
} from "./geocentric.ts";
export { a1StateFunction } from "./a1_state.ts";
