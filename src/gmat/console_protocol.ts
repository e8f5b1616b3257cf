/**
 * What GmatConsole prints, as the driver reads it: the interactive prompt, the lines that mark a
 * completed run, and the evidence of a failure. Texts as measured on GMAT R2026a
 * (`../shared/design/gmat-real-console.md`, GMAT's `src/console/driver.cpp`).
 *
 * {@link ConsoleEvidence} collects, from one run's output, GMAT's own first error lines
 * (`**** ERROR ****` lines with the script line they quote, exceptions, `Cannot open ...`, the
 * text GMAT pops up before `*** Mission run failed.`), so a failed run's reason names GMAT's cause
 * rather than the generic `Sandbox Exception` tail.
 *
 * @module
 */

/** The interactive prompt: printed at start and after each script, without a newline. */
export const CONSOLE_PROMPT = "Enter a script file, q to quit, or an option:  ";
/** The line GmatConsole prints when the mission ran to the end. */
export const MISSION_COMPLETED = "Mission run completed.";
/** The line GmatConsole prints after each script that ran (interactive and `--run`). */
export const CONSOLE_SUCCESS = "*** GMAT Integration test (Console version) successful! ***";
/** The line that starts a script's output. */
export const SCRIPT_START = "Interpreting scripts from the file.";

/** How many error lines a reason quotes. */
const MAX_QUOTED = 6;
/** How long a quoted line may be. */
const MAX_LINE = 400;

/** Lines that are always evidence, wherever they appear. */
const STRONG = [
  /\*\*\*\* ERROR \*\*\*\*/,
  /^ERROR!!!!!! ---- /,
  /^Script file .* does not exist/,
  /^Moderator failed to initialize/,
  /Moderator::RunMission failed/,
  /^\*\*\* Mission run (failed|interrupted)/,
];

/** Lines that are evidence once the script is being read (start-up noise before is harmless). */
const AFTER_START =
  /\b(error|exception|cannot|can ?not|unable to|failed|not found|does not exist|not permitted|not an allowed|not a valid|invalid)\b/i;

/** GMAT's routine lines that look like errors but are not (plugins, optional data files). */
const BENIGN = [
  /did not open/,
  /GUI plugins are skipped/,
  /HELP_PATH directory does not exist/,
  /file location is not defined in gmat_startup file/,
  /^EXITing GmatConsole with exit code/,
  /^\*\*\*Could not read script\.\*\*\*/,
];

/** The evidence GmatConsole's output gives about one run. */
export class ConsoleEvidence {
  /** The quoted error lines, in order of appearance (at most six, each at most 400 characters). */
  readonly lines: string[] = [];
  /** Whether `Mission run completed.` was printed. */
  completed = false;
  /** Whether the success line was printed. */
  succeeded = false;
  /** Whether the script was being read (the `Interpreting scripts` line, or the per-run script). */
  #started = false;
  #afterError = false;
  #previous = "";

  /**
   * Take one line of output.
   *
   * @param line A line of stdout (without its ending).
   */
  add(line: string): void {
    const t = line.trim();
    if (t === SCRIPT_START || t.startsWith("***** file:")) this.#started = true;
    if (t.includes(MISSION_COMPLETED)) this.completed = true;
    if (t === CONSOLE_SUCCESS) this.succeeded = true;
    if (this.#afterError && /^"\d+: /.test(t)) {
      this.#push(t);
    } else if (t === "*** Mission run failed." && this.#previous !== "") {
      this.#push(this.#previous);
      this.#push(t);
    } else if (
      t !== "" && !BENIGN.some((re) => re.test(t)) &&
      (STRONG.some((re) => re.test(t)) || (this.#started && AFTER_START.test(t)))
    ) {
      this.#push(t);
    }
    this.#afterError = t.includes("**** ERROR ****");
    if (t !== "") this.#previous = t;
  }

  /** `: line | line ...`, or "" when there is no evidence. */
  quoted(): string {
    return this.lines.length > 0 ? `: ${this.lines.join(" | ")}` : "";
  }

  #push(line: string): void {
    const cut = line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}...` : line;
    if (this.lines.includes(cut)) return;
    if (this.lines.length < MAX_QUOTED) this.lines.push(cut);
  }
}
