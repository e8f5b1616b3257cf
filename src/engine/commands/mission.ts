/**
 * Compiling the mission sequence into runnable commands, and refusing the commands the built-in
 * engine does not model.
 *
 * Supported: Propagate, Maneuver, Report, Toggle, Stop, run-time assignments (`x = expr`,
 * `Sat.SMA = expr`, `DV.Element1 = expr`), and GUI-only commands (ignored).
 *
 * @module
 */

import type {
  CommandStatement,
  MissionAssignmentStatement,
  MissionStatement,
} from "../../script/ast.ts";
import { EARTH_MU } from "../../physics/mod.ts";
import { cartesianToKeplerian, keplerianToCartesian } from "../../physics/mod.ts";
import { type Diagnostics, didYouMean } from "../diagnostics.ts";
import { compileExpression } from "../expression.ts";
import type { Model } from "../model.ts";
import { bindParameter, type ParameterScope } from "../parameters.ts";
import { ImpulsiveBurnResource } from "../resources/impulsive_burn.ts";
import { ReportFileResource } from "../resources/report_file.ts";
import { CARTESIAN_FIELDS, KEPLERIAN_FIELDS, SpacecraftResource } from "../resources/spacecraft.ts";
import { VariableResource } from "../resources/variable.ts";
import type { Runtime } from "../runtime.ts";
import { type Command, MissionRunError } from "./command.ts";
import { compileManeuver } from "./maneuver.ts";
import { compilePropagate } from "./propagate.ts";

const SUPPORTED = ["Propagate", "Maneuver", "Report", "Toggle", "Stop"];

/** Commands that only affect GUI displays. */
const DISPLAY_COMMANDS = new Set(["ClearPlot", "PenUp", "PenDown", "MarkPoint", "Global"]);

const REFUSED: Readonly<Record<string, string>> = {
  Target: "targeting needs a solver; use real GMAT",
  Optimize: "optimisation needs a solver; use real GMAT",
  Vary: "solver commands are not modelled",
  Achieve: "solver commands are not modelled",
  Minimize: "solver commands are not modelled",
  NonlinearConstraint: "solver commands are not modelled",
  If: "control flow is not supported in this version; unroll the mission",
  While: "control flow is not supported in this version; unroll the mission",
  For: "control flow is not supported in this version; unroll the mission",
  BeginScript: "script blocks are not supported",
  BeginFiniteBurn: "finite burns are not modelled; use ImpulsiveBurn and Maneuver",
  EndFiniteBurn: "finite burns are not modelled; use ImpulsiveBurn and Maneuver",
  CallGmatFunction: "functions are not supported",
  CallMatlabFunction: "functions are not supported",
  CallPythonFunction: "functions are not supported",
  Save: "the Save command is not supported",
  Write: "the Write command is not supported; use Report",
  FindEvents: "event location is not modelled",
  RunEstimator: "estimation is not modelled",
  RunSimulator: "simulation is not modelled",
  Set: "the Set command is not supported",
  UpdateDynamicData: "dynamic data displays are not supported",
};

/**
 * Compile a mission sequence.
 *
 * @param mission The statements after BeginMissionSequence.
 * @param model The resource model.
 * @param scope Parameter lookup.
 * @param diag Error sink.
 * @returns The commands in order.
 */
export function compileMission(
  mission: readonly MissionStatement[],
  model: Model,
  scope: ParameterScope,
  diag: Diagnostics,
): Command[] {
  const out: Command[] = [];
  for (const stmt of mission) {
    const cmd = stmt.kind === "missionAssignment"
      ? compileAssignment(stmt, model, scope, diag)
      : compileCommand(stmt, model, scope, diag);
    if (cmd) out.push(cmd);
  }
  return out;
}

function compileCommand(
  cmd: CommandStatement,
  model: Model,
  scope: ParameterScope,
  diag: Diagnostics,
): Command | undefined {
  switch (cmd.name) {
    case "Propagate":
      return compilePropagate(cmd, model, scope, diag);
    case "Maneuver":
      return compileManeuver(cmd, model, diag);
    case "Report":
      return compileReport(cmd, model, scope, diag);
    case "Toggle":
      return compileToggle(cmd, model, diag);
    case "Stop":
      return { name: "Stop", pos: cmd.pos, run: (rt) => void (rt.stopped = true) };
  }
  if (DISPLAY_COMMANDS.has(cmd.name)) {
    diag.warn(cmd.pos, `${cmd.name} only affects GUI displays; ignored`);
    return undefined;
  }
  const why = REFUSED[cmd.name];
  if (why) {
    diag.unsupported(cmd.pos, `command ${cmd.name}`, { construct: cmd.name, hint: why });
  }
  diag.fail(
    "SCRIPT_MISSION",
    cmd.pos,
    `unknown command '${cmd.name}'${didYouMean(cmd.name, [...SUPPORTED, ...Object.keys(REFUSED)])}`,
    { hint: `the built-in engine runs: ${SUPPORTED.join(", ")} and assignments` },
  );
}

function compileReport(
  cmd: CommandStatement,
  model: Model,
  scope: ParameterScope,
  diag: Diagnostics,
): Command {
  const words: { text: string; col: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(cmd.args); m; m = re.exec(cmd.args)) {
    words.push({ text: m[0].replace(/,$/, ""), col: cmd.argsPos.column + m.index });
  }
  if (words.length < 2) {
    diag.fail("SCRIPT_SYNTAX", cmd.argsPos, "expected Report ReportFile param1 param2 ...", {
      construct: "Report",
      hint: "write e.g. 'Report RF Sat.UTCGregorian Sat.X'",
    });
  }
  const rf = model.get(words[0].text, ReportFileResource);
  if (!rf) {
    diag.fail("SCRIPT_UNKNOWN_RESOURCE", cmd.argsPos, `'${words[0].text}' is not a ReportFile`, {
      hint: "create it with 'Create ReportFile'",
    });
  }
  const params = words.slice(1).map((w) =>
    bindParameter(w.text, { ...cmd.argsPos, column: w.col }, scope, diag)
  );
  return {
    name: "Report",
    pos: cmd.pos,
    run(rt: Runtime) {
      const out = rt.reports.find((r) => r.resource === rf);
      out?.report(params, rt.snapshot);
    },
  };
}

function compileToggle(cmd: CommandStatement, model: Model, diag: Diagnostics): Command {
  const parts = cmd.args.split(/\s+/).filter(Boolean);
  const state = parts.pop();
  if (state !== "On" && state !== "Off" || parts.length === 0) {
    diag.fail("SCRIPT_SYNTAX", cmd.argsPos, "expected Toggle Subscriber On|Off", {
      construct: "Toggle",
      hint: "write e.g. 'Toggle RF Off'",
    });
  }
  const targets = parts.map((name) => {
    const r = model.resources.get(name);
    if (!r) {
      diag.fail("SCRIPT_UNKNOWN_RESOURCE", cmd.argsPos, `'${name}' is not defined`, {
        hint: "toggle a ReportFile or a display by name",
      });
    }
    return r;
  });
  return {
    name: "Toggle",
    pos: cmd.pos,
    run(rt: Runtime) {
      for (const out of rt.reports) {
        if (targets.includes(out.resource)) out.enabled = state === "On";
      }
    },
  };
}

function compileAssignment(
  stmt: MissionAssignmentStatement,
  model: Model,
  scope: ParameterScope,
  diag: Diagnostics,
): Command {
  const value = compileExpression(stmt.rhs, stmt.rhsPos, (name, pos) => {
    const b = bindParameter(name, pos, scope, diag);
    if (b.isString) {
      diag.fail("SCRIPT_BAD_VALUE", pos, `${name} is text, not a number`, {
        hint: "use a numeric parameter such as Sat.A1ModJulian",
      });
    }
    return () => b.evaluate(b.spacecraft ? currentSnapshot!(b.spacecraft) : undefined) as number;
  }, diag);
  const lhs = stmt.lhs;
  const parts = lhs.split(".");
  const target = model.resources.get(parts[0]);
  const fail = (message: string, hint: string): never =>
    diag.fail("SCRIPT_MISSION", stmt.pos, message, { construct: "assignment", hint });
  if (lhs.includes("(")) {
    diag.unsupported(stmt.pos, "array element assignment", {
      construct: "assignment",
      hint: "use Variables instead of Arrays",
    });
  }
  let apply: (rt: Runtime, x: number) => void;
  if (target instanceof VariableResource && parts.length === 1) {
    apply = (_rt, x) => void (target.value = x);
  } else if (target instanceof SpacecraftResource && parts.length === 2) {
    const field = parts[1];
    const ci = (CARTESIAN_FIELDS as readonly string[]).indexOf(field);
    const ki = (KEPLERIAN_FIELDS as readonly string[]).indexOf(field);
    if (ci >= 0) {
      apply = (rt, x) => {
        const s = rt.of(target);
        const next = Float64Array.from(s.state);
        next[ci] = x;
        s.state = next;
      };
    } else if (ki >= 0) {
      apply = (rt, x) => {
        const s = rt.of(target);
        const k = cartesianToKeplerian(s.state, EARTH_MU);
        const el = [k.sma, k.ecc, k.inc, k.raan, k.aop, k.ta];
        el[ki] = x;
        const [sma, ecc, inc, raan, aop, ta] = el;
        s.state = Float64Array.from(
          keplerianToCartesian({ sma, ecc, inc, raan, aop, ta }, EARTH_MU),
        );
      };
    } else if (field === "DryMass") {
      apply = (_rt, x) => void (target.dryMass = x);
    } else {
      return fail(
        `cannot assign ${lhs} during the mission`,
        "assign state elements (X..VZ, SMA..TA), DryMass or Variables",
      );
    }
  } else if (
    target instanceof ImpulsiveBurnResource && parts.length === 2 && /^Element[123]$/.test(parts[1])
  ) {
    const i = Number(parts[1].slice(-1)) - 1;
    apply = (_rt, x) => void (target.elements[i] = x);
  } else if (!target) {
    return diag.fail(
      "SCRIPT_UNKNOWN_RESOURCE",
      stmt.pos,
      `'${parts[0]}' is not defined${didYouMean(parts[0], model.resources.keys())}`,
      { hint: `create it first, e.g. 'Create Variable ${parts[0]}'` },
    );
  } else {
    return fail(
      `cannot assign ${lhs} during the mission`,
      "assign Variables, spacecraft state elements, DryMass or burn elements",
    );
  }
  let currentSnapshot: Runtime["snapshot"] | undefined;
  return {
    name: "Assignment",
    pos: stmt.pos,
    run(rt: Runtime) {
      currentSnapshot = rt.snapshot;
      let x: number;
      try {
        x = value();
      } catch (e) {
        throw new MissionRunError(lhs, stmt.pos, e instanceof Error ? e.message : String(e), {
          cause: e,
        });
      }
      if (!Number.isFinite(x)) {
        throw new MissionRunError(lhs, stmt.pos, `the value is ${x}; check the expression`);
      }
      try {
        apply(rt, x);
      } catch (e) {
        throw new MissionRunError(lhs, stmt.pos, e instanceof Error ? e.message : String(e), {
          cause: e,
        });
      }
    },
  };
}
