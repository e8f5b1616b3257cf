/**
 * The syntax tree of a GMAT script, as produced by {@link parseScript}.
 *
 * The tree keeps GMAT's two sections apart: resource statements (`Create` and literal field
 * assignments) and the mission sequence (commands, blocks and run-time assignments). Every node
 * carries its {@link SourcePos} and its logical source text, so later stages can report errors
 * at the exact place.
 *
 * @module
 */

import type { SourcePos } from "./errors.ts";

export type { SourcePos };

/** A literal value on the right of an initialisation assignment. */
export type ScriptValue =
  | NumberValue
  | StringValue
  | WordValue
  | ListValue
  | ArrayValue;

/** A numeric literal such as `7000`, `1e-12` or `-0.5`. */
export interface NumberValue {
  /** Discriminant. */
  readonly kind: "number";
  /** The number. */
  readonly value: number;
  /** The literal exactly as written. */
  readonly text: string;
  /** Where the literal starts. */
  readonly pos: SourcePos;
}

/** A single-quoted string such as `'01 Jan 2026 00:00:00.000'` (quotes removed). */
export interface StringValue {
  /** Discriminant. */
  readonly kind: "string";
  /** The text between the quotes. */
  readonly value: string;
  /** Where the opening quote stands. */
  readonly pos: SourcePos;
}

/** Unquoted text: an enumeration word (`Keplerian`, `On`, `true`) or a multi-word date. */
export interface WordValue {
  /** Discriminant. */
  readonly kind: "word";
  /** The text, with each run of whitespace collapsed to one space. */
  readonly value: string;
  /** Where the text starts. */
  readonly pos: SourcePos;
}

/** A brace list such as `{Earth}` or `{Sat.X, Sat.Y}`; items are words, numbers or strings. */
export interface ListValue {
  /** Discriminant. */
  readonly kind: "list";
  /** The items, in order (empty for `{}`). */
  readonly items: readonly ScriptValue[];
  /** Where the opening brace stands. */
  readonly pos: SourcePos;
}

/** A bracket array such as `[1 2 3]` or `[1 0; 0 1]`, as rows of values. */
export interface ArrayValue {
  /** Discriminant. */
  readonly kind: "array";
  /** The rows (separated by `;` in the source), each a list of values. */
  readonly rows: readonly (readonly ScriptValue[])[];
  /** Where the opening bracket stands. */
  readonly pos: SourcePos;
}

/** One name in a `Create` statement, with array dimensions when written as `A[3,1]`. */
export interface CreatedName {
  /** The resource name. */
  readonly name: string;
  /** The array dimensions (`[3]` or `[3, 1]`), when the name was written with them. */
  readonly dims?: readonly number[];
  /** Where the name starts. */
  readonly pos: SourcePos;
}

/** `Create Type name1 name2 ...`. */
export interface CreateStatement {
  /** Discriminant. */
  readonly kind: "create";
  /** The resource type, e.g. `Spacecraft`. */
  readonly type: string;
  /** Where the type name starts. */
  readonly typePos: SourcePos;
  /** The resources created (at least one). */
  readonly names: readonly CreatedName[];
  /** Where the statement starts. */
  readonly pos: SourcePos;
  /** The logical source line (continuations joined, comment removed). */
  readonly text: string;
}

/** `[GMAT] Resource.Field[.Sub...] = value` in the initialisation section. */
export interface AssignmentStatement {
  /** Discriminant. */
  readonly kind: "assignment";
  /** The dotted target as written, e.g. `FM.GravityField.Earth.Degree`. */
  readonly target: string;
  /** `target` split on dots. */
  readonly path: readonly string[];
  /** The literal value assigned. */
  readonly value: ScriptValue;
  /** Where the statement starts (after an optional `GMAT` keyword). */
  readonly pos: SourcePos;
  /** The logical source text of the statement (continuations joined, comment removed). */
  readonly text: string;
}

/** `#Include 'file'`. */
export interface IncludeStatement {
  /** Discriminant. */
  readonly kind: "include";
  /** The included file name as written (quotes removed). */
  readonly file: string;
  /** Where the statement starts. */
  readonly pos: SourcePos;
  /** The logical source text of the statement (continuations joined, comment removed). */
  readonly text: string;
}

/** A statement of the initialisation section. */
export type ResourceStatement = CreateStatement | AssignmentStatement | IncludeStatement;

/** A mission-sequence command such as `Propagate 'label' Prop(Sat) {Sat.ElapsedSecs = 60}`. */
export interface CommandStatement {
  /** Discriminant. */
  readonly kind: "command";
  /** The command keyword as written (`Propagate`, `Report`, `If`, ...). */
  readonly name: string;
  /** The optional single-quoted label after the keyword. */
  readonly label?: string;
  /** Everything after the keyword and label, trimmed, without the trailing `;`. */
  readonly args: string;
  /** Where `args` starts. */
  readonly argsPos: SourcePos;
  /** Statements inside a block command (`If`, `For`, `While`, `Target`, ...). */
  readonly body?: readonly MissionStatement[];
  /** Statements after `Else` in an `If` block. */
  readonly elseBody?: readonly MissionStatement[];
  /** Where the statement starts (the command keyword). */
  readonly pos: SourcePos;
  /** The logical source text of the statement (continuations joined, comment removed). */
  readonly text: string;
}

/** A run-time assignment in the mission sequence: `lhs = rhs` with `rhs` an expression. */
export interface MissionAssignmentStatement {
  /** Discriminant. */
  readonly kind: "missionAssignment";
  /** The target as written, e.g. `Sat.SMA` or `A(1, 2)`. */
  readonly lhs: string;
  /** The expression after `=`, trimmed. */
  readonly rhs: string;
  /** Where `rhs` starts. */
  readonly rhsPos: SourcePos;
  /** Where the statement starts (after an optional `GMAT` keyword). */
  readonly pos: SourcePos;
  /** The logical source text of the statement (continuations joined, comment removed). */
  readonly text: string;
}

/** A statement of the mission sequence. */
export type MissionStatement = CommandStatement | MissionAssignmentStatement;

/** A parsed script. */
export interface Script {
  /** The path (or label) the script was read from. */
  readonly file: string;
  /** The physical source lines, for error excerpts (1-based line n is `lines[n - 1]`). */
  readonly lines: readonly string[];
  /** `Create`, initialisation assignments and includes, in source order. */
  readonly resources: readonly ResourceStatement[];
  /** Where `BeginMissionSequence` stands, when present. */
  readonly beginMission?: SourcePos;
  /** The mission sequence, as a tree of blocks. */
  readonly mission: readonly MissionStatement[];
}
