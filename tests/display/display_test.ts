/**
 * Notebook display: a real sweep, its manifest and its tables answer the Deno kernel's
 * `Symbol.for("Jupyter.display")` with text/html and text/plain summaries; every value read from a
 * file is escaped.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import * as arrow from "apache-arrow";
import { gridRunSet, readManifest, Sweep, sweepSummary } from "../../mod.ts";
import { displayTable, JUPYTER_DISPLAY, type MimeBundle } from "../../src/display/mod.ts";
import { ManifestWriter } from "../../src/manifest/mod.ts";
import { fixture } from "../_support/engine.ts";
import { sampleEntry, sampleHeader } from "../manifest/_support.ts";

const LEO = fixture("scripts/leo_basic.script");
const HOOK = new URL("../../examples/downstream_pipeline.ts", import.meta.url).pathname;

async function bundleOf(x: unknown): Promise<MimeBundle> {
  const method = (x as Record<symbol, () => MimeBundle | Promise<MimeBundle>>)[JUPYTER_DISPLAY];
  assert.equal(typeof method, "function", "has a Jupyter display method");
  return await method.call(x);
}

Deno.test("a sweep, its manifest and its tables display as HTML summaries", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-display-" });
  const sweep = await Sweep.create(LEO, gridRunSet({ "Sat.ECC": [0.001, 0.002, 1] }), {
    outputDir: dir,
    engine: "builtin",
    workers: 2,
    postprocess: `${HOOK}#deriveOrbitMetrics`,
  });
  const before = await bundleOf(sweep);
  assert.match(before["text/plain"] as string, /runs: 0 recorded of 3 planned/);
  await sweep.run();
  const manifest = await sweep.manifest();
  const sha = manifest.header.script_sha256.slice(0, 12);

  const s = await bundleOf(sweep);
  const html = s["text/html"] as string;
  assert.match(html, /gmat-sweep Sweep/);
  assert.ok(html.includes(sha), "short script hash");
  assert.match(html, /builtin gmat-sweep-builtin-1/);
  assert.match(html, /3 recorded of 3 planned/);
  assert.match(html, /2 ok, 1 failed|1 failed, 2 ok/);
  assert.match(html, /downstream_pipeline\.ts#deriveOrbitMetrics \(2 ok\)/, "hook counts");
  assert.match(html, /title="ok: 2"/, "status bar");
  assert.match(s["text/plain"] as string, /status: (2 ok, 1 failed|1 failed, 2 ok)/);

  const m = await bundleOf(await readManifest(sweep.manifestPath));
  assert.match(m["text/html"] as string, /gmat-sweep manifest/);
  assert.match(m["text/html"] as string, /<td[^>]*>2<\/td><td[^>]*>failed<\/td>/);

  const t = await bundleOf(await sweep.toTable());
  const th = t["text/html"] as string;
  assert.match(th, /7 rows × 9 columns, 3 runs; index \(run_id, time\)/);
  assert.match(th, /report RF/);
  assert.match(th, /2026-01-01 00:00:00\.000/, "timestamps as text");
  assert.match(t["text/plain"] as string, /ok 2, failed 1/);

  const summary = await bundleOf(sweepSummary(await sweep.toTable(), { by: "time" }));
  assert.match(summary["text/html"] as string, /<div style="font-weight:700">summary<\/div>/);
  assert.match(summary["text/html"] as string, /Sat\.Earth\.SMA__mean/);

  const x = await bundleOf(await sweep.toExtraOutputs("orbit_metrics"));
  assert.match(x["text/html"] as string, /hook output orbit_metrics/);
  assert.match(x["text/html"] as string, /3 rows × 7 columns, 3 runs; index \(run_id\)/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("display escapes values that came from files", async () => {
  const table = displayTable(
    new arrow.Table({
      run_id: arrow.vectorFromArray([0n], new arrow.Int64()),
      note: arrow.vectorFromArray(["<img src=x onerror=alert(1)>"], new arrow.Utf8()),
      __status: arrow.vectorFromArray(["ok"], new arrow.Utf8()),
    }),
  );
  const html = (await bundleOf(table))["text/html"] as string;
  assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"));
  assert.ok(!html.includes("<img"));

  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-display-" });
  const path = join(dir, "manifest.jsonl");
  const writer = await ManifestWriter.create(
    path,
    sampleHeader({ script_path: "<b>x</b>.script" }),
  );
  await writer.append(sampleEntry(0, { status: "failed", stderr: "<script>alert(1)</script>" }));
  await writer.close();
  const m = (await bundleOf(await readManifest(path)))["text/html"] as string;
  assert.ok(m.includes("&lt;b&gt;x&lt;/b&gt;.script"));
  assert.ok(m.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  assert.ok(!/<script|<b>x/.test(m));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("a sweep whose hooks failed shows the hook failures apart from the run status", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-display-hooks-" });
  try {
    const sweep = await Sweep.create(LEO, gridRunSet({ "Sat.SMA": [7000, 7050] }), {
      outputDir: dir,
      engine: "builtin",
      workers: 2,
      postprocess: `${fixture("hooks/probes.ts")}#throws`,
    });
    await sweep.run();
    const plain = (await bundleOf(sweep))["text/plain"] as string;
    assert.match(plain, /status: 2 ok\n/);
    assert.match(plain, /hook failures: 2 threw — gmat-sweep rehook re-runs them/);
    assert.match(plain, /run 0: ok \(hook failed: threw\)/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
