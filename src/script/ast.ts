/**
 * The syntax tree of a GMAT script, as produced by {@link parseScript}.
 *
 * The tree keeps GMAT's two sections apart: resource statements (`Create`, literal field
 * assignments, object copies, method calls and includes, before `BeginMissionSequence`) and the
 * mission sequence (commands, blocks, run-time assignments, function calls and `Create`). It
 * records syntax only: whether a type, field or command exists is decided by the stage that uses
 * the tree (the built-in engine, or the checks made before handing a script to real GMAT). Every
 * node carries its {@link SourcePos}, so later stages report errors at the exact place.
 *
 * @module
 */

import type { SourcePos } from "./errors.ts";

export type { SourcePos };

// ---- expressions -------------------------------------------------------------------------------

/** A GMAT math expression (mission-sequence right-hand sides, conditions, goals, arguments). */
export type Expr =
  | NumberExpr
  | StringExpr
  | RefExpr
  | ApplyExpr
  | UnaryExpr
  | BinaryExpr
  | TransposeExpr
  | MatrixExpr
  | CompareExpr
  | LogicalExpr
  | ColonExpr;

/** A number such as `7000`, `1e-12`. */
export interface NumberExpr {
  /** Discriminant. */
  readonly kind: "number";
  /** The value. */
  readonly value: number;
  /** The literal as written. */
  readonly text: string;
  /** Where it starts. */
  readonly pos: SourcePos;
}

/** A quoted string such as `'Sat.X = '`. */
export interface StringExpr {
  /** Discriminant. */
  readonly kind: "string";
  /** The text between the quotes. */
  readonly value: string;
  /** Where the opening quote stands. */
  readonly pos: SourcePos;
}

/** A name, possibly dotted: `x`, `Sat.X`, `Sat.Earth.RMAG`, `pi`, `DefaultSC.Tank1.FuelMass`. */
export interface RefExpr {
  /** Discriminant. */
  readonly kind: "ref";
  /** The dotted name as written. */
  readonly name: string;
  /** Where it starts. */
  readonly pos: SourcePos;
}

/**
 * `name(args)`: a function call (`sqrt(x)`, `GetEphemStates(...)`), an array element (`A(1, 2)`)
 * or a method (`Python.mod.f(x)`); which one is decided by what `name` refers to.
 */
export interface ApplyExpr {
  /** Discriminant. */
  readonly kind: "apply";
  /** The (dotted) name before the parenthesis. */
  readonly name: string;
  /** The arguments (a bare `:` is a {@link ColonExpr}). */
  readonly args: readonly Expr[];
  /** Where the name starts. */
  readonly pos: SourcePos;
}

/** `-x` or `+x`. */
export interface UnaryExpr {
  /** Discriminant. */
  readonly kind: "unary";
  /** The operator. */
  readonly op: "-" | "+";
  /** The operand. */
  readonly operand: Expr;
  /** Where the operator stands. */
  readonly pos: SourcePos;
}

/** `a + b`, `a - b`, `a * b`, `a / b`, `a ^ b`. */
export interface BinaryExpr {
  /** Discriminant. */
  readonly kind: "binary";
  /** The operator. */
  readonly op: "+" | "-" | "*" | "/" | "^";
  /** Left operand. */
  readonly left: Expr;
  /** Right operand. */
  readonly right: Expr;
  /** Where the operator stands. */
  readonly pos: SourcePos;
}

/** `A'`: the transpose of a matrix. */
export interface TransposeExpr {
  /** Discriminant. */
  readonly kind: "transpose";
  /** The operand. */
  readonly operand: Expr;
  /** Where the quote stands. */
  readonly pos: SourcePos;
}

/** A matrix literal `[1 2; 3 4]` or `[a, b, c]`, as rows of expressions. */
export interface MatrixExpr {
  /** Discriminant. */
  readonly kind: "matrix";
  /** The rows. */
  readonly rows: readonly (readonly Expr[])[];
  /** Where the bracket stands. */
  readonly pos: SourcePos;
}

/** A comparison in a condition: `a == b`, `a ~= b`, `<`, `>`, `<=`, `>=`. */
export interface CompareExpr {
  /** Discriminant. */
  readonly kind: "compare";
  /** The operator. */
  readonly op: "==" | "~=" | "<" | ">" | "<=" | ">=";
  /** Left side. */
  readonly left: Expr;
  /** Right side. */
  readonly right: Expr;
  /** Where the operator stands. */
  readonly pos: SourcePos;
}

/** Conditions joined by `&` (and) or `|` (or). */
export interface LogicalExpr {
  /** Discriminant. */
  readonly kind: "logical";
  /** The operator. */
  readonly op: "&" | "|";
  /** Left side. */
  readonly left: Expr;
  /** Right side. */
  readonly right: Expr;
  /** Where the operator stands. */
  readonly pos: SourcePos;
}

/** A bare `:` index (a whole row or column) inside `A(:, 1)`. */
export interface ColonExpr {
  /** Discriminant. */
  readonly kind: "colon";
  /** Where it stands. */
  readonly pos: SourcePos;
}

// ---- literal values ----------------------------------------------------------------------------

/** The right-hand side of an assignment. */
export type ScriptValue =
  | NumberValue
  | StringValue
  | WordValue
  | ListValue
  | ArrayValue
  | EmptyValue
  | ExprValue;

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

/**
 * A quoted string such as `'01 Jan 2026 00:00:00.000'` (quotes removed). GMAT also reads a value
 * wrapped in doubled quotes (`''01 Jan 2000 11:59:28.000''`, as its GUI sometimes saves them) as
 * the text inside.
 */
export interface StringValue {
  /** Discriminant. */
  readonly kind: "string";
  /** The text between the quotes. */
  readonly value: string;
  /** Where the opening quote stands. */
  readonly pos: SourcePos;
}

/**
 * Unquoted text: an enumeration word (`Keplerian`, `On`, `true`), a name (`Sat1` in an object
 * copy `Sat2 = Sat1`, a parameter `Sat.A1ModJulian`), or multi-word text such as a date.
 */
export interface WordValue {
  /** Discriminant. */
  readonly kind: "word";
  /** The text, with each run of whitespace collapsed to one space. */
  readonly value: string;
  /** Where the text starts. */
  readonly pos: SourcePos;
}

/** A brace list such as `{Earth}`, `{Sat.X, Sat.Y}`, `{{1, 2}, {3}}` or `{1, [0 0 0]}`. */
export interface ListValue {
  /** Discriminant. */
  readonly kind: "list";
  /** The items, in order (empty for `{}`; an empty item `{a, , b}` is an {@link EmptyValue}). */
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

/** An empty list item, as in `{inertial_View, , Earth_View1}` (GMAT's GUI writes these). */
export interface EmptyValue {
  /** Discriminant. */
  readonly kind: "empty";
  /** Where the item would stand. */
  readonly pos: SourcePos;
}

/** A math expression where a literal was not enough: `x = 2 * pi`, `Sat.SMA = a + 100`. */
export interface ExprValue {
  /** Discriminant. */
  readonly kind: "expr";
  /** The parsed expression. */
  readonly expr: Expr;
  /** The expression's text. */
  readonly text: string;
  /** Where it starts. */
  readonly pos: SourcePos;
}

// ---- statements --------------------------------------------------------------------------------

/** One name in a `Create` statement, with array dimensions when written as `A[3,1]`. */
export interface CreatedName {
  /** The resource name. */
  readonly name: string;
  /** The array dimensions (`[3]` or `[3, 1]`), when the name was written with them. */
  readonly dims?: readonly number[];
  /** Where the name starts. */
  readonly pos: SourcePos;
}

/** `Create Type name1 name2 ...` (before or, as GMAT allows, inside the mission sequence). */
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

/** The left side of an assignment: `Sat.SMA`, `x`, `A(1, 2)`, `Sat2` (an object copy). */
export interface AssignTarget {
  /** The dotted name as written (without an index), e.g. `FM.GravityField.Earth.Degree`. */
  readonly name: string;
  /** `name` split on dots. */
  readonly path: readonly string[];
  /** Element indices when written `A(i, j)`. */
  readonly index?: readonly Expr[];
  /** Where it starts. */
  readonly pos: SourcePos;
}

/**
 * `[GMAT] Target = value` before the mission sequence: a field set (`Sat.SMA = 7000`), an object
 * copy (`Sat2 = Sat1`), a variable or array element set (`x = 5`, `A(1, 1) = 2`).
 */
export interface AssignmentStatement {
  /** Discriminant. */
  readonly kind: "assignment";
  /** The dotted target as written, without an index, e.g. `FM.GravityField.Earth.Degree`. */
  readonly target: string;
  /** `target` split on dots. */
  readonly path: readonly string[];
  /** Element indices for `A(i, j) = value`. */
  readonly index?: readonly Expr[];
  /** The value assigned. */
  readonly value: ScriptValue;
  /** Where the statement starts (after an optional `GMAT` keyword). */
  readonly pos: SourcePos;
  /** The logical source text of the statement (continuations joined, comment removed). */
  readonly text: string;
}

/**
 * A call statement: `[a, b] = f(x, y)`, `f(x)`, `Obj.Method('a', 1)`, `Python.mod.f(x)`; in the
 * mission sequence the call of a GMAT, MATLAB or Python function.
 */
export interface CallStatement {
  /** Discriminant. */
  readonly kind: "call";
  /** The (dotted) function or method name. */
  readonly name: string;
  /** The output names inside `[...] =`, empty when there are none. */
  readonly outputs: readonly AssignTarget[];
  /** The arguments. */
  readonly args: readonly Expr[];
  /** The optional label (`GMAT 'label' [a] = f(x)`). */
  readonly label?: string;
  /** Where the statement starts. */
  readonly pos: SourcePos;
  /** The logical source text of the statement. */
  readonly text: string;
}

/** `#Include 'file'`: where it stood, and the file it brought in when includes were read. */
export interface IncludeStatement {
  /** Discriminant. */
  readonly kind: "include";
  /** The included file name as written (quotes removed). */
  readonly file: string;
  /** The path it was read from, when the parser was given a way to read includes. */
  readonly resolved?: string;
  /** Where the statement starts. */
  readonly pos: SourcePos;
  /** The logical source text of the statement (continuations joined, comment removed). */
  readonly text: string;
}

/** A statement of the initialisation section. */
export type ResourceStatement =
  | CreateStatement
  | AssignmentStatement
  | IncludeStatement
  | CallStatement;

// ---- commands ------------------------------------------------------------------------------------

/** One stop condition of Propagate: `Sat.ElapsedSecs = 60`, `Sat.Earth.Periapsis`. */
export interface StopCondition {
  /** The stopping parameter, dotted, e.g. `Sat.Earth.Periapsis`. */
  readonly param: string;
  /** The goal (`= expr`); absent for apsis-type conditions. */
  readonly goal?: Expr;
  /** Where the parameter starts. */
  readonly pos: SourcePos;
}

/** A `Name = value` option inside braces: `{Tolerance = 0.1}`, `{StopTolerance = 1e-5}`. */
export interface CommandOption {
  /** The option name. */
  readonly name: string;
  /** The value, as a literal or an expression. */
  readonly value: ScriptValue;
  /** Where the option name starts. */
  readonly pos: SourcePos;
}

/** One `Propagator(Sat1, Sat2)` group of a Propagate command. */
export interface PropagateGroup {
  /** The propagator name. */
  readonly propagator: string;
  /** Written `-Prop(Sat)`: this group runs backwards. */
  readonly backward: boolean;
  /** The spacecraft (or formations) propagated. */
  readonly spacecraft: readonly { readonly name: string; readonly pos: SourcePos }[];
  /** Quoted extras propagated with the state: `'STM'`, `'Covariance'`, `'AMatrix'`. */
  readonly components: readonly string[];
  /** Where the propagator name starts. */
  readonly pos: SourcePos;
}

/** Parsed arguments of the commands whose syntax GMAT fixes; see {@link CommandStatement.detail}. */
export type CommandDetail =
  | PropagateDetail
  | BurnDetail
  | ReportDetail
  | ToggleDetail
  | SolverBlockDetail
  | VaryDetail
  | AchieveDetail
  | MinimizeDetail
  | ConstraintDetail
  | ConditionDetail
  | ForDetail
  | NamesDetail;

/** `Propagate [Synchronized] [BackProp] Prop(Sat, ...) ... {cond, ..., Option = v}`. */
export interface PropagateDetail {
  /** Discriminant. */
  readonly kind: "propagate";
  /** `Synchronized` when given. */
  readonly synchronized: boolean;
  /** `BackProp` given: every group runs backwards. */
  readonly backProp: boolean;
  /** The propagator groups. */
  readonly groups: readonly PropagateGroup[];
  /** The stop conditions, in order. */
  readonly stops: readonly StopCondition[];
  /** `StopTolerance = ...`, `OrbitColor = ...` and other options inside the braces. */
  readonly options: readonly CommandOption[];
}

/** `Maneuver Burn(Sat)`, `BeginFiniteBurn Burn(Sat, ...)`, `EndFiniteBurn Burn(Sat)`. */
export interface BurnDetail {
  /** Discriminant. */
  readonly kind: "burn";
  /** The burn resource. */
  readonly burn: string;
  /** Where the burn name starts. */
  readonly burnPos: SourcePos;
  /** The spacecraft. */
  readonly spacecraft: readonly { readonly name: string; readonly pos: SourcePos }[];
}

/** `Report RF item item ...`: parameters, variables, array elements. */
export interface ReportDetail {
  /** Discriminant. */
  readonly kind: "report";
  /** The ReportFile. */
  readonly file: string;
  /** Where its name starts. */
  readonly filePos: SourcePos;
  /** The reported items. */
  readonly items: readonly Expr[];
}

/** `Toggle A B On|Off`. */
export interface ToggleDetail {
  /** Discriminant. */
  readonly kind: "toggle";
  /** The subscribers toggled. */
  readonly targets: readonly { readonly name: string; readonly pos: SourcePos }[];
  /** The new state. */
  readonly on: boolean;
}

/** `Target DC {SolveMode = Solve, ...}` and `Optimize Opt {...}`. */
export interface SolverBlockDetail {
  /** Discriminant. */
  readonly kind: "solverBlock";
  /** The solver resource. */
  readonly solver: string;
  /** Where the solver name starts. */
  readonly solverPos: SourcePos;
  /** Options in braces. */
  readonly options: readonly CommandOption[];
}

/** `Vary DC(TOI.Element1 = 0.5, {Perturbation = 1e-4, Lower = 0, ...})`. */
export interface VaryDetail {
  /** Discriminant. */
  readonly kind: "vary";
  /** The solver resource. */
  readonly solver: string;
  /** The varied quantity. */
  readonly variable: AssignTarget;
  /** Its initial value. */
  readonly initial: Expr;
  /** Options in braces. */
  readonly options: readonly CommandOption[];
}

/** `Achieve DC(Sat.Earth.RMAG = 42165, {Tolerance = 0.1})`. */
export interface AchieveDetail {
  /** Discriminant. */
  readonly kind: "achieve";
  /** The solver resource. */
  readonly solver: string;
  /** The achieved quantity. */
  readonly goal: Expr;
  /** Its target value. */
  readonly value: Expr;
  /** Options in braces. */
  readonly options: readonly CommandOption[];
}

/** `Minimize Opt(Cost)`. */
export interface MinimizeDetail {
  /** Discriminant. */
  readonly kind: "minimize";
  /** The solver resource. */
  readonly solver: string;
  /** The cost. */
  readonly cost: Expr;
}

/** `NonlinearConstraint Opt(Sat.RMAG <= 7000)`. */
export interface ConstraintDetail {
  /** Discriminant. */
  readonly kind: "constraint";
  /** The solver resource. */
  readonly solver: string;
  /** The constraint as a comparison. */
  readonly constraint: Expr;
}

/** `If cond`, `While cond`: comparisons joined by `&` and `|`. */
export interface ConditionDetail {
  /** Discriminant. */
  readonly kind: "condition";
  /** The condition. */
  readonly condition: Expr;
}

/** `For I = start:end` or `For I = start:step:end`. */
export interface ForDetail {
  /** Discriminant. */
  readonly kind: "for";
  /** The loop variable. */
  readonly variable: AssignTarget;
  /** First value. */
  readonly start: Expr;
  /** Increment (1 when not written). */
  readonly step?: Expr;
  /** Last value. */
  readonly end: Expr;
}

/** Commands whose arguments are names and options: `Save Sat`, `Write a b {Style = Concise}`. */
export interface NamesDetail {
  /** Discriminant. */
  readonly kind: "names";
  /** The names. */
  readonly names: readonly { readonly name: string; readonly pos: SourcePos }[];
  /** Options in braces. */
  readonly options: readonly CommandOption[];
}

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
  /** The parsed arguments, for commands whose syntax GMAT fixes. */
  readonly detail?: CommandDetail;
  /** Statements inside a block command (`If`, `For`, `While`, `Target`, ...). */
  readonly body?: readonly MissionStatement[];
  /** Statements after `Else` in an `If` block. */
  readonly elseBody?: readonly MissionStatement[];
  /** Where the closing keyword (`EndIf`, `EndTarget`, ...) stands, for blocks. */
  readonly endPos?: SourcePos;
  /** Where the statement starts (the command keyword). */
  readonly pos: SourcePos;
  /** The logical source text of the statement (continuations joined, comment removed). */
  readonly text: string;
}

/** A run-time assignment in the mission sequence: `Target = value` (`x = 2 * y`, `Sat2 = Sat1`). */
export interface MissionAssignmentStatement {
  /** Discriminant. */
  readonly kind: "missionAssignment";
  /** The target as written, e.g. `Sat.SMA` or `A(1, 2)`. */
  readonly lhs: string;
  /** The parsed target. */
  readonly target: AssignTarget;
  /** The right-hand side text, trimmed. */
  readonly rhs: string;
  /** The parsed right-hand side: an expression, or a literal GMAT reads as one (a list, a date). */
  readonly value: ScriptValue;
  /** Where `rhs` starts. */
  readonly rhsPos: SourcePos;
  /** The optional label (`GMAT 'label' x = ...`). */
  readonly label?: string;
  /** Where the statement starts (after an optional `GMAT` keyword). */
  readonly pos: SourcePos;
  /** The logical source text of the statement (continuations joined, comment removed). */
  readonly text: string;
}

/** A statement of the mission sequence. */
export type MissionStatement =
  | CommandStatement
  | MissionAssignmentStatement
  | CallStatement
  | CreateStatement
  | IncludeStatement;

/** `function [out1, out2] = Name(in1, in2)`: the first statement of a GMAT function file. */
export interface FunctionHeader {
  /** The function name. */
  readonly name: string;
  /** Output argument names. */
  readonly outputs: readonly string[];
  /** Input argument names. */
  readonly inputs: readonly string[];
  /** Where the statement starts. */
  readonly pos: SourcePos;
}

/** A parsed script. */
export interface Script {
  /** The path (or label) the script was read from. */
  readonly file: string;
  /** The physical source lines, for error excerpts (1-based line n is `lines[n - 1]`). */
  readonly lines: readonly string[];
  /** Source lines of every file read (the script and what it includes), by file label. */
  readonly sources: ReadonlyMap<string, readonly string[]>;
  /** Initialisation statements (and includes), in source order, included files spliced in. */
  readonly resources: readonly ResourceStatement[];
  /** Where `BeginMissionSequence` stands, when present. */
  readonly beginMission?: SourcePos;
  /** The header of a GMAT function file (`.gmf`), when the text is one. */
  readonly functionHeader?: FunctionHeader;
  /** The mission sequence, as a tree of blocks. */
  readonly mission: readonly MissionStatement[];
}
