/**
 * The driver's side of the hook sandbox: starts the host process for a planned hook, sends it one
 * request per ok run, checks what the hook returned, and writes the run's `postprocess.log`. A
 * hook that throws, hangs, is denied a permission or returns a bad path is a failed
 * {@link HookOutcome}, never an exception: the run stays ok. A host that dies is restarted for
 * the next run.
 *
 * @module
 */

import { join } from "node:path";
import type { RunOutcome, RunSpec } from "../runs/mod.ts";
import { HookError } from "./hook_error.ts";
import { checkHookOutputs } from "./hook_outputs.ts";
import type { HookPlan } from "./hook_plan.ts";
import { formatHookPermissions } from "./hook_permissions.ts";
import type { HookFailure, HookRunSpec, HostReply, HostRequest } from "./host_protocol.ts";
import { hostArgs, hostEnv, workerBase } from "./sandbox_command.ts";

/** What a hook did for one run. */
export interface HookOutcome {
  readonly status: "ok" | "failed";
  /** Output name to absolute path (empty when failed). */
  readonly extraOutputs: Record<string, string>;
  /** Why it failed, or null. */
  readonly error: string | null;
  /** `<runDir>/postprocess.log`. */
  readonly logPath: string;
  /** Seconds the hook took. */
  readonly durationS: number;
}

/** Options of {@link HookRunner.start}. */
export interface HookRunnerOptions {
  /** Directory holding every run directory the hook will be given (null: probes only). */
  readonly runTree: string | null;
  /** Time one hook call may take. @default {300000} */
  readonly timeoutMs?: number;
  /** Dispose the plan (its wrapper directory) when the runner closes. @default {false} */
  readonly ownsPlan?: boolean;
}

/** The name of the hook's log in its run directory. */
export const HOOK_LOG_NAME = "postprocess.log";

type Reply = Exclude<HostReply, { type: "ready" }>;

class HostProcess {
  readonly #child: Deno.ChildProcess;
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #waiting = new Map<number, (reply: Reply | Error) => void>();
  #stderr = "";
  #dead: Error | undefined;
  readonly ready: Promise<void>;
  readonly exited: Promise<void>;

  constructor(plan: HookPlan, runTree: string | null) {
    this.#child = new Deno.Command(plan.denoPath, {
      args: hostArgs(plan, runTree),
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
      clearEnv: true,
      env: hostEnv(plan.permissions),
    }).spawn();
    this.#writer = this.#child.stdin.getWriter();
    let readyResolve!: () => void;
    this.ready = new Promise((r) => readyResolve = r);
    const stdout = this.#readLines(this.#child.stdout, (line) => {
      const reply = JSON.parse(line) as HostReply;
      if (reply.type === "ready") readyResolve();
      else {
        const waiter = this.#waiting.get(reply.id);
        this.#waiting.delete(reply.id);
        waiter?.(reply);
      }
    });
    const stderr = this.#readLines(this.#child.stderr, (line) => {
      this.#stderr = (this.#stderr + line + "\n").slice(-4000);
    });
    this.exited = Promise.all([this.#child.status, stdout, stderr]).then(([status]) => {
      this.#dead = new Error(
        `the hook sandbox exited (code ${status.code}${
          status.signal ? `, ${status.signal}` : ""
        })` +
          (this.#stderr.trim() ? `: ${this.#stderr.trim()}` : ""),
      );
      readyResolve();
      for (const waiter of this.#waiting.values()) waiter(this.#dead);
      this.#waiting.clear();
    });
  }

  get alive(): boolean {
    return this.#dead === undefined;
  }

  get deathReason(): Error | undefined {
    return this.#dead;
  }

  async #readLines(stream: ReadableStream<Uint8Array>, onLine: (line: string) => void) {
    let buffer = "";
    for await (const text of stream.pipeThrough(new TextDecoderStream())) {
      buffer += text;
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.trim() !== "") onLine(line);
      }
    }
  }

  async send(request: HostRequest): Promise<void> {
    await this.#writer.write(new TextEncoder().encode(JSON.stringify(request) + "\n"));
  }

  request(request: HostRequest & { id: number }, deadlineMs: number): Promise<Reply | Error> {
    if (this.#dead) return Promise.resolve(this.#dead);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(request.id);
        resolve(new Error(`the hook sandbox did not answer within ${deadlineMs / 1000} s`));
        this.kill();
      }, deadlineMs);
      this.#waiting.set(request.id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.send(request).catch((e) => {
        this.#waiting.delete(request.id);
        clearTimeout(timer);
        resolve(e instanceof Error ? e : new Error(String(e)));
      });
    });
  }

  kill(): void {
    try {
      this.#child.kill("SIGKILL");
    } catch { /* already gone */ }
  }

  async close(): Promise<void> {
    try {
      await this.#writer.close();
    } catch { /* already closed */ }
    const done = await Promise.race([
      this.exited.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 2000)),
    ]);
    if (!done) {
      this.kill();
      await this.exited;
    }
  }
}

function failureText(f: HookFailure, runDir: string | null): string {
  if (f.kind === "timeout") return f.message;
  const head = f.kind === "crashed" ? `the hook crashed: ${f.message}` : `${f.name}: ${f.message}`;
  if (f.name === "NotCapable" || f.name === "PermissionDenied") {
    return `${head} (the hook's sandbox may read and write only its run directory` +
      `${runDir ? ` ${runDir}` : ""}; grant more with --postprocess-allow KIND=VALUE or ` +
      "postprocessPermissions if that is intended)";
  }
  return head;
}

/** Runs one planned hook for many runs, through one sandbox host process at a time. */
export class HookRunner implements AsyncDisposable {
  readonly plan: HookPlan;
  readonly #runTree: string | null;
  readonly timeoutMs: number;
  readonly #ownsPlan: boolean;
  #host: Promise<HostProcess> | undefined;
  #nextId = 0;

  private constructor(plan: HookPlan, options: HookRunnerOptions) {
    this.plan = plan;
    this.#runTree = options.runTree;
    this.timeoutMs = options.timeoutMs ?? 300_000;
    this.#ownsPlan = options.ownsPlan ?? false;
  }

  /** Start a runner (its host process starts on first use). */
  static start(plan: HookPlan, options: HookRunnerOptions): HookRunner {
    return new HookRunner(plan, options);
  }

  /** The permissions granted on top of the sandbox, as recorded in the manifest header. */
  get grantedPermissions(): string[] {
    return formatHookPermissions(this.plan.permissions);
  }

  /** The live host, started once even when many runs ask at the same time. */
  async #hostProcess(): Promise<HostProcess> {
    for (;;) {
      const current = this.#host;
      if (current === undefined) return await this.#startHost();
      let host: HostProcess | undefined;
      try {
        host = await current;
      } catch { /* it failed to start: start another below, once */ }
      if (host?.alive) return host;
      // Only the first caller to see the dead host replaces it; the others wait for that one.
      if (this.#host === current) return await this.#startHost();
    }
  }

  #startHost(): Promise<HostProcess> {
    const starting = (async () => {
      const host = new HostProcess(this.plan, this.#runTree);
      await host.ready;
      if (!host.alive) throw host.deathReason!;
      await host.send({
        type: "config",
        wrapperUrl: this.plan.wrapperUrl,
        base: workerBase(this.plan),
      });
      return host;
    })();
    this.#host = starting;
    return starting;
  }

  /**
   * Load the hook in the sandbox and check that its export is a function.
   *
   * @throws {HookError} `HOOK_LOAD` when the module cannot be evaluated in the sandbox,
   *   `HOOK_EXPORT` when the export is missing or not a function, `HOOK_SANDBOX` when the sandbox
   *   cannot run.
   */
  async probe(): Promise<void> {
    const hook = this.plan.hook;
    let host: HostProcess;
    try {
      host = await this.#hostProcess();
    } catch (e) {
      throw new HookError(
        "HOOK_SANDBOX",
        `Hook ${hook.text}: the sandbox could not start: ${e instanceof Error ? e.message : e}`,
      );
    }
    const timeoutMs = Math.min(this.timeoutMs, 120_000);
    const reply = await host.request(
      { type: "probe", id: this.#nextId++, timeoutMs },
      timeoutMs + 10_000,
    );
    if (reply instanceof Error) {
      throw new HookError("HOOK_SANDBOX", `Hook ${hook.text}: ${reply.message}`);
    }
    if (reply.type !== "probe") throw new HookError("HOOK_SANDBOX", "unexpected sandbox reply");
    if (reply.failure) {
      throw new HookError(
        "HOOK_LOAD",
        `Hook ${hook.text}: the module fails to load in its sandbox: ` +
          `${
            failureText(reply.failure, null)
          }; a hook module must not need permissions at import ` +
          "time beyond reading its own npm packages",
      );
    }
    if (reply.exportType !== "function") {
      throw new HookError(
        "HOOK_EXPORT",
        reply.exportType === ""
          ? `Hook ${hook.text}: the module has no export '${hook.exportName}'; ` +
            `export a function named ${hook.exportName} or name an existing export after '#'`
          : `Hook ${hook.text}: export '${hook.exportName}' is a ${reply.exportType}, ` +
            "not a function; export the hook function itself",
      );
    }
  }

  /**
   * Run the hook for one ok run and write `<runDir>/postprocess.log`.
   *
   * @param spec The run's spec.
   * @param outcome The run's (ok) outcome, with absolute paths.
   * @param runDir The run's directory.
   */
  async run(spec: RunSpec, outcome: RunOutcome, runDir: string): Promise<HookOutcome> {
    const t0 = performance.now();
    const logPath = join(runDir, HOOK_LOG_NAME);
    const hookSpec: HookRunSpec = {
      runId: spec.runId,
      overrides: spec.overrides,
      seed: spec.seed,
      context: spec.context,
      outputDir: runDir,
    };
    let reply: Reply | Error;
    try {
      const host = await this.#hostProcess();
      reply = await host.request({
        type: "run",
        id: this.#nextId++,
        runDir,
        spec: hookSpec,
        outcome: outcome as unknown as Record<string, unknown>,
        timeoutMs: this.timeoutMs,
      }, this.timeoutMs + 15_000);
    } catch (e) {
      reply = e instanceof Error ? e : new Error(String(e));
    }
    let error: string | null;
    let outputs: Record<string, string> = {};
    let log = "";
    if (reply instanceof Error) error = reply.message;
    else if (reply.type !== "result") error = "unexpected reply from the hook sandbox";
    else {
      log = reply.log;
      if (reply.failure) {
        error = failureText(reply.failure, runDir);
        if (reply.failure.stack) log += `${log ? "\n" : ""}${reply.failure.stack}`;
      } else {
        const checked = await checkHookOutputs(reply.value, runDir);
        if (checked.ok) {
          outputs = checked.outputs;
          error = null;
        } else error = checked.error;
      }
    }
    const text = [
      `hook ${this.plan.hook.text} on run ${spec.runId}: ${error === null ? "ok" : "failed"}`,
      ...(log ? [log] : []),
      ...(error === null ? [] : [`error: ${error}`]),
      "",
    ].join("\n");
    try {
      await Deno.writeTextFile(logPath, text);
    } catch { /* the run directory vanished: the manifest still records the error */ }
    return {
      status: error === null ? "ok" : "failed",
      extraOutputs: outputs,
      error,
      logPath,
      durationS: (performance.now() - t0) / 1000,
    };
  }

  /** Stop the host process (and dispose the plan when the runner owns it). */
  async close(): Promise<void> {
    const host = this.#host;
    this.#host = undefined;
    await host?.then((h) => h.close(), () => {});
    if (this.#ownsPlan) await this.plan[Symbol.asyncDispose]();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
