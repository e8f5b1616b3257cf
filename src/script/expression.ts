/**
 * The GMAT math expression grammar (MATLAB-like, as GMAT's MathParser reads it): numbers,
 * strings, dotted names, calls and array elements `f(a, b)`, `A(:, 1)`, matrix literals
 * `[1 2; 3 4]`, unary `-`/`+`, `+ - * / ^`, the transpose `'`, and in conditions the comparisons
 * `== ~= < > <= >=` joined by `&` and `|`.
 *
 * The parser builds an {@link Expr} tree and stops at the first token that cannot continue an
 * expression (`=`, `,`, `)`, `}`, ...), leaving it to the caller. Nesting deeper than
 * {@link MAX_NESTING} is a syntax error, never a stack overflow.
 *
 * @module
 */

import type { Expr } from "./ast.ts";
import { MAX_NESTING, type TokenCursor } from "./tokens.ts";

const COMPARE_OPS = new Set(["==", "~=", "<", ">", "<=", ">="]);
const HINT = "expressions use numbers, names, f(x), [a b; c d], + - * / ^ ' and parentheses";

/** Options of {@link parseExpression}. */
export interface ExpressionOptions {
  /** Allow comparisons and `&`/`|` (conditions of If, While, NonlinearConstraint). */
  readonly condition?: boolean;
}

/**
 * Parse one expression at the cursor.
 *
 * @param cur The token cursor (left on the first token after the expression).
 * @param options Whether comparisons are allowed.
 * @returns The tree.
 * @throws {ScriptError} `SCRIPT_SYNTAX` at the offending token.
 */
export function parseExpression(cur: TokenCursor, options: ExpressionOptions = {}): Expr {
  return new ExpressionParser(cur).top(options.condition === true);
}

/** Deepest expression tree accepted (a bound for hostile input; consumers recurse over trees). */
export const MAX_EXPRESSION_DEPTH = 400;

class ExpressionParser {
  #depth = 0;
  readonly #heights = new Map<Expr, number>();
  constructor(readonly cur: TokenCursor) {}

  /** Record a node's height, failing when the tree grows deeper than the bound. */
  #node<T extends Expr>(e: T, ...children: Expr[]): T {
    let h = 1;
    for (const c of children) h = Math.max(h, (this.#heights.get(c) ?? 1) + 1);
    if (h > MAX_EXPRESSION_DEPTH) {
      this.cur.fail(
        `expression more than ${MAX_EXPRESSION_DEPTH} operations deep`,
        "simplify the expression; split it over several assignments",
        "expression nesting",
      );
    }
    this.#heights.set(e, h);
    return e;
  }

  top(condition: boolean): Expr {
    return condition ? this.or() : this.sum(false);
  }

  #enter(): void {
    if (++this.#depth > MAX_NESTING) {
      this.cur.fail(
        `expression nested more than ${MAX_NESTING} levels deep`,
        "simplify the expression; split it over several assignments",
        "expression nesting",
      );
    }
  }

  #leave(): void {
    this.#depth--;
  }

  or(): Expr {
    this.#enter();
    let left = this.and();
    while (this.cur.isOp("|")) {
      const t = this.cur.take();
      const right = this.and();
      left = this.#node(
        { kind: "logical", op: "|", left, right, pos: this.cur.pos(t) },
        left,
        right,
      );
    }
    this.#leave();
    return left;
  }

  and(): Expr {
    let left = this.compare();
    while (this.cur.isOp("&")) {
      const t = this.cur.take();
      const right = this.compare();
      left = this.#node(
        { kind: "logical", op: "&", left, right, pos: this.cur.pos(t) },
        left,
        right,
      );
    }
    return left;
  }

  compare(): Expr {
    const left = this.sum(false);
    const t = this.cur.peek;
    if (t.kind === "op" && COMPARE_OPS.has(t.text)) {
      this.cur.take();
      const right = this.sum(false);
      return this.#node(
        {
          kind: "compare",
          op: t.text as "==" | "~=" | "<" | ">" | "<=" | ">=",
          left,
          right,
          pos: this.cur.pos(t),
        },
        left,
        right,
      );
    }
    return left;
  }

  sum(inMatrix: boolean): Expr {
    this.#enter();
    let left = this.product(inMatrix);
    for (;;) {
      const t = this.cur.peek;
      if (t.kind !== "op" || (t.text !== "+" && t.text !== "-")) break;
      // Inside [ ], `1 -2` is two elements while `1 - 2` and `1-2` are one.
      if (inMatrix && t.spaced && !this.cur.next.spaced) break;
      this.cur.take();
      const right = this.product(inMatrix);
      const op = t.text as "+" | "-";
      left = this.#node({ kind: "binary", op, left, right, pos: this.cur.pos(t) }, left, right);
    }
    this.#leave();
    return left;
  }

  product(inMatrix: boolean): Expr {
    let left = this.unary(inMatrix);
    for (;;) {
      const t = this.cur.peek;
      if (t.kind !== "op" || (t.text !== "*" && t.text !== "/")) break;
      this.cur.take();
      const right = this.unary(inMatrix);
      const op = t.text as "*" | "/";
      left = this.#node({ kind: "binary", op, left, right, pos: this.cur.pos(t) }, left, right);
    }
    return left;
  }

  unary(inMatrix: boolean): Expr {
    const t = this.cur.peek;
    if (t.kind === "op" && (t.text === "-" || t.text === "+")) {
      this.#enter();
      this.cur.take();
      const operand = this.unary(inMatrix);
      this.#leave();
      const op = t.text as "-" | "+";
      return this.#node({ kind: "unary", op, operand, pos: this.cur.pos(t) }, operand);
    }
    return this.power();
  }

  power(): Expr {
    let left = this.postfix();
    while (this.cur.isOp("^")) {
      const t = this.cur.take();
      let right: Expr;
      const sign = this.cur.peek;
      if (sign.kind === "op" && (sign.text === "-" || sign.text === "+")) {
        this.cur.take();
        const operand = this.postfix();
        const op = sign.text as "-" | "+";
        right = this.#node({ kind: "unary", op, operand, pos: this.cur.pos(sign) }, operand);
      } else {
        right = this.postfix();
      }
      left = this.#node(
        { kind: "binary", op: "^", left, right, pos: this.cur.pos(t) },
        left,
        right,
      );
    }
    return left;
  }

  postfix(): Expr {
    let e = this.primary();
    while (this.cur.isOp("'") && !this.cur.peek.spaced) {
      const t = this.cur.take();
      const operand = e;
      e = this.#node({ kind: "transpose", operand, pos: this.cur.pos(t) }, operand);
    }
    return e;
  }

  primary(): Expr {
    const t = this.cur.peek;
    const pos = this.cur.pos(t);
    if (t.kind === "number") {
      this.cur.take();
      return { kind: "number", value: Number(t.text), text: t.text, pos };
    }
    if (t.kind === "string") {
      this.cur.take();
      return { kind: "string", value: t.text, pos };
    }
    if (t.kind === "name") {
      this.cur.take();
      if (this.cur.isOp("(") && !this.cur.peek.spaced) return this.apply(t.text, pos);
      if (this.cur.isOp("(")) {
        // `f (x)`: GMAT reads a call with a space too, outside matrices.
        return this.apply(t.text, pos);
      }
      return { kind: "ref", name: t.text, pos };
    }
    if (t.kind === "op" && t.text === "(") {
      this.#enter();
      this.cur.take();
      const inner = this.sum(false);
      this.cur.expectOp(")", "')'", "close the parenthesis");
      this.#leave();
      return inner;
    }
    if (t.kind === "op" && t.text === "[") return this.matrix();
    if (t.kind === "end") this.cur.fail("expected a value: the expression ends too early", HINT);
    return this.cur.fail(`unexpected '${t.text}'`, HINT);
  }

  apply(name: string, pos: Expr["pos"]): Expr {
    this.#enter();
    this.cur.expectOp("(", "'('");
    const args: Expr[] = [];
    if (!this.cur.isOp(")")) {
      for (;;) {
        if (this.cur.isOp(":") && (this.cur.next.text === "," || this.cur.next.text === ")")) {
          const c = this.cur.take();
          args.push({ kind: "colon", pos: this.cur.pos(c) });
        } else {
          args.push(this.sum(false));
        }
        if (!this.cur.eatOp(",")) break;
      }
    }
    this.cur.expectOp(")", `')' after the arguments of ${name}`, "close the argument list");
    this.#leave();
    return this.#node({ kind: "apply", name, args, pos }, ...args);
  }

  matrix(): Expr {
    this.#enter();
    const open = this.cur.take();
    const rows: Expr[][] = [[]];
    for (;;) {
      if (this.cur.eatOp("]")) break;
      if (this.cur.eatOp(";")) {
        rows.push([]);
        continue;
      }
      if (this.cur.eatOp(",")) continue;
      if (this.cur.atEnd) this.cur.fail("expected ']'", "close the matrix, e.g. [1 2 3]");
      rows[rows.length - 1].push(this.sum(true));
    }
    this.#leave();
    const kept = rows.length > 1 && rows[rows.length - 1].length === 0 ? rows.slice(0, -1) : rows;
    return this.#node({ kind: "matrix", rows: kept, pos: this.cur.pos(open) }, ...kept.flat());
  }
}

/** The text of an expression for messages (normalised spacing). */
export function exprText(e: Expr): string {
  switch (e.kind) {
    case "number":
      return e.text;
    case "string":
      return `'${e.value}'`;
    case "ref":
      return e.name;
    case "colon":
      return ":";
    case "apply":
      return `${e.name}(${e.args.map(exprText).join(", ")})`;
    case "unary":
      return `${e.op}${exprText(e.operand)}`;
    case "binary":
    case "compare":
    case "logical":
      return `${exprText(e.left)} ${e.op} ${exprText(e.right)}`;
    case "transpose":
      return `${exprText(e.operand)}'`;
    case "matrix":
      return `[${e.rows.map((r) => r.map(exprText).join(" ")).join("; ")}]`;
  }
}
