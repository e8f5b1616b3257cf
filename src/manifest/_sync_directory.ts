/**
 * Making a directory entry durable: open the directory and sync it, so a newly created manifest
 * survives a power loss. Skipped silently where the platform cannot do it (Windows cannot open a
 * directory as a file; some file systems answer EINVAL).
 *
 * @module
 */

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
