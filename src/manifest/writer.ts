/**
 * The manifest writer: the only code that writes a `manifest.jsonl`, and only the sweep's driver
 * process uses it (workers never touch the manifest).
 *
 * Durability contract (the Python tool's, with `FsFile.syncData()`):
 * - {@link ManifestWriter.create} truncates or creates the file, writes the header, syncs the file
 *   and then its parent directory (so the new directory entry survives a power loss; skipped where
 *   the platform cannot sync a directory).
 * - {@link ManifestWriter.append} writes one sorted-key JSON line with a single write call (a short
 *   write is completed by further calls), then syncs:
 *   - `fsync: "each"` (default): after every entry; a finished run is durable once `append`
 *     resolves.
 *   - `fsync: { batch: n }`: after every n-th entry appended through this writer, on
 *     {@link ManifestWriter.flush} and on {@link ManifestWriter.close}. A crash or power loss can
 *     lose up to n - 1 trailing entries; resume finds those runs missing and re-runs them.
 * - A crash in the middle of a write leaves at most one torn trailing line (no final newline);
 *   readers drop it, and {@link ManifestWriter.openForAppend} truncates it away before appending so
 *   a new line never glues onto garbage.
 *
 * Appends are serialised internally, so concurrent `append` calls never interleave bytes.
 *
 * @module
 */

import { dirname, resolve } from "node:path";
import { openManifestFile } from "./_line_reader.ts";
import { describeIssues } from "./_parse_line.ts";
import { syncDirectory } from "./_sync_directory.ts";
import { type ManifestEntryInput, ManifestEntrySchema } from "./entry.ts";
import { type ManifestHeader, type ManifestHeaderInput, ManifestHeaderSchema } from "./header.ts";
import { readManifestHeader } from "./reader.ts";
import { sortedJsonStringify } from "./sorted_json.ts";

/** When appended entries are synced to disk. */
export type FsyncMode = "each" | { batch: number };

/** Options of {@link ManifestWriter.create} and {@link ManifestWriter.openForAppend}. */
export interface ManifestWriterOptions {
  /**
   * `"each"` syncs after every entry; `{ batch: n }` after every n-th entry (up to n - 1 trailing
   * entries can be lost in a crash and are re-run by resume).
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

const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;
const encoder = new TextEncoder();

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

async function writeAll(file: Deno.FsFile, bytes: Uint8Array): Promise<void> {
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
  /** The header of the manifest (as written, or as read back by `openForAppend`). */
  readonly header: ManifestHeader;
  /** Bytes of a torn trailing line that `openForAppend` truncated away (0 when none). */
  readonly droppedTornTailBytes: number;

  #file: Deno.FsFile;
  #batch: number;
  #queue: Promise<void> = Promise.resolve();
  #failure: { error: unknown } | null = null;
  #closing: Promise<void> | null = null;
  #appended = 0;
  #unsynced = 0;
  #fileSyncs: number;
  #directorySyncs: number;

  private constructor(
    path: string,
    header: ManifestHeader,
    file: Deno.FsFile,
    batch: number,
    counters: { fileSyncs: number; directorySyncs: number; droppedBytes: number },
  ) {
    this.path = path;
    this.header = header;
    this.#file = file;
    this.#batch = batch;
    this.#fileSyncs = counters.fileSyncs;
    this.#directorySyncs = counters.directorySyncs;
    this.droppedTornTailBytes = counters.droppedBytes;
  }

  /**
   * Create (or truncate) a manifest and durably write its header.
   *
   * @param path Where to write the manifest (its directory must exist).
   * @param header The header; defaulted fields may be omitted, `schema_version` is set to 1.
   * @param options The fsync policy.
   * @returns An open writer.
   * @throws {TypeError} If the header does not satisfy the header schema.
   * @throws {RangeError} If the fsync batch is not an integer >= 1.
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
    const line = encoder.encode(sortedJsonStringify(parsed.data) + "\n");
    const file = await Deno.open(path, { write: true, create: true, truncate: true });
    try {
      await writeAll(file, line);
      await file.syncData();
      const dirSynced = await syncDirectory(dirname(resolve(path)));
      return new ManifestWriter(path, parsed.data, file, batch, {
        fileSyncs: 1,
        directorySyncs: dirSynced ? 1 : 0,
        droppedBytes: 0,
      });
    } catch (error) {
      file.close();
      throw error;
    }
  }

  /**
   * Open an existing manifest for appending (resume, extend). The header is read and validated
   * first; a torn trailing line is truncated away (and the truncation synced) so the next entry
   * starts on a fresh line.
   *
   * @param path The manifest.
   * @param options The fsync policy.
   * @returns An open writer positioned at the end of the last complete line.
   * @throws {ManifestNotFoundError} If the file does not exist.
   * @throws {ManifestCorruptError} If the file is empty or its header is torn or invalid.
   */
  static async openForAppend(
    path: string,
    options: ManifestWriterOptions = {},
  ): Promise<ManifestWriter> {
    const batch = batchSize(options);
    const header = await readManifestHeader(path);
    let fileSyncs = 0;
    let droppedBytes = 0;
    {
      using file = await openManifestFile(path, { read: true, write: true });
      const size = (await file.stat()).size;
      const end = await lastCompleteLineEnd(file, size);
      if (end < size) {
        await file.truncate(end);
        await file.syncData();
        fileSyncs++;
        droppedBytes = size - end;
      }
    }
    const file = await openManifestFile(path, { append: true });
    return new ManifestWriter(path, header, file, batch, {
      fileSyncs,
      directorySyncs: 0,
      droppedBytes,
    });
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
   * @throws {TypeError} If the entry does not satisfy the entry schema or is not encodable.
   * @throws {Error} If the writer is closed or an earlier write failed.
   */
  append(entry: ManifestEntryInput): Promise<void> {
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
    return this.#enqueue("append", async () => {
      await writeAll(this.#file, bytes);
      this.#appended++;
      this.#unsynced++;
      if (this.#unsynced >= this.#batch) await this.#sync();
    });
  }

  /** Sync entries written since the last sync (no-op when there are none). */
  flush(): Promise<void> {
    return this.#enqueue("flush", async () => {
      if (this.#unsynced > 0) await this.#sync();
    });
  }

  /** Sync the file a last time and close it. Idempotent; later appends are refused. */
  close(): Promise<void> {
    if (this.#closing === null) {
      const last = this.#queue;
      this.#closing = (async () => {
        await last;
        try {
          if (this.#failure === null) await this.#sync();
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

  async #sync(): Promise<void> {
    await this.#file.syncData();
    this.#fileSyncs++;
    this.#unsynced = 0;
  }

  #enqueue(what: string, op: () => Promise<void>): Promise<void> {
    if (this.#closing !== null) {
      return Promise.reject(new Error(`Cannot ${what} manifest ${this.path}: writer is closed`));
    }
    const run = async () => {
      if (this.#failure !== null) {
        throw new Error(`Cannot ${what} manifest ${this.path}: an earlier write failed`, {
          cause: this.#failure.error,
        });
      }
      try {
        await op();
      } catch (error) {
        this.#failure = { error };
        throw error;
      }
    };
    const result = this.#queue.then(run);
    this.#queue = result.catch(() => {});
    return result;
  }
}
