/**
 * The one error class of the run-set layer.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";

/**
 * A run set cannot be built from its configuration: an empty grid axis, a bad distribution, a
 * malformed explicit-rows file, an unknown `parameter_spec` kind. Always thrown before any run
 * starts; the message names the field, column or row at fault and says how to fix it.
 *
 * @example
 * ```ts
 * import { gridRunSet, RunSetError } from "./mod.ts";
 * try {
 *   gridRunSet({ "Sat.SMA": [] });
 * } catch (e) {
 *   console.log(e instanceof RunSetError && e.code); // RUNSET_CONFIG
 * }
 * ```
 */
export class RunSetError extends GmatSweepError {
  /** Always `RUNSET_CONFIG`. */
  declare readonly code: "RUNSET_CONFIG";

  /**
   * Creates a run-set configuration error.
   *
   * @param message What is wrong and how to fix it.
   * @param options Optional `cause`.
   */
  constructor(message: string, options?: ErrorOptions) {
    super("RUNSET_CONFIG", message, options);
  }
}
