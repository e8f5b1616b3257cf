/**
 * Errors of the GmatConsole driver: no usable install, and a run directory GMAT cannot use.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";

/** One place {@link locateGmat} looked, and why it was not used. */
export interface GmatSearchAttempt {
  /** The search step, e.g. `root option`, `GMAT_ROOT`, `platform glob ~/gmat-*`, `PATH GmatConsole`. */
  readonly step: string;
  /** The candidate path, or null when the step had no candidate (variable unset, no match). */
  readonly path: string | null;
  /** Why the candidate was rejected, e.g. `bin/GmatConsole is missing`. */
  readonly reason: string;
}

const FIX = "How to fix: pass the install root with --gmat-root DIR (or locateGmat({ root })), " +
  "set GMAT_ROOT to the directory that holds bin/GmatConsole, " +
  'or use engine: "builtin" to run on the built-in engine';

/**
 * No usable GMAT install was found. The message lists every attempt and how to fix it.
 *
 * @example
 * ```ts
 * import { GmatNotFoundError } from "./errors.ts";
 * const e = new GmatNotFoundError([{ step: "GMAT_ROOT", path: null, reason: "not set" }]);
 * console.log(e.code); // GMAT_NOT_FOUND
 * ```
 */
export class GmatNotFoundError extends GmatSweepError {
  /** Always `GMAT_NOT_FOUND`. */
  declare readonly code: "GMAT_NOT_FOUND";
  /** Every place looked at, in search order. */
  readonly attempts: readonly GmatSearchAttempt[];

  /**
   * Creates the error; its message lists every attempt and how to fix the search.
   *
   * @param attempts Every place looked at, in search order.
   * @param options Standard error options (`cause`).
   */
  constructor(attempts: readonly GmatSearchAttempt[], options?: ErrorOptions) {
    const lines = attempts.map((a) => `  - ${a.step}: ${a.path ?? "-"}: ${a.reason}`);
    super(
      "GMAT_NOT_FOUND",
      `No usable GMAT install found. Search results:\n${lines.join("\n")}\n${FIX}`,
      options,
    );
    this.attempts = attempts;
  }
}

/** A run directory whose absolute path cannot be written into a GMAT script. */
export class GmatRunDirError extends GmatSweepError {
  /** Always `GMAT_RUN_DIR`. */
  declare readonly code: "GMAT_RUN_DIR";
  /** The offending directory. */
  readonly runDir: string;

  /**
   * Creates the error.
   *
   * @param runDir The offending directory.
   * @param problem What about its path GMAT cannot take.
   * @param options Standard error options (`cause`).
   */
  constructor(runDir: string, problem: string, options?: ErrorOptions) {
    super(
      "GMAT_RUN_DIR",
      `Cannot use run directory ${JSON.stringify(runDir)}: ${problem}; GMAT scripts are ASCII, ` +
        "their single-quoted strings cannot hold ' or %, and a startup-file value cannot hold =, " +
        "so choose a run directory whose absolute path is plain ASCII without those characters",
      options,
    );
    this.runDir = runDir;
  }
}

/** One input file a script names that is found nowhere GMAT looks. */
export interface MissingInputFile {
  /** The field, e.g. `FM.Drag.CSSISpaceWeatherFile`. */
  readonly field: string;
  /** The file name as the script writes it. */
  readonly written: string;
  /** Every place looked, in GMAT's order. */
  readonly tried: readonly string[];
}

/**
 * Input files a script names (space weather, EOP, atmosphere, SPAD, attitude, gravity files) that
 * exist nowhere GMAT would look: raised once, before any run, naming each file and the places
 * tried.
 *
 * @example
 * ```ts
 * import { GmatInputFileError } from "./errors.ts";
 * const e = new GmatInputFileError("a.script", [
 *   { field: "FM.Drag.CSSISpaceWeatherFile", written: "../sw.txt", tried: ["/gmat/sw.txt"] },
 * ]);
 * console.log(e.code); // GMAT_INPUT_FILE
 * ```
 */
export class GmatInputFileError extends GmatSweepError {
  /** Always `GMAT_INPUT_FILE`. */
  declare readonly code: "GMAT_INPUT_FILE";
  /** The files not found. */
  readonly missing: readonly MissingInputFile[];

  /**
   * Creates the error.
   *
   * @param scriptFile The script that names the files.
   * @param missing The files not found, with the places tried.
   * @param options Standard error options (`cause`).
   */
  constructor(scriptFile: string, missing: readonly MissingInputFile[], options?: ErrorOptions) {
    const lines = missing.map((m) =>
      `  - ${m.field} = '${m.written}': not found; looked at ${m.tried.join(", ")}`
    );
    super(
      "GMAT_INPUT_FILE",
      `Input files named by ${scriptFile} do not exist where GMAT looks (its working directory ` +
        `bin/, the script's directory, the startup file's data paths):\n${lines.join("\n")}\n` +
        "How to fix: correct the path in the script, give it absolute, or put the file where it " +
        "is named (GMAT runs from the install's bin/ directory)",
      options,
    );
    this.missing = missing;
  }
}
