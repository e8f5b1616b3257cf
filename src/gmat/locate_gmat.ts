/**
 * Finding a GMAT install, in gmat-run's order: an explicit root, `GMAT_ROOT`, the platform's
 * usual install directories (newest release first), then `PATH`.
 *
 * @module
 */

import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import { findOnPath, isWindows } from "./_platform.ts";
import { GmatNotFoundError, type GmatSearchAttempt } from "./errors.ts";
import { type GmatInstall, inspectGmatRoot } from "./install.ts";

/** Options of {@link locateGmat}. Every field defaults to the current process's. */
export interface LocateGmatOptions {
  /** An explicit install root (`--gmat-root`). When invalid, the search stops with an error. */
  readonly root?: string;
  /** Environment variables (`GMAT_ROOT`, `PATH`, `HOME`, `ProgramFiles`). @default {Deno.env.toObject()} */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The home directory `~` stands for. @default {env.HOME ?? env.USERPROFILE ?? os.homedir()} */
  readonly home?: string;
  /** `linux`, `darwin` or `windows` (`win32` accepted). @default {Deno.build.os} */
  readonly platform?: string;
  /** The PATH searched for `GmatConsole`, `GMAT`, `gmat`. @default {env.PATH} */
  readonly searchPath?: string;
}

interface GlobPattern {
  /** Shown in attempts, e.g. `~/gmat-*`. */
  readonly label: string;
  readonly dir: string;
  readonly prefix: string;
}

function globPatterns(
  platform: string,
  home: string,
  env: Readonly<Record<string, string | undefined>>,
): GlobPattern[] {
  if (isWindows(platform)) {
    const pf = env["ProgramFiles"] ?? "C:\\Program Files";
    const pf86 = env["ProgramFiles(x86)"] ?? "C:\\Program Files (x86)";
    return [
      { label: `${pf}\\GMAT*`, dir: pf, prefix: "GMAT" },
      { label: `${pf86}\\GMAT*`, dir: pf86, prefix: "GMAT" },
    ];
  }
  if (platform === "darwin") {
    return [
      { label: "/Applications/GMAT*", dir: "/Applications", prefix: "GMAT" },
      { label: "~/Applications/GMAT*", dir: join(home, "Applications"), prefix: "GMAT" },
    ];
  }
  return [
    { label: "~/gmat-*", dir: home, prefix: "gmat-" },
    { label: "/opt/gmat-*", dir: "/opt", prefix: "gmat-" },
  ];
}

async function expandGlob(pattern: GlobPattern, caseless: boolean): Promise<string[]> {
  const hits: string[] = [];
  const prefix = caseless ? pattern.prefix.toLowerCase() : pattern.prefix;
  try {
    for await (const entry of Deno.readDir(pattern.dir)) {
      const name = caseless ? entry.name.toLowerCase() : entry.name;
      if (name.startsWith(prefix)) hits.push(join(pattern.dir, entry.name));
    }
  } catch {
    // a missing or unreadable directory simply has no matches
  }
  return hits;
}

/**
 * Find a usable GMAT install.
 *
 * Search order (first valid candidate wins):
 * 1. `options.root` (a leading `~` is the home directory): when invalid, throws at once (no
 *    fall-through).
 * 2. `GMAT_ROOT`: when set but invalid, throws at once.
 * 3. Platform globs, all matches sorted by basename descending (`gmat-R2026a` before
 *    `gmat-R2024a`): Linux `~/gmat-*`, `/opt/gmat-*`; macOS `/Applications/GMAT*`,
 *    `~/Applications/GMAT*`; Windows `C:\Program Files\GMAT*`, `C:\Program Files (x86)\GMAT*`.
 * 4. `PATH`: `GmatConsole`, `GMAT`, `gmat` in that order, each like `which`; the root is
 *    `realpath(binary)/../..`.
 *
 * A candidate is valid when it holds an executable `bin/GmatConsole` (`.exe` on Windows),
 * `bin/gmat_startup_file.txt`, and the data directory that file names (`<root>/data` in stock
 * installs); see {@link inspectGmatRoot}.
 *
 * @param options Explicit root and the environment to search (defaults: this process's).
 * @returns The install.
 * @throws {GmatNotFoundError} `GMAT_NOT_FOUND`, listing every attempt and how to fix it.
 *
 * @example
 * ```ts
 * import { GmatNotFoundError, locateGmat } from "./mod.ts";
 * try {
 *   const install = await locateGmat({ env: {}, home: "/nonexistent", searchPath: "" });
 *   console.log(install.root, install.version);
 * } catch (e) {
 *   if (e instanceof GmatNotFoundError) console.log(e.attempts.length);
 * }
 * ```
 */
export async function locateGmat(options: LocateGmatOptions = {}): Promise<GmatInstall> {
  const env = options.env ?? Deno.env.toObject();
  const platform = options.platform ?? Deno.build.os;
  const home = options.home ?? env.HOME ?? env.USERPROFILE ?? homedir();
  const searchPath = options.searchPath ?? env.PATH ?? env.Path ?? "";
  const attempts: GmatSearchAttempt[] = [];

  const expand = (p: string) => p === "~" || /^~[\\/]/.test(p) ? join(home, p.slice(1)) : p;

  if (options.root !== undefined) {
    const result = await inspectGmatRoot(expand(options.root), platform);
    if (typeof result !== "string") return result;
    throw new GmatNotFoundError([{ step: "root option", path: options.root, reason: result }]);
  }

  const envRoot = env.GMAT_ROOT;
  if (envRoot) {
    const result = await inspectGmatRoot(expand(envRoot), platform);
    if (typeof result !== "string") return result;
    throw new GmatNotFoundError([{ step: "GMAT_ROOT", path: envRoot, reason: result }]);
  }
  attempts.push({ step: "GMAT_ROOT", path: null, reason: "not set" });

  const candidates: { path: string; label: string }[] = [];
  for (const pattern of globPatterns(platform, home, env)) {
    const hits = await expandGlob(pattern, isWindows(platform));
    if (hits.length === 0) {
      attempts.push({ step: `platform glob ${pattern.label}`, path: null, reason: "no match" });
    }
    for (const path of hits) candidates.push({ path, label: pattern.label });
  }
  // Stable sort: equal basenames keep the pattern order.
  candidates.sort((a, b) => {
    const x = basename(a.path);
    const y = basename(b.path);
    return x < y ? 1 : x > y ? -1 : 0;
  });
  for (const { path, label } of candidates) {
    const result = await inspectGmatRoot(path, platform);
    if (typeof result !== "string") return result;
    attempts.push({ step: `platform glob ${label}`, path, reason: result });
  }

  const seen = new Set<string>();
  for (const name of ["GmatConsole", "GMAT", "gmat"]) {
    const binary = findOnPath(name, searchPath, platform);
    if (binary === null) {
      attempts.push({ step: `PATH ${name}`, path: null, reason: "not found on PATH" });
      continue;
    }
    let root: string;
    try {
      root = dirname(dirname(await Deno.realPath(binary)));
    } catch {
      attempts.push({ step: `PATH ${name}`, path: binary, reason: "cannot resolve the binary" });
      continue;
    }
    if (seen.has(root)) continue;
    seen.add(root);
    const result = await inspectGmatRoot(root, platform);
    if (typeof result !== "string") return result;
    attempts.push({ step: `PATH ${name}`, path: root, reason: `${result} (from ${binary})` });
  }
  throw new GmatNotFoundError(attempts);
}
