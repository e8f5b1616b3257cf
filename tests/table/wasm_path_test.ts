/**
 * The two decode paths of the stitcher: per-run files in the plain layout are copied straight from
 * their bytes, any other file goes through the WASM codec with zero-copy views into WASM memory.
 * Both must give the same table, and the WASM path must stay correct when WASM memory grows in
 * the middle of a stitch (which detaches every earlier view).
 */
import assert from "node:assert/strict";
import { type ParquetLayout, type StitchEntry, stitchRuns } from "../../src/table/mod.ts";
import { readParquetFooter } from "../../src/table/parquet_footer.ts";
import { checkRuns, columns } from "./_wasm_growth_child.ts";
import { tempDir, values, writeRunFile } from "./_support.ts";

const SNAPPY: ParquetLayout = {
  compression: "snappy",
  dictionary: true,
  statistics: "chunk",
  maxRowGroupRows: 1 << 20,
  dataPageBytes: 1 << 20,
};

Deno.test("stitchRuns() stays correct when WASM memory grows mid-stitch", async () => {
  await using dir = await tempDir();
  // Writing the files grows this process's WASM memory, so the stitch runs in a fresh process
  // whose WASM memory is small: the third file's decode must grow it, detaching every view made
  // before. Every value of every run is checked there.
  const sizes = [7, 11, 300_000, 5, 150_000, 3];
  for (const [runId, size] of sizes.entries()) {
    const path = await writeRunFile(dir.path, runId, "report__RF", columns(runId, size), SNAPPY);
    assert.equal(readParquetFooter(path).plainChunks, undefined, "the WASM path");
  }
  const child = new URL("./_wasm_growth_child.ts", import.meta.url).pathname;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", child, dir.path, JSON.stringify(sizes)],
    env: { NO_COLOR: "1" },
  }).output();
  const stderr = new TextDecoder().decode(out.stderr);
  assert.ok(out.success, stderr);
  const report = JSON.parse(new TextDecoder().decode(out.stdout));
  assert.ok(report.after > report.before, `WASM memory grew: ${report.before} -> ${report.after}`);
  assert.ok(report.before < 300_000 * 24, "the big file did not fit before the stitch");
  assert.equal(report.rows, sizes.reduce((a, b) => a + b));
  assert.deepEqual(report.warnings, []);
  assert.equal(report.checked, true);
});

Deno.test("stitchRuns() gives the same table through the plain path and the WASM codec", async () => {
  await using plain = await tempDir();
  await using wasm = await tempDir();
  const sizes = [1441, 3, 0, 1000];
  const stitch = async (dir: string, layout?: ParquetLayout) => {
    const entries: StitchEntry[] = [];
    for (const [runId, size] of sizes.entries()) {
      const path = await writeRunFile(dir, runId, "report__RF", columns(runId, size), layout);
      entries.push({ runId, status: "ok", outputPaths: { report__RF: path } });
    }
    entries.push({ runId: sizes.length, status: "failed", outputPaths: {} });
    return stitchRuns(entries, { kind: "report" }).table;
  };
  const a = await stitch(plain.path);
  const b = await stitch(wasm.path, SNAPPY);
  assert.ok(readParquetFooter(`${plain.path}/run-0/report__RF.parquet`).plainChunks);
  assert.deepEqual(a.schema.fields.map(String), b.schema.fields.map(String));
  for (const { name } of a.schema.fields) {
    assert.deepEqual(values(a, name), values(b, name), name);
  }
  checkRuns(a.slice(0, 1441 + 3), sizes.slice(0, 2));
  assert.deepEqual(values(a, "__status").slice(-2), ["ok", "failed"]);
});
