/**
 * Test helper: an independent, textbook evaluation of a spherical-harmonic potential, used as the
 * reference for the Pines acceleration of `harmonic_gravity.ts`.
 *
 * U = mu/r sum_{n>=1} (R/r)^n sum_m Pbar(n,m)(sin phi) (C cos m lambda + S sin m lambda),
 * with the fully normalised associated Legendre functions from the standard forward-column
 * recursions (Holmes & Featherstone 2002, eqs. 11-13):
 *   Pbar(1,1) = sqrt(3) cos phi,  Pbar(m,m) = sqrt((2m+1)/(2m)) cos phi Pbar(m-1,m-1),
 *   Pbar(n,m) = a(n,m) sin phi Pbar(n-1,m) - b(n,m) Pbar(n-2,m),
 *   a = sqrt((2n-1)(2n+1)/((n-m)(n+m))), b = sqrt((2n+1)(n+m-1)(n-m-1)/((n-m)(n+m)(2n-3))).
 * Only the harmonic part (n >= 1) is returned; the central term mu/r is left out so that finite
 * differences of small high-degree contributions keep their precision.
 *
 * @module
 */

/** Coefficients in the layout of `GravityCoefficients` (index n * (order + 1) + m). */
export interface ReferenceCoefficients {
  readonly mu: number;
  readonly radius: number;
  readonly order: number;
  readonly c: Float64Array;
  readonly s: Float64Array;
}

/**
 * The harmonic part of the potential (km^2/s^2) at body-fixed (x, y, z), km, to degree/order.
 */
export function harmonicPotential(
  coefs: ReferenceCoefficients,
  degree: number,
  order: number,
  x: number,
  y: number,
  z: number,
): number {
  const r = Math.hypot(x, y, z);
  const sinPhi = z / r;
  const cosPhi = Math.hypot(x, y) / r;
  const lambda = Math.atan2(y, x);
  const p: number[][] = [];
  for (let n = 0; n <= degree; n++) p.push(new Array(n + 1).fill(0));
  p[0][0] = 1;
  for (let m = 0; m <= order; m++) {
    if (m >= 1) {
      p[m][m] = m === 1
        ? Math.sqrt(3) * cosPhi
        : Math.sqrt((2 * m + 1) / (2 * m)) * cosPhi * p[m - 1][m - 1];
    }
    for (let n = m + 1; n <= degree; n++) {
      const a = Math.sqrt(((2 * n - 1) * (2 * n + 1)) / ((n - m) * (n + m)));
      const b = n - 2 >= m
        ? Math.sqrt(((2 * n + 1) * (n + m - 1) * (n - m - 1)) / ((n - m) * (n + m) * (2 * n - 3)))
        : 0;
      p[n][m] = a * sinPhi * p[n - 1][m] - (n - 2 >= m ? b * p[n - 2][m] : 0);
    }
  }
  let sum = 0;
  const w = coefs.order + 1;
  for (let n = 1; n <= degree; n++) {
    let inner = 0;
    for (let m = 0; m <= Math.min(n, order); m++) {
      const k = n * w + m;
      inner += p[n][m] * (coefs.c[k] * Math.cos(m * lambda) + coefs.s[k] * Math.sin(m * lambda));
    }
    sum += Math.pow(coefs.radius / r, n) * inner;
  }
  return coefs.mu / r * sum;
}

/** Central-difference gradient of {@link harmonicPotential} with step `h` km. */
export function harmonicGradient(
  coefs: ReferenceCoefficients,
  degree: number,
  order: number,
  pos: readonly number[],
  h: number,
): number[] {
  const g = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const plus = [...pos];
    const minus = [...pos];
    plus[i] += h;
    minus[i] -= h;
    g[i] = (harmonicPotential(coefs, degree, order, plus[0], plus[1], plus[2]) -
      harmonicPotential(coefs, degree, order, minus[0], minus[1], minus[2])) / (2 * h);
  }
  return g;
}
