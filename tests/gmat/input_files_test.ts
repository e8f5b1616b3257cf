/**
 * Input files resolved as GMAT resolves them for the original script: a sample-like layout (an
 * install with `bin/`, `data/` and `samples/SupportFiles/`) whose script reads a CSSI space
 * weather file and an EOP file by paths relative to GMAT's working directory `bin/`. The
 * per-run script (which runs from the sweep's run directory) names them absolutely, a sweep
 * through the install runs, and a missing input is one clear error before any run.
 *
 * The CSSI file is the project's own copy of GMAT's `SpaceWeather-All-v1.2.txt` (CSSI format,
 * `data/gmat/atmosphere/earth/`, provenance there), placed under the sample's name; the EOP file
 * is `data/gmat/planetary_coeff/eopc04_08.62-now` (provenance in `data/gmat/PROVENANCE.md`).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  GmatInputFileError,
  locateGmat,
  prepareGmatRun,
  resolveInputFiles,
} from "../../src/gmat/mod.ts";
import { makeGmatInstall } from "../../src/engine/mod.ts";
import { gridRunSet } from "../../src/runset/mod.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { fixture, ROOT, tempDir } from "./_install.ts";

const CSSI = "../samples/SupportFiles/CSSI_2004To2026.txt";
const EOP = "../data/planetary_coeff/eopc04_08.62-now";

/** An install laid out like GMAT's, with a sample script that reads CSSI and EOP files. */
async function sampleLayout(dir: string, cssi = CSSI): Promise<{ root: string; script: string }> {
  const root = await makeGmatInstall(join(dir, "GMAT"));
  await Deno.mkdir(join(root, "samples", "SupportFiles"), { recursive: true });
  await Deno.mkdir(join(root, "data", "planetary_coeff"), { recursive: true });
  await Deno.copyFile(
    join(ROOT, "data/gmat/atmosphere/earth/SpaceWeather-All-v1.2.txt"),
    join(root, "samples/SupportFiles/CSSI_2004To2026.txt"),
  );
  await Deno.copyFile(
    join(ROOT, "data/gmat/planetary_coeff/eopc04_08.62-now"),
    join(root, "data/planetary_coeff/eopc04_08.62-now"),
  );
  const text = (await Deno.readTextFile(fixture("scripts/leo_basic.script")))
    .replace("Create ForceModel FM;", `GMAT Earth.EopFileName = '${EOP}';\n\nCreate ForceModel FM;`)
    .replace(
      "GMAT FM.Drag.AtmosphereModel = None;",
      [
        "GMAT FM.Drag.AtmosphereModel = MSISE90;",
        "GMAT FM.Drag.HistoricWeatherSource = 'CSSISpaceWeatherFile';",
        "GMAT FM.Drag.PredictedWeatherSource = 'CSSISpaceWeatherFile';",
        `GMAT FM.Drag.CSSISpaceWeatherFile = '${cssi}';`,
      ].join("\n"),
    );
  assert.ok(text.includes(cssi) && text.includes(EOP));
  const script = join(root, "samples", "cssi_leo.script");
  await Deno.writeTextFile(script, text);
  return { root, script };
}

Deno.test("resolveInputFiles() finds relative inputs from bin/ first, as GMAT does", async () => {
  await using tmp = await tempDir();
  const { root, script } = await sampleLayout(tmp.path);
  const install = await locateGmat({ root });
  const found = await resolveInputFiles(await Deno.readTextFile(script), {
    scriptFile: script,
    binDir: install.binDir,
    startupText: await Deno.readTextFile(install.startupFile),
  });
  assert.deepEqual(found, [
    {
      field: "Earth.EopFileName",
      written: EOP,
      path: join(root, "data/planetary_coeff/eopc04_08.62-now"),
    },
    {
      field: "FM.Drag.CSSISpaceWeatherFile",
      written: CSSI,
      path: join(root, "samples/SupportFiles/CSSI_2004To2026.txt"),
    },
  ]);
});

Deno.test("resolveInputFiles() falls back to the script's directory and the startup file's data paths", async () => {
  await using tmp = await tempDir();
  const { root } = await makeGmatInstall(join(tmp.path, "GMAT")).then((root) => ({ root }));
  const install = await locateGmat({ root });
  // Beside the script only: found through the script's directory.
  await Deno.mkdir(join(tmp.path, "mission", "inputs"), { recursive: true });
  await Deno.writeTextFile(join(tmp.path, "mission", "inputs", "sw.txt"), "x");
  // In DATA_PATH/gravity/earth only (the stock startup file's GRAVITY_PATH): found by body.
  await Deno.mkdir(join(root, "data", "gravity", "earth"), { recursive: true });
  await Deno.writeTextFile(join(root, "data", "gravity", "earth", "my.cof"), "x");
  const text = "Create ForceModel FM\nFM.Drag.CSSISpaceWeatherFile = 'inputs/sw.txt'\n" +
    "FM.GravityField.Earth.PotentialFile = 'my.cof'\nFM.Drag.SchattenFile = 'Unknown.txt'\n" +
    "BeginMissionSequence\n";
  const found = await resolveInputFiles(text, {
    scriptFile: join(tmp.path, "mission", "m.script"),
    binDir: install.binDir,
    startupText: await Deno.readTextFile(install.startupFile),
  });
  assert.deepEqual(found.map((f) => [f.field, f.path]), [
    ["FM.Drag.CSSISpaceWeatherFile", join(tmp.path, "mission", "inputs", "sw.txt")],
    ["FM.GravityField.Earth.PotentialFile", join(root, "data", "gravity", "earth", "my.cof")],
  ]);
  // A bare name found nowhere ('Unknown.txt') is left to GMAT's own default locations.
});

Deno.test("a sweep through the install runs the sample from its run directories, inputs absolute", async () => {
  await using tmp = await tempDir();
  const { root, script } = await sampleLayout(tmp.path);
  const sweep = await Sweep.create(script, gridRunSet({ "Sat.SMA": [7000, 7100] }), {
    outputDir: join(tmp.path, "out"),
    engine: "gmat",
    gmatRoot: root,
    workers: 1,
    timeoutS: 60,
  });
  const summary = await sweep.run();
  const entries = (await sweep.manifest()).entries;
  assert.equal(summary.ok, 2, entries.map((e) => e.stderr).join("\n"));
  const runScript = await Deno.readTextFile(join(tmp.path, "out", "run-0", "cssi_leo.script"));
  assert.ok(
    runScript.includes(
      `GMAT FM.Drag.CSSISpaceWeatherFile = '${
        join(root, "samples/SupportFiles/CSSI_2004To2026.txt")
      }';`,
    ),
  );
  assert.ok(
    runScript.includes(
      `GMAT Earth.EopFileName = '${join(root, "data/planetary_coeff/eopc04_08.62-now")}';`,
    ),
  );
  const log = await Deno.readTextFile(join(tmp.path, "out", "run-0", "worker.log"));
  assert.match(
    log,
    /input FM\.Drag\.CSSISpaceWeatherFile = '\.\.\/samples\/SupportFiles\/CSSI_2004To2026\.txt' -> /,
  );
});

Deno.test("a missing input is one clear error before any run, naming the places GMAT looks", async () => {
  await using tmp = await tempDir();
  const { root, script } = await sampleLayout(tmp.path, "../samples/SupportFiles/CSSI_typo.txt");
  const error = await Sweep.create(script, gridRunSet({ "Sat.SMA": [7000, 7100] }), {
    outputDir: join(tmp.path, "out"),
    engine: "gmat",
    gmatRoot: root,
  }).then(() => undefined, (e) => e);
  assert.ok(error instanceof GmatInputFileError, String(error));
  assert.equal(error.code, "GMAT_INPUT_FILE");
  assert.deepEqual(error.missing.map((m) => m.field), ["FM.Drag.CSSISpaceWeatherFile"]);
  assert.equal(error.missing[0].tried[0], join(root, "samples/SupportFiles/CSSI_typo.txt"));
  assert.match(
    error.message,
    /CSSI_typo\.txt'?: not found; looked at .*GMAT\/samples\/SupportFiles/,
  );
  await assert.rejects(
    () => Deno.stat(join(tmp.path, "out", "manifest.jsonl")),
    Deno.errors.NotFound,
  );

  // prepareGmatRun() refuses the same way (a run never starts on a missing input).
  await assert.rejects(
    async () =>
      prepareGmatRun(await locateGmat({ root }), {
        scriptText: await Deno.readTextFile(script),
        scriptFile: script,
        runDir: join(tmp.path, "run"),
      }),
    GmatInputFileError,
  );
});
