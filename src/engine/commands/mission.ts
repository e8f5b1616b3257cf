/**
 * Compiling the mission sequence into runnable commands, and refusing by name the commands the
 * built-in engine does not execute.
 *
 * Run: Propagate, Maneuver, Begin/EndFiniteBurn, Report, Write, Toggle, Stop, If/While/For
 * (`control_flow.ts`), Target/Vary/Achieve (`target.ts`), `BeginScript ... EndScript` blocks
 * (their statements run in order), run-time assignments (`x = expr`, `Sat.SMA = expr`,
 * `DV.Element1 = expr`), object copies (`Sat2 = Sat1`), the multi-output built-in function
 * GetEphemStates (`function_call.ts`), and labels on any of them. GUI-only
 * commands are ignored with a warning. Everything else GMAT accepts (Optimize, other function calls,
 * Save, ...) is refused with `ENGINE_UNSUPPORTED`, its place and a fix.
 *
 * @module
 */

import type {
  CallStatement,
  CommandStatement,
  MissionAssignmentStatement,
  MissionStatement,
} from "../../script/ast.ts";
import { exprText } from "../../script/expression.ts";
import { GMAT_COMMANDS } from "../../script/gmat_types.ts";
import { EPOCH_FORMATS, type EpochFormat, isEpochFormat, parseEpoch } from "../../physics/mod.ts";
import { type Diagnostics, didYouMean } from "../diagnostics.ts";
import { compileExpression, compileValue, type NameBinder } from "../expression.ts";
import type { ReportItem } from "../outputs/report_output.ts";
import { compileControlFlow, CONTROL_FLOW } from "./control_flow.ts";
import { Matrix } from "../math/matrix.ts";
import { describe, kindOf, type Value } from "../math/value.ts";
import { ArrayResource } from "../resources/array.ts";
import { StringResource } from "../resources/string.ts";
import type { Model } from "../model.ts";
import type { ParameterScope } from "../parameters.ts";
import { ReportFileResource } from "../resources/report_file.ts";
import { SpacecraftResource } from "../resources/spacecraft.ts";
import { VariableResource } from "../resources/variable.ts";
import type { Runtime } from "../runtime.ts";
import { type Command, MissionRunError } from "./command.ts";
import { compileFiniteBurnCommand } from "./finite_burn.ts";
import { compileFunctionCall, MISSION_FUNCTIONS } from "./function_call.ts";
import { compileManeuver } from "./maneuver.ts";
import { compilePropagate } from "./propagate.ts";
import { compileTargeting, TARGETING } from "./target.ts";
import type { MissionCompiler } from "./compiler.ts";
import { compileWrite } from "./write.ts";
import { numericSetter } from "./numeric_setter.ts";

const SUPPORTED = [
  "Propagate",
  "Maneuver",
  "Report",
  "Write",
  "Toggle",
  "Stop",
  "BeginScript",
  "If",
  "While",
  "For",
  "Target",
  "Vary",
  "Achieve",
];

/** Commands that only affect GUI displays or the console echo. */
const DISPLAY_COMMANDS = new Set([
  "ClearPlot",
  "PenUp",
  "PenDown",
  "MarkPoint",
  "UpdateDynamicData",
  "CommandEcho",
]);

const UNSUPPORTED_HINT = "run this script with real GMAT (engine: 'gmat')";

/** Why each command GMAT runs is not run here, and what to do instead. */
const REFUSED: Readonly<Record<string, string>> = {
  Optimize: "optimisation (Optimize/Vary/Minimize/NonlinearConstraint) is not executed",
  Minimize: "solver commands are not executed",
  NonlinearConstraint: "solver commands are not executed",
  BeginFileThrust: "thrust history files are not modelled",
  EndFileThrust: "thrust history files are not modelled",
  CallGmatFunction: "GMAT functions are not executed",
  CallMatlabFunction: "MATLAB functions are not executed",
  CallPythonFunction: "Python functions are not executed",
  Save: "the Save command is not executed",
  FindEvents: "event location is not modelled",
  RunEstimator: "estimation is not modelled",
  RunSimulator: "measurement simulation is not modelled",
  RunSmoother: "smoothing is not modelled",
  Set: "the Set command is not executed",
  SetSeed: "estimation noise seeds are not modelled",
  Collocate: "optimal control (CSALT) is not modelled",
  Global: "global objects only matter to GMAT functions, which are not executed",
};

/**
 * Compile a mission sequence (or a block's body).
 *
 * @param mission The statements.
 * @param mc The compiler's context.
 * @returns The commands in order.
 */
export function compileMission(
  mission: readonly MissionStatement[],
  mc: MissionCompiler,
): Command[] {
  const { model, scope, diag } = mc;
  const out: Command[] = [];
  for (const stmt of mission) {
    switch (stmt.kind) {
      case "missionAssignment":
        out.push(compileAssignment(stmt, model, mc.names, diag));
        break;
      case "command":
        if (stmt.name === "BeginScript") {
          // A script block groups statements; they run in order.
          out.push(...compileMission(stmt.body ?? [], mc));
        } else if (CONTROL_FLOW.has(stmt.name)) {
          out.push(compileControlFlow(stmt, mc, (body) => compileMission(body, mc)));
        } else if (TARGETING.has(stmt.name)) {
          out.push(compileTargeting(stmt, mc, compileMission));
        } else {
          const cmd = compileCommand(stmt, model, scope, diag, mc);
          if (cmd) out.push(cmd);
        }
        break;
      case "call":
        if (/^[Ss]etSeed$/.test(stmt.name) && stmt.outputs.length === 0) {
          out.push(compileSetSeed(stmt, mc.names, diag));
          break;
        }
        if (Object.hasOwn(MISSION_FUNCTIONS, stmt.name)) {
          out.push(compileFunctionCall(stmt, mc));
          break;
        }
        refuseCall(stmt, model, diag);
        break;
      case "create":
        break; // created with the model (GMAT creates mission objects before the run)
      case "include":
        diag.unsupported(stmt.pos, `#Include '${stmt.file}' that was not read`, {
          construct: "#Include",
          hint: "run the script from a file so its includes can be read",
        });
    }
  }
  return out;
}

/** `SetSeed(s)`: restart the run's random numbers from `s`, as GMAT's SetSeed function. */
function compileSetSeed(stmt: CallStatement, names: NameBinder, diag: Diagnostics): Command {
  if (stmt.args.length !== 1) {
    diag.fail("SCRIPT_BAD_VALUE", stmt.pos, `SetSeed takes one argument, got ${stmt.args.length}`, {
      construct: "SetSeed",
      hint: "write SetSeed(42)",
    });
  }
  const seed = compileValue(stmt.args[0], names, diag);
  return {
    name: "SetSeed",
    pos: stmt.pos,
    run: (rt: Runtime) => {
      const s = seed.get();
      if (typeof s !== "number" || !Number.isFinite(s) || s < 0 || s > 0xffffffff) {
        throw new MissionRunError(
          "SetSeed",
          stmt.pos,
          `the seed must be a number from 0 to 4294967295, got ${describe(s)}`,
        );
      }
      rt.random.seed(Math.trunc(s));
    },
  };
}

function refuseCall(stmt: CallStatement, model: Model, diag: Diagnostics): never {
  const target = model.resources.get(stmt.name.split(".")[0]);
  const kind = target?.typeName ?? (stmt.name.includes(".") ? "method" : "function");
  return diag.unsupported(stmt.pos, `the call of ${stmt.name} (${kind})`, {
    construct: stmt.outputs.length > 0 ? "function call [out] = f(in)" : "function call",
    hint: `GMAT, MATLAB and Python functions and methods are not executed; ${UNSUPPORTED_HINT}`,
  });
}

function compileCommand(
  cmd: CommandStatement,
  model: Model,
  scope: ParameterScope,
  diag: Diagnostics,
  mc: MissionCompiler,
): Command | undefined {
  switch (cmd.name) {
    case "Propagate":
      return compilePropagate(cmd, model, scope, diag, mc.names);
    case "Maneuver":
      return compileManeuver(cmd, model, diag);
    case "BeginFiniteBurn":
    case "EndFiniteBurn":
      return compileFiniteBurnCommand(cmd, model, diag);
    case "Report":
      return compileReport(cmd, model, mc.names, diag);
    case "Write":
      return compileWrite(cmd, model, mc.names, diag);
    case "Toggle":
      return compileToggle(cmd, model, diag);
    case "Stop":
      return { name: "Stop", pos: cmd.pos, run: (rt) => void (rt.stopped = true) };
  }
  if (DISPLAY_COMMANDS.has(cmd.name)) {
    diag.warn(cmd.pos, `${cmd.name} only affects GUI displays or the console; ignored`);
    return undefined;
  }
  const why = REFUSED[cmd.name];
  if (why) {
    diag.unsupported(cmd.pos, `command ${cmd.name}`, {
      construct: cmd.name,
      hint: `${why}; ${UNSUPPORTED_HINT}`,
    });
  }
  const resource = model.resources.get(cmd.name);
  if (resource && /Function$/.test(resource.typeName)) {
    diag.unsupported(cmd.pos, `the call of ${resource.typeName} ${cmd.name}`, {
      construct: "function call",
      hint: `functions are not executed; ${UNSUPPORTED_HINT}`,
    });
  }
  const known = GMAT_COMMANDS[cmd.name];
  if (known) {
    diag.unsupported(cmd.pos, `command ${cmd.name}`, {
      construct: cmd.name,
      hint: (known.plugin ? `it comes with GMAT's ${known.plugin} plugin; ` : "") +
        UNSUPPORTED_HINT,
    });
  }
  return diag.fail(
    "SCRIPT_MISSION",
    cmd.pos,
    `unknown command '${cmd.name}'${
      didYouMean(cmd.name, [...SUPPORTED, ...Object.keys(GMAT_COMMANDS)])
    }`,
    {
      construct: cmd.name,
      hint: `GMAT has no such command or function; the built-in engine runs ${
        SUPPORTED.join(", ")
      } and assignments`,
    },
  );
}

function compileReport(
  cmd: CommandStatement,
  model: Model,
  names: NameBinder,
  diag: Diagnostics,
): Command {
  const d = cmd.detail;
  if (d?.kind !== "report" || d.items.length === 0) {
    return diag.fail("SCRIPT_SYNTAX", cmd.argsPos, "expected Report ReportFile param1 param2 ...", {
      construct: "Report",
      hint: "write e.g. 'Report RF Sat.UTCGregorian Sat.X'",
    });
  }
  const rf = model.get(d.file, ReportFileResource);
  if (!rf) {
    diag.fail("SCRIPT_UNKNOWN_RESOURCE", d.filePos, `'${d.file}' is not a ReportFile`, {
      construct: "Report",
      hint: "create it with 'Create ReportFile'",
    });
  }
  const items: ReportItem[] = d.items.map((item) => {
    const value = compileValue(item, names, diag);
    const name = exprText(item);
    return { name, get: value.get };
  });
  const command = {
    name: "Report",
    pos: cmd.pos,
    run(rt: Runtime) {
      const out = rt.reports.find((r) => r.resource === rf);
      out?.reportItems(command, items);
    },
  };
  return command;
}

function compileToggle(cmd: CommandStatement, model: Model, diag: Diagnostics): Command {
  const d = cmd.detail;
  if (d?.kind !== "toggle") {
    return diag.fail("SCRIPT_SYNTAX", cmd.argsPos, "expected Toggle Subscriber On|Off", {
      construct: "Toggle",
      hint: "write e.g. 'Toggle RF Off'",
    });
  }
  const targets = d.targets.map(({ name, pos }) => {
    const r = model.resources.get(name);
    if (!r) {
      diag.fail("SCRIPT_UNKNOWN_RESOURCE", pos, `'${name}' is not defined`, {
        construct: "Toggle",
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
        if (targets.includes(out.resource)) out.enabled = d.on;
      }
    },
  };
}

function compileAssignment(
  stmt: MissionAssignmentStatement,
  model: Model,
  names: NameBinder,
  diag: Diagnostics,
): Command {
  const lhs = stmt.target.name;
  const parts = stmt.target.path;
  const target = model.resources.get(parts[0]);
  if (target instanceof ArrayResource && parts.length === 1) {
    return compileArrayAssignment(stmt, target, names, diag);
  }
  if (stmt.target.index) {
    diag.fail("SCRIPT_BAD_VALUE", stmt.pos, `'${lhs}' is not an Array`, {
      construct: "Array element assignment",
      hint: `create it with 'Create Array ${lhs}[rows, columns]'`,
    });
  }
  if (target instanceof StringResource && parts.length === 1) {
    const value = compileRhs(stmt, names, diag, "string");
    return assignment(stmt, () => value(), (_rt, v) => void (target.value = v as string));
  }
  const copy = compileCopy(stmt, model, diag);
  if (copy) return copy;
  if (target instanceof SpacecraftResource && (parts[1] === "Epoch" || parts[1] === "DateFormat")) {
    return compileEpochAssignment(stmt, target, diag);
  }
  if (target instanceof SpacecraftResource && parts.length === 2 && target.isInertField(parts[1])) {
    diag.warn(stmt.pos, `${lhs} does not change the built-in engine's physics; ignored`);
    return { name: "Assignment", pos: stmt.pos, run() {} };
  }
  const apply = numericSetter(lhs, parts, stmt.pos, model, diag);
  const value = compileRhs(stmt, names, diag, "number");
  return assignment(stmt, () => {
    const x = value() as number;
    if (!Number.isFinite(x)) throw new Error(`the value is ${x}; check the expression`);
    return x;
  }, (rt, v) => apply(rt, v as number));
}

/** A mission assignment command: evaluate, then apply, each failure a run error naming it. */
function assignment(
  stmt: MissionAssignmentStatement,
  evaluate: () => Value,
  apply: (rt: Runtime, v: Value) => void,
): Command {
  const lhs = stmt.lhs;
  return {
    name: "Assignment",
    pos: stmt.pos,
    run(rt: Runtime) {
      try {
        apply(rt, evaluate());
      } catch (e) {
        if (e instanceof MissionRunError) throw e;
        throw new MissionRunError(lhs, stmt.pos, e instanceof Error ? e.message : String(e), {
          cause: e,
        });
      }
    },
  };
}

/** The right-hand side as a value of the kind the target takes. */
function compileRhs(
  stmt: MissionAssignmentStatement,
  names: NameBinder,
  diag: Diagnostics,
  want: "number" | "string" | "matrix",
): () => Value {
  const v = stmt.value;
  if (v.kind === "number" && want !== "string") {
    const x = v.value;
    return () => x;
  }
  if ((v.kind === "string" || v.kind === "word") && want === "string") {
    const text = v.value;
    return () => text;
  }
  if (v.kind !== "expr") {
    return diag.unsupported(stmt.rhsPos, `assigning ${stmt.rhs} to ${stmt.lhs}`, {
      construct: "assignment",
      hint: `${stmt.lhs} takes a ${want}; ${UNSUPPORTED_HINT}`,
    });
  }
  if (want === "number") return compileExpression(v.expr, names, diag);
  const c = compileValue(v.expr, names, diag);
  if (c.kind !== "any" && c.kind !== want) {
    diag.fail("SCRIPT_BAD_VALUE", stmt.rhsPos, `${stmt.lhs} takes a ${want}, got a ${c.kind}`, {
      construct: "assignment",
      hint: want === "string" ? "use sprintf or num2str to make text" : "assign an array value",
    });
  }
  return () => {
    const x = c.get();
    if (kindOf(x) !== want && !(want === "matrix" && typeof x === "number")) {
      throw new Error(`${stmt.lhs} takes a ${want}, got ${describe(x)}`);
    }
    return x;
  };
}

/** `A = expr` (a whole array of the same shape) or `A(i, j) = expr` (one element). */
function compileArrayAssignment(
  stmt: MissionAssignmentStatement,
  array: ArrayResource,
  names: NameBinder,
  diag: Diagnostics,
): Command {
  const index = stmt.target.index;
  if (!index) {
    const value = compileRhs(stmt, names, diag, "matrix");
    return assignment(stmt, value, (_rt, v) => {
      const m = typeof v === "number" ? new Matrix(1, 1, Float64Array.of(v)) : v as Matrix;
      if (m.rows !== array.value.rows || m.cols !== array.value.cols) {
        throw new Error(`${array.name} is ${array.value.shape}, the value is ${m.shape}`);
      }
      array.value = m.clone();
    });
  }
  if (index.length > 2 || index.some((e) => e.kind === "colon")) {
    diag.unsupported(stmt.pos, `assigning ${stmt.lhs}`, {
      construct: "Array slice assignment",
      hint: "assign single elements A(i, j) or the whole array",
    });
  }
  const at = index.map((e) => compileExpression(e, names, diag));
  const value = compileRhs(stmt, names, diag, "number");
  return assignment(stmt, value, (_rt, v) => {
    const i = at[0](), j = at.length > 1 ? at[1]() : 1;
    const m = array.value;
    if (
      !Number.isInteger(i) || !Number.isInteger(j) || i < 1 || j < 1 || i > m.rows || j > m.cols
    ) {
      throw new Error(`${array.name}(${i}, ${j}) is outside ${m.shape}`);
    }
    m.data[(i - 1) * m.cols + (j - 1)] = v as number;
  });
}

/**
 * `Sat2 = Sat1` during the mission: copy the source's current state, epoch and mass, as GMAT's
 * object assignment does at that point of the sequence. Undefined when the statement is no copy.
 */
function compileCopy(
  stmt: MissionAssignmentStatement,
  model: Model,
  diag: Diagnostics,
): Command | undefined {
  const v = stmt.value;
  if (stmt.target.path.length !== 1 || v.kind !== "expr" || v.expr.kind !== "ref") return undefined;
  const to = model.resources.get(stmt.target.name);
  const from = model.resources.get(v.expr.name);
  if (!from || !to || from instanceof VariableResource || to instanceof VariableResource) {
    return undefined;
  }
  if (from.typeName !== to.typeName) {
    diag.fail(
      "SCRIPT_BAD_VALUE",
      stmt.pos,
      `cannot copy ${from.typeName} ${from.name} into ${to.typeName} ${to.name}`,
      {
        construct: "object copy",
        hint: "copy objects of the same type",
      },
    );
  }
  if (!(to instanceof SpacecraftResource) || !(from instanceof SpacecraftResource)) {
    return diag.unsupported(
      stmt.pos,
      `copying the ${to.typeName} ${from.name} during the mission`,
      {
        construct: "object copy",
        hint: `the engine copies spacecraft during the mission; ${UNSUPPORTED_HINT}`,
      },
    );
  }
  return {
    name: "Assignment",
    pos: stmt.pos,
    run(rt: Runtime) {
      const src = rt.of(from);
      const dst = rt.of(to);
      dst.state = Float64Array.from(src.state);
      dst.epochA1 = src.epochA1;
      to.dryMass = from.dryMass;
      rt.discontinuity(to);
    },
  };
}

/** The text of a literal or expression value (a word, string or name), if it is one. */
function valueText(v: MissionAssignmentStatement["value"]): string | undefined {
  if (v.kind === "string" || v.kind === "word") return v.value;
  if (v.kind === "number") return v.text;
  if (v.kind === "expr") {
    if (v.expr.kind === "string") return v.expr.value;
    if (v.expr.kind === "ref") return v.expr.name;
    if (v.expr.kind === "number") return v.expr.text;
  }
  return undefined;
}

/**
 * `Sat.DateFormat = UTCGregorian` and `Sat.Epoch[.Format] = '...'` during the mission (the
 * configuration blocks GMAT's samples open their missions with): the epoch is read in the
 * format current at that point; before the spacecraft's first Propagate it also moves the
 * reference of ElapsedSecs.
 */
function compileEpochAssignment(
  stmt: MissionAssignmentStatement,
  sc: SpacecraftResource,
  diag: Diagnostics,
): Command {
  const [, field, sub] = stmt.target.path;
  const text = valueText(stmt.value);
  if (text === undefined || stmt.target.path.length > (field === "Epoch" ? 3 : 2)) {
    return diag.unsupported(stmt.rhsPos, `assigning ${stmt.rhs} to ${stmt.lhs}`, {
      construct: `assignment to Spacecraft.${field}`,
      hint: "write a format name or an epoch string",
    });
  }
  if (field === "DateFormat" || (sub !== undefined && !isEpochFormat(sub))) {
    const format = field === "DateFormat" ? text : sub!;
    if (!isEpochFormat(format)) {
      diag.fail("SCRIPT_BAD_VALUE", stmt.rhsPos, `unknown epoch format '${format}'`, {
        construct: `Spacecraft.${field}`,
        hint: `use one of ${EPOCH_FORMATS.join(", ")}`,
      });
    }
    if (field === "DateFormat") {
      return { name: "Assignment", pos: stmt.pos, run: () => void (sc.dateFormat = format) };
    }
  }
  return {
    name: "Assignment",
    pos: stmt.pos,
    run(rt: Runtime) {
      const format = (sub ?? sc.dateFormat) as EpochFormat;
      let epoch: number;
      try {
        epoch = parseEpoch(text.trim(), format);
      } catch (e) {
        throw new MissionRunError(stmt.lhs, stmt.pos, e instanceof Error ? e.message : String(e), {
          cause: e,
        });
      }
      const s = rt.of(sc);
      s.epochA1 = epoch;
      if (!s.propagated) s.missionStartA1 = epoch;
      rt.discontinuity(sc);
    },
  };
}
