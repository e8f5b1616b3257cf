/**
 * A hook that lives in a project of its own (a directory with its own deno.json and import map)
 * and imports gmat-sweep's helpers by path, by file URL or by a package specifier its import map
 * names: it loads and runs under that project's config, the WASM fallback included (with the
 * codec its sandbox host compiled once, not compiled again in each worker). An import
 * its import map does not resolve stops the sweep before any run with an error that names the
 * import map and the config, not permissions.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { HookError } from "../../src/hooks/mod.ts";
import { gridRunSet } from "../../src/runset/mod.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { ROOT } from "../_support/engine.ts";
import { LEO } from "./_support.ts";

const HOOK_TS = join(ROOT, "hook.ts");

function hookSource(importFrom: string): string {
  return [
    `import { type Hook, readParquetTable, readRunParquet, writeParquet } from ${
      JSON.stringify(importFrom)
    };`,
    'import { metricName } from "@local/names";',
    "export const metrics: Hook = async (spec, outcome) => {",
    '  const plain = await readRunParquet(outcome.outputPaths["report__RF"]);',
    "  // The WASM codec path too: it must load under this project's import map.",
    '  const viaArrow = await readParquetTable(outcome.outputPaths["report__RF"]);',
    "  const path = `${spec.outputDir}/metrics.parquet`;",
    "  // The codec was not compiled here: the sandbox host compiled it once and handed it over.",
    '  const shared = (globalThis as Record<symbol, unknown>)[Symbol.for("gmat-sweep.parquet-wasm.module")];',
    "  const row = { [metricName]: plain.numRows, arrow_rows: viaArrow.numRows };",
    "  await writeParquet([{ ...row, shared: shared instanceof WebAssembly.Module }], path);",
    "  return { metrics: path };",
    "};",
    "",
  ].join("\n");
}

async function project(dir: string, imports: Record<string, string>): Promise<void> {
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(
    join(dir, "deno.json"),
    JSON.stringify({ imports: { "@local/names": "./names.ts", ...imports } }),
  );
  await Deno.writeTextFile(join(dir, "names.ts"), 'export const metricName = "rows";\n');
}

Deno.test("a hook in a project with its own deno.json imports gmat-sweep's helpers every way", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hook-project-" });
  const proj = join(dir, "study");
  await project(proj, { "@gmat/sweep/hook": pathToFileURL(HOOK_TS).href });
  const ways: [string, string][] = [
    ["by path", HOOK_TS],
    ["by file URL", pathToFileURL(HOOK_TS).href],
    ["by package specifier", "@gmat/sweep/hook"],
  ];
  try {
    for (const [name, from] of ways) {
      await t.step(name, async () => {
        const module = join(proj, `${name.replaceAll(" ", "_")}.ts`);
        await Deno.writeTextFile(module, hookSource(from));
        const out = join(dir, `out-${name.replaceAll(" ", "_")}`);
        const sweep = await Sweep.create(LEO, gridRunSet({ "Sat.SMA": [7000, 7050] }), {
          outputDir: out,
          engine: "builtin",
          workers: 2,
          postprocess: `${module}#metrics`,
        });
        const summary = await sweep.run();
        const entries = (await sweep.manifest()).entries;
        assert.equal(summary.hooksOk, 2, entries.map((e) => e.postprocess_error).join("; "));
        const table = await sweep.toExtraOutputs("metrics");
        assert.deepEqual(table.getChild("rows")!.toJSON(), [3, 3]);
        assert.deepEqual(table.getChild("arrow_rows")!.toJSON(), [3, 3]);
        assert.deepEqual(table.getChild("shared")!.toJSON(), [true, true]);
      });
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("an import the hook project's import map lacks is named as such, before any run", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-hook-project-" });
  const proj = join(dir, "study");
  await project(proj, {});
  const module = join(proj, "unmapped.ts");
  await Deno.writeTextFile(module, hookSource("@gmat/sweep/hook"));
  const out = join(dir, "out");
  try {
    await assert.rejects(
      Sweep.create(LEO, gridRunSet({ "Sat.SMA": [7000] }), {
        outputDir: out,
        engine: "builtin",
        postprocess: `${module}#metrics`,
      }),
      (e) => {
        assert.ok(e instanceof HookError);
        assert.equal(e.code, "HOOK_LOAD");
        assert.match(e.message, /@gmat\/sweep\/hook/);
        assert.match(e.message, /not resolved by the hook's import map/);
        assert.ok(e.message.includes(join(proj, "deno.json")), e.message);
        assert.doesNotMatch(e.message, /permission/i);
        return true;
      },
    );
    await assert.rejects(Deno.stat(out), Deno.errors.NotFound, "nothing ran");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
