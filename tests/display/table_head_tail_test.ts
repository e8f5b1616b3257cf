/**
 * The notebook table display on a real stitched table: head and tail rows around a gap that
 * counts the rows left out, index then status columns first (a wide table never hides its
 * status), the report's epoch column that repeats `time` shown once, cells that do not wrap.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { gridRunSet, Sweep, tableBundle } from "../../mod.ts";
import { LEO } from "../_support/sweep_tree.ts";

Deno.test("table display: head and tail, status after the index, one time column", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-tabledisplay-" });
  const sweep = await Sweep.create(LEO, gridRunSet({ "Sat.SMA": [7000, 7050, 7100, 7150, 7200] }), {
    outputDir: join(dir, "out"),
    engine: "builtin",
  });
  await sweep.run();
  const table = await sweep.toTable();
  const n = table.numRows;
  assert.ok(n > 11, `a table longer than head + tail (${n} rows)`);
  const bundle = tableBundle(table);
  const plain = bundle["text/plain"] as string;
  const lines = plain.split("\n");
  const header = lines.find((l) => l.trim().startsWith("run_id"))!;
  const columns = header.trim().split(/\s{2,}/);
  assert.deepEqual(columns.slice(0, 3), ["run_id", "time", "__status"]);
  assert.ok(!columns.includes("Sat.UTCGregorian"), "the epoch column that repeats time is folded");
  assert.match(plain, /Sat\.UTCGregorian = time \(shown once\)/);
  // Five head rows (run 0), the gap, five tail rows (the last run).
  const body = lines.slice(lines.indexOf(header) + 1, lines.indexOf(header) + 12);
  assert.match(body[5], new RegExp(`… ${n - 10} rows`));
  assert.equal(body.slice(0, 5).filter((l) => /^\s*0\s/.test(l)).length, 3);
  assert.ok(/^\s*4\s/.test(body[10]), "the last row is the last run's");
  const html = bundle["text/html"] as string;
  assert.match(html, /overflow-x:auto/);
  assert.match(html, /white-space:nowrap/);
  assert.match(
    html,
    new RegExp(`${n} rows × ${table.numCols} columns, 5 runs; index \\(run_id, time\\)`),
  );
  await Deno.remove(dir, { recursive: true });
});
