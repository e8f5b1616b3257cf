import assert from "node:assert/strict";
import { join } from "node:path";
import type { RunOutcome, RunSpec } from "../../src/runs/mod.ts";
import {
  entryFromOutcome,
  ManifestPathError,
  ManifestWriter,
  outcomeFromEntry,
  readManifest,
} from "../../src/manifest/mod.ts";
import { sampleHeader, scratchDir } from "./_support.ts";

function outcome(outputDir: string, runId: number, over: Partial<RunOutcome> = {}): RunOutcome {
  const runDir = join(outputDir, `run-${runId}`);
  return {
    runId,
    status: "ok",
    outputPaths: { report__RF: join(runDir, "report__RF.parquet") },
    extraOutputs: { orbit_metrics: join(runDir, "hook", "orbit_metrics.parquet") },
    postprocessStatus: "ok",
    postprocessError: null,
    postprocessLogPath: join(runDir, "postprocess.log"),
    startedAt: "2026-11-24T10:00:00.000Z",
    endedAt: "2026-11-24T10:00:01.500Z",
    durationS: 1.5,
    stderr: null,
    logPath: join(runDir, "worker.log"),
    attempt: 2,
    ...over,
  };
}

function spec(runId: number): RunSpec {
  return { runId, overrides: { "Sat.SMA": 7000 + runId }, seed: null, context: { arm: "b" } };
}

Deno.test("entryFromOutcome() records paths relative to the output dir, with / separators", () => {
  const out = "/data/study/out";
  const entry = entryFromOutcome(outcome(out, 3), spec(3), {
    outputDir: out + "/",
    postprocess: "./pipeline.ts#f",
  });
  assert.deepEqual(entry, {
    run_id: 3,
    overrides: { "Sat.SMA": 7003 },
    status: "ok",
    output_paths: { report__RF: "run-3/report__RF.parquet" },
    extra_outputs: { orbit_metrics: "run-3/hook/orbit_metrics.parquet" },
    postprocess_status: "ok",
    postprocess: "./pipeline.ts#f",
    postprocess_error: null,
    postprocess_log_path: "run-3/postprocess.log",
    context: { arm: "b" },
    started_at: "2026-11-24T10:00:00.000Z",
    ended_at: "2026-11-24T10:00:01.500Z",
    duration_s: 1.5,
    stderr: null,
    log_path: "run-3/worker.log",
    attempt: 2,
  });
  // The outcome read back names the hook that ran on the run (its provenance).
  assert.deepEqual(outcomeFromEntry(entry, out), {
    ...outcome(out, 3),
    postprocess: "./pipeline.ts#f",
  });
  const failed = entryFromOutcome(
    outcome(out, 4, { status: "failed", outputPaths: {}, extraOutputs: {}, logPath: null }),
    spec(4),
    { outputDir: out, postprocess: null },
  );
  assert.equal(failed.log_path, null);
  assert.deepEqual(failed.output_paths, {});
});

Deno.test("entryFromOutcome() refuses paths outside the output dir or not absolute", () => {
  const out = "/data/study/out";
  const cases: Array<[Partial<RunOutcome>, RegExp]> = [
    [
      { outputPaths: { report__RF: "/data/study/elsewhere/r.parquet" } },
      /output_paths\.report__RF/,
    ],
    [{ outputPaths: { report__RF: "/data/study/out-2/r.parquet" } }, /is outside the output/],
    [{ extraOutputs: { m: "/data/study/out/../m.parquet" } }, /extra_outputs\.m/],
    [{ logPath: "/data/study/out" }, /log_path "\/data\/study\/out" is outside/],
    [{ logPath: "run-1/worker.log" }, /is not absolute/],
  ];
  for (const [over, pattern] of cases) {
    assert.throws(
      () => entryFromOutcome(outcome(out, 1, over), spec(1), { outputDir: out, postprocess: null }),
      (e: unknown) => {
        assert.ok(e instanceof ManifestPathError);
        assert.equal(e.code, "MANIFEST_PATH_OUTSIDE_OUTPUT_DIR");
        assert.equal(e.runId, 1);
        assert.match(e.message, /^run 1: /);
        assert.match(e.message, pattern);
        assert.match(e.message, /fix: write every run output/);
        return true;
      },
    );
  }
  assert.throws(
    () => entryFromOutcome(outcome(out, 1), spec(2), { outputDir: out, postprocess: null }),
    RangeError,
  );
});

Deno.test("a manifest and output tree moved to another directory still resolve", async () => {
  await using dir = await scratchDir();
  const root = dir.path;
  const out = join(root, "first", "runs");
  const manifestDir = join(root, "first", "manifests"); // manifest apart from the run tree
  await Deno.mkdir(manifestDir, { recursive: true });
  const manifestPath = join(manifestDir, "manifest.jsonl");
  {
    await using writer = await ManifestWriter.create(manifestPath, sampleHeader());
    for (const id of [0, 1, 2]) {
      const o = outcome(out, id);
      for (const p of [...Object.values(o.outputPaths), ...Object.values(o.extraOutputs)]) {
        await Deno.mkdir(join(p, ".."), { recursive: true });
        await Deno.writeTextFile(p, `run ${id}`);
      }
      await Deno.writeTextFile(o.logPath!, `log ${id}`);
      await writer.append(entryFromOutcome(o, spec(id), { outputDir: out, postprocess: null }));
    }
  }
  // Move everything to a different tree (as if copied to another machine).
  const moved = join(root, "second", "deeper");
  await Deno.mkdir(join(root, "second"), { recursive: true });
  await Deno.rename(join(root, "first"), moved);
  const newOut = join(moved, "runs");
  const m = await readManifest(join(moved, "manifests", "manifest.jsonl"));
  for (const entry of m.entries) {
    const o = outcomeFromEntry(entry, newOut);
    assert.deepEqual(o, outcome(newOut, entry.run_id));
    assert.equal(await Deno.readTextFile(o.outputPaths.report__RF), `run ${entry.run_id}`);
    assert.equal(await Deno.readTextFile(o.extraOutputs.orbit_metrics), `run ${entry.run_id}`);
    assert.equal(await Deno.readTextFile(o.logPath!), `log ${entry.run_id}`);
  }
  // A relative output dir resolves against the current directory.
  const rel = outcomeFromEntry(m.entries[0], "rel/out");
  assert.equal(rel.outputPaths.report__RF, join(Deno.cwd(), "rel/out/run-0/report__RF.parquet"));
});
