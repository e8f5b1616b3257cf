/**
 * One driver per output directory: {@link lockOutputDir} takes an exclusive `flock` on
 * `<outputDir>/.gmat-sweep.lock` for as long as a sweep runs, resumes or extends, and writes who
 * holds it into the file. The lock is the operating system's: it ends with the process (kill -9
 * included), so a crashed driver leaves nothing to clean up, and the next driver simply takes it.
 * A second driver is refused with the holder's pid, host, command and start time.
 *
 * (The manifest itself is locked by its writer; this lock covers the run tree, which two sweeps
 * with different manifests could otherwise share.)
 *
 * @module
 */

import { hostname } from "node:os";
import { join } from "node:path";
import { withStorage } from "../errors/storage_error.ts";
import { ManifestLockedError, tryLockExclusive } from "../manifest/mod.ts";

/** The lock file's name, in the output directory. */
export const LOCK_FILE = ".gmat-sweep.lock";

/** A held lock on an output directory; release it with `await using` or `release()`. */
export interface OutputDirLock extends AsyncDisposable {
  /** The lock file. */
  readonly path: string;
  /** Let the lock go (idempotent). */
  release(): void;
}

/**
 * Lock a sweep's output directory (created if missing) for one driver.
 *
 * @param outputDir The output directory.
 * @param command What the driver does (`run`, `resume`, `extend`), recorded for others to see.
 * @returns The held lock.
 * @throws {ManifestLockedError} When another process holds it (the message names the holder).
 * @throws {StorageError} When the directory or the lock file cannot be created.
 *
 * @example
 * ```ts
 * import { lockOutputDir } from "./sweep_lock.ts";
 * const dir = await Deno.makeTempDir();
 * {
 *   await using _lock = await lockOutputDir(dir, "run");
 *   await lockOutputDir(dir, "resume").catch((e) => console.log(e.code)); // MANIFEST_LOCKED
 * }
 * ```
 */
export async function lockOutputDir(outputDir: string, command: string): Promise<OutputDirLock> {
  const path = join(outputDir, LOCK_FILE);
  await withStorage(
    outputDir,
    "cannot create the output directory",
    () => Deno.mkdir(outputDir, { recursive: true }),
  );
  const file = await withStorage(
    path,
    "cannot create the lock file",
    () => Deno.open(path, { read: true, write: true, create: true }),
  );
  let locked = false;
  try {
    locked = await tryLockExclusive(file);
    if (!locked) {
      throw new ManifestLockedError(
        path,
        `the output directory ${outputDir}`,
        await holderOf(file),
      );
    }
    const holder = {
      pid: Deno.pid,
      host: hostname(),
      command: `gmat-sweep ${command}`,
      since: new Date().toISOString(),
    };
    await file.truncate(0);
    await file.write(new TextEncoder().encode(JSON.stringify(holder) + "\n"));
  } catch (e) {
    file.close();
    throw e;
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    file.close(); // closing the descriptor drops the flock
  };
  return {
    path,
    release,
    [Symbol.asyncDispose]: () => Promise.resolve(release()),
  };
}

/** Who holds the lock, from what the holder wrote (undefined while it is being written). */
async function holderOf(file: Deno.FsFile): Promise<string | undefined> {
  try {
    const bytes = new Uint8Array(4096);
    await file.seek(0, Deno.SeekMode.Start);
    const n = await file.read(bytes);
    const h = JSON.parse(new TextDecoder().decode(bytes.subarray(0, n ?? 0))) as Record<
      string,
      unknown
    >;
    return `pid ${h.pid} on ${h.host}: ${h.command}, since ${h.since}`;
  } catch {
    return undefined;
  }
}
