/**
 * The canonical script hash recorded in every manifest header and re-checked on resume.
 *
 * Canonical form (the Python gmat-sweep's contract, so manifests from either tool agree): decode
 * UTF-8, drop a leading BOM, turn CRLF and lone CR into LF, strip every trailing LF and add
 * exactly one. Nothing else is normalised: comments and whitespace inside lines count.
 *
 * @module
 */

import { createHash } from "node:crypto";

/**
 * Normalise script text to its canonical form (see the module doc).
 *
 * @param text Script text as decoded from UTF-8.
 * @returns The canonical text, ending in exactly one `\n`.
 *
 * @example
 * ```ts
 * import { canonicalScriptText } from "./hash.ts";
 * console.log(JSON.stringify(canonicalScriptText("\uFEFFa\r\nb\r\n\n"))); // "a\nb\n"
 * ```
 */
export function canonicalScriptText(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.replace(/\r\n?/g, "\n").replace(/\n+$/, "") + "\n";
}

/**
 * SHA-256 (lower-case hex) of the canonical form of script text or bytes.
 *
 * @param script The script as text or as raw UTF-8 bytes.
 * @returns 64 hex digits.
 *
 * @example
 * ```ts
 * import { canonicalScriptSha256 } from "./hash.ts";
 * const a = canonicalScriptSha256("Create Spacecraft Sat\r\n");
 * const b = canonicalScriptSha256("Create Spacecraft Sat\n\n");
 * console.log(a === b); // true
 * ```
 */
export function canonicalScriptSha256(script: string | Uint8Array): string {
  const text = typeof script === "string" ? script : new TextDecoder("utf-8").decode(script);
  return createHash("sha256").update(canonicalScriptText(text), "utf8").digest("hex");
}

/**
 * Read a script file and return its canonical SHA-256.
 *
 * @param path The script path.
 * @returns 64 hex digits.
 */
export async function canonicalScriptFileSha256(path: string): Promise<string> {
  return canonicalScriptSha256(await Deno.readFile(path));
}
