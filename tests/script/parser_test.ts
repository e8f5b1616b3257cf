import assert from "node:assert/strict";
import { parseScript } from "../../src/script/parser.ts";
import { ScriptError } from "../../src/script/errors.ts";

const LEO = await Deno.readTextFile(
  new URL("../../fixtures/scripts/leo_basic.script", import.meta.url),
);

Deno.test("parseScript() reads leo_basic: resources, values and one Propagate", () => {
  const s = parseScript(LEO, { file: "leo_basic.script" });
  const creates = s.resources.filter((r) => r.kind === "create");
  assert.deepEqual(creates.map((c) => c.kind === "create" && c.type), [
    "Spacecraft",
    "ForceModel",
    "Propagator",
    "ReportFile",
  ]);
  const epoch = s.resources.find((r) => r.kind === "assignment" && r.target === "Sat.Epoch");
  assert.ok(epoch && epoch.kind === "assignment");
  assert.deepEqual(epoch.value.kind, "string");
  assert.equal(epoch.value.kind === "string" && epoch.value.value, "01 Jan 2026 00:00:00.000");
  const add = s.resources.find((r) => r.kind === "assignment" && r.target === "RF.Add");
  assert.ok(add && add.kind === "assignment" && add.value.kind === "list");
  assert.equal(add.value.kind === "list" && add.value.items.length, 6);
  assert.equal(s.mission.length, 1);
  const prop = s.mission[0];
  assert.equal(prop.kind, "command");
  assert.equal(prop.kind === "command" && prop.name, "Propagate");
  assert.equal(prop.kind === "command" && prop.args, "Prop(Sat) {Sat.ElapsedSecs = 60}");
  assert.equal(s.beginMission?.line, 43);
});

Deno.test("parseScript() keeps line and column of values", () => {
  const s = parseScript("Create Spacecraft Sat\n  GMAT Sat.SMA = 7000;\n", { file: "a.script" });
  const a = s.resources[1];
  assert.equal(a.kind, "assignment");
  if (a.kind !== "assignment") return;
  assert.deepEqual(a.pos, { file: "a.script", line: 2, column: 8 });
  assert.deepEqual(a.value.pos, { file: "a.script", line: 2, column: 18 });
  assert.equal(a.value.kind === "number" && a.value.value, 7000);
});

Deno.test("parseScript() handles comments, continuation, optional GMAT and ;;", () => {
  const text = [
    "% header comment",
    "Create Spacecraft Sat Sat2 % two names",
    "GMAT Sat.Id = 'a%b';;",
    "Sat.Epoch = 01 Jan 2026 ...",
    "   00:00:00.000",
    "Create Propagator P",
    "BeginMissionSequence",
    "Propagate 'Coast' P(Sat) ...",
    "  {Sat.ElapsedSecs = 60}",
  ].join("\r\n");
  const s = parseScript(text);
  const create = s.resources[0];
  assert.ok(create.kind === "create");
  assert.deepEqual(create.names.map((n) => n.name), ["Sat", "Sat2"]);
  const id = s.resources[1];
  assert.ok(id.kind === "assignment" && id.value.kind === "string");
  assert.equal(id.value.value, "a%b");
  const epoch = s.resources[2];
  assert.ok(epoch.kind === "assignment" && epoch.value.kind === "word");
  assert.equal(epoch.value.value, "01 Jan 2026 00:00:00.000");
  const cmd = s.mission[0];
  assert.ok(cmd.kind === "command");
  assert.equal(cmd.label, "Coast");
  assert.equal(cmd.args, "P(Sat) {Sat.ElapsedSecs = 60}");
});

Deno.test("parseScript() reads lists, arrays and Create dimensions", () => {
  const s = parseScript("Create Array A[3,1]\nX.L = {Earth, Luna}\nX.E = {}\nX.M = [1 0; 0 1]\n");
  const arr = s.resources[0];
  assert.ok(arr.kind === "create");
  assert.deepEqual(arr.names[0].dims, [3, 1]);
  const l = s.resources[1];
  assert.ok(l.kind === "assignment" && l.value.kind === "list");
  assert.deepEqual(l.value.items.map((i) => i.kind === "word" && i.value), ["Earth", "Luna"]);
  const e = s.resources[2];
  assert.ok(e.kind === "assignment" && e.value.kind === "list");
  assert.equal(e.value.items.length, 0);
  const m = s.resources[3];
  assert.ok(m.kind === "assignment" && m.value.kind === "array");
  assert.deepEqual(m.value.rows.map((r) => r.map((v) => v.kind === "number" && v.value)), [[1, 0], [
    0,
    1,
  ]]);
});

Deno.test("parseScript() builds nested blocks and mission assignments", () => {
  const s = parseScript(
    "Create Variable x\nBeginMissionSequence\nx = 2*x + 1\nIf x > 3\n  Stop\nElse\n  x = 0\nEndIf\n",
  );
  assert.equal(s.mission[0].kind, "missionAssignment");
  const block = s.mission[1];
  assert.ok(block.kind === "command" && block.name === "If");
  assert.equal(block.body?.length, 1);
  assert.equal(block.elseBody?.length, 1);
});

Deno.test("parseScript() starts the mission at the first command without BeginMissionSequence", () => {
  const s = parseScript("Create Propagator P\nPropagate P(Sat)\n");
  assert.equal(s.beginMission, undefined);
  assert.equal(s.mission.length, 1);
});

function syntaxError(text: string): ScriptError {
  try {
    parseScript(text, { file: "bad.script" });
  } catch (e) {
    assert.ok(e instanceof ScriptError, String(e));
    return e;
  }
  assert.fail("expected a ScriptError");
}

Deno.test("parseScript() errors name file:line:column and show the line", () => {
  const e = syntaxError("Create Spacecraft Sat\nSat.Id = 'abc\n");
  assert.equal(e.code, "SCRIPT_SYNTAX");
  assert.deepEqual(e.pos, { file: "bad.script", line: 2, column: 10 });
  assert.match(e.message, /^bad\.script:2:10: unterminated string/);
  assert.match(e.message, /2 \| Sat\.Id = 'abc\n\s+\| {10}\^/);
  assert.match(e.message, /fix: /);
});

Deno.test("parseScript() refuses non-ASCII, two statements per line, bad blocks", () => {
  assert.equal(syntaxError("% caf\u00e9\n").code, "SCRIPT_NON_ASCII");
  assert.match(syntaxError("Create Spacecraft A\nA.X = 1; A.Y = 2\n").message, /second statement/);
  assert.match(
    syntaxError("BeginMissionSequence\nEndIf\n").message,
    /'EndIf' without an open block/,
  );
  assert.match(
    syntaxError("BeginMissionSequence\nIf a > 1\nEndWhile\n").message,
    /closes 'If' opened at line 2/,
  );
  assert.match(syntaxError("BeginMissionSequence\nWhile a > 1\n").message, /never closed/);
  assert.equal(syntaxError("BeginMissionSequence\nBeginMissionSequence\n").code, "SCRIPT_MISSION");
  assert.match(syntaxError("Create Spacecraft S\nS.A = {a, b\n").message, /unterminated list/);
  assert.match(syntaxError("Create Spacecraft S\nS.A =\n").message, /expected a value/);
  assert.match(syntaxError("Create\n").message, /expected a resource type/);
  assert.match(syntaxError("GMAT Propagate P(S)\n").message, /after 'GMAT'/);
});
