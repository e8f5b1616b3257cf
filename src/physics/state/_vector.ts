/**
 * Private 3-vector helpers over plain tuples, for the state module.
 *
 * @module
 */

/** A 3-vector. */
export type V3 = [number, number, number];

/** Dot product. */
export function dot(a: readonly number[], b: readonly number[]): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/** Cross product. */
export function cross(a: readonly number[], b: readonly number[]): V3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** Euclidean norm. */
export function norm(a: readonly number[]): number {
  return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
}

/** Position and velocity of a 6-state as tuples. */
export function split(s: ArrayLike<number>): { r: V3; v: V3 } {
  if (s.length < 6) throw new RangeError(`A Cartesian state needs 6 components, got ${s.length}`);
  return { r: [s[0], s[1], s[2]], v: [s[3], s[4], s[5]] };
}

/** The eccentricity vector ((v^2 - mu/r) r - (r.v) v) / mu. */
export function eccentricityVector(r: V3, v: V3, mu: number): V3 {
  const rMag = norm(r);
  const v2 = dot(v, v);
  const rv = dot(r, v);
  const c = v2 - mu / rMag;
  return [(c * r[0] - rv * v[0]) / mu, (c * r[1] - rv * v[1]) / mu, (c * r[2] - rv * v[2]) / mu];
}

/** acos with its argument clamped to [-1, 1] (GMAT clamps values within 1e-11 of the bounds). */
export function acosClamped(x: number): number {
  return Math.acos(Math.min(1, Math.max(-1, x)));
}

/** Degrees per radian. */
export const DEG = 180 / Math.PI;

/** Wraps an angle in degrees into [0, 360). */
export function wrapDegrees(a: number): number {
  const w = a % 360;
  const r = w < 0 ? w + 360 : w;
  return r >= 360 ? 0 : r;
}

/** Wraps an angle in radians into [0, 2 pi). */
export function wrapRadians(a: number): number {
  const twoPi = 2 * Math.PI;
  const w = a % twoPi;
  const r = w < 0 ? w + twoPi : w;
  return r >= twoPi ? 0 : r;
}
