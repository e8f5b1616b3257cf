/**
 * A Target block while its body is compiled and run: its solver, the Vary and Achieve commands
 * of its body in order, and the data of each run in progress. Apart from the Target command
 * itself so the mission compiler's context can name it without importing the command.
 *
 * @module
 */

import type { SourcePos } from "../../script/ast.ts";
import type { DifferentialCorrectorResource } from "../resources/differential_corrector.ts";
import type { Runtime } from "../runtime.ts";
import { MissionRunError } from "./command.ts";
import type { NumericSetter } from "./numeric_setter.ts";

/** A compiled `Vary`. */
export interface VarySpec {
  readonly name: string;
  readonly initial: () => number;
  readonly options: readonly (readonly [string, () => number])[];
  readonly set: NumericSetter;
}

/** A compiled `Achieve`. */
export interface AchieveSpec {
  readonly name: string;
  readonly achieved: () => number;
  readonly desired: () => number;
  readonly tolerance: (() => number) | undefined;
}

/** What the body's Vary and Achieve commands use during one run of the Target. */
export interface PassData {
  values: readonly number[];
  readonly achieved: number[];
  readonly desired: number[];
  readonly tolerance: number[];
}

/**
 * A Target block being compiled: its solver, and the Vary and Achieve commands of its body, in
 * the order they appear (the solver's variable and goal order).
 */
export class TargetFrame {
  readonly variables: VarySpec[] = [];
  readonly goals: AchieveSpec[] = [];
  readonly #passes = new WeakMap<Runtime, PassData>();

  constructor(readonly solver: DifferentialCorrectorResource) {}

  /** The data of the Target run in progress. */
  pass(rt: Runtime, command: string, pos: SourcePos): PassData {
    const data = this.#passes.get(rt);
    if (!data) {
      throw new MissionRunError(command, pos, `runs outside its Target ${this.solver.name}`);
    }
    return data;
  }

  /** Start (data) or end (undefined) a Target run. */
  begin(rt: Runtime, data: PassData | undefined): void {
    if (data) this.#passes.set(rt, data);
    else this.#passes.delete(rt);
  }
}

/** The Target blocks enclosing a command being compiled, innermost last. */
export interface TargetScope {
  readonly targets?: readonly TargetFrame[];
}
