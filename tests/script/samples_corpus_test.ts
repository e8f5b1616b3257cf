/**
 * GMAT R2026a's own 140 sample missions (and the function file they ship) as a corpus: every
 * one parses with its includes, and the checks gmat-sweep makes before handing a script to real
 * GMAT pass for every sample that has a spacecraft (they judge only what the overrides name).
 */
import assert from "node:assert/strict";
import { checkOverridesGmat } from "../../src/engine/check_overrides.ts";
import { parseScriptFile } from "../../src/script/parser.ts";
import { firstSpacecraft, sampleFiles, SAMPLES_ROOT } from "../../scripts/_coverage.ts";

async function samples(): Promise<string[]> {
  try {
    await Deno.stat(SAMPLES_ROOT);
  } catch {
    throw new Error(
      `required test component missing: GMAT's samples at ${SAMPLES_ROOT} (../shared beside the ` +
        "checkout)",
    );
  }
  const files = await sampleFiles();
  assert.ok(files.length >= 141, `only ${files.length} samples found`);
  return files;
}

Deno.test("every GMAT sample parses, includes read, into a tree of its statements", async () => {
  const failures: string[] = [];
  let statements = 0;
  for (const file of await samples()) {
    try {
      const s = parseScriptFile(file);
      statements += s.resources.length + s.mission.length;
    } catch (e) {
      failures.push(`${file}: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(statements > 15_000, `${statements} top-level statements`);
});

Deno.test("the real-GMAT pre-check passes for every sample with a spacecraft", async () => {
  const failures: string[] = [];
  let checked = 0;
  for (const file of await samples()) {
    const text = await Deno.readTextFile(file);
    const sc = firstSpacecraft(parseScriptFile(file));
    if (!sc) continue;
    checked++;
    try {
      checkOverridesGmat(text, file, { [`${sc}.DryMass`]: 900, [`${sc}.Epoch`]: "21545" });
    } catch (e) {
      failures.push(`${file}: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(checked >= 129, `${checked} samples with a spacecraft`);
  // What the pre-check does judge: the overrides' own names.
  const text = "Create Spacecraft Sat\nBeginMissionSequence\n";
  assert.throws(
    () => checkOverridesGmat(text, "x.script", { "Sat.SMAA": 7000 }),
    /SCRIPT_UNKNOWN_FIELD|GMAT's Spacecraft has no field 'SMAA'; did you mean 'SMA'/,
  );
  assert.throws(
    () => checkOverridesGmat(text, "x.script", { "Sta.SMA": 7000 }),
    /creates no resource 'Sta'; did you mean 'Sat'/,
  );
});
