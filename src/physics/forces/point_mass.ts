/**
 * Point-mass (two-body) gravity of the central body for any number of spacecraft.
 *
 * For each spacecraft: d(r)/dt = v, d(v)/dt = -mu r / |r|^3 (km, km/s, km/s^2).
 *
 * @module
 */

import type { Derivatives } from "../integrators/settings.ts";

/**
 * Builds the derivative function of `count` spacecraft under point-mass gravity.
 *
 * @param mu Gravitational parameter of the central body, km^3/s^2.
 * @param count Number of spacecraft; the state holds 6 components per spacecraft.
 * @returns A {@link Derivatives} function (time-independent).
 *
 * @example
 * ```ts
 * import { pointMassDerivatives } from "./point_mass.ts";
 * const f = pointMassDerivatives(398600.4415, 1);
 * const dydt = new Float64Array(6);
 * f(0, new Float64Array([7000, 0, 0, 0, 7.5, 0]), dydt); // dydt[3] = -mu / 7000^2
 * ```
 */
export function pointMassDerivatives(mu: number, count: number): Derivatives {
  if (!(Number.isInteger(count) && count >= 1)) {
    throw new RangeError(`Spacecraft count must be an integer >= 1, got ${count}`);
  }
  const n = 6 * count;
  return (_t: number, y: Float64Array, dydt: Float64Array): void => {
    for (let i = 0; i < n; i += 6) {
      const x = y[i];
      const yy = y[i + 1];
      const z = y[i + 2];
      const r2 = x * x + yy * yy + z * z;
      const r = Math.sqrt(r2);
      const k = -mu / (r2 * r);
      dydt[i] = y[i + 3];
      dydt[i + 1] = y[i + 4];
      dydt[i + 2] = y[i + 5];
      dydt[i + 3] = k * x;
      dydt[i + 4] = k * yy;
      dydt[i + 5] = k * z;
    }
  };
}
