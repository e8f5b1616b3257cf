/**
 * GMAT's calculated points: a `Barycenter` (the mass-weighted mean state of its bodies) and a
 * `LibrationPoint` (L1..L5 of a primary and secondary), as `Barycenter::GetMJ2000State` and
 * `LibrationPoint::GetMJ2000State` define them. States are MJ2000Eq about the Earth (km, km/s);
 * masses enter only as ratios, so gravitational parameters stand in for them (GMAT's masses are
 * mu / G with one G).
 *
 * The libration point: with r, v the secondary relative to the primary and
 * k = m2 / (m1 + m2), the collinear distance gamma (in units of |r|) is the root of GMAT's
 * quintic for the point, found by Newton's method from (k / (3 (1 - k)))^(1/3) (L1, L2) or 1
 * (L3) until successive iterates differ by at most 1e-8. In the rotating frame with X along r and
 * Z along r x v the point sits at (1 - gamma, 0), (1 + gamma, 0), (-gamma, 0), (1/2, +-sqrt(3)/2)
 * times |r|, and moves radially with the primaries' separation: its frame velocity is the same
 * vector times (r.v)/|r|. Its MJ2000Eq state is the primary's plus M p + Mdot p + M p' with the
 * rotation M and rate Mdot of that frame (GMAT's, with the relative acceleration as given; GMAT
 * passes zero for celestial bodies).
 *
 * @module
 */

import { FrameError } from "./frame_error.ts";
import { objectReferencedRotation } from "./rotating_axes.ts";

/** GMAT's libration points. */
export type LibrationPointName = "L1" | "L2" | "L3" | "L4" | "L5";

/** The points, in GMAT's spelling. */
export const LIBRATION_POINTS: readonly LibrationPointName[] = ["L1", "L2", "L3", "L4", "L5"];

/** Newton's iteration stops when gamma moves by at most this (GMAT's CONVERGENCE_TOLERANCE). */
const CONVERGENCE_TOLERANCE = 1e-8;
/** Iterations before giving up (GMAT's MAX_ITERATIONS). */
const MAX_ITERATIONS = 2000;

/**
 * The collinear distance gamma of L1, L2 or L3 (from the secondary for L1/L2, from the primary
 * for L3, in units of the primaries' separation), by GMAT's Newton iteration.
 *
 * @param point L1, L2 or L3.
 * @param muStar m2 / (m1 + m2).
 * @returns gamma.
 * @throws {FrameError} `FRAME_DEGENERATE` when the iteration does not converge.
 */
export function collinearGamma(point: "L1" | "L2" | "L3", muStar: number): number {
  const m = muStar;
  let gamma = point === "L3" ? 1 : Math.cbrt(m / (3 * (1 - m)));
  for (let i = 0; i <= MAX_ITERATIONS; i++) {
    const g2 = gamma * gamma, g3 = g2 * gamma, g4 = g3 * gamma, g5 = g4 * gamma;
    let f: number, fDot: number;
    if (point === "L1") {
      f = g5 - (3 - m) * g4 + (3 - 2 * m) * g3 - m * g2 + 2 * m * gamma - m;
      fDot = 5 * g4 - 4 * (3 - m) * g3 + 3 * (3 - 2 * m) * g2 - 2 * m * gamma + 2 * m;
    } else if (point === "L2") {
      f = g5 + (3 - m) * g4 + (3 - 2 * m) * g3 - m * g2 - 2 * m * gamma - m;
      fDot = 5 * g4 + 4 * (3 - m) * g3 + 3 * (3 - 2 * m) * g2 - 2 * m * gamma - 2 * m;
    } else {
      f = g5 + (2 + m) * g4 + (1 + 2 * m) * g3 - (1 - m) * g2 - 2 * (1 - m) * gamma - (1 - m);
      fDot = 5 * g4 + 4 * (2 + m) * g3 + 3 * (1 + 2 * m) * g2 - 2 * (1 - m) * gamma -
        2 * (1 - m);
    }
    const next = gamma - f / fDot;
    const diff = Math.abs(next - gamma);
    gamma = next;
    if (diff <= CONVERGENCE_TOLERANCE) return gamma;
  }
  throw new FrameError(`libration point ${point}: gamma did not converge (mu* ${muStar})`);
}

/** The point's coordinates in the rotating frame, in units of the primaries' separation. */
export function librationPointFrameCoordinates(
  point: LibrationPointName,
  muStar: number,
): [number, number] {
  switch (point) {
    case "L1":
      return [1 - collinearGamma("L1", muStar), 0];
    case "L2":
      return [1 + collinearGamma("L2", muStar), 0];
    case "L3":
      return [-collinearGamma("L3", muStar), 0];
    case "L4":
      return [0.5, Math.sqrt(3) / 2];
    case "L5":
      return [0.5, -Math.sqrt(3) / 2];
  }
}

/**
 * The MJ2000Eq state of a libration point.
 *
 * @param point Which point.
 * @param primary The primary's MJ2000Eq state.
 * @param secondary The secondary's MJ2000Eq state.
 * @param muPrimary The primary's gravitational parameter (or mass).
 * @param muSecondary The secondary's, same units.
 * @param relAccel The secondary's acceleration relative to the primary (GMAT: zero).
 * @param name The point's name, for errors.
 * @returns A new 6-vector.
 * @throws {FrameError} `FRAME_DEGENERATE` for non-positive masses, coincident bodies or
 *   no relative motion.
 */
export function librationPointState(
  point: LibrationPointName,
  primary: ArrayLike<number>,
  secondary: ArrayLike<number>,
  muPrimary: number,
  muSecondary: number,
  relAccel: ArrayLike<number>,
  name: string,
): Float64Array {
  if (!(muPrimary > 1e-15) || !(muSecondary > 1e-15)) {
    throw new FrameError(
      `the masses of LibrationPoint ${name}'s primary and secondary must be positive`,
    );
  }
  const rel = [0, 1, 2, 3, 4, 5].map((k) => secondary[k] - primary[k]);
  const rMag = Math.hypot(rel[0], rel[1], rel[2]);
  if (rMag <= 1e-12) {
    throw new FrameError(
      `LibrationPoint ${name} is undefined: its primary and secondary are at the same place`,
    );
  }
  const muStar = muSecondary / (muPrimary + muSecondary);
  const [x, y] = librationPointFrameCoordinates(point, muStar);
  const p = [x * rMag, y * rMag, 0];
  const radialRate = (rel[0] * rel[3] + rel[1] * rel[4] + rel[2] * rel[5]) / rMag;
  const pDot = [x * radialRate, y * radialRate, 0];
  const { m, mDot } = objectReferencedRotation(rel, relAccel, { x: "R", z: "N" }, name);
  const out = new Float64Array(6);
  for (let i = 0; i < 3; i++) {
    const row = 3 * i;
    out[i] = primary[i] + m[row] * p[0] + m[row + 1] * p[1] + m[row + 2] * p[2];
    out[i + 3] = primary[i + 3] +
      mDot[row] * p[0] + mDot[row + 1] * p[1] + mDot[row + 2] * p[2] +
      m[row] * pDot[0] + m[row + 1] * pDot[1] + m[row + 2] * pDot[2];
  }
  return out;
}

/**
 * The MJ2000Eq state of a barycentre: sum_i (m_i / sum_j m_j) s_i.
 *
 * @param states The bodies' MJ2000Eq states.
 * @param masses Their gravitational parameters (or masses), same order.
 * @returns A new 6-vector.
 * @throws {FrameError} `FRAME_DEGENERATE` when there are no bodies or their total mass is not
 *   positive.
 */
export function barycenterState(
  states: readonly ArrayLike<number>[],
  masses: readonly number[],
): Float64Array {
  const total = masses.reduce((a, b) => a + b, 0);
  if (states.length === 0 || !(total > 0)) {
    throw new FrameError("a Barycenter needs at least one body with a positive mass");
  }
  const out = new Float64Array(6);
  states.forEach((s, i) => {
    const w = masses[i] / total;
    for (let k = 0; k < 6; k++) out[k] += w * s[k];
  });
  return out;
}
