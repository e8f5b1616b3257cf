/**
 * Lagrange interpolation of ephemeris states at a requested time, as GMAT's `EphemerisFile` does
 * for a numeric `StepSize` (`LagrangeInterpolator`, `InterpolationOrder` 7 by default).
 *
 * Node choice, following GMAT's "put the requested time in the centre": with order n the
 * n + 1 nodes are the ones whose window has t in its middle — (n + 1)/2 nodes at or before t and
 * the rest after (for n = 7: four and four) — shifted inwards at either end of the data. With
 * fewer than n + 1 points all points are used (GMAT lowers the order the same way). GMAT's extra
 * buffering rules (waiting until t is near the centre of its ring buffer) belong to the writer,
 * not here.
 *
 * @module
 */

/**
 * Interpolates a state at time `t` from tabulated states.
 *
 * @param times Sample times, strictly increasing (any unit, e.g. seconds).
 * @param states Sample states, one array per time, all the same length.
 * @param t Requested time (normally within [times[0], times[last]]; outside, the end window is
 *   extrapolated).
 * @param order Polynomial order (GMAT default 7, i.e. 8 nodes).
 * @returns The interpolated state (a new array).
 * @throws {RangeError} On empty or inconsistent input, non-increasing times or order < 1.
 *
 * @example Order-3 interpolation of a cubic is exact
 * ```ts
 * import { lagrangeInterpolate } from "./lagrange_interpolate.ts";
 * const ts = [0, 1, 2, 3, 4];
 * const ys = ts.map((x) => new Float64Array([x ** 3]));
 * lagrangeInterpolate(ts, ys, 2.5, 3)[0]; // 15.625
 * ```
 */
export function lagrangeInterpolate(
  times: readonly number[],
  states: readonly ArrayLike<number>[],
  t: number,
  order = 7,
): Float64Array {
  const count = times.length;
  if (count === 0 || states.length !== count) {
    throw new RangeError(
      `Interpolation needs matching, non-empty times and states, got ${count} and ${states.length}`,
    );
  }
  if (!(Number.isInteger(order) && order >= 1)) {
    throw new RangeError(`Interpolation order must be an integer >= 1, got ${order}`);
  }
  for (let i = 1; i < count; i++) {
    if (!(times[i] > times[i - 1])) {
      throw new RangeError(`Sample times must increase strictly; check index ${i}`);
    }
  }
  const dim = states[0].length;
  if (count === 1) return Float64Array.from(states[0]);
  const nodes = Math.min(order + 1, count);
  // Index of the first sample after t.
  let after = 0;
  while (after < count && times[after] <= t) after++;
  let start = after - Math.ceil(nodes / 2);
  start = Math.max(0, Math.min(start, count - nodes));
  const out = new Float64Array(dim);
  for (let i = start; i < start + nodes; i++) {
    let w = 1;
    for (let j = start; j < start + nodes; j++) {
      if (j !== i) w *= (t - times[j]) / (times[i] - times[j]);
    }
    const s = states[i];
    if (s.length !== dim) throw new RangeError(`State ${i} has ${s.length} components, not ${dim}`);
    for (let d = 0; d < dim; d++) out[d] += w * s[d];
  }
  return out;
}
