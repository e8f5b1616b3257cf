/**
 * What compiling a mission needs (the resources, name lookup, the error sink and the Target
 * blocks enclosing the statements being compiled): the context every command compiler takes,
 * on its own so the command compilers and the mission dispatcher do not import each other.
 *
 * @module
 */

import type { Diagnostics } from "../diagnostics.ts";
import type { NameBinder } from "../expression.ts";
import type { Model } from "../model.ts";
import type { ParameterScope } from "../parameter_types.ts";
import type { TargetScope } from "./target_frame.ts";

/**
 * What compiling a mission needs: the resources, name lookup, the error sink, the run, and the
 * Target blocks enclosing the statements being compiled.
 */
export interface MissionCompiler extends TargetScope {
  /** The resource model. */
  readonly model: Model;
  /** Parameter lookup. */
  readonly scope: ParameterScope;
  /** Error sink. */
  readonly diag: Diagnostics;
  /** Names in expressions. */
  readonly names: NameBinder;
}
