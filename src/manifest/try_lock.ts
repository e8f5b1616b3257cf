/**
 * Taking an exclusive `flock` without waiting for its holder, but riding out a moment: when this
 * process (or a thread of it) forks a child, the child holds copies of every descriptor until it
 * execs, so a lock just released here can look held for a few milliseconds. A lock still held
 * after the grace period belongs to someone else.
 *
 * @module
 */

const ATTEMPTS = 10;
const PAUSE_MS = 25;

/**
 * Try to lock a file exclusively, retrying for about a quarter of a second.
 *
 * @param file The open file.
 * @returns Whether the lock was taken.
 */
export async function tryLockExclusive(file: Deno.FsFile): Promise<boolean> {
  for (let i = 0; i < ATTEMPTS; i++) {
    if (await file.tryLock(true)) return true;
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  return false;
}
