/**
 * Reading a manifest: the whole file with last-wins dedupe ({@link readManifest}), the entries as a
 * stream ({@link iterateEntries}), or the header alone ({@link readManifestHeader}).
 *
 * Tolerance is exactly the Python tool's: one torn trailing line (no final newline) is dropped
 * silently; an empty file, a header without a newline, invalid JSON in the header, or any complete
 * entry line that is malformed is a {@link ManifestCorruptError} naming the line.
 *
 * @module
 */

import { checkArgument, PathArg } from "../errors/arguments.ts";
import { type RawLine, readRawLines } from "./_line_reader.ts";
import { parseEntryText, parseHeaderText } from "./_parse_line.ts";
import type { ManifestEntry } from "./entry.ts";
import { ManifestCorruptError } from "./errors.ts";
import type { ManifestHeader } from "./header.ts";

/** A manifest read into memory. */
export interface Manifest {
  /** The path it was read from, as given. */
  readonly path: string;
  /** The header (line 1). */
  readonly header: ManifestHeader;
  /**
   * One entry per run id: the content of the run's **last** line, at the position of its
   * **first** line (the order runs first finished in).
   */
  readonly entries: ManifestEntry[];
  /** Complete lines read, header included (a dropped torn tail is not counted). */
  readonly lineCount: number;
  /** Whether a torn trailing line (no final newline) was dropped. */
  readonly droppedTornTail: boolean;
}

/** One entry line as streamed by {@link iterateEntries}. */
export interface ManifestLine {
  /** 1-based line number in the file (entries start at 2). */
  readonly line: number;
  /** The validated entry. */
  readonly entry: ManifestEntry;
}

/** What {@link scanManifest} yields: the header, each complete entry line, a torn tail. */
export type ScanItem =
  | { kind: "header"; header: ManifestHeader; bytes: number }
  | { kind: "entry"; line: number; entry: ManifestEntry; offset: number; bytes: number }
  | { kind: "torn"; line: number; offset: number };

const EMPTY_FIX = "the sweep never wrote its header; delete the file and start the sweep again";

function tornHeader(path: string): ManifestCorruptError {
  return new ManifestCorruptError(
    path,
    1,
    "header line has no terminating newline (torn header)",
    EMPTY_FIX,
  );
}

/**
 * Take the header (line 1) off a manifest's lines and validate it.
 *
 * @param lines The manifest's lines, from the first.
 * @param path The manifest path, for messages.
 * @returns The header and its line's length in bytes (without the newline).
 * @throws {ManifestCorruptError} At line 1 for an empty file, a torn or malformed header.
 */
export async function readHeaderLine(
  lines: AsyncIterator<RawLine>,
  path: string,
): Promise<{ header: ManifestHeader; bytes: number }> {
  const first = await lines.next();
  if (first.done) throw new ManifestCorruptError(path, 1, "manifest is empty", EMPTY_FIX);
  if (!first.value.terminated) throw tornHeader(path);
  return { header: parseHeaderText(first.value.text, path), bytes: first.value.bytes };
}

/**
 * Read a manifest line by line in bounded memory: the validated header first, then each complete
 * entry line (validated, with its byte offset and length), then a torn tail if there is one.
 *
 * @param path The manifest path.
 * @throws {ManifestNotFoundError} If the file does not exist.
 * @throws {ManifestCorruptError} When a malformed line is reached.
 */
export async function* scanManifest(path: string): AsyncGenerator<ScanItem> {
  const lines = readRawLines(path);
  try {
    const { header, bytes } = await readHeaderLine(lines, path);
    yield { kind: "header", header, bytes };
    for await (const raw of lines as AsyncIterable<RawLine>) {
      if (!raw.terminated) {
        yield { kind: "torn", line: raw.line, offset: raw.offset };
        return;
      }
      const entry = parseEntryText(raw.text, path, raw.line);
      yield { kind: "entry", line: raw.line, entry, offset: raw.offset, bytes: raw.bytes };
    }
  } finally {
    await lines.return(undefined);
  }
}

/**
 * Read and validate a whole manifest, keeping the last line of each run id at the position of its
 * first line.
 *
 * @param path The manifest path.
 * @returns The header, the deduplicated entries and what was read.
 * @throws {ManifestNotFoundError} If the file does not exist.
 * @throws {ManifestCorruptError} If a line other than a torn tail is malformed.
 *
 * @example
 * ```ts
 * import { ManifestWriter, readManifest } from "./mod.ts";
 * const dir = await Deno.makeTempDir();
 * const header = {
 *   script_sha256: "0".repeat(64), gmat_sweep_version: "0.1.0", gmat_run_version: "n/a",
 *   gmat_install_version: "builtin-0.1.0", python_version: null, os_platform: "Linux",
 *   sweep_seed: null, parameter_spec: { _kind: "grid", "Sat.SMA": [7000, 7100] }, run_count: 2,
 * };
 * await using writer = await ManifestWriter.create(`${dir}/manifest.jsonl`, header);
 * const entry = {
 *   run_id: 0, overrides: { "Sat.SMA": 7000 }, status: "failed" as const, output_paths: {},
 *   started_at: "2026-01-01T00:00:00.000Z", ended_at: "2026-01-01T00:00:01.000Z",
 *   duration_s: 1, stderr: "boom", log_path: null,
 * };
 * await writer.append(entry);
 * await writer.append({ ...entry, status: "ok", stderr: null, attempt: 2 });
 * await writer.close();
 * const manifest = await readManifest(`${dir}/manifest.jsonl`);
 * console.log(manifest.entries.length, manifest.entries[0].status); // 1 ok
 * ```
 */
export async function readManifest(path: string): Promise<Manifest> {
  checkArgument("readManifest(path)", PathArg, path);
  let header: ManifestHeader | undefined;
  const entries: ManifestEntry[] = [];
  const position = new Map<number, number>();
  let lineCount = 0;
  let droppedTornTail = false;
  for await (const item of scanManifest(path)) {
    if (item.kind === "header") {
      header = item.header;
      lineCount = 1;
    } else if (item.kind === "entry") {
      lineCount = item.line;
      const at = position.get(item.entry.run_id);
      if (at === undefined) {
        position.set(item.entry.run_id, entries.length);
        entries.push(item.entry);
      } else {
        entries[at] = item.entry;
      }
    } else {
      droppedTornTail = true;
    }
  }
  if (header === undefined) throw new Error("unreachable: scanManifest() yields the header first");
  return { path, header, entries, lineCount, droppedTornTail };
}

/**
 * Stream a manifest's entries in file order, without dedupe and without loading the whole file.
 * The header is read and validated first (so a newer schema is refused before any entry); a torn
 * trailing line ends the stream silently.
 *
 * @param path The manifest path.
 * @returns An async iterable of `{ line, entry }`.
 * @throws {ManifestNotFoundError} If the file does not exist (on first iteration).
 * @throws {ManifestCorruptError} When a malformed line is reached.
 *
 * @example
 * ```ts ignore
 * import { iterateEntries } from "./mod.ts";
 * for await (const { line, entry } of iterateEntries("out/manifest.jsonl")) {
 *   console.log(line, entry.run_id, entry.status);
 * }
 * ```
 */
export async function* iterateEntries(path: string): AsyncGenerator<ManifestLine> {
  for await (const item of scanManifest(path)) {
    if (item.kind === "entry") yield { line: item.line, entry: item.entry };
  }
}

/**
 * Read and validate only the header (line 1) of a manifest.
 *
 * @param path The manifest path.
 * @returns The header with defaults filled in.
 * @throws {ManifestNotFoundError} If the file does not exist.
 * @throws {ManifestCorruptError} If the file is empty or line 1 is torn or malformed.
 */
export async function readManifestHeader(path: string): Promise<ManifestHeader> {
  for await (const item of scanManifest(path)) {
    if (item.kind === "header") return item.header;
  }
  throw new Error("unreachable: scanManifest() yields the header first");
}
