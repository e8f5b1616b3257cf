/**
 * {@link archiveSweep}: one sweep as one byte-deterministic zip that can be checked, aggregated
 * and resumed anywhere.
 *
 * Layout (members in code point order; `MANIFEST.hash` sorts first):
 *
 * ```
 * MANIFEST.hash          sha256sum -c compatible, every other member
 * README.md              what the study is and how to check, aggregate, resume and recompute it
 * manifest.jsonl         the manifest, paths relative to runs/ (script_path: script/<name>)
 * runs/run-<id>/...      each recorded run's files (see collect_files.ts)
 * script/<name>          the script, byte for byte
 * ```
 *
 * Unpacked in any directory, `Sweep.fromManifest("manifest.jsonl", "script/<name>", { outputDir:
 * "runs" })` reopens it (aggregation, `resume`), as does `gmat-sweep resume manifest.jsonl --script
 * script/<name> --output-dir runs`.
 *
 * Determinism: the bytes depend only on the manifest's lines, the script and the run files'
 * names and contents (never on timestamps, owners, modes, the directory order or the archive's
 * own path): see `zip_writer.ts`. The archive is written beside `out` under a temporary name and
 * renamed into place, so a failure never leaves a partial file at `out`.
 *
 * @module
 */

import { basename, dirname, join, resolve, sep } from "node:path";
import { checkScriptDrift, compareCodePoints, readManifest } from "../manifest/mod.ts";
import { runDirName } from "../runs/mod.ts";
import { canonicalScriptSha256 } from "../script/mod.ts";
import { runTreeOf } from "../manifest/mod.ts";
import { GMAT_SWEEP_VERSION } from "../runtime/version.ts";
import { bundleManifest, readManifestLines } from "./bundle_manifest.ts";
import { bundleReadme } from "./bundle_readme.ts";
import { checkMemberName, collectRunFiles, type RunFilesMode } from "./collect_files.ts";
import { ArchiveError } from "./errors.ts";
import { asStorageError, StorageError } from "../errors/storage_error.ts";
import { HASH_FILE_NAME, hashFileLength, hashFileText, sha256Hex } from "./hash_file.ts";
import { DeterministicZipWriter, type ReservedMember } from "./zip_writer.ts";

/** Options of {@link archiveSweep}. */
export interface ArchiveSweepOptions {
  /** The sweep's manifest. */
  readonly manifestPath: string;
  /** The script the sweep ran; its canonical hash must match the manifest's. */
  readonly scriptPath: string;
  /** The directory holding `run-<id>/`. @default {the manifest's directory} */
  readonly outputDir?: string;
  /** The archive to write (replaced if it exists), e.g. `study.zip`. */
  readonly out: string;
  /** Bundle a script whose canonical hash differs from the manifest's (with a warning). */
  readonly allowScriptDrift?: boolean;
  /**
   * `all`: every file of each recorded run's directory (raw GMAT outputs and the run's script
   * too); `referenced`: only the files the manifest names. @default {"all"}
   */
  readonly runFiles?: RunFilesMode;
  /** Receives warnings (script drift). @default {console.warn} */
  readonly onWarning?: (message: string) => void;
}

/** What {@link archiveSweep} wrote. */
export interface ArchiveResult {
  /** The archive's absolute path. */
  readonly out: string;
  /** Its size in bytes. */
  readonly bytes: number;
  /** Member names, in archive order. */
  readonly members: readonly string[];
  /** Runs the manifest records (one per run id). */
  readonly runs: number;
  /** The script's name inside the archive, e.g. `script/leo.script`. */
  readonly scriptMember: string;
}

/** A member's bytes, given or read from a file when written. */
type Source = { readonly data: Uint8Array<ArrayBuffer> } | { readonly abs: string };

/**
 * Write a sweep as a byte-deterministic zip archive: script, manifest (bundle-relative paths),
 * run files, a README with the reproduce commands and a `MANIFEST.hash` for `sha256sum -c`.
 *
 * @param options The manifest, script, output directory, archive path and what to include.
 * @returns The archive's path, size, members and run count.
 * @throws {ManifestNotFoundError | ManifestCorruptError} If the manifest cannot be read.
 * @throws {ScriptDriftError} If the script's canonical hash differs and drift is not allowed.
 * @throws {ArchiveError} For a missing script, output directory or run file, a path outside the
 * output directory, an unusable file or archive path, or a manifest changing meanwhile.
 *
 * @example
 * ```ts ignore
 * import { archiveSweep } from "./mod.ts";
 * const res = await archiveSweep({
 *   manifestPath: "sweeps/sma/manifest.jsonl",
 *   scriptPath: "leo.script",
 *   out: "sma-study.zip",
 * });
 * console.log(res.members.length, res.bytes);
 * ```
 */
export async function archiveSweep(options: ArchiveSweepOptions): Promise<ArchiveResult> {
  const manifestPath = resolve(options.manifestPath);
  const scriptPath = resolve(options.scriptPath);
  const out = resolve(options.out);
  const runFiles = options.runFiles ?? "all";

  const manifest = await readManifest(manifestPath);
  const outputDir = runTreeOf(manifestPath, manifest.header, options.outputDir);
  const script = await readScript(scriptPath);
  const drift = checkScriptDrift(manifest, canonicalScriptSha256(script), {
    allowDrift: options.allowScriptDrift ?? false,
  });
  if (drift.warning) (options.onWarning ?? console.warn)(drift.warning);
  await checkOutputDir(outputDir);
  const scriptMember = `script/${basename(scriptPath)}`;
  checkMemberName(scriptMember, scriptPath);

  const lines = await readManifestLines(manifestPath, manifest.lineCount);
  const bundle = bundleManifest(manifest, lines, { outputDir, scriptMember });
  const runMembers = await collectRunFiles(bundle, { outputDir, manifestPath, runFiles });
  const readme = bundleReadme({
    manifest,
    scriptMember,
    runFiles,
    archiverVersion: GMAT_SWEEP_VERSION,
  });

  const encoder = new TextEncoder();
  const sources = new Map<string, Source>([
    ["README.md", { data: encoder.encode(readme) }],
    ["manifest.jsonl", { data: encoder.encode(bundle.text) }],
    [scriptMember, { data: script }],
  ]);
  for (const f of runMembers) sources.set(f.member, { abs: f.abs });
  await checkOut(out, [manifestPath, scriptPath, ...runMembers.map((f) => f.abs)]);
  const runDirs = bundle.runIds.map((id) => join(outputDir, runDirName(id)) + sep);
  if (runFiles === "all" && runDirs.some((d) => out.startsWith(d))) {
    throw new ArchiveError(
      "ARCHIVE_OUT_PATH",
      out,
      "the archive would be inside a run directory, so the next archive would bundle it",
      "write the archive outside the run directories, e.g. --out study.zip",
    );
  }

  const names = [...sources.keys(), HASH_FILE_NAME].sort(compareCodePoints);
  const temp = join(dirname(out), `.${basename(out)}.partial-${crypto.randomUUID()}`);
  try {
    let bytes: number;
    {
      await using file = await Deno.open(temp, { write: true, createNew: true });
      const zip = new DeterministicZipWriter(file);
      const digests = new Map<string, string>();
      let hashSlot: ReservedMember | undefined;
      for (const name of names) {
        if (name === HASH_FILE_NAME) {
          hashSlot = await zip.reserve(name, hashFileLength(sources.keys()));
          continue;
        }
        const data = await readSource(sources.get(name)!);
        digests.set(name, await sha256Hex(data));
        await zip.add(name, data);
      }
      await zip.fill(hashSlot!, encoder.encode(hashFileText(digests)));
      bytes = (await zip.finish()).bytes;
      await file.sync();
    }
    await Deno.rename(temp, out);
    return { out, bytes, members: names, runs: manifest.entries.length, scriptMember };
  } catch (e) {
    await Deno.remove(temp).catch(() => {});
    // A run file that could not be read is already named; anything else failed writing.
    throw asStorageError(e, out, "cannot write the archive to");
  }
}

async function readScript(path: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return await Deno.readFile(path);
  } catch (cause) {
    const refused = asStorageError(cause, path, "cannot read the script", "", { reading: true });
    if (refused instanceof StorageError) throw refused;
    throw new ArchiveError(
      "ARCHIVE_SCRIPT_NOT_FOUND",
      path,
      `cannot read the script (${cause instanceof Error ? cause.message : cause})`,
      "pass the script the sweep ran (--script)",
      { cause },
    );
  }
}

async function checkOutputDir(outputDir: string): Promise<void> {
  let isDirectory = false;
  try {
    isDirectory = (await Deno.stat(outputDir)).isDirectory;
  } catch {
    // reported below
  }
  if (!isDirectory) {
    throw new ArchiveError(
      "ARCHIVE_OUTPUT_DIR_NOT_FOUND",
      outputDir,
      "the output directory does not exist",
      "pass the directory that holds the run-<id> folders (--output-dir) when the manifest " +
        "lives elsewhere",
    );
  }
}

/** The archive must not replace an input, and its directory must exist. */
async function checkOut(out: string, inputs: readonly string[]): Promise<void> {
  if (inputs.includes(out)) {
    throw new ArchiveError(
      "ARCHIVE_OUT_PATH",
      out,
      "the archive path is one of the files being archived",
      "write the archive outside the run directories, e.g. --out study.zip",
    );
  }
  let dirOk = false;
  try {
    dirOk = (await Deno.stat(dirname(out))).isDirectory;
  } catch {
    // reported below
  }
  if (!dirOk) {
    throw new ArchiveError(
      "ARCHIVE_OUT_PATH",
      out,
      `the archive's directory ${dirname(out)} does not exist`,
      "create it first, or write the archive elsewhere",
    );
  }
  try {
    if ((await Deno.stat(out)).isDirectory) {
      throw new ArchiveError(
        "ARCHIVE_OUT_PATH",
        out,
        "is a directory",
        "give a file name for the archive, e.g. --out study.zip",
      );
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
}

async function readSource(source: Source): Promise<Uint8Array<ArrayBuffer>> {
  if ("data" in source) return source.data;
  try {
    return await Deno.readFile(source.abs);
  } catch (cause) {
    if (!(cause instanceof Deno.errors.NotFound)) {
      throw asStorageError(cause, source.abs, "cannot read", "", { reading: true });
    }
    throw new ArchiveError(
      "ARCHIVE_RUN_FILE_MISSING",
      source.abs,
      "disappeared while the archive was being written",
      "archive again once nothing is writing the run tree",
      { cause },
    );
  }
}
