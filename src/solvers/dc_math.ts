/**
 * The arithmetic of GMAT's DifferentialCorrector (`CalculateJacobian`, the Broyden and modified
 * Broyden updates, and the step of `CalculateParameters`), with GMAT's operations in GMAT's order
 * so that the results carry GMAT's bits. Matrices use GMAT's orientation: `jacobian[variable][goal]`
 * and `inverse[goal][variable]`.
 *
 * @module
 */

import type { Matrix } from "./gmat_matrix.ts";

/**
 * The finite-difference Jacobian: forward/backward `(achieved - nominal) / (direction * p)` (the
 * direction is the one GMAT recorded, whatever step was actually taken), central
 * `(achieved - backAchieved) / (2 p)`.
 */
export function finiteDifferenceJacobian(
  achieved: Matrix,
  backAchieved: Matrix,
  nominal: readonly number[],
  perturbation: readonly number[],
  direction: readonly number[],
  central: boolean,
): number[][] {
  return perturbation.map((p, i) =>
    nominal.map((n, j) => {
      let d: number;
      if (central) {
        d = achieved[i][j] - backAchieved[i][j];
        d /= 2.0 * p;
      } else {
        d = achieved[i][j] - n;
        d /= direction[i] * p;
      }
      return d;
    })
  );
}

/**
 * Broyden's update of the Jacobian from the previous one: with `s = x - x_prev` and
 * `y = f - f_prev`, `J += (y - J s) s^T / (s^T s)`.
 */
export function broydenJacobian(
  saved: Matrix,
  variable: readonly number[],
  savedVariable: readonly number[],
  nominal: readonly number[],
  savedNominal: readonly number[],
): number[][] {
  const n = variable.length;
  const m = nominal.length;
  const s = new Array<number>(n);
  let denom = 0.0;
  for (let i = 0; i < n; i++) {
    s[i] = variable[i] - savedVariable[i];
    denom += s[i] * s[i];
  }
  const numerator = new Array<number>(m);
  for (let g = 0; g < m; g++) {
    numerator[g] = nominal[g] - savedNominal[g];
    for (let v = 0; v < n; v++) numerator[g] += -saved[v][g] * s[v];
  }
  return saved.map((row, v) => row.map((x, g) => x + numerator[g] * s[v] / denom));
}

/**
 * The modified Broyden update, applied to the inverse: with `H` the previous inverse,
 * `H += (s - H y) (s^T H) / (s^T H y)`.
 */
export function modifiedBroydenInverse(
  saved: Matrix,
  variable: readonly number[],
  savedVariable: readonly number[],
  nominal: readonly number[],
  savedNominal: readonly number[],
): number[][] {
  const n = variable.length;
  const m = nominal.length;
  const s = variable.map((x, i) => x - savedVariable[i]);
  const y = nominal.map((x, j) => x - savedNominal[j]);
  const hy = new Array<number>(n);
  for (let v = 0; v < n; v++) {
    hy[v] = 0.0;
    for (let g = 0; g < m; g++) hy[v] += saved[g][v] * y[g];
  }
  let denom = 0.0;
  for (let v = 0; v < n; v++) denom += hy[v] * s[v];
  const w = new Array<number>(m);
  for (let g = 0; g < m; g++) {
    w[g] = 0.0;
    for (let v = 0; v < n; v++) w[g] += saved[g][v] * s[v];
    w[g] /= denom;
  }
  const diff = new Array<number>(n);
  for (let v = 0; v < n; v++) {
    diff[v] = s[v];
    for (let g = 0; g < m; g++) diff[v] -= saved[g][v] * y[g];
  }
  return saved.map((row, g) => row.map((h, v) => h + diff[v] * w[g]));
}

/** The limits of a variable for a step, scaled. */
export interface StepLimits {
  readonly maxStep: number;
  readonly min: number;
  readonly max: number;
}

/**
 * GMAT's step: `delta = H (goal - nominal)`, scaled as a whole by the largest factor <= 1 that
 * keeps every `|delta_i|` within its MaxStep, then each variable clamped to its bounds.
 *
 * @returns The new (scaled) variable values.
 */
export function limitedNewtonStep(
  variable: readonly number[],
  inverse: Matrix,
  goal: readonly number[],
  nominal: readonly number[],
  limits: readonly StepLimits[],
): number[] {
  const delta = variable.map((_, i) => {
    let d = 0.0;
    for (let j = 0; j < goal.length; j++) d += inverse[j][i] * (goal[j] - nominal[j]);
    return d;
  });
  let multiplier = 1.0;
  delta.forEach((d, i) => {
    if (Math.abs(d) > limits[i].maxStep) {
      const limit = Math.abs(limits[i].maxStep / d);
      if (limit < multiplier) multiplier = limit;
    }
  });
  return variable.map((x, i) => {
    let next = x;
    next += delta[i] * multiplier;
    if (next < limits[i].min) next = limits[i].min;
    if (next > limits[i].max) next = limits[i].max;
    return next;
  });
}
