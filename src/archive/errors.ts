/**
 * Errors of archiving a sweep. Each names the file at fault and says how to fix it; problems of
 * the manifest itself are the manifest layer's errors (`ManifestNotFoundError`,
 * `ManifestCorruptError`, `ScriptDriftError`) and pass through unchanged.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";

/** The codes of {@link ArchiveError}. */
export type ArchiveErrorCode =
  /** The script to bundle does not exist or cannot be read. */
  | "ARCHIVE_SCRIPT_NOT_FOUND"
  /** The sweep's output directory (the run tree) does not exist. */
  | "ARCHIVE_OUTPUT_DIR_NOT_FOUND"
  /** A file the manifest records for a run's latest entry is missing. */
  | "ARCHIVE_RUN_FILE_MISSING"
  /** A path in the manifest lies outside the output directory. */
  | "ARCHIVE_PATH_OUTSIDE"
  /** A file name that cannot be written to MANIFEST.hash or a zip unambiguously. */
  | "ARCHIVE_FILE_NAME"
  /** A directory link, device, pipe or socket inside a run directory. */
  | "ARCHIVE_FILE_TYPE"
  /** A file of 2 GiB or more. */
  | "ARCHIVE_FILE_TOO_LARGE"
  /** The archive path is unusable (inside a run directory, or its directory is missing). */
  | "ARCHIVE_OUT_PATH"
  /** The manifest changed while it was being read (a sweep is still writing it). */
  | "ARCHIVE_MANIFEST_CHANGED";

/** Codes that mean the caller's input is wrong (CLI exit code 2); the others exit 1. */
export const ARCHIVE_INPUT_CODES: ReadonlySet<ArchiveErrorCode> = new Set<ArchiveErrorCode>([
  "ARCHIVE_SCRIPT_NOT_FOUND",
  "ARCHIVE_OUTPUT_DIR_NOT_FOUND",
  "ARCHIVE_RUN_FILE_MISSING",
  "ARCHIVE_PATH_OUTSIDE",
  "ARCHIVE_FILE_NAME",
  "ARCHIVE_FILE_TYPE",
  "ARCHIVE_FILE_TOO_LARGE",
  "ARCHIVE_OUT_PATH",
]);

/** A sweep that cannot be archived as it is; the message is `path: what; fix: how`. */
export class ArchiveError extends GmatSweepError {
  /** What kind of problem (see {@link ArchiveErrorCode}). */
  declare readonly code: ArchiveErrorCode;
  /** The file or directory at fault. */
  readonly path: string;

  /**
   * An archive error whose message is `path: detail; fix: fix`.
   *
   * @param code What kind of problem.
   * @param path The file or directory at fault.
   * @param detail What is wrong (one clause).
   * @param fix How to repair it.
   * @param options Standard error options (`cause`).
   */
  constructor(
    code: ArchiveErrorCode,
    path: string,
    detail: string,
    fix: string,
    options?: ErrorOptions,
  ) {
    super(code, `${path}: ${detail}; fix: ${fix}`, options);
    this.path = path;
  }
}
