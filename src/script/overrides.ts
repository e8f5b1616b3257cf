/**
 * Overrides as script text: render `Resource.Field = value` lines with GMAT's quoting and insert
 * them just before `BeginMissionSequence`.
 *
 * That is where an assignment behaves like a field set after parsing and before the run: later
 * than every initialisation statement (so nothing in the script overwrites it) and earlier than
 * the mission (so it is not a run-time command). Both engines run the rewritten text.
 *
 * @module
 */

import { ScriptError } from "./errors.ts";
import { parseScript } from "./parser.ts";

/** A value an override may set: numbers, strings, booleans, and arrays of them (rows for matrices). */
export type OverrideValue = number | string | boolean | readonly OverrideValue[];

const KEY_RE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/;

function invalid(key: string, message: string, hint: string): never {
  throw new ScriptError("OVERRIDE_INVALID", { message: `override '${key}': ${message}`, hint });
}

/**
 * Render one override value as GMAT script text.
 *
 * Numbers print in shortest round-trip form, strings single-quoted, booleans as `true`/`false`,
 * arrays of strings as a brace list `{a, b}`, arrays of numbers as `[1 2 3]` and arrays of
 * number arrays as matrix rows `[1 0; 0 1]`.
 *
 * @param key The dotted field path, for error messages.
 * @param value The value.
 * @returns The script text of the value.
 * @throws {ScriptError} `OVERRIDE_INVALID` for values GMAT cannot express.
 *
 * @example
 * ```ts
 * import { formatOverrideValue } from "./overrides.ts";
 * console.log(formatOverrideValue("Sat.Epoch", "01 Jan 2026 00:00:00.000")); // '01 Jan 2026 00:00:00.000'
 * console.log(formatOverrideValue("FM.PointMasses", ["Earth", "Luna"])); // {Earth, Luna}
 * ```
 */
export function formatOverrideValue(key: string, value: OverrideValue): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      invalid(key, `${value} cannot be written in a GMAT script`, "use a finite number");
    }
    return Object.is(value, -0) ? "0" : String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") {
    if (/['\r\n]/.test(value)) {
      invalid(
        key,
        `string ${JSON.stringify(value)} contains a quote or a line break`,
        "GMAT strings cannot hold ' or line breaks; remove them",
      );
    }
    return `'${value}'`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "{}";
    if (value.every((v) => typeof v === "string")) {
      return `{${value.map((v) => formatListWord(key, v as string)).join(", ")}}`;
    }
    if (value.every((v) => typeof v === "number")) {
      return `[${value.map((v) => formatOverrideValue(key, v)).join(" ")}]`;
    }
    if (value.every((row) => Array.isArray(row) && row.every((v) => typeof v === "number"))) {
      const rows = value as readonly (readonly number[])[];
      return `[${rows.map((r) => r.map((v) => formatOverrideValue(key, v)).join(" ")).join("; ")}]`;
    }
    invalid(
      key,
      "an array must hold only strings, only numbers, or rows of numbers",
      "split mixed arrays into separate overrides",
    );
  }
  invalid(key, `unsupported value type ${typeof value}`, "use a number, string, boolean or array");
}

function formatListWord(key: string, word: string): string {
  if (!/^[A-Za-z0-9_.\-+]+$/.test(word)) {
    invalid(
      key,
      `list item ${JSON.stringify(word)} is not a plain name`,
      "list items are resource or parameter names such as Earth or Sat.X",
    );
  }
  return word;
}

/**
 * Validate an override key (a dotted path whose first segment names a resource).
 *
 * @param key The key, e.g. `Sat.SMA` or `FM.GravityField.Earth.Degree`.
 * @throws {ScriptError} `OVERRIDE_INVALID` when it is not a dotted path.
 */
export function checkOverrideKey(key: string): void {
  if (!KEY_RE.test(key)) {
    invalid(
      key,
      "not a dotted field path",
      "write Resource.Field, e.g. Sat.SMA (the resource name from 'Create', then the field)",
    );
  }
}

/**
 * Render overrides as script lines, one `GMAT key = value;` each, in the given order.
 *
 * @param overrides Field path to value.
 * @returns The lines, without line endings.
 */
export function renderOverrideLines(overrides: Readonly<Record<string, OverrideValue>>): string[] {
  return Object.entries(overrides).map(([key, value]) => {
    checkOverrideKey(key);
    return `GMAT ${key} = ${formatOverrideValue(key, value)};`;
  });
}

/** Options for {@link insertOverrides}. */
export interface InsertOverridesOptions {
  /** The script path, for parse errors. */
  readonly file?: string;
  /** A comment line placed above the inserted block. Default names gmat-sweep. */
  readonly banner?: string;
}

/**
 * Insert override assignments into script text just before `BeginMissionSequence` (or before
 * the first mission command when the script has none, or at the end when it has no mission).
 *
 * The script's own line ending (LF or CRLF) is used for the inserted lines.
 *
 * @param text The script text.
 * @param overrides Field path to value; an empty record returns the text unchanged.
 * @param options File label for errors and an optional banner comment.
 * @returns The rewritten text.
 * @throws {ScriptError} When the script does not parse or an override is invalid.
 *
 * @example
 * ```ts
 * import { insertOverrides } from "./overrides.ts";
 * const text = "Create Spacecraft Sat\nBeginMissionSequence\n";
 * console.log(insertOverrides(text, { "Sat.SMA": 7100 }));
 * ```
 */
export function insertOverrides(
  text: string,
  overrides: Readonly<Record<string, OverrideValue>>,
  options: InsertOverridesOptions = {},
): string {
  if (Object.keys(overrides).length === 0) return text;
  return overrideInserter(text, options)(overrides);
}

/**
 * Parse a script once and return a function that inserts overrides into it, for callers that
 * insert many override sets into the same script (a sweep's workers).
 *
 * @param text The script text.
 * @param options File label for errors and an optional banner comment.
 * @returns `(overrides) => text with the overrides inserted` (see {@link insertOverrides}).
 * @throws {ScriptError} When the script does not parse.
 */
export function overrideInserter(
  text: string,
  options: InsertOverridesOptions = {},
): (overrides: Readonly<Record<string, OverrideValue>>) => string {
  const script = parseScript(text, { file: options.file });
  const eol = /\r\n/.test(text) ? "\r\n" : "\n";
  const banner = options.banner ?? "% --- overrides inserted by gmat-sweep ---";
  const target = script.beginMission?.line ?? firstMissionLine(script.mission);
  let offset: number | undefined;
  if (target !== undefined) {
    // The character offset where physical line `target` starts.
    offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let line = 1;
    const re = /\r\n|\r|\n/g;
    while (line < target) {
      const m = re.exec(text);
      if (!m) break;
      offset = m.index + m[0].length;
      line++;
    }
  }
  return (overrides) => {
    const lines = renderOverrideLines(overrides);
    if (lines.length === 0) return text;
    const block = [banner, ...lines].join(eol) + eol;
    if (offset === undefined) {
      const sep = text === "" || /\r?\n$/.test(text) ? "" : eol;
      return text + sep + block;
    }
    return text.slice(0, offset) + block + text.slice(offset);
  };
}

function firstMissionLine(mission: ReturnType<typeof parseScript>["mission"]): number | undefined {
  return mission.length > 0 ? mission[0].pos.line : undefined;
}
