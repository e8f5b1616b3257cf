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
 * @module
 */

import { dirname, isAbsolute, join, resolve } from "node:path";
import { ScriptError } from "../script/errors.ts";
import { BUILTIN_ENGINE_VERSION, EngineRunError, runScriptText } from "./run_script.ts";

/** Where console text goes. */
export interface ConsoleIo {
  /** Print one line to standard output. */
  readonly print: (line: string) => void;
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

/**
 * Run the console with GmatConsole's arguments.
 *
 * @param args Command-line arguments (without the program name).
 * @param io Output sink and bin directory.
 * @returns The process exit code (0 or 1).
 */
export async function runConsole(args: readonly string[], io: ConsoleIo): Promise<number> {
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
    const startup = startupFile ?? join(io.binDir, "gmat_startup_file.txt");
    const text = await Deno.readTextFile(startup).catch((e) => {
      if (startupFile !== undefined) throw e;
      return "";
    });
    paths = readStartupFile(text, startupFile ? dirname(resolve(startupFile)) : io.binDir);
  } catch (e) {
    io.print(`Moderator failed to initialize!  Unable to run GmatConsole. (${e})`);
    return 1;
  }
  const logPath = logArg === undefined
    ? paths.logFile
    : (isAbsolute(logArg) || /[\\/]/.test(logArg)
      ? resolve(logArg)
      : join(dirname(paths.logFile), logArg));
  const logLines: string[] = [
    `GMAT Build Date: ${BUILTIN_ENGINE_VERSION}`,
    "",
    `GMAT Log file set to ${logPath}`,
    "The log file mode is create",
  ];
  const say = (line: string) => {
    if (verbose) io.print(line);
    logLines.push(line);
  };
  const flushLog = async () => {
    try {
      await Deno.mkdir(dirname(logPath), { recursive: true });
      await Deno.writeTextFile(logPath, logLines.join("\n") + "\n");
    } catch {
      io.print(`*** WARNING *** cannot write the log file ${logPath}`);
    }
  };

  const scriptPath = resolve(script);
  let text: string;
  try {
    text = await Deno.readTextFile(scriptPath);
  } catch {
    say(`Script file ${script} does not exist`);
    await flushLog();
    return 0;
  }
  const t0 = performance.now();
  say(`Interpreting script ${scriptPath}`);
  try {
    await Deno.mkdir(paths.outputPath, { recursive: true });
    const result = await runScriptText(text, scriptPath, { outputDir: paths.outputPath });
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
    say("Mission run completed.");
    say(`===> Total Run Time: ${((performance.now() - t0) / 1000).toFixed(6)} seconds`);
    await flushLog();
    return 0;
  } catch (e) {
    if (e instanceof ScriptError) {
      const pos = e.pos;
      const lineText = pos ? text.split(/\r\n|\r|\n/)[pos.line - 1] ?? "" : "";
      say(
        `${scriptPath}: **** ERROR **** Interpreter Exception: ${e.detail}` +
          (pos ? ` in line:\n   "${pos.line}: ${lineText.trim()}"` : ""),
      );
      say(`[${e.code}] ${e.message}`);
      say("***Could not read script.***");
      say(`ERROR!!!!!! ---- Errors were found in the script named "${scriptPath}"`);
      say("EXITing GmatConsole with exit code 1");
    } else if (e instanceof EngineRunError) {
      say(e.message);
      say("*** Mission run failed.");
    } else {
      say(`**** ERROR **** ${e instanceof Error ? e.stack ?? e.message : e}`);
      say("*** Mission run failed.");
    }
    await flushLog();
    return 1;
  }
}
