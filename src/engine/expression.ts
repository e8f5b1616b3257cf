/**
 * Arithmetic expressions of mission-sequence assignments and stop-condition goals:
 * numbers, parameters and variables, `+ - * / ^`, unary minus, parentheses, and the functions
 * `sqrt abs sin cos tan asin acos atan atan2 exp log log10 mod` (angles in radians, as GMAT's
 * math functions) and the constant `pi`.
 *
 * Expressions are compiled once (names are bound, so typos fail before the run) into closures.
 *
 * @module
 */

import type { SourcePos } from "../script/ast.ts";
import type { Diagnostics } from "./diagnostics.ts";

/** A compiled expression. */
export type Compiled = () => number;

/** Binds a name (a parameter or variable) to a function returning its current value. */
export type NameBinder = (name: string, pos: SourcePos) => () => number;

const FUNCTIONS: Readonly<Record<string, (...a: number[]) => number>> = {
  sqrt: Math.sqrt,
  abs: Math.abs,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  atan2: Math.atan2,
  exp: Math.exp,
  log: Math.log,
  log10: Math.log10,
  mod: (a, b) => a - Math.floor(a / b) * b,
};

interface Token {
  readonly t: "num" | "name" | "op";
  readonly v: string;
  readonly at: number;
}

function tokenize(text: string, fail: (at: number, msg: string) => never): Token[] {
  const out: Token[] = [];
  const re =
    /\s*(?:((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)|([-+*/^(),]))/y;
  let i = 0;
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) {
      const at = i + (text.slice(i).length - text.slice(i).trimStart().length);
      fail(at, `unexpected '${text[at]}' in expression`);
    }
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3]).length;
    if (m[1] !== undefined) out.push({ t: "num", v: m[1], at });
    else if (m[2] !== undefined) out.push({ t: "name", v: m[2], at });
    else out.push({ t: "op", v: m[3], at });
    i = re.lastIndex;
  }
  return out;
}

/**
 * Compile an expression.
 *
 * @param text The expression.
 * @param pos Where it starts in the script.
 * @param bind Resolves names to value getters (and throws for unknown ones).
 * @param diag Error sink.
 * @returns A function computing the current value.
 */
export function compileExpression(
  text: string,
  pos: SourcePos,
  bind: NameBinder,
  diag: Diagnostics,
): Compiled {
  const at = (offset: number): SourcePos => ({ ...pos, column: pos.column + offset });
  const fail = (offset: number, message: string): never =>
    diag.fail("SCRIPT_SYNTAX", at(offset), message, {
      hint: "expressions use numbers, parameters, variables, + - * / ^ and parentheses",
    });
  const tokens = tokenize(text, fail);
  let k = 0;
  const peek = () => tokens[k];
  const isOp = (v: string) => peek()?.t === "op" && peek()?.v === v;

  function primary(): Compiled {
    const tok = tokens[k++];
    if (!tok) return fail(text.length, "expression ends too early");
    if (tok.t === "num") {
      const x = Number(tok.v);
      return () => x;
    }
    if (tok.t === "op" && tok.v === "(") {
      const inner = sum();
      if (!isOp(")")) fail(peek()?.at ?? text.length, "expected ')'");
      k++;
      return inner;
    }
    if (tok.t === "op" && (tok.v === "-" || tok.v === "+")) {
      const operand = power();
      return tok.v === "-" ? () => -operand() : operand;
    }
    if (tok.t === "name") {
      if (isOp("(")) {
        const fn = FUNCTIONS[tok.v];
        if (!fn) {
          return fail(
            tok.at,
            `unknown function '${tok.v}'; known: ${Object.keys(FUNCTIONS).join(", ")}`,
          );
        }
        k++;
        const args: Compiled[] = [];
        if (!isOp(")")) {
          args.push(sum());
          while (isOp(",")) {
            k++;
            args.push(sum());
          }
        }
        if (!isOp(")")) fail(peek()?.at ?? text.length, "expected ')' after function arguments");
        k++;
        return () => fn(...args.map((a) => a()));
      }
      if (tok.v === "pi") return () => Math.PI;
      return bind(tok.v, at(tok.at));
    }
    return fail(tok.at, `unexpected '${tok.v}'`);
  }

  function power(): Compiled {
    const base = primary();
    if (isOp("^")) {
      k++;
      const exp = unary();
      return () => Math.pow(base(), exp());
    }
    return base;
  }

  function unary(): Compiled {
    if (isOp("-")) {
      k++;
      const operand = unary();
      return () => -operand();
    }
    if (isOp("+")) {
      k++;
      return unary();
    }
    return power();
  }

  function product(): Compiled {
    let left = unary();
    while (isOp("*") || isOp("/")) {
      const op = tokens[k++].v;
      const l = left, r = unary();
      left = op === "*" ? () => l() * r() : () => l() / r();
    }
    return left;
  }

  function sum(): Compiled {
    let left = product();
    while (isOp("+") || isOp("-")) {
      const op = tokens[k++].v;
      const l = left, r = product();
      left = op === "+" ? () => l() + r() : () => l() - r();
    }
    return left;
  }

  if (tokens.length === 0) fail(0, "empty expression");
  const result = sum();
  if (k < tokens.length) fail(tokens[k].at, `unexpected '${tokens[k].v}'`);
  return result;
}
