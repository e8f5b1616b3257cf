/**
 * GMAT's step-error norm (`ODEModel::EstimateError`): the error vector of a Runge-Kutta step is
 * split into 3-vectors (position, then velocity, per spacecraft); each triplet gets a scalar error
 * and the step error is the largest of them.
 *
 * With start = state at the start of the step, cand = candidate end state, d = error vector,
 * T = 0.1 (GMAT's relativeErrorThreshold):
 * - RSSStep: M = |cand - start|^2; error = |d| / sqrt(M) if M > T, else |d|.
 * - RSSState: M = |(cand + start) / 2|^2; same rule.
 * - LargestStep: M = sum |cand_k - start_k|; error = sum |d_k|, divided by M if M > T.
 * - LargestState: M = sum |(cand_k + start_k) / 2|; same rule.
 * - None: 0 (every step accepted, step size never changed).
 *
 * Quirk kept on purpose: the RSS modes compare the *squared* magnitude with 0.1, so a velocity
 * triplet whose change is below 0.316 km/s is judged in absolute km/s.
 *
 * @module
 */

import type { ErrorControl } from "./settings.ts";

/** GMAT's relativeErrorThreshold. */
export const RELATIVE_ERROR_THRESHOLD = 0.1;

/**
 * The scalar error of a step, as GMAT computes it.
 *
 * @param control The error-control mode.
 * @param start State at the start of the step.
 * @param cand Candidate state at the end of the step.
 * @param d Error estimate vector (same length, a multiple of 3).
 * @returns The largest triplet error (0 for `None`).
 */
export function errorNorm(
  control: ErrorControl,
  start: Float64Array,
  cand: Float64Array,
  d: Float64Array,
): number {
  if (control === "None") return 0;
  const t = RELATIVE_ERROR_THRESHOLD;
  let worst = 0;
  for (let i = 0; i + 2 < start.length; i += 3) {
    let mag: number;
    let err: number;
    switch (control) {
      case "RSSStep":
      case "RSSState": {
        const state = control === "RSSState";
        const v0 = state ? 0.5 * (cand[i] + start[i]) : cand[i] - start[i];
        const v1 = state ? 0.5 * (cand[i + 1] + start[i + 1]) : cand[i + 1] - start[i + 1];
        const v2 = state ? 0.5 * (cand[i + 2] + start[i + 2]) : cand[i + 2] - start[i + 2];
        mag = v0 * v0 + v1 * v1 + v2 * v2;
        err = d[i] * d[i] + d[i + 1] * d[i + 1] + d[i + 2] * d[i + 2];
        err = mag > t ? Math.sqrt(err / mag) : Math.sqrt(err);
        break;
      }
      case "LargestStep":
      case "LargestState": {
        const state = control === "LargestState";
        const f = (k: number) =>
          state ? Math.abs(0.5 * (cand[k] + start[k])) : Math.abs(cand[k] - start[k]);
        mag = f(i) + f(i + 1) + f(i + 2);
        err = Math.abs(d[i]) + Math.abs(d[i + 1]) + Math.abs(d[i + 2]);
        if (mag > t) err = err / mag;
        break;
      }
    }
    if (err > worst) worst = err;
  }
  return worst;
}
