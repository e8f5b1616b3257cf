/**
 * The hook side of the sandbox: runs inside a Web Worker whose permissions reach only one run's
 * directory (or, with the `sweep` isolation, the run tree). The generated wrapper module imports
 * this module first, then the user's hook module, and calls {@link serveHook}, which answers the
 * host's requests (a probe of the export, or runs) and closes the worker after one run unless
 * asked to stay (the host terminates it). What the hook prints through `console` is sent to the host as log lines, so each
 * run's `postprocess.log` holds only that run's output.
 *
 * Evaluated before the hook module, it replaces `Deno.exit` and the worker's `close` (for good:
 * the hook cannot restore them) with versions that tell the host first, so a hook that exits is a
 * failure recorded at once instead of a silent worker that only its timeout would notice.
 *
 * Imports nothing but types, so it loads under any import map.
 *
 * @module
 */

import type { HookFailure, WorkerReply, WorkerRequest } from "./host_protocol.ts";

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
  close(): void;
}

/** Describe a thrown value for the manifest. */
export function describeThrown(err: unknown, kind: HookFailure["kind"]): HookFailure {
  if (err instanceof Error) {
    return { kind, name: err.name, message: err.message, stack: err.stack ?? null };
  }
  return { kind, name: typeof err, message: String(err), stack: null };
}

/** Whether this module runs inside a worker (not when a tool merely loads it). */
function inWorker(): boolean {
  return typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === "function";
}

/** Make `Deno.exit()` and `close()` report to the host before the worker goes. */
function guardExits(): void {
  const scope = globalThis as unknown as WorkerScope;
  const close = scope.close.bind(scope);
  const exit = (how: string): never => {
    scope.postMessage({ type: "exited", how });
    close();
    // Nothing after this line runs in a closing worker; stop the caller's code here too.
    throw new Error(`the hook called ${how}`);
  };
  const lock = (target: object, key: string, value: unknown) => {
    try {
      Object.defineProperty(target, key, { value, writable: false, configurable: false });
    } catch {
      // A runtime that does not let it be replaced: such an exit is then seen at the timeout.
    }
  };
  lock(Deno, "exit", (code?: number) => exit(`Deno.exit(${code ?? ""})`));
  lock(globalThis, "close", () => exit("close()"));
}

if (inWorker()) guardExits();

/**
 * Where the table layer's codec loader finds parquet-wasm's compiled module, or here a function
 * that asks the host for it (`SHARED_PARQUET_WASM` in `src/table/parquet_wasm.ts`; the same
 * registered symbol).
 */
const SHARED_PARQUET_WASM = Symbol.for("gmat-sweep.parquet-wasm.module");

/**
 * Let the codec loader ask the host for its compiled parquet-wasm (once; the host compiles it
 * when first asked), so that hooks that never load the codec cost the host no compilation.
 * Returns the function that takes the host's answer (which then stays in the global).
 */
function shareParquetWasm(scope: WorkerScope): (module: WebAssembly.Module | undefined) => void {
  let answer: (module: WebAssembly.Module | undefined) => void = () => {};
  const asked = new Promise<WebAssembly.Module | undefined>((resolve) => answer = resolve);
  let sent = false;
  (globalThis as Record<symbol, unknown>)[SHARED_PARQUET_WASM] = () => {
    if (!sent) scope.postMessage({ type: "parquetWasm" });
    sent = true;
    return asked;
  };
  return (module) => {
    // Held from now on, as a module handed over up front would be.
    if (module !== undefined) (globalThis as Record<symbol, unknown>)[SHARED_PARQUET_WASM] = module;
    answer(module);
  };
}

function captureConsole(send: (text: string) => void): void {
  const format = (args: unknown[]) =>
    args.map((a) => typeof a === "string" ? a : Deno.inspect(a, { colors: false })).join(" ");
  const c = globalThis.console as unknown as Record<string, (...a: unknown[]) => void>;
  for (const level of ["log", "info", "debug", "trace"]) c[level] = (...a) => send(format(a));
  for (const level of ["warn", "error"]) c[level] = (...a) => send(`[${level}] ${format(a)}`);
}

/**
 * Answer the host's requests with the hook `exportName` of `hookModule`: a probe or one run, then
 * close the worker; a run asked to `keep` the worker leaves it open for the next one.
 *
 * @param hookModule The user's module namespace.
 * @param exportName The export to call (`default` for the default export).
 */
export function serveHook(hookModule: Record<string, unknown>, exportName: string): void {
  const scope = globalThis as unknown as WorkerScope;
  // The host terminates the worker once it has the answer (the guarded close would report an
  // exit); the worker only stops listening.
  const done = () => {
    scope.onmessage = null;
  };
  let captured = false;
  let parquetWasm: ((module: WebAssembly.Module | undefined) => void) | undefined;
  scope.onmessage = async (e) => {
    const request = e.data;
    if (request.type === "parquetWasm") {
      parquetWasm?.(request.module);
      return;
    }
    const fn = hookModule[exportName];
    if (request.type === "probe") {
      scope.postMessage({ type: "probe", exportType: exportName in hookModule ? typeof fn : "" });
      done();
      return;
    }
    if (!captured) {
      captureConsole((text) => scope.postMessage({ type: "log", text }));
      captured = true;
    }
    if (request.sharedParquetWasm && parquetWasm === undefined) {
      parquetWasm = shareParquetWasm(scope);
    }
    try {
      if (typeof fn !== "function") {
        throw new TypeError(`the hook module has no function export '${exportName}'`);
      }
      const value = await fn(request.spec, request.outcome);
      scope.postMessage({ type: "done", value: structuredCloneable(value) });
    } catch (err) {
      scope.postMessage({ type: "error", failure: describeThrown(err, "threw") });
    }
    if (!request.keep) done();
  };
}

/** The returned value, made safe to post (anything else becomes its string form). */
function structuredCloneable(value: unknown): unknown {
  try {
    structuredClone(value);
    return value;
  } catch {
    return String(value);
  }
}
