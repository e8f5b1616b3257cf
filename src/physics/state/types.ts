/**
 * The orbit-state types shared by the physics layer.
 *
 * @module
 */

/**
 * A Cartesian state: `[x, y, z, vx, vy, vz]` in km and km/s, in the axes of the central body's
 * inertial frame (EarthMJ2000Eq for Earth).
 */
export type Vec6 = Float64Array;

/**
 * Classical Keplerian elements, GMAT convention.
 *
 * `sma` is negative for hyperbolic orbits. Angles are in degrees; GMAT reports them in [0, 360)
 * (inclination in [0, 180]).
 */
export interface Keplerian {
  /** Semi-major axis, km (negative for a hyperbola). */
  sma: number;
  /** Eccentricity (dimensionless). */
  ecc: number;
  /** Inclination, degrees. */
  inc: number;
  /** Right ascension of the ascending node, degrees. */
  raan: number;
  /** Argument of periapsis, degrees. */
  aop: number;
  /** True anomaly, degrees. */
  ta: number;
}
