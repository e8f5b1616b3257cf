/**
 * The size and SHA-256 a manifest records for each run output (`output_digests`), so a damaged,
 * truncated or swapped file is detected later by the tables and by `gmat-sweep verify`.
 *
 * @module
 */

import { createHash } from "node:crypto";
import type { FileDigest } from "../runs/mod.ts";

/**
 * The size and SHA-256 of bytes in memory.
 *
 * @param bytes The content.
 * @returns Its digest.
 *
 * @example
 * ```ts
 * import { digestBytes } from "./file_digest.ts";
 * console.log(digestBytes(new TextEncoder().encode("abc")).sha256.slice(0, 8)); // ba7816bf
 * ```
 */
export function digestBytes(bytes: Uint8Array): FileDigest {
  return { size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/**
 * The size and SHA-256 of a file.
 *
 * @param path The file.
 * @returns Its digest.
 * @throws {Deno.errors.NotFound} If the file does not exist (other read errors as thrown).
 */
export async function digestFile(path: string): Promise<FileDigest> {
  return digestBytes(await Deno.readFile(path));
}

/**
 * How a file's digest differs from the recorded one, or undefined when they match.
 *
 * @param recorded The digest in the manifest.
 * @param actual The digest now.
 * @returns A clause such as `size 10 bytes, recorded 12`.
 */
export function digestMismatch(recorded: FileDigest, actual: FileDigest): string | undefined {
  if (recorded.size !== actual.size) {
    return `size ${actual.size} bytes, recorded ${recorded.size}`;
  }
  if (recorded.sha256 !== actual.sha256) {
    return `sha256 ${actual.sha256.slice(0, 12)}..., recorded ${recorded.sha256.slice(0, 12)}...`;
  }
  return undefined;
}
