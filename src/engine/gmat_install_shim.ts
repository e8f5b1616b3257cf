/**
 * A directory laid out like a GMAT install whose `bin/GmatConsole` runs gmat-sweep's built-in
 * engine (its GmatConsole-compatible console, through `console_main.ts`, interactive mode
 * included). Useful to exercise the GmatConsole driver (`src/gmat/`) without GMAT, in tests,
 * benchmarks and demos. POSIX only (`bin/GmatConsole` is a bash script). It lives with the
 * engine because it runs the engine; the driver never imports it.
 *
 * Layout: `README.txt` (`(GMAT) Version <version>`), `bin/GmatConsole`,
 * `bin/gmat_startup_file.txt` (stock style: `ROOT_PATH = ../`, `OUTPUT_PATH = ../output/`,
 * `LOG_FILE = OUTPUT_PATH/GmatLog.txt`, `DATA_PATH = ROOT_PATH/data/`, PLUGIN lines), `data/`,
 * `output/`, `plugins/`.
 *
 * @module
 */

import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Options of {@link makeGmatInstall}. */
export interface MakeGmatInstallOptions {
  /** Release named in README.txt; null writes no README. @default {"R2026a"} */
  readonly version?: string | null;
  /**
   * The body of `bin/GmatConsole` after the `#!/usr/bin/env bash` line. Default: run the
   * built-in engine's console (`deno run -A <entry> "$@"`).
   */
  readonly console?: string;
  /** The text of `bin/gmat_startup_file.txt`; null writes none. @default {STOCK_STARTUP_FILE} */
  readonly startupFile?: string | null;
  /** Create `data/`. @default {true} */
  readonly data?: boolean;
  /** Make `bin/GmatConsole` executable. @default {true} */
  readonly executable?: boolean;
  /**
   * The script and leading arguments the default console runs, e.g.
   * `["/path/cli.ts", "gmat-console"]`. @default {[<src/gmat/console_main.ts>]}
   */
  readonly entry?: readonly string[];
  /** The deno executable the default console runs. @default {Deno.execPath()} */
  readonly deno?: string;
}

/** A startup file in the style of GMAT R2026a's Linux `bin/gmat_startup_file.txt`. */
export const STOCK_STARTUP_FILE =
  `#-----------------------------------------------------------------------------
# GMAT startup file (gmat-sweep test install, laid out like the stock Linux file)
#-----------------------------------------------------------------------------
ROOT_PATH                = ../
#-----------------------------------------------------------------------------
PLUGIN                   = ../plugins/libDataFile
PLUGIN                   = ../plugins/libEventLocator
PLUGIN                   = ../plugins/libGmatEstimation
PLUGIN                   = ../plugins/libYukonOptimizer
#-----------------------------------------------------------------------------
OUTPUT_PATH              = ../output/
LOG_FILE                 = OUTPUT_PATH/GmatLog.txt
REPORT_FILE              = OUTPUT_PATH/GmatReport.txt
MEASUREMENT_PATH         = OUTPUT_PATH/
#-----------------------------------------------------------------------------
DATA_PATH                = ROOT_PATH/data/
TIME_PATH                = DATA_PATH/time/
LEAP_SECS_FILE           = TIME_PATH/tai-utc.dat
PLANETARY_COEFF_PATH     = DATA_PATH/planetary_coeff/
EOP_FILE                 = PLANETARY_COEFF_PATH/eopc04_08.62-now
GRAVITY_PATH             = DATA_PATH/gravity/
JGM2_FILE                = GRAVITY_PATH/earth/JGM2.cof
#-----------------------------------------------------------------------------
#RUN_MODE = TESTING
#ECHO_COMMANDS = true
#-----------------------------------------------------------------------------
`;

function defaultEntry(): string {
  const url = new URL("./console_main.ts", import.meta.url);
  return url.protocol === "file:" ? fileURLToPath(url) : url.href;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Create a GMAT-shaped install in `dir` (created when missing).
 *
 * @param dir The install root to create.
 * @param options What to write (defaults: a valid install running the built-in engine).
 * @returns The install root, `dir`.
 *
 * @example
 * ```ts
 * import { makeGmatInstall } from "./gmat_install_shim.ts";
 * const root = await makeGmatInstall(await Deno.makeTempDir());
 * console.log(Deno.statSync(`${root}/bin/GmatConsole`).isFile); // true
 * await Deno.remove(root, { recursive: true });
 * ```
 */
export async function makeGmatInstall(
  dir: string,
  options: MakeGmatInstallOptions = {},
): Promise<string> {
  const bin = join(dir, "bin");
  await Deno.mkdir(bin, { recursive: true });
  for (const sub of ["output", "plugins", ...(options.data === false ? [] : ["data"])]) {
    await Deno.mkdir(join(dir, sub), { recursive: true });
  }
  const version = options.version === undefined ? "R2026a" : options.version;
  if (version !== null) {
    await Deno.writeTextFile(
      join(dir, "README.txt"),
      `General Mission Analysis Tool (GMAT) Version ${version}\n\n` +
        "A directory laid out like a GMAT install, written by gmat-sweep.\n",
    );
  }
  const startup = options.startupFile === undefined ? STOCK_STARTUP_FILE : options.startupFile;
  if (startup !== null) await Deno.writeTextFile(join(bin, "gmat_startup_file.txt"), startup);
  const body = options.console ??
    `GMAT_SWEEP_BIN_DIR="$(cd "$(dirname "$0")" && pwd)" exec ${
      quote(options.deno ?? Deno.execPath())
    } run -A ${(options.entry ?? [defaultEntry()]).map(quote).join(" ")} "$@"`;
  const exe = join(bin, "GmatConsole");
  await Deno.writeTextFile(exe, `#!/usr/bin/env bash\n${body}\n`);
  await Deno.chmod(exe, options.executable === false ? 0o644 : 0o755);
  return dir;
}
