/**
 * The whole GMAT script grammar: every construct GMAT R2026a's samples use, parsed into the tree
 * (values, expressions, command arguments, blocks, includes), and the errors for invalid syntax.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type {
  CommandStatement,
  Expr,
  MissionStatement,
  ResourceStatement,
  Script,
} from "../../src/script/ast.ts";
import { ScriptError } from "../../src/script/errors.ts";
import { exprText } from "../../src/script/expression.ts";
import { fileIncludeReader, parseScript, parseScriptFile } from "../../src/script/parser.ts";

function assignment(s: Script, target: string) {
  const a = s.resources.find((r) => r.kind === "assignment" && r.target === target);
  assert.ok(a && a.kind === "assignment", `no assignment to ${target}`);
  return a;
}

function command(list: readonly MissionStatement[], name: string): CommandStatement {
  const c = list.find((m) => m.kind === "command" && m.name === name);
  assert.ok(c && c.kind === "command", `no ${name} command`);
  return c;
}

function syntaxError(text: string, re: RegExp, code = "SCRIPT_SYNTAX"): ScriptError {
  try {
    parseScript(text, { file: "bad.script" });
  } catch (e) {
    assert.ok(e instanceof ScriptError, `not a ScriptError: ${e}`);
    assert.equal(e.code, code);
    assert.match(e.message, re);
    assert.ok(e.construct, `no construct: ${e.message}`);
    assert.ok(e.hint, `no fix: ${e.message}`);
    assert.ok(e.pos, `no place: ${e.message}`);
    return e;
  }
  assert.fail(`parsed: ${text}`);
}

Deno.test("values: doubled quotes, nested lists, empty items, arrays inside lists", () => {
  const s = parseScript(
    [
      "Create SolarPowerSystem P; Create OpenFramesInterface OFI; Create DynamicDataDisplay D",
      "P.InitialEpoch = ''01 Jan 2000 11:59:28.000'';",
      "OFI.View = {inertial_View, , Earth_View1, geoSat_View1};",
      "D.AddParameters = {1, Sat.X, Sat.Y};",
      "D.RowTextColors = {1, [0 0 0], [255 0 0]};",
      "D.Grid = {{1, 2}, {3}, {}};",
      "OFI.Empty = '';",
      "OFI.Date = 19 Aug 2015 00:00:00.000",
      "OFI.Axis = -N;",
      "OFI.Matrix = [1 -2; 3 4];",
    ].join("\n").replace(/; Create/g, "\nCreate"),
  );
  const epoch = assignment(s, "P.InitialEpoch").value;
  assert.deepEqual([epoch.kind, epoch.kind === "string" && epoch.value], [
    "string",
    "01 Jan 2000 11:59:28.000",
  ]);
  const view = assignment(s, "OFI.View").value;
  assert.ok(view.kind === "list");
  assert.deepEqual(view.items.map((i) => i.kind), ["word", "empty", "word", "word"]);
  const colors = assignment(s, "D.RowTextColors").value;
  assert.ok(colors.kind === "list");
  assert.deepEqual(colors.items.map((i) => i.kind), ["number", "array", "array"]);
  const grid = assignment(s, "D.Grid").value;
  assert.ok(grid.kind === "list" && grid.items[0].kind === "list");
  assert.equal(grid.items[0].kind === "list" && grid.items[0].items.length, 2);
  assert.equal(grid.items[2].kind === "list" && grid.items[2].items.length, 0);
  const empty = assignment(s, "OFI.Empty").value;
  assert.deepEqual([empty.kind, empty.kind === "string" && empty.value], ["string", ""]);
  assert.equal(assignment(s, "OFI.Date").value.kind, "word");
  assert.deepEqual(assignment(s, "OFI.Axis").value, {
    kind: "word",
    value: "-N",
    pos: { file: "<script>", line: 11, column: 12 },
  });
  const m = assignment(s, "OFI.Matrix").value;
  assert.ok(m.kind === "array");
  assert.deepEqual(m.rows.map((r) => r.map((v) => v.kind === "number" && v.value)), [
    [1, -2],
    [3, 4],
  ]);
});

Deno.test("resource section: object copy, element assignment, expressions, method calls", () => {
  const s = parseScript([
    "Create Spacecraft Sat1 Sat2",
    "Create Array vec[3, 1]",
    "Create Variable x",
    "Sat2 = Sat1",
    "vec(1, 1) = 5",
    "x = 2 * pi",
    "launch.SetModelParameter('TimeLowerBound', 'ElapsedDays', 5);",
    "vehicle.SetModelParameter(File, ../data/emtg/NLSII.emtg_launchvehicleopt);",
    "BeginMissionSequence",
  ].join("\n"));
  const copy = assignment(s, "Sat2");
  assert.deepEqual([copy.path, copy.value.kind], [["Sat2"], "word"]);
  const el = assignment(s, "vec");
  assert.deepEqual(el.index?.map(exprText), ["1", "1"]);
  const x = assignment(s, "x").value;
  assert.ok(x.kind === "expr");
  assert.equal(exprText(x.expr), "2 * pi");
  const calls = s.resources.filter((r): r is Extract<ResourceStatement, { kind: "call" }> =>
    r.kind === "call"
  );
  assert.deepEqual(calls.map((c) => c.name), [
    "launch.SetModelParameter",
    "vehicle.SetModelParameter",
  ]);
  assert.deepEqual(calls[1].args.map((a) => a.kind === "string" && a.value), [
    false,
    "../data/emtg/NLSII.emtg_launchvehicleopt",
  ]);
  assert.equal(s.mission.length, 0);
});

Deno.test("mission: labels everywhere, calls with outputs, Create, object copies", () => {
  const s = parseScript([
    "Create Spacecraft Sat",
    "BeginMissionSequence",
    "GMAT 'Compute Cost' Cost = sqrt(TOI.Element1^2 + TOI.Element2^2) + Abs(LOI.Element1);",
    "'Save RAAN' RAAN = MoonSat.RAAN;",
    "[initialEpoch, initialState, finalEpoch] = GetEphemStates('STK', Sat, 'UTCGregorian', EarthMJ2000Eq);",
    "[maxVec] = max(vec);",
    "'Target from a function' TargeterInsideFunction;",
    "Create Variable later",
    "InitSat = MoonSat;",
    "Python.time.sleep(1)",
    "v(2, 1) = rv(I, 1) - x';",
  ].join("\n"));
  const [cost, raan, ephem, max, fn, create, copy, sleep, el] = s.mission;
  assert.ok(cost.kind === "missionAssignment" && cost.label === "Compute Cost");
  assert.ok(cost.value.kind === "expr");
  assert.equal(
    exprText(cost.value.expr),
    "sqrt(TOI.Element1 ^ 2 + TOI.Element2 ^ 2) + Abs(LOI.Element1)",
  );
  assert.ok(raan.kind === "missionAssignment" && raan.label === "Save RAAN");
  assert.ok(ephem.kind === "call");
  assert.deepEqual(ephem.outputs.map((o) => o.name), [
    "initialEpoch",
    "initialState",
    "finalEpoch",
  ]);
  assert.deepEqual(ephem.args.map((a) => a.kind), ["string", "ref", "string", "ref"]);
  assert.ok(max.kind === "call" && max.name === "max");
  assert.ok(fn.kind === "call" && fn.label === "Target from a function" && fn.args.length === 0);
  assert.ok(create.kind === "create" && create.type === "Variable");
  assert.ok(copy.kind === "missionAssignment" && copy.value.kind === "expr");
  assert.equal(copy.value.kind === "expr" && copy.value.expr.kind, "ref");
  assert.ok(sleep.kind === "call" && sleep.name === "Python.time.sleep");
  assert.ok(el.kind === "missionAssignment");
  assert.deepEqual(el.target.index?.map(exprText), ["2", "1"]);
  assert.equal(el.value.kind === "expr" && el.value.expr.kind, "binary");
});

Deno.test("commands: Propagate groups, stops, options and extras are parsed", () => {
  const s = parseScript([
    "BeginMissionSequence",
    "Propagate 'L' Prop(Sat, {Sat.ElapsedDays = 0.1});",
    "Propagate Synchronized P1(A, B) P2(C) {A.Earth.Periapsis, B.ElapsedSecs = 2 * x, StopTolerance = 1e-5, OrbitColor = [255 0 0]}",
    "Propagate BackProp -Prop(Sat) {Sat.TAIModJulian = patchEpoch}",
    "Propagate Prop(Sat, 'Covariance') {Sat.ElapsedDays = 1}",
    "Propagate P(GEO){GEO.ElapsedSecs = 3600}",
  ].join("\n"));
  const d = s.mission.map((m) => m.kind === "command" ? m.detail : undefined);
  assert.ok(d[0]?.kind === "propagate");
  assert.deepEqual(d[0].stops.map((c) => [c.param, c.goal && exprText(c.goal)]), [[
    "Sat.ElapsedDays",
    "0.1",
  ]]);
  assert.ok(d[1]?.kind === "propagate" && d[1].synchronized);
  assert.deepEqual(d[1].groups.map((g) => [g.propagator, g.spacecraft.map((x) => x.name)]), [
    ["P1", ["A", "B"]],
    ["P2", ["C"]],
  ]);
  assert.deepEqual(d[1].stops.map((c) => c.param), ["A.Earth.Periapsis", "B.ElapsedSecs"]);
  assert.deepEqual(d[1].options.map((o) => o.name), ["StopTolerance", "OrbitColor"]);
  assert.ok(d[2]?.kind === "propagate" && d[2].backProp && d[2].groups[0].backward);
  assert.ok(d[3]?.kind === "propagate");
  assert.deepEqual(d[3].groups[0].components, ["Covariance"]);
  assert.ok(d[4]?.kind === "propagate" && d[4].stops.length === 1);
});

Deno.test("blocks: If/Else, While, For, Target/Vary/Achieve, Optimize, BeginScript", () => {
  const s = parseScript([
    "BeginMissionSequence",
    "If 'check' Sat.ElapsedDays < 10 & x ~= 2 | y >= 3",
    "  Maneuver TOI(Sat)",
    "Else",
    "  Report RF Sat.UTCGregorian Sat.X A(1, 2)",
    "EndIf",
    "For I = 1:2:N",
    "  While Sat1.UTCModJulian ~= start",
    "    Toggle RF OV Off",
    "  EndWhile",
    "EndFor",
    "Target DC {SolveMode = Solve, ExitMode = DiscardAndContinue}",
    "  Vary DC(TOI.Element1 = 1, {Perturbation = 0.0001, Lower = 0.0, Upper = 3.14159})",
    "  Achieve 'RMAG' DC(Sat.Earth.RMAG = 42165, {Tolerance = 0.1})",
    "EndTarget",
    "Optimize NLP {SolveMode = Solve}",
    "  Minimize NLP(Cost)",
    "  NonlinearConstraint 'SMA = 2300' NLP(MoonSat.Luna.SMA = 2300, Tolerance = 200);",
    "  NonlinearConstraint NLP(Sat.RMAG <= 7000)",
    "EndOptimize",
    "BeginScript 'block'",
    "  Create Variable y",
    "  y = 1",
    "EndScript",
    "BeginFiniteBurn FB(Sat)",
    "Write Sat x {Style = Concise, LogFile = true}",
    "Stop",
  ].join("\n"));
  const ifc = command(s.mission, "If");
  assert.ok(ifc.detail?.kind === "condition");
  assert.equal(exprText(ifc.detail.condition), "Sat.ElapsedDays < 10 & x ~= 2 | y >= 3");
  assert.equal(ifc.detail.condition.kind, "logical");
  assert.equal(ifc.body?.length, 1);
  assert.equal(ifc.elseBody?.length, 1);
  const report = ifc.elseBody![0];
  assert.ok(report.kind === "command" && report.detail?.kind === "report");
  assert.deepEqual(report.detail.items.map(exprText), ["Sat.UTCGregorian", "Sat.X", "A(1, 2)"]);
  const loop = command(s.mission, "For");
  assert.ok(loop.detail?.kind === "for");
  assert.deepEqual(
    [loop.detail.variable.name, exprText(loop.detail.start), exprText(loop.detail.step!)],
    ["I", "1", "2"],
  );
  assert.equal(exprText(loop.detail.end), "N");
  const w = loop.body![0];
  assert.ok(w.kind === "command" && w.name === "While" && w.body?.length === 1);
  const toggle = w.body![0];
  assert.ok(toggle.kind === "command" && toggle.detail?.kind === "toggle");
  assert.deepEqual([toggle.detail.targets.map((t) => t.name), toggle.detail.on], [
    ["RF", "OV"],
    false,
  ]);
  const target = command(s.mission, "Target");
  assert.ok(target.detail?.kind === "solverBlock" && target.detail.solver === "DC");
  assert.deepEqual(target.detail.options.map((o) => o.name), ["SolveMode", "ExitMode"]);
  const [vary, achieve] = target.body!;
  assert.ok(vary.kind === "command" && vary.detail?.kind === "vary");
  assert.equal(vary.detail.variable.name, "TOI.Element1");
  assert.deepEqual(vary.detail.options.map((o) => o.name), ["Perturbation", "Lower", "Upper"]);
  assert.ok(achieve.kind === "command" && achieve.detail?.kind === "achieve");
  assert.equal(achieve.label, "RMAG");
  assert.deepEqual([exprText(achieve.detail.goal), exprText(achieve.detail.value)], [
    "Sat.Earth.RMAG",
    "42165",
  ]);
  const opt = command(s.mission, "Optimize");
  const [min, c1, c2] = opt.body!;
  assert.ok(min.kind === "command" && min.detail?.kind === "minimize");
  assert.ok(c1.kind === "command" && c1.detail?.kind === "constraint");
  assert.deepEqual(c1.detail.constraint.kind === "compare" && c1.detail.constraint.op, "==");
  assert.ok(c2.kind === "command" && c2.detail?.kind === "constraint");
  assert.deepEqual(c2.detail.constraint.kind === "compare" && c2.detail.constraint.op, "<=");
  const block = command(s.mission, "BeginScript");
  assert.deepEqual(block.body?.map((b) => b.kind), ["create", "missionAssignment"]);
  const fb = command(s.mission, "BeginFiniteBurn");
  assert.ok(fb.detail?.kind === "burn" && fb.detail.burn === "FB");
  const write = command(s.mission, "Write");
  assert.ok(write.detail?.kind === "names");
  assert.deepEqual(write.detail.names.map((n) => n.name), ["Sat", "x"]);
  assert.deepEqual(write.detail.options.map((o) => o.name), ["Style", "LogFile"]);
});

Deno.test("expressions: precedence, unary minus, transpose, matrices, colon indices", () => {
  const s = parseScript([
    "BeginMissionSequence",
    "a = -2^2 + 3 * 4 / 6 - (1 - 2)",
    "b = [1 -2, 3; x' y - 1]",
    "c = A(:, 1)' * B",
    "d = 2^-1",
  ].join("\n"));
  const value = (i: number): Expr => {
    const m = s.mission[i];
    assert.ok(m.kind === "missionAssignment" && m.value.kind === "expr");
    return m.value.expr;
  };
  const a = value(0);
  assert.ok(a.kind === "binary" && a.op === "-");
  assert.equal(exprText(a), "-2 ^ 2 + 3 * 4 / 6 - 1 - 2");
  assert.ok(a.left.kind === "binary" && a.left.op === "+");
  assert.ok(a.left.left.kind === "unary"); // -(2^2): the power binds tighter than the sign
  const b = value(1);
  assert.ok(b.kind === "matrix");
  assert.deepEqual(b.rows.map((r) => r.map(exprText)), [["1", "-2", "3"], ["x'", "y - 1"]]);
  const c = value(2);
  assert.ok(c.kind === "binary" && c.left.kind === "transpose");
  assert.ok(c.left.operand.kind === "apply" && c.left.operand.args[0].kind === "colon");
  assert.equal(exprText(value(3)), "2 ^ -1");
});

Deno.test("includes: read relative to the including file, spliced, cycles refused", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(join(dir, "sub"));
  await Deno.writeTextFile(
    join(dir, "main.script"),
    [
      "Create Spacecraft Sat",
      "#Include 'sub/part.script'",
      "BeginMissionSequence",
      '#Include "sub/mission.script";',
    ].join("\n"),
  );
  await Deno.writeTextFile(join(dir, "sub", "part.script"), "Sat.SMA = 7100\n");
  await Deno.writeTextFile(
    join(dir, "sub", "mission.script"),
    "Propagate Prop(Sat) {Sat.ElapsedSecs = 60}\n#Include '../last.script'\n",
  );
  await Deno.writeTextFile(join(dir, "last.script"), "Report RF Sat.X\n");
  const s = parseScriptFile(join(dir, "main.script"));
  const sma = assignment(s, "Sat.SMA");
  assert.equal(sma.pos.file, join(dir, "sub", "part.script"));
  assert.deepEqual(s.mission.map((m) => m.kind === "command" ? m.name : m.kind), [
    "include",
    "Propagate",
    "include",
    "Report",
  ]);
  assert.equal(s.sources.size, 4);

  await Deno.writeTextFile(join(dir, "last.script"), "#Include 'main.script'\n");
  assert.throws(
    () => parseScriptFile(join(dir, "main.script")),
    (e: unknown) =>
      e instanceof ScriptError && e.code === "SCRIPT_SYNTAX" && /cycle/.test(e.message) &&
      e.pos?.file === join(dir, "last.script"),
  );
  await Deno.remove(join(dir, "last.script"));
  assert.throws(
    () =>
      parseScript(Deno.readTextFileSync(join(dir, "main.script")), {
        file: join(dir, "main.script"),
        include: fileIncludeReader,
      }),
    (e: unknown) =>
      e instanceof ScriptError && e.code === "SCRIPT_NOT_FOUND" &&
      /\.\.\/last\.script/.test(e.message),
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a GMAT function file: header, Create after it, mission", () => {
  const s = parseScript([
    "function [dr, dv] = Ex_RICdelta(rv1, rv2)",
    "  Create Array dx[3,1]",
    "  BeginMissionSequence",
    "  r2 = rv1(1,1)^2",
  ].join("\n"));
  assert.deepEqual(
    s.functionHeader && [
      s.functionHeader.name,
      s.functionHeader.outputs,
      s.functionHeader.inputs,
    ],
    ["Ex_RICdelta", ["dr", "dv"], ["rv1", "rv2"]],
  );
  assert.equal(s.mission.length, 1);
});

Deno.test("syntax errors are for invalid syntax only, each naming place, construct and fix", () => {
  const e1 = syntaxError("BeginMissionSequence\nPropagate Prop(Sat {Sat.Periapsis}", /Propagate/);
  assert.equal(e1.construct, "Propagate");
  assert.ok(e1.hint);
  syntaxError("x = (1 + 2", /'\)'/);
  syntaxError("Sat.Add = {a, b", /unterminated list/);
  syntaxError("BeginMissionSequence\nIf x <\nEndIf", /If:.*ends too early/);
  syntaxError("BeginMissionSequence\nFor I = 1\nEndFor", /For: expected ':'/);
  syntaxError("BeginMissionSequence\nVary DC(x)\n", /Vary: expected '=' and an initial value/);
  syntaxError("BeginMissionSequence\nWhile x < 1\nEndIf", /'EndIf' closes 'While'/);
  syntaxError("BeginMissionSequence\nTarget DC\n", /'Target' is never closed/);
  syntaxError("x = 1; y = 2", /second statement/);
  syntaxError("GMAT 'label' Propagate P(S)", /expected an assignment/);
  syntaxError("Sat.X = 'abc", /unterminated string/);
  syntaxError("Create", /expected a resource type/);
  syntaxError("x = 2 *", /ends too early/);
  syntaxError("1 = 2", /unexpected '1'/);
  syntaxError("BeginMissionSequence\nBeginMissionSequence", /twice/, "SCRIPT_MISSION");
});

Deno.test("hostile nesting ends in a syntax error, not a stack overflow", () => {
  for (
    const text of [
      `x = ${"(".repeat(5000)}1${")".repeat(5000)}`,
      `BeginMissionSequence\nx = ${"(".repeat(5000)}1${")".repeat(5000)}`,
      `BeginMissionSequence\nx = ${"-".repeat(5000)}1`,
      `BeginMissionSequence\nx = 1${"+1".repeat(20000)}`,
      `Sat.Add = ${"{".repeat(5000)}${"}".repeat(5000)}`,
      `BeginMissionSequence\nx = ${"[".repeat(5000)}${"]".repeat(5000)}`,
      `BeginMissionSequence\nx = ${"f(".repeat(5000)}1${")".repeat(5000)}`,
    ]
  ) {
    assert.throws(
      () => parseScript(text),
      (e: unknown) =>
        e instanceof ScriptError && e.code === "SCRIPT_SYNTAX" &&
        /nested|deep/.test(e.message),
      text.slice(0, 40),
    );
  }
});
