/**
 * The files a GMAT script will write, read from its text: every `ReportFile`, `EphemerisFile`,
 * `ContactLocator` and `EclipseLocator` resource with its effective `Filename`.
 *
 * GMAT's defaults apply: an unset Filename is `<Name>.txt` (ReportFile and the locators) or
 * `<Name>` plus the format's extension (EphemerisFile: `.oem` CCSDS-OEM, `.e` STK-TimePosVel,
 * `.bsp` SPK, `.eph` Code-500); an EphemerisFile Filename without an extension gets the default
 * one, and an SPK file always ends in `.bsp`. The last initialisation assignment of a field wins.
 * Resources created in `#Include` files and run-time Filename assignments after
 * `BeginMissionSequence` are not seen.
 *
 * @module
 */

import { parseScript, type ScriptValue } from "../script/mod.ts";

/** What an output is. ContactLocator and EclipseLocator files have no parser yet. */
export type GmatOutputKind = "report" | "ephemeris" | "contact" | "eclipse";

/** The file format of an output. */
export type GmatOutputFormat =
  | "ReportFile"
  | "CCSDS-OEM"
  | "STK-TimePosVel"
  | "SPK"
  | "Code-500"
  | "ContactLocator"
  | "EclipseLocator";

/** One output file a script declares. */
export interface DiscoveredOutput {
  /** The kind of output. */
  readonly kind: GmatOutputKind;
  /** The resource type as scripted (`ReportFile`, `EphemerisFile`, ...). */
  readonly resourceType: "ReportFile" | "EphemerisFile" | "ContactLocator" | "EclipseLocator";
  /** The resource name. */
  readonly name: string;
  /** The file format. */
  readonly format: GmatOutputFormat;
  /** The effective Filename GMAT uses (as written or defaulted, extension rule applied). */
  readonly path: string;
  /** The Filename as written in the script, or null when unset. */
  readonly declared: string | null;
  /** False when `WriteReport`/`WriteEphemeris` is false, so no file is expected. */
  readonly enabled: boolean;
  /** ReportFile only: false when `WriteHeaders` is false (no header line is written). */
  readonly headers?: boolean;
  /** ReportFile only: the `Add` list (the columns of each row), empty when unset. */
  readonly columns?: readonly string[];
  /**
   * ReportFile only: true when the file is free text rather than a table: a `Write` command
   * writes to it, or it has no header and no `Add` list to name its columns.
   */
  readonly freeText?: boolean;
}

const TYPES = {
  ReportFile: { kind: "report", write: "WriteReport" },
  EphemerisFile: { kind: "ephemeris", write: "WriteEphemeris" },
  ContactLocator: { kind: "contact", write: "WriteReport" },
  EclipseLocator: { kind: "eclipse", write: "WriteReport" },
} as const;

type OutputType = keyof typeof TYPES;

const EPHEMERIS_EXT: Readonly<Record<string, readonly [GmatOutputFormat, string]>> = {
  "CCSDS-OEM": ["CCSDS-OEM", ".oem"],
  "STK-TimePosVel": ["STK-TimePosVel", ".e"],
  "SPK": ["SPK", ".bsp"],
  "Code-500": ["Code-500", ".eph"],
};

function text(value: ScriptValue): string | null {
  switch (value.kind) {
    case "string":
    case "word":
      return value.value;
    case "number":
      return value.text;
    default:
      return null;
  }
}

/** The items of a list value (`{Sat.X, Sat.Y}`) as text; a single value as one item. */
function listText(value: ScriptValue): string[] {
  const items = value.kind === "list" ? value.items : [value];
  const out: string[] = [];
  for (const item of items) {
    const t = item.kind === "expr" ? item.text : text(item);
    if (t !== null && t.trim() !== "") out.push(t.trim());
  }
  return out;
}

/** ReportFiles a `Write` command sends text to (`Write x { ReportFile = RF }`). */
function writeTargets(scriptText: string): Set<string> {
  const names = new Set<string>();
  for (const m of scriptText.matchAll(/^[ \t]*Write\b[^\n%]*ReportFile\s*=\s*'?([A-Za-z_]\w*)/gm)) {
    names.add(m[1]);
  }
  return names;
}

/** The extension of the last path segment (`/` and `\` both separate), or "". */
function extensionOf(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  const m = /\.[^.]+$/.exec(base);
  return m && m.index > 0 ? m[0] : "";
}

/**
 * List the outputs a script declares.
 *
 * @param scriptText The script text.
 * @param file The script path, for parse errors.
 * @returns The outputs in `Create` order.
 * @throws {ScriptError} When the script does not parse.
 *
 * @example
 * ```ts
 * import { discoverOutputs } from "./discover_outputs.ts";
 * const outputs = discoverOutputs(
 *   "Create ReportFile RF\nCreate EphemerisFile EF\nEF.Filename = 'orbit'\nBeginMissionSequence\n",
 *   "demo.script",
 * );
 * console.log(outputs.map((o) => o.path)); // ["RF.txt", "orbit.oem"]
 * ```
 */
export function discoverOutputs(scriptText: string, file: string): DiscoveredOutput[] {
  const script = parseScript(scriptText, { file });
  const created: { type: OutputType; name: string }[] = [];
  const fields = new Map<string, string | null>();
  const adds = new Map<string, string[]>();
  for (const stmt of script.resources) {
    if (stmt.kind === "create" && Object.hasOwn(TYPES, stmt.type)) {
      for (const n of stmt.names) created.push({ type: stmt.type as OutputType, name: n.name });
    } else if (stmt.kind === "assignment" && stmt.path.length === 2) {
      fields.set(stmt.target, text(stmt.value));
      if (stmt.path[1] === "Add") adds.set(stmt.path[0], listText(stmt.value));
    }
  }
  const written = writeTargets(scriptText);
  return created.map(({ type, name }) => {
    const field = (f: string) => fields.get(`${name}.${f}`) ?? null;
    const declared = field("Filename");
    const write = field(TYPES[type].write);
    const enabled = write === null || !/^(false|off)$/i.test(write);
    const base = { kind: TYPES[type].kind, resourceType: type, name, declared, enabled };
    if (type === "EphemerisFile") {
      const [format, ext] = EPHEMERIS_EXT[field("FileFormat") ?? "CCSDS-OEM"] ??
        EPHEMERIS_EXT["CCSDS-OEM"];
      let path = declared ?? `${name}${ext}`;
      const current = extensionOf(path);
      if (current === "") path += ext;
      else if (format === "SPK" && current.toLowerCase() !== ext) {
        path = path.slice(0, -current.length) + ext;
      }
      return { ...base, format, path };
    }
    const format: GmatOutputFormat = type === "ReportFile" ? "ReportFile" : type;
    if (type !== "ReportFile") return { ...base, format, path: declared ?? `${name}.txt` };
    const headerField = field("WriteHeaders");
    const headers = headerField === null || !/^(false|off)$/i.test(headerField);
    const columns = adds.get(name) ?? [];
    const freeText = written.has(name) || (!headers && columns.length === 0);
    return { ...base, format, path: declared ?? `${name}.txt`, headers, columns, freeText };
  });
}

/** Solver resource types that write a text log (`<Type><Name>.data` unless `ReportFile` is set). */
export const SOLVER_TYPES: readonly string[] = [
  "DifferentialCorrector",
  "Yukon",
  "FminconOptimizer",
  "SNOPT",
  "VF13ad",
];

/** A solver's text log, as a script declares it. */
export interface DiscoveredSolverLog {
  /** The solver resource type (`DifferentialCorrector`, `Yukon`, ...). */
  readonly type: string;
  /** The resource name. */
  readonly name: string;
  /** The effective file name: `ReportFile` as written, else `<Type><Name>.data`. */
  readonly path: string;
  /** `ReportFile` as written, or null. */
  readonly declared: string | null;
  /** False when `ShowProgress` is false (GMAT writes no log then). */
  readonly enabled: boolean;
}

/**
 * List the solvers of a script whose progress GMAT writes to a text log (targeter and optimizer
 * logs such as `DifferentialCorrectorDC.data`).
 *
 * @param scriptText The script text.
 * @param file The script path, for parse errors.
 * @returns The solver logs in `Create` order.
 * @throws {ScriptError} When the script does not parse.
 *
 * @example
 * ```ts
 * import { discoverSolverLogs } from "./discover_outputs.ts";
 * const logs = discoverSolverLogs("Create DifferentialCorrector DC\nBeginMissionSequence\n", "t.script");
 * console.log(logs[0].path); // DifferentialCorrectorDC.data
 * ```
 */
export function discoverSolverLogs(scriptText: string, file: string): DiscoveredSolverLog[] {
  const script = parseScript(scriptText, { file });
  const created: { type: string; name: string }[] = [];
  const fields = new Map<string, string | null>();
  for (const stmt of script.resources) {
    if (stmt.kind === "create" && SOLVER_TYPES.includes(stmt.type)) {
      for (const n of stmt.names) created.push({ type: stmt.type, name: n.name });
    } else if (stmt.kind === "assignment" && stmt.path.length === 2) {
      fields.set(stmt.target, text(stmt.value));
    }
  }
  return created.map(({ type, name }) => {
    const declared = fields.get(`${name}.ReportFile`) ?? null;
    const progress = fields.get(`${name}.ShowProgress`) ?? null;
    const enabled = progress === null || !/^(false|off)$/i.test(progress);
    return { type, name, declared, enabled, path: declared ?? `${type}${name}.data` };
  });
}
