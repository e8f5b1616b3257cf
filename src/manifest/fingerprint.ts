/**
 * The runtime fields of a manifest header that describe the machine and tool versions.
 *
 * @module
 */

import type { ManifestHeader } from "./header.ts";

/** The header fields {@link runtimeFingerprint} fills in. */
export type RuntimeFingerprint = Pick<
  ManifestHeader,
  "gmat_run_version" | "python_version" | "os_platform" | "deno_version"
>;

/**
 * The header fields that record this runtime: `gmat_run_version` `"n/a"` and `python_version`
 * null (this tool uses neither), the Deno version, and an `os_platform` in the spirit of Python's
 * `platform.platform()` (e.g. `Linux-6.1.0-18-amd64-x86_64`; without `--allow-sys` the kernel
 * release is left out).
 *
 * @returns The four fields, ready to spread into a header.
 *
 * @example
 * ```ts
 * import { runtimeFingerprint } from "./mod.ts";
 * console.log(runtimeFingerprint().python_version); // null
 * ```
 */
export function runtimeFingerprint(): RuntimeFingerprint {
  const os = Deno.build.os.charAt(0).toUpperCase() + Deno.build.os.slice(1);
  let release: string | null = null;
  try {
    release = Deno.osRelease();
  } catch {
    release = null;
  }
  const os_platform = [os, release, Deno.build.arch].filter((p) => p !== null).join("-");
  return {
    gmat_run_version: "n/a",
    python_version: null,
    os_platform,
    deno_version: Deno.version.deno,
  };
}
