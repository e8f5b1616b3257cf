/**
 * What a usable GMAT install is, structurally: a root directory with an executable
 * `bin/GmatConsole` (`GmatConsole.exe` on Windows), `bin/gmat_startup_file.txt`, and the data
 * directory that startup file names (`DATA_PATH`, stock `ROOT_PATH/data/`, i.e. `<root>/data`).
 *
 * Checks are structural only: nothing is run. The release tag (`R2026a`) is read from the
 * startup file, then from `README.txt`; stock startup files carry none, so in practice it comes
 * from the README (`(GMAT) Version R2026a`).
 *
 * @module
 */

import { join } from "node:path";
import { isWindows, notExecutableReason } from "./_platform.ts";
import { resolveStartupValues } from "./startup_file.ts";

/** A validated GMAT install. Every path is absolute. */
export interface GmatInstall {
  /** The install root (symlinks resolved). */
  readonly root: string;
  /** `<root>/bin`. */
  readonly binDir: string;
  /** The console executable, `<root>/bin/GmatConsole` (or `GmatConsole.exe`). */
  readonly console: string;
  /** `<root>/bin/gmat_startup_file.txt`. */
  readonly startupFile: string;
  /** The release tag such as `R2026a`, or null when neither file names one. */
  readonly version: string | null;
}

const VERSION_RE = /R\d{4}[a-z]/;

/**
 * Read an install's release tag: the first `R\d{4}[a-z]` in `bin/gmat_startup_file.txt`, then
 * in `README.txt`.
 *
 * @param root The install root.
 * @returns The tag, or null.
 */
export async function readGmatVersion(root: string): Promise<string | null> {
  for (const file of [join(root, "bin", "gmat_startup_file.txt"), join(root, "README.txt")]) {
    try {
      const m = VERSION_RE.exec(await Deno.readTextFile(file));
      if (m) return m[0];
    } catch {
      // unreadable or missing: try the next file
    }
  }
  return null;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isDirectory;
  } catch {
    return false;
  }
}

/**
 * Check a candidate root. Returns the install, or a short reason why it is not one
 * (`does not exist`, `bin/GmatConsole is missing`, ...).
 *
 * @param root The candidate root directory.
 * @param platform `linux`, `darwin` or `windows` (decides the console name and execute bits).
 * @returns The install or the rejection reason.
 *
 * @example
 * ```ts
 * import { inspectGmatRoot } from "./install.ts";
 * const result = await inspectGmatRoot("/nonexistent/gmat", "linux");
 * console.log(result); // does not exist
 * ```
 */
export async function inspectGmatRoot(
  root: string,
  platform: string = Deno.build.os,
): Promise<GmatInstall | string> {
  let real: string;
  try {
    real = await Deno.realPath(root);
  } catch {
    return "does not exist";
  }
  if (!(await isDirectory(real))) return "is not a directory";
  const binDir = join(real, "bin");
  if (!(await isDirectory(binDir))) return "bin/ is missing";
  const exe = isWindows(platform) ? "GmatConsole.exe" : "GmatConsole";
  const console = join(binDir, exe);
  const bad = notExecutableReason(console, platform);
  if (bad !== null) return `bin/${exe} ${bad}`;
  const startupFile = join(binDir, "gmat_startup_file.txt");
  let startupText: string;
  try {
    startupText = await Deno.readTextFile(startupFile);
  } catch {
    return "bin/gmat_startup_file.txt is missing or unreadable";
  }
  const dataDir = resolveStartupValues(startupText, binDir).get("DATA_PATH") ??
    join(real, "data");
  if (!(await isDirectory(dataDir))) {
    return `data directory ${dataDir} (DATA_PATH of bin/gmat_startup_file.txt) is missing`;
  }
  return {
    root: real,
    binDir,
    console,
    startupFile,
    version: await readGmatVersion(real),
  };
}
