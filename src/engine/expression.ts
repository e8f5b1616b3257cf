/**
 * Compiling parsed GMAT expressions ({@link Expr} trees from the script front end) into closures
 * the built-in engine evaluates: numbers, parameters and variables, `+ - * / ^`, unary signs,
 * parentheses, GMAT's scalar math functions (angles in radians, as GMAT's) and the constant `pi`.
 *
 * Names are bound at compile time, so a typo fails before the run. What the engine does not
 * evaluate (matrices, strings, transposes, comparisons) is refused with the construct's place.
 *
 * @module
 */

import type { Expr, SourcePos } from "../script/ast.ts";
import { exprText } from "../script/expression.ts";
import type { Diagnostics } from "./diagnostics.ts";

/** A compiled expression. */
export type Compiled = () => number;

/** Binds a name (a parameter or variable) to a function returning its current value. */
export type NameBinder = (name: string, pos: SourcePos) => () => number;

/** GMAT's scalar math functions the engine evaluates, by their case-sensitive script names. */
export const SCALAR_FUNCTIONS: Readonly<Record<string, (...a: number[]) => number>> = {
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
  floor: Math.floor,
  ceil: Math.ceil,
  fix: Math.trunc,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  DegToRad: (d) => d * Math.PI / 180,
  RadToDeg: (r) => r * 180 / Math.PI,
  Abs: Math.abs,
};

const ARITY: Readonly<Record<string, number>> = { atan2: 2, mod: 2 };

/**
 * Compile an expression tree.
 *
 * @param expr The parsed expression.
 * @param bind Resolves names to value getters (and throws for unknown ones).
 * @param diag Error sink.
 * @returns A function computing the current value.
 * @throws {ScriptError} `ENGINE_UNSUPPORTED` for matrices, strings and the like,
 *   `SCRIPT_SYNTAX` for an unknown function or a wrong argument count.
 */
export function compileExpression(expr: Expr, bind: NameBinder, diag: Diagnostics): Compiled {
  switch (expr.kind) {
    case "number": {
      const x = expr.value;
      return () => x;
    }
    case "ref":
      if (expr.name === "pi") return () => Math.PI;
      return bind(expr.name, expr.pos);
    case "unary": {
      const operand = compileExpression(expr.operand, bind, diag);
      return expr.op === "-" ? () => -operand() : operand;
    }
    case "binary": {
      const l = compileExpression(expr.left, bind, diag);
      const r = compileExpression(expr.right, bind, diag);
      switch (expr.op) {
        case "+":
          return () => l() + r();
        case "-":
          return () => l() - r();
        case "*":
          return () => l() * r();
        case "/":
          return () => l() / r();
        case "^":
          return () => Math.pow(l(), r());
      }
      break;
    }
    case "apply": {
      const fn = SCALAR_FUNCTIONS[expr.name];
      if (!fn) {
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(expr.name) && expr.args.length > 0) {
          diag.unsupported(expr.pos, `the call or array element ${exprText(expr)}`, {
            construct: "Array or function call",
            hint: `the built-in engine evaluates ${Object.keys(SCALAR_FUNCTIONS).join(", ")}; ` +
              "arrays and other GMAT functions need real GMAT",
          });
        }
        diag.unsupported(expr.pos, `the call ${exprText(expr)}`, {
          construct: "function call",
          hint: "method and plugin calls need real GMAT",
        });
      }
      const want = ARITY[expr.name] ?? 1;
      if (expr.args.length !== want) {
        diag.fail(
          "SCRIPT_BAD_VALUE",
          expr.pos,
          `${expr.name} takes ${want} argument${want > 1 ? "s" : ""}, got ${expr.args.length}`,
          { construct: expr.name, hint: `write ${expr.name}(${want > 1 ? "a, b" : "x"})` },
        );
      }
      const args = expr.args.map((a) => compileExpression(a, bind, diag));
      if (args.length === 1) {
        const [a] = args;
        return () => fn(a());
      }
      const [a, b] = args;
      return () => fn(a(), b());
    }
  }
  const what: Record<string, string> = {
    string: "a string",
    matrix: "a matrix",
    transpose: "a transpose",
    compare: "a comparison",
    logical: "a logical operator",
    colon: "a ':' index",
  };
  return diag.unsupported(expr.pos, `${what[expr.kind]} in ${exprText(expr)}`, {
    construct: `expression (${what[expr.kind]})`,
    hint: "the built-in engine evaluates scalar arithmetic; use real GMAT for this",
  });
}
