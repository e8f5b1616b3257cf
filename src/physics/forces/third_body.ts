/**
 * Point-mass gravity of third bodies (Sun, Luna, planets, Earth) on spacecraft whose state is
 * relative to a central body (the force model's origin, default the Earth), as GMAT's
 * `PointMassForce::GetDerivatives` computes it.
 *
 * For each body B with gravitational parameter mu and position s relative to the central body
 * (B's geocentric position from the DE file at the TDB epoch of the derivative call minus the
 * central body's, see `../ephemeris/geocentric.ts`), and each spacecraft at r: a += mu (s - r) /
 * |s - r|^3 - mu s / |s|^3 (direct minus indirect term; the indirect term is dropped when s = 0,
 * which makes the central body in the list a central point mass). Order of operations
 * as GMAT: |s|^3 as sqrt(|s|^2 |s|^2 |s|^2), |s - r|^3 as |s - r|^2 sqrt(|s - r|^2).
 *
 * Time: a derivative call at elapsed time t (seconds since the propagation's start epoch, A1 MJD
 * `epochA1`) evaluates the ephemeris at A1 epoch epochA1 + t / 86400 converted to TDB with GMAT's
 * A1 -> TAI -> TT -> TDB chain (`../time/convert_mjd.ts`), as GMAT's point masses do.
 *
 * The force evaluation allocates nothing: its scratch arrays are made once by
 * {@link thirdBodyForce}.
 *
 * @module
 */

import { SECONDS_PER_DAY } from "../constants.ts";
import type { Derivatives } from "../integrators/settings.ts";
import { convertMjd } from "../time/convert_mjd.ts";
import type { DeFile } from "../ephemeris/de_file.ts";
import {
  DE_TARGET_OF,
  type EphemerisBody,
  GeocentricEphemeris,
  isEphemerisBody,
} from "../ephemeris/geocentric.ts";
import { GMAT_BODY_MU } from "./body_mu.ts";

/** How to build a {@link ThirdBodyForce}. */
export interface ThirdBodyOptions {
  /** The DE file (or a geocentric ephemeris over it) giving the bodies' positions. */
  readonly ephemeris: DeFile | GeocentricEphemeris;
  /** The point-mass bodies, GMAT names (`FM.PointMasses`), e.g. `["Sun", "Luna"]`. */
  readonly bodies: readonly EphemerisBody[];
  /** A1 MJD of elapsed time t = 0. */
  readonly epochA1: number;
  /** Number of spacecraft; the state holds 6 components per spacecraft (default 1). */
  readonly count?: number;
  /** The central body the spacecraft states are relative to (default `Earth`). */
  readonly centralBody?: EphemerisBody;
  /** Gravitational parameters overriding GMAT's defaults ({@link GMAT_BODY_MU}), km^3/s^2. */
  readonly mu?: Readonly<Partial<Record<EphemerisBody, number>>>;
}

/** Third-body point-mass accelerations ready for an integrator's derivative function. */
export interface ThirdBodyForce {
  /** The bodies, in the order their accelerations are added. */
  readonly bodies: readonly EphemerisBody[];
  /** Their gravitational parameters, km^3/s^2, same order. */
  readonly mu: readonly number[];
  /** A1 MJD of elapsed time t = 0. */
  readonly epochA1: number;
  /**
   * Adds the accelerations at elapsed time `t` to `dydt[6i + 3 .. 6i + 5]` of every spacecraft i
   * (other components untouched). Allocation-free.
   *
   * @throws {EphemerisError} `EPHEMERIS_SPAN` when the epoch is outside the ephemeris.
   */
  addTo(t: number, y: Float64Array, dydt: Float64Array): void;
}

/**
 * Builds the third-body force of `bodies` on `count` spacecraft centred on `centralBody`.
 *
 * @throws {RangeError} For an unknown body, a repeated body, a bad mu or count.
 *
 * @example Sun and Moon on a LEO at 1 Jan 2026, added to the Earth's point mass
 * ```ts
 * import { loadDeFile } from "../ephemeris/de_file.ts";
 * import { pointMassDerivatives } from "./point_mass.ts";
 * import { thirdBodyForce, withForces } from "./third_body.ts";
 * const force = thirdBodyForce({
 *   ephemeris: await loadDeFile(),
 *   bodies: ["Sun", "Luna"],
 *   epochA1: 31041.50042863868,
 * });
 * const f = withForces(pointMassDerivatives(398600.4415, 1), force);
 * const dydt = new Float64Array(6);
 * f(0, new Float64Array([6993, 0, 0, 0, 6.638, 3.604]), dydt);
 * ```
 */
export function thirdBodyForce(options: ThirdBodyOptions): ThirdBodyForce {
  const count = options.count ?? 1;
  if (!(Number.isInteger(count) && count >= 1)) {
    throw new RangeError(`Spacecraft count must be an integer >= 1, got ${count}`);
  }
  if (!Number.isFinite(options.epochA1)) {
    throw new RangeError(`Third-body start epoch must be a finite A1 MJD, got ${options.epochA1}`);
  }
  const bodies = [...options.bodies];
  const mu: number[] = [];
  for (const [i, body] of bodies.entries()) {
    if (!isEphemerisBody(body)) {
      throw new RangeError(
        `Point mass '${body}' has no ephemeris; use one of ${Object.keys(GMAT_BODY_MU).join(", ")}`,
      );
    }
    if (bodies.indexOf(body) !== i) throw new RangeError(`Point mass '${body}' is listed twice`);
    const value = options.mu?.[body] ?? GMAT_BODY_MU[body];
    if (!(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`Mu of ${body} must be a finite number >= 0, got ${value}`);
    }
    mu.push(value);
  }
  const ephemeris = options.ephemeris instanceof GeocentricEphemeris
    ? options.ephemeris
    : new GeocentricEphemeris(options.ephemeris);
  const central = options.centralBody ?? "Earth";
  if (!isEphemerisBody(central)) {
    throw new RangeError(`Central body '${central}' has no ephemeris`);
  }
  // The central body's own geocentric position comes last; the Earth's is zero (not read).
  const centred = central !== "Earth";
  const targets = Int32Array.from(
    centred ? [...bodies, central] : bodies,
    (b) => DE_TARGET_OF[b],
  );
  const positions = new Float64Array(3 * targets.length);
  const muArray = Float64Array.from(mu);
  const epochA1 = options.epochA1;
  const n = 6 * count;
  const nb = bodies.length;

  const addTo = (t: number, y: Float64Array, dydt: Float64Array): void => {
    if (nb === 0) return;
    const tdb = convertMjd(epochA1 + t / SECONDS_PER_DAY, "A1", "TDB");
    ephemeris.positions(targets, tdb, positions);
    if (centred) {
      const c = 3 * nb;
      for (let b = 0; b < 3 * nb; b += 3) {
        positions[b] -= positions[c];
        positions[b + 1] -= positions[c + 1];
        positions[b + 2] -= positions[c + 2];
      }
    }
    for (let b = 0; b < nb; b++) {
      const m = muArray[b];
      const sx = positions[3 * b];
      const sy = positions[3 * b + 1];
      const sz = positions[3 * b + 2];
      const s2 = sx * sx + sy * sy + sz * sz;
      let ix = 0.0;
      let iy = 0.0;
      let iz = 0.0;
      if (s2 !== 0.0) {
        const muS3 = m / Math.sqrt(s2 * s2 * s2);
        ix = muS3 * sx;
        iy = muS3 * sy;
        iz = muS3 * sz;
      }
      for (let i = 0; i < n; i += 6) {
        const dx = sx - y[i];
        const dy = sy - y[i + 1];
        const dz = sz - y[i + 2];
        let d3 = dx * dx + dy * dy + dz * dz;
        d3 *= Math.sqrt(d3);
        const muD3 = m / d3;
        dydt[i + 3] += dx * muD3 - ix;
        dydt[i + 4] += dy * muD3 - iy;
        dydt[i + 5] += dz * muD3 - iz;
      }
    }
  };
  return Object.freeze({
    bodies: Object.freeze(bodies),
    mu: Object.freeze(mu),
    epochA1,
    addTo,
  });
}

/**
 * A derivative function that runs `base` (which must set every component of `dydt`, as
 * `pointMassDerivatives` does) and then adds each force's accelerations, in order.
 *
 * @param base The central body's derivatives.
 * @param forces Forces adding accelerations (e.g. a {@link ThirdBodyForce}).
 */
export function withForces(
  base: Derivatives,
  ...forces: readonly Pick<ThirdBodyForce, "addTo">[]
): Derivatives {
  const adders = forces.map((f) => f.addTo);
  if (adders.length === 1) {
    const add = adders[0];
    return (t, y, dydt) => {
      base(t, y, dydt);
      add(t, y, dydt);
    };
  }
  return (t, y, dydt) => {
    base(t, y, dydt);
    for (let k = 0; k < adders.length; k++) adders[k](t, y, dydt);
  };
}
