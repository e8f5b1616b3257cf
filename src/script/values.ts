/**
 * Literal values on the right of a field assignment, as GMAT's TextParser reads them: numbers,
 * single-quoted strings (and values wrapped in doubled quotes, `''01 Jan 2000''`), unquoted words
 * and multi-word text (dates, `Relative Position`, file names), brace lists that nest and may hold
 * arrays and empty items (`{{a, b}, {c}}`, `{1, [0 0 0]}`, `{a, , b}`), and bracket arrays with
 * rows (`[1 0; 0 1]`).
 *
 * What is not a literal (`2 * pi`, `sqrt(x)`) is handed to the expression grammar and kept as an
 * {@link ExprValue}; whether a field accepts it is decided later.
 *
 * @module
 */

import type { ScriptValue } from "./ast.ts";
import { parseExpression } from "./expression.ts";
import { isTransposeQuote, type LogicalLine } from "./source.ts";
import { MAX_NESTING, syntax, TokenCursor, tokenize } from "./tokens.ts";

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Unquoted text GMAT keeps as a word: no brackets, quotes or operators that make math. */
const WORD_RE = /^[^'"{}[\]()*^=<>&|~,;]+$/;

/**
 * Parse the literal value in `ll.text[from, to)`.
 *
 * @param ll The logical line.
 * @param from Start offset (leading blanks allowed).
 * @param to End offset (trailing blanks allowed).
 * @param lines The file's physical lines, for error excerpts.
 * @returns The value.
 * @throws {ScriptError} `SCRIPT_SYNTAX` naming the position.
 */
export function parseValue(
  ll: LogicalLine,
  from: number,
  to: number,
  lines?: readonly string[],
): ScriptValue {
  return new ValueParser(ll, lines).top(from, to);
}

class ValueParser {
  #depth = 0;
  constructor(readonly ll: LogicalLine, readonly lines?: readonly string[]) {}

  #fail(at: number, message: string, hint: string): never {
    throw syntax(this.ll, at, message, hint, this.lines, "value");
  }

  top(from: number, to: number): ScriptValue {
    const t = this.ll.text;
    while (from < to && /\s/.test(t[from])) from++;
    while (to > from && /\s/.test(t[to - 1])) to--;
    if (from === to) {
      this.#fail(
        from,
        "expected a value after '='",
        "write a number, 'text', a word, {a, b} or [1 2]",
      );
    }
    const text = t.slice(from, to);
    const doubled = /^''([^']+)''$/.exec(text);
    if (doubled) return { kind: "string", value: doubled[1], pos: this.ll.pos(from) };
    const first = text[0];
    if (first === "{" || first === "[" || first === "'") {
      const end = this.#item(from, to, true);
      if (end.next === to) return end.value;
      if (first === "'") return this.#expression(from, to);
      this.#fail(end.next, "unexpected text after the value", "one value per assignment");
    }
    if (NUMBER_RE.test(text)) {
      return { kind: "number", value: Number(text), text, pos: this.ll.pos(from) };
    }
    if (WORD_RE.test(text)) {
      return { kind: "word", value: text.replace(/\s+/g, " "), pos: this.ll.pos(from) };
    }
    return this.#expression(from, to);
  }

  #expression(from: number, to: number): ScriptValue {
    const cur = new TokenCursor(this.ll, tokenize(this.ll, from, to, this.lines), this.lines);
    const expr = parseExpression(cur);
    cur.expectEnd("the end of the value", "one value per assignment");
    return {
      kind: "expr",
      expr,
      text: this.ll.text.slice(from, to).trim(),
      pos: this.ll.pos(from),
    };
  }

  /**
   * One value starting at `from` (blanks skipped) and ending before `,`, `}`, `]`, `;` or `to`
   * (`top`: only `to` ends a scalar, so multi-word text keeps its commas out).
   */
  #item(from: number, to: number, top: boolean): { value: ScriptValue; next: number } {
    const t = this.ll.text;
    let i = from;
    while (i < to && /\s/.test(t[i])) i++;
    const pos = this.ll.pos(i);
    const ch = t[i];
    if (ch === "{" || ch === "[") {
      if (++this.#depth > MAX_NESTING) {
        this.#fail(i, `a list nested more than ${MAX_NESTING} levels deep`, "flatten the list");
      }
      const r = ch === "{" ? this.#list(i, to) : this.#array(i, to);
      this.#depth--;
      return r;
    }
    if (ch === "'") {
      const doubled = t.startsWith("''", i) && t[i + 2] !== "'" && t[i + 2] !== undefined &&
        !/[\s,}\]]/.test(t[i + 2]);
      if (doubled) {
        const close = t.indexOf("''", i + 2);
        if (close > 0 && close < to) {
          return {
            value: { kind: "string", value: t.slice(i + 2, close), pos },
            next: skip(t, close + 2, to),
          };
        }
      }
      const close = t.indexOf("'", i + 1);
      if (close < 0 || close >= to) {
        this.#fail(
          i,
          "unterminated string",
          "close the string with a single quote on the same line",
        );
      }
      return {
        value: { kind: "string", value: t.slice(i + 1, close), pos },
        next: skip(t, close + 1, to),
      };
    }
    // A scalar: up to the next separator at this level.
    let j = i;
    while (j < to && (top || !/[,}\];]/.test(t[j]))) {
      if (/['{[]/.test(t[j]) || (t[j] === "(")) {
        if (top) break;
        // A call or quote inside a list item: read it as an expression up to the separator.
        return this.#exprItem(i, to);
      }
      j++;
    }
    const text = t.slice(i, j).trim();
    if (text === "") return { value: { kind: "empty", pos }, next: j };
    if (NUMBER_RE.test(text)) {
      return { value: { kind: "number", value: Number(text), text, pos }, next: j };
    }
    return { value: { kind: "word", value: text.replace(/\s+/g, " "), pos }, next: j };
  }

  #exprItem(from: number, to: number): { value: ScriptValue; next: number } {
    const t = this.ll.text;
    // Find the end of this item: the first `,` `}` `]` `;` outside brackets and quotes.
    let depth = 0;
    let quote = false;
    let j = from;
    for (; j < to; j++) {
      const ch = t[j];
      if (ch === "'") {
        if (quote) quote = false;
        else if (!isTransposeQuote(t, j)) quote = true;
      } else if (quote) continue;
      else if (ch === "(" || ch === "[" || ch === "{") depth++;
      else if ((ch === ")" || ch === "]" || ch === "}") && depth > 0) depth--;
      else if (depth === 0 && /[,}\];]/.test(ch)) break;
    }
    return { value: this.#expression(from, j), next: j };
  }

  #list(open: number, to: number): { value: ScriptValue; next: number } {
    const t = this.ll.text;
    const pos = this.ll.pos(open);
    const items: ScriptValue[] = [];
    let i = open + 1;
    if (/^\s*\}/.test(t.slice(i, Math.min(to, i + 4096)))) {
      const close = t.indexOf("}", i);
      return { value: { kind: "list", items, pos }, next: skip(t, close + 1, to) };
    }
    for (;;) {
      const { value, next } = this.#item(i, to, false);
      items.push(value);
      i = next;
      if (i >= to) {
        this.#fail(open, "unterminated list: expected '}'", "close the list, e.g. {Earth, Luna}");
      }
      if (t[i] === ",") {
        i++;
        continue;
      }
      if (t[i] === "}") return { value: { kind: "list", items, pos }, next: skip(t, i + 1, to) };
      this.#fail(i, `unexpected '${t[i]}' in a list`, "separate list items with commas");
    }
  }

  #array(open: number, to: number): { value: ScriptValue; next: number } {
    const t = this.ll.text;
    const pos = this.ll.pos(open);
    const rows: ScriptValue[][] = [[]];
    let i = open + 1;
    for (;;) {
      while (i < to && /[\s,]/.test(t[i])) i++;
      if (i >= to) {
        this.#fail(open, "unterminated array: expected ']'", "close the array, e.g. [1 2 3]");
      }
      if (t[i] === "]") break;
      if (t[i] === ";") {
        rows.push([]);
        i++;
        continue;
      }
      if (t[i] === "{" || t[i] === "[" || t[i] === "'") {
        const { value, next } = this.#item(i, to, false);
        rows[rows.length - 1].push(value);
        i = next;
        continue;
      }
      let j = i;
      while (j < to && !/[\s,;\]]/.test(t[j])) j++;
      const text = t.slice(i, j);
      if (/[{}()']/.test(text)) return this.#arrayExpression(open, to);
      rows[rows.length - 1].push(
        NUMBER_RE.test(text)
          ? { kind: "number", value: Number(text), text, pos: this.ll.pos(i) }
          : { kind: "word", value: text, pos: this.ll.pos(i) },
      );
      i = j;
    }
    const kept = rows.length > 1 && rows[rows.length - 1].length === 0 ? rows.slice(0, -1) : rows;
    return { value: { kind: "array", rows: kept, pos }, next: skip(t, i + 1, to) };
  }

  /** An array whose elements are not plain words or numbers: read it as a matrix expression. */
  #arrayExpression(open: number, to: number): { value: ScriptValue; next: number } {
    const cur = new TokenCursor(this.ll, tokenize(this.ll, open, to, this.lines), this.lines);
    const expr = parseExpression(cur);
    const end = cur.peek.at;
    return {
      value: {
        kind: "expr",
        expr,
        text: this.ll.text.slice(open, end).trim(),
        pos: this.ll.pos(open),
      },
      next: skip(this.ll.text, end, to),
    };
  }
}

function skip(t: string, i: number, to: number): number {
  while (i < to && /\s/.test(t[i])) i++;
  return i;
}
