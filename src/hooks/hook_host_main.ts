/**
 * The hook sandbox host: a long-lived Deno process started by the driver with only the
 * permissions hooks can need (read the hook's module files, its npm packages and the sweep's run
 * tree; write the run tree; the user's named extras) and a bounded heap. It runs one hook call at
 * a time: with the `run` isolation each call gets a fresh Web Worker whose permissions are
 * narrowed to that run's directory (plus the npm packages and extras), so one run's hook can
 * neither read nor write another's; with the `sweep` isolation one long-lived worker confined to
 * the run tree serves every call (replaced when it exits or times out). A hook that runs out of
 * memory takes down this process only, so only its own call fails: the driver runs one host per
 * concurrent hook.
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

function withDir(list: string[] | boolean, dir: string | null): string[] | boolean {
  if (list === true || dir === null) return list;
  return [...(list === false ? [] : list), dir];
}

type Config = Extract<HostRequest, { type: "config" }>;

interface JobResult {
  value?: unknown;
  exportType: string | null;
  failure: HookFailure | null;
  log: string[];
  durationS: number;
}

/** What a worker tells about the call it is answering (not its requests to the host). */
type CallReply = Exclude<WorkerReply, { type: "parquetWasm" }>;

/** One hook worker and the call it is answering. */
class HookWorker {
  readonly #worker: Worker;
  #job: ((m: CallReply | HookFailure) => void) | undefined;
  #dead = false;

  /**
   * @param wrapperUrl The worker's module.
   * @param permissions The worker's permissions.
   * @param parquetWasm The host's compiled parquet-wasm, for a worker that asks for it.
   */
  constructor(
    wrapperUrl: string,
    permissions: WorkerPermissions,
    parquetWasm: () => Promise<WebAssembly.Module | undefined>,
  ) {
    this.#worker = new Worker(wrapperUrl, {
      type: "module",
      // @ts-ignore: Deno's worker options (unstable: --unstable-worker-options).
      deno: { permissions },
    });
    this.#worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      if (e.data.type === "parquetWasm") {
        parquetWasm().then((module) => {
          if (!this.#dead) this.#worker.postMessage({ type: "parquetWasm", module });
        });
        return;
      }
      if (e.data.type === "exited") this.#dead = true;
      this.#job?.(e.data);
    };
    this.#worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.#dead = true;
      const oom = /out of memory|heap limit/i.test(e.message);
      this.#job?.({
        kind: oom ? "oom" : "crashed",
        name: "Error",
        message: e.message,
        stack: null,
      });
    };
  }

  get usable(): boolean {
    return !this.#dead;
  }

  /** Send one request and collect the answer (a result, a failure, or the timeout). */
  call(request: WorkerRequest, timeoutMs: number): Promise<JobResult> {
    const t0 = performance.now();
    const log: string[] = [];
    return new Promise((resolve) => {
      const finish = (r: Omit<JobResult, "log" | "durationS">) => {
        clearTimeout(timer);
        this.#job = undefined;
        resolve({ ...r, log, durationS: (performance.now() - t0) / 1000 });
      };
      const timer = setTimeout(() => {
        this.terminate();
        finish({
          exportType: null,
          failure: {
            kind: "timeout",
            name: "TimeoutError",
            message: `the hook did not return within ${timeoutMs / 1000} s and was stopped`,
            stack: null,
          },
        });
      }, timeoutMs);
      this.#job = (m) => {
        if (!("type" in m)) return finish({ exportType: null, failure: m });
        if (m.type === "log") log.push(m.text);
        else if (m.type === "probe") finish({ exportType: m.exportType, failure: null });
        else if (m.type === "done") finish({ value: m.value, exportType: null, failure: null });
        else if (m.type === "error") finish({ exportType: null, failure: m.failure });
        else {
          finish({
            exportType: null,
            failure: {
              kind: "exited",
              name: "HookExit",
              message: `the hook called ${m.how}, which ends its worker; return from the ` +
                "hook instead (throw to fail it)",
              stack: null,
            },
          });
        }
      };
      this.#worker.postMessage(request);
    });
  }

  terminate(): void {
    this.#dead = true;
    this.#worker.terminate();
  }
}

function startFailure(e: unknown): JobResult {
  return {
    exportType: null,
    failure: {
      kind: "crashed",
      name: e instanceof Error ? e.name : "Error",
      message: `the hook worker could not start: ${e instanceof Error ? e.message : e}`,
      stack: null,
    },
    log: [],
    durationS: 0,
  };
}

/** Runs the calls of one host, one at a time. */
class Host {
  readonly #config: Config;
  #kept: HookWorker | undefined;
  /**
   * parquet-wasm, compiled once for every worker of this host when one first asks (undefined:
   * none, or failed).
   */
  #parquetWasm: Promise<WebAssembly.Module | undefined> | undefined;
  readonly #provide = () => this.#compiledParquetWasm();

  constructor(config: Config) {
    this.#config = config;
  }

  /** Whether the host has parquet-wasm to share with its workers. */
  get sharesParquetWasm(): boolean {
    return this.#config.parquetWasm !== null;
  }

  /** The compiled parquet-wasm to hand to a worker, if any (compiled on the first call). */
  #compiledParquetWasm(): Promise<WebAssembly.Module | undefined> {
    const file = this.#config.parquetWasm;
    this.#parquetWasm ??= file === null ? Promise.resolve(undefined) : Deno.readFile(file)
      .then((b) => WebAssembly.compile(b)).catch(() => undefined);
    return this.#parquetWasm;
  }

  /** Whether runs share one long-lived worker (the `sweep` isolation). */
  get keepsWorker(): boolean {
    return this.#config.isolation === "sweep";
  }

  /** A worker for one call: fresh (`run` isolation, probes) or the kept one (`sweep`). */
  #worker(runDir: string | null, keep: boolean): HookWorker {
    const { wrapperUrl, base, runTree } = this.#config;
    if (keep) {
      if (this.#kept?.usable) return this.#kept;
      this.#kept = new HookWorker(wrapperUrl, {
        ...base,
        read: withDir(base.read, runTree),
        write: withDir(base.write, runTree),
      }, this.#provide);
      return this.#kept;
    }
    return new HookWorker(wrapperUrl, {
      ...base,
      read: withDir(base.read, runDir),
      write: withDir(base.write, runDir),
    }, this.#provide);
  }

  async call(request: WorkerRequest, runDir: string | null, timeoutMs: number) {
    const keep = request.type === "run" && request.keep;
    let worker: HookWorker;
    try {
      worker = this.#worker(runDir, keep);
    } catch (e) {
      return startFailure(e);
    }
    const result = await worker.call(request, timeoutMs);
    if (!keep) worker.terminate();
    return result;
  }
}

async function main(): Promise<void> {
  let host: Host | undefined;
  let queue: Promise<void> = Promise.resolve();
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
        host = new Host(request);
        continue;
      }
      if (host === undefined) throw new Error("hook host: a request came before the config");
      const h = host;
      // One call at a time: a hook that exhausts this process's memory fails only itself.
      queue = queue.then(async () => {
        if (request.type === "probe") {
          const r = await h.call({ type: "probe" }, null, request.timeoutMs);
          reply({ type: "probe", id: request.id, exportType: r.exportType, failure: r.failure });
          return;
        }
        const r = await h.call(
          {
            type: "run",
            spec: request.spec,
            outcome: request.outcome,
            keep: h.keepsWorker,
            sharedParquetWasm: h.sharesParquetWasm,
          },
          request.runDir,
          request.timeoutMs,
        );
        reply({
          type: "result",
          id: request.id,
          value: r.value,
          failure: r.failure,
          log: r.log.join("\n"),
          durationS: r.durationS,
        });
      });
    }
  }
  // The driver closed stdin: finish nothing more.
  Deno.exit(0);
}

if (import.meta.main) await main();
