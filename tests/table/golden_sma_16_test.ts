/**
 * The stitched table of leo_basic swept over Sat.SMA = 7000..7300 (16 runs) on the built-in
 * engine, against the Python gmat-sweep's golden `sma_16.parquet` (real GMAT) read through the
 * table layer's own reader.
 */
import assert from "node:assert/strict";
import * as arrow from "apache-arrow";
import { readParquet, stitchRuns } from "../../src/table/mod.ts";
import { close, fixture, sweepLeo, tempDir, values } from "./_support.ts";

const SMAS = Array.from({ length: 16 }, (_, i) => 7000 + 20 * i);

Deno.test("stitchRuns() reproduces the golden 16-run SMA table", async () => {
  await using dir = await tempDir();
  const golden = await readParquet(fixture("golden/sma_16.parquet"));
  const entries = await sweepLeo(dir.path, SMAS);
  // Completion order is not run order.
  const { table, names, warnings } = await stitchRuns([...entries].reverse(), { kind: "report" });
  assert.deepEqual(names, ["RF"]);
  assert.deepEqual(warnings, []);

  assert.deepEqual(table.schema.names, golden.schema.names);
  assert.deepEqual(
    table.schema.fields.map((f) => String(f.type)),
    golden.schema.fields.map((f) => String(f.type)),
  );
  assert.deepEqual(
    table.schema.fields.map((f) => f.typeId),
    golden.schema.fields.map((f) => f.typeId),
  );
  assert.equal(table.numRows, 48);
  assert.equal(golden.numRows, 48);
  assert.deepEqual(values(table, "run_id"), values(golden, "run_id"));
  assert.deepEqual(values(table, "time"), values(golden, "time"));
  assert.deepEqual(values(table, "Sat.UTCGregorian"), values(golden, "Sat.UTCGregorian"));
  assert.deepEqual(values(table, "__status"), values(golden, "__status"));
  let compared = 0;
  for (const f of golden.schema.fields) {
    if (!arrow.DataType.isFloat(f.type)) continue;
    const ours = values(table, f.name) as number[];
    values(golden, f.name).forEach((g, i) => {
      close(ours[i], g as number, 1e-9, 1e-6, `${f.name} row ${i}`);
      compared++;
    });
  }
  assert.equal(compared, 48 * 5);

  // The index metadata of the golden file's convention, with the (run_id, time) index.
  const pandas = JSON.parse(table.schema.metadata.get("pandas")!);
  const goldenPandas = JSON.parse(golden.schema.metadata.get("pandas")!);
  assert.deepEqual(pandas.index_columns, ["run_id", "time"]);
  assert.deepEqual(pandas.columns, goldenPandas.columns);
  assert.deepEqual(pandas.column_indexes, goldenPandas.column_indexes);
  assert.deepEqual(pandas.attributes, goldenPandas.attributes);
  assert.deepEqual(
    JSON.parse(table.schema.metadata.get("PANDAS_ATTRS")!),
    JSON.parse(golden.schema.metadata.get("PANDAS_ATTRS")!),
  );
});
