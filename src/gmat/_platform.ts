/**
 * Small platform helpers: executable checks and a `which`-style PATH lookup.
 *
 * @module
 */

import { join } from "node:path";

/** True for Deno's `windows` and Python's `win32` spellings. */
export function isWindows(platform: string): boolean {
  return platform === "windows" || platform === "win32";
}

/**
 * Why a path is not an executable file, or null when it is one.
 *
 * On Windows only existence is checked (there are no execute bits).
 */
export function notExecutableReason(path: string, platform: string): string | null {
  let info: Deno.FileInfo;
  try {
    info = Deno.statSync(path);
  } catch {
    return "is missing";
  }
  if (!info.isFile) return "is not a file";
  if (!isWindows(platform) && info.mode !== null && (info.mode & 0o111) === 0) {
    return "is not executable (chmod +x it)";
  }
  return null;
}

/**
 * Find an executable on a search path, like `which`: the first directory that holds it wins.
 *
 * @param name The program name; on Windows `.exe` is appended when missing.
 * @param searchPath The PATH value (`:`-separated, `;` on Windows).
 * @param platform `linux`, `darwin`, `windows`, ...
 * @returns The path as found (not resolved through symlinks), or null.
 */
export function findOnPath(name: string, searchPath: string, platform: string): string | null {
  const win = isWindows(platform);
  const file = win && !/\.exe$/i.test(name) ? `${name}.exe` : name;
  for (const dir of searchPath.split(win ? ";" : ":")) {
    if (dir === "") continue;
    const candidate = join(dir, file);
    if (notExecutableReason(candidate, platform) === null) return candidate;
  }
  return null;
}
