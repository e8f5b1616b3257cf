/**
 * {@link verifySweep}: check a sweep's run tree against its manifest, the way `gmat-sweep verify`
 * does. Every ok run's outputs and hook outputs must exist inside the output directory (through
 * links too) with the size and SHA-256 the manifest recorded when the run finished. An unpacked
 * archive is checked the same way (its manifest places the tree in `runs/`), and its
 * `MANIFEST.hash` too (every member, the README, manifest and script included).
 *
 * Nothing is trusted: a path that leaves the output directory is reported and never opened. The
 * manifest is read once into an index and entries are read back one at a time, so memory stays
 * bounded whatever the number of runs.
 *
 * @module
 */

import { checkArgument, PathArg } from "../errors/arguments.ts";
import { dirname, join, resolve } from "node:path";
import {
  checkRealPathInside,
  confinedPath,
  digestFile,
  digestMismatch,
  indexManifest,
  isInside,
  type ManifestIndex,
  ManifestPathError,
} from "../manifest/mod.ts";
import type { FileDigest } from "../runs/mod.ts";
import { runTreeOf } from "../manifest/mod.ts";

/** One thing that does not match. */
export interface VerifyProblem {
  /** The run whose entry names the file (null for an archive member). */
  readonly runId: number | null;
  /** The entry field (`output_paths.report__RF`), or `MANIFEST.hash`. */
  readonly field: string;
  /** The path as recorded. */
  readonly path: string;
  /** What is wrong. */
  readonly kind: "missing" | "damaged" | "unreadable" | "outside";
  /** The detail, e.g. `size 10 bytes, recorded 12`. */
  readonly detail: string;
}

/** What {@link verifySweep} checked. */
export interface VerifyReport {
  /** Runs recorded. */
  readonly runs: number;
  /** Files checked (outputs and hook outputs of ok runs, archive members). */
  readonly files: number;
  /** Of those, files with a recorded size and SHA-256 that match. */
  readonly matched: number;
  /** Files present but without a recorded digest (older manifests): only their presence is known. */
  readonly unrecorded: number;
  /** Problems found (each also given to `onProblem`). */
  readonly problems: number;
  /** Members of `MANIFEST.hash` checked (an unpacked archive), 0 when there is none. */
  readonly archiveMembers: number;
}

/** Options of {@link verifySweep}. */
export interface VerifySweepOptions {
  /** The directory holding `run-<id>/`. @default {the manifest's (or its header's `output_dir`)} */
  readonly outputDir?: string;
  /** Called with each problem as it is found. */
  readonly onProblem?: (problem: VerifyProblem) => void;
}

/**
 * Check a sweep's files against its manifest (see the module doc).
 *
 * @param manifestPath The manifest.
 * @param options The output directory and a problem callback.
 * @returns Counts of what was checked and of the problems.
 * @throws {ManifestNotFoundError | ManifestCorruptError} If the manifest cannot be read.
 *
 * @example
 * ```ts ignore
 * import { verifySweep } from "./verify_sweep.ts";
 * const report = await verifySweep("sweeps/sma/manifest.jsonl", {
 *   onProblem: (p) => console.log(p.runId, p.field, p.kind, p.detail),
 * });
 * console.log(report.problems === 0 ? "intact" : "damaged");
 * ```
 */
export async function verifySweep(
  manifestPath: string,
  options: VerifySweepOptions = {},
): Promise<VerifyReport> {
  checkArgument("verifySweep(manifestPath)", PathArg, manifestPath);
  const path = resolve(manifestPath);
  const index = await indexManifest(path);
  const outputDir = runTreeOf(path, index.header, options.outputDir);
  const counts = { files: 0, matched: 0, unrecorded: 0, problems: 0 };
  const report = (p: VerifyProblem) => {
    counts.problems++;
    options.onProblem?.(p);
  };
  const check = fileChecker(counts, report);
  await checkRunOutputs(index, outputDir, check);
  const archiveMembers = await checkArchiveHash(dirname(path), check, report);
  return { runs: index.size, ...counts, archiveMembers };
}

/**
 * The ok runs whose recorded outputs or hook outputs are missing, damaged, unreadable or outside
 * the output directory: what `resume --rerun-damaged` runs again.
 *
 * @param index The manifest's index.
 * @param outputDir The directory holding `run-<id>/`.
 * @param onProblem Called with each problem as it is found.
 * @returns The run ids with at least one problem, ascending.
 */
export async function damagedRuns(
  index: ManifestIndex,
  outputDir: string,
  onProblem?: (problem: VerifyProblem) => void,
): Promise<number[]> {
  const damaged = new Set<number>();
  const report = (p: VerifyProblem) => {
    if (p.runId !== null) damaged.add(p.runId);
    onProblem?.(p);
  };
  const counts = { files: 0, matched: 0, unrecorded: 0, problems: 0 };
  await checkRunOutputs(index, outputDir, fileChecker(counts, report));
  return [...damaged].sort((a, b) => a - b);
}

/**
 * Checks one file against its recorded digest (see {@link fileChecker}); `abs` is the error
 * instead of a path when the recorded path leaves the output directory (it is not opened).
 */
type FileCheck = (
  runId: number | null,
  field: string,
  recorded: string,
  abs: string | ManifestPathError,
  digest: FileDigest | undefined,
) => Promise<void>;

/** A {@link FileCheck} that counts into `counts` and reports problems. */
function fileChecker(
  counts: { files: number; matched: number; unrecorded: number },
  report: (p: VerifyProblem) => void,
): FileCheck {
  return async (runId, field, recorded, abs, digest) => {
    counts.files++;
    if (abs instanceof ManifestPathError) {
      report({ runId, field, path: recorded, kind: "outside", detail: abs.message });
      return;
    }
    let actual: FileDigest;
    try {
      actual = await digestFile(abs);
    } catch (e) {
      const missing = e instanceof Deno.errors.NotFound;
      report({
        runId,
        field,
        path: recorded,
        kind: missing ? "missing" : "unreadable",
        detail: missing ? "the file is missing" : (e as Error).message,
      });
      return;
    }
    if (digest === undefined) {
      counts.unrecorded++;
      return;
    }
    const mismatch = digestMismatch(digest, actual);
    if (mismatch === undefined) counts.matched++;
    else report({ runId, field, path: recorded, kind: "damaged", detail: mismatch });
  };
}

/** Check every ok run's outputs and hook outputs, in run id order, one entry read at a time. */
async function checkRunOutputs(
  index: ManifestIndex,
  outputDir: string,
  check: FileCheck,
): Promise<void> {
  let real: string | undefined;
  try {
    real = await Deno.realPath(outputDir);
  } catch {
    // no tree: every file is missing
  }
  const ids = [...index.runs()].map((r) => r.runId).sort((a, b) => a - b);
  await using reader = await index.entryReader();
  for (const id of ids) {
    const entry = await reader.read(id);
    if (entry === undefined || entry.status !== "ok") continue;
    const named = [
      ...Object.entries(entry.output_paths).map(([k, p]) => [`output_paths.${k}`, p]),
      ...Object.entries(entry.extra_outputs).map(([k, p]) => [`extra_outputs.${k}`, p]),
    ];
    for (const [field, recorded] of named) {
      let abs: string | ManifestPathError;
      try {
        abs = confinedPath(outputDir, recorded, id, field);
        if (real !== undefined) checkRealPathInside(real, abs, id, field);
      } catch (e) {
        if (!(e instanceof ManifestPathError)) throw e;
        abs = e;
      }
      await check(id, field, recorded, abs, entry.output_digests?.[recorded]);
    }
  }
}

/** The archive's `MANIFEST.hash` (`sha256sum` lines), when there is one beside the manifest. */
async function checkArchiveHash(
  bundle: string,
  check: FileCheck,
  report: (p: VerifyProblem) => void,
): Promise<number> {
  const hashFile = join(bundle, "MANIFEST.hash");
  let text: string;
  try {
    text = await Deno.readTextFile(hashFile);
  } catch {
    return 0;
  }
  let members = 0;
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (m === null) continue;
    members++;
    const [, sha256, name] = m;
    const abs = resolve(bundle, name);
    if (!isInside(bundle, abs)) {
      report({
        runId: null,
        field: "MANIFEST.hash",
        path: name,
        kind: "outside",
        detail: "the member lies outside the archive's directory; it was not read",
      });
      continue;
    }
    let size: number;
    try {
      size = (await Deno.stat(abs)).size;
    } catch {
      size = -1; // reported as missing by check()
    }
    await check(null, "MANIFEST.hash", name, abs, { size: Math.max(size, 0), sha256 });
  }
  return members;
}
