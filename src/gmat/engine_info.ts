/**
 * How a GMAT install is described in a sweep's manifest header.
 *
 * @module
 */

import type { GmatInstall } from "./install.ts";

/** The engine record of a manifest header for real GMAT. */
export interface GmatEngineInfo {
  /** Always `gmat`. */
  readonly kind: "gmat";
  /** The release tag (`R2026a`), or null when the install names none. */
  readonly version: string | null;
  /** The install root. */
  readonly path: string;
  /** The console executable run. */
  readonly console: string;
}

/**
 * Describe an install for the manifest header.
 *
 * @param install The install.
 * @returns `{ kind: "gmat", version, path, console }`.
 *
 * @example
 * ```ts
 * import { describeInstall } from "./engine_info.ts";
 * const info = describeInstall({
 *   root: "/opt/gmat-R2026a",
 *   binDir: "/opt/gmat-R2026a/bin",
 *   console: "/opt/gmat-R2026a/bin/GmatConsole",
 *   startupFile: "/opt/gmat-R2026a/bin/gmat_startup_file.txt",
 *   version: "R2026a",
 * });
 * console.log(info.kind, info.version); // gmat R2026a
 * ```
 */
export function describeInstall(install: GmatInstall): GmatEngineInfo {
  return {
    kind: "gmat",
    version: install.version,
    path: install.root,
    console: install.console,
  };
}
