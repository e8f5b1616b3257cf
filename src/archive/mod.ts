/**
 * Archives: a sweep as one byte-deterministic zip with its script, its manifest (paths relative
 * to the bundle's `runs/`), the run files, a generated README with the reproduce commands and a
 * `MANIFEST.hash` that `sha256sum -c` accepts. Unpacked anywhere, it aggregates and resumes with
 * no edits.
 *
 * - {@link archiveSweep}: write the archive.
 * - {@link DeterministicZipWriter}: the zip writer underneath (sorted members, fixed timestamps
 *   and modes, no varying extra fields).
 *
 * @module
 */

export { type ArchiveResult, archiveSweep, type ArchiveSweepOptions } from "./archive_sweep.ts";
export { RUNS_DIR } from "./bundle_manifest.ts";
export { type RunFilesMode } from "./collect_files.ts";
export { ARCHIVE_INPUT_CODES, ArchiveError, type ArchiveErrorCode } from "./errors.ts";
export { HASH_FILE_NAME } from "./hash_file.ts";
export { DeterministicZipWriter, type ReservedMember, type ZipSummary } from "./zip_writer.ts";
