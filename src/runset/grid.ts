/**
 * Full-factorial grids: every combination of the axis values, streamed.
 *
 * Order (the Python tool's `full_factorial`): axes sorted by name in Python's `str` order (code
 * points; JavaScript's default UTF-16 sort agrees except for astral-plane characters), the last
 * axis varying fastest, run ids from 0. `{}` is one run with no
 * overrides. Each run's cell is found by mixed-radix decoding of its run id, so neither
 * `spec(i)` nor `specs()` ever materialises the product.
 *
 * @module
 */

import type { OverrideValueJson, RunSpec } from "../runs/mod.ts";
import { pythonSorted, requireDottedPath, requireOverrideValue } from "./coerce.ts";
import { RunSetError } from "./errors.ts";
import { checkRange, checkRunId, type GridParameterSpec, type RunSet } from "./run_set.ts";

/** A grid run set: the axes it expands, in run order. */
export interface GridRunSet extends RunSet {
  /** Always `grid`. */
  readonly kind: "grid";
  /** Axis names, sorted (the first varies slowest). */
  readonly axes: readonly string[];
  /** Values of each axis, as given. */
  readonly values: Readonly<Record<string, readonly OverrideValueJson[]>>;
}

/**
 * A full-factorial grid run set.
 *
 * @param grid Dotted path to the values of that axis (at least one value each).
 * @returns The run set (size = product of the axis lengths).
 * @throws {RunSetError} for an empty axis, a non-dotted name, an invalid value, or a product
 * beyond 2^53 - 1 runs.
 *
 * @example
 * ```ts
 * import { gridRunSet } from "./grid.ts";
 * const set = gridRunSet({ "b.Y": [10, 20, 30], "a.X": [1, 2] });
 * console.log(set.size, set.spec(1).overrides); // 6 { "a.X": 1, "b.Y": 20 }
 * ```
 */
export function gridRunSet(grid: Record<string, readonly OverrideValueJson[]>): GridRunSet {
  if (typeof grid !== "object" || grid === null || Array.isArray(grid)) {
    throw new RunSetError("grid must be an object of dotted path -> list of values");
  }
  const axes = pythonSorted(Object.keys(grid));
  const values: Record<string, OverrideValueJson[]> = {};
  let size = 1;
  for (const axis of axes) {
    requireDottedPath(axis, "grid axis");
    const list = grid[axis];
    if (!Array.isArray(list)) {
      throw new RunSetError(`grid axis '${axis}' is not a list: give a list of values`);
    }
    if (list.length === 0) {
      throw new RunSetError(`grid axis '${axis}' is empty: give at least one value`);
    }
    values[axis] = list.map((v, i) => requireOverrideValue(v, `grid axis '${axis}' value ${i}`));
    size *= list.length;
    if (!Number.isSafeInteger(size)) {
      throw new RunSetError(
        `grid has more than 2^53 - 1 cells (at axis '${axis}'): split the sweep`,
      );
    }
  }
  const lengths = axes.map((a) => values[a].length);

  const specAt = (digits: readonly number[], runId: number): RunSpec => {
    const overrides: Record<string, OverrideValueJson> = {};
    for (let k = 0; k < axes.length; k++) overrides[axes[k]] = values[axes[k]][digits[k]];
    return { runId, overrides, seed: null, context: {} };
  };

  const decode = (runId: number): number[] => {
    const digits = new Array<number>(axes.length);
    let rest = runId;
    for (let k = axes.length - 1; k >= 0; k--) {
      digits[k] = rest % lengths[k];
      rest = Math.floor(rest / lengths[k]);
    }
    return digits;
  };

  return {
    kind: "grid",
    size,
    seed: null,
    axes,
    values,
    spec(runId: number): RunSpec {
      checkRunId(size, runId);
      return specAt(decode(runId), runId);
    },
    specs(from?: number, to?: number): IterableIterator<RunSpec> {
      const [a, b] = checkRange(size, from, to);
      return (function* () {
        if (a >= b) return;
        // An odometer: O(number of axes) memory whatever the grid size.
        const digits = decode(a);
        for (let runId = a; runId < b; runId++) {
          yield specAt(digits, runId);
          for (let k = axes.length - 1; k >= 0; k--) {
            if (++digits[k] < lengths[k]) break;
            digits[k] = 0;
          }
        }
      })();
    },
    parameterSpec(): GridParameterSpec {
      const spec: Record<string, readonly OverrideValueJson[] | "grid"> = { _kind: "grid" };
      for (const axis of Object.keys(grid)) spec[axis] = [...values[axis]];
      return spec as GridParameterSpec;
    },
  };
}
