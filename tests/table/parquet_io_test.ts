/** readParquet() and the Parquet footer reader on the golden file and on files the layer writes. */
import assert from "node:assert/strict";
import * as arrow from "apache-arrow";
import { readParquet, TableError } from "../../src/table/mod.ts";
import { readParquetFooter } from "../../src/table/parquet_footer.ts";
import { encodeParquet } from "../../src/table/parquet_io.ts";
import { RUN_FILE_LAYOUT } from "../../src/table/parquet_layout.ts";
import { fixture, tempDir, values } from "./_support.ts";

const GOLDEN = fixture("golden/sma_16.parquet");

Deno.test("readParquet() reads a file by path or bytes, with schema metadata", async () => {
  const a = await readParquet(GOLDEN);
  const b = await readParquet(await Deno.readFile(GOLDEN));
  assert.equal(a.numRows, 48);
  assert.deepEqual(a.schema.names, b.schema.names);
  assert.deepEqual(values(a, "Sat.EarthMJ2000Eq.X"), values(b, "Sat.EarthMJ2000Eq.X"));
  assert.equal(values(a, "Sat.EarthMJ2000Eq.X")[0], 6992.999999999999);
  assert.equal(values(a, "time")[1], 1767225630000000000n);
  assert.ok(a.schema.metadata.get("pandas")?.includes('"index_columns"'));
});

Deno.test("readParquet() returns large_utf8 data that apache-arrow can write back", async () => {
  const golden = await readParquet(GOLDEN);
  const status = golden.schema.fields.find((f) => f.name === "__status")!;
  assert.ok(arrow.DataType.isLargeUtf8(status.type));
  assert.ok(golden.getChild("__status")!.data[0].valueOffsets instanceof BigInt64Array);
  const again = await readParquet(encodeParquet(golden, RUN_FILE_LAYOUT));
  assert.deepEqual(again.schema.fields.map(String), golden.schema.fields.map(String));
  for (const { name } of golden.schema.fields) {
    assert.deepEqual(values(again, name), values(golden, name), name);
  }
});

Deno.test("readParquet() rejects bytes that are not Parquet with TABLE_PARQUET", async () => {
  await assert.rejects(
    () => readParquet(new TextEncoder().encode("PAR1 but not really")),
    (e) => e instanceof TableError && e.code === "TABLE_PARQUET",
  );
});

Deno.test("readParquetFooter() reads row counts and metadata from the tail only", async () => {
  const footer = readParquetFooter(GOLDEN);
  assert.equal(footer.numRows, 48);
  assert.equal(footer.numRowGroups, 1);
  assert.equal(footer.fileSize, (await Deno.stat(GOLDEN)).size);
  assert.ok(footer.keyValue.has("pandas"));
  // pyarrow's file is Snappy-compressed with dictionaries: not the plain layout.
  assert.equal(footer.plainChunks, undefined);
  await using dir = await tempDir();
  const path = `${dir.path}/x.parquet`;
  await Deno.writeTextFile(path, "not parquet");
  assert.throws(
    () => readParquetFooter(path),
    (e) => e instanceof TableError && e.code === "TABLE_PARQUET" && e.message.includes(path),
  );
  assert.throws(() => readParquetFooter(`${dir.path}/none.parquet`), Deno.errors.NotFound);
});
