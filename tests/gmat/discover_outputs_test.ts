import assert from "node:assert/strict";
import { discoverOutputs } from "../../src/gmat/mod.ts";
import { ScriptError } from "../../src/script/mod.ts";
import { fixture } from "./_install.ts";

const pick = (text: string) =>
  discoverOutputs(text, "t.script").map((o) => [o.name, o.kind, o.format, o.path, o.enabled]);

Deno.test("discoverOutputs() applies GMAT's default names and extensions", () => {
  const text = [
    "Create ReportFile RF NoExt",
    "NoExt.Filename = 'plain'",
    "Create EphemerisFile OEM STK SPK C5 Named",
    "STK.FileFormat = STK-TimePosVel",
    "SPK.FileFormat = SPK",
    "SPK.Filename = 'kernel.txt'",
    "C5.FileFormat = Code-500",
    "Named.Filename = 'out/orbit'",
    "Create ContactLocator CL",
    "Create EclipseLocator EL",
    "EL.Filename = 'shadow.report'",
    "BeginMissionSequence",
  ].join("\n");
  assert.deepEqual(pick(text), [
    ["RF", "report", "ReportFile", "RF.txt", true],
    ["NoExt", "report", "ReportFile", "plain", true], // a ReportFile keeps its name as written
    ["OEM", "ephemeris", "CCSDS-OEM", "OEM.oem", true],
    ["STK", "ephemeris", "STK-TimePosVel", "STK.e", true],
    ["SPK", "ephemeris", "SPK", "kernel.bsp", true], // SPK always ends in .bsp
    ["C5", "ephemeris", "Code-500", "C5.eph", true],
    ["Named", "ephemeris", "CCSDS-OEM", "out/orbit.oem", true], // no extension: default added
    ["CL", "contact", "ContactLocator", "CL.txt", true],
    ["EL", "eclipse", "EclipseLocator", "shadow.report", true],
  ]);
});

Deno.test("discoverOutputs() keeps the last assignment, unquoted names and write switches", () => {
  const text = [
    "Create ReportFile RF;",
    "GMAT RF.Filename = 'first.txt';",
    "GMAT RF.Filename = ./output/second.txt;",
    "GMAT RF.WriteReport = false;",
    "Create EphemerisFile EF;",
    "EF.WriteEphemeris = Off",
    "EF.Filename = 'sub\\dir\\e.oem'",
    "Create ContactLocator CL;",
    "CL.WriteReport = true",
    "BeginMissionSequence;",
  ].join("\n");
  const outputs = discoverOutputs(text, "t.script");
  assert.deepEqual(outputs.map((o) => [o.path, o.declared, o.enabled]), [
    ["./output/second.txt", "./output/second.txt", false],
    ["sub\\dir\\e.oem", "sub\\dir\\e.oem", false],
    ["CL.txt", null, true],
  ]);
});

Deno.test("discoverOutputs() reads a whole fixture and reports parse errors", async () => {
  const text = await Deno.readTextFile(fixture("gmat/many_outputs.script"));
  assert.deepEqual(discoverOutputs(text, "many_outputs.script").map((o) => o.path), [
    "./output/x.txt",
    "sub\\dir\\y.report",
    "RF3.txt",
    "/nonexistent-gmat-sweep-dir/abs/z.oem",
    "orbit.e",
  ]);
  assert.throws(
    () => discoverOutputs("Create ReportFile RF\nRF.Filename = 'a\nBeginMissionSequence\n", "x"),
    ScriptError,
  );
});
