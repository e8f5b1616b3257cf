/**
 * How a GMAT install is described in a sweep's manifest header: its release (from the install's
 * files, see {@link findGmatVersion}), where that came from, the build date GmatConsole prints
 * (`GmatConsole --version`: `Build Date: <date>`), and how the console runs the scripts.
 *
 * @module
 */

import { delay } from "./_child.ts";
import { drainStream } from "./_output_tail.ts";
import type { GmatInstall } from "./install.ts";
import type { GmatConsoleMode } from "./prepare_run.ts";
import { spawnProcess } from "./spawn.ts";

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
  /** Where the release tag was found (`README.txt`, `bin/libGmatBase.so`, ...), or null. */
  readonly versionSource: string | null;
}

/**
 * Describe an install for the manifest header.
 *
 * @param install The install.
 * @returns `{ kind: "gmat", version, path, console, versionSource }`.
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
    versionSource: install.versionSource ?? null,
  };
}

/**
 * The build date GmatConsole prints for `--version` (`Build Date: Dec  7 2026  04:37:28`), or
 * null when it prints none within `timeoutMs` or cannot start.
 *
 * @param install The install.
 * @param timeoutMs How long the console may take. @default {30000}
 * @returns The text after `Build Date:`, whitespace collapsed.
 */
export async function readGmatBuildDate(
  install: GmatInstall,
  timeoutMs = 30_000,
): Promise<string | null> {
  let child;
  try {
    child = spawnProcess({ command: install.console, args: ["--version"], cwd: install.binDir });
  } catch {
    return null;
  }
  let date: string | null = null;
  const out = drainStream(child.stdout, 8192, (line) => {
    const m = /Build Date:\s*(.+)$/.exec(line.trim());
    if (m && date === null) date = m[1].replace(/\s+/g, " ").trim();
  });
  const err = drainStream(child.stderr, 1024);
  const limit = delay(timeoutMs);
  const how = await Promise.race([child.status.then(() => "exited" as const), limit.promise]);
  limit.clear();
  if (how === "timeout") child.kill("SIGKILL");
  await child.status;
  if (child.groupLeader) child.kill("SIGKILL");
  const wait = delay(2000);
  await Promise.race([Promise.all([out.done, err.done]), wait.promise]);
  wait.clear();
  out.cancel();
  err.cancel();
  return date;
}

/** The header's `engine` record for GMAT, with the console mode. */
export interface GmatEngineRecord {
  /** Always `gmat`. */
  readonly kind: "gmat";
  /** The release (`R2026a`), or `unknown`. */
  readonly version: string;
  /** The install root. */
  readonly path: string;
  /** How GmatConsole runs the scripts. */
  readonly console_mode: GmatConsoleMode;
  /** Where the release came from, when found. */
  readonly version_source?: string;
  /** What `GmatConsole --version` printed after `Build Date:`, when it printed it. */
  readonly build_date?: string;
}

/**
 * The header's `engine` record of a sweep run on an install.
 *
 * @param install The install.
 * @param mode How GmatConsole runs the scripts.
 * @returns The record (`GmatConsole --version` is run once for the build date).
 */
export async function gmatEngineRecord(
  install: GmatInstall,
  mode: GmatConsoleMode,
): Promise<GmatEngineRecord> {
  const info = describeInstall(install);
  const buildDate = await readGmatBuildDate(install);
  return {
    kind: "gmat",
    version: info.version ?? "unknown",
    path: install.root,
    console_mode: mode,
    ...(info.versionSource ? { version_source: info.versionSource } : {}),
    ...(buildDate ? { build_date: buildDate } : {}),
  };
}
