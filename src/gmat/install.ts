/**
 * What a usable GMAT install is, structurally: a root directory with an executable
 * `bin/GmatConsole` (`GmatConsole.exe` on Windows), `bin/gmat_startup_file.txt`, and the data
 * directory that startup file names (`DATA_PATH`, stock `ROOT_PATH/data/`, i.e. `<root>/data`).
 *
 * Checks are structural only: nothing is run. The release tag (`R2026a`) is read from the
 * startup file, then from `README.txt` (stock startup files carry none, so it usually comes from
 * the README: `(GMAT) Version R2026a`), then from the install's file names (`bin/GmatConsole-R2026a`,
 * `libGmatBase-R2026a.so`), then from inside its binaries (GMAT's libraries carry the release
 * string), so a build whose README does not name the release still has it.
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
  /** The release tag such as `R2026a`, or null when no file names one. */
  readonly version: string | null;
  /** Where the release tag was found (`README.txt`, `bin/libGmatBase.so`, ...), or null. */
  readonly versionSource?: string | null;
}

const VERSION_RE = /R\d{4}[a-z]/;
/** Inside binaries only GMAT-era tags count (`R2011a` ... `R2099z`), to avoid chance matches. */
const BINARY_VERSION_RE = /(?<![A-Za-z0-9])R20\d\d[a-z](?![A-Za-z0-9])/;
/** Most bytes of one binary searched for the release string. */
const MAX_BINARY_BYTES = 256 * 1024 * 1024;

/** An install's release tag and where it was found. */
export interface GmatVersion {
  /** The tag, e.g. `R2026a`. */
  readonly version: string;
  /** The file it was found in or named by, relative to the install root. */
  readonly source: string;
}

function listDir(dir: string): string[] {
  try {
    return [...Deno.readDirSync(dir)].filter((e) => e.isFile || e.isSymlink).map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * Find an install's release tag: the first `R\d{4}[a-z]` in `bin/gmat_startup_file.txt`, then in
 * `README.txt`, then in the names of the files in `bin/` and `lib/`, then inside the console
 * executable and GMAT's base libraries (`libGmatBase*`, `libGmatUtil*`), whose code carries the
 * release string.
 *
 * @param root The install root.
 * @returns The tag and its source, or null.
 */
export async function findGmatVersion(root: string): Promise<GmatVersion | null> {
  for (const file of ["bin/gmat_startup_file.txt", "README.txt"]) {
    try {
      const m = VERSION_RE.exec(await Deno.readTextFile(join(root, file)));
      if (m) return { version: m[0], source: file };
    } catch {
      // unreadable or missing: try the next file
    }
  }
  const dirs = ["bin", "lib"];
  for (const dir of dirs) {
    for (const name of listDir(join(root, dir))) {
      const m = BINARY_VERSION_RE.exec(name);
      if (m) return { version: m[0], source: `${dir}/${name}` };
    }
  }
  for (const dir of dirs) {
    for (const name of listDir(join(root, dir))) {
      if (!/^(GmatConsole|libGmatBase|libGmatUtil)/.test(name)) continue;
      try {
        const path = join(root, dir, name);
        if ((await Deno.stat(path)).size > MAX_BINARY_BYTES) continue;
        const text = new TextDecoder("latin1").decode(await Deno.readFile(path));
        const m = BINARY_VERSION_RE.exec(text);
        if (m) return { version: m[0], source: `${dir}/${name}` };
      } catch {
        // unreadable: try the next file
      }
    }
  }
  return null;
}

/**
 * Read an install's release tag (see {@link findGmatVersion}).
 *
 * @param root The install root.
 * @returns The tag, or null.
 */
export async function readGmatVersion(root: string): Promise<string | null> {
  return (await findGmatVersion(root))?.version ?? null;
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
    ...await (async () => {
      const found = await findGmatVersion(real);
      return { version: found?.version ?? null, versionSource: found?.source ?? null };
    })(),
  };
}
