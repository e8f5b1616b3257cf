/**
 * Which run files go into an archive, under which names.
 *
 * - `all` (the default): every file under the directory `run-<id>/` of each run the manifest
 *   records: the Parquet outputs, `worker.log`, the hook's files and log, and also the run's
 *   script with its overrides and GMAT's raw outputs (report text, OEM/STK ephemerides,
 *   `GmatLog.txt`). Those are what the engine actually produced and what the Parquet files were
 *   converted from, so a colleague can audit a run without re-running it; they compress well.
 * - `referenced`: only the files the manifest's entries name (outputs, hook outputs, logs), the
 *   smallest bundle that still aggregates and resumes.
 *
 * In both modes each file referenced by a run's latest entry must exist; files referenced only by
 * superseded attempts are bundled when they still exist. Runs without an entry (never finished)
 * are left out: a resume re-runs them from an empty directory anyway. Symbolic links to files inside
 * the output directory are bundled as the files they point to; links that lead out of it (the
 * archive would carry a file from elsewhere, e.g. `/etc/passwd`), links to directories and
 * special files are refused.
 *
 * @module
 */

import { join, relative, sep } from "node:path";
import { isInside } from "../manifest/mod.ts";
import { runDirName } from "../runs/mod.ts";
import { type BundleManifest, type RunFileRef, RUNS_DIR } from "./bundle_manifest.ts";
import { ArchiveError } from "./errors.ts";

/** Which run files an archive holds. */
export type RunFilesMode = "all" | "referenced";

/** One file to bundle. */
export interface BundleFile {
  /** Its name in the archive, e.g. `runs/run-3/report__RF.parquet`. */
  readonly member: string;
  /** Where it is on disk. */
  readonly abs: string;
}

/** Largest file an archive takes (members are read whole). */
export const MAX_FILE_BYTES = 2 ** 31 - 1;

/** Options of {@link collectRunFiles}. */
export interface CollectOptions {
  /** The sweep's output directory (absolute). */
  readonly outputDir: string;
  /** The manifest path, for messages. */
  readonly manifestPath: string;
  /** Whole run directories or only referenced files. */
  readonly runFiles: RunFilesMode;
}

/**
 * List the run files of an archive, one per member name.
 *
 * @param bundle The rewritten manifest and its references.
 * @param options The output directory and the mode.
 * @returns The files, in no particular order (the archive sorts them).
 * @throws {ArchiveError} `ARCHIVE_RUN_FILE_MISSING`, `ARCHIVE_FILE_TYPE`, `ARCHIVE_FILE_NAME`,
 * `ARCHIVE_PATH_OUTSIDE` (a link out of the output directory) or `ARCHIVE_FILE_TOO_LARGE`, naming
 * the file.
 */
export async function collectRunFiles(
  bundle: BundleManifest,
  options: CollectOptions,
): Promise<BundleFile[]> {
  const files = new Map<string, string>();
  const realOutputDir = await Deno.realPath(options.outputDir);
  const add = async (rel: string, abs: string) => {
    const member = `${RUNS_DIR}/${rel}`;
    if (files.has(member)) return;
    checkMemberName(member, abs);
    await checkInside(abs, realOutputDir);
    await checkSize(abs);
    files.set(member, abs);
  };
  for (const ref of bundle.required) {
    if (!(await isFile(ref.abs))) throw missing(ref, options);
    await add(ref.rel, ref.abs);
  }
  for (const ref of bundle.superseded) {
    if (await isFile(ref.abs)) await add(ref.rel, ref.abs);
  }
  if (options.runFiles === "all") {
    for (const runId of bundle.runIds) {
      for await (const abs of walk(join(options.outputDir, runDirName(runId)))) {
        const rel = relative(options.outputDir, abs);
        await add(sep === "/" ? rel : rel.split(sep).join("/"), abs);
      }
    }
  }
  return [...files].map(([member, abs]) => ({ member, abs }));
}

function missing(ref: RunFileRef, options: CollectOptions): ArchiveError {
  return new ArchiveError(
    "ARCHIVE_RUN_FILE_MISSING",
    ref.abs,
    `run ${ref.runId}'s ${ref.field} (recorded in ${options.manifestPath}) does not exist or is ` +
      "not a file",
    "restore it, or pass the directory that holds the run-<id> folders as the output directory " +
      "(--output-dir) if the run tree was moved",
  );
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound || e instanceof Deno.errors.NotADirectory) return false;
    throw e;
  }
}

/** Every file under `dir` (none if it does not exist), following links to files. */
async function* walk(dir: string): AsyncGenerator<string> {
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(Deno.readDir(dir));
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return;
    throw e;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) {
      yield* walk(path);
    } else if (entry.isFile || (entry.isSymlink && (await isFile(path)))) {
      yield path;
    } else {
      throw new ArchiveError(
        "ARCHIVE_FILE_TYPE",
        path,
        entry.isSymlink
          ? "is a link to a directory or to nothing, which an archive cannot hold"
          : "is not a regular file (a device, pipe or socket)",
        "remove it from the run directory, or archive only the files the manifest references " +
          "(--outputs-only)",
      );
    }
  }
}

/**
 * Refuse names `sha256sum` would escape or an extractor could read two ways: a backslash, a line
 * break, an empty, `.` or `..` segment.
 *
 * @param member The name in the archive.
 * @param abs The file it comes from, for the message.
 * @throws {ArchiveError} `ARCHIVE_FILE_NAME`.
 */
export function checkMemberName(member: string, abs: string): void {
  const bad = /[\\\n\r]/.test(member) ||
    member.split("/").some((s) => s === "" || s === "." || s === "..");
  if (bad) {
    throw new ArchiveError(
      "ARCHIVE_FILE_NAME",
      abs,
      `its archive name ${JSON.stringify(member)} has a backslash, a line break or an empty, ` +
        "'.' or '..' segment",
      "rename the file (and the manifest path naming it, if any)",
    );
  }
}

/** A file (a link, followed) must lie inside the output directory: nothing from elsewhere. */
async function checkInside(abs: string, realOutputDir: string): Promise<void> {
  const real = await Deno.realPath(abs);
  if (!isInside(realOutputDir, real)) {
    throw new ArchiveError(
      "ARCHIVE_PATH_OUTSIDE",
      abs,
      `is a link to ${real}, outside the output directory ${realOutputDir}`,
      "replace the link by the file it points to, or remove it from the run directory",
    );
  }
}

async function checkSize(abs: string): Promise<void> {
  const { size } = await Deno.stat(abs);
  if (size > MAX_FILE_BYTES) {
    throw new ArchiveError(
      "ARCHIVE_FILE_TOO_LARGE",
      abs,
      `is ${size} bytes; an archive member must be below 2 GiB`,
      "move the file out of the run directory, or archive only the files the manifest " +
        "references (--outputs-only) if the manifest does not name it",
    );
  }
}
