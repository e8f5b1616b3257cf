/**
 * A manifest read once, in bounded memory: {@link indexManifest} streams the file, checks every
 * line (valid UTF-8 and JSON, not nested too deep, an object whose indexed fields satisfy the
 * entry schema), and keeps per run id only what resume, show, find and extend ask about (status,
 * attempt, duration, whether it carries a context, and where its last line is), in typed arrays:
 * about 35 bytes per run instead of every entry as an object. Full entries are read back, and
 * checked in full, on demand from their offsets ({@link ManifestIndex.entryReader}).
 *
 * Semantics are {@link readManifest}'s: the last line of a run id wins, runs are kept in the order
 * they first appear, one torn trailing line is dropped, any other malformed line is an error.
 *
 * @module
 */

import type { PostprocessStatus, RunStatus } from "../runs/mod.ts";
import { openManifestFile, type RawLine, readRawLines } from "./_line_reader.ts";
import { parseEntryIndexFields, parseEntryText } from "./_parse_line.ts";
import type { EntryIndexFields, ManifestEntry } from "./entry.ts";
import { ManifestCorruptError } from "./errors.ts";
import type { ManifestHeader } from "./header.ts";
import { readHeaderLine } from "./reader.ts";

const STATUSES: readonly RunStatus[] = ["ok", "failed", "skipped"];
const STATUS_CODE: Readonly<Record<RunStatus, number>> = { ok: 0, failed: 1, skipped: 2 };
const HAS_CONTEXT = 1;
const HOOK_OK = 2;
const HOOK_FAILED = 4;
const HOOK_BITS: Readonly<Record<PostprocessStatus, number>> = {
  none: 0,
  ok: HOOK_OK,
  failed: HOOK_FAILED,
};

/** What the index knows about one run (its last line). */
export interface IndexedRun {
  /** The run id. */
  readonly runId: number;
  /** Its status (last line wins). */
  readonly status: RunStatus;
  /** Its attempt number. */
  readonly attempt: number;
  /** Its `duration_s`. */
  readonly durationS: number;
  /** Whether its entry carries a non-empty `context`. */
  readonly hasContext: boolean;
  /** Its hook's status (`none` without a hook). */
  readonly postprocessStatus: PostprocessStatus;
  /** The 1-based line number of its last line. */
  readonly line: number;
  /** Byte offset of that line. */
  readonly offset: number;
  /** Byte length of that line, without its newline. */
  readonly bytes: number;
}

/** Counts of runs by status (one per run id). */
export interface StatusCounts {
  /** Runs whose last line is ok. */
  readonly ok: number;
  /** Runs whose last line is failed. */
  readonly failed: number;
  /** Runs whose last line is skipped. */
  readonly skipped: number;
}

/** Runs of a manifest by status, and their run time. */
export interface ManifestTotals extends StatusCounts {
  /** Runs recorded (one per run id). */
  readonly runs: number;
  /** Sum of the runs' `duration_s`. */
  readonly runTimeS: number;
  /** Runs whose hook succeeded (their last line). */
  readonly hooksOk: number;
  /** Runs whose hook failed (their last line): the engine run is kept, `rehook` re-runs it. */
  readonly hooksFailed: number;
}

/** Where an appended line went: what {@link ManifestIndex.note} needs. */
export interface LinePosition {
  /** Byte offset of the line. */
  readonly offset: number;
  /** Byte length without the newline. */
  readonly bytes: number;
}

function grow<T extends Float64Array | Float32Array | Uint32Array | Uint8Array | Int32Array>(
  array: T,
  size: number,
): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(
    Math.max(size, 2 * array.length),
  );
  next.set(array);
  return next;
}

/**
 * The index of a manifest. Build it with {@link indexManifest}; keep it current with
 * {@link ManifestIndex.note} as entries are appended.
 */
export class ManifestIndex {
  /** The manifest path, as given. */
  readonly path: string;
  #header: ManifestHeader;
  #headerBytes: number;
  #lineCount = 1;
  #droppedTornTail = false;
  #n = 0;
  #maxRunId = -1;
  // Per slot (runs in first-seen order).
  #runId = new Float64Array(1024);
  #status = new Uint8Array(1024);
  #flags = new Uint8Array(1024);
  #attempt = new Uint32Array(1024);
  #duration = new Float32Array(1024);
  #line = new Uint32Array(1024);
  #offset = new Float64Array(1024);
  #bytes = new Uint32Array(1024);
  // Run id -> slot + 1: dense for ids near the run count, a map for stray large ids.
  #dense = new Int32Array(1024);
  #sparse = new Map<number, number>();

  /**
   * An empty index for a manifest whose header is written (entries are then noted as appended).
   *
   * @param path The manifest path.
   * @param header Its header.
   * @param headerBytes The header line's length in bytes, without its newline.
   */
  constructor(path: string, header: ManifestHeader, headerBytes: number) {
    this.path = path;
    this.#header = header;
    this.#headerBytes = headerBytes;
  }

  /** The header. */
  get header(): ManifestHeader {
    return this.#header;
  }

  /** Complete lines, the header included. */
  get lineCount(): number {
    return this.#lineCount;
  }

  /** Whether a torn trailing line was dropped when the index was read. */
  get droppedTornTail(): boolean {
    return this.#droppedTornTail;
  }

  /** Distinct run ids recorded. */
  get size(): number {
    return this.#n;
  }

  /** The largest run id recorded, or -1. */
  get maxRunId(): number {
    return this.#maxRunId;
  }

  /** Whether a run has a line. */
  has(runId: number): boolean {
    return this.#slot(runId) >= 0;
  }

  /** A run's status, or undefined when it has no line. */
  status(runId: number): RunStatus | undefined {
    const s = this.#slot(runId);
    return s < 0 ? undefined : STATUSES[this.#status[s]];
  }

  /** A run's attempt number, 0 when it has no line. */
  attempt(runId: number): number {
    const s = this.#slot(runId);
    return s < 0 ? 0 : this.#attempt[s];
  }

  /** Everything the index knows about a run, or undefined. */
  run(runId: number): IndexedRun | undefined {
    const s = this.#slot(runId);
    return s < 0 ? undefined : this.#at(s);
  }

  /** The runs in the order they first appear. */
  *runs(): Generator<IndexedRun> {
    for (let s = 0; s < this.#n; s++) yield this.#at(s);
  }

  /** Run counts by status. */
  counts(): StatusCounts {
    const c = [0, 0, 0];
    for (let s = 0; s < this.#n; s++) c[this.#status[s]]++;
    return { ok: c[0], failed: c[1], skipped: c[2] };
  }

  /** Sum of the runs' `duration_s` (last line of each). */
  runTimeS(): number {
    let t = 0;
    for (let s = 0; s < this.#n; s++) t += this.#duration[s];
    return t;
  }

  /** Runs by status and their run time, and runs by hook status. */
  totals(): ManifestTotals {
    let hooksOk = 0, hooksFailed = 0;
    for (let s = 0; s < this.#n; s++) {
      if (this.#flags[s] & HOOK_OK) hooksOk++;
      else if (this.#flags[s] & HOOK_FAILED) hooksFailed++;
    }
    return { runs: this.#n, ...this.counts(), runTimeS: this.runTimeS(), hooksOk, hooksFailed };
  }

  /** Run ids whose hook status is `status` (last line), ascending. */
  idsWithHookStatus(status: PostprocessStatus): number[] {
    const out: number[] = [];
    const bits = HOOK_BITS[status];
    for (let s = 0; s < this.#n; s++) {
      const hook = this.#flags[s] & (HOOK_OK | HOOK_FAILED);
      if (hook === bits) out.push(this.#runId[s]);
    }
    return out.sort((a, b) => a - b);
  }

  /** Run ids whose last line is `failed`, in first-seen order (`skipped` is not failed). */
  failed(): number[] {
    const out: number[] = [];
    for (let s = 0; s < this.#n; s++) if (this.#status[s] === 1) out.push(this.#runId[s]);
    return out;
  }

  /** Run ids in `[0, upTo)` without any line, ascending. */
  missing(upTo: number): number[] {
    const out: number[] = [];
    for (let id = 0; id < upTo; id++) if (this.#slot(id) < 0) out.push(id);
    return out;
  }

  /** Run ids whose status is `status`, ascending. */
  idsWithStatus(status: RunStatus): Float64Array {
    const code = STATUS_CODE[status];
    let k = 0;
    for (let s = 0; s < this.#n; s++) if (this.#status[s] === code) k++;
    const ids = new Float64Array(k);
    k = 0;
    for (let s = 0; s < this.#n; s++) if (this.#status[s] === code) ids[k++] = this.#runId[s];
    return ids.sort();
  }

  /**
   * The sweep's run count: `max(run_count, max(run_id) + 1)` (the header's `run_count` is the
   * planned count, raised by `extend` to its target).
   */
  totalRunCount(): number {
    return Math.max(this.#header.run_count, this.#maxRunId + 1);
  }

  /**
   * Record a line appended for `entry` (it becomes the run's last line).
   *
   * @param entry The entry as written.
   * @param at Where its line is.
   */
  note(entry: ManifestEntry, at: LinePosition): void {
    this.#lineCount++;
    this.#add(entry, this.#lineCount, at.offset, at.bytes);
  }

  /**
   * Follow a rewrite of the header line: the header changes and every line moves by the
   * difference in the header's length.
   *
   * @param header The new header.
   * @param headerBytes Its line's length in bytes, without its newline.
   */
  rebase(header: ManifestHeader, headerBytes: number): void {
    const delta = headerBytes - this.#headerBytes;
    for (let s = 0; s < this.#n; s++) this.#offset[s] += delta;
    this.#header = header;
    this.#headerBytes = headerBytes;
  }

  /** Open the manifest to read entries back by run id (close it with `await using`). */
  async entryReader(): Promise<ManifestEntryReader> {
    return new ManifestEntryReader(this, await openManifestFile(this.path, { read: true }));
  }

  /**
   * Read a manifest once and index it: what {@link indexManifest} does.
   *
   * @param path The manifest path.
   * @returns The index.
   */
  static async read(path: string): Promise<ManifestIndex> {
    const lines = readRawLines(path);
    try {
      const { header, bytes } = await readHeaderLine(lines, path);
      const index = new ManifestIndex(path, header, bytes);
      for await (const raw of lines as AsyncIterable<RawLine>) {
        if (!raw.terminated) {
          index.#droppedTornTail = true;
          break;
        }
        index.#lineCount = raw.line;
        const fields = parseEntryIndexFields(raw.text, path, raw.line);
        index.#add(fields, raw.line, raw.offset, raw.bytes);
      }
      return index;
    } finally {
      await lines.return(undefined);
    }
  }

  #at(s: number): IndexedRun {
    return {
      runId: this.#runId[s],
      status: STATUSES[this.#status[s]],
      attempt: this.#attempt[s],
      durationS: this.#duration[s],
      hasContext: (this.#flags[s] & HAS_CONTEXT) !== 0,
      postprocessStatus: this.#flags[s] & HOOK_OK
        ? "ok"
        : this.#flags[s] & HOOK_FAILED
        ? "failed"
        : "none",
      line: this.#line[s],
      offset: this.#offset[s],
      bytes: this.#bytes[s],
    };
  }

  #slot(runId: number): number {
    if (runId < this.#dense.length) {
      const d = this.#dense[runId];
      if (d !== 0 || this.#sparse.size === 0) return d - 1;
    }
    return this.#sparse.get(runId) ?? -1;
  }

  #add(entry: EntryIndexFields, line: number, offset: number, bytes: number): void {
    const id = entry.run_id;
    let s = this.#slot(id);
    if (s < 0) {
      s = this.#n++;
      if (s >= this.#runId.length) {
        const size = s + 1;
        this.#runId = grow(this.#runId, size);
        this.#status = grow(this.#status, size);
        this.#flags = grow(this.#flags, size);
        this.#attempt = grow(this.#attempt, size);
        this.#duration = grow(this.#duration, size);
        this.#line = grow(this.#line, size);
        this.#offset = grow(this.#offset, size);
        this.#bytes = grow(this.#bytes, size);
      }
      this.#runId[s] = id;
      // Dense while ids stay near the number of runs; a stray huge id goes to the map.
      if (id < this.#dense.length || id < 4 * this.#n + 65_536) {
        this.#dense = grow(this.#dense, id + 1);
        this.#dense[id] = s + 1;
      } else {
        this.#sparse.set(id, s);
      }
      if (id > this.#maxRunId) this.#maxRunId = id;
    }
    this.#status[s] = STATUS_CODE[entry.status];
    let context = 0;
    for (const _ in entry.context) {
      context = HAS_CONTEXT;
      break;
    }
    this.#flags[s] = context | HOOK_BITS[entry.postprocess_status];
    this.#attempt[s] = Math.min(entry.attempt, 0xffffffff);
    this.#duration[s] = entry.duration_s;
    this.#line[s] = line;
    this.#offset[s] = offset;
    this.#bytes[s] = bytes;
  }
}

/**
 * Read a manifest once and index it (see the module doc).
 *
 * @param path The manifest path.
 * @returns The index.
 * @throws {ManifestNotFoundError} If the file does not exist.
 * @throws {ManifestCorruptError} If a line other than a torn tail is malformed.
 *
 * @example
 * ```ts
 * import { indexManifest, ManifestWriter } from "./mod.ts";
 * const path = `${await Deno.makeTempDir()}/manifest.jsonl`;
 * const header = {
 *   script_sha256: "0".repeat(64), gmat_sweep_version: "0.1.0", gmat_run_version: "n/a",
 *   gmat_install_version: "builtin-0.1.0", python_version: null, os_platform: "Linux",
 *   sweep_seed: null, parameter_spec: { _kind: "grid", "Sat.SMA": [7000, 7100, 7200] },
 *   run_count: 3,
 * };
 * const entry = {
 *   run_id: 2, overrides: { "Sat.SMA": 7200 }, status: "failed" as const, output_paths: {},
 *   started_at: "2026-01-01T00:00:00.000Z", ended_at: "2026-01-01T00:00:01.000Z",
 *   duration_s: 1, stderr: "boom", log_path: null,
 * };
 * {
 *   await using writer = await ManifestWriter.create(path, header);
 *   await writer.append(entry);
 * }
 * const index = await indexManifest(path);
 * console.log(index.failed(), index.missing(index.totalRunCount())); // [ 2 ] [ 0, 1 ]
 * ```
 */
export function indexManifest(path: string): Promise<ManifestIndex> {
  return ManifestIndex.read(path);
}

const WINDOW = 256 * 1024;

/**
 * Reads entries back from their offsets (through a read-ahead window, so entries read in file
 * order cost one read per window). Each line is validated again and must still be the run's.
 */
export class ManifestEntryReader implements AsyncDisposable {
  readonly #index: ManifestIndex;
  readonly #file: Deno.FsFile;
  readonly #decoder = new TextDecoder("utf-8", { fatal: true });
  #window = new Uint8Array(WINDOW);
  #start = 0;
  #end = 0;

  /** @internal Use {@link ManifestIndex.entryReader}. */
  constructor(index: ManifestIndex, file: Deno.FsFile) {
    this.#index = index;
    this.#file = file;
  }

  /**
   * The full entry of a run (its last line).
   *
   * @param runId The run id.
   * @returns The entry, or undefined when the run has no line.
   * @throws {ManifestCorruptError} When the line changed since the index was read.
   */
  async read(runId: number): Promise<ManifestEntry | undefined> {
    const run = this.#index.run(runId);
    if (run === undefined) return undefined;
    const bytes = await this.#bytesAt(run.offset, run.bytes);
    const path = this.#index.path;
    let text: string;
    try {
      text = this.#decoder.decode(bytes);
    } catch (cause) {
      throw this.#changed(run, { cause });
    }
    const entry = parseEntryText(text, path, run.line);
    if (entry.run_id !== runId) throw this.#changed(run);
    return entry;
  }

  /** Close the file. */
  [Symbol.asyncDispose](): Promise<void> {
    this.#file.close();
    return Promise.resolve();
  }

  #changed(run: IndexedRun, options?: ErrorOptions): ManifestCorruptError {
    return new ManifestCorruptError(
      this.#index.path,
      run.line,
      `line ${run.line} no longer holds run ${run.runId} (the manifest changed while it was read)`,
      "read it again once no other process writes it",
      options,
    );
  }

  async #bytesAt(offset: number, length: number): Promise<Uint8Array> {
    if (offset >= this.#start && offset + length <= this.#end) {
      return this.#window.subarray(offset - this.#start, offset - this.#start + length);
    }
    if (length > this.#window.length) this.#window = new Uint8Array(length);
    await this.#file.seek(offset, Deno.SeekMode.Start);
    let filled = 0;
    while (filled < this.#window.length) {
      const n = await this.#file.read(this.#window.subarray(filled));
      if (n === null) break;
      filled += n;
    }
    this.#start = offset;
    this.#end = offset + filled;
    if (filled < length) {
      return this.#window.subarray(0, filled);
    }
    return this.#window.subarray(0, length);
  }
}
