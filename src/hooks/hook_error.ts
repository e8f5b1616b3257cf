/**
 * The one error class of the hooks layer, with a literal code per condition callers handle.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";

/**
 * Codes of {@linkcode HookError}:
 * - `HOOK_SPEC`: the hook specifier text is malformed (empty, bad export name, bad scheme).
 * - `HOOK_PERMISSION`: a permission grant is malformed (unknown kind, relative path, comma).
 * - `HOOK_NOT_FOUND`: the hook module, or a module it imports, does not exist.
 * - `HOOK_LOAD`: the module exists but cannot be compiled or evaluated (a syntax error, a throw
 *   at its top level, a permission its top level needs).
 * - `HOOK_EXPORT`: the module has no such export, or the export is not a function.
 * - `HOOK_SANDBOX`: the sandbox itself could not be run (no `deno`, a path Deno's permission
 *   flags cannot express, no reply from the hook runner).
 */
export type HookErrorCode =
  | "HOOK_SPEC"
  | "HOOK_PERMISSION"
  | "HOOK_NOT_FOUND"
  | "HOOK_LOAD"
  | "HOOK_EXPORT"
  | "HOOK_SANDBOX";

/**
 * A postprocess hook cannot be used: thrown while parsing its specifier or permissions, and by
 * `resolveHook` at sweep start, before any run. A hook that fails on a run is not an error: it
 * is a failed `HookResult`.
 *
 * @example Usage
 * ```ts
 * import { HookError } from "./hook_error.ts";
 * import assert from "node:assert/strict";
 *
 * const e = new HookError("HOOK_EXPORT", "Hook ./p.ts#f: the module has no export 'f'");
 * assert.equal(e.code, "HOOK_EXPORT");
 * assert.equal(e.name, "HookError");
 * ```
 */
export class HookError extends GmatSweepError {
  /** What went wrong (narrowed to the hook codes). */
  declare readonly code: HookErrorCode;

  /**
   * Creates a hook error.
   *
   * @param code What went wrong, see {@linkcode HookErrorCode}.
   * @param message The hook at fault, what is wrong and how to fix it.
   * @param options Standard error options (`cause`).
   */
  constructor(code: HookErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}
