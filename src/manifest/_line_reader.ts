/**
 * Streaming a manifest file line by line in bounded memory, noting whether the last line ended
 * with a newline (a line without one is a torn tail left by a crash mid-append).
 *
 * @module
 */

import { ManifestCorruptError, ManifestNotFoundError } from "./errors.ts";

/** One physical line of a manifest. */
export interface RawLine {
  /** 1-based line number. */
  readonly line: number;
  /** The line's text, without its newline. */
  readonly text: string;
  /** Whether the line ended with `\n` (false only for a torn last line). */
  readonly terminated: boolean;
}

const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

/**
 * Open a manifest, turning a missing file into {@link ManifestNotFoundError}.
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
    throw cause;
  }
}

/**
 * Yield the lines of a manifest file in order. The file is read in 64 KiB chunks; only the
 * current line is held in memory. A final piece without `\n` is yielded with `terminated: false`.
 *
 * @param path The manifest path.
 * @throws {ManifestNotFoundError} If the file does not exist.
 * @throws {ManifestCorruptError} If a complete line is not valid UTF-8.
 */
export async function* readRawLines(path: string): AsyncGenerator<RawLine> {
  using file = await openManifestFile(path, { read: true });
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const buffer = new Uint8Array(CHUNK);
  let pending: Uint8Array[] = [];
  let line = 0;
  const decode = (parts: Uint8Array[], n: number): string => {
    try {
      return decoder.decode(concat(parts));
    } catch (cause) {
      throw new ManifestCorruptError(
        path,
        n,
        "line is not valid UTF-8",
        `repair or delete line ${n}`,
        { cause },
      );
    }
  };
  while (true) {
    const read = await file.read(buffer);
    if (read === null) break;
    const chunk = buffer.subarray(0, read);
    let start = 0;
    let nl = chunk.indexOf(NEWLINE, start);
    while (nl !== -1) {
      pending.push(chunk.slice(start, nl));
      line++;
      yield { line, text: decode(pending, line), terminated: true };
      pending = [];
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    if (start < read) pending.push(chunk.slice(start));
  }
  if (pending.length > 0) {
    line++;
    // A torn tail may end inside a multi-byte character: decode it leniently, it is dropped.
    yield { line, text: new TextDecoder().decode(concat(pending)), terminated: false };
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
