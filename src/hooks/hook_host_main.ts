/**
 * The hook sandbox host: a long-lived Deno process started by the driver with only the
 * permissions hooks can need (read the hook's module files, its npm packages and the sweep's run
 * tree; write the run tree; the user's named extras). For every run it starts a fresh Web Worker
 * whose permissions are narrowed to that run's directory (plus the npm packages and extras), so
 * one run's hook can neither read nor write another's, and answers over stdout.
 *
 * Protocol: JSON lines, {@link HostRequest} on stdin, {@link HostReply} on stdout. The process
 * exits when stdin closes (its driver died or finished). Imports nothing with a bare specifier.
 *
 * @module
 */

import type {
  HookFailure,
  HostReply,
  HostRequest,
  WorkerPermissions,
  WorkerReply,
  WorkerRequest,
} from "./host_protocol.ts";

const encoder = new TextEncoder();
let writing: Promise<void> = Promise.resolve();

function reply(message: HostReply): void {
  const bytes = encoder.encode(JSON.stringify(message) + "\n");
  writing = writing.then(async () => {
    let off = 0;
    while (off < bytes.length) off += await Deno.stdout.write(bytes.subarray(off));
  });
}

function withDir(list: string[] | boolean, dir: string | undefined): string[] | boolean {
  if (list === true || dir === undefined) return list;
  return [...(list === false ? [] : list), dir];
}

interface Job {
  readonly request: WorkerRequest;
  readonly runDir: string | undefined;
  readonly timeoutMs: number;
}

interface JobResult {
  value?: unknown;
  exportType: string | null;
  failure: HookFailure | null;
  log: string[];
  durationS: number;
}

function runWorker(wrapperUrl: string, base: WorkerPermissions, job: Job): Promise<JobResult> {
  const t0 = performance.now();
  const log: string[] = [];
  const permissions = {
    ...base,
    read: withDir(base.read, job.runDir),
    write: withDir(base.write, job.runDir),
  };
  return new Promise((resolve) => {
    let settled = false;
    let worker: Worker | undefined;
    const finish = (r: Omit<JobResult, "log" | "durationS">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker?.terminate();
      resolve({ ...r, log, durationS: (performance.now() - t0) / 1000 });
    };
    const timer = setTimeout(() =>
      finish({
        exportType: null,
        failure: {
          kind: "timeout",
          name: "TimeoutError",
          message: `the hook did not return within ${job.timeoutMs / 1000} s and was stopped`,
          stack: null,
        },
      }), job.timeoutMs);
    try {
      worker = new Worker(wrapperUrl, {
        type: "module",
        // @ts-ignore: Deno's worker options (unstable: --unstable-worker-options).
        deno: { permissions },
      });
    } catch (e) {
      finish({
        exportType: null,
        failure: {
          kind: "crashed",
          name: e instanceof Error ? e.name : "Error",
          message: `the hook worker could not start: ${e instanceof Error ? e.message : e}`,
          stack: null,
        },
      });
      return;
    }
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.type === "log") log.push(m.text);
      else if (m.type === "probe") finish({ exportType: m.exportType, failure: null });
      else if (m.type === "done") finish({ value: m.value, exportType: null, failure: null });
      else finish({ exportType: null, failure: m.failure });
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      finish({
        exportType: null,
        failure: { kind: "crashed", name: "Error", message: e.message, stack: null },
      });
    };
    worker.postMessage(job.request);
  });
}

async function main(): Promise<void> {
  let config: Extract<HostRequest, { type: "config" }> | undefined;
  const pending = new Set<Promise<void>>();
  let buffer = "";
  const decoder = new TextDecoder();
  reply({ type: "ready" });
  for await (const chunk of Deno.stdin.readable) {
    buffer += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.trim() === "") continue;
      const request = JSON.parse(line) as HostRequest;
      if (request.type === "config") {
        config = request;
        continue;
      }
      if (config === undefined) throw new Error("hook host: a request came before the config");
      const { wrapperUrl, base } = config;
      const task = request.type === "probe"
        ? runWorker(wrapperUrl, base, {
          request: { type: "probe" },
          runDir: undefined,
          timeoutMs: request.timeoutMs,
        }).then((r) =>
          reply({ type: "probe", id: request.id, exportType: r.exportType, failure: r.failure })
        )
        : runWorker(wrapperUrl, base, {
          request: { type: "run", spec: request.spec, outcome: request.outcome },
          runDir: request.runDir,
          timeoutMs: request.timeoutMs,
        }).then((r) =>
          reply({
            type: "result",
            id: request.id,
            value: r.value,
            failure: r.failure,
            log: r.log.join("\n"),
            durationS: r.durationS,
          })
        );
      pending.add(task);
      task.finally(() => pending.delete(task));
    }
  }
  // The driver closed stdin: finish nothing more.
  Deno.exit(0);
}

if (import.meta.main) await main();
