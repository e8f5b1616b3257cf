/**
 * Run specs and run outcomes: the records every layer of a sweep passes along.
 *
 * @module
 */

export {
  type FileDigest,
  FileDigestSchema,
  type JsonValue,
  JsonValueSchema,
  type OverrideValueJson,
  OverrideValueSchema,
  type PostprocessReason,
  PostprocessReasonSchema,
  type PostprocessStatus,
  PostprocessStatusSchema,
  runDirName,
  type RunOutcome,
  RunOutcomeSchema,
  type RunSpec,
  RunSpecSchema,
  type RunStatus,
  RunStatusSchema,
} from "./run_spec.ts";
