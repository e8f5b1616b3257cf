/**
 * With GMAT installed, gmat-sweep must never refuse what GMAT accepts: a `--engine gmat` sweep
 * over every GMAT sample that has a spacecraft reaches its run (here a stand-in GmatConsole
 * that reports success, in an install laid out like GMAT's: `samples/` beside `bin/`, and the
 * project's copy of GMAT's data files as `data/`), none stopped by gmat-sweep's own checks but
 * those whose input files this install does not have (GMAT could not run them either): they are
 * refused before any run, naming the file.
 */
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { makeGmatInstall } from "../../src/engine/mod.ts";
import { GmatInputFileError } from "../../src/gmat/mod.ts";
import { ROOT } from "../_support/engine.ts";
import { gridRunSet } from "../../src/runset/mod.ts";
import { parseScriptFile } from "../../src/script/parser.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { firstSpacecraft, sampleFiles, SAMPLES_ROOT } from "../../scripts/_coverage.ts";

Deno.test("an --engine gmat sweep over every sample with a spacecraft reaches its runs", async () => {
  try {
    await Deno.stat(SAMPLES_ROOT);
  } catch {
    throw new Error(`required test component missing: GMAT's samples at ${SAMPLES_ROOT}`);
  }
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-samples-" });
  const root = join(dir, "GMAT-R2026a");
  // The stand-in console: GMAT's success line, nothing else (outputs are not the point here).
  await makeGmatInstall(root, { console: 'echo "Mission run completed."', data: false });
  await Deno.symlink(SAMPLES_ROOT, join(root, "samples"));
  await Deno.symlink(join(ROOT, "data", "gmat"), join(root, "data"));
  const refused: string[] = [];
  const jobs: { file: string; sc: string }[] = [];
  for (const file of await sampleFiles()) {
    const sc = firstSpacecraft(parseScriptFile(file));
    if (sc) jobs.push({ file, sc });
  }
  assert.ok(jobs.length >= 129, `${jobs.length} samples with a spacecraft`);
  const stopped: string[] = [];
  let reached = 0;
  const one = async ({ file, sc }: { file: string; sc: string }, i: number) => {
    try {
      const sweep = await Sweep.create(file, gridRunSet({ [`${sc}.DryMass`]: [850, 900] }), {
        outputDir: join(dir, `s${i}`),
        engine: "gmat",
        gmatRoot: root,
        workers: 1,
        timeoutS: 60,
      });
      const summary = await sweep.run();
      if (summary.ok + summary.failed === 2) reached++;
      else stopped.push(`${file}: ${JSON.stringify(summary)}`);
    } catch (e) {
      if (e instanceof GmatInputFileError) {
        // Only for files that are truly absent where GMAT (run from bin/) would look first.
        for (const m of e.missing) {
          await assert.rejects(() => Deno.stat(resolve(root, "bin", m.written)));
        }
        refused.push(file);
        return;
      }
      stopped.push(`${file}: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
    }
  };
  for (let i = 0; i < jobs.length; i += 3) {
    await Promise.all(jobs.slice(i, i + 3).map((j, k) => one(j, i + k)));
  }
  assert.deepEqual(stopped, []);
  // AEM attitude, SPAD and Mars atmosphere files are not among the project's data files.
  assert.ok(refused.length <= 6, `refused for missing inputs: ${refused.join(", ")}`);
  assert.equal(reached + refused.length, jobs.length);
  await Deno.remove(dir, { recursive: true });
});
