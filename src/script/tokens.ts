/**
 * The token stream of GMAT math and command arguments: numbers, dotted names, quoted strings,
 * operators and brackets, each with its offset in the logical line and whether whitespace came
 * before it (inside `[1 -2]` that decides between an element and a subtraction).
 *
 * A quote right after a name, number, `)`, `]` or another transpose is MATLAB's transpose
 * operator; anywhere else it opens a string. GMAT strings hold no quote.
 *
 * @module
 */

import { ScriptError, type SourcePos } from "./errors.ts";
import type { LogicalLine } from "./source.ts";

/** Kinds of {@link Token}. */
export type TokenKind = "number" | "name" | "string" | "op" | "end";

/** One token. */
export interface Token {
  /** What it is. */
  readonly kind: TokenKind;
  /** The text (for strings: the text between the quotes). */
  readonly text: string;
  /** Offset in the logical line. */
  readonly at: number;
  /** Offset just after it. */
  readonly stop: number;
  /** Whitespace stood right before it. */
  readonly spaced: boolean;
}

const OPERATORS = [
  "==",
  "~=",
  "<=",
  ">=",
  "<",
  ">",
  "=",
  "&",
  "|",
  "+",
  "-",
  "*",
  "/",
  "^",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ";",
  ":",
  "'",
  ".",
];
const NUMBER_RE = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME_RE = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*/y;

/** Deepest nesting of brackets and operators a statement may have (a bound for hostile input). */
export const MAX_NESTING = 256;

/**
 * Tokens of `ll.text[from, to)`, ending with an `end` token at `to`.
 *
 * @throws {ScriptError} `SCRIPT_SYNTAX` for a character that starts no token or an open string.
 */
export function tokenize(ll: LogicalLine, from: number, to: number, lines?: readonly string[]) {
  const text = ll.text;
  const out: Token[] = [];
  let i = from;
  let spaced = false;
  while (i < to) {
    const ch = text[i];
    if (ch === " " || ch === "\t") {
      spaced = true;
      i++;
      continue;
    }
    const prev = out[out.length - 1];
    if (ch === "'") {
      const transpose = prev !== undefined && !spaced &&
        (prev.kind === "name" || prev.kind === "number" ||
          (prev.kind === "op" && (prev.text === ")" || prev.text === "]" || prev.text === "'")));
      if (!transpose) {
        const close = text.indexOf("'", i + 1);
        if (close < 0 || close >= to) {
          throw syntax(
            ll,
            i,
            "unterminated string",
            "close the string with a single quote on the same line",
            lines,
            "string",
          );
        }
        out.push({
          kind: "string",
          text: text.slice(i + 1, close),
          at: i,
          stop: close + 1,
          spaced,
        });
        i = close + 1;
        spaced = false;
        continue;
      }
    }
    NUMBER_RE.lastIndex = i;
    let m = /[0-9.]/.test(ch) ? NUMBER_RE.exec(text) : null;
    if (m && m[0] !== "." && m.index + m[0].length <= to) {
      out.push({ kind: "number", text: m[0], at: i, stop: i + m[0].length, spaced });
      i += m[0].length;
      spaced = false;
      continue;
    }
    NAME_RE.lastIndex = i;
    m = /[A-Za-z_]/.test(ch) ? NAME_RE.exec(text) : null;
    if (m) {
      const stop = Math.min(i + m[0].length, to);
      out.push({ kind: "name", text: text.slice(i, stop), at: i, stop, spaced });
      i = stop;
      spaced = false;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i) && i + o.length <= to);
    if (!op) {
      throw syntax(
        ll,
        i,
        `unexpected '${ch}'`,
        "GMAT statements use names, numbers, 'strings', operators and brackets only",
        lines,
        "character",
      );
    }
    out.push({ kind: "op", text: op, at: i, stop: i + op.length, spaced });
    i += op.length;
    spaced = false;
  }
  out.push({ kind: "end", text: "", at: to, stop: to, spaced });
  return out;
}

/** A cursor over tokens with helpers the parsers share. */
export class TokenCursor {
  #k = 0;
  constructor(
    readonly ll: LogicalLine,
    readonly tokens: readonly Token[],
    readonly lines?: readonly string[],
    /** The construct errors name when the caller names none. */
    readonly construct = "expression",
  ) {}

  /** The current token. */
  get peek(): Token {
    return this.tokens[this.#k];
  }

  /** The token after the current one. */
  get next(): Token {
    return this.tokens[Math.min(this.#k + 1, this.tokens.length - 1)];
  }

  /** Index of the current token (for backtracking). */
  get mark(): number {
    return this.#k;
  }

  /** Go back to a {@link mark}. */
  reset(mark: number): void {
    this.#k = mark;
  }

  /** Take the current token. */
  take(): Token {
    const t = this.tokens[this.#k];
    if (t.kind !== "end") this.#k++;
    return t;
  }

  /** Whether the current token is operator `op`. */
  isOp(op: string): boolean {
    const t = this.tokens[this.#k];
    return t.kind === "op" && t.text === op;
  }

  /** Take operator `op` when it is next. */
  eatOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.#k++;
    return true;
  }

  /** Whether every token has been read. */
  get atEnd(): boolean {
    return this.tokens[this.#k].kind === "end";
  }

  /** Position of a token. */
  pos(t: Token = this.peek): SourcePos {
    return this.ll.pos(t.at);
  }

  /** Require operator `op`. */
  expectOp(op: string, what: string, hint?: string): Token {
    if (!this.isOp(op)) this.fail(`expected ${what}`, hint);
    return this.take();
  }

  /** Require a name. */
  expectName(what: string, hint?: string): Token {
    if (this.peek.kind !== "name") this.fail(`expected ${what}`, hint);
    return this.take();
  }

  /** Require the end of the tokens. */
  expectEnd(what = "the end of the statement", hint?: string): void {
    if (!this.atEnd) this.fail(`unexpected ${describe(this.peek)}: expected ${what}`, hint);
  }

  /** Throw a syntax error at the current token. */
  fail(message: string, hint?: string, construct?: string): never {
    const t = this.peek;
    const msg = message.startsWith("expected") ? `${message}, found ${describe(t)}` : message;
    throw syntax(
      this.ll,
      t.at,
      msg,
      hint ?? "check the statement against GMAT's script syntax (GMAT user guide, Script Language)",
      this.lines,
      construct ?? this.construct,
    );
  }
}

/** How a token reads in an error message. */
export function describe(t: Token): string {
  switch (t.kind) {
    case "end":
      return "the end of the statement";
    case "string":
      return `'${t.text}'`.length > 40 ? "a string" : `the string '${t.text}'`;
    default:
      return `'${t.text.length > 40 ? t.text.slice(0, 37) + "..." : t.text}'`;
  }
}

/** A `SCRIPT_SYNTAX` error at an offset of a logical line. */
export function syntax(
  ll: LogicalLine,
  at: number,
  message: string,
  hint?: string,
  lines?: readonly string[],
  construct = "statement",
): ScriptError {
  const pos = ll.pos(at);
  const sourceLine = lines?.[pos.line - 1];
  return new ScriptError("SCRIPT_SYNTAX", {
    message,
    pos,
    sourceLine: sourceLine !== undefined && sourceLine.length <= 400 ? sourceLine : undefined,
    construct,
    hint,
  });
}
