/**
 * One uncontrolled step of an embedded pair, as GMAT's `RungeKutta::RawStep` /
 * `EstimateError` (first-order form) and `RungeKuttaNystrom::RawStep` / `EstimateError`
 * (second-order form) compute it: the candidate end state and the per-component error vector.
 *
 * Runge-Kutta (y' = f): k_i = h f(t + c_i h, y + sum_j a_ij k_j); candidate = y + sum b_i k_i;
 * error = sum e_i k_i.
 *
 * Runge-Kutta-Nystrom (r'' = a; state [r, v] per spacecraft): k_i = a(t + c_i h,
 * r + c_i h v + h^2 sum_j Abar_ij k_j), the stage velocity being the start velocity (GMAT only
 * advances the positions of the stage state); candidate r + h v + h^2 sum b_i k_i and
 * v + h sum bDot_i k_i; error h^2 sum e_i k_i (positions) and h sum eDot_i k_i (velocities).
 *
 * @module
 */

import type { ButcherTableau } from "./tableau.ts";
import type { Derivatives } from "./settings.ts";

/** A tableau in typed arrays, plus the scratch arrays of its stages. */
export interface StepWorkspace {
  /** Stage count. */
  readonly stages: number;
  /** State length. */
  readonly n: number;
  readonly c: Float64Array;
  readonly a: Float64Array[];
  readonly b: Float64Array;
  readonly e: Float64Array;
  /** Velocity weights (Nystrom pairs only). */
  readonly bDot?: Float64Array;
  /** Velocity error weights (Nystrom pairs only). */
  readonly eDot?: Float64Array;
  /** Stage slopes (h f for Runge-Kutta; accelerations in the position slots for Nystrom). */
  readonly k: Float64Array[];
  readonly stage: Float64Array;
  readonly f: Float64Array;
  /** Candidate end state of the last step. */
  readonly cand: Float64Array;
  /** Error vector of the last step. */
  readonly err: Float64Array;
}

/** Builds the workspace of `tableau` for a state of `n` components. */
export function createWorkspace(tableau: ButcherTableau, n: number): StepWorkspace {
  const v = (xs: readonly number[]) => Float64Array.from(xs);
  return {
    stages: tableau.stages,
    n,
    c: v(tableau.c),
    a: tableau.a.map(v),
    b: v(tableau.b),
    e: v(tableau.e),
    bDot: tableau.nystrom ? v(tableau.nystrom.bDot) : undefined,
    eDot: tableau.nystrom ? v(tableau.nystrom.eDot) : undefined,
    k: Array.from({ length: tableau.stages }, () => new Float64Array(n)),
    stage: new Float64Array(n),
    f: new Float64Array(n),
    cand: new Float64Array(n),
    err: new Float64Array(n),
  };
}

/** First-order Runge-Kutta raw step of size h from (t, y); fills `w.cand` and `w.err`. */
export function rungeKuttaStep(
  w: StepWorkspace,
  fn: Derivatives,
  t: number,
  y: Float64Array,
  h: number,
): void {
  const { stages, n, a, b, c, e, k, stage, f, cand, err } = w;
  for (let i = 0; i < stages; i++) {
    stage.set(y);
    const row = a[i];
    for (let j = 0; j < i; j++) {
      const aij = row[j];
      if (aij === 0) continue;
      const kj = k[j];
      for (let m = 0; m < n; m++) stage[m] += aij * kj[m];
    }
    fn(t + h * c[i], stage, f);
    const ki = k[i];
    for (let m = 0; m < n; m++) ki[m] = h * f[m];
  }
  cand.set(y);
  err.fill(0);
  for (let i = 0; i < stages; i++) {
    const bi = b[i];
    const ei = e[i];
    const ki = k[i];
    if (bi !== 0) { for (let m = 0; m < n; m++) cand[m] += bi * ki[m]; }
    if (ei !== 0) { for (let m = 0; m < n; m++) err[m] += ei * ki[m]; }
  }
}

/**
 * Runge-Kutta-Nystrom raw step of size h from (t, y) (y = [r, v] per spacecraft, n a multiple of
 * 6); fills `w.cand` and `w.err`.
 */
export function nystromStep(
  w: StepWorkspace,
  fn: Derivatives,
  t: number,
  y: Float64Array,
  h: number,
): void {
  const { stages, n, a, b, c, e, k, stage, f, cand, err } = w;
  const bDot = w.bDot!;
  const eDot = w.eDot!;
  const h2 = h * h;
  stage.set(y);
  for (let i = 0; i < stages; i++) {
    const row = a[i];
    for (let s = 0; s < n; s += 6) {
      for (let m = s; m < s + 3 && i > 0; m++) {
        let acc = 0;
        for (let j = 0; j < i; j++) acc += row[j] * k[j][m];
        stage[m] = y[m] + c[i] * h * y[m + 3] + h2 * acc;
      }
    }
    fn(t + h * c[i], stage, f);
    const ki = k[i];
    for (let s = 0; s < n; s += 6) {
      for (let m = s; m < s + 3; m++) ki[m] = f[m + 3];
    }
  }
  for (let s = 0; s < n; s += 6) {
    for (let m = s; m < s + 3; m++) {
      let r = y[m] + h * y[m + 3];
      let v = y[m + 3];
      let er = 0;
      let ev = 0;
      for (let j = 0; j < stages; j++) {
        const kj = k[j][m];
        if (b[j] !== 0) r += h2 * b[j] * kj;
        if (bDot[j] !== 0) v += h * bDot[j] * kj;
        er += h2 * e[j] * kj;
        ev += h * eDot[j] * kj;
      }
      cand[m] = r;
      cand[m + 3] = v;
      err[m] = er;
      err[m + 3] = ev;
    }
  }
}
