/**
 * Re-running a postprocess hook on a sweep's recorded ok runs without running the engine again:
 * the fix for a hook bug found after 10^5 runs. The hook is the manifest's (with its recorded
 * permissions) or a new one, which is then recorded in the header so later resumes and extends
 * apply it. The runs are those whose hook failed, all ok runs, or given ids. Each run's engine
 * outputs are checked against the digests recorded with it first (a run whose outputs changed
 * is left alone and reported: only resume can redo it), then the hook runs in its sandbox exactly
 * as after a run, and a new entry is appended (last wins) that keeps the engine's record and
 * carries the hook's outputs, status, reason and provenance (specifier and module-graph hash).
 *
 * @module
 */

import { checkArgument, PathArg } from "../errors/arguments.ts";
import { join, resolve } from "node:path";
import { type HookPermissions, resolveHook, startHook } from "../hooks/mod.ts";
import {
  digestFile,
  digestMismatch,
  entryFromOutcome,
  indexManifest,
  type ManifestEntry,
  type ManifestIndex,
  type ManifestTotals,
  ManifestWriter,
  readManifestHeader,
} from "../manifest/mod.ts";
import type { FsyncMode } from "../manifest/mod.ts";
import { withHookResult } from "../pool/job_hooks.ts";
import { runDirName, type RunOutcome, type RunSpec } from "../runs/mod.ts";
import { extendMonteCarlo, type RunSet, runSetFromParameterSpec } from "../runset/mod.ts";
import { withDigests } from "./execute.ts";
import { type HookLimitOptions, hookLimits } from "./hook_options.ts";
import { confinedOutcomes } from "./outcomes.ts";
import { runTreeOf } from "../manifest/mod.ts";
import { SweepConfigError } from "./sweep_error.ts";
import { lockOutputDir } from "./sweep_lock.ts";

/** Options of {@link rehookSweep}. */
export interface RehookOptions extends HookLimitOptions {
  /** The run tree. @default {the manifest's directory, or its header's `output_dir`} */
  readonly outputDir?: string;
  /** A new hook to run (recorded in the header); default: the manifest's hook. */
  readonly postprocess?: string;
  /** Permissions of the new hook (a recorded hook keeps its recorded ones). */
  readonly postprocessPermissions?: HookPermissions | readonly string[];
  /**
   * `failed`: ok runs whose hook failed (the default); `all`: every ok run; or run ids (each must
   * be a recorded ok run).
   */
  readonly runs?: "failed" | "all" | readonly number[];
  /** Hooks at the same time. @default {navigator.hardwareConcurrency} */
  readonly workers?: number;
  /** Durability of manifest appends. @default {"each"} */
  readonly fsync?: FsyncMode;
  /** Called after each run's new entry is durable. */
  readonly onProgress?: (progress: RehookProgress) => void;
  /** Receives a line per run left alone (its engine outputs changed). @default {console.warn} */
  readonly onWarning?: (message: string) => void;
}

/** Progress of a rehook. */
export interface RehookProgress {
  /** Runs done. */
  readonly done: number;
  /** Runs to do. */
  readonly total: number;
  /** Of them, hooks that succeeded. */
  readonly hooksOk: number;
  /** Of them, hooks that failed. */
  readonly hooksFailed: number;
}

/** What a rehook did. */
export interface RehookSummary {
  /** The hook that ran (canonical specifier). */
  readonly hook: string;
  /** SHA-256 of its module graph. */
  readonly hookSha256: string;
  /** Runs the hook ran on (each has a new entry). */
  readonly ran: number;
  /** Of them, hooks that succeeded. */
  readonly hooksOk: number;
  /** Of them, hooks that failed. */
  readonly hooksFailed: number;
  /** Runs left alone because their engine outputs are not what was recorded. */
  readonly damaged: number;
  /** Wall time, seconds. */
  readonly wallS: number;
  /** Whether it was interrupted before finishing. */
  readonly interrupted: boolean;
  /** The whole manifest afterwards. */
  readonly totals: ManifestTotals;
  /** The run tree. */
  readonly outputDir: string;
}

/** The run ids to rehook: all must be recorded ok runs. */
function selectRuns(index: ManifestIndex, runs: RehookOptions["runs"]): number[] {
  if (runs === undefined || runs === "failed") {
    return index.idsWithHookStatus("failed").filter((id) => index.status(id) === "ok");
  }
  if (runs === "all") return [...index.idsWithStatus("ok")];
  const ids = [...new Set(runs)].sort((a, b) => a - b);
  for (const id of ids) {
    const status = index.status(id);
    if (status !== "ok") {
      throw new SweepConfigError(
        `run ${id} is ${
          status === undefined ? "not recorded" : status
        } in ${index.path}; rehook runs a hook on ok runs only (resume re-runs the engine for ` +
          "failed and missing runs, and applies the sweep's hook)",
      );
    }
  }
  return ids;
}

/** The run set of the header, covering run ids below `size` (Monte Carlo extensions). */
function runSetCovering(parameterSpec: unknown, size: number): RunSet | undefined {
  try {
    const runSet = runSetFromParameterSpec(parameterSpec);
    if (size <= runSet.size || runSet.kind !== "monte_carlo") return runSet;
    return extendMonteCarlo(runSet, size - runSet.size);
  } catch {
    return undefined; // a run set this tool cannot rebuild: seeds are unknown (null)
  }
}

/** A recorded ok run as its hook sees it: engine outputs, their digests, no hook results. */
function engineOutcome(outcome: RunOutcome): RunOutcome {
  const digests: RunOutcome["outputDigests"] = {};
  for (const path of Object.values(outcome.outputPaths)) {
    const d = outcome.outputDigests?.[path];
    if (d !== undefined) digests[path] = d;
  }
  return {
    ...outcome,
    extraOutputs: {},
    postprocessStatus: "none",
    postprocessError: null,
    postprocessLogPath: null,
    postprocessReason: null,
    outputDigests: digests,
  };
}

/** The first engine output that is not the file recorded, as a sentence, or undefined. */
async function engineOutputProblem(outcome: RunOutcome): Promise<string | undefined> {
  for (const [key, path] of Object.entries(outcome.outputPaths)) {
    const recorded = outcome.outputDigests?.[path];
    if (recorded === undefined) continue;
    let problem: string | undefined;
    try {
      problem = digestMismatch(recorded, await digestFile(path));
    } catch (e) {
      problem = e instanceof Deno.errors.NotFound ? "missing" : (e as Error).message;
    }
    if (problem !== undefined) return `${key} (${path}): ${problem}`;
  }
  return undefined;
}

/**
 * Run a hook on a sweep's recorded ok runs (see the module doc).
 *
 * @param manifestPath The sweep's manifest.
 * @param options The hook, the runs, limits.
 * @param signal Stops starting hooks (the manifest stays consistent).
 * @throws {SweepConfigError} No hook given or recorded, or a run id that is not a recorded ok run.
 * @throws {HookError} The hook cannot be used (before any run).
 * @throws {ManifestLockedError} Another driver holds the sweep.
 */
export async function rehookSweep(
  manifestPath: string,
  options: RehookOptions = {},
  signal?: AbortSignal,
): Promise<RehookSummary> {
  checkArgument("rehookSweep(manifestPath)", PathArg, manifestPath);
  const t0 = performance.now();
  const path = resolve(manifestPath);
  const header = await readManifestHeader(path);
  const outputDir = runTreeOf(path, header, options.outputDir);
  await using _lock = await lockOutputDir(outputDir, "rehook");
  const spec = options.postprocess ?? header.postprocess;
  if (spec === null) {
    throw new SweepConfigError(
      `the manifest ${path} records no postprocess hook; name one with --postprocess SPEC ` +
        "(postprocess)",
    );
  }
  const isNew = options.postprocess !== undefined;
  const isolation = options.postprocessIsolation ?? header.postprocess_isolation ?? "run";
  const hook = await resolveHook(spec, {
    permissions: isNew ? options.postprocessPermissions : header.postprocess_permissions,
    ...hookLimits({ ...options, postprocessIsolation: isolation }),
  });
  const fsync = options.fsync ?? "each";
  const writer = await ManifestWriter.openForAppend(path, { fsync });
  let index: ManifestIndex;
  let ids: number[];
  try {
    index = await indexManifest(path);
    ids = selectRuns(index, options.runs);
    const recorded = {
      postprocess: hook.specifier.text,
      postprocess_permissions: hook.permissionList,
      postprocess_isolation: isolation,
    };
    if (
      recorded.postprocess !== header.postprocess ||
      recorded.postprocess_permissions.join("\n") !== header.postprocess_permissions.join("\n") ||
      isolation !== (header.postprocess_isolation ?? "run")
    ) {
      // Later resumes and extends apply the hook that produced the recorded outputs.
      index.rebase(writer.header, await writer.setHeaderMembers(recorded));
    }
  } catch (e) {
    await writer.close();
    throw e;
  }
  const workers = options.workers ?? navigator.hardwareConcurrency ?? 1;
  const runner = await startHook(hook, outputDir, workers);
  // An interrupt stops the hooks in flight at once (their runs keep their last entry).
  const stop = () => void runner.close();
  signal?.addEventListener("abort", stop, { once: true });
  const runSet = runSetCovering(header.parameter_spec, index.totalRunCount());
  const warn = options.onWarning ?? console.warn;
  let done = 0, hooksOk = 0, hooksFailed = 0, damaged = 0;
  let interrupted = false;
  let failure: { error: unknown } | undefined;
  const one = async (entry: ManifestEntry): Promise<void> => {
    const recorded = engineOutcome(confinedOutcomes([entry], outputDir)[0]);
    let problem = await engineOutputProblem(recorded);
    // Outputs an older manifest recorded no digest for are hashed now, so the hook is checked.
    const outcome = problem === undefined ? await withDigests(recorded) : recorded;
    if (problem === undefined && outcome.status !== "ok") problem = outcome.stderr ?? "missing";
    if (problem !== undefined) {
      damaged++;
      warn(
        `run ${entry.run_id}: its engine output ${problem}; the hook was not run (resume after ` +
          "removing its entry re-runs the engine)",
      );
      return;
    }
    const runSpec: RunSpec = {
      runId: entry.run_id,
      overrides: entry.overrides,
      seed: runSet !== undefined && entry.run_id < runSet.size
        ? runSet.spec(entry.run_id).seed
        : null,
      context: entry.context,
    };
    const result = await runner.run(runSpec, outcome, join(outputDir, runDirName(entry.run_id)));
    if (signal?.aborted) return;
    const checked = await withDigests(withHookResult(outcome, result), fsync === "each");
    const line = await writer.append(
      entryFromOutcome(checked, runSpec, { outputDir, postprocess: result.hook }),
    );
    index.note(line.entry, line);
    done++;
    if (result.status === "ok") hooksOk++;
    else hooksFailed++;
    options.onProgress?.({ done, total: ids.length, hooksOk, hooksFailed });
  };
  try {
    await using reader = await index.entryReader();
    const pending = new Set<Promise<void>>();
    for (const id of ids) {
      if (signal?.aborted) {
        interrupted = true;
        break;
      }
      if (failure !== undefined) break;
      const entry = await reader.read(id);
      if (entry === undefined) continue;
      const task = one(entry).catch((error) => {
        failure ??= { error };
      });
      pending.add(task);
      task.finally(() => pending.delete(task));
      if (pending.size >= workers) await Promise.race(pending);
    }
    await Promise.all(pending);
  } finally {
    signal?.removeEventListener("abort", stop);
    await runner.close();
    await writer.close();
  }
  if (failure !== undefined) throw failure.error;
  return {
    hook: hook.specifier.text,
    hookSha256: runner.plan.graphSha256,
    ran: done,
    hooksOk,
    hooksFailed,
    damaged,
    wallS: (performance.now() - t0) / 1000,
    interrupted: interrupted || (signal?.aborted ?? false),
    totals: index.totals(),
    outputDir,
  };
}
