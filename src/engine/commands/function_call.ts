/**
 * `[out1, out2, ...] = Name(in1, ...)` in the mission sequence for GMAT's built-in functions
 * with several outputs (GMAT's `CallBuiltinGmatFunction`). The engine runs GetEphemStates; any
 * other function called this way (GMAT, MATLAB and Python functions, object methods) is refused
 * by the caller.
 *
 * The outputs are checked when the mission is compiled: as many as the function has, each a
 * String or an Array of the shape the function returns. The call evaluates every output first
 * and then sets them, so a failed call changes none.
 *
 * @module
 */

import type { AssignTarget, CallStatement } from "../../script/ast.ts";
import { GmatSweepError } from "../../errors/mod.ts";
import { compileGetEphemStates } from "../functions/get_ephem_states.ts";
import type { MissionFunctionCompiler, OutputShape } from "../functions/mission_function.ts";
import type { Matrix } from "../math/matrix.ts";
import type { Value } from "../math/value.ts";
import { ArrayResource } from "../resources/array.ts";
import { StringResource } from "../resources/string.ts";
import type { Runtime } from "../runtime.ts";
import { type Command, MissionRunError } from "./command.ts";
import type { MissionCompiler } from "./compiler.ts";

/** The multi-output built-in functions the engine runs, by script name. */
export const MISSION_FUNCTIONS: Readonly<Record<string, MissionFunctionCompiler>> = {
  GetEphemStates: compileGetEphemStates,
};

/**
 * Compile a call of one of {@link MISSION_FUNCTIONS}.
 *
 * @param stmt The call (its name is a key of {@link MISSION_FUNCTIONS}).
 * @param mc The compiler's context.
 * @returns The command.
 * @throws {ScriptError} `SCRIPT_BAD_VALUE` for outputs that are not the function's, or any error
 *   of the function's inputs.
 */
export function compileFunctionCall(stmt: CallStatement, mc: MissionCompiler): Command {
  const fn = MISSION_FUNCTIONS[stmt.name](stmt, mc);
  if (stmt.outputs.length !== fn.outputs.length) {
    mc.diag.fail(
      "SCRIPT_BAD_VALUE",
      stmt.pos,
      `${stmt.name} has ${fn.outputs.length} outputs, the call names ${stmt.outputs.length}`,
      {
        construct: `${stmt.name} outputs`,
        hint: `name ${fn.outputs.length} outputs: ${describeShapes(fn.outputs)}`,
      },
    );
  }
  const setters = stmt.outputs.map((target, i) => outputSetter(stmt, target, fn.outputs[i], mc));
  return {
    name: stmt.name,
    pos: stmt.pos,
    async run(rt: Runtime) {
      let values: Value[];
      try {
        values = await fn.run(rt);
      } catch (e) {
        if (e instanceof MissionRunError || e instanceof GmatSweepError) throw e;
        throw new MissionRunError(stmt.name, stmt.pos, e instanceof Error ? e.message : String(e), {
          cause: e,
        });
      }
      values.forEach((v, i) => setters[i](v));
    },
  };
}

function describeShapes(shapes: readonly OutputShape[]): string {
  return shapes.map((s) => s.kind === "string" ? "a String" : `a ${s.rows}x${s.cols} Array`)
    .join(", ");
}

/** The setter of one output, checked against the shape the function returns there. */
function outputSetter(
  stmt: CallStatement,
  target: AssignTarget,
  shape: OutputShape,
  mc: MissionCompiler,
): (v: Value) => void {
  const r = target.path.length === 1 && !target.index
    ? mc.model.resources.get(target.name)
    : undefined;
  const wrong = (want: string): never =>
    mc.diag.fail(
      "SCRIPT_BAD_VALUE",
      target.pos,
      `output '${target.name}' of ${stmt.name} must be ${want}`,
      {
        construct: `${stmt.name} outputs`,
        hint: want.startsWith("a String")
          ? `create it with 'Create String ${target.name}'`
          : `create it with 'Create Array ${target.name}[${
            want.match(/\d+x\d+/)?.[0]
              .replace("x", ", ")
          }]'`,
      },
    );
  if (shape.kind === "string") {
    if (!(r instanceof StringResource)) return wrong("a String");
    return (v) => void (r.value = v as string);
  }
  const size = `${shape.rows}x${shape.cols}`;
  if (
    !(r instanceof ArrayResource) || r.value.rows !== shape.rows || r.value.cols !== shape.cols
  ) {
    return wrong(`a ${size} Array`);
  }
  return (v) => void (r.value = (v as Matrix).clone());
}
