/**
 * Bounds on how many runs one sweep may have: above {@link CONFIRM_RUNS} the command line asks
 * for confirmation (`--yes`) after saying the size and the disk it will take; above
 * {@link MAX_RUNS} a sweep is refused outright (its manifest alone would be tens of gigabytes;
 * split the study).
 *
 * @module
 */

import { SweepConfigError } from "./sweep_error.ts";

/** Runs above which the command line asks for `--yes`. */
export const CONFIRM_RUNS = 100_000;
/** The most runs one sweep may have. */
export const MAX_RUNS = 100_000_000;

/**
 * Refuse a run count above {@link MAX_RUNS} (or not a whole number).
 *
 * @param runs The number of runs.
 * @param what What has that many runs (`this grid`, `extend to 2000000000`).
 * @throws {SweepConfigError} When it is out of bounds.
 *
 * @example
 * ```ts
 * import { checkRunCount } from "./run_limits.ts";
 * checkRunCount(1_000_000, "this grid"); // fine
 * try { checkRunCount(1e10, "this grid"); } catch (e) { console.log((e as Error).name); }
 * // SweepConfigError
 * ```
 */
export function checkRunCount(runs: number, what: string): void {
  if (!Number.isSafeInteger(runs) || runs < 0) {
    throw new SweepConfigError(`${what} has ${runs} runs, which is not a whole number of runs`);
  }
  if (runs > MAX_RUNS) {
    throw new SweepConfigError(
      `${what} has ${runs.toLocaleString("en-US")} runs, more than the ` +
        `${MAX_RUNS.toLocaleString("en-US")} one sweep may have; split the study into ` +
        `several sweeps (or sample it: monte-carlo, latin-hypercube)`,
    );
  }
}
