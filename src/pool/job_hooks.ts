/**
 * Running a job's postprocess hook where the job ran (a SLURM array task): one sandbox runner per
 * hook and run tree for the life of the process, the hook's result folded into the run's outcome.
 *
 * @module
 */

import { dirname } from "node:path";
import {
  type HookRunner,
  parseHookPermissions,
  parseHookSpecifier,
  startHook,
} from "../hooks/mod.ts";
import type { PostprocessReason, RunOutcome } from "../runs/mod.ts";
import { digestFile } from "../manifest/file_digest.ts";
import type { RunJob } from "./job.ts";

/** An outcome with a hook's result in it. */
export function withHookResult(
  outcome: RunOutcome,
  hook: {
    status: "ok" | "failed";
    extraOutputs: Record<string, string>;
    error: string | null;
    logPath: string;
    reason?: PostprocessReason | null;
    hook?: string;
    hookSha256?: string;
  },
): RunOutcome {
  return {
    ...outcome,
    extraOutputs: hook.extraOutputs,
    postprocessStatus: hook.status,
    postprocessError: hook.error,
    postprocessLogPath: hook.logPath,
    postprocessReason: hook.reason ?? null,
    ...(hook.hook === undefined ? {} : { postprocess: hook.hook }),
    ...(hook.hookSha256 === undefined ? {} : { postprocessSha256: hook.hookSha256 }),
  };
}

/** The hooks of the jobs one process runs. */
export class JobHooks implements AsyncDisposable {
  readonly #runners = new Map<string, Promise<HookRunner>>();

  /** The outcome, with the job's hook applied when the job carries one and the run is ok. */
  async apply(job: RunJob, outcome: RunOutcome): Promise<RunOutcome> {
    const hook = job.hook;
    if (hook === undefined || outcome.status !== "ok") return outcome;
    const runTree = dirname(job.runDir);
    const key = `${hook.text}\n${hook.permissions.join(",")}\n${runTree}`;
    let runner = this.#runners.get(key);
    if (runner === undefined) {
      runner = startHook({
        specifier: parseHookSpecifier(hook.text, { cwd: runTree }),
        permissions: parseHookPermissions(hook.permissions, { cwd: runTree }),
        timeoutMs: hook.timeoutMs,
        permissionList: hook.permissions,
        isolation: hook.isolation,
        memoryMb: hook.memoryMb,
        maxOutputBytes: hook.maxOutputBytes,
      }, runTree);
      this.#runners.set(key, runner);
    }
    try {
      // The engine's outputs as they are before the hook: a hook that changes them fails, and
      // the driver records these digests, not the hook's doing.
      const digests: NonNullable<RunOutcome["outputDigests"]> = {};
      for (const path of Object.values(outcome.outputPaths)) digests[path] = await digestFile(path);
      const before = { ...outcome, outputDigests: { ...outcome.outputDigests, ...digests } };
      const result = await (await runner).run(job.spec, before, job.runDir);
      return withHookResult(before, result);
    } catch (e) {
      return {
        ...outcome,
        postprocessStatus: "failed",
        postprocessReason: "crashed",
        postprocessError: `the hook could not run: ${e instanceof Error ? e.message : e}`,
      };
    }
  }

  /** Stop every sandbox started. */
  async close(): Promise<void> {
    const runners = [...this.#runners.values()];
    this.#runners.clear();
    for (const r of runners) await r.then((x) => x.close(), () => {});
  }

  /** As {@link close}. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
