/**
 * Streaming a manifest file line by line in bounded memory, noting whether the last line ended
 * with a newline (a line without one is a torn tail left by a crash mid-append).
 *
 * @module
 */

import { ManifestCorruptError, ManifestNotFoundError } from "./errors.ts";
import { storageCodeOf, StorageError } from "../errors/storage_error.ts";

/** One physical line of a manifest. */
export interface RawLine {
  /** 1-based line number. */
  readonly line: number;
  /** The line's text, without its newline. */
  readonly text: string;
  /** Whether the line ended with `\n` (false only for a torn last line). */
  readonly terminated: boolean;
  /** Byte offset of the line's first byte in the file. */
  readonly offset: number;
  /** The line's length in bytes, without its newline. */
  readonly bytes: number;
}

const CHUNK = 256 * 1024;
const NEWLINE = 0x0a;

/**
 * Open a manifest, turning a missing file into {@link ManifestNotFoundError} and a refused or
 * failing one (permission denied, I/O error) into a {@link StorageError} naming it.
 *
 * @param path The manifest path.
 * @param options How to open it.
 */
export async function openManifestFile(
  path: string,
  options: Deno.OpenOptions,
): Promise<Deno.FsFile> {
  try {
    return await Deno.open(path, options);
  } catch (cause) {
    if (cause instanceof Deno.errors.NotFound) throw new ManifestNotFoundError(path, { cause });
    const code = storageCodeOf(cause);
    if (code === undefined) throw cause;
    const reading = !(options.write || options.append);
    throw new StorageError(code, path, `cannot open the manifest`, "", { cause, reading });
  }
}

/**
 * Yield the lines of a manifest file in order. The file is read in 1 MiB chunks; the complete
 * lines of a chunk are decoded at once and cut at their newlines (byte offsets are found from the
 * bytes, so they are exact for any text). Only the current chunk is held in memory. A final piece
 * without `\n` is yielded with `terminated: false`.
 *
 * @param path The manifest path.
 * @throws {ManifestNotFoundError} If the file does not exist.
 * @throws {ManifestCorruptError} If a complete line is not valid UTF-8.
 */
export async function* readRawLines(path: string): AsyncGenerator<RawLine> {
  using file = await openManifestFile(path, { read: true });
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const buffer = new Uint8Array(CHUNK);
  let carry: Uint8Array = new Uint8Array(0);
  let line = 0;
  let offset = 0;
  while (true) {
    const read = await file.read(buffer);
    if (read === null) break;
    const chunk = buffer.subarray(0, read);
    const last = chunk.lastIndexOf(NEWLINE);
    if (last === -1) {
      carry = concat([carry, chunk]);
      continue;
    }
    const block = carry.length === 0
      ? chunk.subarray(0, last + 1)
      : concat([carry, chunk.subarray(0, last + 1)]);
    carry = chunk.slice(last + 1);
    let text: string;
    try {
      text = decoder.decode(block);
    } catch (cause) {
      throw invalidUtf8(path, line + 1 + firstInvalidLine(block), cause);
    }
    // Walk the newlines of the bytes and of the text together.
    let b = 0;
    let t = 0;
    while (b < block.length) {
      const bn = block.indexOf(NEWLINE, b);
      const tn = text.indexOf("\n", t);
      line++;
      yield { line, text: text.slice(t, tn), terminated: true, offset: offset + b, bytes: bn - b };
      b = bn + 1;
      t = tn + 1;
    }
    offset += block.length;
  }
  if (carry.length > 0) {
    line++;
    // A torn tail may end inside a multi-byte character: decode it leniently, it is dropped.
    const text = new TextDecoder().decode(carry);
    yield { line, text, terminated: false, offset, bytes: carry.length };
  }
}

function invalidUtf8(path: string, n: number, cause: unknown): ManifestCorruptError {
  return new ManifestCorruptError(
    path,
    n,
    "line is not valid UTF-8",
    `repair or delete line ${n}`,
    { cause },
  );
}

/** The 0-based index, among a block's lines, of the first line that is not valid UTF-8. */
function firstInvalidLine(block: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let k = 0;; k++) {
    const nl = block.indexOf(NEWLINE, start);
    const end = nl === -1 ? block.length : nl;
    try {
      decoder.decode(block.subarray(start, end));
    } catch {
      return k;
    }
    if (nl === -1) return k;
    start = nl + 1;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
