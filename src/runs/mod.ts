/**
 * Run specs and run outcomes: the records every layer of a sweep passes along.
 *
 * @module
 */

export {
  type JsonValue,
  JsonValueSchema,
  type OverrideValueJson,
  OverrideValueSchema,
  runDirName,
  type RunOutcome,
  RunOutcomeSchema,
  type RunSpec,
  RunSpecSchema,
  type RunStatus,
  RunStatusSchema,
  type PostprocessStatus,
  PostprocessStatusSchema,
} from "./run_spec.ts";
