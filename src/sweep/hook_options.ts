/**
 * The hook's limits and isolation as a sweep's options name them, turned into what resolving
 * and running the hook takes.
 *
 * @module
 */

/** The options of a sweep (or rehook) that govern its hook. */
export interface HookLimitOptions {
  /** Time one hook call may take, in seconds. @default {300} */
  readonly postprocessTimeoutS?: number;
  /** `run` (a fresh worker per run) or `sweep` (one long-lived worker per slot). @default {"run"} */
  readonly postprocessIsolation?: "run" | "sweep";
  /** Heap limit of each hook, in MB. @default {2048} */
  readonly postprocessMemoryMb?: number;
  /** Total bytes one run's hook may register as outputs. @default {1 GiB} */
  readonly postprocessMaxOutputBytes?: number;
}

/** The hook's time, memory and output limits and isolation, from the options. */
export function hookLimits(options: HookLimitOptions): {
  timeoutMs: number;
  isolation: "run" | "sweep";
  memoryMb?: number;
  maxOutputBytes?: number;
} {
  return {
    timeoutMs: (options.postprocessTimeoutS ?? 300) * 1000,
    isolation: options.postprocessIsolation ?? "run",
    memoryMb: options.postprocessMemoryMb,
    maxOutputBytes: options.postprocessMaxOutputBytes,
  };
}
