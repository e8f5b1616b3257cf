/**
 * Preparing one GmatConsole run in its own directory: the script with the overrides and an
 * absolute `Filename` for every output, and a startup file whose OUTPUT_PATH and LOG_FILE point
 * into the run directory.
 *
 * @module
 */

import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import type { RunOutput } from "../formats/mod.ts";
import { insertOverrides, type OverrideValue, parseScript } from "../script/mod.ts";
import {
  type DiscoveredOutput,
  type DiscoveredSolverLog,
  discoverOutputs,
  discoverSolverLogs,
} from "./discover_outputs.ts";
import { type ResolvedInputFile, resolveInputFiles } from "./input_files.ts";
import { GmatRunDirError } from "./errors.ts";
import type { GmatInstall } from "./install.ts";
import { renderRunStartupFile } from "./startup_file.ts";

/** Name of the per-run startup file inside the run directory. */
export const RUN_STARTUP_FILE = "gmat_startup_file.txt";
/** Name of the per-run log file inside the run directory. */
export const RUN_LOG_FILE = "GmatLog.txt";

/** An output placed in the run directory. */
export interface PlannedGmatOutput extends Omit<DiscoveredOutput, "path"> {
  /** The effective Filename the script gave (see {@link DiscoveredOutput.path}). */
  readonly filename: string;
  /** The absolute path in the run directory the script now names. */
  readonly path: string;
}

/**
 * Place outputs in a run directory: each keeps the basename of its Filename (`/` and `\` both
 * separate, absolute or relative alike). A basename already taken (case-insensitively, by an
 * earlier output or a reserved name) is prefixed with the resource name: `RF2_out.txt`.
 *
 * @param outputs The discovered outputs.
 * @param runDir The run directory (made absolute).
 * @param reserved File names the outputs must not take (the script copy, startup and log files).
 * @returns The outputs with their absolute paths, in the same order.
 *
 * @example
 * ```ts
 * import { discoverOutputs, planOutputFiles } from "./mod.ts";
 * const outputs = discoverOutputs("Create ReportFile RF\nRF.Filename = './out/r.txt'\n", "a.script");
 * console.log(planOutputFiles(outputs, "/runs/0")[0].path); // /runs/0/r.txt
 * ```
 */
export function planOutputFiles(
  outputs: readonly DiscoveredOutput[],
  runDir: string,
  reserved: readonly string[] = [],
): PlannedGmatOutput[] {
  const dir = resolve(runDir);
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  return outputs.map(({ path: filename, ...rest }) => {
    let base = filename.split(/[\\/]/).pop() || `${rest.name}.txt`;
    if (taken.has(base.toLowerCase())) {
      let i = 1;
      let candidate = `${rest.name}_${base}`;
      while (taken.has(candidate.toLowerCase())) candidate = `${rest.name}_${++i}_${base}`;
      base = candidate;
    }
    taken.add(base.toLowerCase());
    return { ...rest, filename, path: join(dir, base) };
  });
}

/** A solver log placed in the run directory. */
export interface PlannedSolverLog extends Omit<DiscoveredSolverLog, "path"> {
  /** The effective file name the script gave (see {@link DiscoveredSolverLog.path}). */
  readonly filename: string;
  /** The absolute path in the run directory the script now names. */
  readonly path: string;
}

/**
 * Place solver logs in a run directory like {@link planOutputFiles} places outputs: each keeps
 * the basename of its file name; a taken name is prefixed with the solver's name.
 *
 * @param logs The discovered solver logs.
 * @param runDir The run directory (made absolute).
 * @param reserved File names the logs must not take.
 * @returns The logs with their absolute paths, in the same order.
 */
export function planSolverLogs(
  logs: readonly DiscoveredSolverLog[],
  runDir: string,
  reserved: readonly string[] = [],
): PlannedSolverLog[] {
  const dir = resolve(runDir);
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  return logs.map(({ path: filename, ...rest }) => {
    let base = filename.split(/[\\/]/).pop() || `${rest.type}${rest.name}.data`;
    if (taken.has(base.toLowerCase())) base = `${rest.name}_${base}`;
    taken.add(base.toLowerCase());
    return { ...rest, filename, path: join(dir, base) };
  });
}

/**
 * The RunOutput-shaped entries (rows 0) of the outputs gmat-sweep can read: ReportFiles (with
 * their `Add` columns when written without a header; free-text ones as `text`), text
 * ephemerides, contact reports, and DifferentialCorrector and Yukon logs (`solver`).
 */
export function expectedEngineOutputs(
  planned: readonly PlannedGmatOutput[],
  solvers: readonly PlannedSolverLog[] = [],
): RunOutput[] {
  const out: RunOutput[] = [];
  for (const p of planned) {
    if (!p.enabled) continue;
    if (p.kind === "report" && p.format === "ReportFile") {
      const base = { name: p.name, path: p.path, rows: 0 };
      if (p.freeText) out.push({ ...base, kind: "text", format: "Text" });
      else if (p.headers === false) {
        out.push({ ...base, kind: "report", format: "ReportFile", columns: p.columns ?? [] });
      } else out.push({ ...base, kind: "report", format: "ReportFile" });
    } else if (
      p.kind === "ephemeris" && (p.format === "CCSDS-OEM" || p.format === "STK-TimePosVel")
    ) {
      out.push({ kind: "ephemeris", name: p.name, path: p.path, format: p.format, rows: 0 });
    } else if (p.kind === "contact") {
      out.push({ kind: "contact", name: p.name, path: p.path, format: "ContactLocator", rows: 0 });
    }
    // EclipseLocator files are placed in the run directory but not reported (no parser yet).
  }
  for (const sv of solvers) {
    if (!sv.enabled) continue;
    if (sv.type !== "DifferentialCorrector" && sv.type !== "Yukon") continue;
    // Other optimizers' logs (fmincon, SNOPT, VF13ad) stay in the run directory; no reader yet.
    out.push({ kind: "solver", name: sv.name, path: sv.path, format: sv.type, rows: 0 });
  }
  return out;
}

/** Options of {@link prepareGmatRun}. */
export interface PrepareGmatRunOptions {
  /** The script text (as read from `scriptFile`). */
  readonly scriptText: string;
  /** Where the script came from: parse errors name it, relative `#Include`s resolve from it. */
  readonly scriptFile: string;
  /** Field path to value, inserted before `BeginMissionSequence`. @default {{}} */
  readonly overrides?: Readonly<Record<string, OverrideValue>>;
  /** The run directory (created when missing). */
  readonly runDir: string;
  /**
   * How GmatConsole runs it: `process-per-run` (`--startup_file`, `--logfile`, `--run`; a
   * per-run startup file is written) or `interactive` (a long-lived console reads the script
   * path; GMAT ignores startup and log files there, so none is written and the run directory
   * path must be one whitespace-free token). @default {"process-per-run"}
   */
  readonly mode?: GmatConsoleMode;
}

/** How GmatConsole runs a sweep's scripts. */
export type GmatConsoleMode = "interactive" | "process-per-run";

/** A run ready for {@link runGmatConsole}. Every path is absolute. */
export interface PreparedGmatRun {
  /** The run directory; also GmatConsole's working directory and OUTPUT_PATH. */
  readonly runDir: string;
  /** `<runDir>/<script basename>`: the rewritten script. */
  readonly scriptPath: string;
  /** How GmatConsole runs it. */
  readonly mode: GmatConsoleMode;
  /** `<runDir>/gmat_startup_file.txt` (written in `process-per-run` mode only). */
  readonly startupPath: string;
  /** `<runDir>/GmatLog.txt`. */
  readonly logPath: string;
  /** The report, text ephemeris and contact files expected, RunOutput-shaped, `rows` 0. */
  readonly outputs: readonly RunOutput[];
  /** Every discovered output (locators, SPK, Code-500 and disabled ones too) with its path. */
  readonly files: readonly PlannedGmatOutput[];
  /** Every solver log the script's solvers write, with its path in the run directory. */
  readonly solverLogs: readonly PlannedSolverLog[];
  /** Input files whose names were made absolute (field, as written, absolute path). */
  readonly inputs: readonly ResolvedInputFile[];
}

/** The longest script path GmatConsole's interactive prompt reads (`char scriptfile[1024]`). */
const MAX_INTERACTIVE_PATH = 1023;

function checkInteractivePath(runDir: string, scriptPath: string): void {
  // GmatConsole reads the path with `std::cin >> scriptfile`: one whitespace-free token.
  if (/\s/.test(scriptPath)) {
    throw new GmatRunDirError(
      runDir,
      "it holds whitespace, and an interactive GmatConsole reads a script path up to the " +
        "first blank (use --process-per-run, or a path without blanks)",
    );
  }
  if (scriptPath.length > MAX_INTERACTIVE_PATH) {
    throw new GmatRunDirError(
      runDir,
      `the script path is ${scriptPath.length} characters, more than the ` +
        `${MAX_INTERACTIVE_PATH} an interactive GmatConsole reads (use --process-per-run)`,
    );
  }
}

function checkRunDir(runDir: string, scriptName: string): void {
  // The run directory goes into script strings (Filename) and startup-file values.
  if (/[^\x20-\x7e]/.test(runDir)) {
    throw new GmatRunDirError(runDir, "it holds a non-ASCII or control character");
  }
  // ' and % cannot go in a GMAT string; = splits a startup-file line (KEY = VALUE).
  if (/['%=]/.test(runDir)) throw new GmatRunDirError(runDir, "it holds ', % or =");
  // GmatConsole strips single quotes from the script path it is given.
  if (scriptName.includes("'")) {
    throw new GmatRunDirError(runDir, `the script name ${scriptName} holds '`);
  }
}

/** Make relative `#Include 'file'` paths absolute when the file exists next to the script. */
async function absoluteIncludes(text: string, scriptFile: string): Promise<string> {
  const script = parseScript(text, { file: scriptFile });
  const includes = script.resources.filter((s) => s.kind === "include");
  if (includes.length === 0) return text;
  const lines = text.split(/(?<=\n)/);
  const from = dirname(resolve(scriptFile));
  for (const inc of includes) {
    if (inc.kind !== "include" || isAbsolute(inc.file)) continue;
    const target = resolve(from, inc.file);
    if (/[^\x20-\x7e]|'/.test(target)) continue;
    try {
      await Deno.stat(target);
    } catch {
      continue; // left for GMAT to find (e.g. on GMAT_INCLUDE_PATH)
    }
    const i = inc.pos.line - 1;
    lines[i] = lines[i].replace(/(['"])([^'"]*)\1/, `'${target}'`);
  }
  return lines.join("");
}

/**
 * Write a run directory for GmatConsole.
 *
 * `<runDir>/<script basename>` is the script with, just before `BeginMissionSequence` (one
 * {@link insertOverrides} block), the overrides and then `GMAT <Output>.Filename = '<abs>';` for
 * every discovered output (placed by {@link planOutputFiles}); relative `#Include` paths that
 * exist next to the original script are made absolute. `<runDir>/gmat_startup_file.txt` is the
 * install's startup file with relative paths made absolute against its bin directory and
 * OUTPUT_PATH/LOG_FILE in the run directory.
 *
 * @param install The GMAT install.
 * @param options Script text and file, overrides, run directory.
 * @returns Paths of the written files and the expected outputs.
 * @throws {ScriptError} When the script does not parse or an override is invalid.
 * @throws {GmatRunDirError} `GMAT_RUN_DIR` when the run directory path cannot go in a script.
 *
 * @example
 * ```ts ignore
 * import { locateGmat, prepareGmatRun, runGmatConsole } from "./mod.ts";
 * const install = await locateGmat();
 * const prepared = await prepareGmatRun(install, {
 *   scriptText: await Deno.readTextFile("leo.script"),
 *   scriptFile: "leo.script",
 *   overrides: { "Sat.SMA": 7100 },
 *   runDir: "/tmp/run-0",
 * });
 * const result = await runGmatConsole(install, prepared, { timeoutMs: 60_000 });
 * ```
 */
export async function prepareGmatRun(
  install: GmatInstall,
  options: PrepareGmatRunOptions,
): Promise<PreparedGmatRun> {
  const runDir = resolve(options.runDir);
  const overrides = options.overrides ?? {};
  const scriptName = basename(options.scriptFile.replace(/\\/g, "/"));
  const scriptPath = join(runDir, scriptName);
  const startupPath = join(runDir, RUN_STARTUP_FILE);
  const logPath = join(runDir, RUN_LOG_FILE);
  const mode = options.mode ?? "process-per-run";
  checkRunDir(runDir, scriptName);
  if (mode === "interactive") checkInteractivePath(runDir, scriptPath);

  const withOverrides = insertOverrides(options.scriptText, overrides, {
    file: options.scriptFile,
  });
  const discovered = discoverOutputs(withOverrides, options.scriptFile);
  const reserved = [scriptName, RUN_STARTUP_FILE, RUN_LOG_FILE];
  const files = planOutputFiles(discovered, runDir, reserved);
  const solverLogs = planSolverLogs(
    discoverSolverLogs(withOverrides, options.scriptFile),
    runDir,
    [...reserved, ...files.map((f) => basename(f.path))],
  );
  const startupText = await Deno.readTextFile(install.startupFile);
  const inputs = await resolveInputFiles(withOverrides, {
    scriptFile: options.scriptFile,
    binDir: install.binDir,
    startupText,
  });
  const redirects: Record<string, OverrideValue> = {};
  for (const input of inputs) redirects[input.field] = input.path;
  for (const f of files) redirects[`${f.name}.Filename`] = f.path;
  for (const sv of solverLogs) redirects[`${sv.name}.ReportFile`] = sv.path;

  const base = await absoluteIncludes(options.scriptText, options.scriptFile);
  const runText = insertOverrides(base, { ...overrides, ...redirects }, {
    file: options.scriptFile,
    banner: "% --- overrides, input and output paths inserted by gmat-sweep ---",
  });

  await Deno.mkdir(runDir, { recursive: true });
  await Deno.writeTextFile(scriptPath, runText);
  if (mode === "process-per-run") {
    await Deno.writeTextFile(
      startupPath,
      renderRunStartupFile(startupText, {
        binDir: install.binDir,
        outputDir: runDir,
        logFile: logPath,
        source: install.startupFile,
      }),
    );
  }
  return {
    mode,
    runDir,
    scriptPath,
    startupPath,
    logPath,
    outputs: expectedEngineOutputs(files, solverLogs),
    files,
    solverLogs,
    inputs,
  };
}
