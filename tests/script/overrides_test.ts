import assert from "node:assert/strict";
import {
  formatOverrideValue,
  insertOverrides,
  renderOverrideLines,
} from "../../src/script/overrides.ts";
import { parseScript } from "../../src/script/parser.ts";
import { ScriptError } from "../../src/script/errors.ts";

Deno.test("formatOverrideValue() quotes like GMAT", () => {
  assert.equal(formatOverrideValue("S.SMA", 7000), "7000");
  assert.equal(formatOverrideValue("S.SMA", 7000.5), "7000.5");
  assert.equal(formatOverrideValue("S.ECC", 1e-9), "1e-9");
  assert.equal(formatOverrideValue("S.X", -0), "0");
  assert.equal(formatOverrideValue("S.Id", "abc"), "'abc'");
  assert.equal(formatOverrideValue("R.W", true), "true");
  assert.equal(formatOverrideValue("FM.P", ["Earth", "Luna"]), "{Earth, Luna}");
  assert.equal(formatOverrideValue("A.v", [1, 2.5, 3]), "[1 2.5 3]");
  assert.equal(formatOverrideValue("A.m", [[1, 0], [0, 1]]), "[1 0; 0 1]");
  assert.equal(formatOverrideValue("FM.P", []), "{}");
});

Deno.test("formatOverrideValue() refuses what GMAT cannot express", () => {
  for (const bad of [NaN, Infinity, "it's", "a\nb", ["a b"], [1, "x"]]) {
    assert.throws(
      () => formatOverrideValue("S.F", bad as never),
      (e) => e instanceof ScriptError && e.code === "OVERRIDE_INVALID" && /S\.F/.test(e.message),
    );
  }
  assert.throws(() => renderOverrideLines({ SMA: 1 }), /not a dotted field path/);
});

Deno.test("insertOverrides() inserts just before BeginMissionSequence and keeps CRLF", () => {
  const text =
    "Create Spacecraft Sat\r\nSat.SMA = 7000\r\nBeginMissionSequence\r\nPropagate P(Sat)\r\n";
  const out = insertOverrides(text, { "Sat.SMA": 7100, "Sat.Epoch": "01 Jan 2026 00:00:00.000" });
  const lines = out.split("\r\n");
  assert.deepEqual(lines.slice(2, 6), [
    "% --- overrides inserted by gmat-sweep ---",
    "GMAT Sat.SMA = 7100;",
    "GMAT Sat.Epoch = '01 Jan 2026 00:00:00.000';",
    "BeginMissionSequence",
  ]);
  const s = parseScript(out);
  const last = s.resources.filter((r) => r.kind === "assignment" && r.target === "Sat.SMA").at(-1);
  assert.ok(
    last?.kind === "assignment" && last.value.kind === "number" && last.value.value === 7100,
  );
});

Deno.test("insertOverrides() uses the first command when there is no BeginMissionSequence", () => {
  const out = insertOverrides("Create Spacecraft S\n\nPropagate P(S)\n", { "S.X": 1 });
  assert.equal(
    out,
    "Create Spacecraft S\n\n% --- overrides inserted by gmat-sweep ---\nGMAT S.X = 1;\nPropagate P(S)\n",
  );
  const none = insertOverrides("Create Spacecraft S", { "S.X": 1 });
  assert.equal(
    none,
    "Create Spacecraft S\n% --- overrides inserted by gmat-sweep ---\nGMAT S.X = 1;\n",
  );
  assert.equal(insertOverrides("x", {}), "x");
});
