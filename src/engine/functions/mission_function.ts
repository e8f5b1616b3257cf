/**
 * The shape of a GMAT built-in function with several outputs, called in the mission sequence as
 * `[out1, out2, ...] = Name(in1, in2, ...)` (GMAT's `CallBuiltinGmatFunction`): what each output
 * holds, and how to evaluate the call once its inputs are compiled.
 *
 * @module
 */

import type { CallStatement } from "../../script/ast.ts";
import type { MissionCompiler } from "../commands/compiler.ts";
import type { Value } from "../math/value.ts";
import type { Runtime } from "../runtime.ts";

/** What one output receives: text (a String) or an array of a fixed shape (an Array). */
export type OutputShape =
  | { readonly kind: "string" }
  | { readonly kind: "matrix"; readonly rows: number; readonly cols: number };

/** A compiled call of a multi-output built-in function. */
export interface MissionFunction {
  /** What each output receives, in order. */
  readonly outputs: readonly OutputShape[];
  /** Evaluate the call: one value per output, in order. */
  run(rt: Runtime): Promise<Value[]>;
}

/** Compiles a call's inputs (refusing bad ones with the script's errors). */
export type MissionFunctionCompiler = (stmt: CallStatement, mc: MissionCompiler) => MissionFunction;
