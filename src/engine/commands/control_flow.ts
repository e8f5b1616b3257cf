/**
 * GMAT's control flow in the mission sequence: `If`/`Else`/`EndIf`, `While`/`EndWhile` and
 * `For I = start:step:end`/`EndFor`, with GMAT's comparison (`== ~= < > <= >=`) and logical
 * (`&`, `|`) operators on parameters, Variables, array elements and strings. A `Stop` inside a
 * body ends the mission. Loops are bounded (the engine's `maxLoopIterations`), so a condition
 * that never turns false ends the run with an error instead of a hang.
 *
 * @module
 */

import type { CommandStatement, MissionStatement } from "../../script/ast.ts";
import { exprText } from "../../script/expression.ts";
import { compileExpression, compileValue } from "../expression.ts";
import { VariableResource } from "../resources/variable.ts";
import type { Runtime } from "../runtime.ts";
import { type Command, MissionRunError } from "./command.ts";
import type { MissionCompiler } from "./compiler.ts";

/** The block commands compiled here. */
export const CONTROL_FLOW: ReadonlySet<string> = new Set(["If", "While", "For"]);

/** Run commands in order until the mission stops. */
export async function runBody(commands: readonly Command[], rt: Runtime): Promise<void> {
  for (const cmd of commands) {
    if (rt.stopped) return;
    await cmd.run(rt);
  }
}

/**
 * Compile an If, While or For block.
 *
 * @param cmd The block command (with its parsed condition or loop).
 * @param mc The mission compiler.
 * @param compileBody Compiles the statements of a body.
 */
export function compileControlFlow(
  cmd: CommandStatement,
  mc: MissionCompiler,
  compileBody: (body: readonly MissionStatement[]) => Command[],
): Command {
  const { diag } = mc;
  const d = cmd.detail;
  const body = compileBody(cmd.body ?? []);
  const fail = (rt: Runtime, message: string, cause?: unknown): never => {
    void rt;
    throw new MissionRunError(cmd.name, cmd.pos, message, { cause });
  };
  if (cmd.name === "For") {
    if (d?.kind !== "for") {
      return diag.fail("SCRIPT_SYNTAX", cmd.argsPos, "expected For I = start:end", {
        construct: "For",
        hint: "write e.g. 'For I = 1:10' or 'For I = 1:2:10'",
      });
    }
    const loopVar = mc.model.get(d.variable.name, VariableResource);
    if (!loopVar || d.variable.index) {
      return diag.fail(
        "SCRIPT_BAD_VALUE",
        d.variable.pos,
        `the loop index '${d.variable.name}' is not a Variable`,
        {
          construct: "For",
          hint: `create it with 'Create Variable ${d.variable.name}'`,
        },
      );
    }
    const start = compileExpression(d.start, mc.names, diag);
    const step = d.step ? compileExpression(d.step, mc.names, diag) : () => 1;
    const end = compileExpression(d.end, mc.names, diag);
    return {
      name: "For",
      pos: cmd.pos,
      async run(rt: Runtime) {
        const a = start(), s = step(), b = end();
        if (s === 0 || !Number.isFinite(a) || !Number.isFinite(s) || !Number.isFinite(b)) {
          fail(
            rt,
            `the loop ${exprText(d.start)}:${d.step ? exprText(d.step) + ":" : ""}${
              exprText(d.end)
            } is ${a}:${s}:${b}; the step must be a non-zero number`,
          );
        }
        const count = Math.floor((b - a) / s + 1e-12) + 1;
        if (count > rt.limits.maxLoopIterations) {
          fail(rt, `${count} iterations exceed the limit of ${rt.limits.maxLoopIterations}`);
        }
        for (let k = 0; k < count && !rt.stopped; k++) {
          loopVar.value = a + k * s;
          await runBody(body, rt);
        }
      },
    };
  }
  if (d?.kind !== "condition") {
    return diag.fail("SCRIPT_SYNTAX", cmd.argsPos, `expected ${cmd.name} <condition>`, {
      construct: cmd.name,
      hint: `write e.g. '${cmd.name} Sat.ElapsedDays < 1'`,
    });
  }
  const test = compileValue(d.condition, mc.names, diag, true);
  if (test.kind === "string" || test.kind === "matrix") {
    diag.fail("SCRIPT_BAD_VALUE", cmd.argsPos, `${cmd.name} needs a comparison`, {
      construct: cmd.name,
      hint: "compare with == ~= < > <= >= and join with & |",
    });
  }
  const holds = () => {
    const v = test.get();
    return typeof v === "number" ? v !== 0 : false;
  };
  if (cmd.name === "If") {
    const elseBody = compileBody(cmd.elseBody ?? []);
    return {
      name: "If",
      pos: cmd.pos,
      async run(rt: Runtime) {
        await runBody(holds() ? body : elseBody, rt);
      },
    };
  }
  return {
    name: "While",
    pos: cmd.pos,
    async run(rt: Runtime) {
      let n = 0;
      while (!rt.stopped && holds()) {
        if (++n > rt.limits.maxLoopIterations) {
          fail(
            rt,
            `the condition ${exprText(d.condition)} still holds after ` +
              `${rt.limits.maxLoopIterations} passes; check that the loop changes it`,
          );
        }
        rt.checkAborted();
        await runBody(body, rt);
      }
    },
  };
}
