/**
 * ContactLocator outputs through the GmatConsole driver: prepareGmatRun() expects them, and a
 * GMAT-shaped install whose GmatConsole writes the reference reports where the rewritten script
 * says gets them converted and stitched like a real sweep's.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  discoverOutputs,
  expectedEngineOutputs,
  locateGmat,
  planOutputFiles,
  prepareGmatRun,
  runGmatConsole,
} from "../../src/gmat/mod.ts";
import { type StitchEntry, stitchRuns, writeRunOutputs } from "../../src/table/mod.ts";
import { installAt, tempDir } from "../gmat/_install.ts";
import { fixturePath } from "./_fixtures.ts";

const SCRIPT = fixturePath("contact/Ex_ContactLocatorAllFormats.script");
const LOCATORS = [
  ["LegacyCL", "CL_Legacy.txt"],
  ["ContactRangeCL", "CL_ContactRange.txt"],
  ["MaxElevCL", "CL_MaxElev.txt"],
  ["MaxElevRangeCL", "CL_MaxElevRange.txt"],
  ["AzElRangeCL", "CL_AzElRange_iso.txt"],
  ["AzElRangeRRCL", "CL_AzElRangeRR_mjd.txt"],
];

/**
 * A GmatConsole that, for each `GMAT <Name>CL.Filename = '<path>';` line of the script it runs,
 * copies the reference report `Ex_ContactLocatorAllFormats__<Name>.txt` to `<path>`, then reports
 * success as GMAT does.
 */
const COPYING_CONSOLE = `
script=""
while [ $# -gt 0 ]; do
  if [ "$1" = "--run" ]; then script="$2"; fi
  shift
done
sed -n "s/^GMAT \\([A-Za-z]*\\)CL\\.Filename = '\\(.*\\)';$/\\1 \\2/p" "$script" |
while read -r name path; do
  cp "${fixturePath("contact")}/Ex_ContactLocatorAllFormats__$name.txt" "$path"
done
echo "Mission run completed."
exit 0`;

Deno.test("expectedEngineOutputs() expects every ContactLocator that writes a report", () => {
  const text = [
    "Create Spacecraft Sat",
    "Create ContactLocator CL1 CL2 CL3",
    "CL1.Filename = 'passes.txt'",
    "CL2.WriteReport = false",
    "Create EclipseLocator EL",
    "BeginMissionSequence",
  ].join("\n");
  const planned = planOutputFiles(discoverOutputs(text, "t.script"), "/r");
  assert.deepEqual(expectedEngineOutputs(planned), [
    { kind: "contact", name: "CL1", path: "/r/passes.txt", format: "ContactLocator", rows: 0 },
    { kind: "contact", name: "CL3", path: "/r/CL3.txt", format: "ContactLocator", rows: 0 },
  ]);
});

Deno.test("prepareGmatRun() expects the six ContactLocator reports in the run directory", async () => {
  await using tmp = await tempDir();
  const install = await locateGmat({ root: await installAt(tmp.path, "gmat") });
  const runDir = join(tmp.path, "run-0");
  const prepared = await prepareGmatRun(install, {
    scriptText: await Deno.readTextFile(SCRIPT),
    scriptFile: SCRIPT,
    runDir,
  });
  assert.deepEqual(
    prepared.outputs,
    LOCATORS.map(([name, base]) => ({
      kind: "contact",
      name,
      path: join(runDir, base),
      format: "ContactLocator",
      rows: 0,
    })),
  );
  const text = await Deno.readTextFile(prepared.scriptPath);
  for (const [name, base] of LOCATORS) {
    assert.ok(text.includes(`GMAT ${name}.Filename = '${join(runDir, base)}';`), name);
  }
});

Deno.test("runGmatConsole() outputs of ContactLocators become contact__<name>.parquet and stitch", async () => {
  await using tmp = await tempDir();
  const install = await locateGmat({
    root: await installAt(tmp.path, "gmat", { console: COPYING_CONSOLE }),
  });
  const scriptText = await Deno.readTextFile(SCRIPT);
  const entries: StitchEntry[] = [];
  for (const runId of [0, 1]) {
    const runDir = join(tmp.path, `run-${runId}`);
    const prepared = await prepareGmatRun(install, { scriptText, scriptFile: SCRIPT, runDir });
    const result = await runGmatConsole(install, prepared, { timeoutMs: 60_000 });
    assert.equal(result.reason, null, result.stdoutTail + result.stderrTail);
    assert.deepEqual(result.outputs.map((o) => o.name), LOCATORS.map(([name]) => name));
    const outputPaths = writeRunOutputs(result.outputs, runDir);
    assert.deepEqual(Object.keys(outputPaths), LOCATORS.map(([name]) => `contact__${name}`));
    entries.push({ runId, status: "ok", outputPaths });
  }
  entries.push({ runId: 2, status: "failed", outputPaths: {} });
  const { table } = stitchRuns(entries, { kind: "contact", name: "AzElRangeRRCL" });
  assert.equal(table.numRows, 2 * 176 + 1);
  const legacy = stitchRuns(entries, { kind: "contact", name: "LegacyCL" }).table;
  assert.equal(legacy.numRows, 2 * 10 + 1);
});
