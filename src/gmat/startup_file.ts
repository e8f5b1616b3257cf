/**
 * GMAT startup files (`bin/gmat_startup_file.txt`): read their `KEY = VALUE` lines, resolve the
 * paths the way GMAT's FileManager does, and write the per-run copy the driver passes to
 * GmatConsole.
 *
 * Format: ASCII, case-sensitive `KEY = VALUE` lines, `#` comments on their own line, `*_PATH`
 * keys reusable as prefixes of later values (`LOG_FILE = OUTPUT_PATH/GmatLog.txt`), several
 * `PLUGIN` lines, and relative values starting with `.` taken relative to the bin directory.
 *
 * @module
 */

import { join, resolve, sep } from "node:path";

/** One `KEY = VALUE` line of a startup file. */
export interface StartupEntry {
  /** The key, e.g. `OUTPUT_PATH` or `PLUGIN`. */
  readonly key: string;
  /** The value as written (trimmed). */
  readonly value: string;
  /** 1-based line number. */
  readonly line: number;
}

const ENTRY_RE = /^(\s*([A-Z0-9_]+)\s*=\s*)(.*?)(\s*)$/;
const PREFIX_RE = /^([A-Z][A-Z0-9_]*_PATH)(?:[\\/](.*))?$/;

/**
 * List the `KEY = VALUE` lines of a startup file, skipping comments and blank lines.
 *
 * @param text The startup file text.
 * @returns The entries in file order (duplicates kept).
 *
 * @example
 * ```ts
 * import { parseStartupFile } from "./startup_file.ts";
 * console.log(parseStartupFile("# c\nROOT_PATH = ../\n")); // [{ key: "ROOT_PATH", value: "../", line: 2 }]
 * ```
 */
export function parseStartupFile(text: string): StartupEntry[] {
  const entries: StartupEntry[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (raw.trim().startsWith("#")) return;
    const m = ENTRY_RE.exec(raw);
    if (m) entries.push({ key: m[2], value: m[3], line: i + 1 });
  });
  return entries;
}

/** Make a value starting with `.` absolute against the bin directory, keeping a trailing slash. */
function absolutise(value: string, binDir: string): string {
  if (!value.startsWith(".")) return value;
  const abs = resolve(binDir, value);
  return /[\\/]$/.test(value) && !abs.endsWith(sep) ? abs + sep : abs;
}

/**
 * Resolve every key of a startup file to its effective value, as GMAT reads it: the last entry
 * of a key wins, a leading `*_PATH` key is expanded, and values starting with `.` are made
 * absolute against the bin directory. `PLUGIN` (which repeats) keeps its last value only.
 *
 * @param text The startup file text.
 * @param binDir The install's bin directory.
 * @returns Key to resolved value.
 *
 * @example
 * ```ts
 * import { resolveStartupValues } from "./startup_file.ts";
 * const v = resolveStartupValues("ROOT_PATH = ../\nDATA_PATH = ROOT_PATH/data/\n", "/opt/gmat/bin");
 * console.log(v.get("DATA_PATH")); // /opt/gmat/data/
 * ```
 */
export function resolveStartupValues(text: string, binDir: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const { key, value } of parseStartupFile(text)) {
    const prefix = PREFIX_RE.exec(value);
    const resolved = prefix && values.has(prefix[1])
      ? join(values.get(prefix[1])!, prefix[2] ?? "")
      : absolutise(value, binDir);
    values.set(key, resolved);
  }
  return values;
}

/** Options of {@link renderRunStartupFile}. */
export interface RunStartupFileOptions {
  /** The install's bin directory: relative values starting with `.` are resolved against it. */
  readonly binDir: string;
  /** The new OUTPUT_PATH (absolute). */
  readonly outputDir: string;
  /** The new LOG_FILE (absolute). */
  readonly logFile: string;
  /** Where the original came from, named in the header comment. */
  readonly source?: string;
}

/**
 * Write the per-run copy of an install's startup file: every line kept, every relative value
 * starting with `.` made absolute against the bin directory (what GMAT's BuildApiStartupFile
 * does for `..`), `OUTPUT_PATH` and `LOG_FILE` replaced (or added) to point into the run.
 *
 * Values that use a `*_PATH` prefix (`DATA_PATH = ROOT_PATH/data/`) are left for GMAT to expand;
 * they follow the now absolute prefix.
 *
 * @param text The install's startup file text.
 * @param options Bin directory, run output directory and log file.
 * @returns The new startup file text (same line endings as the original).
 *
 * @example
 * ```ts
 * import { renderRunStartupFile } from "./startup_file.ts";
 * const out = renderRunStartupFile("ROOT_PATH = ../\nOUTPUT_PATH = ../output/\n", {
 *   binDir: "/opt/gmat/bin",
 *   outputDir: "/runs/0",
 *   logFile: "/runs/0/GmatLog.txt",
 * });
 * console.log(out); // ... ROOT_PATH = /opt/gmat/  OUTPUT_PATH = /runs/0/  LOG_FILE = /runs/0/GmatLog.txt
 * ```
 */
export function renderRunStartupFile(text: string, options: RunStartupFileOptions): string {
  const eol = /\r\n/.test(text) ? "\r\n" : "\n";
  const outputPath = options.outputDir.endsWith(sep) ? options.outputDir : options.outputDir + sep;
  const seen = new Set<string>();
  const body = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (body.length > 0 && body[body.length - 1] === "") body.pop();
  const lines = body.map((raw) => {
    if (raw.trim().startsWith("#")) return raw;
    const m = ENTRY_RE.exec(raw);
    if (!m) return raw;
    const key = m[2];
    seen.add(key);
    const value = key === "OUTPUT_PATH"
      ? outputPath
      : key === "LOG_FILE"
      ? options.logFile
      : absolutise(m[3], options.binDir);
    return m[1] + value;
  });
  if (!seen.has("OUTPUT_PATH")) lines.push(`OUTPUT_PATH = ${outputPath}`);
  if (!seen.has("LOG_FILE")) lines.push(`LOG_FILE = ${options.logFile}`);
  const header = [
    `# Per-run startup file written by gmat-sweep${
      options.source ? ` from ${options.source}` : ""
    }.`,
    `# Relative paths are absolute against ${options.binDir}; OUTPUT_PATH and LOG_FILE point ` +
    "into the run directory.",
  ];
  return [...header, ...lines].join(eol) + eol;
}
