/**
 * The messages of the hook sandbox, as plain types: driver <-> host process (JSON lines over
 * stdin/stdout) and host <-> hook worker (structured clone). This module imports nothing, so the
 * sandbox's own modules load under any import map the hook's project uses.
 *
 * @module
 */

/** Permissions of one hook worker, in the shape of Deno's `WorkerOptions.deno.permissions`. */
export interface WorkerPermissions {
  read: string[] | boolean;
  write: string[] | boolean;
  net: string[] | boolean;
  env: string[] | boolean;
  run: string[] | boolean;
  sys: string[] | boolean;
  ffi: string[] | boolean;
}

/** What the hook function receives as its first argument. */
export interface HookRunSpec {
  /** Run id, from 0. */
  runId: number;
  /** Field path to value, as applied to the script. */
  overrides: Record<string, unknown>;
  /** The run's Monte Carlo seed, or null. */
  seed: number | null;
  /** The run's JSON context. */
  context: Record<string, unknown>;
  /** The run's directory: the only place the hook may write. */
  outputDir: string;
}

/** Driver -> host. */
export type HostRequest =
  | {
    type: "config";
    /** file: URL of the generated wrapper module (hook + {@link serveHook}). */
    wrapperUrl: string;
    /** Permissions every hook worker gets, before its run directory is added. */
    base: WorkerPermissions;
    /**
     * `run`: a fresh worker per run, confined to that run's directory. `sweep`: one long-lived
     * worker for every run this host is given, confined to `runTree`.
     */
    isolation: "run" | "sweep";
    /** The directory holding every run directory (what a `sweep` worker may read and write). */
    runTree: string | null;
    /**
     * parquet-wasm's `.wasm` file when the hook's graph has it: the host compiles it once, when
     * a worker first asks (a hook that never loads the codec costs nothing), and hands the
     * compiled module to every worker that asks, which then need not compile it again.
     */
    parquetWasm: string | null;
  }
  | { type: "probe"; id: number; timeoutMs: number }
  | {
    type: "run";
    id: number;
    runDir: string;
    spec: HookRunSpec;
    outcome: Record<string, unknown>;
    timeoutMs: number;
  };

/** Why a hook produced no value. */
export interface HookFailure {
  /**
   * `threw`, `timeout`, `crashed` (uncaught in the worker), `export` (no such function),
   * `exited` (the hook called `Deno.exit()` or `close()`), `oom` (its worker reached the heap
   * limit and was stopped, where the runtime stops a worker rather than the process).
   */
  kind: "threw" | "timeout" | "crashed" | "export" | "exited" | "oom";
  /** Error class name (`NotCapable` for a permission the sandbox denied). */
  name: string;
  message: string;
  stack: string | null;
}

/** Host -> driver. */
export type HostReply =
  | { type: "ready" }
  | { type: "probe"; id: number; exportType: string | null; failure: HookFailure | null }
  | {
    type: "result";
    id: number;
    /** The hook's return value (validated by the driver), when it returned. */
    value?: unknown;
    failure: HookFailure | null;
    /** What the hook printed (console), in order. */
    log: string;
    /** Seconds the hook took. */
    durationS: number;
  };

/** Host -> worker (`keep`: the worker stays for further runs, the `sweep` isolation). */
export type WorkerRequest =
  | { type: "probe" }
  | {
    type: "run";
    spec: HookRunSpec;
    outcome: Record<string, unknown>;
    keep: boolean;
    /** Whether the host holds parquet-wasm to share (the worker asks for it when it loads). */
    sharedParquetWasm: boolean;
  }
  /** The answer to the worker's `parquetWasm` request (undefined: compile it yourself). */
  | { type: "parquetWasm"; module: WebAssembly.Module | undefined };

/** Worker -> host. */
export type WorkerReply =
  | { type: "log"; text: string }
  | { type: "probe"; exportType: string }
  | { type: "done"; value: unknown }
  | { type: "error"; failure: HookFailure }
  /** The codec is loading: send the host's compiled parquet-wasm (a `parquetWasm` request). */
  | { type: "parquetWasm" }
  /** The hook called `Deno.exit()` / `close()`: the worker is closing. */
  | { type: "exited"; how: string };
