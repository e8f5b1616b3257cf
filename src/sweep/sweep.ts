/**
 * A sweep: one script, one run set, one manifest, one output tree, one pool.
 *
 * {@link Sweep.create} plans a new sweep and {@link Sweep#run} executes it: the manifest header is
 * written and made durable before any run starts, each finished run is appended (and synced)
 * before it counts as done, and a run never aborts the sweep. {@link Sweep.fromManifest} rebuilds
 * a sweep from its manifest for {@link Sweep#resume} (failed and missing runs only, after a drift
 * check of the script) and {@link Sweep#extend} (Monte Carlo only). The manifest and the per-run
 * tree may live in different directories.
 *
 * @module
 */

import { dirname, join, resolve } from "node:path";
import { runTreeOf } from "./run_tree.ts";
import type { FsyncMode } from "../manifest/mod.ts";
import type { Table } from "apache-arrow";
import { GmatSweepError } from "../errors/mod.ts";
import {
  BUILTIN_ENGINE_VERSION,
  checkOverridesBuiltin,
  checkOverridesGmat,
} from "../engine/mod.ts";
import {
  checkScriptDrift,
  entryFromOutcome,
  findFailed,
  findMissing,
  type Manifest,
  MANIFEST_SCHEMA_VERSION,
  type ManifestHeaderInput,
  ManifestWriter,
  outcomeFromEntry,
  readManifest,
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
import { type ArchiveResult, archiveSweep, type ArchiveSweepOptions } from "../archive/mod.ts";
import { JUPYTER_DISPLAY, manifestBundle, type MimeBundle } from "../display/mod.ts";
import { type SlurmStatus, withHookResult } from "../pool/mod.ts";
import {
  BACKEND_NAMES,
  localPool,
  newSweepId,
  type SlurmBackendOptions,
  slurmOptionsFromSettings,
  slurmPool,
  type SweepPool,
} from "./backend_choice.ts";
import type { EngineChoice, RunJob } from "../pool/mod.ts";
import { type JsonValue, runDirName, type RunOutcome, type RunSpec } from "../runs/mod.ts";
import { extendMonteCarlo, type RunSet, runSetFromParameterSpec } from "../runset/mod.ts";
import { canonicalScriptFileSha256, type OverrideValue } from "../script/mod.ts";
import { extraOutputsTable, type OutputKind, stitchAllRuns, stitchRuns } from "../table/mod.ts";
import { resolveEngine } from "./engine_choice.ts";
import { GMAT_SWEEP_VERSION } from "./version.ts";

/** Progress of a running sweep, reported after every finished run. */
export interface SweepProgress {
  /** Runs finished in this invocation. */
  readonly done: number;
  /** Runs this invocation will do. */
  readonly total: number;
  /** Runs finished ok so far in this invocation. */
  readonly ok: number;
  /** Runs finished but not ok so far in this invocation. */
  readonly failed: number;
  /** Seconds since this invocation started. */
  readonly elapsedS: number;
  /** Finished runs per second. */
  readonly rate: number;
  /** Estimated seconds left, or undefined before the first run. */
  readonly etaS: number | undefined;
  /** The outcome that just finished. */
  readonly last: RunOutcome;
}

/** Options shared by creating and reopening a sweep. */
export interface SweepOptions {
  /** Directory of the per-run tree (`run-<id>/`); created if missing. */
  readonly outputDir: string;
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
  /** A fresh worker process for every run. @default {false} */
  readonly processPerRun?: boolean;
  /** Called after every finished run. */
  readonly onProgress?: (progress: SweepProgress) => void;
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
   * The JSON context of a run (given to the hook, recorded in its manifest entry). On resume,
   * runs that have an entry keep its context; this supplies it for runs that never ran.
   */
  readonly contextProvider?: ContextProvider;
}

/** What one invocation does: adopt earlier SLURM tasks (resume), then run the jobs. */
interface ExecutionPlan {
  /** The jobs and their count, decided when asked (after adoption). */
  jobs(): Promise<{ jobs: Iterable<RunJob>; total: number }>;
  /** First record what an earlier driver's SLURM tasks finished or still run. */
  adoptSlurm?: boolean;
}

/** Supplies a run's JSON context from its id and overrides (undefined: an empty context). */
export type ContextProvider = (
  run: { readonly runId: number; readonly overrides: RunSpec["overrides"] },
) => Record<string, JsonValue> | undefined;

/** Options of {@link Sweep.fromManifest}. */
export interface FromManifestOptions extends Partial<SweepOptions> {
  /** Accept a script whose canonical hash differs from the manifest's (with a warning). */
  readonly allowScriptDrift?: boolean;
  /** Receives warnings (script drift). @default {console.warn} */
  readonly onWarning?: (message: string) => void;
}

/** What one invocation (run, resume or extend) did. */
export interface SweepSummary {
  /** Runs done by this invocation. */
  readonly ran: number;
  /** Runs of this invocation that finished ok. */
  readonly ok: number;
  /** Runs of this invocation that did not finish ok. */
  readonly failed: number;
  /** Wall time of this invocation, seconds. */
  readonly wallS: number;
  /** Whether it was interrupted before finishing. */
  readonly interrupted: boolean;
}

/** Error of sweep configuration (bad input detected before any run). */
export class SweepConfigError extends GmatSweepError {
  /** Always `SWEEP_CONFIG`. */
  declare readonly code: "SWEEP_CONFIG";
  /**
   * Creates a sweep configuration error.
   *
   * @param message What is wrong with the configuration, and the fix.
   */
  constructor(message: string) {
    super("SWEEP_CONFIG", message);
  }
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
  /** The postprocess hook (resolved and probed), or null. */
  readonly hook: ResolvedHook | null;
  /** Where runs execute. */
  readonly backend: "local" | "slurm";
  /** SLURM settings and the sweep's id in job names (for `slurm`). */
  readonly #slurm: { options: SlurmBackendOptions; sweepId: string } | undefined;
  readonly #options: Partial<SweepOptions>;
  #header: ManifestHeaderInput;
  /** Contexts recorded in the manifest, by run id (for resume). */
  #recordedContexts = new Map<number, Record<string, JsonValue>>();

  private constructor(init: {
    scriptPath: string;
    scriptSha256: string;
    runSet: RunSet;
    outputDir: string;
    manifestPath: string;
    engine: EngineChoice;
    hook: ResolvedHook | null;
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
    this.hook = init.hook;
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
   * Plan a new sweep (nothing runs until {@link run}).
   *
   * @param scriptPath The GMAT script.
   * @param runSet The runs.
   * @param options Output tree, engine, pool and durability options.
   */
  static async create(scriptPath: string, runSet: RunSet, options: SweepOptions): Promise<Sweep> {
    const script = resolve(scriptPath);
    const sha = await scriptSha(script);
    const outputDir = resolve(options.outputDir);
    const manifestPath = resolve(options.manifestPath ?? join(outputDir, "manifest.jsonl"));
    const engine = await resolveEngine(options.engine ?? "auto", options.gmatRoot);
    if (runSet.size > 0) {
      // Fail before any run on an override the script cannot take.
      const text = await Deno.readTextFile(script);
      const overrides = runSet.spec(0).overrides as Record<string, OverrideValue>;
      if (engine.choice.kind === "builtin") checkOverridesBuiltin(text, script, overrides);
      else checkOverridesGmat(text, script, overrides);
    }
    const hook = options.postprocess === undefined ? null : await resolveHook(options.postprocess, {
      permissions: options.postprocessPermissions,
      timeoutMs: timeoutMsOf(options),
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
        }
        : {
          ...slurmPool(outputDir, slurm.sweepId, slurm.options).settings(),
          sweep_id: slurm.sweepId,
          timeout_s: options.timeoutS ?? null,
        },
      postprocess: hook?.specifier.text ?? null,
      postprocess_permissions: hook?.permissionList ?? [],
      created_at: new Date().toISOString(),
    };
    return new Sweep({
      scriptPath: script,
      scriptSha256: sha,
      runSet,
      outputDir,
      manifestPath,
      engine: engine.choice,
      hook,
      backend,
      slurm,
      header,
      options,
    });
  }

  /**
   * Reopen a sweep from its manifest, for {@link resume}, {@link extend} or tables.
   *
   * @param manifestPath The manifest.
   * @param scriptPath The script; its canonical hash must match the manifest's.
   * @param options `outputDir` (default: the manifest's directory), drift and pool options.
   */
  static async fromManifest(
    manifestPath: string,
    scriptPath: string,
    options: FromManifestOptions = {},
  ): Promise<Sweep> {
    const path = resolve(manifestPath);
    const manifest = await readManifest(path);
    const script = resolve(scriptPath);
    const sha = await scriptSha(script);
    const drift = checkScriptDrift(manifest, sha, {
      allowDrift: options.allowScriptDrift ?? false,
    });
    if (drift.warning) (options.onWarning ?? console.warn)(drift.warning);
    const outputDir = runTreeOf(path, manifest.header, options.outputDir);
    try {
      const stat = await Deno.stat(outputDir);
      if (!stat.isDirectory) throw new Error("not a directory");
    } catch {
      throw new SweepConfigError(
        `output directory ${outputDir} does not exist; pass the directory that holds the run-<id> ` +
          "folders (--output-dir) when the manifest lives elsewhere",
      );
    }
    const runSet = runSetFromParameterSpec(manifest.header.parameter_spec);
    const engineKind = manifest.header.engine?.kind === "gmat" ? "gmat" : "builtin";
    const engine = await resolveEngine(
      options.engine ?? engineKind,
      options.gmatRoot ?? manifest.header.engine?.path ?? undefined,
    );
    const hook = await recordedHook(path, manifest.header.postprocess, {
      ...options,
      permissions: manifest.header.postprocess_permissions,
    });
    const recordedSlurm = manifest.header.backend === BACKEND_NAMES.slurm;
    const backend = options.backend ?? (recordedSlurm ? "slurm" : "local");
    let slurm: { options: SlurmBackendOptions; sweepId: string } | undefined;
    if (backend === "slurm") {
      const { sweepId, ...recorded } = recordedSlurm
        ? slurmOptionsFromSettings(manifest.header.backend_settings ?? {})
        : {};
      slurm = {
        options: slurmOptionsFor(options, { ...recorded, ...options.slurm }),
        sweepId: sweepId ?? newSweepId(sha),
      };
    }
    const sweep = new Sweep({
      scriptPath: script,
      scriptSha256: sha,
      runSet,
      outputDir,
      manifestPath: path,
      engine: engine.choice,
      hook,
      backend,
      slurm,
      header: manifest.header,
      options,
    });
    for (const e of manifest.entries) sweep.#recordedContexts.set(e.run_id, e.context);
    return sweep;
  }

  /** Read the manifest as it is on disk now. */
  async manifest(): Promise<Manifest> {
    return await readManifest(this.manifestPath);
  }

  #job(plain: RunSpec, attempt: number): RunJob {
    const context = this.#recordedContexts.get(plain.runId) ??
      this.#options.contextProvider?.({ runId: plain.runId, overrides: plain.overrides }) ??
      plain.context;
    const spec = context === plain.context ? plain : { ...plain, context };
    return {
      spec,
      scriptPath: this.scriptPath,
      scriptSha256: this.scriptSha256,
      runDir: join(this.outputDir, runDirName(spec.runId)),
      engine: this.engine,
      attempt,
      timeoutMs: this.#options.timeoutS === undefined ? null : this.#options.timeoutS * 1000 * 0.95,
      // On SLURM the task runs the hook, where the run ran; locally the driver does.
      ...(this.#slurm !== undefined && this.hook !== null
        ? {
          hook: {
            text: this.hook.specifier.text,
            permissions: this.hook.permissionList,
            timeoutMs: this.hook.timeoutMs,
          },
        }
        : {}),
    };
  }

  /**
   * Run every planned run. Creates (truncates) the manifest first.
   *
   * @param signal Stops starting runs and ends the sweep with a consistent manifest.
   */
  async run(signal?: AbortSignal): Promise<SweepSummary> {
    await Deno.mkdir(this.outputDir, { recursive: true });
    await Deno.mkdir(dirname(this.manifestPath), { recursive: true });
    const writer = await ManifestWriter.create(this.manifestPath, this.#header, {
      fsync: this.#options.fsync ?? "each",
    });
    const runSet = this.runSet;
    const job = (spec: RunSpec) => this.#job(spec, 1);
    function* jobs(): Generator<RunJob> {
      for (const spec of runSet.specs()) yield job(spec);
    }
    return await this.#execute(
      writer,
      { jobs: () => Promise.resolve({ jobs: jobs(), total: runSet.size }) },
      signal,
    );
  }

  /**
   * Re-run the failed and missing runs of a reopened sweep (skipped runs stay skipped).
   *
   * @param signal Stops starting runs.
   */
  async resume(signal?: AbortSignal): Promise<SweepSummary> {
    const writer = await ManifestWriter.openForAppend(this.manifestPath, {
      fsync: this.#options.fsync ?? "each",
    });
    // Decided after SLURM adoption (which appends what a dead driver's tasks finished).
    const jobs = async () => {
      const manifest = await this.manifest();
      const attempts = new Map(manifest.entries.map((e) => [e.run_id, e.attempt]));
      const expected = range(0, Math.max(this.runSet.size, maxRunId(manifest) + 1));
      const ids = [...new Set([...findFailed(manifest), ...findMissing(manifest, expected)])]
        .sort((a, b) => a - b);
      const runSet = this.#runSetCovering(Math.max(...ids, -1) + 1);
      const job = (id: number) => this.#job(runSet.spec(id), (attempts.get(id) ?? 0) + 1);
      function* each(): Generator<RunJob> {
        for (const id of ids) yield job(id);
      }
      return { jobs: each(), total: ids.length };
    };
    return await this.#execute(writer, { jobs, adoptSlurm: true }, signal);
  }

  /** The spec of a run (with its recorded or provided context), for an adopted outcome. */
  #specOf(runId: number, attempt: number): RunSpec {
    return this.#job(this.#runSetCovering(runId + 1).spec(runId), attempt).spec;
  }

  /**
   * Add `n` Monte Carlo runs: exactly the draws a fresh sweep of the larger size makes at those
   * run ids. Refused when an earlier run is failed or missing (resume first).
   */
  async extend(n: number, signal?: AbortSignal): Promise<SweepSummary> {
    if (this.runSet.kind !== "monte_carlo") {
      throw new SweepConfigError(
        `only Monte Carlo sweeps can be extended (this one is ${this.runSet.kind}); start a new sweep instead`,
      );
    }
    if (!Number.isInteger(n) || n < 1) {
      throw new SweepConfigError(`extend needs n >= 1 runs, got ${n}`);
    }
    const manifest = await this.manifest();
    const oldN = Math.max(this.runSet.size, maxRunId(manifest) + 1);
    const incomplete = [...findFailed(manifest), ...findMissing(manifest, range(0, oldN))];
    if (incomplete.length > 0) {
      throw new SweepConfigError(
        `${incomplete.length} of the first ${oldN} runs are failed or missing ` +
          `(e.g. run ${incomplete[0]}); run resume first, then extend`,
      );
    }
    const larger = extendMonteCarlo(this.runSet, oldN + n - this.runSet.size);
    const writer = await ManifestWriter.openForAppend(this.manifestPath, {
      fsync: this.#options.fsync ?? "each",
    });
    const job = (spec: RunSpec) => this.#job(spec, 1);
    function* jobs(): Generator<RunJob> {
      for (const spec of larger.specs(oldN, oldN + n)) yield job(spec);
    }
    return await this.#execute(
      writer,
      { jobs: () => Promise.resolve({ jobs: jobs(), total: n }) },
      signal,
    );
  }

  #runSetCovering(size: number): RunSet {
    if (size <= this.runSet.size || this.runSet.kind !== "monte_carlo") return this.runSet;
    return extendMonteCarlo(this.runSet, size - this.runSet.size);
  }

  async #execute(
    writer: ManifestWriter,
    plan: ExecutionPlan,
    signal: AbortSignal | undefined,
  ): Promise<SweepSummary> {
    const t0 = performance.now();
    const specs = new Map<number, RunSpec>();
    let total = 0;
    const slurm = this.#slurm === undefined ? undefined : slurmPool(
      this.outputDir,
      this.#slurm.sweepId,
      this.#slurm.options,
      this.#options.onSlurmStatus,
    );
    const pool: SweepPool = slurm ?? localPool(this.#options);
    const concurrency = this.#options.workers ?? navigator.hardwareConcurrency ?? 1;
    let done = 0, ok = 0, failed = 0;
    let interrupted = false;
    const record = async (outcome: RunOutcome, spec: RunSpec) => {
      await writer.append(
        entryFromOutcome(outcome, spec, {
          outputDir: this.outputDir,
          postprocess: this.#header.postprocess ?? null,
        }),
      );
      done++;
      if (outcome.status === "ok") ok++;
      else failed++;
      const elapsedS = (performance.now() - t0) / 1000;
      const rate = done / Math.max(elapsedS, 1e-9);
      this.#options.onProgress?.({
        done,
        total,
        ok,
        failed,
        elapsedS,
        rate,
        etaS: (total - done) / rate,
        last: outcome,
      });
    };
    const hooks = this.hook === null ? undefined : await startHook(this.hook, this.outputDir);
    // With a hook, runs' hooks overlap the pool's work; entries are appended one at a time.
    const hooked = new Set<Promise<void>>();
    let appending: Promise<void> = Promise.resolve();
    const finish = async (outcome: RunOutcome, spec: RunSpec) => {
      let final = outcome;
      // A SLURM task has already run the hook where the run ran.
      if (hooks !== undefined && outcome.status === "ok" && outcome.postprocessStatus === "none") {
        const h = await hooks.run(spec, outcome, join(this.outputDir, runDirName(spec.runId)));
        final = withHookResult(outcome, h);
      }
      // After an interrupt no entry is added: the run is re-done by resume, as runs in flight are.
      if (signal?.aborted) return;
      appending = appending.then(() => record(final, spec));
      await appending;
    };
    const consume = async (outcome: RunOutcome, spec: RunSpec) => {
      if (hooks === undefined) return await record(outcome, spec);
      const task = finish(outcome, spec);
      hooked.add(task);
      task.then(() => hooked.delete(task), () => {});
      if (hooked.size >= concurrency) await Promise.race(hooked);
    };
    try {
      if (plan.adoptSlurm && slurm !== undefined) {
        // Tasks of an earlier driver: their outcome files, and those still queued or running.
        for await (const outcome of slurm.adopt({ live: "adopt" }, signal)) {
          total++;
          await consume(outcome, this.#specOf(outcome.runId, outcome.attempt));
        }
        await Promise.all(hooked);
        await appending;
      }
      const next = await plan.jobs();
      total += next.total;
      const tracked = (function* () {
        for (const job of next.jobs) {
          specs.set(job.spec.runId, job.spec);
          yield job;
        }
      })();
      for await (const outcome of pool.run(tracked, signal)) {
        const spec = specs.get(outcome.runId)!;
        specs.delete(outcome.runId);
        await consume(outcome, spec);
      }
      await Promise.all(hooked);
    } catch (e) {
      if (signal?.aborted) interrupted = true;
      else throw e;
    } finally {
      await hooks?.close();
      await Promise.allSettled(hooked);
      await writer.close();
      await pool.close();
    }
    return { ran: done, ok, failed, wallS: (performance.now() - t0) / 1000, interrupted };
  }

  /** Outcomes of every recorded run (last attempt wins), with absolute paths. */
  async outcomes(): Promise<RunOutcome[]> {
    const manifest = await this.manifest();
    return manifest.entries.map((e) => outcomeFromEntry(e, this.outputDir));
  }

  /**
   * The stitched table of one output: (run_id, time) for a report or ephemeris, (run_id,
   * interval_id) for a contact report (real GMAT's ContactLocator).
   *
   * @param options `kind` (default `report`) and `name` (needed when the script has several).
   */
  async toTable(
    options: { kind?: OutputKind; name?: string } = {},
  ): Promise<Table> {
    const entries = await this.outcomes();
    return stitchRuns(entries, { kind: options.kind ?? "report", name: options.name }).table;
  }

  /** Every output of one kind (report, ephemeris or contact), stitched, by name. */
  async toTables(kind: OutputKind = "report"): Promise<Map<string, Table>> {
    return stitchAllRuns(await this.outcomes(), { kind });
  }

  /**
   * The run_id-keyed table of one hook output (e.g. `orbit_metrics`), from the files the
   * manifest registers: one marker row for each run that did not register it.
   */
  async toExtraOutputs(key: string): Promise<Table> {
    return await extraOutputsTable(await this.outcomes(), key);
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

function timeoutMsOf(options: Partial<SweepOptions>): number {
  return (options.postprocessTimeoutS ?? 300) * 1000;
}

/** The hook a manifest records, resolved again (before any run), or null. */
async function recordedHook(
  manifestPath: string,
  recorded: string | null,
  options: FromManifestOptions & { permissions: readonly string[] },
): Promise<ResolvedHook | null> {
  if (options.postprocess !== undefined) {
    const given = parseHookSpecifier(options.postprocess, { cwd: Deno.cwd() }).text;
    if (given !== recorded) {
      throw new SweepConfigError(
        recorded === null
          ? `the manifest ${manifestPath} records no postprocess hook, so a resume cannot add ` +
            `${given}; start a new sweep with the hook`
          : `the manifest ${manifestPath} records the hook ${recorded}; a resume re-applies it ` +
            `and cannot switch to ${given}: drop the postprocess option, or start a new sweep`,
      );
    }
  }
  if (recorded === null) return null;
  try {
    return await resolveHook(recorded, {
      permissions: options.permissions,
      timeoutMs: timeoutMsOf(options),
    });
  } catch (e) {
    if (!(e instanceof HookError)) throw e;
    throw new HookError(
      e.code,
      `The manifest ${manifestPath} records the postprocess hook ${recorded}, which a resume ` +
        `must re-apply, but it no longer loads: ${e.message}`,
    );
  }
}

async function scriptSha(path: string): Promise<string> {
  try {
    return await canonicalScriptFileSha256(path);
  } catch (e) {
    throw new SweepConfigError(
      `cannot read script ${path}: ${e instanceof Error ? e.message : e}; check the path`,
    );
  }
}

function maxRunId(manifest: Manifest): number {
  let max = -1;
  for (const e of manifest.entries) max = Math.max(max, e.run_id);
  return max;
}

function* range(from: number, to: number): Generator<number> {
  for (let i = from; i < to; i++) yield i;
}
