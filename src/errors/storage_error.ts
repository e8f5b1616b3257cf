/**
 * Storage failures (disk full, quota, permission denied, read-only file system, I/O errors) as one
 * error class with a code per condition, the path at fault and the fix, so that the CLI ends with
 * its documented exit code and a sentence instead of a stack trace.
 *
 * {@link storageErrorFrom} recognises the platform's errors (Deno's `Deno.errors.*` and the
 * `code` property Deno sets to the errno name, e.g. `ENOSPC`), looking through `cause` chains.
 *
 * @module
 */

import { GmatSweepError } from "./mod.ts";

/**
 * Codes of {@link StorageError}:
 * - `STORAGE_FULL`: no space left on the device, or the disk quota is exhausted.
 * - `STORAGE_PERMISSION`: the operating system refused access to the path.
 * - `STORAGE_READ_ONLY`: the file system is mounted read-only.
 * - `STORAGE_IO`: the device reported an I/O error.
 */
export type StorageErrorCode =
  | "STORAGE_FULL"
  | "STORAGE_PERMISSION"
  | "STORAGE_READ_ONLY"
  | "STORAGE_IO";

const BY_ERRNO: Readonly<Record<string, StorageErrorCode>> = {
  ENOSPC: "STORAGE_FULL",
  EDQUOT: "STORAGE_FULL",
  EACCES: "STORAGE_PERMISSION",
  EPERM: "STORAGE_PERMISSION",
  EROFS: "STORAGE_READ_ONLY",
  EIO: "STORAGE_IO",
};

/** Linux errno numbers, for messages that carry only Rust's `(os error N)`. */
const BY_OS_ERROR: Readonly<Record<string, StorageErrorCode>> = {
  "28": "STORAGE_FULL",
  "122": "STORAGE_FULL",
  "13": "STORAGE_PERMISSION",
  "1": "STORAGE_PERMISSION",
  "30": "STORAGE_READ_ONLY",
  "5": "STORAGE_IO",
};

const WHAT: Readonly<Record<StorageErrorCode, string>> = {
  STORAGE_FULL: "no space left on the device (or the disk quota is exhausted)",
  STORAGE_PERMISSION: "permission denied",
  STORAGE_READ_ONLY: "the file system is read-only",
  STORAGE_IO: "the device reported an I/O error",
};

const FIX: Readonly<Record<StorageErrorCode, string>> = {
  STORAGE_FULL: "free space on the file system that holds it (or move the sweep elsewhere)",
  STORAGE_PERMISSION: "give this user write access to it, or choose another directory",
  STORAGE_READ_ONLY: "remount it read-write, or choose another directory",
  STORAGE_IO: "check the device (dmesg), or move the sweep to a healthy disk",
};

/**
 * A storage failure at a path: what the operating system said, and what to do about it.
 *
 * @example
 * ```ts
 * import { StorageError } from "./storage_error.ts";
 * const e = new StorageError("STORAGE_FULL", "/scratch/out/manifest.jsonl", "cannot append to");
 * console.log(e.code, e.message.startsWith("cannot append to /scratch/out/manifest.jsonl"));
 * // STORAGE_FULL true
 * ```
 */
export class StorageError extends GmatSweepError {
  /** The condition (see {@link StorageErrorCode}). */
  declare readonly code: StorageErrorCode;
  /** The file or directory at fault. */
  readonly path: string;

  /**
   * Creates a storage error.
   *
   * @param code The condition.
   * @param path The file or directory at fault.
   * @param action What was being done, as a verb phrase before the path (`cannot write`).
   * @param after What else the reader should know (e.g. how to finish the sweep), appended.
   * @param options Standard error options (`cause`), and `reading`: the path was being read,
   *   so a permission problem asks for read access (the default fix asks for write access).
   */
  constructor(
    code: StorageErrorCode,
    path: string,
    action: string,
    after = "",
    options?: ErrorOptions & { readonly reading?: boolean },
  ) {
    const fix = code === "STORAGE_PERMISSION" && options?.reading
      ? "give this user read access to it (and search access to the directories above it)"
      : FIX[code];
    super(
      code,
      `${action} ${path}: ${WHAT[code]}; fix: ${fix}${after ? `, ${after}` : ""}`,
      options,
    );
    this.path = path;
  }
}

/**
 * The storage condition of an error (or of any error in its `cause` chain), or undefined when it
 * is not a storage failure.
 *
 * @param error Anything thrown.
 * @returns The code, or undefined.
 */
export function storageCodeOf(error: unknown): StorageErrorCode | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof StorageError) return e.code;
    if (e instanceof Deno.errors.PermissionDenied) return "STORAGE_PERMISSION";
    const errno = (e as { code?: unknown }).code;
    if (typeof errno === "string" && errno in BY_ERRNO) return BY_ERRNO[errno];
    // A message passed on without its error (e.g. rethrown with more context).
    const os = /\(os error (\d+)\)/.exec(e.message)?.[1];
    if (os !== undefined && os in BY_OS_ERROR) return BY_OS_ERROR[os];
  }
  return undefined;
}

/**
 * Turn a storage failure into a {@link StorageError} naming `path`; other errors are returned as
 * they are (a StorageError is kept).
 *
 * @param error Anything thrown.
 * @param path The file or directory being accessed.
 * @param action What was being done (`cannot write`).
 * @param after What else to say after the fix (e.g. how to finish the sweep).
 * @param options `reading`: the path was being read (the fix asks for read access).
 * @returns A StorageError, or `error` itself.
 */
export function asStorageError(
  error: unknown,
  path: string,
  action: string,
  after = "",
  options: { readonly reading?: boolean } = {},
): unknown {
  if (error instanceof StorageError) return error;
  const code = storageCodeOf(error);
  return code === undefined
    ? error
    : new StorageError(code, path, action, after, { cause: error, reading: options.reading });
}

/**
 * A storage failure thrown by the platform with no context (the CLI's last resort before an
 * "unexpected error"; the project's own errors are left alone): a {@link StorageError} naming the path Deno's message quotes
 * (`... (os error 13): open '/p'`), or undefined when `error` is not a storage failure.
 *
 * @param error Anything thrown.
 * @returns The StorageError, or undefined.
 */
export function bareStorageError(error: unknown): StorageError | undefined {
  // The project's own errors already say what failed and how to fix it.
  if (!(error instanceof Error) || error instanceof GmatSweepError) return undefined;
  const code = storageCodeOf(error);
  if (code === undefined) return undefined;
  const m = /:\s*(\w+)\s+'([^']+)'(?:\s*->\s*'[^']+')?\s*$/.exec(error.message);
  const op = m?.[1] ?? "";
  const reading = /^(read|readfile|stat|lstat|readdir|realpath|readlink)$/.test(op);
  return new StorageError(code, m?.[2] ?? "(a path the system did not name)", "cannot access", "", {
    cause: error,
    reading,
  });
}

/**
 * Run a file operation, rethrowing a storage failure as a {@link StorageError} naming `path`.
 *
 * @param path The file or directory being accessed.
 * @param action What is being done (`cannot create`).
 * @param op The operation.
 * @returns What `op` returns.
 */
export async function withStorage<T>(
  path: string,
  action: string,
  op: () => Promise<T>,
): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw asStorageError(e, path, action);
  }
}
