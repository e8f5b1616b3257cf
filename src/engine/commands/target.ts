/**
 * GMAT targeting in the mission sequence: `Target DC {SolveMode = ..., ExitMode = ...}` ...
 * `EndTarget` with `Vary` and `Achieve` commands in its body, driven by the standalone
 * differential corrector of `src/solvers/` (a state machine handing out one pass at a time).
 *
 * As GMAT's `Target.cpp`: at Target entry the Vary initial values, Vary settings and Achieve
 * goals are evaluated (GMAT runs only the Vary and Achieve commands in its INITIALIZING pass), and
 * every spacecraft's state (epoch, state vector, tank contents, burns firing, dry mass and
 * physical properties) is saved. Before each pass (nominal, perturbation, final) that state is
 * restored and the whole body runs: each `Vary` sets its variable to the pass's value, each
 * `Achieve` records the goal reached, every other command (Propagate, Maneuver, Report, If, ...)
 * runs as usual, so a Report in the body writes a row per pass. Variables, burn elements and
 * output files are not restored. After the last pass the mission continues from the state the
 * final pass left (the converged trajectory); the varied parameters keep the final values.
 * ExitMode decides where a later run of the same Target starts (SaveAndContinue: the last
 * solution; DiscardAndContinue: the initial guesses) and `Stop` ends the mission after targeting.
 * A run that does not converge in MaximumIterations prints GMAT's message, adds a warning and
 * the mission continues. With `ShowProgress = true` the solver writes its report file and its
 * progress text (the run's messages).
 *
 * @module
 */

import type {
  CommandStatement,
  MissionStatement,
  ScriptValue,
  SourcePos,
} from "../../script/ast.ts";
import { exprText } from "../../script/expression.ts";
import {
  defaultReportFileName,
  DifferentialCorrector,
  EXIT_MODES,
  type ExitMode,
  SOLVE_MODES,
  type SolveMode,
  SolverError,
  type SolverListener,
  SolverProgressWriter,
  SolverReportWriter,
} from "../../solvers/mod.ts";
import { type Diagnostics, didYouMean } from "../diagnostics.ts";
import { compileExpression } from "../expression.ts";
import { DifferentialCorrectorResource } from "../resources/differential_corrector.ts";
import type { SpacecraftResource } from "../resources/spacecraft.ts";
import type { Runtime, SpacecraftState } from "../runtime.ts";
import { type Command, MissionRunError } from "./command.ts";
import { runBody } from "./control_flow.ts";
import type { MissionCompiler } from "./compiler.ts";
import { type AchieveSpec, type PassData, TargetFrame, type TargetScope } from "./target_frame.ts";
import { numericSetter } from "./numeric_setter.ts";
import { postMessage } from "./write.ts";

/** The solver commands compiled here. */
export const TARGETING: ReadonlySet<string> = new Set(["Target", "Vary", "Achieve"]);

/** `Vary` settings, by GMAT's option name. */
const VARY_OPTIONS = [
  "Perturbation",
  "Lower",
  "Upper",
  "MaxStep",
  "AdditiveScaleFactor",
  "MultiplicativeScaleFactor",
] as const;
type VaryOption = (typeof VARY_OPTIONS)[number];

const VARY_KEYS: Readonly<Record<VaryOption, string>> = {
  Perturbation: "perturbation",
  Lower: "lower",
  Upper: "upper",
  MaxStep: "maxStep",
  AdditiveScaleFactor: "additiveScaleFactor",
  MultiplicativeScaleFactor: "multiplicativeScaleFactor",
};

/**
 * Compile a `Target` block, `Vary` or `Achieve` command.
 *
 * @param cmd The command.
 * @param mc The mission compiler, with the enclosing Target blocks.
 * @param compileBody Compiles the statements of a body with a given compiler.
 * @throws {ScriptError} For a malformed command, an unknown solver or option, or a Vary or
 *   Achieve outside the Target of its solver.
 */
export function compileTargeting(
  cmd: CommandStatement,
  mc: MissionCompiler & TargetScope,
  compileBody: (body: readonly MissionStatement[], mc: MissionCompiler & TargetScope) => Command[],
): Command {
  if (cmd.name === "Vary") return compileVary(cmd, mc);
  if (cmd.name === "Achieve") return compileAchieve(cmd, mc);
  return compileTarget(cmd, mc, compileBody);
}

function compileTarget(
  cmd: CommandStatement,
  mc: MissionCompiler & TargetScope,
  compileBody: (body: readonly MissionStatement[], mc: MissionCompiler & TargetScope) => Command[],
): Command {
  const { diag, model } = mc;
  const d = cmd.detail;
  if (d?.kind !== "solverBlock") {
    return diag.fail("SCRIPT_SYNTAX", cmd.argsPos, "expected Target <DifferentialCorrector>", {
      construct: "Target",
      hint: "write e.g. 'Target DC {SolveMode = Solve, ExitMode = DiscardAndContinue}'",
    });
  }
  const solver = model.get(d.solver, DifferentialCorrectorResource);
  if (!solver) {
    const other = model.resources.get(d.solver);
    const known = model.all(DifferentialCorrectorResource).map((r) => r.name);
    return diag.fail(
      "SCRIPT_UNKNOWN_RESOURCE",
      d.solverPos,
      other
        ? `'${d.solver}' is a ${other.typeName}, not a DifferentialCorrector`
        : `'${d.solver}' is not defined${didYouMean(d.solver, known)}`,
      {
        construct: "Target",
        hint: `create it with 'Create DifferentialCorrector ${d.solver}'`,
      },
    );
  }
  let solveMode: SolveMode = "Solve";
  let exitMode: ExitMode = "DiscardAndContinue";
  for (const o of d.options) {
    const text = o.value.kind === "expr" ? o.value.text : "";
    if (o.name === "SolveMode") solveMode = choice(diag, o.pos, "SolveMode", text, SOLVE_MODES);
    else if (o.name === "ExitMode") exitMode = choice(diag, o.pos, "ExitMode", text, EXIT_MODES);
    else if (o.name !== "ShowProgressWindow") {
      diag.fail("SCRIPT_UNKNOWN_FIELD", o.pos, `Target has no option '${o.name}'`, {
        construct: "Target",
        hint: "Target takes SolveMode, ExitMode and ShowProgressWindow",
      });
    }
  }
  const frame = new TargetFrame(solver);
  const body = compileBody(cmd.body ?? [], { ...mc, targets: [...(mc.targets ?? []), frame] });
  if (frame.variables.length === 0 || frame.goals.length === 0) {
    diag.fail(
      "SCRIPT_MISSION",
      cmd.pos,
      `Target ${solver.name} has ${frame.variables.length} Vary and ${frame.goals.length} ` +
        "Achieve commands; GMAT's targeter cannot initialize without goals and variables",
      {
        construct: "Target",
        hint: `put at least one 'Vary ${solver.name}(...)' and one 'Achieve ${solver.name}(...)' ` +
          "between Target and EndTarget",
      },
    );
  }
  const solvers = new WeakMap<Runtime, DifferentialCorrector>();
  return {
    name: "Target",
    pos: cmd.pos,
    async run(rt: Runtime) {
      const fail = (e: unknown): never => {
        if (e instanceof MissionRunError || !(e instanceof SolverError)) throw e;
        throw new MissionRunError("Target", cmd.pos, `[${e.code}] ${e.message}`, { cause: e });
      };
      const initial = frame.variables.map((v) => v.initial());
      const data: PassData = {
        values: initial,
        achieved: frame.goals.map(() => NaN),
        desired: frame.goals.map((g) => g.desired()),
        tolerance: frame.goals.map((g) => g.tolerance?.() ?? 0.1),
      };
      let dc = solvers.get(rt);
      try {
        if (dc) dc.restart(initial);
        else {
          dc = new DifferentialCorrector({
            name: solver.name,
            maxIterations: solver.maxIterations,
            derivativeMethod: solver.derivativeMethod,
            algorithm: solver.algorithm,
            solveMode,
            exitMode,
            variables: frame.variables.map((v, i) => ({
              name: v.name,
              initialValue: initial[i],
              ...Object.fromEntries(v.options.map(([key, get]) => [key, get()])),
            })),
            goals: frame.goals.map((g, i) => ({
              name: g.name,
              value: data.desired[i],
              tolerance: data.tolerance[i],
            })),
            listeners: listeners(rt, solver),
          });
          solvers.set(rt, dc);
        }
      } catch (e) {
        fail(e);
      }
      const saved = saveSpacecraft(rt);
      frame.begin(rt, data);
      solver.runStatus = "Running";
      try {
        for (let p = dc!.next(); p.kind !== "done"; p = dc!.next()) {
          restoreSpacecraft(rt, saved);
          data.values = p.values;
          rt.checkAborted();
          rt.solverPasses++;
          try {
            await runBody(body, rt);
          } finally {
            rt.solverPasses--;
          }
          if (rt.stopped) return;
          dc!.report([...data.achieved], {
            desired: [...data.desired],
            tolerance: [...data.tolerance],
          });
        }
      } catch (e) {
        fail(e);
      } finally {
        frame.begin(rt, undefined);
      }
      const result = dc!.result;
      if (result?.status === "converged") solver.runStatus = "Converged";
      if (result?.status === "exceededIterations") solver.runStatus = "ExceededIterations";
      if (result && result.status === "exceededIterations") {
        rt.diag.warn(
          cmd.pos,
          `Target ${solver.name} did not converge in ${result.iterations} iterations ` +
            `(MaximumIterations = ${solver.maxIterations}); the mission continues with the last ` +
            "values",
        );
      }
    },
  };
}

function compileVary(cmd: CommandStatement, mc: MissionCompiler & TargetScope): Command {
  const { diag, model, names } = mc;
  const d = cmd.detail;
  if (d?.kind !== "vary") {
    return diag.fail("SCRIPT_SYNTAX", cmd.argsPos, "expected Vary Solver(param = value)", {
      construct: "Vary",
      hint: "write e.g. 'Vary DC(TOI.Element1 = 0.5, {Perturbation = 1e-4})'",
    });
  }
  const frame = enclosingFrame(cmd, d.solver, mc);
  if (d.variable.index) {
    diag.unsupported(d.variable.pos, `varying the array element ${d.variable.name}(...)`, {
      construct: "Vary",
      hint: "vary a Variable, a burn element (TOI.Element1) or a spacecraft state element",
    });
  }
  const set = numericSetter(d.variable.name, d.variable.path, d.variable.pos, model, diag);
  const options = d.options.map((o) => {
    const key = (VARY_OPTIONS as readonly string[]).includes(o.name)
      ? VARY_KEYS[o.name as VaryOption]
      : diag.fail(
        "SCRIPT_UNKNOWN_FIELD",
        o.pos,
        `Vary has no option '${o.name}'${didYouMean(o.name, VARY_OPTIONS)}`,
        { construct: "Vary", hint: `Vary takes ${VARY_OPTIONS.join(", ")}` },
      );
    return [key, optionNumber(o.value, mc)] as const;
  });
  const index = frame.variables.push({
    name: d.variable.name,
    initial: compileExpression(d.initial, names, diag),
    options,
    set,
  }) - 1;
  return {
    name: "Vary",
    pos: cmd.pos,
    run(rt: Runtime) {
      set(rt, frame.pass(rt, "Vary", cmd.pos).values[index]);
    },
  };
}

function compileAchieve(cmd: CommandStatement, mc: MissionCompiler & TargetScope): Command {
  const { diag, names } = mc;
  const d = cmd.detail;
  if (d?.kind !== "achieve") {
    return diag.fail("SCRIPT_SYNTAX", cmd.argsPos, "expected Achieve Solver(param = value)", {
      construct: "Achieve",
      hint: "write e.g. 'Achieve DC(Sat.Earth.RMAG = 42164, {Tolerance = 0.1})'",
    });
  }
  const frame = enclosingFrame(cmd, d.solver, mc);
  let tolerance: (() => number) | undefined;
  for (const o of d.options) {
    if (o.name !== "Tolerance") {
      diag.fail("SCRIPT_UNKNOWN_FIELD", o.pos, `Achieve has no option '${o.name}'`, {
        construct: "Achieve",
        hint: "Achieve takes Tolerance, e.g. {Tolerance = 0.1}",
      });
    }
    tolerance = optionNumber(o.value, mc);
  }
  const spec: AchieveSpec = {
    name: exprText(d.goal),
    achieved: compileExpression(d.goal, names, diag),
    desired: compileExpression(d.value, names, diag),
    tolerance,
  };
  const index = frame.goals.push(spec) - 1;
  return {
    name: "Achieve",
    pos: cmd.pos,
    run(rt: Runtime) {
      const data = frame.pass(rt, "Achieve", cmd.pos);
      data.achieved[index] = spec.achieved();
      data.desired[index] = spec.desired();
      data.tolerance[index] = spec.tolerance?.() ?? 0.1;
    },
  };
}

/** The innermost enclosing Target of `solver`, or the project's error. */
function enclosingFrame(
  cmd: CommandStatement,
  solver: string,
  mc: MissionCompiler & TargetScope,
): TargetFrame {
  const { diag, model } = mc;
  const targets = mc.targets ?? [];
  const frame = [...targets].reverse().find((f) => f.solver.name === solver);
  if (frame) return frame;
  if (!model.resources.has(solver)) {
    const known = model.all(DifferentialCorrectorResource).map((r) => r.name);
    return diag.fail(
      "SCRIPT_UNKNOWN_RESOURCE",
      cmd.argsPos,
      `${cmd.name} names the solver '${solver}', which is not defined${didYouMean(solver, known)}`,
      {
        construct: cmd.name,
        hint: targets.length > 0
          ? `name the solver of the enclosing Target: ${cmd.name} ${
            targets[targets.length - 1].solver.name
          }(...)`
          : `create it with 'Create DifferentialCorrector ${solver}' and put the ${cmd.name} ` +
            `between 'Target ${solver}' and 'EndTarget'`,
      },
    );
  }
  return diag.fail(
    "SCRIPT_MISSION",
    cmd.pos,
    targets.length === 0
      ? `${cmd.name} ${solver}(...) is outside a Target block`
      : `${cmd.name} ${solver}(...) is not inside a 'Target ${solver}' block (the enclosing ` +
        `Target runs ${targets[targets.length - 1].solver.name})`,
    {
      construct: cmd.name,
      hint: `put the ${cmd.name} command between 'Target ${solver}' and 'EndTarget'`,
    },
  );
}

/** A numeric option value (a number, Variable or parameter expression). */
function optionNumber(value: ScriptValue, mc: MissionCompiler): () => number {
  if (value.kind === "number") {
    const x = value.value;
    return () => x;
  }
  if (value.kind !== "expr") {
    return mc.diag.fail("SCRIPT_BAD_VALUE", value.pos, "expected a number or an expression", {
      construct: "solver option",
      hint: "write e.g. {Perturbation = 1e-4}",
    });
  }
  return compileExpression(value.expr, mc.names, mc.diag);
}

/** One of the allowed words of a Target option. */
function choice<T extends string>(
  diag: Diagnostics,
  pos: SourcePos,
  option: string,
  text: string,
  allowed: readonly T[],
): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  return diag.fail(
    "SCRIPT_BAD_VALUE",
    pos,
    `Target option ${option} = ${text} is not one of ${allowed.join(", ")}`,
    { construct: `Target.${option}`, hint: `write e.g. {${option} = ${allowed[0]}}` },
  );
}

/** The report file and console text of a solver (messages only when ShowProgress is off). */
function listeners(rt: Runtime, solver: DifferentialCorrectorResource): SolverListener[] {
  const print = (text: string) => postMessage(rt, { sink: "MessageWindow", text });
  if (!solver.showProgress) return [{ message: print }];
  const sink = rt.textFile(solver.reportFile, defaultReportFileName(solver.name));
  return [
    new SolverReportWriter(sink, { style: solver.reportStyle }),
    new SolverProgressWriter(print, { style: solver.reportStyle }),
  ];
}

/** Spacecraft state saved at Target entry. */
type Saved = readonly {
  readonly sc: SpacecraftResource;
  readonly state: SpacecraftState;
  readonly dryMass: number;
  readonly properties: Record<string, number | string>;
}[];

function saveSpacecraft(rt: Runtime): Saved {
  return [...rt.states].map(([sc, s]) => ({
    sc,
    state: { ...s, state: Float64Array.from(s.state), burns: new Set(s.burns) },
    dryMass: sc.dryMass,
    properties: { ...sc.properties },
  }));
}

function restoreSpacecraft(rt: Runtime, saved: Saved): void {
  for (const { sc, state, dryMass, properties } of saved) {
    const s = rt.of(sc);
    const { burns: _burns, ...fields } = state;
    Object.assign(s, { ...fields, state: Float64Array.from(state.state) });
    if (!("lastStop" in state)) delete s.lastStop;
    s.burns.clear();
    for (const b of state.burns) s.burns.add(b);
    sc.dryMass = dryMass;
    Object.assign(sc.properties, properties);
    rt.discontinuity(sc);
  }
}
