/**
 * The built-in engine over GMAT's sample missions: each sample either runs or is refused before
 * running by a named construct (`ENGINE_UNSUPPORTED`, with its place and a fix), never with a
 * misleading syntax or unknown-name error; and the README's coverage table is what
 * `scripts/engine_coverage.ts` makes of the corpus today.
 */
import assert from "node:assert/strict";
import {
  classifySample,
  coverageMarkdown,
  sameWords,
  sampleFiles,
  type SampleResult,
  SAMPLES_ROOT,
} from "../../scripts/_coverage.ts";

Deno.test("each GMAT sample runs on the built-in engine or is refused by construct", async () => {
  try {
    await Deno.stat(SAMPLES_ROOT);
  } catch {
    throw new Error(`required test component missing: GMAT's samples at ${SAMPLES_ROOT}`);
  }
  const results: SampleResult[] = [];
  for (const f of await sampleFiles()) results.push(await classifySample(f));
  const bad = results.filter((r) =>
    r.status === "failed" ||
    (r.status === "refused" && (r.code !== "ENGINE_UNSUPPORTED" || !r.construct))
  );
  assert.deepEqual(bad, []);
  const readme = await Deno.readTextFile(new URL("../../README.md", import.meta.url));
  assert.ok(
    sameWords(readme, coverageMarkdown(results)),
    "README.md's coverage table is out of date: run `deno run -A scripts/engine_coverage.ts`",
  );
});
