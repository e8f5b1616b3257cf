/**
 * Errors of the SLURM backend: a SLURM command that failed (or is not installed), and a spool
 * directory that cannot be used.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";

/** Codes of {@link SlurmError}. */
export type SlurmErrorCode =
  /** `sbatch`, `squeue`, `scancel` or `scontrol` is missing or the controller cannot be reached. */
  | "SLURM_UNAVAILABLE"
  /** A SLURM command ran and failed (its stderr is in the message). */
  | "SLURM_COMMAND"
  /** A spool file (job, batch record) is missing or malformed. */
  | "SLURM_SPOOL";

const FIX: Record<SlurmErrorCode, string> = {
  SLURM_UNAVAILABLE:
    "How to fix: run on a machine with the SLURM client commands and a reachable " +
    "controller (for a local one: scripts/slurm-dev-cluster.sh start, then export SLURM_CONF as it " +
    "prints), or use the local backend",
  SLURM_COMMAND: "How to fix: check the sbatch options (partition, account, qos, time, mem) with " +
    "`sinfo` and `sacctmgr show assoc`, or the controller's log",
  SLURM_SPOOL: "How to fix: the spool directory belongs to gmat-sweep; do not edit it by hand, " +
    "and resume from the manifest (missing runs are re-run)",
};

/**
 * A SLURM backend failure.
 *
 * @example
 * ```ts
 * import { SlurmError } from "./slurm_errors.ts";
 * const e = new SlurmError("SLURM_COMMAND", "sbatch failed (exit 1): invalid partition");
 * console.log(e.code); // SLURM_COMMAND
 * ```
 */
export class SlurmError extends GmatSweepError {
  /** What went wrong, see {@link SlurmErrorCode}. */
  declare readonly code: SlurmErrorCode;

  /** An error with its code; the code's standard fix is appended to the message. */
  constructor(code: SlurmErrorCode, message: string, options?: ErrorOptions) {
    super(code, `${message}\n${FIX[code]}`, options);
  }
}
