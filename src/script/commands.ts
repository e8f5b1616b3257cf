/**
 * The argument grammar of the mission commands whose syntax GMAT fixes: Propagate, Maneuver,
 * Begin/EndFiniteBurn, Begin/EndFileThrust, Report, Toggle, Target/Optimize, Vary, Achieve,
 * Minimize, NonlinearConstraint, If/While conditions, For loops, and name-list commands (Save,
 * Write, PenUp, ...). Other commands (plugin commands, function calls by bare name) keep their
 * argument text only.
 *
 * Each parser reads the tokens of the text after the keyword and label, and throws
 * `SCRIPT_SYNTAX` at the token that breaks the grammar.
 *
 * @module
 */

import type {
  AssignTarget,
  CommandDetail,
  CommandOption,
  Expr,
  PropagateGroup,
  StopCondition,
} from "./ast.ts";
import { parseExpression } from "./expression.ts";
import type { Token, TokenCursor } from "./tokens.ts";

type Parser = (cur: TokenCursor, name: string) => CommandDetail;

const burn: Parser = (cur, name) => {
  const b = cur.expectName(`a burn name after ${name}`, `write e.g. '${name} Burn1(Sat)'`);
  const spacecraft = nameArgs(cur, `${name} ${b.text}(`);
  cur.expectEnd();
  return { kind: "burn", burn: b.text, burnPos: cur.pos(b), spacecraft };
};

const solverBlock: Parser = (cur, name) => {
  const s = cur.expectName(`a solver name after ${name}`, `write e.g. '${name} DC'`);
  const options = cur.isOp("{") ? optionBlock(cur) : [];
  cur.expectEnd();
  return { kind: "solverBlock", solver: s.text, solverPos: cur.pos(s), options };
};

const names: Parser = (cur) => {
  const list: { name: string; pos: ReturnType<TokenCursor["pos"]> }[] = [];
  while (cur.peek.kind === "name") {
    const t = cur.take();
    list.push({ name: t.text, pos: cur.pos(t) });
    cur.eatOp(",");
  }
  const options = cur.isOp("{") ? optionBlock(cur) : [];
  cur.expectEnd("names or {options}");
  return { kind: "names", names: list, options };
};

/** Argument parsers by command keyword. */
export const COMMAND_PARSERS: Readonly<Record<string, Parser>> = {
  Propagate: propagate,
  Maneuver: burn,
  BeginFiniteBurn: burn,
  EndFiniteBurn: burn,
  BeginFileThrust: burn,
  EndFileThrust: burn,
  Report: report,
  Toggle: toggle,
  Target: solverBlock,
  Optimize: solverBlock,
  Vary: vary,
  Achieve: achieve,
  Minimize: minimize,
  NonlinearConstraint: constraint,
  If: condition,
  While: condition,
  For: forLoop,
  Save: names,
  Write: names,
  ClearPlot: names,
  PenUp: names,
  PenDown: names,
  MarkPoint: names,
  Global: names,
};

function propagate(cur: TokenCursor): CommandDetail {
  let synchronized = false;
  let backProp = false;
  for (;;) {
    const t = cur.peek;
    if (t.kind === "name" && t.text === "Synchronized" && !cur.next.text.startsWith("(")) {
      synchronized = true;
      cur.take();
    } else if (t.kind === "name" && t.text === "BackProp" && cur.next.text !== "(") {
      backProp = true;
      cur.take();
    } else break;
  }
  const groups: PropagateGroup[] = [];
  const stops: StopCondition[] = [];
  const options: CommandOption[] = [];
  while (cur.peek.kind === "name" || (cur.isOp("-") && cur.next.kind === "name")) {
    const backward = cur.eatOp("-");
    const p = cur.take();
    cur.expectOp("(", `'(' after the propagator ${p.text}`, "write e.g. 'Propagate Prop(Sat)'");
    const spacecraft: { name: string; pos: ReturnType<TokenCursor["pos"]> }[] = [];
    const components: string[] = [];
    while (!cur.isOp(")")) {
      if (cur.peek.kind === "string") {
        // What else to propagate with the spacecraft: Prop(Sat, 'STM'), Prop(Sat, 'Covariance').
        components.push(cur.take().text);
      } else if (cur.isOp("{")) {
        // GMAT also reads the stop conditions inside the parentheses: Prop(Sat, {cond}).
        stopBlock(cur, stops, options);
      } else {
        const s = cur.expectName("a spacecraft name", "list the spacecraft, e.g. Prop(Sat1, Sat2)");
        spacecraft.push({ name: s.text, pos: cur.pos(s) });
      }
      if (!cur.eatOp(",") && !cur.isOp(")")) {
        cur.fail("expected ',' or ')'", "separate the spacecraft with commas");
      }
    }
    cur.take();
    if (spacecraft.length === 0) {
      cur.fail(`the propagator ${p.text} propagates no spacecraft`, `write ${p.text}(Sat)`);
    }
    groups.push({ propagator: p.text, backward, spacecraft, components, pos: cur.pos(p) });
    cur.eatOp(",");
  }
  if (groups.length === 0) {
    cur.fail("expected Propagator(Spacecraft) after Propagate", "write e.g. 'Propagate Prop(Sat)'");
  }
  if (cur.isOp("{")) stopBlock(cur, stops, options);
  cur.eatOp(";");
  cur.expectEnd("a stop condition block {...} or the end of the statement");
  return { kind: "propagate", synchronized, backProp, groups, stops, options };
}

/** `{Sat.ElapsedSecs = 60, Sat.Earth.Periapsis, StopTolerance = 1e-5, OrbitColor = Red}`. */
function stopBlock(cur: TokenCursor, stops: StopCondition[], options: CommandOption[]): void {
  cur.expectOp("{", "'{'");
  while (!cur.isOp("}")) {
    const t = cur.expectName(
      "a stop condition such as Sat.ElapsedSecs = 60",
      "stop conditions are Spacecraft.Parameter [= value], separated by commas",
    );
    if (!t.text.includes(".")) {
      cur.expectOp("=", `'=' after the option ${t.text}`);
      options.push({ name: t.text, value: optionValue(cur), pos: cur.pos(t) });
    } else if (cur.eatOp("=")) {
      stops.push({ param: t.text, goal: parseExpression(cur), pos: cur.pos(t) });
    } else {
      stops.push({ param: t.text, pos: cur.pos(t) });
    }
    if (!cur.eatOp(",") && !cur.isOp("}")) {
      cur.fail("expected ',' or '}'", "separate the stop conditions with commas");
    }
  }
  cur.take();
}

function optionValue(cur: TokenCursor) {
  const start = cur.peek;
  const expr = parseExpression(cur);
  return {
    kind: "expr" as const,
    expr,
    text: cur.ll.text.slice(start.at, cur.peek.at).trim(),
    pos: cur.pos(start),
  };
}

/** `{Name = value, ...}`. */
function optionBlock(cur: TokenCursor): CommandOption[] {
  const out: CommandOption[] = [];
  cur.expectOp("{", "'{'");
  while (!cur.isOp("}")) {
    const t = cur.expectName("an option name", "options are written {Name = value, ...}");
    cur.expectOp("=", `'=' after the option ${t.text}`, "options are written {Name = value, ...}");
    out.push({ name: t.text, value: optionValue(cur), pos: cur.pos(t) });
    if (!cur.eatOp(",") && !cur.isOp("}")) {
      cur.fail("expected ',' or '}'", "separate options with commas");
    }
  }
  cur.take();
  return out;
}

/** `(Sat1, Sat2)` after a burn or solver name. */
function nameArgs(cur: TokenCursor, what: string) {
  cur.expectOp("(", `'(' after ${what.replace(/\($/, "")}`);
  const list: { name: string; pos: ReturnType<TokenCursor["pos"]> }[] = [];
  while (!cur.isOp(")")) {
    const s = cur.expectName("a spacecraft name");
    list.push({ name: s.text, pos: cur.pos(s) });
    if (!cur.eatOp(",") && !cur.isOp(")")) cur.fail("expected ',' or ')'");
  }
  cur.take();
  return list;
}

function report(cur: TokenCursor): CommandDetail {
  const f = cur.expectName("a ReportFile name after Report", "write e.g. 'Report RF Sat.X Sat.Y'");
  const items: Expr[] = [];
  cur.eatOp(",");
  while (!cur.atEnd) {
    if (cur.isOp(";")) {
      cur.take();
      continue;
    }
    items.push(parseExpression(cur));
    cur.eatOp(",");
  }
  return { kind: "report", file: f.text, filePos: cur.pos(f), items };
}

function toggle(cur: TokenCursor): CommandDetail {
  const targets: { name: string; pos: ReturnType<TokenCursor["pos"]> }[] = [];
  let state: Token | undefined;
  while (cur.peek.kind === "name") {
    const t = cur.take();
    if ((t.text === "On" || t.text === "Off") && (cur.atEnd || cur.isOp(";"))) {
      state = t;
      break;
    }
    targets.push({ name: t.text, pos: cur.pos(t) });
    cur.eatOp(",");
  }
  cur.eatOp(";");
  if (!state || targets.length === 0) {
    cur.fail("expected Toggle Subscriber On|Off", "write e.g. 'Toggle RF Off'");
  }
  cur.expectEnd();
  return { kind: "toggle", targets, on: state.text === "On" };
}

function solverCall(cur: TokenCursor, name: string): Token {
  const s = cur.expectName(`a solver name after ${name}`, `write e.g. '${name} DC(...)'`);
  cur.expectOp("(", `'(' after the solver ${s.text}`);
  return s;
}

export function assignTarget(cur: TokenCursor, what: string): AssignTarget {
  const t = cur.expectName(what);
  const index = cur.isOp("(") ? indexArgs(cur) : undefined;
  return { name: t.text, path: t.text.split("."), ...(index ? { index } : {}), pos: cur.pos(t) };
}

/** `(i, j)` after an array name. */
export function indexArgs(cur: TokenCursor): Expr[] {
  cur.expectOp("(", "'('");
  const out: Expr[] = [];
  while (!cur.isOp(")")) {
    if (cur.isOp(":")) {
      const c = cur.take();
      out.push({ kind: "colon", pos: cur.pos(c) });
    } else out.push(parseExpression(cur));
    if (!cur.eatOp(",") && !cur.isOp(")")) cur.fail("expected ',' or ')'");
  }
  cur.take();
  return out;
}

/** `, {Name = value, ...})` closing a solver command (GMAT also reads the options unbraced). */
function tailOptions(cur: TokenCursor): CommandOption[] {
  let options: CommandOption[] = [];
  if (cur.eatOp(",")) {
    if (cur.isOp("{")) options = optionBlock(cur);
    else {
      while (cur.peek.kind === "name" && cur.next.text === "=") {
        const t = cur.take();
        cur.take();
        options.push({ name: t.text, value: optionValue(cur), pos: cur.pos(t) });
        if (!cur.eatOp(",")) break;
      }
    }
  }
  cur.expectOp(")", "')'", "close the solver's argument list");
  cur.eatOp(";");
  cur.expectEnd();
  return options;
}

function vary(cur: TokenCursor, name: string): CommandDetail {
  const s = solverCall(cur, name);
  const variable = assignTarget(cur, "the varied quantity, e.g. TOI.Element1");
  cur.expectOp("=", "'=' and an initial value", "write e.g. 'Vary DC(TOI.Element1 = 0.5)'");
  const initial = parseExpression(cur);
  return { kind: "vary", solver: s.text, variable, initial, options: tailOptions(cur) };
}

function achieve(cur: TokenCursor, name: string): CommandDetail {
  const s = solverCall(cur, name);
  const goal = parseExpression(cur);
  cur.expectOp("=", "'=' and the goal value", "write e.g. 'Achieve DC(Sat.RMAG = 42165)'");
  const value = parseExpression(cur);
  return { kind: "achieve", solver: s.text, goal, value, options: tailOptions(cur) };
}

function minimize(cur: TokenCursor, name: string): CommandDetail {
  const s = solverCall(cur, name);
  const cost = parseExpression(cur);
  tailOptions(cur);
  return { kind: "minimize", solver: s.text, cost };
}

function constraint(cur: TokenCursor, name: string): CommandDetail {
  const s = solverCall(cur, name);
  const left = parseExpression(cur);
  const op = cur.peek;
  if (op.kind !== "op" || !["=", "<=", ">="].includes(op.text)) {
    cur.fail(
      "expected '=', '<=' or '>='",
      "write e.g. 'NonlinearConstraint NLP(Sat.RMAG <= 7000)'",
    );
  }
  cur.take();
  const right = parseExpression(cur);
  tailOptions(cur);
  const cmp = op.text === "=" ? "==" : op.text as "<=" | ">=";
  return {
    kind: "constraint",
    solver: s.text,
    constraint: { kind: "compare", op: cmp, left, right, pos: cur.pos(op) },
  };
}

function condition(cur: TokenCursor): CommandDetail {
  const c = parseExpression(cur, { condition: true });
  cur.eatOp(";");
  cur.expectEnd(
    "the end of the condition",
    "conditions compare with == ~= < > <= >= and join with & |",
  );
  return { kind: "condition", condition: c };
}

function forLoop(cur: TokenCursor): CommandDetail {
  const variable = assignTarget(cur, "the loop variable");
  cur.expectOp("=", "'='", "write e.g. 'For I = 1:10' or 'For I = 1:2:10'");
  const start = parseExpression(cur);
  cur.expectOp(":", "':'", "write e.g. 'For I = 1:10'");
  const second = parseExpression(cur);
  let step: Expr | undefined;
  let end = second;
  if (cur.eatOp(":")) {
    step = second;
    end = parseExpression(cur);
  }
  cur.eatOp(";");
  cur.expectEnd();
  return { kind: "for", variable, start, ...(step ? { step } : {}), end };
}
