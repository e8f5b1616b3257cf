/**
 * The driver's side of the hook sandbox: runs a planned hook for many runs through a few host
 * processes (one per concurrent hook, so a hook that exhausts its heap or kills its process fails
 * only its own run), checks what the hook returned (paths inside the run directory, within the
 * size limit), checks that the engine's outputs are still the files recorded before the hook ran,
 * and writes the run's `postprocess.log`. A hook that throws, hangs, exits, runs out of memory, is
 * denied a permission, returns a bad path, registers too much or tampers with the engine's
 * outputs is a failed {@link HookOutcome} with a reason, never an exception: the run stays ok. A
 * host that dies is replaced for the next run. {@link HookRunner.close} returns only once every
 * host it started has exited.
 *
 * @module
 */

import { createHash } from "node:crypto";
import { join } from "node:path";
import type { PostprocessReason, RunOutcome, RunSpec } from "../runs/mod.ts";
import { HookError } from "./hook_error.ts";
import { checkHookOutputs } from "./hook_outputs.ts";
import type { HookPlan } from "./hook_plan.ts";
import { formatHookPermissions } from "./hook_permissions.ts";
import { HostDeath, HostProcess, type Reply } from "./host_process.ts";
import type { HookFailure, HookRunSpec } from "./host_protocol.ts";
import { workerBase } from "./sandbox_command.ts";

/** What a hook did for one run. */
export interface HookOutcome {
  readonly status: "ok" | "failed";
  /** Output name to absolute path (empty when failed). */
  readonly extraOutputs: Record<string, string>;
  /** Why it failed, or null. */
  readonly error: string | null;
  /** The kind of failure, or null. */
  readonly reason: PostprocessReason | null;
  /** `<runDir>/postprocess.log`. */
  readonly logPath: string;
  /** Seconds the hook took. */
  readonly durationS: number;
  /** The hook's canonical specifier. */
  readonly hook: string;
  /** SHA-256 of the content of the hook's module graph. */
  readonly hookSha256: string;
}

/** How a hook's calls are isolated from each other. */
export type HookIsolation = "run" | "sweep";

/** Options of {@link HookRunner.start}. */
export interface HookRunnerOptions {
  /** Directory holding every run directory the hook will be given (null: probes only). */
  readonly runTree: string | null;
  /** Time one hook call may take. @default {300000} */
  readonly timeoutMs?: number;
  /** Dispose the plan (its wrapper directory) when the runner closes. @default {false} */
  readonly ownsPlan?: boolean;
  /**
   * `run`: a fresh worker per run that may touch only that run's directory. `sweep`: one
   * long-lived worker per host for every run, confined to the run tree (faster; runs' hooks can
   * see each other's directories). @default {"run"}
   */
  readonly isolation?: HookIsolation;
  /** Hooks run at the same time, each in a host process of its own. @default {1} */
  readonly slots?: number;
  /** Heap limit of each hook, in MB (past it the hook fails as out of memory). @default {2048} */
  readonly memoryMb?: number;
  /** Total bytes a hook may register as outputs for one run. @default {1 GiB} */
  readonly maxOutputBytes?: number;
}

/** The name of the hook's log in its run directory. */
export const HOOK_LOG_NAME = "postprocess.log";

/** Default {@link HookRunnerOptions.memoryMb}. */
export const DEFAULT_HOOK_MEMORY_MB = 2048;
/** Default {@link HookRunnerOptions.maxOutputBytes}. */
export const DEFAULT_HOOK_MAX_OUTPUT_BYTES = 1024 ** 3;

const REASON: Readonly<Record<HookFailure["kind"], PostprocessReason>> = {
  threw: "threw",
  timeout: "timeout",
  crashed: "crashed",
  export: "crashed",
  exited: "exited",
  oom: "oom",
};

function failureText(f: HookFailure, runDir: string | null): string {
  if (f.kind === "timeout" || f.kind === "exited") return f.message;
  const head = f.kind === "crashed" ? `the hook crashed: ${f.message}` : `${f.name}: ${f.message}`;
  if (f.name === "NotCapable" || f.name === "PermissionDenied") {
    return `${head} (the hook's sandbox may read and write only its run directory` +
      `${runDir ? ` ${runDir}` : ""}; grant more with --postprocess-allow KIND=VALUE or ` +
      "postprocessPermissions if that is intended)";
  }
  return head;
}

async function sha256Of(path: string): Promise<string | undefined> {
  try {
    return createHash("sha256").update(await Deno.readFile(path)).digest("hex");
  } catch {
    return undefined;
  }
}

/**
 * The engine outputs that are no longer what was recorded before the hook ran (each named with
 * what happened to it).
 */
async function tamperedOutputs(outcome: RunOutcome): Promise<string[]> {
  const problems: string[] = [];
  for (const [key, path] of Object.entries(outcome.outputPaths)) {
    const recorded = outcome.outputDigests?.[path];
    if (recorded === undefined) continue;
    const now = await sha256Of(path);
    if (now === undefined) problems.push(`${key} (${path}) was deleted`);
    else if (now !== recorded.sha256) problems.push(`${key} (${path}) was changed`);
  }
  return problems;
}

/** Runs one planned hook for many runs (see the module doc). */
export class HookRunner implements AsyncDisposable {
  readonly plan: HookPlan;
  readonly #runTree: string | null;
  readonly timeoutMs: number;
  readonly isolation: HookIsolation;
  readonly memoryMb: number;
  readonly maxOutputBytes: number;
  readonly #ownsPlan: boolean;
  /** Every host started and not yet known to have exited (closing waits for all). */
  readonly #hosts = new Set<HostProcess>();
  readonly #idle: HostProcess[] = [];
  readonly #waiters: (() => void)[] = [];
  #free: number;
  #closed = false;
  #nextId = 0;

  private constructor(plan: HookPlan, options: HookRunnerOptions) {
    this.plan = plan;
    this.#runTree = options.runTree;
    this.timeoutMs = options.timeoutMs ?? 300_000;
    this.isolation = options.isolation ?? "run";
    this.memoryMb = options.memoryMb ?? DEFAULT_HOOK_MEMORY_MB;
    this.maxOutputBytes = options.maxOutputBytes ?? DEFAULT_HOOK_MAX_OUTPUT_BYTES;
    this.#free = Math.max(1, options.slots ?? 1);
    this.#ownsPlan = options.ownsPlan ?? false;
  }

  /** Start a runner (its host processes start on first use). */
  static start(plan: HookPlan, options: HookRunnerOptions): HookRunner {
    return new HookRunner(plan, options);
  }

  /** The permissions granted on top of the sandbox, as recorded in the manifest header. */
  get grantedPermissions(): string[] {
    return formatHookPermissions(this.plan.permissions);
  }

  async #startHost(): Promise<HostProcess> {
    const host = new HostProcess(this.plan, this.#runTree, this.memoryMb);
    this.#hosts.add(host);
    host.exited.then(() => this.#hosts.delete(host));
    await host.ready;
    if (!host.alive) throw host.deathReason!;
    await host.send({
      type: "config",
      wrapperUrl: this.plan.wrapperUrl,
      base: workerBase(this.plan),
      isolation: this.isolation,
      runTree: this.#runTree,
      parquetWasm: this.plan.parquetWasm,
    });
    return host;
  }

  /** A host for one call: wait for a free slot, then an idle host or a new one. */
  async #acquire(): Promise<HostProcess> {
    if (this.#closed) throw new Error("the hook runner is closed");
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((r) => this.#waiters.push(r));
    if (this.#closed) {
      this.#releaseSlot();
      throw new Error("the hook runner is closed");
    }
    let host = this.#idle.pop();
    while (host !== undefined && !host.alive) host = this.#idle.pop();
    if (host !== undefined) return host;
    try {
      return await this.#startHost();
    } catch (e) {
      this.#releaseSlot();
      throw e;
    }
  }

  /** Give a host back: kept for the next call while it lives. */
  #release(host: HostProcess): void {
    if (host.alive && !this.#closed) this.#idle.push(host);
    this.#releaseSlot();
  }

  #releaseSlot(): void {
    const next = this.#waiters.shift();
    if (next !== undefined) next();
    else this.#free++;
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
      host = await this.#acquire();
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
    this.#release(host);
    if (reply instanceof Error) {
      throw new HookError("HOOK_SANDBOX", `Hook ${hook.text}: ${reply.message}`);
    }
    if (reply.type !== "probe") throw new HookError("HOOK_SANDBOX", "unexpected sandbox reply");
    if (reply.failure) throw this.plan.loadError(failureText(reply.failure, null));
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

  /** One call through a host: the reply, or the error standing for it. */
  async #call(runDir: string, hookSpec: HookRunSpec, outcome: RunOutcome): Promise<Reply | Error> {
    let host: HostProcess;
    try {
      host = await this.#acquire();
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
    const reply = await host.request({
      type: "run",
      id: this.#nextId++,
      runDir,
      spec: hookSpec,
      outcome: outcome as unknown as Record<string, unknown>,
      timeoutMs: this.timeoutMs,
    }, this.timeoutMs + 15_000);
    // No reply: the host died (or was killed for not answering); let it finish exiting first.
    if (reply instanceof Error) await host.exited;
    this.#release(host);
    return reply;
  }

  /**
   * Run the hook for one ok run and write `<runDir>/postprocess.log`.
   *
   * @param spec The run's spec.
   * @param outcome The run's (ok) outcome, with absolute paths; the engine outputs that carry a
   *   digest in `outputDigests` must still match it after the hook.
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
    const { outputDigests: _digests, ...given } = outcome;
    const reply = await this.#call(runDir, hookSpec, given);
    let error: string | null = null;
    let reason: PostprocessReason | null = null;
    let outputs: Record<string, string> = {};
    let log = "";
    const outOfMemory = `the hook ran out of memory (its heap limit is ${this.memoryMb} MB); ` +
      "lower what it holds at once, or raise the limit with --postprocess-memory MB " +
      "(postprocessMemoryMb)";
    if (reply instanceof HostDeath && reply.outOfMemory) {
      reason = "oom";
      error = outOfMemory;
    } else if (reply instanceof Error) {
      reason = "crashed";
      error = reply.message;
    } else if (reply.type !== "result") {
      reason = "crashed";
      error = "unexpected reply from the hook sandbox";
    } else {
      log = reply.log;
      if (reply.failure) {
        reason = REASON[reply.failure.kind];
        error = reply.failure.kind === "oom"
          ? `${outOfMemory} (${reply.failure.message})`
          : failureText(reply.failure, runDir);
        if (reply.failure.stack) log += `${log ? "\n" : ""}${reply.failure.stack}`;
      } else {
        const checked = await checkHookOutputs(reply.value, runDir, this.maxOutputBytes);
        if (checked.ok) outputs = checked.outputs;
        else {
          reason = checked.reason;
          error = checked.error;
        }
      }
    }
    const tampered = await tamperedOutputs(outcome);
    if (tampered.length > 0) {
      reason = "tampered";
      outputs = {};
      error = `the hook changed the engine's outputs: ${tampered.join("; ")}; a hook may ` +
        "read them but must write only files of its own" + (error ? ` (also: ${error})` : "");
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
      extraOutputs: error === null ? outputs : {},
      error,
      reason,
      logPath,
      durationS: (performance.now() - t0) / 1000,
      hook: this.plan.hook.text,
      hookSha256: this.plan.graphSha256,
    };
  }

  /**
   * Stop every host process and return once all have exited (and dispose the plan when the
   * runner owns it). Runs asked for afterwards fail at once.
   */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiter of this.#waiters.splice(0)) waiter();
    this.#idle.length = 0;
    while (this.#hosts.size > 0) {
      await Promise.all([...this.#hosts].map((h) => h.close()));
    }
    if (this.#ownsPlan) await this.plan[Symbol.asyncDispose]();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
