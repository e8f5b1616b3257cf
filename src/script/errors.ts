/**
 * Errors about GMAT script text: syntax the parser cannot read, and constructs an engine refuses.
 *
 * Every {@link ScriptError} names `file:line:column`, quotes the offending line with a caret under
 * the column, says what was expected and, where there is one, the fix.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";

/** Where a construct sits in a script: 1-based line and column. */
export interface SourcePos {
  /** The script path as given by the caller (or a label such as `<override>`). */
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column number. */
  readonly column: number;
}

/** Codes of {@link ScriptError}. */
export type ScriptErrorCode =
  | "SCRIPT_SYNTAX"
  | "SCRIPT_NON_ASCII"
  | "SCRIPT_UNKNOWN_RESOURCE"
  | "SCRIPT_UNKNOWN_FIELD"
  | "SCRIPT_BAD_VALUE"
  | "SCRIPT_DUPLICATE_NAME"
  | "SCRIPT_NOT_FOUND"
  | "SCRIPT_MISSION"
  | "ENGINE_UNSUPPORTED"
  | "OVERRIDE_INVALID";

/** Details that make up a {@link ScriptError}. */
export interface ScriptErrorDetails {
  /** What is wrong, in one sentence without a trailing period. */
  readonly message: string;
  /** Where it is. */
  readonly pos?: SourcePos;
  /** The whole physical source line, for the excerpt. */
  readonly sourceLine?: string;
  /** The construct at fault, e.g. `ForceModel.Drag` or `While`. */
  readonly construct?: string;
  /** How to fix it. */
  readonly hint?: string;
}

/** A script that cannot be read or run; the message carries location, excerpt and fix. */
export class ScriptError extends GmatSweepError {
  /** The error's code, narrowed to the script codes. */
  declare readonly code: ScriptErrorCode;
  /** Where the problem is, when known. */
  readonly pos: SourcePos | undefined;
  /** The construct at fault, when known. */
  readonly construct: string | undefined;
  /** The suggested fix, when known. */
  readonly hint: string | undefined;
  /** The bare one-line description, without location and excerpt. */
  readonly detail: string;

  /**
   * Creates the error; its message is rendered from the details (location, excerpt, fix).
   *
   * @param code What kind of problem it is.
   * @param details The description, location, source line, construct and fix.
   * @param options Standard error options (`cause`).
   */
  constructor(code: ScriptErrorCode, details: ScriptErrorDetails, options?: ErrorOptions) {
    super(code, renderScriptError(details), options);
    this.pos = details.pos;
    this.construct = details.construct;
    this.hint = details.hint;
    this.detail = details.message;
  }
}

function renderScriptError(d: ScriptErrorDetails): string {
  const where = d.pos ? `${d.pos.file}:${d.pos.line}:${d.pos.column}: ` : "";
  let text = `${where}${d.message}`;
  if (d.pos && d.sourceLine !== undefined) {
    const num = String(d.pos.line);
    const gutter = " ".repeat(num.length);
    const shown = d.sourceLine.replace(/\t/g, " ");
    text += `\n ${num} | ${shown}\n ${gutter} | ${" ".repeat(Math.max(0, d.pos.column - 1))}^`;
  }
  if (d.hint) text += `\n  fix: ${d.hint}`;
  return text;
}
