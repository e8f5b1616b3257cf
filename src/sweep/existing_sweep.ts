/**
 * Nothing destroyed by accident: a new sweep refuses an output directory or manifest path that
 * already holds a sweep ({@link findExistingSweep}), and only an explicit overwrite removes the
 * old sweep's manifest and run directories first ({@link clearExistingSweep}). Files that are not
 * the sweep's are never touched.
 *
 * @module
 */

import { join } from "node:path";
import { withStorage } from "../errors/storage_error.ts";
import { GmatSweepError } from "../errors/mod.ts";
import { slurmSpoolDir } from "./backend_choice.ts";

const RUN_DIR = /^run-\d+$/;
const DEFAULT_MANIFEST = "manifest.jsonl";

/** A new sweep would replace an existing one. */
export class SweepExistsError extends GmatSweepError {
  /** Always `SWEEP_EXISTS`. */
  declare readonly code: "SWEEP_EXISTS";
  /** The output directory (or manifest) that holds a sweep. */
  readonly path: string;

  /**
   * Creates the error.
   *
   * @param path What holds the sweep.
   * @param found What was found there.
   * @param manifestPath The existing manifest, for the resume hint.
   */
  constructor(path: string, found: string, manifestPath: string) {
    super(
      "SWEEP_EXISTS",
      `${path} already holds a sweep (${found}); nothing was changed. fix: finish it with ` +
        `gmat-sweep resume ${manifestPath} --script SCRIPT, or give a new --out (outputDir), or ` +
        `pass --overwrite (overwrite: true) to delete its manifest and run directories and ` +
        `start again`,
    );
    this.path = path;
  }
}

/** What an existing sweep consists of. */
interface Found {
  readonly manifests: string[];
  readonly runDirs: string[];
  readonly spool: boolean;
}

async function nonEmptyFile(path: string): Promise<boolean> {
  try {
    const s = await Deno.stat(path);
    return s.isFile && s.size > 0;
  } catch {
    return false;
  }
}

async function scan(outputDir: string, manifestPath: string, all: boolean): Promise<Found> {
  const manifests: string[] = [];
  if (await nonEmptyFile(manifestPath)) manifests.push(manifestPath);
  const inTree = join(outputDir, DEFAULT_MANIFEST);
  if (inTree !== manifestPath && (await nonEmptyFile(inTree))) manifests.push(inTree);
  const runDirs: string[] = [];
  let spool = false;
  try {
    for await (const e of Deno.readDir(outputDir)) {
      if (e.isDirectory && RUN_DIR.test(e.name)) {
        runDirs.push(join(outputDir, e.name));
        if (!all) break;
      }
    }
    spool = (await Deno.stat(slurmSpoolDir(outputDir))).isDirectory;
  } catch {
    // no directory (or no spool): nothing there
  }
  return { manifests, runDirs, spool };
}

/**
 * What already holds a sweep at these paths: a non-empty manifest at `manifestPath` or
 * `<outputDir>/manifest.jsonl`, or `run-<id>` directories in `outputDir`.
 *
 * @param outputDir The output directory.
 * @param manifestPath The manifest path.
 * @returns A {@link SweepExistsError} to throw, or undefined when the paths are free.
 */
export async function findExistingSweep(
  outputDir: string,
  manifestPath: string,
): Promise<SweepExistsError | undefined> {
  const found = await scan(outputDir, manifestPath, false);
  if (found.manifests.length === 0 && found.runDirs.length === 0) return undefined;
  const what = [
    ...found.manifests.map((m) => `manifest ${m}`),
    ...(found.runDirs.length > 0 ? ["run-<id> directories"] : []),
  ].join(", ");
  const where = found.manifests.includes(manifestPath) && found.runDirs.length === 0
    ? manifestPath
    : outputDir;
  return new SweepExistsError(where, what, found.manifests[0] ?? manifestPath);
}

/**
 * Delete an existing sweep's run directories, SLURM spool and manifests (an explicit
 * `--overwrite`). Other files in the output directory stay.
 *
 * @param outputDir The output directory.
 * @param manifestPath The manifest path.
 */
export async function clearExistingSweep(outputDir: string, manifestPath: string): Promise<void> {
  const found = await scan(outputDir, manifestPath, true);
  const doomed = [...found.runDirs, ...(found.spool ? [slurmSpoolDir(outputDir)] : [])];
  for (const dir of doomed) {
    await withStorage(dir, "cannot delete", () => Deno.remove(dir, { recursive: true }));
  }
  // The manifest at manifestPath is truncated by its writer once locked; another sweep's
  // manifest in the tree goes with its run directories.
  for (const m of found.manifests) {
    if (m !== manifestPath) await withStorage(m, "cannot delete", () => Deno.remove(m));
  }
}
