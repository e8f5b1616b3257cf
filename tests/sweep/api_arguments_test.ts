/**
 * The public API's argument checks: wrong types and missing arguments are the project's own
 * errors naming the function, argument and what is expected (never a raw TypeError), a path
 * given to a manifest query says how to call it, and a sweep without `outputDir` runs in a fresh
 * temporary directory that it reports.
 */

import assert from "node:assert/strict";
import {
  ArgumentError,
  findFailed,
  GmatSweepError,
  gridRunSet,
  lazyExtraOutputs,
  lazyOutputs,
  ManifestArgumentError,
  readManifest,
  rehookSweep,
  Sweep,
  sweep,
  SweepConfigError,
  sweepPlot,
  tableRecords,
  verifySweep,
} from "../../mod.ts";
import { LEO } from "../_support/sweep_tree.ts";

async function refuses(call: () => Promise<unknown>, message: RegExp): Promise<void> {
  await assert.rejects(call, (e: unknown) => {
    assert.ok(e instanceof SweepConfigError, `a SweepConfigError, got ${e}`);
    assert.match((e as Error).message, message);
    return true;
  });
}

Deno.test("Sweep.create and fromManifest check their arguments", async () => {
  const grid = gridRunSet({ "Sat.SMA": [7000] });
  const bad = (o: unknown) => o as never;
  await refuses(
    () => Sweep.create(bad(undefined), grid, { outputDir: "/tmp/x" }),
    /^Sweep\.create\(scriptPath\): expected a file path \(a string\), got undefined/,
  );
  await refuses(
    () => Sweep.create(LEO, bad({ "Sat.SMA": [7000] }), { outputDir: "/tmp/x" }),
    /^Sweep\.create\(runSet\): expected a run set/,
  );
  await refuses(
    () => Sweep.create(LEO, grid, bad({ outputDir: "/tmp/x", workers: "2" })),
    /^Sweep\.create\(options\)\.workers: .*number.*, got the string "2"/,
  );
  await refuses(
    () => Sweep.create(LEO, grid, bad({ outputDir: "/tmp/x", engine: "matlab" })),
    /^Sweep\.create\(options\)\.engine: .*"auto".*"builtin".*"gmat"/,
  );
  await refuses(
    () => Sweep.create(LEO, grid, bad({ outputDir: "/tmp/x", onProgress: "yes" })),
    /^Sweep\.create\(options\)\.onProgress: expected a function/,
  );
  await refuses(
    () => Sweep.fromManifest(bad(42), LEO),
    /^Sweep\.fromManifest\(manifestPath\): expected a file path/,
  );
});

Deno.test("Sweep#resume takes a signal or { signal, rerunDamaged } and names a misspelt option", async () => {
  const out = await Deno.makeTempDir({ prefix: "gmat-sweep-resume-args-" });
  const sweep = await Sweep.create(LEO, gridRunSet({ "Sat.SMA": [7000] }), {
    outputDir: out,
    engine: "builtin",
    progress: false,
  });
  await sweep.run();
  const bad = (o: unknown) => o as never;
  await refuses(
    () => sweep.resume(bad({ rerunDamged: true })),
    /^Sweep\.resume\(options\).*rerunDamged/,
  );
  await refuses(() => sweep.resume(bad({ rerunDamaged: "yes" })), /^Sweep\.resume\(options\)/);
  assert.equal((await sweep.resume(new AbortController().signal)).ran, 0);
  assert.equal((await sweep.resume({ rerunDamaged: true })).ran, 0);
  await Deno.remove(out, { recursive: true });
});

Deno.test("functions taking a manifest path or a table name the argument they got wrong", async () => {
  const wrong: [string, () => Promise<unknown> | unknown, RegExp][] = [
    [
      "readManifest",
      () => readManifest(42 as never),
      /^readManifest\(path\): expected a file path/,
    ],
    [
      "lazyOutputs",
      () => lazyOutputs(undefined as never),
      /^lazyOutputs\(manifestPath\): expected a file path \(a string\), got undefined/,
    ],
    [
      "lazyExtraOutputs",
      () => lazyExtraOutputs("m.jsonl", undefined as never),
      /^lazyExtraOutputs\(key\): expected a hook output name/,
    ],
    [
      "verifySweep",
      () => verifySweep({} as never),
      /^verifySweep\(manifestPath\): .*got an object/,
    ],
    [
      "sweepPlot",
      () => sweepPlot("scatter", 5 as never),
      /^sweepPlot\(manifestPath\): .*got number 5/,
    ],
    ["rehookSweep", () => rehookSweep(1 as never), /^rehookSweep\(manifestPath\)/],
    [
      "tableRecords",
      () => tableRecords(null as never),
      /^tableRecords\(table\): expected an apache-arrow Table/,
    ],
  ];
  for (const [name, call, message] of wrong) {
    await assert.rejects(async () => await call(), (e: unknown) => {
      assert.ok(e instanceof ArgumentError && e.code === "ARGUMENT", `${name}: ${e}`);
      assert.match((e as Error).message, message);
      return true;
    });
  }
});

Deno.test("a manifest query given a path says how to call it", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-api-" });
  assert.throws(() => findFailed(dir as never), (e: unknown) => {
    assert.ok(e instanceof ManifestArgumentError && e instanceof GmatSweepError);
    assert.match(
      (e as Error).message,
      /findFailed\(\) takes a manifest .* call findFailed\(await readManifest\(path\)\)/,
    );
    return true;
  });
  await Deno.remove(dir, { recursive: true });
});

Deno.test("sweep() without outputDir runs in a fresh temporary directory it reports", async () => {
  const { sweep: s, summary, table } = await sweep(LEO, {
    grid: { "Sat.SMA": [7000, 7100] },
    engine: "builtin",
  });
  assert.equal(summary.ok, 2);
  assert.ok(table !== undefined && table.numRows > 0);
  assert.ok((await Deno.stat(s.outputDir)).isDirectory);
  assert.match(s.outputDir, /gmat-sweep-/);
  const manifest = await readManifest(s.manifestPath);
  assert.equal(manifest.entries.length, 2);
  assert.deepEqual(findFailed(manifest), []);
  await Deno.remove(s.outputDir, { recursive: true });
});
