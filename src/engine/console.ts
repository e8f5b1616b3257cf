/**
 * A GmatConsole-compatible command line over the built-in engine, so that a directory laid out
 * like a GMAT install with this as `bin/GmatConsole` behaves like one.
 *
 * Accepted: `--run/-r FILE` or a bare script path, `--logfile/-l FILE`, `--startup_file/-s FILE`
 * (its OUTPUT_PATH and LOG_FILE are honoured, with `*_PATH` prefixes and paths starting with `.`
 * taken relative to the bin directory), `--help/-h`, `--version/-v`, `--verbose on|off`, and the
 * options GmatConsole ignores (`--minimize/-m`, `--exit/-x`, `--start-server`).
 *
 * Like GmatConsole R2026a: exit 0 and `Mission run completed.` on success; exit 1 with
 * `**** ERROR ****` lines when the script cannot be read or the mission fails; and, faithfully
 * to GMAT's gotcha, exit 0 without `Mission run completed.` when the script file does not exist.
 * Every console line is also appended to the log file.
 *
 * With no arguments it is GmatConsole's interactive mode, imitated as measured on R2026a
 * (`../shared/design/gmat-real-console.md`): the engine starts once, then the prompt
 * `Enter a script file, q to quit, or an option:  ` (two trailing spaces, no newline) reads one
 * whitespace-separated token at a time from standard input (GMAT reads `std::cin >> scriptfile`):
 * a script path runs it (`Interpreting scripts from the file.`, `***** file: <path>`, ...,
 * `Mission run completed.`, `===> Total Run Time`, a line of `=`, the `*** GMAT Integration test
 * (Console version) successful! ***` line) and prompts again; `q`, `Q`, `--exit` and `-x` quit
 * (exit 0); a missing script prints `Script file X does not exist` and prompts again; a script
 * that fails ends the process with exit code 1 after `ERROR!!!!!! ---- Console Application
 * Execution Failed: ...`, like GMAT. `--logfile` and `--startup_file` are ignored there: the
 * startup file is `bin/gmat_startup_file.txt` and the log its LOG_FILE (created at start).
 *
 * @module
 */

import { dirname, isAbsolute, join, resolve } from "node:path";
import { ScriptError } from "../script/errors.ts";
import { BUILTIN_ENGINE_VERSION, EngineRunError, runScriptText } from "./run_script.ts";

/** Where console text goes. */
export interface ConsoleIo {
  /** Print one line to standard output. */
  readonly print: (line: string) => void;
  /** Write text without a line ending (the interactive prompt). @default {print} */
  readonly write?: (text: string) => void | Promise<void>;
  /** Standard input, read in interactive mode (no arguments); without it no arguments shows help. */
  readonly input?: ReadableStream<Uint8Array>;
  /** The directory GmatConsole lives in (bin/); relative startup paths resolve against it. */
  readonly binDir: string;
}

const HELP = `Usage: GmatConsole [option <string>] [ScriptFileName]
  (gmat-sweep built-in engine, GmatConsole-compatible)
Options:
  --help, -h                    Shows this help
  --version, -v                 Shows the engine version
  --run, -r <filename>          Runs the script once, then exits
  --logfile, -l <filename>      Writes the log to this file
  --startup_file, -s <filename> Reads OUTPUT_PATH and LOG_FILE from this startup file
  --verbose <on|off>            Echoes progress messages (default on)
  --minimize, -m, --exit, -x, --start-server   Accepted and ignored
Example:
  GmatConsole --startup_file run/startup.txt --logfile run/GmatLog.txt --run mission.script`;

interface StartupPaths {
  outputPath: string;
  logFile: string;
}

/** Read OUTPUT_PATH and LOG_FILE from a GMAT startup file. */
export function readStartupFile(text: string, binDir: string): StartupPaths {
  const values = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /^([A-Z0-9_]+)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2].trim();
    // Expand a leading *_PATH key used as a prefix (e.g. OUTPUT_PATH/GmatLog.txt).
    const prefix = /^([A-Z0-9_]+_PATH)(\/|\\)?(.*)$/.exec(value);
    if (prefix && values.has(prefix[1])) value = join(values.get(prefix[1])!, prefix[3]);
    else if (value.startsWith(".")) value = resolve(binDir, value);
    values.set(m[1], value);
  }
  const outputPath = values.get("OUTPUT_PATH") ?? resolve(binDir, "../output");
  const logFile = values.get("LOG_FILE") ?? join(outputPath, "GmatLog.txt");
  return { outputPath, logFile };
}

/** GmatConsole's interactive prompt (two trailing spaces, no newline). */
export const INTERACTIVE_PROMPT = "Enter a script file, q to quit, or an option:  ";
/** The line GmatConsole prints after each script that ran to the end. */
export const CONSOLE_SUCCESS_LINE = "*** GMAT Integration test (Console version) successful! ***";

/** How one script ended. */
type ScriptVerdict = "ok" | "missing" | "script-error" | "run-error";

/** Runs scripts the way GmatConsole's RunScriptInterpreter does, printing what GMAT prints. */
class ScriptRunner {
  constructor(
    readonly say: (line: string) => void,
    readonly outputPath: string,
  ) {}

  async run(script: string): Promise<ScriptVerdict> {
    const say = this.say;
    const scriptPath = resolve(script);
    let text: string;
    try {
      text = await Deno.readTextFile(scriptPath);
    } catch {
      say(`Script file ${script} does not exist`);
      return "missing";
    }
    const t0 = performance.now();
    say("");
    say("Interpreting scripts from the file.");
    say(`***** file: ${script}`);
    try {
      await Deno.mkdir(this.outputPath, { recursive: true });
      const result = await runScriptText(text, scriptPath, { outputDir: this.outputPath });
      for (const w of result.warnings) say(w);
      say("Successfully interpreted the script");
      say("Running mission...");
      for (const o of result.outputs) {
        say(
          `${
            o.kind === "report" ? "ReportFile" : "EphemerisFile"
          } ${o.name}: ${o.path} (${o.rows} rows)`,
        );
      }
      say("");
      say("Mission run completed.");
      say(`===> Total Run Time: ${((performance.now() - t0) / 1000).toFixed(6)} seconds`);
      return "ok";
    } catch (e) {
      if (e instanceof ScriptError) {
        const pos = e.pos;
        const lineText = pos ? text.split(/\r\n|\r|\n/)[pos.line - 1] ?? "" : "";
        say(
          `${scriptPath}: **** ERROR **** Interpreter Exception: ${e.detail}` +
            (pos ? ` in line:\n   "${pos.line}: ${lineText.trim()}"` : ""),
        );
        say(`[${e.code}] ${e.message}`);
        return "script-error";
      }
      if (e instanceof EngineRunError) {
        say(e.message);
      } else {
        say(`**** ERROR **** ${e instanceof Error ? e.stack ?? e.message : e}`);
      }
      say("*** Mission run failed.");
      return "run-error";
    }
  }
}

/** A log file written line by line as GMAT's console receiver does (create, then append). */
class ConsoleLog {
  readonly #lines: string[];
  #written = 0;
  #failed = false;

  constructor(readonly path: string, readonly io: ConsoleIo) {
    this.#lines = [
      `GMAT Build Date: ${BUILTIN_ENGINE_VERSION}`,
      "",
      `GMAT Log file set to ${path}`,
      "The log file mode is create",
    ];
  }

  push(line: string): void {
    this.#lines.push(line);
  }

  async flush(): Promise<void> {
    if (this.#failed) return;
    try {
      const fresh = this.#written === 0;
      if (fresh) await Deno.mkdir(dirname(this.path), { recursive: true });
      const text = this.#lines.slice(this.#written).join("\n");
      if (text === "" && !fresh) return;
      await Deno.writeTextFile(this.path, text + "\n", { append: !fresh });
      this.#written = this.#lines.length;
    } catch {
      this.#failed = true;
      this.io.print(`*** WARNING *** cannot write the log file ${this.path}`);
    }
  }
}

/** Whitespace-separated tokens of a byte stream, as `std::cin >> word` reads them. */
async function* tokens(input: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of input) {
    buffer += decoder.decode(chunk, { stream: true });
    const parts = buffer.split(/\s+/);
    buffer = parts.pop() ?? "";
    for (const p of parts) if (p !== "") yield p;
  }
  buffer += decoder.decode();
  for (const p of buffer.split(/\s+/)) if (p !== "") yield p;
}

async function startupPaths(io: ConsoleIo, startupFile: string | undefined): Promise<StartupPaths> {
  const startup = startupFile ?? join(io.binDir, "gmat_startup_file.txt");
  const text = await Deno.readTextFile(startup).catch((e) => {
    if (startupFile !== undefined) throw e;
    return "";
  });
  return readStartupFile(text, startupFile ? dirname(resolve(startupFile)) : io.binDir);
}

/**
 * GmatConsole's interactive mode: start once, then run scripts named on standard input until
 * `q` (exit 0), the end of input (exit 0) or a failed script (exit 1).
 */
async function interactive(io: ConsoleIo, input: ReadableStream<Uint8Array>): Promise<number> {
  const write = io.write ?? io.print;
  io.print("");
  io.print("********************************************");
  io.print("***  GMAT Console Application");
  io.print("********************************************");
  io.print("");
  io.print("General Mission Analysis Tool");
  io.print("Console Based Version");
  io.print(`Build Date: ${BUILTIN_ENGINE_VERSION}`);
  io.print("");
  io.print("");
  let paths: StartupPaths;
  try {
    paths = await startupPaths(io, undefined);
  } catch (e) {
    io.print(`Moderator failed to initialize!  Unable to run GmatConsole. (${e})`);
    return 1;
  }
  const log = new ConsoleLog(paths.logFile, io);
  let verbose = true;
  const say = (line: string) => {
    if (verbose) io.print(line);
    log.push(line);
  };
  say("Moderator is updating data files...");
  say("Moderator is creating core engine...");
  say("GMAT Moderator successfully created core engine");
  await log.flush();
  const runner = new ScriptRunner(say, paths.outputPath);
  let ignoreNext = false;
  let settingVerbose = false;
  await write(INTERACTIVE_PROMPT);
  for await (const token of tokens(input)) {
    if (["q", "Q", "--exit", "-x"].includes(token)) return 0;
    if (token.startsWith("-")) {
      if (token === "--help" || token === "-h") io.print(HELP);
      else if (token === "--logfile" || token === "-l") {
        io.print("\n--logfile option ignored in interactive mode\n ");
        ignoreNext = true;
      } else if (token === "--startup_file" || token === "-s") {
        io.print("\n--startup_file option ignored in interactive mode\n ");
        ignoreNext = true;
      } else if (token === "--version" || token === "-v") {
        io.print(`\n\nBuild Date: ${BUILTIN_ENGINE_VERSION}\n`);
      } else if (token === "--verbose") settingVerbose = true;
      else if (!["--run", "-r", "--args", "--minimize", "-m"].includes(token)) {
        io.print(`Unrecognized option.\n\n${HELP}`);
      }
    } else if (ignoreNext) {
      ignoreNext = false;
    } else if (settingVerbose) {
      if (token === "off") verbose = false;
      else if (token === "on") verbose = true;
      io.print(`Verbose mode is ${verbose ? "on" : "off"}`);
      settingVerbose = false;
    } else {
      const script = token.replace(/'/g, "");
      const verdict = await runner.run(script);
      if (verdict === "ok") {
        say("");
        say("=".repeat(40));
        io.print("");
        io.print("");
        io.print(CONSOLE_SUCCESS_LINE);
        io.print("");
      } else if (verdict !== "missing") {
        const why = verdict === "script-error"
          ? `Errors were found in the script named "${script}"`
          : "Moderator::RunMission failed";
        if (verdict === "script-error") say("***Could not read script.***");
        say(`ERROR!!!!!! ---- Console Application Execution Failed: ${why}`);
        say("EXITing GmatConsole with exit code 1");
        await log.flush();
        return 1;
      }
      await log.flush();
    }
    await write(INTERACTIVE_PROMPT);
  }
  await log.flush();
  return 0;
}

/**
 * Run the console with GmatConsole's arguments; with none (and an input stream), its
 * interactive mode.
 *
 * @param args Command-line arguments (without the program name).
 * @param io Output sink, bin directory and, for interactive mode, standard input.
 * @returns The process exit code (0 or 1).
 */
export async function runConsole(args: readonly string[], io: ConsoleIo): Promise<number> {
  if (args.length === 0 && io.input !== undefined) return await interactive(io, io.input);
  let script: string | undefined;
  let logArg: string | undefined;
  let startupFile: string | undefined;
  let verbose = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => args[++i];
    switch (a) {
      case "--help":
      case "-h":
        io.print(HELP);
        return 0;
      case "--version":
      case "-v":
        io.print(`Build Date: ${BUILTIN_ENGINE_VERSION}`);
        return 0;
      case "--run":
      case "-r":
        script = next();
        break;
      case "--logfile":
      case "-l":
        logArg = next();
        break;
      case "--startup_file":
      case "-s":
        startupFile = next();
        break;
      case "--verbose":
        verbose = (next() ?? "on").toLowerCase() !== "off";
        break;
      case "--minimize":
      case "-m":
      case "--exit":
      case "-x":
      case "--start-server":
        break;
      case "--batch":
      case "-b":
        io.print(
          "The --batch option is not supported by the built-in engine; run scripts one by one",
        );
        return 1;
      default:
        if (a.startsWith("-")) {
          io.print(`Unrecognized option ${a}\n${HELP}`);
          return 0;
        }
        script = a;
    }
  }
  if (script === undefined) {
    io.print(HELP);
    return 0;
  }
  script = script.replace(/'/g, "");

  let paths: StartupPaths;
  try {
    paths = await startupPaths(io, startupFile);
  } catch (e) {
    io.print(`Moderator failed to initialize!  Unable to run GmatConsole. (${e})`);
    return 1;
  }
  const logPath = logArg === undefined
    ? paths.logFile
    : (isAbsolute(logArg) || /[\\/]/.test(logArg)
      ? resolve(logArg)
      : join(dirname(paths.logFile), logArg));
  const log = new ConsoleLog(logPath, io);
  const say = (line: string) => {
    if (verbose) io.print(line);
    log.push(line);
  };
  const verdict = await new ScriptRunner(say, paths.outputPath).run(script);
  if (verdict === "script-error") {
    say("***Could not read script.***");
    say(`ERROR!!!!!! ---- Errors were found in the script named "${resolve(script)}"`);
    say("EXITing GmatConsole with exit code 1");
  }
  await log.flush();
  return verdict === "ok" || verdict === "missing" ? 0 : 1;
}
