/**
 * Axes that move with two space points, as GMAT's `ObjectReferencedAxes` defines them, and the
 * transformation of a state between MJ2000Eq axes and any axes given by a rotation matrix and its
 * time derivative (GMAT's `AxisSystem::RotateTo/FromBaseSystem`).
 *
 * With r, v the secondary's position and velocity relative to the primary and a their relative
 * acceleration, the candidate directions are R = r/|r|, V = v/|v| and N = (r x v)/|r x v|, each
 * with its negative, and their rates
 *
 *   dR/dt = v/|r| - R (R.v)/|r|,  dV/dt = a/|v| - V (V.a)/|v|,
 *   dN/dt = (r x a)/|n| - N (N.(r x a))/|n|.
 *
 * Two of XAxis, YAxis, ZAxis are chosen; the third completes a right-handed triad
 * (Z = X x Y, Y = Z x X, X = Y x Z, with the product rule for its rate). The rotation matrix M
 * has the axes as columns (frame -> MJ2000Eq), Mdot their rates. GMAT's celestial bodies report
 * a zero acceleration (`SpacePoint::GetMJ2000Acceleration`), so the engine passes a = 0 for
 * body pairs, as GMAT does; the functions here take it as an argument.
 *
 * Transformations (origin state o, MJ2000Eq axes):
 *
 *   to the frame:   r' = M^T (r - o_r),  v' = Mdot^T (r - o_r) + M^T (v - o_v)
 *   from the frame: r = M r' + o_r,      v = Mdot r' + M v' + o_v
 *
 * @module
 */

import { FrameError } from "./frame_error.ts";

/** A direction GMAT's ObjectReferenced axes may be set to. */
export type ReferenceDirection = "R" | "V" | "N" | "-R" | "-V" | "-N";

/** The directions, in GMAT's spelling (GMAT also accepts lower case). */
export const REFERENCE_DIRECTIONS: readonly ReferenceDirection[] = [
  "R",
  "V",
  "N",
  "-R",
  "-V",
  "-N",
];

/** Whether `s` names a direction (case-insensitive, as GMAT reads it). */
export function isReferenceDirection(s: string): boolean {
  return (REFERENCE_DIRECTIONS as readonly string[]).includes(s.toUpperCase());
}

/** Which axes are given (two of the three; the third is their cross product). */
export interface ObjectReferencedAxesSpec {
  readonly x?: ReferenceDirection;
  readonly y?: ReferenceDirection;
  readonly z?: ReferenceDirection;
}

/** A rotation (frame -> MJ2000Eq, columns are the frame's axes) and its time derivative. */
export interface Rotation {
  /** Row-major 3x3. */
  readonly m: Float64Array;
  /** Row-major 3x3, per second. */
  readonly mDot: Float64Array;
}

type V3 = [number, number, number];

const cross = (a: V3, b: V3): V3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const norm = (a: V3) => Math.sqrt(dot(a, a));
const scale = (a: V3, k: number): V3 => [a[0] * k, a[1] * k, a[2] * k];
const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];

/** Unit vector u = w/|w| and its rate from w and dw/dt. */
function unitAndRate(w: V3, wDot: V3, mag: number): [V3, V3] {
  const u = scale(w, 1 / mag);
  return [u, add(scale(wDot, 1 / mag), scale(u, -dot(u, wDot) / mag))];
}

/** Below this length (km, km/s, km^2/s) an axis is undefined, as GMAT's MAGNITUDE_TOL. */
const MAGNITUDE_TOL = 1e-30;

/**
 * The rotation of ObjectReferenced axes.
 *
 * @param rel The secondary's state relative to the primary, MJ2000Eq (km, km/s).
 * @param relAccel Their relative acceleration (km/s^2); GMAT uses zero for celestial bodies.
 * @param spec Two of XAxis, YAxis, ZAxis.
 * @param name The coordinate system's name, for errors.
 * @returns The rotation and its rate.
 * @throws {FrameError} `FRAME_DEGENERATE` when r, v or r x v vanish, when not exactly two axes are
 *   given or two name the same direction.
 */
export function objectReferencedRotation(
  rel: ArrayLike<number>,
  relAccel: ArrayLike<number>,
  spec: ObjectReferencedAxesSpec,
  name: string,
): Rotation {
  const r: V3 = [rel[0], rel[1], rel[2]];
  const v: V3 = [rel[3], rel[4], rel[5]];
  const a: V3 = [relAccel[0], relAccel[1], relAccel[2]];
  const n = cross(r, v);
  const rMag = norm(r), vMag = norm(v), nMag = norm(n);
  if (rMag <= MAGNITUDE_TOL || vMag <= MAGNITUDE_TOL || nMag <= MAGNITUDE_TOL) {
    throw new FrameError(
      `object-referenced axes of ${name} are undefined: the secondary's position, velocity or ` +
        "angular momentum relative to the primary is zero; choose a primary and secondary that " +
        "move relative to each other",
    );
  }
  const ra = cross(r, a);
  const dirs: Record<string, [V3, V3]> = {
    R: unitAndRate(r, v, rMag),
    V: unitAndRate(v, a, vMag),
    N: unitAndRate(n, ra, nMag),
  };
  const pick = (d: ReferenceDirection | undefined): [V3, V3] | undefined => {
    if (d === undefined) return undefined;
    const key = d.toUpperCase();
    const [u, uDot] = dirs[key.replace("-", "")];
    return key.startsWith("-") ? [scale(u, -1), scale(uDot, -1)] : [u, uDot];
  };
  const given = [spec.x, spec.y, spec.z].filter((d) => d !== undefined).map((d) =>
    d.toUpperCase().replace("-", "")
  );
  if (given.length !== 2 || given[0] === given[1]) {
    throw new FrameError(
      `object-referenced axes of ${name} are improperly defined (XAxis ${spec.x ?? "unset"}, ` +
        `YAxis ${spec.y ?? "unset"}, ZAxis ${spec.z ?? "unset"}); set exactly two of them, ` +
        "to different directions among R, V, N",
    );
  }
  let x = pick(spec.x), y = pick(spec.y), z = pick(spec.z);
  if (!z) z = [cross(x![0], y![0]), add(cross(x![1], y![0]), cross(x![0], y![1]))];
  else if (!y) y = [cross(z[0], x![0]), add(cross(z[1], x![0]), cross(z[0], x![1]))];
  else x = [cross(y[0], z[0]), add(cross(y[1], z[0]), cross(y[0], z[1]))];
  const m = new Float64Array(9);
  const mDot = new Float64Array(9);
  [x!, y!, z!].forEach(([u, uDot], col) => {
    for (let row = 0; row < 3; row++) {
      m[3 * row + col] = u[row];
      mDot[3 * row + col] = uDot[row];
    }
  });
  return { m, mDot };
}

/**
 * A state in MJ2000Eq axes about the Earth, expressed in a frame.
 *
 * @param state MJ2000Eq state (km, km/s).
 * @param origin The frame origin's MJ2000Eq state.
 * @param rot The frame's rotation; undefined for MJ2000Eq axes.
 * @returns A new 6-vector in the frame.
 */
export function toFrame(
  state: ArrayLike<number>,
  origin: ArrayLike<number>,
  rot: Rotation | undefined,
): Float64Array {
  const out = new Float64Array(6);
  const d = [0, 1, 2, 3, 4, 5].map((k) => state[k] - origin[k]);
  if (!rot) {
    out.set(d);
    return out;
  }
  const { m, mDot } = rot;
  for (let i = 0; i < 3; i++) {
    // Row i of M^T is column i of M.
    out[i] = m[i] * d[0] + m[3 + i] * d[1] + m[6 + i] * d[2];
    out[i + 3] = mDot[i] * d[0] + mDot[3 + i] * d[1] + mDot[6 + i] * d[2] +
      m[i] * d[3] + m[3 + i] * d[4] + m[6 + i] * d[5];
  }
  return out;
}

/**
 * A state given in a frame, expressed in MJ2000Eq axes about the Earth.
 *
 * @param local State in the frame (km, km/s).
 * @param origin The frame origin's MJ2000Eq state.
 * @param rot The frame's rotation; undefined for MJ2000Eq axes.
 * @returns A new MJ2000Eq 6-vector.
 */
export function fromFrame(
  local: ArrayLike<number>,
  origin: ArrayLike<number>,
  rot: Rotation | undefined,
): Float64Array {
  const out = new Float64Array(6);
  if (!rot) {
    for (let k = 0; k < 6; k++) out[k] = local[k] + origin[k];
    return out;
  }
  const { m, mDot } = rot;
  for (let i = 0; i < 3; i++) {
    const row = 3 * i;
    out[i] = m[row] * local[0] + m[row + 1] * local[1] + m[row + 2] * local[2] + origin[i];
    out[i + 3] = mDot[row] * local[0] + mDot[row + 1] * local[1] + mDot[row + 2] * local[2] +
      m[row] * local[3] + m[row + 1] * local[4] + m[row + 2] * local[5] + origin[i + 3];
  }
  return out;
}

/**
 * A vector (a burn's delta-V) given in a frame's axes, in MJ2000Eq axes: M w, no translation and
 * no rate term.
 */
export function rotateToInertial(w: ArrayLike<number>, rot: Rotation | undefined): number[] {
  if (!rot) return [w[0], w[1], w[2]];
  const m = rot.m;
  return [0, 1, 2].map((i) => m[3 * i] * w[0] + m[3 * i + 1] * w[1] + m[3 * i + 2] * w[2]);
}
