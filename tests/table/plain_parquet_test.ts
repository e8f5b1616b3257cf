/**
 * The arrow-free Parquet helpers: records written by `encodePlainParquet` decode to the same
 * values through parquet-wasm (the reader every other tool path uses), a run's own report file
 * reads to the same columns as through apache-arrow, and a file of another layout is declined
 * (the hook helpers then fall back to the WASM codec).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import * as arrow from "apache-arrow";
import { readRunParquet, writeParquet } from "../../hook.ts";
import { gridRunSet } from "../../src/runset/mod.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { encodeParquet, readParquet } from "../../src/table/parquet_io.ts";
import { STITCHED_FILE_LAYOUT } from "../../src/table/parquet_layout.ts";
import { encodePlainParquet, readPlainParquet } from "../../src/table/plain_parquet.ts";
import { fixture } from "../_support/engine.ts";

Deno.test("encodePlainParquet() writes records that parquet-wasm decodes to the same values", async () => {
  const records = Array.from({ length: 40 }, (_, i) => ({
    x: i * 1.25 - 3,
    n: BigInt(i) - 20n,
    flag: i % 3 === 0,
    label: `run ${i} é`,
    maybe: i % 4 === 0 ? null : i / 7,
    note: i % 5 === 0 ? null : `n${i}`,
  }));
  const table = await readParquet(encodePlainParquet(records));
  assert.equal(table.numRows, 40);
  const fields = table.schema.fields.map((f) => `${f.name}:${f.type}:${f.nullable}`);
  assert.deepEqual(fields, [
    "x:Float64:false",
    "n:Int64:false",
    "flag:Bool:false",
    "label:Utf8:false",
    "maybe:Float64:true",
    "note:Utf8:true",
  ]);
  for (const name of ["x", "n", "flag", "label", "maybe", "note"] as const) {
    assert.deepEqual(
      Array.from({ length: 40 }, (_, i) => table.getChild(name)!.get(i)),
      records.map((r) => r[name]),
      name,
    );
  }
  assert.throws(() => encodePlainParquet([{ a: 1 }, { a: "x" }]), /column 'a' mixes types/);
  assert.throws(() => encodePlainParquet([]), /no records/);
});

Deno.test("a run's own report reads the same without apache-arrow; other layouts are declined", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-plain-" });
  try {
    const sweep = await Sweep.create(
      fixture("scripts/leo_basic.script"),
      gridRunSet({ "Sat.SMA": [7000] }),
      { outputDir: dir, engine: "builtin", workers: 1 },
    );
    await sweep.run();
    const path = join(dir, "run-0", "report__RF.parquet");
    const bytes = await Deno.readFile(path);
    const plain = readPlainParquet(bytes);
    assert.ok(plain !== undefined, "the per-run layout is read without WASM");
    const viaArrow = await readParquet(bytes);
    assert.equal(plain.numRows, viaArrow.numRows);
    assert.deepEqual(
      plain.schema.fields.map((f) => f.name),
      viaArrow.schema.fields.map((f) => f.name),
    );
    for (const f of viaArrow.schema.fields) {
      const a = viaArrow.getChild(f.name)!;
      const raw = a.data[0].values as ArrayLike<unknown>;
      assert.deepEqual([...plain.getChild(f.name)!.toArray()], [...Array.from(raw)], f.name);
    }
    // A stitched-layout file (snappy, dictionaries) is not ours to read: declined, then the
    // hook helper takes the WASM codec and still returns the table.
    const other = join(dir, "other.parquet");
    await Deno.writeFile(
      other,
      encodeParquet(arrow.tableFromArrays({ v: Float64Array.of(1, 2, 3) }), STITCHED_FILE_LAYOUT),
    );
    assert.equal(readPlainParquet(await Deno.readFile(other)), undefined);
    assert.deepEqual(Array.from((await readRunParquet(other)).getChild("v")!.toArray()), [1, 2, 3]);
    // The hook helper writes records arrow-free; the result reads back through the helper.
    const out = join(dir, "metrics.parquet");
    await writeParquet([{ r: 7000.5, k: 3n }], out);
    const back = await readRunParquet(out);
    assert.deepEqual(Array.from(back.getChild("r")!.toArray()), [7000.5]);
    assert.deepEqual(Array.from(back.getChild("k")!.toArray()), [3n]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
