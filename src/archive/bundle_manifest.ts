/**
 * The manifest as it goes into an archive, and the run files it references.
 *
 * Every complete line of the manifest is kept, in order (superseded attempts included: the file is
 * the sweep's history, and readers keep the last line of each run anyway); a torn trailing line is
 * dropped, as readers drop it. Only path fields change, each spliced in place so every other byte
 * of the line stays as the sweep wrote it:
 *
 * - header `script_path` becomes the bundled script, relative to the manifest (`script/<name>`);
 * - entry paths (`output_paths`, `extra_outputs`, `log_path`, `postprocess_log_path`, and string
 *   values of the Python tool's `solver_paths`) are relative to the bundle's `runs/` directory,
 *   the sweep's output directory inside the bundle. Relative paths (what this tool writes) are
 *   already in that form and keep their bytes; absolute ones (Python manifests) are made relative
 *   to the output directory. A path outside it, or climbing out with `..`, is refused.
 *
 * @module
 */

import { isAbsolute, relative, resolve, sep, win32 } from "node:path";
import { compareCodePoints, type Manifest, sortedJsonStringify } from "../manifest/mod.ts";
import { ArchiveError } from "./errors.ts";
import { editMembers, type MemberEdit } from "../manifest/json_members.ts";

/** Directory of the run tree inside the bundle. */
export const RUNS_DIR = "runs";

/** A run file referenced by the manifest. */
export interface RunFileRef {
  /** Path relative to the output directory (`/` separators), e.g. `run-3/report__RF.parquet`. */
  readonly rel: string;
  /** Where it is on disk now. */
  readonly abs: string;
  /** The run whose entry references it. */
  readonly runId: number;
  /** The entry field, e.g. `output_paths.report__RF`. */
  readonly field: string;
}

/** The rewritten manifest and what it references. */
export interface BundleManifest {
  /** The manifest text for the bundle (complete lines, each ending in `\n`). */
  readonly text: string;
  /** Files referenced by each run's latest entry: they must exist. */
  readonly required: readonly RunFileRef[];
  /** Files referenced only by superseded entries: bundled when they still exist. */
  readonly superseded: readonly RunFileRef[];
  /** Run ids with an entry, in first-seen order. */
  readonly runIds: readonly number[];
}

/** Options of {@link bundleManifest}. */
export interface BundleManifestOptions {
  /** The sweep's output directory (absolute). */
  readonly outputDir: string;
  /** The bundled script's path relative to the manifest, e.g. `script/leo.script`. */
  readonly scriptMember: string;
}

const MAP_FIELDS = ["output_paths", "extra_outputs"] as const;
const SINGLE_FIELDS = ["log_path", "postprocess_log_path"] as const;

/**
 * Read the first `lineCount` lines of a manifest as text (the lines a reader accepted).
 *
 * @param path The manifest.
 * @param lineCount Complete lines to take (`Manifest.lineCount`).
 * @returns The lines without their newlines.
 * @throws {ArchiveError} `ARCHIVE_MANIFEST_CHANGED` if the file now has fewer complete lines.
 */
export async function readManifestLines(path: string, lineCount: number): Promise<string[]> {
  const text = new TextDecoder("utf-8").decode(await Deno.readFile(path));
  const lines = text.split("\n");
  // The piece after the last newline is a torn tail (or empty): never a complete line.
  if (lines.length - 1 < lineCount) throw changed(path);
  return lines.slice(0, lineCount);
}

function changed(path: string): ArchiveError {
  return new ArchiveError(
    "ARCHIVE_MANIFEST_CHANGED",
    path,
    "the manifest changed while it was being archived",
    "wait for the sweep writing it to finish (or stop it), then archive again",
  );
}

/**
 * Rewrite a manifest's lines for the bundle and list the files its entries reference.
 *
 * @param manifest The manifest as read (its header, deduplicated entries and line count).
 * @param lines Its first `manifest.lineCount` lines, raw.
 * @param options The output directory and the bundled script's member name.
 * @returns The bundle manifest text and the referenced files.
 * @throws {ArchiveError} `ARCHIVE_PATH_OUTSIDE` for a path outside the output directory;
 * `ARCHIVE_MANIFEST_CHANGED` if the lines do not match what the reader read.
 */
export function bundleManifest(
  manifest: Manifest,
  lines: readonly string[],
  options: BundleManifestOptions,
): BundleManifest {
  const header = JSON.parse(lines[0]) as Record<string, unknown>;
  if (header.script_sha256 !== manifest.header.script_sha256) throw changed(manifest.path);
  const out = [
    editMembers(
      lines[0],
      [
        { key: "output_dir", valueText: sortedJsonStringify(RUNS_DIR) },
        { key: "script_path", valueText: sortedJsonStringify(options.scriptMember) },
      ],
      compareCodePoints,
    ),
  ];
  // Per line: the run id and its references; the last line of a run id is the one that counts.
  const refsByLine: { runId: number; refs: RunFileRef[] }[] = [];
  const lastLine = new Map<number, number>();
  const runIds: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = JSON.parse(lines[i]) as Record<string, unknown>;
    const runId = raw.run_id as number;
    const rewritten = rewriteEntry(lines[i], raw, runId, i + 1, manifest.path, options.outputDir);
    out.push(rewritten.text);
    refsByLine.push({ runId, refs: rewritten.refs });
    if (!lastLine.has(runId)) runIds.push(runId);
    lastLine.set(runId, i - 1);
  }
  const seen = manifest.entries.map((e) => e.run_id);
  if (seen.length !== runIds.length || seen.some((id, k) => id !== runIds[k])) {
    throw changed(manifest.path);
  }
  const required: RunFileRef[] = [];
  const superseded: RunFileRef[] = [];
  refsByLine.forEach(({ runId, refs }, k) => {
    (lastLine.get(runId) === k ? required : superseded).push(...refs);
  });
  return { text: out.map((l) => `${l}\n`).join(""), required, superseded, runIds };
}

function rewriteEntry(
  line: string,
  raw: Record<string, unknown>,
  runId: number,
  lineNumber: number,
  manifestPath: string,
  outputDir: string,
): { text: string; refs: RunFileRef[] } {
  const refs: RunFileRef[] = [];
  const edits: MemberEdit[] = [];
  const place = (field: string, value: string): string => {
    const located = locate(value, outputDir);
    if (located === undefined) {
      throw new ArchiveError(
        "ARCHIVE_PATH_OUTSIDE",
        manifestPath,
        `line ${lineNumber} (run ${runId}): ${field} ${JSON.stringify(value)} is outside the ` +
          `output directory ${outputDir}`,
        "pass the directory that holds the run-<id> folders as the output directory " +
          "(--output-dir); an archive holds only files under it",
      );
    }
    refs.push({ rel: located.rel, abs: located.abs, runId, field });
    return located.value;
  };
  const fields: [string, Record<string, unknown>][] = MAP_FIELDS.map((f) => [f, objectOf(raw[f])]);
  // The Python tool's per-solver files: only plain string values are paths.
  fields.push(["solver_paths", objectOf(raw.solver_paths)]);
  for (const [field, map] of fields) {
    let changedAny = false;
    const next: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(map)) {
      if (typeof value !== "string") {
        next[key] = value;
        continue;
      }
      next[key] = place(`${field}.${key}`, value);
      changedAny ||= next[key] !== value;
    }
    if (changedAny) edits.push({ key: field, valueText: sortedJsonStringify(next) });
  }
  for (const field of SINGLE_FIELDS) {
    const value = raw[field];
    if (typeof value !== "string") continue;
    const placed = place(field, value);
    if (placed !== value) edits.push({ key: field, valueText: sortedJsonStringify(placed) });
  }
  const text = edits.length === 0 ? line : editMembers(line, edits, compareCodePoints);
  return { text, refs };
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? value as Record<string, unknown>
    : {};
}

/**
 * Where a manifest path points: its path relative to the output directory, its absolute path,
 * and the value the bundle manifest records (the original text when it is already relative).
 * Undefined when it lies outside the output directory.
 */
function locate(
  value: string,
  outputDir: string,
): { rel: string; abs: string; value: string } | undefined {
  const absolute = isAbsolute(value) || win32.isAbsolute(value);
  const abs = absolute ? resolve(value) : resolve(outputDir, value);
  const rel = relative(outputDir, abs);
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return undefined;
  }
  const posixRel = sep === "/" ? rel : rel.split(sep).join("/");
  return { rel: posixRel, abs, value: absolute ? posixRel : value };
}
