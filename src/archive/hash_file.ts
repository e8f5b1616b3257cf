/**
 * `MANIFEST.hash`: the SHA-256 of every other file of an archive, in the format `sha256sum`
 * writes and `sha256sum -c` checks: one `<64 lower-case hex digits><two spaces><path>\n` line per
 * file, sorted by path (code point order, the archive's member order), itself excluded. Paths with
 * a backslash or a line break (which `sha256sum` would escape) never reach it: the archive
 * refuses such names.
 *
 * Its length depends only on the paths, so the archive reserves its place before hashing.
 *
 * @module
 */

import { compareCodePoints } from "../manifest/mod.ts";

/** The hash file's name in the archive. */
export const HASH_FILE_NAME = "MANIFEST.hash";

const encoder = new TextEncoder();

/**
 * The byte length of the hash file listing `paths`.
 *
 * @param paths The listed paths.
 * @returns Its exact size in bytes.
 */
export function hashFileLength(paths: Iterable<string>): number {
  let n = 0;
  for (const p of paths) n += 64 + 2 + encoder.encode(p).length + 1;
  return n;
}

/**
 * The hash file's text.
 *
 * @param digests Lower-case hex SHA-256 by path.
 * @returns The lines, sorted by path.
 *
 * @example
 * ```ts
 * import { hashFileText } from "./hash_file.ts";
 * const text = hashFileText(new Map([["b.txt", "0".repeat(64)], ["a.txt", "1".repeat(64)]]));
 * console.log(text.split("\n")[0].endsWith("  a.txt")); // true
 * ```
 */
export function hashFileText(digests: ReadonlyMap<string, string>): string {
  return [...digests.keys()].sort(compareCodePoints)
    .map((path) => `${digests.get(path)}  ${path}\n`)
    .join("");
}

/**
 * SHA-256 of bytes as lower-case hex.
 *
 * @param data The bytes.
 * @returns 64 hex digits.
 */
export async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}
