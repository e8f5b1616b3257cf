/**
 * The drift gate: resume, extend and archive refuse a script whose canonical hash differs from the
 * one recorded in the manifest header, unless drift is explicitly allowed.
 *
 * @module
 */

import { driftSentence, ScriptDriftError } from "./errors.ts";
import type { Manifest } from "./reader.ts";

/** Options of {@link checkScriptDrift}. */
export interface CheckScriptDriftOptions {
  /**
   * Accept a changed script (CLI `--allow-script-drift`): return a warning instead of throwing.
   *
   * @default {false}
   */
  allowDrift?: boolean;
}

/** The result of {@link checkScriptDrift}. */
export interface ScriptDriftCheck {
  /** Whether the script's hash differs from the header's. */
  drifted: boolean;
  /** A warning naming both hashes, when drifted and allowed. */
  warning?: string;
}

/**
 * Compare the script's current canonical hash with the header's `script_sha256`.
 *
 * @param manifest The manifest (its path and header).
 * @param currentSha256 The canonical SHA-256 of the script now (hex; case is ignored).
 * @param options `allowDrift` to accept a change.
 * @returns `{ drifted: false }`, or `{ drifted: true, warning }` when allowed.
 * @throws {ScriptDriftError} When the hashes differ and drift is not allowed.
 *
 * @example
 * ```ts
 * import { checkScriptDrift, type Manifest } from "./mod.ts";
 * const manifest = { path: "m.jsonl", header: { script_sha256: "aa" } } as unknown as Manifest;
 * console.log(checkScriptDrift(manifest, "aa").drifted); // false
 * console.log(checkScriptDrift(manifest, "bb", { allowDrift: true }).drifted); // true
 * ```
 */
export function checkScriptDrift(
  manifest: Pick<Manifest, "path" | "header">,
  currentSha256: string,
  options: CheckScriptDriftOptions = {},
): ScriptDriftCheck {
  const recorded = manifest.header.script_sha256;
  if (recorded.toLowerCase() === currentSha256.toLowerCase()) return { drifted: false };
  if (!options.allowDrift) throw new ScriptDriftError(manifest.path, recorded, currentSha256);
  return {
    drifted: true,
    warning: `${manifest.path}:1: ${driftSentence(recorded, currentSha256)}; continuing ` +
      `because script drift is allowed (--allow-script-drift)`,
  };
}
