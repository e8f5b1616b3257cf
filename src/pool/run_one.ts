/**
 * Doing one job inside a worker process: prepare the run directory, run the engine with the
 * overrides, convert every output to Parquet, write `worker.log`, and report an outcome.
 *
 * {@link runOne} never throws: every failure (bad override, engine refusal, integration failure,
 * Parquet conversion) becomes a failed outcome whose `stderr` says what went wrong.
 *
 * @module
 */

import { basename, dirname, join, resolve } from "node:path";
import { runScriptText } from "../engine/mod.ts";
import type { RunOutput } from "../formats/mod.ts";
import {
  discoverOutputs,
  GmatConsoleSession,
  type GmatInstall,
  locateGmat,
  planOutputFiles,
  prepareGmatRun,
  runGmatConsole,
} from "../gmat/mod.ts";
import { PhysicsData } from "../physics/mod.ts";
import { storageCodeOf } from "../errors/storage_error.ts";
import type { RunOutcome } from "../runs/mod.ts";
import { canonicalScriptSha256, overrideInserter, type OverrideValue } from "../script/mod.ts";
import { writeRunOutputs } from "../table/mod.ts";
import type { RunJob } from "./job.ts";

/** What a worker keeps about a script between runs: its text and what it parsed once. */
interface CachedScript {
  readonly text: string;
  readonly insert: (overrides: Readonly<Record<string, OverrideValue>>) => string;
  readonly outputs: ReturnType<typeof discoverOutputs>;
}

/** Options of {@link ScriptCache}. */
export interface ScriptCacheOptions {
  /**
   * Told the process-group id of each interactive GmatConsole this process starts, and null when
   * it is gone, so the process can end them if it must exit in a hurry.
   */
  readonly onConsole?: (pgid: number | null) => void;
}

/**
 * Per-process state kept between runs: script texts (keyed by path and expected hash), the
 * physics data the built-in engine reads (gravity models, Earth orientation, ephemeris, space
 * weather), so a worker parses each once for all its runs, and the long-lived interactive
 * GmatConsole of each GMAT install used. {@link close} ends the consoles.
 */
export class ScriptCache implements AsyncDisposable {
  /** The built-in engine's data, shared by this process's runs. */
  readonly physics: PhysicsData = new PhysicsData();
  readonly #texts = new Map<string, string>();
  readonly #parsed = new Map<string, CachedScript>();
  readonly #installs = new Map<string, GmatInstall>();
  readonly #sessions = new Map<string, GmatConsoleSession>();
  readonly #options: ScriptCacheOptions;

  /**
   * Creates an empty cache.
   *
   * @param options Where to report interactive consoles started.
   */
  constructor(options: ScriptCacheOptions = {}) {
    this.#options = options;
  }

  /** The GMAT install at `root`, located once per process. */
  async install(root: string): Promise<GmatInstall> {
    let install = this.#installs.get(root);
    if (!install) {
      install = await locateGmat({ root });
      this.#installs.set(root, install);
    }
    return install;
  }

  /** The interactive GmatConsole session of an install (created on first use). */
  session(install: GmatInstall, restartEvery?: number): GmatConsoleSession {
    let session = this.#sessions.get(install.root);
    if (!session) {
      session = new GmatConsoleSession(install, {
        restartEvery,
        onConsole: this.#options.onConsole,
      });
      this.#sessions.set(install.root, session);
    }
    return session;
  }

  /** End every interactive console (each is asked to quit, then killed if it does not). */
  async close(): Promise<void> {
    const sessions = [...this.#sessions.values()];
    this.#sessions.clear();
    await Promise.all(sessions.map((s) => s.close()));
  }

  /** {@link close}, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** The script's text plus what every run of it needs parsed (parsed once per process). */
  script(path: string, sha256: string): CachedScript {
    const key = `${path}\u0000${sha256}`;
    let cached = this.#parsed.get(key);
    if (!cached) {
      const text = this.text(path, sha256);
      cached = {
        text,
        insert: overrideInserter(text, { file: path }),
        outputs: discoverOutputs(text, path),
      };
      this.#parsed.set(key, cached);
    }
    return cached;
  }

  /** The script's text, checked against the hash the driver recorded. */
  text(path: string, sha256: string): string {
    const key = `${path}\u0000${sha256}`;
    const cached = this.#texts.get(key);
    if (cached !== undefined) return cached;
    const text = Deno.readTextFileSync(path);
    const actual = canonicalScriptSha256(text);
    if (actual !== sha256) {
      throw new Error(
        `script ${path} changed during the sweep (sha256 ${actual.slice(0, 12)}..., the sweep ` +
          `started with ${
            sha256.slice(0, 12)
          }...); restore it, or resume with --allow-script-drift`,
      );
    }
    this.#texts.set(key, text);
    return text;
  }
}

class RunLog {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(`${new Date().toISOString()} INFO ${message}`);
  }
  error(message: string): void {
    this.lines.push(`${new Date().toISOString()} ERROR ${message}`);
  }
}

/** Empty a directory's contents (a retried run starts clean, so stale outputs never mix in). */
function emptyDir(dir: string): void {
  for (const entry of Deno.readDirSync(dir)) {
    Deno.removeSync(join(dir, entry.name), { recursive: true });
  }
}

/**
 * Run one job and describe what happened.
 *
 * @param job The job.
 * @param cache Script texts already read by this process.
 * @returns The outcome (never throws).
 */
export async function runOne(
  job: RunJob,
  cache: ScriptCache = new ScriptCache(),
  signal?: AbortSignal,
): Promise<RunOutcome> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const log = new RunLog();
  const logPath = join(job.runDir, "worker.log");
  const base = {
    runId: job.spec.runId,
    extraOutputs: {},
    postprocessStatus: "none" as const,
    startedAt,
    attempt: job.attempt,
  };
  let outcome: RunOutcome;
  try {
    // Synchronous file calls throughout: this runs on a worker's dedicated engine thread, where
    // an async call only adds a thread-pool round trip per file.
    // Every run starts from an empty directory: a retry, or a run re-done after a crash, never
    // mixes with what an earlier attempt left behind.
    Deno.mkdirSync(job.runDir, { recursive: true });
    emptyDir(job.runDir);
    log.info(`run_id=${job.spec.runId} attempt=${job.attempt} script=${job.scriptPath}`);
    log.info(`overrides=${JSON.stringify(job.spec.overrides)} seed=${job.spec.seed}`);
    const overrides = job.spec.overrides as Record<string, OverrideValue>;
    let outputs: readonly RunOutput[];
    if (job.engine.kind === "builtin") {
      outputs = await runBuiltin(
        job,
        cache.script(job.scriptPath, job.scriptSha256),
        overrides,
        log,
        cache.physics,
        signal,
      );
    } else {
      const text = cache.text(job.scriptPath, job.scriptSha256);
      outputs = await runGmat(job, text, overrides, log, cache, signal);
    }
    const paths = await writeRunOutputs(outputs, job.runDir);
    for (const [key, path] of Object.entries(paths)) log.info(`wrote ${key} -> ${path}`);
    const durationS = (performance.now() - t0) / 1000;
    log.info(`status=ok duration_s=${durationS.toFixed(6)}`);
    outcome = {
      ...base,
      status: "ok",
      outputPaths: paths,
      endedAt: new Date().toISOString(),
      durationS,
      stderr: null,
      logPath,
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.error(`status=failed ${message}`);
    // A full disk or a denied write is not the run's failure: the driver stops the sweep.
    const storage = storageCodeOf(e);
    outcome = {
      ...base,
      status: "failed",
      outputPaths: {},
      endedAt: new Date().toISOString(),
      durationS: (performance.now() - t0) / 1000,
      stderr: message,
      logPath,
      ...(storage === undefined ? {} : { storageError: message }),
    };
  }
  try {
    Deno.writeTextFileSync(logPath, log.lines.join("\n") + "\n", { append: true });
  } catch {
    outcome = { ...outcome, logPath: null };
  }
  return outcome;
}

/** Built-in engine: outputs are redirected into the run directory like the GmatConsole path. */
async function runBuiltin(
  job: RunJob,
  script: CachedScript,
  overrides: Record<string, OverrideValue>,
  log: RunLog,
  physics: PhysicsData,
  signal?: AbortSignal,
): Promise<readonly RunOutput[]> {
  const runScript = join(job.runDir, basename(job.scriptPath));
  const redirect: Record<string, OverrideValue> = {};
  const planned = planOutputFiles(script.outputs, job.runDir, [basename(runScript), "worker.log"]);
  for (const out of planned) redirect[`${out.name}.Filename`] = out.path;
  const runText = script.insert({ ...overrides, ...redirect });
  Deno.writeTextFileSync(runScript, runText);
  const result = await runScriptText(runText, runScript, {
    outputDir: job.runDir,
    scriptDir: job.runDir,
    // Includes and data files named relative to the script are found beside the original.
    sourceDir: dirname(resolve(job.scriptPath)),
    physics,
    signal,
  });
  for (const w of result.warnings) log.info(`engine: ${w}`);
  log.info(
    `engine: builtin, ${result.counters.steps} steps, ${result.counters.forceEvaluations} force evaluations`,
  );
  // Reports are read as with real GMAT: free text kept as text, headerless ones by their Add list.
  const byName = new Map(planned.map((p) => [p.name, p]));
  return result.outputs.map((o): RunOutput => {
    const p = o.kind === "report" ? byName.get(o.name) : undefined;
    if (p?.freeText) return { ...o, kind: "text", format: "Text" };
    if (p?.headers === false) return { ...o, columns: p.columns ?? [] };
    return o;
  });
}

async function runGmat(
  job: RunJob,
  text: string,
  overrides: Record<string, OverrideValue>,
  log: RunLog,
  cache: ScriptCache,
  signal?: AbortSignal,
): Promise<readonly RunOutput[]> {
  if (job.engine.kind !== "gmat") throw new Error("not a GMAT job");
  const mode = job.engine.console ?? "interactive";
  const install = await cache.install(job.engine.root);
  const prepared = await prepareGmatRun(install, {
    scriptText: text,
    scriptFile: job.scriptPath,
    overrides,
    runDir: job.runDir,
    mode,
  });
  for (const input of prepared.inputs) {
    log.info(`input ${input.field} = '${input.written}' -> ${input.path}`);
  }
  // GmatConsole runs in a process group of its own: it is given the run's timeout (so it is
  // killed cleanly here, before the pool's harder kill of this worker) and the abort signal.
  const options = { timeoutMs: job.timeoutMs ?? undefined, signal };
  let result;
  if (mode === "interactive") {
    const session = cache.session(install, job.engine.restartEvery);
    result = await session.run(prepared, options);
    log.info(
      `gmat: interactive console pgid=${session.pgid ?? "none"} starts=${session.starts} ` +
        `restarts=${JSON.stringify(session.restarts)}`,
    );
  } else {
    result = await runGmatConsole(install, prepared, options);
    log.info("gmat: process-per-run console");
  }
  if (result.logText) log.info(`--- GMAT engine log ---\n${result.logText}`);
  if (!result.ok) throw new Error(`GmatConsole failed: ${result.reason}`);
  return result.outputs;
}
