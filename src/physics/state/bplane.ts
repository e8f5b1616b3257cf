/**
 * B-plane coordinates of a hyperbolic state, as GMAT's `BplaneData` computes them (GMAT math
 * spec 2.11): eccentricity vector e, angular momentum h, n = h x e (unit vectors), semi-minor
 * axis b = h^2 / (mu sqrt(e^2 - 1)), incoming asymptote S = e/|e| + sqrt(1 - 1/e^2) n (unit e),
 * B = b (sqrt(1 - 1/e^2) e - n / |e|), T = (S_y, -S_x, 0) / |(S_x, S_y)|, R = S x T. The axes are
 * those the state is given in (GMAT's output coordinate system).
 *
 * @module
 */

/** GMAT's B-plane parameter names. */
export const BPLANE_PARAMETERS = ["BdotT", "BdotR", "BVectorMag", "BVectorAngle"] as const;

/** One of {@link BPLANE_PARAMETERS}. */
export type BPlaneParameter = typeof BPLANE_PARAMETERS[number];

/** B-plane coordinates: km, km, km, degrees. */
export type BPlane = Readonly<Record<BPlaneParameter, number>>;

/**
 * The B-plane coordinates of `state` (km, km/s) about a body of gravitational parameter `mu`.
 *
 * @throws {RangeError} When the orbit is not hyperbolic (GMAT: "eccentricity magnitude is <= 1").
 */
export function bPlane(state: ArrayLike<number>, mu: number): BPlane {
  const [x, y, z, vx, vy, vz] = Array.from(state);
  const r = Math.hypot(x, y, z), v2 = vx * vx + vy * vy + vz * vz;
  const rv = x * vx + y * vy + z * vz;
  const k = v2 - mu / r;
  let e = [(k * x - rv * vx) / mu, (k * y - rv * vy) / mu, (k * z - rv * vz) / mu];
  const eMag = Math.hypot(e[0], e[1], e[2]);
  if (!(eMag > 1)) {
    throw new RangeError(
      `B-plane parameters need a hyperbolic orbit about the coordinate system's origin; ` +
        `the eccentricity is ${eMag}`,
    );
  }
  e = e.map((c) => c / eMag);
  let h = [y * vz - z * vy, z * vx - x * vz, x * vy - y * vx];
  const hMag = Math.hypot(h[0], h[1], h[2]);
  h = h.map((c) => c / hMag);
  const n = [h[1] * e[2] - h[2] * e[1], h[2] * e[0] - h[0] * e[2], h[0] * e[1] - h[1] * e[0]];
  const b = hMag * hMag / (mu * Math.sqrt(eMag * eMag - 1));
  const inv = 1 / eMag;
  const t = Math.sqrt(1 - inv * inv);
  const s = [0, 1, 2].map((i) => e[i] / eMag + t * n[i]);
  const bv = [0, 1, 2].map((i) => b * (t * e[i] - inv * n[i]));
  const sxy = Math.sqrt(s[0] * s[0] + s[1] * s[1]);
  const tv = [s[1] / sxy, -s[0] / sxy, 0];
  const rvec = [
    s[1] * tv[2] - s[2] * tv[1],
    s[2] * tv[0] - s[0] * tv[2],
    s[0] * tv[1] - s[1] * tv[0],
  ];
  const bDotT = bv[0] * tv[0] + bv[1] * tv[1] + bv[2] * tv[2];
  const bDotR = bv[0] * rvec[0] + bv[1] * rvec[1] + bv[2] * rvec[2];
  return {
    BdotT: bDotT,
    BdotR: bDotR,
    BVectorMag: Math.sqrt(bDotT * bDotT + bDotR * bDotR),
    BVectorAngle: Math.atan2(bDotR, bDotT) * 180 / Math.PI,
  };
}
