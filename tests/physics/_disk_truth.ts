/**
 * Test helper: independent truth for shadow tests. Apparent angular radii and separations from
 * plain geometry, and the visible fraction of the solar disk found by counting the points of a
 * fine grid over the disk that no occulting disk covers (no closed-form overlap formula).
 *
 * @module
 */

/** A 3-vector as a plain tuple. */
export type V3 = readonly [number, number, number];

/** a - b. */
export function sub(a: V3, b: V3): V3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

/** a + k b. */
export function addScaled(a: V3, k: number, b: V3): V3 {
  return [a[0] + k * b[0], a[1] + k * b[1], a[2] + k * b[2]];
}

/** Dot product. */
export function dot(a: V3, b: V3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/** Cross product. */
export function cross(a: V3, b: V3): V3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** Euclidean norm. */
export function norm(a: V3): number {
  return Math.hypot(a[0], a[1], a[2]);
}

/** Angle between two vectors, radians (atan2 form, accurate near 0 and pi). */
export function angleBetween(a: V3, b: V3): number {
  return Math.atan2(norm(cross(a, b)), dot(a, b));
}

/** Apparent geometry seen from the spacecraft: Sun radius a, body radius b, separation c. */
export function apparent(
  sat: V3,
  sun: V3,
  body: V3,
  sunRadius: number,
  bodyRadius: number,
): { a: number; b: number; c: number } {
  const toSun = sub(sun, sat);
  const toBody = sub(body, sat);
  return {
    a: Math.asin(sunRadius / norm(toSun)),
    b: Math.asin(bodyRadius / norm(toBody)),
    c: angleBetween(toSun, toBody),
  };
}

/** An occulting disk in the plane of apparent angles: radius and centre (Sun at the origin). */
export interface Disk {
  readonly r: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Fraction of the solar disk (radius `a`, centred at the origin) not covered by any of `disks`,
 * by counting the midpoints of an n x n grid over the disk's bounding square.
 */
export function visibleFractionByGrid(a: number, disks: readonly Disk[], n = 4000): number {
  const h = (2 * a) / n;
  const scaled = disks.map((d) => ({ r2: (d.r / a) ** 2, x: d.x / a, y: d.y / a }));
  const hn = h / a;
  let inside = 0;
  let visible = 0;
  for (let i = 0; i < n; i++) {
    const y = -1 + (i + 0.5) * hn;
    for (let j = 0; j < n; j++) {
      const x = -1 + (j + 0.5) * hn;
      if (x * x + y * y > 1) continue;
      inside++;
      let covered = false;
      for (const d of scaled) {
        const dx = x - d.x, dy = y - d.y;
        if (dx * dx + dy * dy <= d.r2) {
          covered = true;
          break;
        }
      }
      if (!covered) visible++;
    }
  }
  return visible / inside;
}
