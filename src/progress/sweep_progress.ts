/**
 * What a running sweep reports after every finished run: the record every progress display
 * (terminal line, notebook display, a caller's `onProgress`) reads.
 *
 * @module
 */

import type { RunOutcome } from "../runs/mod.ts";

/** Progress of a running sweep, reported after every finished run. */
export interface SweepProgress {
  /** Runs finished in this invocation. */
  readonly done: number;
  /** Runs this invocation will do. */
  readonly total: number;
  /** Runs finished ok so far in this invocation. */
  readonly ok: number;
  /** Runs finished but not ok so far in this invocation. */
  readonly failed: number;
  /** Runs of this invocation whose hook succeeded so far. */
  readonly hooksOk: number;
  /** Runs of this invocation whose hook failed so far (the runs themselves are ok). */
  readonly hooksFailed: number;
  /** Seconds since this invocation started. */
  readonly elapsedS: number;
  /** Finished runs per second. */
  readonly rate: number;
  /** Estimated seconds left, or undefined before the first run. */
  readonly etaS: number | undefined;
  /** The outcome that just finished. */
  readonly last: RunOutcome;
}
