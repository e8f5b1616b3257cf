/**
 * Compiling parsed GMAT expressions ({@link Expr} trees from the script front end) into closures
 * the built-in engine evaluates: numbers, strings and matrices; names (parameters, Variables,
 * Arrays, Strings) resolved once by a {@link NameBinder}; array elements `A(i, j)`, rows and
 * columns `A(:, j)`; `+ - * / ^`, unary signs, the transpose `'`, matrix literals; GMAT's
 * built-in functions (`src/engine/math/functions.ts`); and, in conditions, comparisons joined by
 * `&` and `|`.
 *
 * Names and function signatures are checked at compile time, so a typo fails before the run;
 * what can only fail on values (dimensions, a singular matrix) fails at run time with the
 * expression named.
 *
 * @module
 */

import type { GmatRandom } from "./math/gmat_random.ts";
import type { Expr, SourcePos } from "../script/ast.ts";
import { exprText } from "../script/expression.ts";
import type { Diagnostics } from "./diagnostics.ts";
import { GMAT_MATH_FUNCTIONS } from "../script/gmat_types.ts";
import { BUILTIN_FUNCTIONS } from "./math/functions.ts";
import { Matrix, MatrixError, transpose } from "./math/matrix.ts";
import { asNumber, binary, negate, type Value, type ValueKind } from "./math/value.ts";

/** A compiled numeric expression. */
export type Compiled = () => number;

/** A compiled expression of any kind. */
export interface CompiledValue {
  /** The kind the expression has, or `any` when only the run knows (a function of arrays). */
  readonly kind: ValueKind | "any";
  /** Evaluate it now. */
  readonly get: () => Value;
}

/** What a name refers to: its kind and a getter of its current value. */
export interface BoundName {
  /** The kind of the value. */
  readonly kind: ValueKind;
  /** The current value. */
  readonly get: () => Value;
}

/** Resolves a name (a parameter, Variable, Array or String) or throws the project's error. */
export type NameBinder = ((name: string, pos: SourcePos) => BoundName) & {
  /** The running mission's random numbers, for `rand()` and `randn()` (absent: refused). */
  readonly random?: () => GmatRandom;
};

/** A value an expression could not compute (wrong dimensions, a string in arithmetic...). */
export class ExpressionError extends Error {
  override readonly name = "ExpressionError";
}

/**
 * Compile an expression of any kind.
 *
 * @param expr The parsed expression.
 * @param bind Resolves names (and throws for unknown ones).
 * @param diag Error sink.
 * @param condition Allow comparisons and `&`/`|` (their value is 1 or 0).
 */
export function compileValue(
  expr: Expr,
  bind: NameBinder,
  diag: Diagnostics,
  condition = false,
): CompiledValue {
  const c = (e: Expr) => compileValue(e, bind, diag, condition);
  const wrap = (fn: () => Value): () => Value => () => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof MatrixError) {
        throw new ExpressionError(`${exprText(expr)}: ${e.message}`, { cause: e });
      }
      throw e;
    }
  };
  switch (expr.kind) {
    case "number": {
      const x = expr.value;
      return { kind: "number", get: () => x };
    }
    case "string": {
      const s = expr.value;
      return { kind: "string", get: () => s };
    }
    case "ref":
      if (expr.name === "pi") return { kind: "number", get: () => Math.PI };
      return bind(expr.name, expr.pos);
    case "unary": {
      const operand = c(expr.operand);
      return {
        kind: operand.kind,
        get: expr.op === "-" ? wrap(() => negate(operand.get())) : operand.get,
      };
    }
    case "transpose": {
      const operand = c(expr.operand);
      return {
        kind: "matrix",
        get: wrap(() => {
          const v = operand.get();
          if (typeof v === "number") return v;
          if (typeof v === "string") throw new MatrixError("a string has no transpose");
          return transpose(v);
        }),
      };
    }
    case "binary": {
      const l = c(expr.left), r = c(expr.right);
      const kind = l.kind === "number" && r.kind === "number"
        ? "number"
        : l.kind === "string" || r.kind === "string"
        ? diag.fail(
          "SCRIPT_BAD_VALUE",
          expr.pos,
          `'${expr.op}' cannot take a string in ${exprText(expr)}`,
          {
            construct: "expression",
            hint: "use sprintf or strcat to build strings",
          },
        )
        : "any";
      if (kind === "number") {
        const lf = l.get as () => number, rf = r.get as () => number;
        switch (expr.op) {
          case "+":
            return { kind, get: () => lf() + rf() };
          case "-":
            return { kind, get: () => lf() - rf() };
          case "*":
            return { kind, get: () => lf() * rf() };
          case "/":
            return { kind, get: () => lf() / rf() };
          case "^":
            return { kind, get: () => Math.pow(lf(), rf()) };
        }
      }
      const op = expr.op;
      return { kind: "any", get: wrap(() => binary(op, l.get(), r.get())) };
    }
    case "matrix": {
      const rows = expr.rows.map((row) => row.map(c));
      return {
        kind: "matrix",
        get: wrap(() => {
          const values = rows.map((row) => row.map((x) => asNumber(x.get(), "a matrix element")));
          const cols = values[0]?.length ?? 0;
          if (values.some((r) => r.length !== cols)) {
            throw new MatrixError("the rows of a matrix must have the same length");
          }
          return new Matrix(values.length, cols, Float64Array.from(values.flat()));
        }),
      };
    }
    case "apply":
      return compileApply(expr, bind, diag, condition);
    case "compare":
    case "logical": {
      if (!condition) {
        return diag.unsupported(expr.pos, `a comparison in ${exprText(expr)}`, {
          construct: "expression (comparison)",
          hint: "comparisons belong in If and While conditions",
        });
      }
      const l = c(expr.left), r = c(expr.right);
      if (expr.kind === "logical") {
        const lf = asNumberGetter(l), rf = asNumberGetter(r);
        return {
          kind: "number",
          get: expr.op === "&"
            ? () => (lf() !== 0 && rf() !== 0 ? 1 : 0)
            : () => lf() !== 0 || rf() !== 0 ? 1 : 0,
        };
      }
      const op = expr.op;
      if (l.kind === "string" || r.kind === "string") {
        if (op !== "==" && op !== "~=") {
          diag.fail("SCRIPT_BAD_VALUE", expr.pos, `'${op}' cannot compare strings`, {
            construct: "condition",
            hint: "compare strings with == or ~=",
          });
        }
        return { kind: "number", get: () => ((l.get() === r.get()) === (op === "==") ? 1 : 0) };
      }
      const lf = asNumberGetter(l), rf = asNumberGetter(r);
      const test: Record<string, (a: number, b: number) => boolean> = {
        "==": (a, b) => a === b,
        "~=": (a, b) => a !== b,
        "<": (a, b) => a < b,
        ">": (a, b) => a > b,
        "<=": (a, b) => a <= b,
        ">=": (a, b) => a >= b,
      };
      const t = test[op];
      return { kind: "number", get: () => (t(lf(), rf()) ? 1 : 0) };
    }
    case "colon":
      return diag.fail("SCRIPT_SYNTAX", expr.pos, "a ':' index outside an array's parentheses", {
        construct: "expression",
        hint: "write A(:, 1) for a column",
      });
  }
}

function asNumberGetter(v: CompiledValue): () => number {
  if (v.kind === "number") return v.get as () => number;
  return () => asNumber(v.get(), "a condition");
}

/** GMAT's random-number functions by every spelling it accepts. */
const RANDOM_FUNCTIONS: Readonly<Record<string, "uniform" | "gaussian">> = {
  rand: "uniform",
  Rand: "uniform",
  randn: "gaussian",
  Randn: "gaussian",
};

/** `rand()` / `randn()`: a draw from the running mission's generator. */
function compileRandom(
  expr: Extract<Expr, { kind: "apply" }>,
  draw: "uniform" | "gaussian",
  bind: NameBinder,
  diag: Diagnostics,
): CompiledValue {
  const random = bind.random;
  if (!random) {
    return diag.unsupported(expr.pos, `${expr.name}() outside the mission sequence`, {
      construct: `function ${expr.name}`,
      hint: "draw random numbers in the mission sequence, after BeginMissionSequence",
    });
  }
  if (expr.args.length !== 0) {
    diag.fail("SCRIPT_BAD_VALUE", expr.pos, `${expr.name} takes no arguments`, {
      construct: expr.name,
      hint: `write ${expr.name}(); scale the draw with arithmetic, e.g. 2 * rand() - 1`,
    });
  }
  return {
    kind: "number",
    get: () => draw === "uniform" ? random().uniform() : random().gaussian(),
  };
}

/** `name(args)`: an array element, row or column, or a built-in function. */
function compileApply(
  expr: Extract<Expr, { kind: "apply" }>,
  bind: NameBinder,
  diag: Diagnostics,
  condition: boolean,
): CompiledValue {
  const draw = RANDOM_FUNCTIONS[expr.name];
  if (draw) return compileRandom(expr, draw, bind, diag);
  const fn = BUILTIN_FUNCTIONS[expr.name];
  if (fn) {
    if (!fn.arity.includes(expr.args.length)) {
      diag.fail(
        "SCRIPT_BAD_VALUE",
        expr.pos,
        `${expr.name} takes ${fn.arity.join(" or ")} argument(s), got ${expr.args.length}`,
        { construct: expr.name, hint: `check the call ${exprText(expr)}` },
      );
    }
    const args = expr.args.map((a) => compileValue(a, bind, diag, condition));
    const name = expr.name;
    const kind = fn.returns === "same" ? args[0]?.kind ?? "any" : fn.returns;
    return {
      kind,
      get: () => {
        try {
          return fn.call(args.map((a) => a.get()), name);
        } catch (e) {
          if (e instanceof Error && e.name !== "Error") {
            throw new ExpressionError(`${exprText(expr)}: ${e.message}`, { cause: e });
          }
          throw e;
        }
      },
    };
  }
  if (GMAT_MATH_FUNCTIONS.includes(expr.name)) {
    return diag.unsupported(expr.pos, `GMAT's function ${expr.name}`, {
      construct: `function ${expr.name}`,
      hint: `the built-in engine evaluates ${
        Object.keys(BUILTIN_FUNCTIONS).filter((k) => /^[a-z]/.test(k)).join(", ")
      }; ${expr.name} needs real GMAT`,
    });
  }
  const target = bind(expr.name, expr.pos);
  if (target.kind !== "matrix") {
    return diag.unsupported(expr.pos, `the call ${exprText(expr)}`, {
      construct: "function call",
      hint: `${expr.name} is neither an Array nor a GMAT function the built-in engine evaluates ` +
        `(${Object.keys(BUILTIN_FUNCTIONS).filter((k) => /^[a-z]/.test(k)).join(", ")})`,
    });
  }
  if (expr.args.length < 1 || expr.args.length > 2) {
    diag.fail("SCRIPT_BAD_VALUE", expr.pos, `${expr.name} takes one or two indices`, {
      construct: "Array element",
      hint: `write ${expr.name}(i, j)`,
    });
  }
  const index = expr.args.map((a) =>
    a.kind === "colon" ? undefined : compileValue(a, bind, diag, condition)
  );
  return {
    kind: index.some((i) => i === undefined) ? "matrix" : "number",
    get: () => {
      const m = target.get() as Matrix;
      return elementOf(m, index.map((i) => i && asNumber(i.get(), "an index")), exprText(expr));
    },
  };
}

/** A(i, j), A(i) (column-major linear index, as MATLAB), or a row/column with ':'. */
export function elementOf(m: Matrix, index: readonly (number | undefined)[], what: string): Value {
  const check = (i: number, n: number) => {
    if (!Number.isInteger(i) || i < 1 || i > n) {
      throw new ExpressionError(`${what}: index ${i} is outside 1..${n}`);
    }
    return i - 1;
  };
  if (index.length === 1) {
    const i = index[0];
    if (i === undefined) return new Matrix(m.data.length, 1, Float64Array.from(transposeData(m)));
    const k = check(i, m.data.length);
    return m.at(k % m.rows, Math.floor(k / m.rows));
  }
  const [i, j] = index;
  if (i !== undefined && j !== undefined) return m.at(check(i, m.rows), check(j, m.cols));
  if (i === undefined && j !== undefined) {
    const c = check(j, m.cols);
    return new Matrix(m.rows, 1, Float64Array.from({ length: m.rows }, (_, r) => m.at(r, c)));
  }
  if (i !== undefined) {
    const r = check(i, m.rows);
    return new Matrix(1, m.cols, m.data.slice(r * m.cols, (r + 1) * m.cols));
  }
  return m.clone();
}

function transposeData(m: Matrix): number[] {
  const out: number[] = [];
  for (let j = 0; j < m.cols; j++) for (let i = 0; i < m.rows; i++) out.push(m.at(i, j));
  return out;
}

/**
 * Compile a numeric expression (assignments to numbers, stop-condition goals).
 *
 * @throws {ScriptError} When the expression is not numeric or names something unknown.
 */
export function compileExpression(expr: Expr, bind: NameBinder, diag: Diagnostics): Compiled {
  const v = compileValue(expr, bind, diag);
  if (v.kind === "number") return v.get as Compiled;
  if (v.kind === "string") {
    return diag.fail("SCRIPT_BAD_VALUE", expr.pos, `${exprText(expr)} is text, not a number`, {
      construct: "expression",
      hint: "use a numeric parameter, Variable or array element",
    });
  }
  const what = exprText(expr);
  return () => {
    try {
      return asNumber(v.get(), what);
    } catch (e) {
      if (e instanceof MatrixError) {
        throw new ExpressionError(`${what}: ${e.message}`, { cause: e });
      }
      throw e;
    }
  };
}
