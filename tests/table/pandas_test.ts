/**
 * stitchToParquet(): the stitched file, read back, and the `pandas` metadata that gives pandas its
 * (run_id, time) MultiIndex. The metadata JSON is validated here against the structure pyarrow
 * reads. Reading the file with pandas itself is not tested: pandas needs pyarrow or fastparquet to
 * read Parquet, Debian bookworm packages neither, and PyPI is unreachable from these machines.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  type PandasMetadata,
  readParquet,
  type StitchEntry,
  stitchToParquet,
} from "../../src/table/mod.ts";
import { readParquetFooter } from "../../src/table/parquet_footer.ts";
import { sweepLeo, tempDir, values } from "./_support.ts";

async function stitchedFile(dir: string): Promise<{ path: string; entries: StitchEntry[] }> {
  const entries = await sweepLeo(dir, [7000, 7100, 7200]);
  entries.push({ runId: 3, status: "failed", outputPaths: {} });
  const path = join(dir, "report__RF.parquet");
  const result = await stitchToParquet(entries, path, { kind: "report" });
  assert.equal(result.path, path);
  assert.equal(result.table.numRows, 10);
  return { path, entries };
}

Deno.test("stitchToParquet() writes the stitched table, read back unchanged", async () => {
  await using dir = await tempDir();
  const { path } = await stitchedFile(dir.path);
  const back = await readParquet(path);
  assert.deepEqual(back.schema.fields.map((f) => `${f.name}: ${f.type}`), [
    "run_id: Int64",
    "time: Timestamp<NANOSECOND>",
    "Sat.UTCGregorian: Timestamp<NANOSECOND>",
    "Sat.EarthMJ2000Eq.X: Float64",
    "Sat.EarthMJ2000Eq.Y: Float64",
    "Sat.EarthMJ2000Eq.Z: Float64",
    "Sat.Earth.SMA: Float64",
    "Sat.Earth.ECC: Float64",
    "__status: LargeUtf8",
  ]);
  assert.deepEqual(values(back, "run_id"), [0n, 0n, 0n, 1n, 1n, 1n, 2n, 2n, 2n, 3n]);
  assert.deepEqual(values(back, "__status").slice(-2), ["ok", "failed"]);
  assert.equal(values(back, "time")[9], null);
  assert.equal(values(back, "Sat.EarthMJ2000Eq.X")[9], null);
  const time = back.schema.fields.find((f) => f.name === "time")!;
  assert.equal(time.metadata.get("gmat.epoch_scale"), "UTC");
});

Deno.test("stitchToParquet() stores pandas metadata with the (run_id, time) index", async () => {
  await using dir = await tempDir();
  const { path } = await stitchedFile(dir.path);
  // Where pyarrow looks: the file's own key-value metadata.
  const footer = readParquetFooter(path);
  const meta: PandasMetadata = JSON.parse(footer.keyValue.get("pandas")!);
  const fields = (await readParquet(path)).schema.fields;
  assert.deepEqual(meta.index_columns, ["run_id", "time"]);
  assert.deepEqual(meta.columns.map((c) => c.field_name), fields.map((f) => f.name));
  assert.deepEqual(meta.columns.map((c) => c.name), fields.map((f) => f.name));
  for (const index of meta.index_columns) {
    assert.ok(meta.columns.some((c) => c.field_name === index), `${index} is described`);
  }
  const byName = Object.fromEntries(meta.columns.map((c) => [c.name, c]));
  assert.deepEqual(byName.run_id, {
    name: "run_id",
    field_name: "run_id",
    pandas_type: "int64",
    numpy_type: "int64",
    metadata: null,
  });
  assert.equal(byName.time.pandas_type, "datetime");
  assert.equal(byName.time.numpy_type, "datetime64[ns]");
  assert.equal(byName["Sat.Earth.SMA"].numpy_type, "float64");
  assert.equal(byName.__status.pandas_type, "object");
  assert.equal(meta.column_indexes.length, 1);
  assert.deepEqual(meta.attributes, { epoch_scales: { "Sat.UTCGregorian": "UTC" } });
  assert.equal(meta.creator.library, "gmat-sweep");
  assert.match(meta.pandas_version, /^\d+\.\d+/);
  assert.deepEqual(JSON.parse(footer.keyValue.get("PANDAS_ATTRS")!), meta.attributes);
  // The stitched layout: Snappy with dictionaries, not the per-run plain layout.
  assert.equal(footer.plainChunks, undefined);
  assert.equal(footer.numRows, 10);
});
