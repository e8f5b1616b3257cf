/**
 * The Write command (`Write a b {Style = Concise, LogFile = false, MessageWindow = true,
 * ReportFile = RF}`), as GMAT R2026a's `Write.cpp` runs it: the values of Variables, Strings,
 * Arrays and parameters go to a ReportFile (in order with the Report rows written there), to the
 * message window and to the log file.
 *
 * Styles (`Write::Execute`, `Write::ExecuteReport`):
 *
 * - `Concise` (the default): the value's text. In the ReportFile, a header of the names the first
 *   time the command runs (`Write::WriteHeaders`: each name in `ColumnWidth` characters and three
 *   spaces), then the values laid out like a Report row (`ReportFile::WriteData`; strings
 *   unquoted, arrays one line per row). In the message window and log, a String is quoted
 *   (`'text'`, unless it already starts and ends with a quote), a real is written with 16
 *   significant digits (`%.16g`), an Array row by row, each element followed by a space.
 * - `Verbose`: the same, with a `name =` line before each value in the message window and log.
 * - `Script`: script text that recreates the item: `Create Variable x;` and `x = value;` for a
 *   Variable (likewise a String, with its quoted value), and for an Array its generating string
 *   `Create Array A[3,3];` followed by one `A(i, j) = value;` line per non-zero element and an
 *   empty line (`Array::GetGeneratingString`, `GmatBase::WriteParameterValue`). The ReportFile
 *   gets the text with no header, each item padded to its column width and followed by a line
 *   end (so a Variable's text, which ends in a line end, is followed by an empty line).
 *
 * Options default to `Style = Concise`, `LogFile = false`, `MessageWindow = true` and no
 * ReportFile; option names and values are case-insensitive; an option given twice, an unknown
 * option or value, or items after the options are errors, as in GMAT (`Write::CheckForOptions`).
 *
 * The message-window and log-file text is kept per run ({@link writeMessages}); GmatConsole
 * prints both (a `LogFile = true` item appears twice on its console) and its log file gets the
 * LogFile text only.
 *
 * @module
 */

import type { CommandOption, CommandStatement, SourcePos } from "../../script/ast.ts";
import type { Diagnostics } from "../diagnostics.ts";
import type { NameBinder } from "../expression.ts";
import { Matrix } from "../math/matrix.ts";
import type { Value } from "../math/value.ts";
import type { Model } from "../model.ts";
import { ArrayResource } from "../resources/array.ts";
import { ReportFileResource } from "../resources/report_file.ts";
import { SpacecraftResource } from "../resources/spacecraft.ts";
import { StringResource } from "../resources/string.ts";
import { VariableResource } from "../resources/variable.ts";
import type { Runtime } from "../runtime.ts";
import type { Command } from "./command.ts";
import { scriptableProblem, spacecraftScript } from "./spacecraft_script.ts";
import { realText } from "./write_text.ts";

export { realText };

/** A Write command's `Style`. */
export type WriteStyle = "Concise" | "Verbose" | "Script";

/** Text a Write command sent to GMAT's message window or log file. */
export interface WriteMessage {
  /** `MessageWindow` (GMAT's `ShowMessage`) or `LogFile` (`LogMessage`). */
  readonly sink: "MessageWindow" | "LogFile";
  /** The text of one item, ending in a line end (`name =` line first with Verbose). */
  readonly text: string;
}

/** The options of one Write command. */
export interface WriteOptions {
  /** `Style`. */
  readonly style: WriteStyle;
  /** `LogFile`. */
  readonly logFile: boolean;
  /** `MessageWindow`. */
  readonly messageWindow: boolean;
  /** `ReportFile`, when given. */
  readonly reportFile?: string;
}

/** What one Write item is: it decides the texts GMAT writes. */
export type WriteItemKind = "Variable" | "String" | "Array" | "Spacecraft" | "parameter";

/** One item of a Write command with its current value. */
export interface WriteItem {
  /** The name as written. */
  readonly name: string;
  /** What it refers to. */
  readonly kind: WriteItemKind;
  /** The current value. */
  readonly value: Value;
}

const STYLES: Readonly<Record<string, WriteStyle>> = {
  CONCISE: "Concise",
  VERBOSE: "Verbose",
  SCRIPT: "Script",
};

const messagesByRun = new WeakMap<Runtime, WriteMessage[]>();

/**
 * The message-window and log-file text the Write commands of a run produced, in order.
 *
 * @param rt The run.
 * @returns The messages (empty when no Write ran).
 */
export function writeMessages(rt: Runtime): readonly WriteMessage[] {
  return messagesByRun.get(rt) ?? [];
}

/**
 * Send text to GMAT's message window (what GmatConsole prints), e.g. a solver's progress.
 *
 * @param rt The run.
 * @param message The text and where it goes.
 */
export function postMessage(rt: Runtime, message: WriteMessage): void {
  let sink = messagesByRun.get(rt);
  if (!sink) messagesByRun.set(rt, sink = []);
  sink.push(message);
}

/**
 * An Array as `Array::ToString` writes it to the message window: one line per row, each
 * element ({@link realText}) followed by a space, rows separated by line ends (none after the
 * last).
 *
 * @param m The array's value.
 * @returns The text.
 */
export function arrayText(m: Matrix): string {
  const rows: string[] = [];
  for (let i = 0; i < m.rows; i++) {
    let row = "";
    for (let j = 0; j < m.cols; j++) row += realText(m.at(i, j)) + " ";
    rows.push(row);
  }
  return rows.join("\n");
}

/**
 * An Array's generating string (`Array::GetGeneratingString` in OBJECT_EXPORT mode):
 * `Create Array A[r,c];`, then `A(i, j) = value;` for each non-zero element in row order and an
 * empty line; an all-zero array gives the Create line alone.
 *
 * @param name The array's name.
 * @param m Its value.
 * @returns The text, ending in a line end.
 */
export function arrayScript(name: string, m: Matrix): string {
  let elements = "";
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const x = m.at(i, j);
      if (x !== 0) elements += `${name}(${i + 1}, ${j + 1}) = ${realText(x)};\n`;
    }
  }
  return `Create Array ${name}[${m.rows},${m.cols}];\n` + (elements === "" ? "" : elements + "\n");
}

/** A String as `StringObjectWrapper::ToString` writes it: quoted unless already enclosed. */
function quoted(s: string): string {
  return s !== "" && s.startsWith("'") && s.endsWith("'") ? s : `'${s}'`;
}

/** The value's text in the message window and log (`ElementWrapper::ToString`). */
function valueText(item: WriteItem): string {
  const v = item.value;
  if (v instanceof Matrix) return arrayText(v);
  if (typeof v === "number") return realText(v);
  return item.kind === "String" ? quoted(v) : v;
}

/**
 * The message-window and log text of one item in a style (`Write::Execute`): the optional
 * prefix line and the value text.
 *
 * @param item The item.
 * @param style The command's style.
 * @returns The text GMAT shows, ending in a line end.
 */
export function writeMessageText(item: WriteItem, style: WriteStyle): string {
  let prefix = "";
  let text: string;
  if (style === "Script") {
    if (item.kind === "Spacecraft") {
      text = String(item.value);
    } else if (item.kind === "Variable" || item.kind === "String") {
      prefix = `Create ${item.kind} ${item.name};`;
      text = `${item.name} = ${valueText(item)};`;
    } else {
      text = arrayScript(item.name, item.value as Matrix);
    }
  } else {
    if (style === "Verbose") prefix = `${item.name} =`;
    text = valueText(item);
  }
  return (prefix === "" ? "" : prefix + "\n") + text + "\n";
}

/**
 * The value a ReportFile gets for one item in Script style (`ReportFile::WriteData` with
 * `parsable`): the script text of a Variable, String or Array; a parameter's value as is.
 *
 * @param item The item.
 * @returns The cell value.
 */
export function scriptCell(item: WriteItem): Value {
  switch (item.kind) {
    case "Variable":
    case "String":
      return `Create ${item.kind} ${item.name};\n${item.name} = ${valueText(item)};\n`;
    case "Array":
      return arrayScript(item.name, item.value as Matrix);
    case "Spacecraft":
      return String(item.value);
    default:
      return item.value;
  }
}

/** A compiled Write item: its name, kind and how to read its value in a run. */
interface BoundItem {
  readonly name: string;
  readonly kind: WriteItemKind;
  readonly get: (rt: Runtime) => Value;
}

/**
 * A Spacecraft item: its script text in Script style (see `spacecraft_script.ts`); refused in
 * the other styles (GMAT writes its MATLAB-struct text there, which the engine does not make) and
 * when it has a field that text would not reproduce.
 */
function spacecraftItem(
  sc: SpacecraftResource,
  pos: SourcePos,
  style: WriteStyle,
  model: Model,
  diag: Diagnostics,
): BoundItem {
  if (style !== "Script") {
    diag.unsupported(pos, `writing the Spacecraft ${sc.name} in ${style} style`, {
      construct: `Write {Style = ${style}} Spacecraft`,
      hint: "write the spacecraft with Style = Script, or write its parameters (e.g. Sat.X)",
    });
  }
  const problem = scriptableProblem(sc);
  if (problem !== undefined) {
    diag.unsupported(pos, `writing the Spacecraft ${sc.name}, which sets ${problem}, as script`, {
      construct: `Write Spacecraft.${problem}`,
      hint: "the engine writes a spacecraft's script text when it sets only its epoch, " +
        "state, masses, coefficients and Id; write its parameters instead (e.g. Sat.X)",
    });
  }
  const index = model.all(SpacecraftResource).indexOf(sc);
  return {
    name: sc.name,
    kind: "Spacecraft",
    get: (rt) => spacecraftScript(sc, rt.of(sc), index),
  };
}

/** Read the `{...}` options of a Write command as GMAT does. */
function readOptions(options: readonly CommandOption[], diag: Diagnostics): WriteOptions {
  let style: WriteStyle = "Concise";
  let logFile = false;
  let messageWindow = true;
  let reportFile: string | undefined;
  const seen = new Set<string>();
  const bad = (pos: SourcePos, message: string, hint: string): never =>
    diag.fail("SCRIPT_BAD_VALUE", pos, message, { construct: "Write", hint });
  for (const opt of options) {
    const key = opt.name.toUpperCase();
    if (seen.has(key)) {
      bad(opt.pos, `the option "${opt.name}" is repeated`, "set each option once");
    }
    seen.add(key);
    const text = optionText(opt);
    const upper = text.toUpperCase();
    const flag = (what: string): boolean => {
      if (upper === "TRUE") return true;
      if (upper === "FALSE") return false;
      return bad(opt.pos, `${what} option ${text} is not a recognized value`, "use true or false");
    };
    switch (key) {
      case "STYLE": {
        const s = STYLES[upper];
        if (!s) {
          bad(
            opt.pos,
            `Style option ${text} is not a recognized value`,
            "use Concise, Verbose or Script",
          );
        }
        style = s;
        break;
      }
      case "LOGFILE":
        logFile = flag("LogFile");
        break;
      case "MESSAGEWINDOW":
        messageWindow = flag("MessageWindow");
        break;
      case "REPORTFILE":
        reportFile = text;
        break;
      default:
        bad(
          opt.pos,
          `Write option ${opt.name} is not a recognized option`,
          "the options are Style, LogFile, MessageWindow and ReportFile",
        );
    }
  }
  return { style, logFile, messageWindow, reportFile };
}

/** An option's value as written. */
function optionText(opt: CommandOption): string {
  const v = opt.value;
  switch (v.kind) {
    case "expr":
      return v.text;
    case "number":
      return v.text;
    case "string":
    case "word":
      return v.value;
    default:
      return "";
  }
}

/**
 * Compile a Write command.
 *
 * @param cmd The statement (its detail is a names list with options).
 * @param model The resources.
 * @param names Name binding for parameters.
 * @param diag The error sink.
 * @returns The command.
 */
export function compileWrite(
  cmd: CommandStatement,
  model: Model,
  names: NameBinder,
  diag: Diagnostics,
): Command {
  const d = cmd.detail;
  if (d?.kind !== "names" || d.names.length === 0) {
    return diag.fail("SCRIPT_SYNTAX", cmd.argsPos, "expected Write item1 item2 ... {options}", {
      construct: "Write",
      hint: "write e.g. 'Write x A {Style = Verbose, ReportFile = RF}'",
    });
  }
  const opts = readOptions(d.options, diag);
  let rf: ReportFileResource | undefined;
  if (opts.reportFile !== undefined) {
    rf = model.get(opts.reportFile, ReportFileResource);
    if (!rf) {
      const pos = d.options.find((o) => o.name.toUpperCase() === "REPORTFILE")!.pos;
      diag.fail("SCRIPT_UNKNOWN_RESOURCE", pos, `'${opts.reportFile}' is not a ReportFile`, {
        construct: "Write",
        hint: "name a ReportFile created with 'Create ReportFile'",
      });
    }
  }
  const items = d.names.map(({ name, pos }): BoundItem => {
    const r = model.resources.get(name);
    let kind: WriteItemKind;
    if (r instanceof VariableResource) kind = "Variable";
    else if (r instanceof StringResource) kind = "String";
    else if (r instanceof ArrayResource) kind = "Array";
    else if (r instanceof SpacecraftResource) {
      return spacecraftItem(r, pos, opts.style, model, diag);
    } else if (r) {
      return diag.unsupported(pos, `writing the ${r.typeName} ${name}`, {
        construct: "Write",
        hint: "the engine writes Variables, Strings, Arrays and parameters such as Sat.X",
      });
    } else kind = "parameter";
    if (kind === "parameter" && opts.style === "Script") {
      diag.unsupported(pos, `writing the parameter ${name} in Script style`, {
        construct: "Write {Style = Script}",
        hint: "use Style = Concise or Verbose for parameters",
      });
    }
    const bound = names(name, pos);
    return { name, kind, get: () => bound.get() };
  });
  const itemNames = items.map((i) => i.name);
  const command: Command = {
    name: "Write",
    pos: cmd.pos,
    run(rt: Runtime) {
      const current: WriteItem[] = items.map((i) => ({
        name: i.name,
        kind: i.kind,
        value: i.get(rt),
      }));
      const script = opts.style === "Script";
      if (rf) {
        const out = rt.reports.find((o) => o.resource === rf);
        const values = current.map((i) => script ? scriptCell(i) : i.value);
        out?.writeCommand(command, itemNames, values, !script);
      }
      if (!opts.messageWindow && !opts.logFile) return;
      let sink = messagesByRun.get(rt);
      if (!sink) messagesByRun.set(rt, sink = []);
      for (const item of current) {
        const text = writeMessageText(item, opts.style);
        if (opts.messageWindow) sink.push({ sink: "MessageWindow", text });
        if (opts.logFile) sink.push({ sink: "LogFile", text });
      }
    },
  };
  return command;
}
