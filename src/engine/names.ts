/**
 * What names in mission expressions refer to: Variables, Arrays and Strings by name, burn
 * elements (`TOI.Element1`), and spacecraft parameters (`Sat.Earth.SMA`) read from the running
 * mission. Names are resolved when the mission is compiled; their values are read at run time
 * through a {@link RunContext}, filled in when the run starts.
 *
 * @module
 */

import type { SourcePos } from "../script/ast.ts";
import type { Diagnostics } from "./diagnostics.ts";
import type { BoundName, NameBinder } from "./expression.ts";
import type { Model } from "./model.ts";
import { bindParameter, type ParameterScope } from "./parameters.ts";
import { ArrayResource } from "./resources/array.ts";
import { DifferentialCorrectorResource } from "./resources/differential_corrector.ts";
import { ImpulsiveBurnResource } from "./resources/impulsive_burn.ts";
import { StringResource } from "./resources/string.ts";
import { VariableResource } from "./resources/variable.ts";
import type { Runtime } from "./runtime.ts";

/** The run a compiled mission executes in: set once the run starts. */
export class RunContext {
  #runtime: Runtime | undefined;

  /** The running mission. */
  get runtime(): Runtime {
    if (!this.#runtime) throw new Error("internal: the mission is not running");
    return this.#runtime;
  }

  /** Start the run. */
  start(runtime: Runtime): void {
    this.#runtime = runtime;
  }
}

/**
 * The binder of mission expressions.
 *
 * @param model The resources.
 * @param scope Parameter lookup.
 * @param diag Error sink.
 * @param ctx The run the values are read from.
 */
export function missionNames(
  model: Model,
  scope: ParameterScope,
  diag: Diagnostics,
  ctx: RunContext,
): NameBinder {
  const bind = (name: string, pos: SourcePos): BoundName => {
    const r = model.resources.get(name);
    if (r instanceof VariableResource) return { kind: "number", get: () => r.value };
    if (r instanceof ArrayResource) return { kind: "matrix", get: () => r.value };
    if (r instanceof StringResource) return { kind: "string", get: () => r.value };
    const [owner, field, ...rest] = name.split(".");
    const burn = model.resources.get(owner);
    if (
      burn instanceof ImpulsiveBurnResource && rest.length === 0 && /^Element[123]$/.test(field)
    ) {
      const i = Number(field.slice(-1)) - 1;
      return { kind: "number", get: () => burn.elements[i] };
    }
    if (burn instanceof DifferentialCorrectorResource) {
      // GMAT's SolverData: the status as text, and as a number (0 ready or running, 1
      // converged, -1 iterations exceeded).
      if (field === "SolverStatus" && rest.length === 0) {
        return { kind: "string", get: () => burn.runStatus };
      }
      if (field === "SolverState" && rest.length === 0) {
        const state = { Initialized: 0, Running: 0, Converged: 1, ExceededIterations: -1 };
        return { kind: "number", get: () => state[burn.runStatus] };
      }
      diag.unsupported(pos, `the solver parameter ${name}`, {
        construct: "DifferentialCorrector parameter",
        hint: "a DifferentialCorrector reports SolverStatus and SolverState",
      });
    }
    const b = bindParameter(name, pos, scope, diag);
    const sc = b.spacecraft;
    return {
      kind: b.isString ? "string" : "number",
      get: () => b.evaluate(sc ? ctx.runtime.snapshot(sc) : undefined),
    };
  };
  return Object.assign(bind, { random: () => ctx.runtime.random });
}
