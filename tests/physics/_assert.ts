/**
 * Test helper: tolerance assertions with messages that show both values.
 *
 * @module
 */

import assert from "node:assert/strict";

/** Asserts |actual - expected| <= rtol * |expected| + atol. */
export function assertClose(
  actual: number,
  expected: number,
  { rtol = 0, atol = 0 }: { rtol?: number; atol?: number },
  label = "",
): void {
  const diff = Math.abs(actual - expected);
  assert.ok(
    diff <= rtol * Math.abs(expected) + atol,
    `${label}: got ${actual}, expected ${expected} (diff ${diff}, rtol ${rtol}, atol ${atol})`,
  );
}

/** Asserts two angles in degrees agree modulo 360 within `tol` degrees. */
export function assertAngleClose(actual: number, expected: number, tol: number, label = ""): void {
  let d = (actual - expected) % 360;
  if (d > 180) d -= 360;
  if (d < -180) d += 360;
  assert.ok(
    Math.abs(d) <= tol,
    `${label}: got ${actual} deg, expected ${expected} deg (diff ${d} deg, tol ${tol})`,
  );
}

/** Euclidean distance of the first three components of two states. */
export function positionDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Relative difference |a - b| / |b| of 3-vectors (positions or velocities at `offset`). */
export function relativeVectorDifference(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  offset: number,
): number {
  const d = Math.hypot(
    a[offset] - b[offset],
    a[offset + 1] - b[offset + 1],
    a[offset + 2] - b[offset + 2],
  );
  return d / Math.hypot(b[offset], b[offset + 1], b[offset + 2]);
}
