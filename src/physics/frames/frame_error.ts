/**
 * The error thrown when a rotating frame or a calculated point is undefined at an epoch: the
 * vectors that define its axes vanish (primary and secondary together, no relative motion), or a
 * libration point's masses or geometry are degenerate.
 *
 * @module
 */

import { GmatSweepError } from "../../errors/mod.ts";

/** Codes of {@link FrameError}. */
export type FrameErrorCode = "FRAME_DEGENERATE";

/** Thrown by the frame and calculated-point geometry of `src/physics/frames/`. */
export class FrameError extends GmatSweepError {
  /** Always `FRAME_DEGENERATE`. */
  declare readonly code: FrameErrorCode;

  /**
   * Creates the error.
   *
   * @param message What is degenerate and how to fix it.
   * @param options Standard error options (e.g. `cause`).
   */
  constructor(message: string, options?: ErrorOptions) {
    super("FRAME_DEGENERATE", message, options);
  }
}
