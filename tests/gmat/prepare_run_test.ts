import assert from "node:assert/strict";
import { join } from "node:path";
import {
  discoverOutputs,
  GmatRunDirError,
  locateGmat,
  planOutputFiles,
  prepareGmatRun,
} from "../../src/gmat/mod.ts";
import { parseScript, ScriptError } from "../../src/script/mod.ts";
import { fixture, installAt, tempDir } from "./_install.ts";

const LEO = fixture("scripts/leo_basic.script");

Deno.test("prepareGmatRun() writes the script with overrides and absolute Filenames before BeginMissionSequence", async () => {
  await using tmp = await tempDir();
  const install = await locateGmat({ root: await installAt(tmp.path, "gmat") });
  const runDir = join(tmp.path, "runs", "run-000007");
  const prepared = await prepareGmatRun(install, {
    scriptText: await Deno.readTextFile(LEO),
    scriptFile: LEO,
    overrides: { "Sat.SMA": 7100, "Sat.ECC": 0.002 },
    runDir,
  });
  assert.equal(prepared.runDir, runDir);
  assert.equal(prepared.scriptPath, join(runDir, "leo_basic.script"));
  assert.equal(prepared.startupPath, join(runDir, "gmat_startup_file.txt"));
  assert.equal(prepared.logPath, join(runDir, "GmatLog.txt"));
  assert.deepEqual(prepared.outputs, [
    { kind: "report", name: "RF", path: join(runDir, "sat.report"), format: "ReportFile", rows: 0 },
  ]);

  const lines = (await Deno.readTextFile(prepared.scriptPath)).split("\n");
  const begin = lines.indexOf("BeginMissionSequence;");
  assert.deepEqual(lines.slice(begin - 4, begin + 1), [
    "% --- overrides, input and output paths inserted by gmat-sweep ---",
    "GMAT Sat.SMA = 7100;",
    "GMAT Sat.ECC = 0.002;",
    `GMAT RF.Filename = '${join(runDir, "sat.report")}';`,
    "BeginMissionSequence;",
  ]);
  // Everything else is the original script, line for line.
  const original = (await Deno.readTextFile(LEO)).split("\n");
  assert.deepEqual([...lines.slice(0, begin - 4), ...lines.slice(begin)], original);
  parseScript(lines.join("\n"), { file: prepared.scriptPath }); // still a valid script

  const startup = await Deno.readTextFile(prepared.startupPath);
  assert.match(startup, new RegExp(`^OUTPUT_PATH +=  ?${runDir}/$`, "m"));
  assert.match(startup, new RegExp(`^LOG_FILE +=  ?${join(runDir, "GmatLog.txt")}$`, "m"));
  assert.match(startup, new RegExp(`^ROOT_PATH += ${install.root}/$`, "m"));
});

Deno.test("prepareGmatRun() places every output in the run dir by basename, however it is named", async () => {
  await using tmp = await tempDir();
  const install = await locateGmat({ root: await installAt(tmp.path, "gmat") });
  const runDir = join(tmp.path, "run");
  const script = fixture("gmat/many_outputs.script");
  const prepared = await prepareGmatRun(install, {
    scriptText: await Deno.readTextFile(script),
    scriptFile: script,
    runDir,
  });
  assert.deepEqual(prepared.files.map((f) => [f.name, f.filename, f.path]), [
    ["RF1", "./output/x.txt", join(runDir, "x.txt")],
    ["RF2", "sub\\dir\\y.report", join(runDir, "y.report")],
    ["RF3", "RF3.txt", join(runDir, "RF3.txt")],
    ["EF1", "/nonexistent-gmat-sweep-dir/abs/z.oem", join(runDir, "z.oem")],
    ["EF2", "orbit.e", join(runDir, "orbit.e")],
  ]);
  assert.deepEqual(prepared.outputs.map((o) => [o.name, o.kind, o.format]), [
    ["RF1", "report", "ReportFile"],
    ["RF2", "report", "ReportFile"],
    ["RF3", "report", "ReportFile"],
    ["EF1", "ephemeris", "CCSDS-OEM"],
    ["EF2", "ephemeris", "STK-TimePosVel"],
  ]);
  const text = await Deno.readTextFile(prepared.scriptPath);
  for (const f of prepared.files) {
    assert.ok(text.includes(`GMAT ${f.name}.Filename = '${f.path}';`));
  }
});

Deno.test("prepareGmatRun() honours an overridden Filename, FileFormat and WriteReport", async () => {
  await using tmp = await tempDir();
  const install = await locateGmat({ root: await installAt(tmp.path, "gmat") });
  const script = fixture("gmat/many_outputs.script");
  const prepared = await prepareGmatRun(install, {
    scriptText: await Deno.readTextFile(script),
    scriptFile: script,
    overrides: {
      "RF1.Filename": "renamed.csv",
      "EF2.FileFormat": "CCSDS-OEM",
      "RF3.WriteReport": false,
    },
    runDir: join(tmp.path, "run"),
  });
  const byName = new Map(prepared.files.map((f) => [f.name, f]));
  assert.equal(byName.get("RF1")!.path, join(tmp.path, "run", "renamed.csv"));
  assert.equal(byName.get("EF2")!.path, join(tmp.path, "run", "orbit.oem"));
  assert.equal(byName.get("RF3")!.enabled, false);
  assert.ok(!prepared.outputs.some((o) => o.name === "RF3"), "disabled outputs are not expected");
  const text = await Deno.readTextFile(prepared.scriptPath);
  // The override's key keeps its place but carries the absolute path.
  assert.equal(text.match(/RF1\.Filename/g)!.length, 2);
  assert.ok(text.includes(`GMAT RF1.Filename = '${join(tmp.path, "run", "renamed.csv")}';`));
});

Deno.test("planOutputFiles() renames clashing basenames with the resource name", () => {
  const text = [
    "Create ReportFile A B C",
    "A.Filename = 'one/out.txt'",
    "B.Filename = 'two\\OUT.txt'",
    "C.Filename = 'GmatLog.txt'",
    "Create ContactLocator CL",
    "BeginMissionSequence",
  ].join("\n");
  const planned = planOutputFiles(discoverOutputs(text, "t.script"), "/r", ["GmatLog.txt"]);
  assert.deepEqual(planned.map((p) => p.path), [
    "/r/out.txt",
    "/r/B_OUT.txt",
    "/r/C_GmatLog.txt",
    "/r/CL.txt",
  ]);
});

Deno.test("prepareGmatRun() makes a relative #Include absolute when the file is next to the script", async () => {
  await using tmp = await tempDir();
  const install = await locateGmat({ root: await installAt(tmp.path, "gmat") });
  const project = join(tmp.path, "project");
  await Deno.mkdir(join(project, "inc"), { recursive: true });
  await Deno.writeTextFile(join(project, "inc", "common.script"), "Create Spacecraft Sat\n");
  const scriptFile = join(project, "main.script");
  const text =
    "#Include 'inc/common.script'\n#Include 'on_include_path.script'\nBeginMissionSequence\n";
  const prepared = await prepareGmatRun(install, {
    scriptText: text,
    scriptFile,
    runDir: join(tmp.path, "run"),
  });
  assert.equal(
    await Deno.readTextFile(prepared.scriptPath),
    `#Include '${join(project, "inc", "common.script")}'\n` +
      "#Include 'on_include_path.script'\nBeginMissionSequence\n",
  );
});

Deno.test("prepareGmatRun() refuses run dirs a GMAT script cannot name, and bad scripts", async () => {
  await using tmp = await tempDir();
  const install = await locateGmat({ root: await installAt(tmp.path, "gmat") });
  const scriptText = await Deno.readTextFile(LEO);
  for (const dir of ["it's", "100%", "caf\u00e9", "SMA=7000", "tab\there"]) {
    await assert.rejects(
      prepareGmatRun(install, { scriptText, scriptFile: LEO, runDir: join(tmp.path, dir) }),
      (e: unknown) =>
        e instanceof GmatRunDirError && e.code === "GMAT_RUN_DIR" &&
        /plain ASCII/.test(e.message),
    );
  }
  await assert.rejects(
    prepareGmatRun(install, { scriptText, scriptFile: "/x/it's.script", runDir: tmp.path }),
    (e: unknown) => e instanceof GmatRunDirError && /script name it's\.script/.test(e.message),
  );
  await assert.rejects(
    prepareGmatRun(install, {
      scriptText,
      scriptFile: LEO,
      overrides: { "Sat.Id": "it's" },
      runDir: join(tmp.path, "ok"),
    }),
    ScriptError,
  );
});
