import assert from "node:assert/strict";
import { join } from "node:path";
import { ignoreUnless, requireComponent } from "../_support/components.ts";
import {
  extensionRunCount,
  findFailed,
  findMissing,
  ManifestPathError,
  ManifestWriter,
  outcomeFromEntry,
  readManifest,
  sortedJsonStringify,
  totalRunCount,
} from "../../src/manifest/mod.ts";
import { fixture, HAS_PYTHON, pythonReencode, tempDir } from "./_support.ts";

const V04 = fixture("python_0_4/manifest.jsonl");
const V06 = fixture("python_0_6/manifest.jsonl");

Deno.test("the Python-format fixtures are exactly what json.dumps(sort_keys=True) writes", {
  ignore: ignoreUnless(HAS_PYTHON),
}, async () => {
  requireComponent(HAS_PYTHON, "/usr/bin/python3 (json.dumps oracle)");
  for (const path of [V04, V06]) {
    const text = await Deno.readTextFile(path);
    assert.equal(text, await pythonReencode(text), path);
  }
});

Deno.test("readManifest() loads a Python 0.4 manifest; outcomeFromEntry() takes its absolute paths inside the output dir only", async () => {
  const m = await readManifest(V04);
  const h = m.header;
  assert.equal(h.schema_version, 1);
  assert.equal(h.backend, "LocalJoblibPool");
  assert.equal(h.python_version, "3.12.3");
  assert.equal(h.gmat_run_version, "0.4.1");
  assert.deepEqual(h.parameter_spec, { _kind: "grid", "Sat.SMA": [7000, 7100, 7200] });
  assert.deepEqual(h.engine, { kind: "gmat", version: "R2026a" });
  assert.equal(h.postprocess, null);
  assert.equal(m.lineCount, 5);
  // Run 1 failed, then was resumed: last wins, at its first position.
  assert.deepEqual(m.entries.map((e) => [e.run_id, e.status]), [[0, "ok"], [1, "ok"], [2, "ok"]]);
  assert.deepEqual(findFailed(m), []);
  assert.deepEqual(findMissing(m, [0, 1, 2]), []);
  assert.equal(totalRunCount(m), 3);
  for (const e of m.entries) {
    assert.equal(e.attempt, 1);
    assert.deepEqual(e.context, {});
    assert.deepEqual(e.extra_outputs, {});
    assert.equal(e.postprocess_status, "none");
  }
  // Python's paths are absolute: accepted where they point into the output directory...
  const o = outcomeFromEntry(m.entries[1], "/home/analyst/sma_scan/out");
  assert.deepEqual(o.outputPaths, {
    report__RF: "/home/analyst/sma_scan/out/run-1/report__RF.parquet",
  });
  assert.equal(o.logPath, "/home/analyst/sma_scan/out/run-1/worker.log");
  // ...and refused anywhere else: a manifest never points outside its sweep.
  assert.throws(
    () => outcomeFromEntry(m.entries[1], "/somewhere/else"),
    (e) =>
      e instanceof ManifestPathError && e.field === "output_paths.report__RF" &&
      /resolves outside the output directory "\/somewhere\/else"/.test(e.message),
  );
  assert.equal(o.startedAt, "2026-05-10T10:02:10.718579+00:00");
  assert.equal(o.durationS, 2.401876);
});

Deno.test("readManifest() keeps the failed Python entry's traceback when it is the last line", async () => {
  const text = await Deno.readTextFile(V04);
  const lines = text.split("\n").slice(0, 4); // header, run 0, run 1 failed, run 2
  const path = join(await tempDir(), "manifest.jsonl");
  await Deno.writeTextFile(path, lines.join("\n") + "\n");
  const m = await readManifest(path);
  assert.deepEqual(findFailed(m), [1]);
  assert.match(
    m.entries[1].stderr ?? "",
    /--- GMAT engine log ---\n\*\*\*\* ERROR \*\*\*\* Sat: SMA × factor/,
  );
  assert.deepEqual(m.entries[1].output_paths, {});
});

Deno.test("readManifest() loads a Python 0.6-style manifest with hooks, contexts and solver fields", async () => {
  const m = await readManifest(V06);
  assert.equal(m.header.postprocess, "pipeline.hooks:compare_truth");
  assert.equal(m.header.sweep_seed, 42);
  assert.deepEqual((m.header as Record<string, unknown>).future_field, { added_in: "0.7" });
  assert.equal(totalRunCount(m), 4);
  assert.equal(extensionRunCount(m), 1);
  assert.deepEqual(findFailed(m), [1]); // run 2 is skipped, not failed
  const [e0] = m.entries;
  assert.deepEqual(e0.converged, { DC: true });
  assert.deepEqual(e0.solver_paths, { DC: "/Users/analyst/atlas/runs/run-0/solver__DC.parquet" });
  assert.equal(e0.context.norad_id, 25544);
  assert.deepEqual(outcomeFromEntry(e0, "/Users/analyst/atlas/runs").extraOutputs, {
    comparison: "/Users/analyst/atlas/runs/run-0/comparison.parquet",
  });
  assert.throws(() => outcomeFromEntry(e0, "/x"), ManifestPathError);
});

Deno.test("ManifestWriter appends to a Python manifest without disturbing its lines", async () => {
  const path = join(await tempDir(), "manifest.jsonl");
  const original = await Deno.readTextFile(V06);
  await Deno.writeTextFile(path, original);
  const m = await readManifest(path);
  {
    await using writer = await ManifestWriter.openForAppend(path);
    await writer.append({ ...m.entries[1], status: "ok", stderr: null, attempt: 2 });
  }
  const after = await Deno.readTextFile(path);
  assert.ok(after.startsWith(original));
  const again = await readManifest(path);
  assert.deepEqual(findFailed(again), []);
  assert.equal(again.entries[1].attempt, 2);
  // The appended line keeps fields this tool does not know about, in Python's encoding.
  const last = after.trimEnd().split("\n").at(-1)!;
  assert.equal(last, sortedJsonStringify(again.entries[1]));
});
