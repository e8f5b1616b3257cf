/**
 * Child process of the WASM-memory-growth test: stitches the runs in a fresh process (small WASM
 * memory), checks every value, and prints the WASM memory size before and after as JSON.
 *
 * Usage: `deno run -A _wasm_growth_child.ts <dir> <sizes as JSON>`
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import type * as arrow from "apache-arrow";
import { type StitchEntry, stitchRuns } from "../../src/table/mod.ts";
import { wasmMemoryBytes } from "../../src/table/parquet_io.ts";
import { t, type TestColumn } from "./_support.ts";

/** The columns of run `runId` with `rows` rows: values encode the run and the row. */
export function columns(runId: number, rows: number): TestColumn[] {
  const secs = Array.from({ length: rows }, (_, i) => i);
  return [
    { name: "Sat.X", float: secs.map((i) => runId * 1e7 + i + 0.25) },
    { name: "Sat.N", int: secs.map((i) => BigInt(runId * 1e7 + i)) },
    { name: "time", ns: secs.map(t) },
  ];
}

/** Checks every row of a stitch of runs 0.. with the given sizes (made by `columns`). */
export function checkRuns(table: arrow.Table, sizes: readonly number[]): void {
  const x = table.getChild("Sat.X")!.data[0].values as Float64Array;
  const n = table.getChild("Sat.N")!.data[0].values as BigInt64Array;
  const time = table.getChild("time")!.data[0].values as BigInt64Array;
  const runId = table.getChild("run_id")!.data[0].values as BigInt64Array;
  let row = 0;
  sizes.forEach((size, r) => {
    for (let i = 0; i < size; i++, row++) {
      if (
        x[row] !== r * 1e7 + i + 0.25 || n[row] !== BigInt(r * 1e7 + i) || time[row] !== t(i) ||
        runId[row] !== BigInt(r)
      ) {
        assert.fail(`run ${r} row ${i}: x=${x[row]} n=${n[row]} time=${time[row]}`);
      }
    }
  });
  assert.equal(row, table.numRows);
}

if (import.meta.main) {
  const [dir, sizesJson] = Deno.args;
  const sizes: number[] = JSON.parse(sizesJson);
  const entries: StitchEntry[] = sizes.map((_, runId) => ({
    runId,
    status: "ok",
    outputPaths: { report__RF: join(dir, `run-${runId}`, "report__RF.parquet") },
  }));
  const before = wasmMemoryBytes();
  const { table, warnings } = stitchRuns(entries, { kind: "report" });
  const after = wasmMemoryBytes();
  checkRuns(table, sizes);
  console.log(JSON.stringify({ before, after, rows: table.numRows, warnings, checked: true }));
}
