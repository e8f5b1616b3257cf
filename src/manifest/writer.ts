/**
 * The manifest writer: the only code that writes a `manifest.jsonl`, and only the sweep's driver
 * process uses it (workers never touch the manifest).
 *
 * One writer at a time: the writer holds an exclusive `flock` on the manifest for its whole life
 * (taken before anything is truncated or appended). The operating system drops it when the
 * process ends, kill -9 included, so nothing is left to clean up; a second writer is refused with
 * {@link ManifestLockedError}.
 *
 * Durability contract (the Python tool's, with `FsFile.syncData()`):
 * - {@link ManifestWriter.create} truncates or creates the file, writes the header, syncs the file
 *   and then its parent directory (so the new directory entry survives a power loss; skipped where
 *   the platform cannot sync a directory).
 * - {@link ManifestWriter.append} writes sorted-key JSON lines and syncs them:
 *   - `fsync: "each"` (default): an entry is durable before `append` resolves. Group commit:
 *     entries appended while a sync is in flight are written together in one write and made
 *     durable by one sync, so many runs finishing at once cost one sync, not one each.
 *   - `fsync: { batch: n }`: after every n-th entry appended through this writer, on
 *     {@link ManifestWriter.flush} and on {@link ManifestWriter.close}. A crash or power loss can
 *     lose up to n - 1 trailing entries; resume finds those runs missing and re-runs them.
 * - A crash in the middle of a write leaves at most one torn trailing line (no final newline);
 *   readers drop it, and {@link ManifestWriter.openForAppend} truncates it away before appending so
 *   a new line never glues onto garbage. A write that fails (disk full) is cut back to the last
 *   complete line at once, and the writer refuses further appends.
 * - {@link ManifestWriter.setRunCount} rewrites the header's `run_count` (extend records its target
 *   before any run): the new file is written beside the old one, synced, and renamed over it.
 *
 * Storage failures (disk full, permission denied, read-only file system, I/O error) are thrown as
 * `StorageError` naming the manifest.
 *
 * @module
 */

import { basename, dirname, join, resolve } from "node:path";
import { asStorageError } from "../errors/storage_error.ts";
import { openManifestFile } from "./_line_reader.ts";
import { tryLockExclusive } from "./try_lock.ts";
import { describeIssues, parseHeaderText } from "./_parse_line.ts";
import { syncDirectory } from "./sync_to_disk.ts";
import { type ManifestEntry, type ManifestEntryInput, ManifestEntrySchema } from "./entry.ts";
import { ManifestLockedError } from "./errors.ts";
import { type ManifestHeader, type ManifestHeaderInput, ManifestHeaderSchema } from "./header.ts";
import { editMembers } from "./json_members.ts";
import type { LinePosition } from "./manifest_index.ts";
import { readManifestHeader } from "./reader.ts";
import { compareCodePoints, sortedJsonStringify } from "./sorted_json.ts";

/** When appended entries are synced to disk. */
export type FsyncMode = "each" | { batch: number };

/** Options of {@link ManifestWriter.create} and {@link ManifestWriter.openForAppend}. */
export interface ManifestWriterOptions {
  /**
   * `"each"` makes every entry durable before `append` resolves (entries arriving during a sync
   * share the next one); `{ batch: n }` syncs after every n-th entry (up to n - 1 trailing entries
   * can be lost in a crash and are re-run by resume).
   *
   * @default {"each"}
   */
  fsync?: FsyncMode;
}

/**
 * Counters of what a writer did: the documented hook for checking the durability policy.
 * `fileSyncs` counts `syncData()` calls on the manifest file (creation and truncation included).
 */
export interface ManifestWriterStats {
  /** Entries appended through this writer. */
  readonly entriesAppended: number;
  /** Entries written but not yet synced. */
  readonly unsyncedEntries: number;
  /** `syncData()` calls on the manifest file. */
  readonly fileSyncs: number;
  /** Successful syncs of the parent directory. */
  readonly directorySyncs: number;
}

/** An appended entry's line: where it is, and the entry as written (defaults filled). */
export interface AppendedLine extends LinePosition {
  /** The entry as validated and written. */
  readonly entry: ManifestEntry;
}

const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;
const encoder = new TextEncoder();
const AFTER_FAILURE = "then finish the sweep with gmat-sweep resume (the manifest is consistent)";

function batchSize(options: ManifestWriterOptions): number {
  const mode = options.fsync ?? "each";
  if (mode === "each") return 1;
  const n = mode.batch;
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(
      `Cannot open manifest writer: fsync batch must be an integer >= 1, got ${n}`,
    );
  }
  return n;
}

async function writeAllAt(file: Deno.FsFile, position: number, bytes: Uint8Array): Promise<void> {
  await file.seek(position, Deno.SeekMode.Start);
  let offset = await file.write(bytes);
  while (offset < bytes.length) offset += await file.write(bytes.subarray(offset));
}

async function readAt(file: Deno.FsFile, position: number, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  await file.seek(position, Deno.SeekMode.Start);
  let filled = 0;
  while (filled < length) {
    const n = await file.read(out.subarray(filled));
    if (n === null) break;
    filled += n;
  }
  return out.subarray(0, filled);
}

/** Byte length of the file up to and including its last newline (0 if it has none). */
async function lastCompleteLineEnd(file: Deno.FsFile, size: number): Promise<number> {
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - CHUNK);
    const bytes = await readAt(file, start, end - start);
    const at = bytes.lastIndexOf(NEWLINE);
    if (at !== -1) return start + at + 1;
    end = start;
  }
  return 0;
}

/** Open and exclusively lock a manifest file, or throw ManifestLockedError. */
async function openLocked(path: string, options: Deno.OpenOptions): Promise<Deno.FsFile> {
  const file = await openManifestFile(path, options);
  let locked = false;
  try {
    locked = await tryLockExclusive(file);
  } catch (e) {
    file.close();
    throw e;
  }
  if (!locked) {
    file.close();
    throw new ManifestLockedError(path, "the manifest");
  }
  return file;
}

interface Pending {
  readonly bytes: Uint8Array;
  readonly entry: ManifestEntry;
  readonly resolve: (line: AppendedLine) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Appends entries to a manifest durably. Create one with {@link ManifestWriter.create} (new sweep)
 * or {@link ManifestWriter.openForAppend} (resume, extend); close it with `close()` or
 * `await using`.
 *
 * @example
 * ```ts
 * import { ManifestWriter, readManifest } from "./mod.ts";
 * const path = `${await Deno.makeTempDir()}/manifest.jsonl`;
 * const header = {
 *   script_sha256: "0".repeat(64), gmat_sweep_version: "0.1.0", gmat_run_version: "n/a",
 *   gmat_install_version: "builtin-0.1.0", python_version: null, os_platform: "Linux",
 *   sweep_seed: null, parameter_spec: { _kind: "grid", "Sat.SMA": [7000] }, run_count: 1,
 * };
 * {
 *   await using writer = await ManifestWriter.create(path, header, { fsync: { batch: 50 } });
 *   await writer.append({
 *     run_id: 0, overrides: { "Sat.SMA": 7000 }, status: "ok",
 *     output_paths: { report__RF: "run-0/report__RF.parquet" },
 *     started_at: "2026-01-01T00:00:00.000Z", ended_at: "2026-01-01T00:00:01.000Z",
 *     duration_s: 1, stderr: null, log_path: "run-0/worker.log",
 *   });
 * } // closed (and synced) here
 * console.log((await readManifest(path)).entries.length); // 1
 * ```
 */
export class ManifestWriter implements AsyncDisposable {
  /** The manifest path, as given. */
  readonly path: string;
  /** Bytes of a torn trailing line that `openForAppend` truncated away (0 when none). */
  readonly droppedTornTailBytes: number;

  #header: ManifestHeader;
  #headerBytes: number;
  #file: Deno.FsFile;
  #batch: number;
  /** Length of the file: every byte before it is a complete line. */
  #end: number;
  #pending: Pending[] = [];
  #draining: Promise<void> | null = null;
  #failure: { error: unknown } | null = null;
  #closing: Promise<void> | null = null;
  #appended = 0;
  #unsynced = 0;
  #fileSyncs: number;
  #directorySyncs: number;

  private constructor(
    path: string,
    header: { parsed: ManifestHeader; bytes: number },
    file: Deno.FsFile,
    batch: number,
    state: { end: number; fileSyncs: number; directorySyncs: number; droppedBytes: number },
  ) {
    this.path = path;
    this.#header = header.parsed;
    this.#headerBytes = header.bytes;
    this.#file = file;
    this.#batch = batch;
    this.#end = state.end;
    this.#fileSyncs = state.fileSyncs;
    this.#directorySyncs = state.directorySyncs;
    this.droppedTornTailBytes = state.droppedBytes;
  }

  /** The header of the manifest (as written, or as read back by `openForAppend`). */
  get header(): ManifestHeader {
    return this.#header;
  }

  /** Length in bytes of the header line, without its newline. */
  get headerBytes(): number {
    return this.#headerBytes;
  }

  /**
   * Create (or truncate) a manifest and durably write its header. The file is locked before it is
   * truncated.
   *
   * @param path Where to write the manifest (its directory must exist).
   * @param header The header; defaulted fields may be omitted, `schema_version` is set to 1.
   * @param options The fsync policy.
   * @returns An open writer.
   * @throws {TypeError} If the header does not satisfy the header schema.
   * @throws {RangeError} If the fsync batch is not an integer >= 1.
   * @throws {ManifestLockedError} If another writer holds the manifest.
   * @throws {StorageError} If the file cannot be created or written (disk full, permissions).
   */
  static async create(
    path: string,
    header: ManifestHeaderInput,
    options: ManifestWriterOptions = {},
  ): Promise<ManifestWriter> {
    const batch = batchSize(options);
    const parsed = ManifestHeaderSchema.safeParse(header);
    if (!parsed.success) {
      throw new TypeError(
        `Cannot create manifest ${path}: ${describeIssues(parsed.error, "header")}`,
        { cause: parsed.error },
      );
    }
    const text = sortedJsonStringify(parsed.data);
    const line = encoder.encode(text + "\n");
    let file: Deno.FsFile;
    try {
      file = await openLocked(path, { read: true, write: true, create: true });
    } catch (e) {
      throw asStorageError(e, path, "cannot create the manifest");
    }
    try {
      await file.truncate(0);
      await writeAllAt(file, 0, line);
      await file.syncData();
      const dirSynced = await syncDirectory(dirname(resolve(path)));
      return new ManifestWriter(
        path,
        { parsed: parsed.data, bytes: line.length - 1 },
        file,
        batch,
        {
          end: line.length,
          fileSyncs: 1,
          directorySyncs: dirSynced ? 1 : 0,
          droppedBytes: 0,
        },
      );
    } catch (error) {
      file.close();
      throw asStorageError(error, path, "cannot write the manifest header of");
    }
  }

  /**
   * Open an existing manifest for appending (resume, extend). It is locked, its header is read and
   * validated, and a torn trailing line is truncated away (and the truncation synced) so the next
   * entry starts on a fresh line.
   *
   * @param path The manifest.
   * @param options The fsync policy.
   * @returns An open writer positioned at the end of the last complete line.
   * @throws {ManifestNotFoundError} If the file does not exist.
   * @throws {ManifestCorruptError} If the file is empty or its header is torn or invalid.
   * @throws {ManifestLockedError} If another writer holds the manifest.
   */
  static async openForAppend(
    path: string,
    options: ManifestWriterOptions = {},
  ): Promise<ManifestWriter> {
    const batch = batchSize(options);
    let file: Deno.FsFile;
    try {
      file = await openLocked(path, { read: true, write: true });
    } catch (e) {
      throw asStorageError(e, path, "cannot open the manifest");
    }
    try {
      const header = await readManifestHeader(path);
      const size = (await file.stat()).size;
      const end = await lastCompleteLineEnd(file, size);
      const headerBytes = await firstNewline(file, end);
      let fileSyncs = 0;
      if (end < size) {
        await file.truncate(end);
        await file.syncData();
        fileSyncs++;
      }
      return new ManifestWriter(path, { parsed: header, bytes: headerBytes }, file, batch, {
        end,
        fileSyncs,
        directorySyncs: 0,
        droppedBytes: size - end,
      });
    } catch (e) {
      file.close();
      throw asStorageError(e, path, "cannot open the manifest");
    }
  }

  /** Counters of appends and syncs so far (see {@link ManifestWriterStats}). */
  get stats(): ManifestWriterStats {
    return {
      entriesAppended: this.#appended,
      unsyncedEntries: this.#unsynced,
      fileSyncs: this.#fileSyncs,
      directorySyncs: this.#directorySyncs,
    };
  }

  /**
   * Append one entry as a sorted-key JSON line, then sync according to the fsync policy.
   *
   * @param entry The entry; defaulted fields may be omitted.
   * @returns Where the line went, and the entry as written.
   * @throws {TypeError} If the entry does not satisfy the entry schema or is not encodable.
   * @throws {StorageError} If the line cannot be written or synced (disk full, I/O error).
   * @throws {Error} If the writer is closed or an earlier write failed.
   */
  append(entry: ManifestEntryInput): Promise<AppendedLine> {
    const parsed = ManifestEntrySchema.safeParse(entry);
    if (!parsed.success) {
      return Promise.reject(
        new TypeError(
          `Cannot append to manifest ${this.path}: ${describeIssues(parsed.error, "entry")}`,
          { cause: parsed.error },
        ),
      );
    }
    let bytes: Uint8Array;
    try {
      bytes = encoder.encode(sortedJsonStringify(parsed.data) + "\n");
    } catch (error) {
      return Promise.reject(error);
    }
    const refused = this.#refusal("append");
    if (refused !== undefined) return Promise.reject(refused);
    return new Promise((resolve, reject) => {
      this.#pending.push({ bytes, entry: parsed.data, resolve, reject });
      this.#kick();
    });
  }

  /** Sync entries written since the last sync (no-op when there are none). */
  async flush(): Promise<void> {
    const refused = this.#refusal("flush");
    if (refused !== undefined) throw refused;
    await this.#idle();
    if (this.#failure !== null) throw this.#refusal("flush");
    if (this.#unsynced > 0) await this.#sync();
  }

  /**
   * Set the header's `run_count` (extend records its target before any run). See
   * {@link ManifestWriter.setHeaderMembers}.
   *
   * @param runCount The new run count.
   * @returns The new header line's length in bytes (without its newline).
   * @throws {StorageError} If the new file cannot be written.
   */
  async setRunCount(runCount: number): Promise<number> {
    return await this.setHeaderMembers({ run_count: runCount });
  }

  /**
   * Set members of the header (extend records its target, rehook a new hook). Only those
   * members' bytes change; the new file is written beside the manifest, synced and renamed over
   * it, then the directory is synced, so a crash leaves either the old or the new manifest. The
   * lock moves with it (the new file is locked before the rename).
   *
   * @param members Header member name to its new JSON value.
   * @returns The new header line's length in bytes (without its newline).
   * @throws {StorageError} If the new file cannot be written.
   */
  async setHeaderMembers(members: Readonly<Record<string, unknown>>): Promise<number> {
    const refused = this.#refusal("rewrite");
    if (refused !== undefined) throw refused;
    await this.#idle();
    const old = this.#file;
    const oldHeader = await readAt(old, 0, this.#headerBytes);
    const text = editMembers(
      new TextDecoder().decode(oldHeader),
      Object.entries(members).map(([key, value]) => ({
        key,
        valueText: sortedJsonStringify(value),
      })),
      compareCodePoints,
    );
    const header = parseHeaderText(text, this.path);
    const line = encoder.encode(text + "\n");
    const temp = join(dirname(resolve(this.path)), `.${basename(this.path)}.rewrite`);
    let file: Deno.FsFile | undefined;
    try {
      file = await Deno.open(temp, { read: true, write: true, create: true, truncate: true });
      if (!(await tryLockExclusive(file))) {
        throw new ManifestLockedError(temp, "the manifest rewrite");
      }
      await writeAllAt(file, 0, line);
      // Copy every line after the header, in chunks.
      const buffer = new Uint8Array(1024 * 1024);
      let from = this.#headerBytes + 1;
      let to = line.length;
      while (from < this.#end) {
        const chunk = await readAt(old, from, Math.min(buffer.length, this.#end - from));
        if (chunk.length === 0) break;
        await writeAllAt(file, to, chunk);
        from += chunk.length;
        to += chunk.length;
      }
      await file.syncData();
      this.#fileSyncs++;
      await Deno.rename(temp, this.path);
    } catch (e) {
      file?.close();
      await Deno.remove(temp).catch(() => {});
      throw asStorageError(e, this.path, "cannot rewrite the header of");
    }
    if (await syncDirectory(dirname(resolve(this.path)))) this.#directorySyncs++;
    old.close();
    this.#file = file;
    this.#end += line.length - 1 - this.#headerBytes;
    this.#header = header;
    this.#headerBytes = line.length - 1;
    return this.#headerBytes;
  }

  /** Sync the file a last time and close it. Idempotent; later appends are refused. */
  close(): Promise<void> {
    if (this.#closing === null) {
      this.#closing = (async () => {
        await this.#idle();
        try {
          if (this.#failure === null) await this.#sync();
        } catch (e) {
          throw asStorageError(e, this.path, "cannot sync the manifest", AFTER_FAILURE);
        } finally {
          this.#file.close();
        }
      })();
    }
    return this.#closing;
  }

  /** Same as {@link ManifestWriter.close}. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  #refusal(what: string): Error | undefined {
    if (this.#closing !== null) {
      return new Error(`Cannot ${what} manifest ${this.path}: writer is closed`);
    }
    if (this.#failure !== null) {
      return new Error(`Cannot ${what} manifest ${this.path}: an earlier write failed`, {
        cause: this.#failure.error,
      });
    }
    return undefined;
  }

  async #idle(): Promise<void> {
    while (this.#draining !== null) await this.#draining;
  }

  #kick(): void {
    if (this.#draining !== null) return;
    this.#draining = this.#drain().finally(() => {
      this.#draining = null;
      if (this.#pending.length > 0) this.#kick();
    });
  }

  /** Write every pending entry in one write, sync per the policy, settle their promises. */
  async #drain(): Promise<void> {
    while (this.#pending.length > 0) {
      const group = this.#pending.splice(0);
      if (this.#failure !== null) {
        for (const p of group) p.reject(this.#refusal("append"));
        continue;
      }
      const total = group.reduce((n, p) => n + p.bytes.length, 0);
      const bytes = new Uint8Array(total);
      const lines: AppendedLine[] = [];
      let at = 0;
      for (const p of group) {
        bytes.set(p.bytes, at);
        lines.push({ offset: this.#end + at, bytes: p.bytes.length - 1, entry: p.entry });
        at += p.bytes.length;
      }
      try {
        try {
          await writeAllAt(this.#file, this.#end, bytes);
        } catch (e) {
          // Cut a partial write back to the last complete line (truncation needs no space).
          await this.#file.truncate(this.#end).catch(() => {});
          throw e;
        }
        this.#end += total;
        this.#appended += group.length;
        this.#unsynced += group.length;
        if (this.#unsynced >= this.#batch) await this.#sync();
      } catch (e) {
        const error = asStorageError(e, this.path, "cannot append to the manifest", AFTER_FAILURE);
        this.#failure = { error };
        for (const p of group) p.reject(error);
        continue;
      }
      group.forEach((p, i) => p.resolve(lines[i]));
    }
  }

  async #sync(): Promise<void> {
    await this.#file.syncData();
    this.#fileSyncs++;
    this.#unsynced = 0;
  }
}

/** Offset of the first newline (the header line's length), scanning in chunks up to `end`. */
async function firstNewline(file: Deno.FsFile, end: number): Promise<number> {
  for (let start = 0; start < end; start += CHUNK) {
    const bytes = await readAt(file, start, Math.min(CHUNK, end - start));
    const at = bytes.indexOf(NEWLINE);
    if (at !== -1) return start + at;
  }
  return end;
}
