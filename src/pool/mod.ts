/**
 * Executing runs: the local pool of long-lived worker processes, the job records they take, and
 * the in-process runner each worker uses.
 *
 * @module
 */

export { LocalPool, type LocalPoolOptions } from "./local_pool.ts";
export { type EngineChoice, EngineChoiceSchema, type RunJob, RunJobSchema } from "./job.ts";
export { runOne, ScriptCache } from "./run_one.ts";
