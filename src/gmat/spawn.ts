/**
 * Starting a child process in its own process group, behind one small interface.
 *
 * The default {@link spawnProcess} uses `Deno.Command`. On Linux/macOS it starts the program
 * through `setsid` (util-linux) so the child leads a new session and process group, and
 * {@link SpawnedProcess.kill} signals the whole group (`kill(-pid)`), taking any processes the
 * child started with it. Without `setsid` (or on Windows) the child runs in gmat-sweep's own
 * group, `kill` reaches the child only, and {@link SpawnedProcess.warning} says so.
 *
 * @module
 */

import { findOnPath, isWindows } from "./_platform.ts";

/** What to start. */
export interface SpawnRequest {
  /** The program. */
  readonly command: string;
  /** Its arguments. */
  readonly args: readonly string[];
  /** Its working directory. */
  readonly cwd: string;
  /** `piped` gives the child a writable standard input ({@link SpawnedProcess.stdin}). @default {"null"} */
  readonly stdin?: "null" | "piped";
}

/** How a child ended. */
export interface SpawnStatus {
  /** The exit code (128 + signal number when killed by a signal). */
  readonly code: number;
  /** The signal that killed it, or null. */
  readonly signal: Deno.Signal | null;
}

/** A started child. */
export interface SpawnedProcess {
  /** Its process id (also its process-group id when {@link groupLeader}). */
  readonly pid: number;
  /** True when the child leads its own process group, so {@link kill} reaches the group. */
  readonly groupLeader: boolean;
  /** Why the child could not get its own group, or null. */
  readonly warning: string | null;
  /** Standard input, when the request asked for `stdin: "piped"`; null otherwise. */
  readonly stdin: WritableStream<Uint8Array> | null;
  /** Standard output. */
  readonly stdout: ReadableStream<Uint8Array>;
  /** Standard error. */
  readonly stderr: ReadableStream<Uint8Array>;
  /** Resolves when the child exits. */
  readonly status: Promise<SpawnStatus>;
  /** Signal the child's group (or the child alone when it has no group). Never throws. */
  kill(signal: Deno.Signal): void;
}

/** Something that starts processes; tests may pass their own. */
export type Spawn = (request: SpawnRequest) => SpawnedProcess;

const setsidCache = new Map<string, string | null>();

/** Where `setsid` is, or null. Cached per PATH value. */
export function findSetsid(searchPath: string = Deno.env.get("PATH") ?? ""): string | null {
  if (!setsidCache.has(searchPath)) {
    setsidCache.set(searchPath, findOnPath("setsid", searchPath, Deno.build.os));
  }
  return setsidCache.get(searchPath)!;
}

/**
 * Start a program with piped stdout/stderr (and stdin when asked), in its own process group when
 * possible.
 *
 * @param request Program, arguments and working directory.
 * @returns The child.
 * @throws {Deno.errors.NotFound} / {Deno.errors.PermissionDenied} when it cannot be started.
 *
 * @example
 * ```ts
 * import { spawnProcess } from "./spawn.ts";
 * const child = spawnProcess({ command: "true", args: [], cwd: "." });
 * await child.stdout.cancel();
 * await child.stderr.cancel();
 * console.log((await child.status).code); // 0
 * ```
 */
export function spawnProcess(request: SpawnRequest): SpawnedProcess {
  const setsid = isWindows(Deno.build.os) ? null : findSetsid();
  const warning = setsid !== null
    ? null
    : isWindows(Deno.build.os)
    ? "process groups are not used on Windows: a timeout or abort kills GmatConsole only, " +
      "not processes it started"
    : "setsid (util-linux) was not found on PATH: GmatConsole runs in gmat-sweep's process " +
      "group, so a timeout or abort kills GmatConsole only, not processes it started; " +
      "install util-linux to fix this";
  const command = setsid ?? request.command;
  const args = setsid !== null ? [request.command, ...request.args] : [...request.args];
  const child = new Deno.Command(command, {
    args,
    cwd: request.cwd,
    stdin: request.stdin ?? "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const groupLeader = setsid !== null;
  return {
    pid: child.pid,
    groupLeader,
    warning,
    stdin: request.stdin === "piped" ? child.stdin : null,
    stdout: child.stdout,
    stderr: child.stderr,
    status: child.status.then((s) => ({ code: s.code, signal: s.signal })),
    kill(signal: Deno.Signal) {
      try {
        if (groupLeader) Deno.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // already gone
      }
    },
  };
}
