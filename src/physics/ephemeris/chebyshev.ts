/**
 * Chebyshev evaluation of one DE target at a TDB epoch, as GMAT's `DeFile::Interpolate_State`
 * does it.
 *
 * Time argument: a GMAT MJD in TDB (JD - 2430000), the value GMAT passes after converting its A1
 * epoch (`DeFile::GetPosVel`, no `UseTTForEphemeris` override). Granule: the last one whose start
 * is strictly before t, as GMAT picks it; record: the one with start < t <= end (GMAT keeps its
 * current record while start <= t <= end, so exactly on a record boundary it may use either
 * neighbour; DE405's records join there to 3e-6 km); t on the very first record start uses that
 * record's first granule. Normalised time Tc = 2 (t - granule start) /
 * granule length - 1; position = sum over k of c_k T_k(Tc), with T_k by the forward recurrence and
 * summed from the highest degree down; velocity = sum c_k T_k'(Tc) times 2 G / span / 86400
 * (km/s; G = granules per record), in GMAT's order of operations.
 *
 * @module
 */

import { GMAT_MJD_JD_OFFSET, SECONDS_PER_DAY } from "../constants.ts";
import type { DeFile } from "./de_file.ts";
import { DE_TARGETS } from "./de_format.ts";
import { EphemerisError } from "./ephemeris_error.ts";
import { formatGregorian } from "../time/format_gregorian.ts";

/** Throws `EPHEMERIS_SPAN` unless `tdbMjd` lies within the file's records. */
export function checkSpan(de: DeFile, tdbMjd: number): void {
  if (tdbMjd >= de.startMjd && tdbMjd <= de.endMjd) return;
  const epoch = Number.isFinite(tdbMjd) ? ` (${formatGregorian(tdbMjd)} TDB)` : "";
  throw new EphemerisError(
    "EPHEMERIS_SPAN",
    `Epoch TDB MJD ${tdbMjd}${epoch} is outside the DE${de.deNumber} ephemeris, which covers ` +
      `TDB MJD ${de.startMjd} .. ${de.endMjd} (${formatGregorian(de.startMjd)} .. ` +
      `${formatGregorian(de.endMjd)} TDB, JD ${de.startMjd + GMAT_MJD_JD_OFFSET} .. ` +
      `${de.endMjd + GMAT_MJD_JD_OFFSET}); propagate within that span`,
  );
}

/**
 * Evaluates DE targets without allocating: holds the Chebyshev polynomial values of the last
 * evaluation as scratch. One evaluator per caller (it is not re-entrant, which plain synchronous
 * use never needs).
 *
 * @example The Sun relative to the solar system barycentre at J2000 TDB
 * ```ts
 * import { loadDeFile } from "./de_file.ts";
 * import { ChebyshevEvaluator } from "./chebyshev.ts";
 * const evaluator = new ChebyshevEvaluator(await loadDeFile());
 * const sun = new Float64Array(6);
 * evaluator.state(10, 21545.0, sun); // km and km/s
 * ```
 */
export class ChebyshevEvaluator {
  /** The file evaluated. */
  readonly de: DeFile;
  readonly #t: Float64Array;
  readonly #u: Float64Array;

  /** @param de The parsed DE file. */
  constructor(de: DeFile) {
    this.de = de;
    const most = Math.max(3, ...de.bodies.map((b) => b.coefficients));
    this.#t = new Float64Array(most);
    this.#u = new Float64Array(most);
  }

  /**
   * Evaluates target `target` (index in `DE_TARGETS`: 0 Mercury .. 8 Pluto, 2 the Earth-Moon
   * barycentre, 9 the geocentric Moon, 10 the Sun) at `tdbMjd`.
   *
   * Positions are km, relative to the solar system barycentre except the Moon (geocentric);
   * velocities km/s.
   *
   * @param target Target index.
   * @param tdbMjd Epoch, GMAT MJD in TDB.
   * @param out Receives x, y, z (and vx, vy, vz when `velocity`) from `offset`.
   * @param offset First index written in `out`.
   * @param velocity Whether to compute the velocity too.
   * @throws {EphemerisError} `EPHEMERIS_SPAN` outside the file's records.
   */
  state(target: number, tdbMjd: number, out: Float64Array, offset = 0, velocity = true): void {
    const de = this.de;
    checkSpan(de, tdbMjd);
    const body = de.bodies[target];
    if (body === undefined) {
      throw new RangeError(`DE target index ${target} is not one of 0..${DE_TARGETS.length - 1}`);
    }
    const span = de.spanDays;
    let record = Math.ceil((tdbMjd - de.startMjd) / span) - 1;
    if (record < 0) record = 0;
    if (record >= de.recordCount) record = de.recordCount - 1;
    const recordStart = de.startMjd + record * span;
    const g = body.granules;
    const n = body.coefficients;
    const sub = span / g;
    let granule = Math.ceil((tdbMjd - recordStart) / sub) - 1;
    if (granule < 0) granule = 0;
    if (granule >= g) granule = g - 1;
    const tc = 2.0 * (tdbMjd - (recordStart + granule * sub)) / sub - 1.0;
    const t = this.#t;
    const u = this.#u;
    t[0] = 1.0;
    t[1] = tc;
    t[2] = 2.0 * tc * tc - 1.0;
    u[0] = 0.0;
    u[1] = 1.0;
    u[2] = 4.0 * tc;
    for (let j = 3; j < n; j++) {
      t[j] = 2.0 * tc * t[j - 1] - t[j - 2];
      u[j] = 2.0 * tc * u[j - 1] + 2.0 * t[j - 1] - u[j - 2];
    }
    const c = de.coefficients;
    const base = record * de.recordLength + body.offset + 3 * granule * n;
    for (let i = 0; i < 3; i++) {
      const a = base + i * n;
      let sum = 0.0;
      for (let j = n - 1; j > -1; j--) sum = sum + c[a + j] * t[j];
      out[offset + i] = sum;
      if (velocity) {
        let rateSum = 0.0;
        for (let j = n - 1; j > 0; j--) rateSum = rateSum + c[a + j] * u[j];
        out[offset + 3 + i] = rateSum * 2.0 * g / span / SECONDS_PER_DAY;
      }
    }
  }
}
