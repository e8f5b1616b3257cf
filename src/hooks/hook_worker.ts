/**
 * The hook side of the sandbox: runs inside a Web Worker whose permissions reach only one run's
 * directory. The generated wrapper module imports the user's hook module and calls
 * {@link serveHook}, which answers one request (a probe of the export, or one run) and closes the
 * worker. What the hook prints through `console` is sent to the host as log lines, so each run's
 * `postprocess.log` holds only that run's output.
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

function captureConsole(send: (text: string) => void): void {
  const format = (args: unknown[]) =>
    args.map((a) => typeof a === "string" ? a : Deno.inspect(a, { colors: false })).join(" ");
  const c = globalThis.console as unknown as Record<string, (...a: unknown[]) => void>;
  for (const level of ["log", "info", "debug", "trace"]) c[level] = (...a) => send(format(a));
  for (const level of ["warn", "error"]) c[level] = (...a) => send(`[${level}] ${format(a)}`);
}

/**
 * Answer the host's request with the hook `exportName` of `hookModule`, then close the worker.
 *
 * @param hookModule The user's module namespace.
 * @param exportName The export to call (`default` for the default export).
 */
export function serveHook(hookModule: Record<string, unknown>, exportName: string): void {
  const scope = globalThis as unknown as WorkerScope;
  scope.onmessage = async (e) => {
    const request = e.data;
    const fn = hookModule[exportName];
    if (request.type === "probe") {
      scope.postMessage({ type: "probe", exportType: exportName in hookModule ? typeof fn : "" });
      scope.close();
      return;
    }
    captureConsole((text) => scope.postMessage({ type: "log", text }));
    try {
      if (typeof fn !== "function") {
        throw new TypeError(`the hook module has no function export '${exportName}'`);
      }
      const value = await fn(request.spec, request.outcome);
      scope.postMessage({ type: "done", value: structuredCloneable(value) });
    } catch (err) {
      scope.postMessage({ type: "error", failure: describeThrown(err, "threw") });
    }
    scope.close();
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
