/**
 * Making files and directory entries durable: a newly created manifest, and a run's outputs
 * before the entry that records them, survive a power loss (killing a process loses nothing the
 * kernel already has; a crash of the machine loses what is not yet on disk). A directory is
 * synced by opening it and syncing the handle, skipped silently where the platform cannot do it
 * (Windows cannot open a directory as a file; some file systems answer EINVAL).
 *
 * @module
 */

import { dirname } from "node:path";

const TOLERATED_CODES = new Set(["EINVAL", "ENOTSUP", "EOPNOTSUPP", "EISDIR", "EPERM", "EACCES"]);

function tolerated(error: unknown): boolean {
  if (
    error instanceof Deno.errors.NotSupported ||
    error instanceof Deno.errors.PermissionDenied ||
    error instanceof Deno.errors.IsADirectory
  ) {
    return true;
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && TOLERATED_CODES.has(code);
}

/**
 * Sync a directory's metadata to disk.
 *
 * @param dir The directory.
 * @returns `true` if synced, `false` if the platform does not support it.
 * @throws Any other I/O error.
 */
export async function syncDirectory(dir: string): Promise<boolean> {
  let handle: Deno.FsFile;
  try {
    handle = await Deno.open(dir, { read: true });
  } catch (error) {
    if (tolerated(error)) return false;
    throw error;
  }
  try {
    await handle.syncData();
    return true;
  } catch (error) {
    if (tolerated(error)) return false;
    throw error;
  } finally {
    handle.close();
  }
}

/**
 * Sync a file's data to disk (the handle is opened read-only: Linux syncs a file's data whoever
 * wrote it).
 *
 * @param path The file.
 * @throws Any I/O error (a missing file as `Deno.errors.NotFound`).
 */
export async function syncFile(path: string): Promise<void> {
  using handle = await Deno.open(path, { read: true });
  await handle.syncData();
}

/**
 * Make files durable with the directory entries that name them: each file's data, then its
 * directory, then that directory's parent (a run's directory is new in the output directory).
 *
 * @param paths Files just written.
 * @throws Any I/O error of a file (directories the platform cannot sync are skipped).
 *
 * @example
 * ```ts
 * import { syncFilesAndDirectories } from "./sync_to_disk.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/a.txt`, "a");
 * await syncFilesAndDirectories([`${dir}/a.txt`]);
 * ```
 */
export async function syncFilesAndDirectories(paths: readonly string[]): Promise<void> {
  const dirs = new Set<string>();
  for (const path of paths) {
    await syncFile(path);
    dirs.add(dirname(path));
  }
  for (const dir of [...dirs]) dirs.add(dirname(dir));
  for (const dir of dirs) await syncDirectory(dir);
}
