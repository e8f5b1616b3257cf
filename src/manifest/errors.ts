/**
 * Errors of the manifest layer: a manifest that cannot be read, one that does not exist, a script
 * that changed since the sweep started, and a run output that lies outside the output directory.
 *
 * Every message has the form `path:line: what is wrong; fix: what to do` where a line applies.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";

/**
 * A manifest line that cannot be read: an empty file, a torn or invalid header, a newer
 * `schema_version`, or a complete entry line that is not valid JSON or breaks the entry schema.
 *
 * One torn trailing line (no final newline) is not an error: readers drop it silently.
 */
export class ManifestCorruptError extends GmatSweepError {
  /** Always `MANIFEST_CORRUPT`. */
  declare readonly code: "MANIFEST_CORRUPT";
  /** The manifest path as given to the reader. */
  readonly path: string;
  /** The 1-based line at fault (1 is the header). */
  readonly line: number;
  /** What is wrong, without location and fix. */
  readonly detail: string;

  /**
   * Creates a corrupt-manifest error located at `path:line`.
   *
   * @param path The manifest path.
   * @param line The 1-based line number.
   * @param detail What is wrong (one clause, no trailing period).
   * @param fix How to repair it.
   * @param options Standard error options (`cause`).
   */
  constructor(path: string, line: number, detail: string, fix: string, options?: ErrorOptions) {
    super("MANIFEST_CORRUPT", `${path}:${line}: ${detail}; fix: ${fix}`, options);
    this.path = path;
    this.line = line;
    this.detail = detail;
  }
}

/** The manifest file does not exist. */
export class ManifestNotFoundError extends GmatSweepError {
  /** Always `MANIFEST_NOT_FOUND`. */
  declare readonly code: "MANIFEST_NOT_FOUND";
  /** The manifest path as given. */
  readonly path: string;

  /**
   * Creates a manifest-not-found error.
   *
   * @param path The missing manifest path.
   * @param options Standard error options (`cause`).
   */
  constructor(path: string, options?: ErrorOptions) {
    super(
      "MANIFEST_NOT_FOUND",
      `${path}: manifest not found; fix: pass the manifest.jsonl written by the sweep ` +
        `(by default <output dir>/manifest.jsonl)`,
      options,
    );
    this.path = path;
  }
}

/** The script's canonical hash differs from the one recorded in the manifest header. */
export class ScriptDriftError extends GmatSweepError {
  /** Always `SCRIPT_DRIFT`. */
  declare readonly code: "SCRIPT_DRIFT";
  /** The manifest path. */
  readonly path: string;
  /** The hash recorded in the header (`script_sha256`). */
  readonly recordedSha256: string;
  /** The hash of the script as it is now. */
  readonly currentSha256: string;

  /**
   * Creates a script-drift error.
   *
   * @param path The manifest path.
   * @param recordedSha256 The header's `script_sha256`.
   * @param currentSha256 The canonical hash of the script now.
   */
  constructor(path: string, recordedSha256: string, currentSha256: string) {
    super(
      "SCRIPT_DRIFT",
      `${path}:1: ${
        driftSentence(recordedSha256, currentSha256)
      }; fix: pass the script the sweep ` +
        `was started with, or rerun with --allow-script-drift (allowDrift: true) to accept ` +
        `the change`,
    );
    this.path = path;
    this.recordedSha256 = recordedSha256;
    this.currentSha256 = currentSha256;
  }
}

/** The sentence describing a drift, shared by the error and the warning. */
export function driftSentence(recordedSha256: string, currentSha256: string): string {
  return `script drift: the manifest records script_sha256 ${recordedSha256} but the script ` +
    `now hashes to ${currentSha256}`;
}

/** A run output path that cannot be recorded relative to the sweep's output directory. */
export class ManifestPathError extends GmatSweepError {
  /** Always `MANIFEST_PATH_OUTSIDE_OUTPUT_DIR`. */
  declare readonly code: "MANIFEST_PATH_OUTSIDE_OUTPUT_DIR";
  /** The run whose outcome holds the path. */
  readonly runId: number;
  /** The entry field, e.g. `output_paths.report__RF` or `log_path`. */
  readonly field: string;
  /** The offending path. */
  readonly offendingPath: string;
  /** The output directory the path should be inside. */
  readonly outputDir: string;

  /**
   * Creates an error for a path that cannot be recorded.
   *
   * @param runId The run id.
   * @param field The entry field holding the path.
   * @param offendingPath The path.
   * @param outputDir The sweep's output directory.
   * @param reason Why it cannot be recorded (e.g. `is outside the output directory`).
   * @param fix How to repair it (default: write run outputs under the output directory).
   */
  constructor(
    runId: number,
    field: string,
    offendingPath: string,
    outputDir: string,
    reason: string,
    fix?: string,
  ) {
    super(
      "MANIFEST_PATH_OUTSIDE_OUTPUT_DIR",
      `run ${runId}: ${field} ${JSON.stringify(offendingPath)} ${reason} ` +
        `${JSON.stringify(outputDir)}; fix: ${
          fix ?? `write every run output (and hook output) under ` +
              `the output directory, e.g. <output dir>/run-${runId}/, so the manifest can record ` +
              `it relative to that directory`
        }`,
    );
    this.runId = runId;
    this.field = field;
    this.offendingPath = offendingPath;
    this.outputDir = outputDir;
  }
}

/**
 * Another process holds the manifest (or the sweep's output directory): each has one writer at a
 * time. The lock is the operating system's (`flock`), so it ends with its holder, even on kill -9.
 */
export class ManifestLockedError extends GmatSweepError {
  /** Always `MANIFEST_LOCKED`. */
  declare readonly code: "MANIFEST_LOCKED";
  /** The locked manifest or lock file. */
  readonly path: string;
  /** Who holds it, as far as known (e.g. `pid 4242 on node1: gmat-sweep resume, since ...`). */
  readonly holder: string | undefined;

  /**
   * Creates a locked-manifest error.
   *
   * @param path The manifest or the sweep's lock file.
   * @param what What is locked (`the manifest`, `the output directory /x`).
   * @param holder Who holds it, when known.
   */
  constructor(path: string, what: string, holder?: string) {
    super(
      "MANIFEST_LOCKED",
      `${path}: ${what} is in use by another gmat-sweep driver` +
        `${holder ? ` (${holder})` : ""}; fix: wait until it ends (or stop it), then run ` +
        `again: a sweep has one writer at a time`,
    );
    this.path = path;
    this.holder = holder;
  }
}

/**
 * A manifest query was given something other than a manifest (a path, say): the message names
 * the function and shows the call that works.
 */
export class ManifestArgumentError extends GmatSweepError {
  /** Always `MANIFEST_ARGUMENT`. */
  declare readonly code: "MANIFEST_ARGUMENT";

  /**
   * Creates the error for a query given something other than a manifest.
   *
   * @param fn The query, e.g. `findFailed`.
   * @param got What it was given.
   */
  constructor(fn: string, got: unknown) {
    const what = typeof got === "string" ? `the string ${JSON.stringify(got)}` : typeof got;
    super(
      "MANIFEST_ARGUMENT",
      `${fn}() takes a manifest as readManifest() returns it, got ${what}; ` +
        `call ${fn}(await readManifest(path))`,
    );
  }
}
