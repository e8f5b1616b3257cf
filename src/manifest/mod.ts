/**
 * The sweep manifest: a JSON Lines file (`manifest.jsonl`) with a header line and one line per
 * finished run, in the Python gmat-sweep's format (snake_case fields, sorted keys, Python's JSON
 * encoding), so manifests written by either tool are read by the other.
 *
 * - Write: {@link ManifestWriter} (one locked writer, group-committed durable appends with
 *   `FsFile.syncData()`, torn-tail repair on resume).
 * - Read: {@link readManifest} (last-wins dedupe), {@link indexManifest} (one pass, bounded
 *   memory: run id to status and offset), {@link iterateEntries} (streaming),
 *   {@link readManifestHeader}; queries {@link findFailed}, {@link findMissing},
 *   {@link totalRunCount}, {@link extensionRunCount}.
 * - Convert: {@link entryFromOutcome} / {@link outcomeFromEntry} (paths relative to the output
 *   directory on disk, absolute in memory, always confined to it: {@link confinedPath}).
 * - Gate: {@link checkScriptDrift}.
 *
 * @module
 */

export {
  type EngineInfo,
  EngineInfoSchema,
  MANIFEST_SCHEMA_VERSION,
  type ManifestHeader,
  type ManifestHeaderInput,
  ManifestHeaderSchema,
  migrateHeader,
} from "./header.ts";
export { type ManifestEntry, type ManifestEntryInput, ManifestEntrySchema } from "./entry.ts";
export {
  ManifestArgumentError,
  ManifestCorruptError,
  ManifestLockedError,
  ManifestNotFoundError,
  ManifestPathError,
  ScriptDriftError,
} from "./errors.ts";
export { checkRealPathInside, confinedPath, isInside, OUTSIDE_PATH_FIX } from "./confine.ts";
export { exceedsJsonDepth, MAX_JSON_DEPTH } from "./json_depth.ts";
export { digestBytes, digestFile, digestMismatch } from "./file_digest.ts";
export { syncFilesAndDirectories } from "./sync_to_disk.ts";
export { tryLockExclusive } from "./try_lock.ts";
export {
  type IndexedRun,
  indexManifest,
  type LinePosition,
  type ManifestEntryReader,
  ManifestIndex,
  type ManifestTotals,
  type StatusCounts,
} from "./manifest_index.ts";
export { compareCodePoints, sortedJsonStringify } from "./sorted_json.ts";
export {
  type AppendedLine,
  type FsyncMode,
  ManifestWriter,
  type ManifestWriterOptions,
  type ManifestWriterStats,
} from "./writer.ts";
export {
  iterateEntries,
  type Manifest,
  type ManifestLine,
  readManifest,
  readManifestHeader,
  type ScanItem,
  scanManifest,
} from "./reader.ts";
export { extensionRunCount, findFailed, findMissing, totalRunCount } from "./queries.ts";
export { entryFromOutcome, type EntryFromOutcomeOptions, outcomeFromEntry } from "./convert.ts";
export { checkScriptDrift, type CheckScriptDriftOptions, type ScriptDriftCheck } from "./drift.ts";
export { type RuntimeFingerprint, runtimeFingerprint } from "./fingerprint.ts";
export { runTreeOf } from "./run_tree.ts";
