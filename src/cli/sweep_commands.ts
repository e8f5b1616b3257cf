/**
 * The sweep-running commands: `run` (grid), `monte-carlo`, `latin-hypercube`, `explicit`,
 * `resume` and `extend`, with their shared options, progress display, interrupt handling and
 * summary line.
 *
 * @module
 */

import { resolve } from "node:path";
import { StorageError } from "../errors/storage_error.ts";
import {
  gridFromShorthands,
  gridRunSet,
  latinHypercubeRunSet,
  monteCarloRunSet,
  perturbFromShorthands,
  readExplicitRows,
  type RunSet,
} from "../runset/mod.ts";
// The sweep's own modules, not sweep/mod.ts (which also loads the table layer).
import { formatBytes } from "../sweep/format_bytes.ts";
import { checkRunCount, CONFIRM_RUNS, MAX_RUNS } from "../sweep/run_limits.ts";
import type { SlurmBackendOptions } from "../sweep/backend_choice.ts";
import { Sweep, type SweepOptions, type SweepSummary } from "../sweep/sweep.ts";
import { ExitError } from "./exit_error.ts";
import { parseCommand } from "./parse_command.ts";
import { readContextFile } from "./context_file.ts";
import {
  locateInStudy,
  readStudyFile,
  STUDY_EXAMPLE,
  studyArgs,
  type StudyFile,
} from "./study_file.ts";
import { terminalProgress } from "../progress/mod.ts";
import { summaryLine } from "./summary_line.ts";
import { workerCountProblem } from "../pool/local_pool.ts";

/** Printing sinks. */
export interface CliIo {
  readonly print: (line: string) => void;
  readonly error: (line: string) => void;
}

/** The hook's flags, shared by the sweep commands and `rehook`. */
export const HOOK_OPTIONS = {
  postprocess: { type: "string" },
  "postprocess-allow": { type: "string", multiple: true },
  "postprocess-timeout": { type: "string" },
  "postprocess-isolation": { type: "string" },
  "postprocess-memory": { type: "string" },
  "postprocess-max-output": { type: "string" },
} as const;

const COMMON_OPTIONS = {
  out: { type: "string" },
  manifest: { type: "string" },
  workers: { type: "string" },
  engine: { type: "string" },
  "gmat-root": { type: "string" },
  timeout: { type: "string" },
  "process-per-run": { type: "boolean" },
  "gmat-restart-every": { type: "string" },
  "fsync-each": { type: "boolean" },
  "no-fsync-each": { type: "boolean" },
  "fsync-batch": { type: "string" },
  backend: { type: "string" },
  "backend-arg": { type: "string", multiple: true },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
  "force-workers": { type: "boolean" },
  yes: { type: "boolean", short: "y" },
  ...HOOK_OPTIONS,
  "context-file": { type: "string" },
} as const;

const HOOK_HELP = `Postprocess hook:
  --postprocess SPEC    run a hook after each ok run: ./pipeline.ts#deriveOrbitMetrics,
                        file:///abs/p.ts#f, https://host/p.ts#f or npm:pkg#f (no #: the
                        default export). It gets the run's spec and outcome, may read and write
                        only its run directory, and returns { name: path } (extra_outputs).
  --postprocess-allow KIND[=VALUE,...]
                        grant the hook more: net=example.org, env=HOME, read=/data, run=python3,
                        sys, ffi (repeatable; recorded in the manifest header)
  --postprocess-timeout SECONDS
                        time one hook call may take (default 300)
  --postprocess-isolation run|sweep
                        run (default): a fresh worker per run that may touch only its run
                        directory; sweep: one long-lived worker per concurrent hook, confined to
                        the run tree (faster; a hook can see its siblings). Recorded.
  --postprocess-memory MB
                        heap limit of each hook (default 2048); past it the hook fails (oom),
                        only its own run
  --postprocess-max-output BYTES
                        total bytes one run's hook may register (default 1073741824)
A failed hook leaves its run ok: the summary counts hooks apart, show --detail --filter
hook-failed lists them, and gmat-sweep rehook re-runs a (fixed) hook without the engine.
  --context-file F      JSON context per run, given to the hook and recorded: one object for
                        every run, or an array (run i gets element i)`;

const COMMON_HELP = `Common options:
  --out DIR             output directory: run-<id>/ folders and, by default, manifest.jsonl
  --manifest PATH       write the manifest here instead of DIR/manifest.jsonl
  --workers N           worker processes (default: number of cores; at most 4 per core)
  --force-workers       allow more than 4 workers per core (runs waiting on something else)
  --engine E            auto | builtin | gmat (default auto: real GMAT when found)
  --gmat-root DIR       GMAT install root (else GMAT_ROOT, ~/gmat-*, /opt/gmat-*, PATH)
  --timeout SECONDS     per-run timeout; the run's processes are killed and it is marked failed
  --process-per-run     a fresh worker process for every run, and with real GMAT a fresh
                        GmatConsole per run (default: one interactive GmatConsole per worker)
  --gmat-restart-every N  replace each worker's interactive GmatConsole after N runs
                        (default 1000; it is also replaced after a failed or timed-out run)
  --no-fsync-each       sync the manifest every --fsync-batch entries (default 50) instead of
                        after every entry; a crash can lose up to that many entries (resume
                        re-runs them)
  --backend B           local (worker processes here, default) or slurm (job arrays)
  --backend-arg K=V     slurm settings, repeatable: partition=P account=A qos=Q time=MIN
                        mem=MB cpus=N max-concurrent=N runs-per-task=N extra=--constraint=x
  -y, --yes             start a sweep of more than ${
  CONFIRM_RUNS.toLocaleString("en-US")
} runs (without
                        it, such a sweep is refused after saying its size and the disk it
                        needs, measured on its first run); at most ${
  MAX_RUNS.toLocaleString("en-US")
} runs
  -q, --quiet           no progress bar
One driver at a time: the output directory and the manifest are locked while a sweep runs
(the lock ends with the process, kill -9 included).
Exit codes: 0 done (individual runs may have failed: see the summary), 1 error, 2 bad input,
3 manifest problem (corrupt, or in use by another driver), 4 backend problem, 5 storage problem
(disk full, permission denied, read-only or failing disk: the message names the path; the
manifest is consistent, free space and resume), 130 interrupted (resume to finish).`;

/** Help texts by command. */
export const SWEEP_HELP: Readonly<Record<string, string>> = {
  run: `gmat-sweep run: a full-factorial grid over script fields

Usage:
  gmat-sweep run SCRIPT --grid NAME=SPEC [--grid ...] --out DIR [--overwrite] [options]
  gmat-sweep run STUDY.jsonc [-q] [-y] [--overwrite]

A directory (or --manifest path) that already holds a sweep is refused: finish it with
resume, choose a new --out, or pass --overwrite to delete its manifest and run-<id>
directories first (other files there are kept).

Grid specs:
  Sat.SMA=7000:7300:16     16 values from 7000 to 7300 inclusive (numpy.linspace)
  Sat.ECC=0.001,0.01,0.02  an explicit list (numbers, or text such as dates)
Keys are sorted; the last key varies fastest; run ids start at 0.

${COMMON_HELP}

${HOOK_HELP}

Study files:
A study file (JSON with comments, .jsonc or .json) holds a whole sweep under the flags' names,
for any sweep command; relative paths are relative to the file, and the manifest header
records its text. Errors name the file, line and key. For example:
${STUDY_EXAMPLE.replace(/^/gm, "  ")}

Examples:
  gmat-sweep run leo.script --grid Sat.SMA=7000:7300:16 --out sweeps/sma
  gmat-sweep run studies/mc.jsonc
  gmat-sweep run leo.script --grid Sat.SMA=6900:7100:5 --out sweeps/hooked \
      --postprocess ./examples/downstream_pipeline.ts#deriveOrbitMetrics
  gmat-sweep run leo.script --grid Sat.SMA=7000,7100 --grid Sat.INC=28.5,51.6 --out sweeps/g \\
      --workers 2 --timeout 60
`,
  "monte-carlo": `gmat-sweep monte-carlo: a Monte Carlo dispersion with a reproducible seed

Usage:
  gmat-sweep monte-carlo SCRIPT --n N --perturb NAME=DIST [--perturb ...] --seed S --out DIR
                         [--overwrite]

Distributions:
  Sat.SMA=normal:7000:5          normal(mu, sigma)
  Sat.INC=uniform:28:29          uniform(lo, hi)
  Sat.DryMass=lognormal:6.7:0.1  lognormal: mu, sigma of the underlying normal
  Sat.ECC=truncnormal:0.001:0.0005:0:0.01   normal(mu, sigma) truncated to [lo, hi]
  Sat.RAAN=choice:0,90,180       one of the values
Draws match the Python gmat-sweep's numpy draws bit for bit for the same seed.

${COMMON_HELP}

${HOOK_HELP}

Examples:
  gmat-sweep monte-carlo leo.script --n 500 --perturb Sat.SMA=normal:7000:5 \\
      --perturb Sat.INC=uniform:28:29 --seed 42 --out sweeps/mc
  gmat-sweep extend sweeps/mc/manifest.jsonl --script leo.script --n 500
`,
  "latin-hypercube": `gmat-sweep latin-hypercube: one sample per stratum per parameter

Usage:
  gmat-sweep latin-hypercube SCRIPT --n N --perturb NAME=DIST [...] --seed S --out DIR
                             [--overwrite]

Distributions as for monte-carlo.

${COMMON_HELP}

${HOOK_HELP}

Example:
  gmat-sweep latin-hypercube leo.script --n 64 --perturb Sat.SMA=uniform:6900:7100 \\
      --perturb Sat.ECC=uniform:0:0.01 --seed 7 --out sweeps/lh
`,
  explicit: `gmat-sweep explicit: one run per row of a CSV or Parquet file

Usage:
  gmat-sweep explicit SCRIPT --samples rows.csv|rows.parquet --out DIR [--overwrite] [options]

The header row names the fields (Sat.SMA, Sat.Epoch, ...); each row is one run.

${COMMON_HELP}

${HOOK_HELP}

Example:
  gmat-sweep explicit leo.script --samples cases.csv --out sweeps/cases
`,
  resume: `gmat-sweep resume: finish an interrupted sweep (failed and missing runs only)

Usage:
  gmat-sweep resume MANIFEST --script SCRIPT [--output-dir DIR] [--allow-script-drift]
                    [--rerun-damaged] [options]

The script's canonical hash must match the manifest's (--allow-script-drift to accept a change).
--output-dir gives the run tree when it is not the manifest's directory.
Resume goes up to the header's run_count, which an interrupted extend has already raised to its
target. The manifest is read once, into an index (run id -> status and offset).
A postprocess hook recorded in the manifest is re-applied to the runs resume does (with its
recorded permissions); --postprocess, if given, must name the same hook. --context-file supplies
contexts for runs that never ran (runs with an entry keep their recorded context).
--rerun-damaged also runs again the ok runs whose recorded outputs are missing or changed (what
gmat-sweep verify reports; every recorded output is read and hashed first), each named in a
warning: the remedy for a damaged tree when no copy of the files is left.

Examples:
  gmat-sweep resume sweeps/sma/manifest.jsonl --script leo.script
  gmat-sweep resume sweeps/sma/manifest.jsonl --script leo.script --rerun-damaged
`,
  extend: `gmat-sweep extend: add runs to a Monte Carlo sweep

Usage:
  gmat-sweep extend MANIFEST --script SCRIPT (--n N | --to TOTAL) [--output-dir DIR] [options]

The new runs draw exactly what a fresh sweep of the larger size would draw at those run ids.
The target size is recorded in the manifest header before any run, so an interrupted extend is
finished by resume (or by extend --to with the same TOTAL). --n N adds N runs to a complete
sweep; --to TOTAL grows it to TOTAL runs and is idempotent (the same TOTAL again does only
what is failed or missing, nothing when it is complete).

Examples:
  gmat-sweep extend sweeps/mc/manifest.jsonl --script leo.script --n 500
  gmat-sweep extend sweeps/mc/manifest.jsonl --script leo.script --to 1500
`,
};

function usage(command: string, message: string): never {
  throw new ExitError(2, message, command);
}

function intOption(command: string, name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n)) usage(command, `--${name} ${text}: give a whole number`);
  return n;
}

/** A positive number option, or undefined when not given. */
export function positiveNumber(
  command: string,
  name: string,
  text: string | boolean | string[] | undefined,
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (typeof text !== "string" || !(n > 0)) usage(command, `--${name} must be a positive number`);
  return n;
}

/** Refuse a run count above the bound (exit 2) before anything is built. */
function boundedRuns(command: string, runs: number, what: string): void {
  try {
    checkRunCount(runs, what);
  } catch (e) {
    usage(command, (e as Error).message);
  }
}

/**
 * Above {@link CONFIRM_RUNS} runs, `--yes` is needed: without it the sweep is refused after its
 * first run has been done once in a scratch directory to measure the disk it needs.
 */
async function confirmSize(
  command: string,
  sweep: Sweep,
  runs: number,
  yes: boolean,
): Promise<void> {
  if (runs <= CONFIRM_RUNS || yes) return;
  const estimate = await sweep.estimateDisk(runs);
  const size = estimate.totalBytes === undefined
    ? `its first run failed when measured (${
      estimate.probeError?.split("\n")[0]
    }), so its disk use is unknown`
    : `its first run took ${formatBytes(estimate.perRunBytes!)} on disk plus a ` +
      `${formatBytes(estimate.manifestBytesPerRun)} manifest line, so it needs about ` +
      `${formatBytes(estimate.totalBytes)} in ${sweep.outputDir}`;
  throw new ExitError(
    2,
    `this ${command} would do ${runs.toLocaleString("en-US")} runs (more than ` +
      `${CONFIRM_RUNS.toLocaleString("en-US")}); ${size}. Nothing was written. To start it, ` +
      `run the same command with --yes`,
  );
}

async function commonOptions(
  command: string,
  v: Record<string, string | boolean | string[] | undefined>,
  label: string,
): Promise<
  SweepOptions & {
    quiet: boolean;
    yes: boolean;
    finish: () => void;
    checkContextCovers: (planned: number) => void;
  }
> {
  const backend = v.backend as string | undefined;
  if (backend !== undefined && backend !== "local" && backend !== "slurm") {
    usage(command, `--backend must be local or slurm, got '${backend}'`);
  }
  const backendArgs = (v["backend-arg"] as string[] | undefined) ?? [];
  if (backendArgs.length > 0 && backend !== "slurm" && !["resume", "extend"].includes(command)) {
    usage(command, "--backend-arg needs --backend slurm");
  }
  const slurm = slurmArgs(command, backendArgs);
  const engine = v.engine as string | undefined;
  if (engine !== undefined && !["auto", "builtin", "gmat"].includes(engine)) {
    usage(command, `--engine must be auto, builtin or gmat, got '${engine}'`);
  }
  const workersAsked = intOption(command, "workers", v.workers as string | undefined);
  if (workersAsked !== undefined && workersAsked < 1 && workersAsked !== -1) {
    usage(command, `--workers ${workersAsked}: give at least 1, or -1 for one worker per core`);
  }
  // -1 means every core, as the Python gmat-sweep's --workers -1 (and joblib's n_jobs).
  const workers = workersAsked === -1 ? undefined : workersAsked;
  const forceWorkers = v["force-workers"] === true;
  const workerProblem = workers === undefined || backend === "slurm"
    ? undefined
    : workerCountProblem(workers, forceWorkers);
  if (workerProblem !== undefined) usage(command, `--workers: ${workerProblem}`);
  const timeout = v.timeout === undefined ? undefined : Number(v.timeout);
  if (timeout !== undefined && !(timeout > 0)) {
    usage(command, "--timeout must be a positive number of seconds");
  }
  const batch = intOption(command, "fsync-batch", v["fsync-batch"] as string | undefined) ?? 50;
  if (batch < 1) usage(command, "--fsync-batch must be at least 1");
  const restartEvery = intOption(
    command,
    "gmat-restart-every",
    v["gmat-restart-every"] as string | undefined,
  );
  if (restartEvery !== undefined && restartEvery < 1) {
    usage(command, "--gmat-restart-every must be at least 1");
  }
  const hookTimeout = v["postprocess-timeout"] === undefined
    ? undefined
    : Number(v["postprocess-timeout"]);
  if (hookTimeout !== undefined && !(hookTimeout > 0)) {
    usage(command, "--postprocess-timeout must be a positive number of seconds");
  }
  const isolation = v["postprocess-isolation"] as string | undefined;
  if (isolation !== undefined && isolation !== "run" && isolation !== "sweep") {
    usage(command, `--postprocess-isolation must be run or sweep, got '${isolation}'`);
  }
  const memory = positiveNumber(command, "postprocess-memory", v["postprocess-memory"]);
  const maxOutput = positiveNumber(command, "postprocess-max-output", v["postprocess-max-output"]);
  const allow = (v["postprocess-allow"] as string[] | undefined) ?? [];
  if (allow.length > 0 && v.postprocess === undefined) {
    usage(command, "--postprocess-allow needs --postprocess SPEC (the hook to grant it to)");
  }
  const contextFile = v["context-file"] as string | undefined;
  const context = contextFile === undefined ? undefined : await readContextFile(contextFile);
  const quiet = v.quiet === true;
  const progress = terminalProgress(label, !quiet);
  return {
    outputDir: (v.out as string | undefined) ?? "",
    manifestPath: v.manifest as string | undefined,
    engine: engine as SweepOptions["engine"],
    gmatRoot: v["gmat-root"] as string | undefined,
    workers,
    forceWorkers,
    timeoutS: timeout,
    processPerRun: v["process-per-run"] === true,
    gmatRestartEvery: restartEvery,
    fsync: v["no-fsync-each"] === true ? { batch } : "each",
    onProgress: progress.update,
    progress: false, // the CLI draws its own bar (and -q turns it off)
    onSlurmStatus: progress.slurm,
    backend: backend as SweepOptions["backend"],
    slurm: backendArgs.length > 0 ? slurm : undefined,
    postprocess: v.postprocess as string | undefined,
    postprocessPermissions: allow,
    postprocessTimeoutS: hookTimeout,
    postprocessIsolation: isolation as SweepOptions["postprocessIsolation"],
    postprocessMemoryMb: memory,
    postprocessMaxOutputBytes: maxOutput,
    contextProvider: context?.provider,
    checkContextCovers: (planned) => context?.checkCovers(planned),
    overwrite: v.overwrite === true,
    quiet,
    yes: v.yes === true,
    finish: progress.finish,
  };
}

const SLURM_KEYS: Record<string, keyof SlurmBackendOptions> = {
  partition: "partition",
  account: "account",
  qos: "qos",
  time: "timeLimitMin",
  mem: "memMb",
  cpus: "cpusPerTask",
  "max-concurrent": "maxConcurrent",
  "runs-per-task": "runsPerTask",
  "array-size": "arraySize",
  extra: "extraArgs",
};
const SLURM_NUMBERS = new Set([
  "time",
  "mem",
  "cpus",
  "max-concurrent",
  "runs-per-task",
  "array-size",
]);

/** `--backend-arg key=value` items as SLURM options. */
function slurmArgs(command: string, items: readonly string[]): SlurmBackendOptions {
  const out: Record<string, unknown> = {};
  const extra: string[] = [];
  for (const item of items) {
    const eq = item.indexOf("=");
    const key = eq < 0 ? item : item.slice(0, eq);
    const value = eq < 0 ? "" : item.slice(eq + 1);
    const field = SLURM_KEYS[key];
    if (field === undefined || value === "") {
      usage(
        command,
        `--backend-arg '${item}': expected KEY=VALUE with KEY one of ${
          Object.keys(SLURM_KEYS).join(", ")
        }`,
      );
    }
    if (key === "extra") extra.push(value);
    else if (SLURM_NUMBERS.has(key)) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) {
        usage(command, `--backend-arg ${key}=${value}: expected a whole number >= 1`);
      }
      out[field] = n;
    } else out[field] = value;
  }
  if (extra.length > 0) out.extraArgs = extra;
  return out as SlurmBackendOptions;
}

/** Install SIGINT/SIGTERM handlers that abort the sweep; returns the signal and a remover. */
function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const handler = () => controller.abort(new DOMException("interrupted", "AbortError"));
  const signals: Deno.Signal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];
  for (const s of signals) Deno.addSignalListener(s, handler);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const s of signals) Deno.removeSignalListener(s, handler);
    },
  };
}

async function execute(
  sweep: Sweep,
  action: (signal: AbortSignal) => Promise<SweepSummary>,
  finish: () => void,
  io: CliIo,
  resumeHint: string,
): Promise<number> {
  const { signal, dispose } = interruptSignal();
  let summary: SweepSummary;
  try {
    summary = await action(signal);
  } catch (e) {
    // Storage failed: the manifest is consistent and says what is done; say how to finish
    // (when there is one: a sweep that could not create its manifest has nothing to resume).
    if (e instanceof StorageError) {
      const started = await Deno.stat(sweep.manifestPath).then(() => true, () => false);
      throw new ExitError(5, started ? `${e.message}:\n  ${resumeHint}` : e.message);
    }
    throw e;
  } finally {
    finish();
    dispose();
  }
  io.print(summaryLine(summary, sweep.outputDir));
  if (summary.interrupted) {
    io.error(
      `gmat-sweep: interrupted after ${summary.ran} runs this time; the manifest is consistent. ` +
        `Finish with:\n  ${resumeHint}`,
    );
    return 130;
  }
  return 0;
}

function resumeCommandFor(sweep: Sweep): string {
  const dirFlag = resolve(sweep.manifestPath, "..") === sweep.outputDir
    ? ""
    : ` --output-dir ${sweep.outputDir}`;
  return `gmat-sweep resume ${sweep.manifestPath} --script ${sweep.scriptPath}${dirFlag}`;
}

/**
 * `run STUDY.jsonc`: the sweep a study file describes, run as the command line it stands for;
 * errors about a setting name the study's file, line and key.
 */
export async function studyCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, {
    quiet: { type: "boolean", short: "q" },
    yes: { type: "boolean", short: "y" },
    overwrite: { type: "boolean" },
  }, "run");
  if (parsed.positionals.length !== 1) usage("run", "expected one STUDY file (.jsonc or .json)");
  const study = await readStudyFile(parsed.positionals[0]);
  const { command, args: studyArgv } = studyArgs(study);
  for (const flag of ["quiet", "yes", "overwrite"] as const) {
    if (parsed.values[flag] === true && study.study[flag] !== true) studyArgv.push(`--${flag}`);
  }
  try {
    return await sweepCommand(command, studyArgv, io, study);
  } catch (e) {
    if (e instanceof ExitError && e.usageOf !== undefined) throw locateInStudy(e, study);
    throw e;
  }
}

/** `run`, `monte-carlo`, `latin-hypercube`, `explicit`. */
export async function sweepCommand(
  command: string,
  args: string[],
  io: CliIo,
  study?: StudyFile,
): Promise<number> {
  const parsed = parseCommand(args, {
    ...COMMON_OPTIONS,
    grid: { type: "string", multiple: true },
    perturb: { type: "string", multiple: true },
    n: { type: "string" },
    seed: { type: "string" },
    samples: { type: "string" },
    overwrite: { type: "boolean" },
  }, command);
  const v = parsed.values;
  if (v.help) {
    io.print(SWEEP_HELP[command]);
    return 0;
  }
  if (parsed.positionals.length !== 1) usage(command, "expected exactly one SCRIPT");
  if (v.out === undefined) usage(command, "--out DIR is required");
  const script = parsed.positionals[0];
  try {
    await Deno.stat(script);
  } catch {
    usage(command, `script ${script} does not exist`);
  }
  let runSet: RunSet;
  if (command === "run") {
    if (!v.grid || v.grid.length === 0) usage(command, "give at least one --grid NAME=SPEC");
    runSet = gridRunSet(gridFromShorthands(v.grid));
    boundedRuns(command, runSet.size, "this grid");
  } else if (command === "explicit") {
    if (v.samples === undefined) usage(command, "--samples PATH is required");
    runSet = await readExplicitRows(v.samples);
  } else {
    const n = intOption(command, "n", v.n);
    if (n === undefined) usage(command, "--n N (the number of runs, at least 1) is required");
    if (n < 1) usage(command, `--n ${n}: the number of runs must be at least 1`);
    boundedRuns(command, n, `this ${command} sweep`);
    if (!v.perturb || v.perturb.length === 0) {
      usage(command, "give at least one --perturb NAME=DIST");
    }
    const perturb = perturbFromShorthands(v.perturb);
    const seed = v.seed === undefined ? null : intOption(command, "seed", v.seed)!;
    if (seed !== null && seed < 0) {
      usage(command, `--seed ${seed}: a seed is a whole number from 0 (numpy's SeedSequence rule)`);
    }
    runSet = command === "monte-carlo"
      ? monteCarloRunSet(perturb, n, seed)
      : latinHypercubeRunSet(perturb, n, seed);
  }
  const options = await commonOptions(command, v, `gmat-sweep ${command}`);
  options.checkContextCovers(runSet.size);
  const sweep = await Sweep.create(script, runSet, {
    ...options,
    study: study === undefined ? undefined : { file: study.file, text: study.text },
    onWarning: (w) => io.error(`gmat-sweep: warning: ${w}`),
  });
  await confirmSize(command, sweep, runSet.size, options.yes);
  return await execute(sweep, (s) => sweep.run(s), options.finish, io, resumeCommandFor(sweep));
}

/** `resume` and `extend`. */
export async function reopenCommand(
  command: "resume" | "extend",
  args: string[],
  io: CliIo,
): Promise<number> {
  const parsed = parseCommand(args, {
    ...COMMON_OPTIONS,
    script: { type: "string" },
    "output-dir": { type: "string" },
    "allow-script-drift": { type: "boolean" },
    "rerun-damaged": { type: "boolean" },
    n: { type: "string" },
    to: { type: "string" },
  }, command);
  const v = parsed.values;
  if (v.help) {
    io.print(SWEEP_HELP[command]);
    return 0;
  }
  if (parsed.positionals.length !== 1) usage(command, "expected exactly one MANIFEST");
  if (v.script === undefined) usage(command, "--script SCRIPT is required (it is hash-checked)");
  const n = command === "extend" ? intOption(command, "n", v.n) : undefined;
  const to = command === "extend" ? intOption(command, "to", v.to) : undefined;
  if (command === "extend" && (n === undefined) === (to === undefined)) {
    usage(command, "give exactly one of --n N (runs to add) or --to TOTAL (size afterwards)");
  }
  if (command === "extend" && v["rerun-damaged"]) {
    usage(command, "--rerun-damaged belongs to resume (run it before extending)");
  }
  if (n !== undefined && n < 1) usage(command, "--n must be at least 1");
  if (to !== undefined && to < 1) usage(command, "--to must be at least 1");
  if (n !== undefined) boundedRuns(command, n, `extend --n ${n}`);
  if (to !== undefined) boundedRuns(command, to, `extend --to ${to}`);
  const options = await commonOptions(command, v, `gmat-sweep ${command}`);
  if (options.postprocessPermissions && (options.postprocessPermissions as string[]).length > 0) {
    usage(command, "--postprocess-allow cannot change a recorded hook's permissions on resume");
  }
  const sweep = await Sweep.fromManifest(parsed.positionals[0], v.script, {
    ...options,
    outputDir: v["output-dir"],
    allowScriptDrift: v["allow-script-drift"] === true,
    onWarning: (w) => io.error(`gmat-sweep: warning: ${w}`),
  });
  const current = sweep.header.run_count;
  options.checkContextCovers(n !== undefined ? current + n : Math.max(current, to ?? 0));
  if (command === "extend") {
    const adding = n ?? Math.max(0, to! - current);
    await confirmSize(command, sweep, adding, options.yes);
  }
  return await execute(
    sweep,
    (s) =>
      command === "resume"
        ? sweep.resume({ signal: s, rerunDamaged: v["rerun-damaged"] === true })
        : n !== undefined
        ? sweep.extend(n, s)
        : sweep.extendTo(to!, s),
    options.finish,
    io,
    resumeCommandFor(sweep),
  );
}
