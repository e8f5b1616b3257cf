/**
 * Where a sweep's runs execute: the local worker pool, or SLURM job arrays. Builds the pool, the
 * manifest header's `backend` / `backend_settings` record, and reads a recorded backend back on
 * resume, so a resumed sweep goes where the original went unless told otherwise.
 *
 * @module
 */

import { join } from "node:path";
import type { RunOutcome } from "../runs/mod.ts";
// The pools' own modules, not pool/mod.ts: that would load the engine and the table layer
// (runOne) into a driver that never runs a run itself.
import type { RunJob } from "../pool/job.ts";
import { LocalPool } from "../pool/local_pool.ts";
import { SlurmPool, type SlurmPoolOptions } from "../pool/slurm_pool.ts";
import type { SlurmStatus } from "../pool/slurm_watch.ts";

/** SLURM settings of a sweep (the spool and sweep id are the sweep's own). */
export type SlurmBackendOptions = Omit<
  SlurmPoolOptions,
  "spoolDir" | "sweepId" | "onStatus" | "pollMs" | "statusPollMs" | "lostGraceMs"
>;

/** What both pools offer a sweep. */
export interface SweepPool {
  run(jobs: Iterable<RunJob>, signal?: AbortSignal): AsyncGenerator<RunOutcome>;
  close(): Promise<void>;
}

/** The header names of the backends. */
export const BACKEND_NAMES = { local: "LocalPool", slurm: "SlurmPool" } as const;

/** The spool directory of a sweep's SLURM tasks, inside its run tree. */
export function slurmSpoolDir(outputDir: string): string {
  return join(outputDir, ".slurm");
}

/** A sweep id for job names: stable for the manifest's life (stored in the header). */
export function newSweepId(scriptSha256: string): string {
  const random = crypto.getRandomValues(new Uint8Array(4));
  return `gs-${scriptSha256.slice(0, 8)}-${
    [...random].map((b) => b.toString(16).padStart(2, "0")).join("")
  }`;
}

/** The SLURM options recorded in a header's backend_settings (written by {@link slurmSettings}). */
export function slurmOptionsFromSettings(
  settings: Record<string, unknown>,
): SlurmBackendOptions & { sweepId?: string } {
  const str = (k: string) => typeof settings[k] === "string" ? settings[k] as string : undefined;
  const num = (k: string) => typeof settings[k] === "number" ? settings[k] as number : undefined;
  const extra = settings.extraArgs;
  return {
    sweepId: str("sweep_id"),
    partition: str("partition"),
    account: str("account"),
    qos: str("qos"),
    timeLimitMin: num("timeLimitMin"),
    memMb: num("memMb"),
    cpusPerTask: num("cpusPerTask"),
    maxConcurrent: num("maxConcurrent"),
    runsPerTask: num("runsPerTask"),
    arraySize: num("arraySize"),
    extraArgs: Array.isArray(extra) ? extra.map(String) : undefined,
  };
}

/** Build a SLURM pool for a sweep. */
export function slurmPool(
  outputDir: string,
  sweepId: string,
  options: SlurmBackendOptions,
  onStatus?: (status: SlurmStatus) => void,
): SlurmPool {
  return new SlurmPool({ ...options, spoolDir: slurmSpoolDir(outputDir), sweepId, onStatus });
}

/** Build the local pool. */
export function localPool(options: {
  workers?: number;
  timeoutS?: number;
  processPerRun?: boolean;
  forceWorkers?: boolean;
}): LocalPool {
  return new LocalPool({
    workers: options.workers,
    timeoutMs: options.timeoutS === undefined ? undefined : options.timeoutS * 1000,
    processPerRun: options.processPerRun,
    forceWorkers: options.forceWorkers,
  });
}
