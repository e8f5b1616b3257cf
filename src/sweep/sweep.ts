/**
 * A sweep: one script, one run set, one manifest, one output tree, one pool.
 *
 * {@link Sweep.create} plans a new sweep and {@link Sweep#run} executes it: the output directory
 * and the manifest are locked for this driver alone, a directory that already holds a sweep is
 * refused (unless `overwrite`), the manifest header is written and made durable before any run
 * starts, each finished run is appended (and synced) before it counts as done, and a run never
 * aborts the sweep. {@link Sweep.fromManifest} reopens a sweep from its manifest header for
 * {@link Sweep#resume} (failed and missing runs only, after a drift check of the script),
 * {@link Sweep#extend} / {@link Sweep#extendTo} (Monte Carlo only; the target is recorded in the
 * header before any run) and tables. Resume and extend read the manifest once, into an index
 * (run id to status and offset), not into objects. The manifest and the per-run tree may live in
 * different directories.
 *
 * The manifest is untrusted input when reopened: its paths must stay inside the output directory,
 * its header's `output_dir` inside the manifest's directory, and its hook is only loaded (in its
 * sandbox) by a resume or extend that runs it, never to read tables.
 *
 * @module
 */

import { basename, dirname, join, resolve } from "node:path";
import { runTreeOf } from "../manifest/mod.ts";
import { autoProgress } from "../progress/mod.ts";
import type { FsyncMode } from "../manifest/mod.ts";
import type { Table } from "npm:apache-arrow@21.2.0";
import { asStorageError, StorageError, withStorage } from "../errors/storage_error.ts";
import {
  BUILTIN_ENGINE_VERSION,
  checkOverridesBuiltin,
  checkOverridesGmat,
  sweptFieldsWithoutEffect,
} from "../engine/mod.ts";
import {
  checkScriptDrift,
  indexManifest,
  type Manifest,
  MANIFEST_SCHEMA_VERSION,
  type ManifestHeaderInput,
  ManifestIndex,
  ManifestWriter,
  readManifestHeader,
  runtimeFingerprint,
} from "../manifest/mod.ts";
import {
  HookError,
  type HookPermissions,
  parseHookSpecifier,
  type ResolvedHook,
  resolveHook,
  startHook,
} from "../hooks/mod.ts";
import type { ArchiveResult, ArchiveSweepOptions } from "../archive/mod.ts";
import { JUPYTER_DISPLAY, type MimeBundle } from "../display/bundle.ts";
import { manifestBundle } from "../display/manifest_display.ts";
import { readManifest as readDisplayedManifest } from "../display/displayed_manifest.ts";
import type { EngineChoice, RunJob } from "../pool/job.ts";
import { workerCountProblem } from "../pool/local_pool.ts";
import type { SlurmPool } from "../pool/slurm_pool.ts";
import type { SlurmStatus } from "../pool/slurm_watch.ts";
import {
  BACKEND_NAMES,
  localPool,
  newSweepId,
  type SlurmBackendOptions,
  slurmOptionsFromSettings,
  slurmPool,
  type SweepPool,
} from "./backend_choice.ts";
import { type JsonValue, runDirName, type RunOutcome, type RunSpec } from "../runs/mod.ts";
import { extendMonteCarlo, type RunSet, runSetFromParameterSpec } from "../runset/mod.ts";
import { canonicalScriptFileSha256, insertOverrides, type OverrideValue } from "../script/mod.ts";
import { locateGmat, resolveInputFiles } from "../gmat/mod.ts";
import type { OutputKind, RecordsOptions, TableRecord } from "../table/mod.ts";
import { resolveEngine } from "./engine_choice.ts";
import { GMAT_SWEEP_VERSION } from "../runtime/version.ts";
import type { DiskEstimate } from "./disk_estimate.ts";
import {
  executePlan,
  type ExecutionPlan,
  type SweepProgress,
  type SweepSummary,
} from "./execute.ts";
import { clearExistingSweep, findExistingSweep } from "./existing_sweep.ts";
import { readOutcomes } from "./outcomes.ts";
import { checkRunCount } from "./run_limits.ts";
import {
  checkArg,
  CreateOptionsSchema,
  PathSchema,
  ReopenOptionsSchema,
  ResumeArgSchema,
} from "./check_args.ts";
import { damagedRuns } from "./verify_sweep.ts";
import { z } from "npm:zod@4.6.7";
import { SweepConfigError } from "./sweep_error.ts";
import { lockOutputDir } from "./sweep_lock.ts";
import { type RehookOptions, type RehookSummary, rehookSweep } from "./rehook.ts";
import { hookLimits } from "./hook_options.ts";

export { SweepConfigError } from "./sweep_error.ts";
export type { SweepProgress, SweepSummary } from "./execute.ts";
export type { ManifestTotals } from "../manifest/mod.ts";

/** Options shared by creating and reopening a sweep. */
export interface SweepOptions {
  /**
   * Directory of the per-run tree (`run-<id>/`); created if missing. Default: a new directory
   * under the system's temporary directory (printed on stderr; see {@link Sweep.outputDir}).
   */
  readonly outputDir?: string;
  /** Manifest path. @default {`<outputDir>/manifest.jsonl`} */
  readonly manifestPath?: string;
  /** `auto` uses real GMAT when an install is found, else the built-in engine. @default {"auto"} */
  readonly engine?: "auto" | "builtin" | "gmat";
  /** GMAT install root (for `gmat`/`auto`). */
  readonly gmatRoot?: string;
  /** Worker processes. @default {navigator.hardwareConcurrency} */
  readonly workers?: number;
  /** Per-run timeout in seconds. */
  readonly timeoutS?: number;
  /** Durability of manifest appends. @default {"each"} */
  readonly fsync?: FsyncMode;
  /**
   * A fresh worker process for every run, and with real GMAT a fresh GmatConsole per run
   * (`--run`); otherwise each worker keeps one interactive GmatConsole. Recorded in the header's
   * `engine.console_mode`. @default {false}
   */
  readonly processPerRun?: boolean;
  /**
   * With real GMAT in interactive mode: replace each worker's GmatConsole after this many runs
   * (it is also replaced after a failed or timed-out run, and past 2 GiB). @default {1000}
   */
  readonly gmatRestartEvery?: number;
  /** Called after every finished run. */
  readonly onProgress?: (progress: SweepProgress) => void;
  /**
   * Show progress where it can be seen: an in-place display in a Jupyter notebook, a redrawn
   * line on stderr on a terminal (nothing in a pipe or a log). `false` turns it off.
   * @default {true}
   */
  readonly progress?: boolean;
  /**
   * Where runs execute: `local` worker processes, or `slurm` job arrays (the driver stays the only
   * writer of the manifest). On resume the manifest's backend is used unless given. @default {"local"}
   */
  readonly backend?: "local" | "slurm";
  /** SLURM settings (partition, account, qos, time limit, memory, CPUs, concurrency...). */
  readonly slurm?: SlurmBackendOptions;
  /** Pending / running / done task counts of a SLURM sweep, whenever they change. */
  readonly onSlurmStatus?: (status: SlurmStatus) => void;
  /**
   * Postprocess hook run after each ok run, in a sandbox that reads and writes only the run's
   * directory: `./pipeline.ts#deriveOrbitMetrics`, `file:///abs/p.ts#f`, `https://host/p.ts#f`,
   * `npm:pkg#f` (no `#` = the default export). Relative paths resolve against the working
   * directory. Resolved before any run. On resume the manifest's hook is used.
   */
  readonly postprocess?: string;
  /** Permissions granted to the hook beyond its run directory (recorded in the header). */
  readonly postprocessPermissions?: HookPermissions | readonly string[];
  /** Time one hook call may take, in seconds. @default {300} */
  readonly postprocessTimeoutS?: number;
  /**
   * `run`: every run's hook in a fresh worker that may touch only that run's directory. `sweep`:
   * one long-lived worker per concurrent hook, confined to the run tree (faster; a run's hook can
   * see its siblings). Recorded in the header; on resume the recorded mode is used.
   * @default {"run"}
   */
  readonly postprocessIsolation?: "run" | "sweep";
  /** Heap limit of each hook, in MB: past it the hook fails (`oom`), only its own run. @default {2048} */
  readonly postprocessMemoryMb?: number;
  /** Total bytes one run's hook may register as outputs. @default {1 GiB} */
  readonly postprocessMaxOutputBytes?: number;
  /**
   * The JSON context of a run (given to the hook, recorded in its manifest entry). On resume,
   * runs that have an entry keep its context; this supplies it for runs that never ran.
   */
  readonly contextProvider?: ContextProvider;
  /**
   * Use more worker processes than 4 per core (up to 1024): for runs that wait on something
   * other than this machine's CPUs. @default {false}
   */
  readonly forceWorkers?: boolean;
  /**
   * Replace a sweep already in the output directory (or at the manifest path): its manifest and
   * run directories are deleted first. Without it such a sweep is refused. @default {false}
   */
  readonly overwrite?: boolean;
  /** Receives warnings before any run (a swept field that changes nothing). @default {console.warn} */
  readonly onWarning?: (message: string) => void;
  /** The study file the sweep comes from (path and text), recorded in the manifest header. */
  readonly study?: { readonly file: string; readonly text: string };
}

/** Options of the table methods of {@link Sweep}. */
export interface TableOptions {
  /** `report` (default), `ephemeris` or `contact`. */
  readonly kind?: OutputKind;
  /** The output's name, when the script has several of the kind. */
  readonly name?: string;
  /** Receives a warning per output that is missing or damaged. @default {console.warn} */
  readonly onWarning?: (message: string) => void;
  /**
   * Check each output against the size and SHA-256 the manifest recorded. @default {true}
   */
  readonly verifyOutputs?: boolean;
}

/** Supplies a run's JSON context from its id and overrides (undefined: an empty context). */
export type ContextProvider = (
  run: { readonly runId: number; readonly overrides: RunSpec["overrides"] },
) => Record<string, JsonValue> | undefined;

/** Options of {@link Sweep.resume}. */
export interface ResumeOptions {
  /** Stops starting runs (the manifest stays consistent). */
  readonly signal?: AbortSignal;
  /**
   * Also run again the ok runs whose recorded outputs are missing, changed or outside the output
   * directory (every recorded output is read and hashed first). @default {false}
   */
  readonly rerunDamaged?: boolean;
}

/** Options of {@link Sweep.fromManifest}. */
export interface FromManifestOptions extends Partial<SweepOptions> {
  /** Accept a script whose canonical hash differs from the manifest's (with a warning). */
  readonly allowScriptDrift?: boolean;
  /** Receives warnings (script drift). @default {console.warn} */
  readonly onWarning?: (message: string) => void;
}

/** A sweep bound to its script, run set, manifest and output tree. */
export class Sweep {
  /** Absolute path of the GMAT script. */
  readonly scriptPath: string;
  /** Canonical SHA-256 (hex) of the script, as checked when the sweep was created or reopened. */
  readonly scriptSha256: string;
  /** The runs of the sweep. */
  readonly runSet: RunSet;
  /** Absolute directory of the per-run tree (`run-<id>/`). */
  readonly outputDir: string;
  /** Absolute path of the manifest. */
  readonly manifestPath: string;
  /** The engine the runs use (resolved from the `engine` option). */
  readonly engine: EngineChoice;
  /** The postprocess hook's specifier (given, or recorded in the manifest), or null. */
  readonly hookSpecifier: string | null;
  /** Where runs execute. */
  readonly backend: "local" | "slurm";
  /** SLURM settings and the sweep's id in job names (for `slurm`). */
  readonly #slurm: { options: SlurmBackendOptions; sweepId: string } | undefined;
  readonly #options: Partial<SweepOptions>;
  #header: ManifestHeaderInput;
  /** The hook once resolved (at create; for a reopened sweep when resume or extend runs it). */
  #hook: ResolvedHook | null;
  /** The hook permissions to resolve a recorded hook with. */
  readonly #hookPermissions: readonly string[];
  /** Contexts recorded in the manifest for runs being re-done, by run id (for resume). */
  #recordedContexts = new Map<number, Record<string, JsonValue>>();

  private constructor(init: {
    scriptPath: string;
    scriptSha256: string;
    runSet: RunSet;
    outputDir: string;
    manifestPath: string;
    engine: EngineChoice;
    hook: ResolvedHook | null;
    hookSpecifier: string | null;
    hookPermissions: readonly string[];
    backend: "local" | "slurm";
    slurm: { options: SlurmBackendOptions; sweepId: string } | undefined;
    header: ManifestHeaderInput;
    options: Partial<SweepOptions>;
  }) {
    this.scriptPath = init.scriptPath;
    this.scriptSha256 = init.scriptSha256;
    this.runSet = init.runSet;
    this.outputDir = init.outputDir;
    this.manifestPath = init.manifestPath;
    this.engine = init.engine;
    this.#hook = init.hook;
    this.hookSpecifier = init.hookSpecifier;
    this.#hookPermissions = init.hookPermissions;
    this.backend = init.backend;
    this.#slurm = init.slurm;
    this.#header = init.header;
    this.#options = init.options;
  }

  /** The manifest header this sweep writes or was loaded with. */
  get header(): ManifestHeaderInput {
    return this.#header;
  }

  /**
   * The postprocess hook, resolved and probed: at {@link create}; for a reopened sweep only once
   * {@link resume} or {@link extend} has loaded it to run it (null until then, and without hook).
   */
  get hook(): ResolvedHook | null {
    return this.#hook;
  }

  /**
   * Plan a new sweep (nothing runs until {@link run}).
   *
   * @param scriptPath The GMAT script.
   * @param runSet The runs.
   * @param options Output tree, engine, pool and durability options.
   * @throws {SweepConfigError} For too many workers or runs, or a script that cannot be read.
   */
  static async create(
    scriptPath: string,
    runSet: RunSet,
    options: SweepOptions = {},
  ): Promise<Sweep> {
    checkArg("Sweep.create(scriptPath)", PathSchema, scriptPath);
    checkArg("Sweep.create(runSet)", RunSetArgSchema, runSet);
    checkArg("Sweep.create(options)", CreateOptionsSchema, options);
    checkRunCount(runSet.size, `this ${runSet.kind} run set`);
    checkWorkers(options);
    const script = resolve(scriptPath);
    const sha = await scriptSha(script);
    const outputDir = resolve(options.outputDir ?? await freshOutputDir());
    const manifestPath = resolve(options.manifestPath ?? join(outputDir, "manifest.jsonl"));
    const engine = await resolveEngine(options.engine ?? "auto", options.gmatRoot, {
      consoleMode: options.processPerRun ? "process-per-run" : "interactive",
      restartEvery: options.gmatRestartEvery,
    });
    if (runSet.size > 0) {
      // Fail before any run on an override the script cannot take, or an input file GMAT
      // cannot find.
      const text = await Deno.readTextFile(script);
      const overrides = runSet.spec(0).overrides as Record<string, OverrideValue>;
      if (engine.choice.kind === "builtin") checkOverridesBuiltin(text, script, overrides);
      else {
        checkOverridesGmat(text, script, overrides);
        await checkGmatInputs(engine.choice.root, text, script, overrides);
      }
      for (const w of sweptFieldsWithoutEffect(text, script, overrides)) {
        (options.onWarning ?? console.warn)(w);
      }
    }
    const hook = options.postprocess === undefined ? null : await resolveHook(options.postprocess, {
      permissions: options.postprocessPermissions,
      ...hookLimits(options),
    });
    const backend = options.backend ?? "local";
    const slurm = backend === "slurm"
      ? { options: slurmOptionsFor(options, options.slurm ?? {}), sweepId: newSweepId(sha) }
      : undefined;
    const header: ManifestHeaderInput = {
      ...runtimeFingerprint(),
      schema_version: MANIFEST_SCHEMA_VERSION,
      script_sha256: sha,
      script_path: script,
      gmat_sweep_version: GMAT_SWEEP_VERSION,
      gmat_install_version: engine.version,
      engine: engine.info,
      sweep_seed: runSet.seed,
      parameter_spec: runSet.parameterSpec() as unknown as Record<string, unknown>,
      run_count: runSet.size,
      backend: BACKEND_NAMES[backend],
      backend_settings: slurm === undefined
        ? {
          workers: options.workers ?? navigator.hardwareConcurrency ?? 1,
          timeout_s: options.timeoutS ?? null,
          process_per_run: options.processPerRun ?? false,
          ...(options.gmatRestartEvery === undefined
            ? {}
            : { gmat_restart_every: options.gmatRestartEvery }),
        }
        : {
          ...slurmPool(outputDir, slurm.sweepId, slurm.options).settings(),
          sweep_id: slurm.sweepId,
          timeout_s: options.timeoutS ?? null,
        },
      postprocess: hook?.specifier.text ?? null,
      postprocess_permissions: hook?.permissionList ?? [],
      ...(hook === null ? {} : { postprocess_isolation: hook.isolation ?? "run" }),
      created_at: new Date().toISOString(),
      ...(options.study === undefined ? {} : { study: options.study }),
    };
    return new Sweep({
      scriptPath: script,
      scriptSha256: sha,
      runSet,
      outputDir,
      manifestPath,
      engine: engine.choice,
      hook,
      hookSpecifier: hook?.specifier.text ?? null,
      hookPermissions: hook?.permissionList ?? [],
      backend,
      slurm,
      header,
      options,
    });
  }

  /**
   * Reopen a sweep from its manifest, for {@link resume}, {@link extend} or tables. Only the
   * header is read; a recorded hook is checked against `postprocess` but not loaded.
   *
   * @param manifestPath The manifest.
   * @param scriptPath The script; its canonical hash must match the manifest's.
   * @param options `outputDir` (default: the manifest's directory, or the header's `output_dir`
   *   below it), drift and pool options.
   * @throws {ManifestCorruptError} For a header whose `output_dir` leaves the manifest's
   *   directory.
   */
  static async fromManifest(
    manifestPath: string,
    scriptPath: string,
    options: FromManifestOptions = {},
  ): Promise<Sweep> {
    checkArg("Sweep.fromManifest(manifestPath)", PathSchema, manifestPath);
    checkArg("Sweep.fromManifest(scriptPath)", PathSchema, scriptPath);
    checkArg("Sweep.fromManifest(options)", ReopenOptionsSchema, options);
    checkWorkers(options);
    const path = resolve(manifestPath);
    const header = await readManifestHeader(path);
    const script = resolve(scriptPath);
    const sha = await scriptSha(script);
    const drift = checkScriptDrift({ path, header }, sha, {
      allowDrift: options.allowScriptDrift ?? false,
    });
    if (drift.warning) (options.onWarning ?? console.warn)(drift.warning);
    const outputDir = runTreeOf(path, header, options.outputDir);
    try {
      const stat = await Deno.stat(outputDir);
      if (!stat.isDirectory) throw new Error("not a directory");
    } catch {
      throw new SweepConfigError(
        `output directory ${outputDir} does not exist; pass the directory that holds the run-<id> ` +
          "folders (--output-dir) when the manifest lives elsewhere",
      );
    }
    const runSet = runSetFromParameterSpec(header.parameter_spec);
    const engineKind = header.engine?.kind === "gmat" ? "gmat" : "builtin";
    const engine = await resolveEngine(
      options.engine ?? engineKind,
      options.gmatRoot ?? header.engine?.path ?? undefined,
      {
        consoleMode: (options.processPerRun ?? header.engine.console_mode === "process-per-run")
          ? "process-per-run"
          : "interactive",
        restartEvery: options.gmatRestartEvery ??
          (typeof header.backend_settings.gmat_restart_every === "number"
            ? header.backend_settings.gmat_restart_every
            : undefined),
      },
    );
    checkHookUnchanged(path, header.postprocess, options.postprocess);
    const recordedSlurm = header.backend === BACKEND_NAMES.slurm;
    const backend = options.backend ?? (recordedSlurm ? "slurm" : "local");
    let slurm: { options: SlurmBackendOptions; sweepId: string } | undefined;
    if (backend === "slurm") {
      const { sweepId, ...recorded } = recordedSlurm
        ? slurmOptionsFromSettings(header.backend_settings ?? {})
        : {};
      slurm = {
        options: slurmOptionsFor(options, { ...recorded, ...options.slurm }),
        sweepId: sweepId ?? newSweepId(sha),
      };
    }
    return new Sweep({
      scriptPath: script,
      scriptSha256: sha,
      runSet,
      outputDir,
      manifestPath: path,
      engine: engine.choice,
      hook: null,
      hookSpecifier: header.postprocess,
      hookPermissions: header.postprocess_permissions,
      backend,
      slurm,
      header,
      options,
    });
  }

  /** Read the manifest as it is on disk now (with its notebook display). */
  async manifest(): Promise<Manifest> {
    return await readDisplayedManifest(this.manifestPath);
  }

  /**
   * Estimate the disk the sweep (or `runs` of its runs) will take: its first run is done once in
   * a scratch directory and its files and manifest line are scaled (the CLI's `--yes` prompt).
   *
   * @param runs How many runs to estimate for. @default {the run set's size}
   */
  async estimateDisk(runs: number = this.runSet.size): Promise<DiskEstimate> {
    // Loaded here: the probe runs the engine and writes Parquet in this process.
    const { estimateDiskUse } = await import("./disk_estimate.ts");
    return await estimateDiskUse(this.#job(this.runSet.spec(0), 1), runs);
  }

  #job(plain: RunSpec, attempt: number): RunJob {
    const context = this.#recordedContexts.get(plain.runId) ??
      this.#options.contextProvider?.({ runId: plain.runId, overrides: plain.overrides }) ??
      plain.context;
    const spec = context === plain.context ? plain : { ...plain, context };
    const hook = this.#hook;
    return {
      spec,
      scriptPath: this.scriptPath,
      scriptSha256: this.scriptSha256,
      runDir: join(this.outputDir, runDirName(spec.runId)),
      engine: this.engine,
      attempt,
      // A GMAT run's worker kills GmatConsole at the sweep's timeout itself (the local pool waits
      // a margin longer for GMAT runs); other runs get 95% of it, so they end before the pool's.
      timeoutMs: this.#options.timeoutS === undefined
        ? null
        : this.#options.timeoutS * 1000 * (this.engine.kind === "gmat" ? 1 : 0.95),
      // On SLURM the task runs the hook, where the run ran; locally the driver does.
      ...(this.#slurm !== undefined && hook !== null
        ? {
          hook: {
            text: hook.specifier.text,
            permissions: hook.permissionList,
            timeoutMs: hook.timeoutMs,
            ...(hook.isolation === undefined ? {} : { isolation: hook.isolation }),
            ...(hook.memoryMb === undefined ? {} : { memoryMb: hook.memoryMb }),
            ...(hook.maxOutputBytes === undefined ? {} : { maxOutputBytes: hook.maxOutputBytes }),
          },
        }
        : {}),
    };
  }

  /**
   * Run every planned run. The output directory and manifest are locked for this driver; a
   * directory (or manifest path) that already holds a sweep is refused unless `overwrite`.
   *
   * @param signal Stops starting runs and ends the sweep with a consistent manifest.
   * @throws {SweepExistsError} When a sweep is already there and `overwrite` is not set.
   * @throws {ManifestLockedError} When another driver holds the directory or the manifest.
   * @throws {StorageError} When storage fails (disk full, permissions): the manifest stays
   *   consistent and resume finishes the sweep.
   */
  async run(signal?: AbortSignal): Promise<SweepSummary> {
    await using _lock = await lockOutputDir(this.outputDir, "run");
    const existing = await findExistingSweep(this.outputDir, this.manifestPath);
    if (existing !== undefined && this.#options.overwrite !== true) throw existing;
    const manifestDir = dirname(this.manifestPath);
    await withStorage(
      manifestDir,
      "cannot create the manifest's directory",
      () => Deno.mkdir(manifestDir, { recursive: true }),
    );
    const writer = await ManifestWriter.create(this.manifestPath, this.#header, {
      fsync: this.#options.fsync ?? "each",
    });
    try {
      // The manifest is ours (locked, truncated): only now is the old sweep's tree deleted.
      if (existing !== undefined) await clearExistingSweep(this.outputDir, this.manifestPath);
    } catch (e) {
      await writer.close();
      throw e;
    }
    const index = new ManifestIndex(this.manifestPath, writer.header, writer.headerBytes);
    const runSet = this.runSet;
    const job = (spec: RunSpec) => this.#job(spec, 1);
    function* jobs(): Generator<RunJob> {
      for (const spec of runSet.specs()) yield job(spec);
    }
    return await this.#execute(
      writer,
      index,
      { jobs: () => Promise.resolve({ jobs: jobs(), total: runSet.size }) },
      signal,
    );
  }

  /**
   * Re-run the failed and missing runs of a reopened sweep (skipped runs stay skipped), up to the
   * header's `run_count` (an interrupted `extend`'s target included). The manifest is read once,
   * after the lock is taken; a recorded hook is loaded (in its sandbox) before any run.
   *
   * With `rerunDamaged`, ok runs whose recorded outputs or hook outputs are missing, changed
   * (size or SHA-256 against the manifest, as `verify` checks them) or outside the output
   * directory are run again too, each named in a warning first: the remedy for a tree damaged
   * after the fact when no copy is left. It reads every recorded output once.
   *
   * @param options A signal that stops starting runs, or `{ signal, rerunDamaged }`.
   * @throws {ManifestLockedError} When another driver holds the directory or the manifest.
   * @throws {HookError} When the recorded hook no longer loads (before any run).
   *
   * @example
   * ```ts ignore
   * import { Sweep } from "./sweep.ts";
   * const sweep = await Sweep.fromManifest("sweeps/sma/manifest.jsonl", "leo.script");
   * const summary = await sweep.resume({ rerunDamaged: true });
   * console.log(`${summary.ran} runs done again`);
   * ```
   */
  async resume(options?: AbortSignal | ResumeOptions): Promise<SweepSummary> {
    checkArg("Sweep.resume(options)", ResumeArgSchema, options);
    const { signal, rerunDamaged = false } = options instanceof AbortSignal
      ? { signal: options }
      : options ?? {};
    await using _lock = await lockOutputDir(this.outputDir, "resume");
    await this.#resolveRecordedHook();
    const writer = await ManifestWriter.openForAppend(this.manifestPath, {
      fsync: this.#options.fsync ?? "each",
    });
    let index: ManifestIndex;
    let damaged: number[] = [];
    try {
      index = await indexManifest(this.manifestPath);
      if (rerunDamaged) {
        const warn = this.#options.onWarning ?? console.warn;
        damaged = await damagedRuns(index, this.outputDir, (p) =>
          warn(
            `run ${p.runId}: ${p.field} ${p.path} is ${p.kind} (${p.detail}); the run is done again`,
          ));
      }
    } catch (e) {
      await writer.close();
      throw e;
    }
    const slurm = this.#slurmPool();
    return await this.#execute(
      writer,
      index,
      {
        jobs: () => this.#redo(index, index.totalRunCount(), damaged),
        adopted: slurm === undefined ? undefined : this.#adoption(index, slurm),
      },
      signal,
      slurm,
    );
  }

  /**
   * Add `n` Monte Carlo runs: exactly the draws a fresh sweep of the larger size makes at those
   * run ids. The new size is recorded in the header (`run_count`) before any run, so an
   * interrupted extend is finished by {@link resume} (or {@link extendTo} with the same size).
   * Refused when an earlier run is failed or missing (resume first).
   *
   * @param n Runs to add (>= 1).
   * @param signal Stops starting runs.
   */
  async extend(n: number, signal?: AbortSignal): Promise<SweepSummary> {
    if (!Number.isInteger(n) || n < 1) {
      throw new SweepConfigError(`extend needs n >= 1 runs, got ${n}`);
    }
    return await this.#extend({ add: n }, signal);
  }

  /**
   * Grow a Monte Carlo sweep to `total` runs (idempotent: the same target again does only what
   * is failed or missing below it, nothing when it is complete). The target is recorded in the
   * header before any run.
   *
   * @param total The sweep's run count afterwards (at least its current count).
   * @param signal Stops starting runs.
   */
  async extendTo(total: number, signal?: AbortSignal): Promise<SweepSummary> {
    if (!Number.isInteger(total) || total < 1) {
      throw new SweepConfigError(`extend to needs a whole number of runs >= 1, got ${total}`);
    }
    return await this.#extend({ to: total }, signal);
  }

  async #extend(
    target: { add: number } | { to: number },
    signal: AbortSignal | undefined,
  ): Promise<SweepSummary> {
    if (this.runSet.kind !== "monte_carlo") {
      throw new SweepConfigError(
        `only Monte Carlo sweeps can be extended (this one is ${this.runSet.kind}); start a new sweep instead`,
      );
    }
    await using _lock = await lockOutputDir(this.outputDir, "extend");
    await this.#resolveRecordedHook();
    const writer = await ManifestWriter.openForAppend(this.manifestPath, {
      fsync: this.#options.fsync ?? "each",
    });
    let index: ManifestIndex;
    let goal: number;
    try {
      index = await indexManifest(this.manifestPath);
      const current = index.totalRunCount();
      if ("add" in target) {
        const failed = index.failed();
        const missing = index.missing(current);
        if (failed.length + missing.length > 0) {
          const first = Math.min(failed[0] ?? Infinity, missing[0] ?? Infinity);
          const unfinished = current > index.maxRunId + 1
            ? `; an earlier extend recorded the target ${current}: finish it with resume (or ` +
              `extend --to ${current}), then extend`
            : "; run resume first, then extend";
          throw new SweepConfigError(
            `${failed.length + missing.length} of the first ${current} runs are failed or ` +
              `missing (e.g. run ${first})${unfinished}`,
          );
        }
        goal = current + target.add;
      } else {
        if (target.to < current) {
          throw new SweepConfigError(
            `the sweep already has ${current} runs, more than the ${target.to} asked for; ` +
              `extend to at least ${current}`,
          );
        }
        goal = target.to;
      }
      checkRunCount(goal, `extending to ${goal}`);
      if (goal > index.header.run_count) {
        // Recorded before any run: a killed extend resumes to exactly this size.
        const headerBytes = await writer.setRunCount(goal);
        index.rebase(writer.header, headerBytes);
        this.#header = writer.header;
      }
    } catch (e) {
      await writer.close();
      throw e;
    }
    return await this.#execute(writer, index, { jobs: () => this.#redo(index, goal) }, signal);
  }

  /**
   * Jobs for the failed and missing runs below `upTo`, and the ok runs in `damaged` (contexts
   * restored from their entries).
   */
  async #redo(
    index: ManifestIndex,
    upTo: number,
    damaged: readonly number[] = [],
  ): Promise<{ jobs: Iterable<RunJob>; total: number }> {
    const again = [...index.failed(), ...damaged].filter((id) => id < upTo);
    const ids = [...new Set([...again, ...index.missing(upTo)])].sort((a, b) => a - b);
    await this.#loadContexts(index, again);
    const runSet = this.#runSetCovering(upTo);
    const job = (id: number) => this.#job(runSet.spec(id), index.attempt(id) + 1);
    function* each(): Generator<RunJob> {
      for (const id of ids) yield job(id);
    }
    return { jobs: each(), total: ids.length };
  }

  /** Read back the recorded contexts of runs that carry one (a retried run keeps its context). */
  async #loadContexts(index: ManifestIndex, runIds: Iterable<number>): Promise<void> {
    const wanted = [...runIds].filter((id) => index.run(id)?.hasContext);
    if (wanted.length === 0) return;
    await using reader = await index.entryReader();
    for (const id of wanted) {
      const entry = await reader.read(id);
      if (entry !== undefined) this.#recordedContexts.set(id, entry.context);
    }
  }

  /** For a SLURM sweep, what an earlier driver's tasks finished or still run (resume). */
  #adoption(index: ManifestIndex, slurm: SlurmPool): NonNullable<ExecutionPlan["adopted"]> {
    return async function* (this: Sweep, signal: AbortSignal) {
      await this.#loadContexts(index, index.failed());
      for await (const outcome of slurm.adopt({ live: "adopt" }, signal)) {
        yield { outcome, spec: this.#specOf(outcome.runId, outcome.attempt) };
      }
    }.bind(this);
  }

  /** The spec of a run (with its recorded or provided context), for an adopted outcome. */
  #specOf(runId: number, attempt: number): RunSpec {
    return this.#job(this.#runSetCovering(runId + 1).spec(runId), attempt).spec;
  }

  #runSetCovering(size: number): RunSet {
    if (size <= this.runSet.size || this.runSet.kind !== "monte_carlo") return this.runSet;
    return extendMonteCarlo(this.runSet, size - this.runSet.size);
  }

  #slurmPool(): SlurmPool | undefined {
    return this.#slurm === undefined ? undefined : slurmPool(
      this.outputDir,
      this.#slurm.sweepId,
      this.#slurm.options,
      this.#options.onSlurmStatus,
    );
  }

  /** Load the manifest's hook to run it (resume, extend): before any run, in its sandbox. */
  async #resolveRecordedHook(): Promise<void> {
    if (this.#hook !== null || this.hookSpecifier === null) return;
    try {
      this.#hook = await resolveHook(this.hookSpecifier, {
        permissions: this.#hookPermissions,
        ...hookLimits({
          ...this.#options,
          postprocessIsolation: this.#header.postprocess_isolation ?? "run",
        }),
      });
    } catch (e) {
      if (!(e instanceof HookError)) throw e;
      throw new HookError(
        e.code,
        `The manifest ${this.manifestPath} records the postprocess hook ${this.hookSpecifier}, ` +
          `which a resume must re-apply, but it no longer loads: ${e.message}`,
      );
    }
  }

  async #execute(
    writer: ManifestWriter,
    index: ManifestIndex,
    plan: ExecutionPlan,
    signal: AbortSignal | undefined,
    slurm: SlurmPool | undefined = this.#slurmPool(),
  ): Promise<SweepSummary> {
    let pool: SweepPool | undefined;
    let hooks;
    try {
      pool = slurm ?? localPool(this.#options);
      hooks = this.#hook === null
        ? undefined
        : await startHook(this.#hook, this.outputDir, this.#concurrency());
    } catch (e) {
      await writer.close();
      await pool?.close();
      throw e;
    }
    // Progress where it can be seen (a notebook's display, a terminal's line), unless opted out.
    const display = this.#options.progress === false
      ? undefined
      : autoProgress(`gmat-sweep ${basename(this.outputDir)}`);
    const own = this.#options.onProgress;
    const onProgress = display === undefined ? own : (p: SweepProgress) => {
      display.update(p);
      own?.(p);
    };
    try {
      return await this.#executePlan(writer, index, pool, hooks, plan, signal, onProgress);
    } finally {
      display?.finish();
    }
  }

  #executePlan(
    writer: ManifestWriter,
    index: ManifestIndex,
    pool: SweepPool,
    hooks: Awaited<ReturnType<typeof startHook>> | undefined,
    plan: ExecutionPlan,
    signal: AbortSignal | undefined,
    onProgress: ((p: SweepProgress) => void) | undefined,
  ): Promise<SweepSummary> {
    return executePlan(
      {
        writer,
        index,
        pool,
        hooks,
        outputDir: this.outputDir,
        postprocess: this.#header.postprocess ?? null,
        concurrency: this.#concurrency(),
        onProgress,
        planned: index.header.run_count,
        durableOutputs: (this.#options.fsync ?? "each") === "each",
      },
      plan,
      signal,
    );
  }

  #concurrency(): number {
    return this.#options.workers ?? navigator.hardwareConcurrency ?? 1;
  }

  /**
   * Run a hook again on recorded ok runs, without running the engine: the recorded hook (with
   * its permissions), or `postprocess` (then recorded in the header, so later resumes apply it).
   * Each run gets a new entry (last wins) with the hook's outputs, status and provenance. See
   * {@link rehookSweep}.
   *
   * @param options Which runs (`failed`, the default: those whose hook failed; `all`; or ids),
   *   the hook, its limits.
   * @param signal Stops starting hooks.
   */
  async rehook(
    options: Omit<RehookOptions, "outputDir"> = {},
    signal?: AbortSignal,
  ): Promise<RehookSummary> {
    return await rehookSweep(this.manifestPath, {
      workers: this.#options.workers,
      postprocessTimeoutS: this.#options.postprocessTimeoutS,
      postprocessMemoryMb: this.#options.postprocessMemoryMb,
      postprocessMaxOutputBytes: this.#options.postprocessMaxOutputBytes,
      fsync: this.#options.fsync,
      ...options,
      outputDir: this.outputDir,
    }, signal);
  }

  /**
   * Outcomes of every recorded run (last attempt wins), with absolute paths, every one confined
   * to the output directory.
   *
   * @throws {ManifestPathError} When the manifest names a file outside the output directory.
   */
  async outcomes(): Promise<RunOutcome[]> {
    return await readOutcomes(this.manifestPath, { outputDir: this.outputDir });
  }

  /**
   * The stitched table of one output: (run_id, time) for a report or ephemeris, (run_id,
   * interval_id) for a contact report (real GMAT's ContactLocator), (run_id, iteration) for a
   * solver log (a DifferentialCorrector's nominal passes). An ok run whose output is
   * missing or not the file the manifest recorded is a marker row with `__status`
   * `output_missing` / `output_damaged`, and a warning.
   *
   * @param options `kind` (default `report`), `name` (needed when the script has several),
   *   `onWarning` (default `console.warn`), `verifyOutputs` (default true).
   */
  async toTable(options: TableOptions = {}): Promise<Table> {
    const entries = await this.#tableOutcomes(options);
    const { stitchRuns } = await import("../table/mod.ts");
    return stitchRuns(entries, {
      kind: options.kind ?? "report",
      name: options.name,
      onWarning: options.onWarning ?? console.warn,
    }).table;
  }

  /**
   * The stitched table's rows as plain objects for JavaScript: `run_id` a number, timestamps
   * exact ISO text (or `Date`s with `times: "date"`), so `JSON.stringify` and `===` work. The
   * Parquet files and {@link Sweep.toTable} keep Arrow's Int64 and timestamp[ns].
   *
   * @param options The table's options (as {@link Sweep.toTable}) and `times`.
   */
  async toRecords(options: TableOptions & RecordsOptions = {}): Promise<TableRecord[]> {
    const { tableRecords } = await import("../table/mod.ts");
    return tableRecords(await this.toTable(options), options);
  }

  /**
   * The convergence of a solver (a DifferentialCorrector's log, `solver__<name>.parquet`) over the
   * runs: one row per run with `run_id`, `iterations`, `status` (`converged`, `max_iter`, ...,
   * or the run's own status when it has no log) and `converged`. The runs' iterations themselves
   * are `toTable({ kind: "solver", name })`, keyed by (run_id, iteration).
   *
   * @param options `name` (needed when the script has several solvers), warnings, verification.
   */
  async solverConvergence(options: Omit<TableOptions, "kind"> = {}): Promise<Table> {
    const { solverConvergenceTable } = await import("../table/mod.ts");
    return solverConvergenceTable(await this.toTable({ ...options, kind: "solver" }));
  }

  /** Every output of one kind (report, ephemeris, contact or solver), stitched, by name. */
  async toTables(
    kind: OutputKind = "report",
    options: Omit<TableOptions, "kind" | "name"> = {},
  ): Promise<Map<string, Table>> {
    const { stitchAllRuns } = await import("../table/mod.ts");
    return stitchAllRuns(await this.#tableOutcomes(options), {
      kind,
      onWarning: options.onWarning ?? console.warn,
    });
  }

  /**
   * The run_id-keyed table of one hook output (e.g. `orbit_metrics`), from the files the
   * manifest registers: one marker row for each run that did not register it.
   */
  async toExtraOutputs(
    key: string,
    options: Omit<TableOptions, "kind" | "name"> = {},
  ): Promise<Table> {
    const { extraOutputsTable } = await import("../table/mod.ts");
    return await extraOutputsTable(await this.#tableOutcomes(options), key, {
      onWarning: options.onWarning ?? console.warn,
    });
  }

  async #tableOutcomes(options: TableOptions): Promise<RunOutcome[]> {
    return await readOutcomes(this.manifestPath, {
      outputDir: this.outputDir,
      verifyOutputs: options.verifyOutputs,
    });
  }

  /**
   * Bundle the sweep as a byte-deterministic zip: script, manifest, run files, a README and
   * `MANIFEST.hash` (for `sha256sum -c`). Unpacked anywhere, it aggregates and resumes as is.
   *
   * @param out The zip to write.
   * @param options Which run files (`all`, default, or `referenced`), drift, warnings.
   */
  async archive(
    out: string,
    options: Omit<ArchiveSweepOptions, "manifestPath" | "scriptPath" | "outputDir" | "out"> = {},
  ): Promise<ArchiveResult> {
    const { archiveSweep } = await import("../archive/mod.ts");
    return await archiveSweep({
      ...options,
      manifestPath: this.manifestPath,
      scriptPath: this.scriptPath,
      outputDir: this.outputDir,
      out,
    });
  }

  /** Notebook display: the sweep's summary, status counts and first runs. */
  async [JUPYTER_DISPLAY](): Promise<MimeBundle> {
    let manifest: Manifest | undefined;
    try {
      manifest = await this.manifest();
    } catch { /* not run yet */ }
    return manifestBundle(manifest, {
      scriptPath: this.scriptPath,
      outputDir: this.outputDir,
      manifestPath: this.manifestPath,
      engineLabel: this.engineLabel,
      planned: this.runSet.size,
      kind: this.runSet.kind,
    });
  }

  /** The engine and version that run this sweep. */
  get engineLabel(): string {
    return this.engine.kind === "builtin"
      ? `builtin ${BUILTIN_ENGINE_VERSION}`
      : `gmat ${this.engine.root}`;
  }
}

/** Refuse a worker count above the pool's bound before anything is written. */
/** A run set as the API takes it: anything with a size and a spec per run id. */
const RunSetArgSchema = z.custom<RunSet>(
  (v) =>
    typeof v === "object" && v !== null && Number.isInteger((v as RunSet).size) &&
    typeof (v as RunSet).spec === "function",
  { message: "expected a run set (gridRunSet, monteCarloRunSet, explicitRunSet...)" },
);

/**
 * A new directory under the system's temporary directory, for a sweep created without
 * `outputDir`; said on stderr, since nothing else would tell where the runs went.
 */
async function freshOutputDir(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-" });
  console.error(`gmat-sweep: no outputDir given; this sweep's runs and manifest are in ${dir}`);
  return dir;
}

function checkWorkers(options: Partial<SweepOptions>): void {
  if (options.workers === undefined || options.backend === "slurm") return;
  const problem = workerCountProblem(options.workers, options.forceWorkers);
  if (problem !== undefined) throw new SweepConfigError(problem);
}

/** SLURM options with the run timeout as the task time limit when none is given. */
function slurmOptionsFor(
  options: Partial<SweepOptions>,
  slurm: SlurmBackendOptions,
): SlurmBackendOptions {
  const fromTimeout = options.timeoutS === undefined
    ? undefined
    : Math.max(1, Math.ceil(options.timeoutS / 60));
  return { ...slurm, timeLimitMin: slurm.timeLimitMin ?? fromTimeout };
}

/** A reopened sweep re-applies its recorded hook; naming another one is refused. */
function checkHookUnchanged(
  manifestPath: string,
  recorded: string | null,
  given: string | undefined,
): void {
  if (given === undefined) return;
  const text = parseHookSpecifier(given, { cwd: Deno.cwd() }).text;
  if (text === recorded) return;
  throw new SweepConfigError(
    recorded === null
      ? `the manifest ${manifestPath} records no postprocess hook, so a resume cannot add ` +
        `${text}; start a new sweep with the hook`
      : `the manifest ${manifestPath} records the hook ${recorded}; a resume re-applies it ` +
        `and cannot switch to ${text}: drop the postprocess option, or run the new hook on the ` +
        `recorded runs with gmat-sweep rehook ${manifestPath} --postprocess ${given} ` +
        "(Sweep#rehook), which does not run the engine again",
  );
}

async function scriptSha(path: string): Promise<string> {
  try {
    return await canonicalScriptFileSha256(path);
  } catch (e) {
    const refused = asStorageError(e, path, "cannot read script", "", { reading: true });
    if (refused instanceof StorageError) throw refused;
    throw new SweepConfigError(
      `cannot read script ${path}: ${e instanceof Error ? e.message : e}; check the path`,
    );
  }
}

/** Every input file the script names must exist where GMAT looks (one error before any run). */
async function checkGmatInputs(
  root: string,
  text: string,
  script: string,
  overrides: Record<string, OverrideValue>,
): Promise<void> {
  const install = await locateGmat({ root });
  await resolveInputFiles(insertOverrides(text, overrides, { file: script }), {
    scriptFile: script,
    binDir: install.binDir,
    startupText: await Deno.readTextFile(install.startupFile),
  });
}
