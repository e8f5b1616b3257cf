import assert from "node:assert/strict";
import { join } from "node:path";
import * as arrow from "apache-arrow";
import { extraOutputsTable } from "../../src/table/extra_outputs.ts";
import { encodeParquet } from "../../src/table/parquet_io.ts";
import { RUN_FILE_LAYOUT } from "../../src/table/parquet_layout.ts";
import { TableError } from "../../src/table/table_error.ts";

async function metrics(dir: string, runId: number, span: number): Promise<string> {
  const path = join(dir, `run-${runId}`, "orbit_metrics.parquet");
  await Deno.mkdir(join(dir, `run-${runId}`), { recursive: true });
  const table = arrow.tableFromArrays({
    final_radius_km: Float64Array.of(7000 + runId),
    radius_span_km: Float64Array.of(span),
  });
  await Deno.writeFile(path, encodeParquet(table, RUN_FILE_LAYOUT));
  return path;
}

Deno.test("extraOutputsTable() keys hook outputs by run_id with marker rows and both statuses", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-extra-" });
  // A stale file on disk that the manifest does not register must be invisible.
  await metrics(dir, 9, 999);
  const table = await extraOutputsTable([
    {
      runId: 2,
      status: "ok",
      postprocessStatus: "ok",
      extraOutputs: { orbit_metrics: await metrics(dir, 2, 0.5) },
    },
    {
      runId: 0,
      status: "ok",
      postprocessStatus: "ok",
      extraOutputs: { orbit_metrics: await metrics(dir, 0, 0.25) },
    },
    { runId: 1, status: "failed", postprocessStatus: "none", extraOutputs: {} },
    { runId: 3, status: "ok", postprocessStatus: "failed", extraOutputs: {} },
  ], "orbit_metrics");
  assert.deepEqual(table.schema.fields.map((f) => f.name), [
    "run_id",
    "final_radius_km",
    "radius_span_km",
    "__status",
    "__postprocess_status",
    "__postprocess",
    "__postprocess_sha256",
  ]);
  assert.deepEqual([...table.getChild("run_id")!.toArray()].map(Number), [0, 1, 2, 3]);
  assert.deepEqual(table.getChild("radius_span_km")!.toJSON(), [0.25, null, 0.5, null]);
  assert.deepEqual(table.getChild("__status")!.toJSON(), ["ok", "failed", "ok", "ok"]);
  assert.deepEqual(table.getChild("__postprocess_status")!.toJSON(), [
    "ok",
    "none",
    "ok",
    "failed",
  ]);
  await assert.rejects(
    () =>
      extraOutputsTable([{
        runId: 0,
        status: "ok",
        postprocessStatus: "ok",
        extraOutputs: { a: "x" },
      }], "b"),
    (e) =>
      e instanceof TableError && e.code === "TABLE_UNKNOWN_NAME" &&
      /'b'.*registered outputs: a/.test(e.message),
  );
  await Deno.remove(dir, { recursive: true });
});
