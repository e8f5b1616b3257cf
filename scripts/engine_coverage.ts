/**
 * Regenerate the README's table of the built-in engine's coverage of GMAT's sample missions:
 * runs every sample of `../shared/reference/gmat-samples/` on the built-in engine and rewrites
 * the part of README.md between `<!-- engine-coverage:start -->` and
 * `<!-- engine-coverage:end -->`.
 *
 * Usage: `deno run -A scripts/engine_coverage.ts [--check]` (`--check` exits 1 when the README's
 * table is out of date instead of rewriting it).
 *
 * @module
 */

import { classifySample, coverageMarkdown, sameWords, sampleFiles } from "./_coverage.ts";

const README = new URL("../README.md", import.meta.url);
const START = "<!-- engine-coverage:start -->";
const END = "<!-- engine-coverage:end -->";

if (import.meta.main) {
  const check = Deno.args.includes("--check");
  const files = await sampleFiles();
  const results = [];
  for (const [i, f] of files.entries()) {
    const r = await classifySample(f);
    results.push(r);
    console.error(
      `[${i + 1}/${files.length}] ${r.sample}: ${r.status}${
        r.construct ? ` (${r.construct})` : r.message ? ` (${r.message})` : ""
      }`,
    );
  }
  const table = coverageMarkdown(results);
  const readme = await Deno.readTextFile(README);
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) {
    console.error(`README.md has no ${START} ... ${END} section`);
    Deno.exit(1);
  }
  const next = `${readme.slice(0, a + START.length)}\n\n${table}\n\n${readme.slice(b)}`;
  if (check) {
    if (!sameWords(readme.slice(a, b), `${START}\n${table}\n`)) {
      console.error("README.md's coverage table is out of date: run scripts/engine_coverage.ts");
      Deno.exit(1);
    }
  } else {
    await Deno.writeTextFile(README, next);
    // deno fmt rewraps the list to the project's line width; the words stay the same.
    await new Deno.Command(Deno.execPath(), { args: ["fmt", "--quiet", README.pathname] })
      .output();
  }
  const runs = results.filter((r) => r.status === "runs").length;
  console.log(`${runs} of ${results.length} samples run on the built-in engine`);
}
