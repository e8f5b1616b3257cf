/**
 * Executing runs: the local pool of long-lived worker processes, the job records they take, and
 * the in-process runner each worker uses.
 *
 * @module
 */

export {
  FORCED_WORKERS_LIMIT,
  LocalPool,
  type LocalPoolOptions,
  maxLocalWorkers,
  workerCountProblem,
  WORKERS_PER_CORE,
} from "./local_pool.ts";
export {
  type EngineChoice,
  EngineChoiceSchema,
  type JobHook,
  type RunJob,
  RunJobSchema,
} from "./job.ts";
export { runOne, ScriptCache } from "./run_one.ts";
export {
  defaultWorkerCommand,
  shellQuote,
  SlurmPool,
  type SlurmPoolOptions,
  taskScript,
} from "./slurm_pool.ts";
export {
  type AdoptSlurmOptions,
  adoptSlurmSpool,
  type SpoolSurvey,
  surveySlurmSpool,
} from "./slurm_adopt.ts";
export { type SlurmStatus, SlurmWatcher } from "./slurm_watch.ts";
export { SlurmError, type SlurmErrorCode } from "./slurm_errors.ts";
export {
  type BatchRecord,
  BatchRecordSchema,
  type OutcomeFile,
  OutcomeFileSchema,
  slurmJobName,
} from "./slurm_spool.ts";
export { cancelAndWait, isActiveState, maxArraySize } from "./slurm_commands.ts";
export { JobHooks, withHookResult } from "./job_hooks.ts";
