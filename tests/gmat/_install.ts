/**
 * Helpers for the GmatConsole driver tests: temporary directories, GMAT-shaped installs
 * (through {@link makeGmatInstall}), and a look at a process group through /proc.
 *
 * @module
 */

import { join } from "node:path";
import { makeGmatInstall, type MakeGmatInstallOptions } from "../../src/engine/mod.ts";

export { makeGmatInstall };

/** The repository root. */
export const ROOT: string = new URL("../../", import.meta.url).pathname;

/** A path under fixtures/. */
export function fixture(path: string): string {
  return join(ROOT, "fixtures", path);
}

/** A temporary directory removed when disposed. */
export async function tempDir(prefix = "gmat-sweep-gmat-"): Promise<
  { path: string } & AsyncDisposable
> {
  const path = await Deno.realPath(await Deno.makeTempDir({ prefix }));
  return {
    path,
    [Symbol.asyncDispose]: () => Deno.remove(path, { recursive: true }).catch(() => {}),
  };
}

/** Make an install at `<dir>/<name>` and return its root. */
export function installAt(
  dir: string,
  name: string,
  options: MakeGmatInstallOptions = {},
): Promise<string> {
  return makeGmatInstall(join(dir, name), options);
}

/** A console that hangs with a child process of its own (so the group has two members). */
export const HUNG_CONSOLE = "sleep 600 &\nwait";

/** A console that hangs and ignores SIGTERM (children inherit the ignored signal). */
export const STUBBORN_CONSOLE = "trap '' TERM\nsleep 600 &\nwait";

/**
 * Live (non-zombie) processes whose process group is `pgid`, read from /proc. Zombies are left
 * out: they have exited and only wait for their new parent to reap them.
 */
export function liveGroupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    let stat: string;
    try {
      stat = Deno.readTextFileSync(`/proc/${entry.name}/stat`);
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid pgrp ...; comm may hold spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] !== "Z" && Number(fields[2]) === pgid) members.push(Number(entry.name));
  }
  return members;
}

/** Wait until `pgid` has no live member, up to `ms`; returns what is left. */
export async function waitGroupGone(pgid: number, ms = 2000): Promise<number[]> {
  const end = Date.now() + ms;
  let left = liveGroupMembers(pgid);
  while (left.length > 0 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    left = liveGroupMembers(pgid);
  }
  return left;
}
