/**
 * stitchRuns() / stitchAllRuns(): marker rows, schema unification, ordering, name selection and
 * files that cannot be used, on per-run Parquet files written by the table layer.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type * as arrow from "apache-arrow";
import {
  stitchAllRuns,
  type StitchEntry,
  stitchRuns,
  TableError,
  writeRunOutputs,
} from "../../src/table/mod.ts";
import { fixture, t, tempDir, type TestColumn, values, writeRunFile } from "./_support.ts";
import { digestFile } from "../../src/manifest/mod.ts";

const SNAPPY = {
  compression: "snappy",
  dictionary: true,
  statistics: "chunk",
  maxRowGroupRows: 1 << 20,
  dataPageBytes: 1 << 20,
} as const;

function types(table: arrow.Table): string[] {
  return table.schema.fields.map((f) => `${f.name}: ${f.type}`);
}

Deno.test("stitchRuns() gives failed, skipped and output-less runs one marker row each", async () => {
  await using dir = await tempDir();
  const rf = await writeRunFile(dir.path, 0, "report__RF", [
    { name: "Sat.X", float: [1, 2, 3] },
    { name: "time", ns: [t(0), t(30), t(60)] },
  ]);
  const other = await writeRunFile(dir.path, 4, "report__Other", [
    { name: "Sat.Y", float: [9] },
    { name: "time", ns: [t(0)] },
  ]);
  const entries: StitchEntry[] = [
    { runId: 0, status: "ok", outputPaths: { report__RF: rf } },
    { runId: 1, status: "failed", outputPaths: {} },
    { runId: 2, status: "skipped", outputPaths: {} },
    { runId: 3, status: "ok", outputPaths: {} },
    { runId: 4, status: "ok", outputPaths: { report__Other: other } },
    // A failed run's leftover outputs are ignored.
    { runId: 5, status: "failed", outputPaths: { report__RF: rf } },
  ];
  const { table, name, names, warnings } = stitchRuns(entries, { kind: "report", name: "RF" });
  assert.equal(name, "RF");
  assert.deepEqual(names, ["Other", "RF"]);
  assert.deepEqual(warnings, []);
  assert.deepEqual(types(table), [
    "run_id: Int64",
    "time: Timestamp<NANOSECOND>",
    "Sat.X: Float64",
    "__status: LargeUtf8",
  ]);
  assert.deepEqual(values(table, "run_id"), [0n, 0n, 0n, 1n, 2n, 3n, 4n, 5n]);
  assert.deepEqual(values(table, "time"), [t(0), t(30), t(60), null, null, null, null, null]);
  assert.deepEqual(values(table, "Sat.X"), [1, 2, 3, null, null, null, null, null]);
  assert.deepEqual(values(table, "__status"), [
    "ok",
    "ok",
    "ok",
    "failed",
    "skipped",
    "ok",
    "ok",
    "failed",
  ]);
});

Deno.test("stitchRuns() unifies schemas: union of columns, int+float -> float64, nulls", async () => {
  await using dir = await tempDir();
  const key = "report__RF";
  const paths = [
    await writeRunFile(dir.path, 0, key, [
      { name: "a", int: [1n, 2n] },
      { name: "b", float: [0.5, 1.5] },
      { name: "time", ns: [t(0), t(1)] },
      { name: "clash", float: [1, 2] },
    ]),
    await writeRunFile(dir.path, 1, key, [
      { name: "time", ns: [t(0)] },
      { name: "a", float: [2.5] },
      { name: "c", text: ["x"] },
      { name: "clash", ns: [t(5)] },
    ]),
    await writeRunFile(dir.path, 2, key, [
      { name: "b", float: [7] },
      { name: "time", ns: [t(9)] },
      { name: "d", int: [42n] },
    ]),
  ];
  const entries = paths.map((p, runId): StitchEntry => ({
    runId,
    status: "ok",
    outputPaths: { [key]: p },
  }));
  const seen: string[] = [];
  const { table, warnings } = stitchRuns(entries, {
    kind: "report",
    onWarning: (m) => seen.push(m),
  });
  assert.deepEqual(types(table), [
    "run_id: Int64",
    "time: Timestamp<NANOSECOND>",
    "a: Float64",
    "b: Float64",
    "clash: Utf8",
    "c: Utf8",
    "d: Int64",
    "__status: LargeUtf8",
  ]);
  assert.deepEqual(values(table, "a"), [1, 2, 2.5, null]);
  assert.deepEqual(values(table, "b"), [0.5, 1.5, null, 7]);
  assert.deepEqual(values(table, "c"), [null, null, "x", null]);
  assert.deepEqual(values(table, "d"), [null, null, null, 42n]);
  assert.deepEqual(values(table, "clash")[0], "1");
  assert.equal(values(table, "clash")[3], null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /Column clash has types .* across runs; it is stitched as text/);
  assert.deepEqual(seen, warnings);
});

Deno.test("stitchRuns() sorts by (run_id, time) whatever order entries and rows arrive in", async () => {
  await using dir = await tempDir();
  const key = "report__RF";
  const entries: StitchEntry[] = [];
  // Completion order 3, 0, 4, 2, 1; runs 2 and 4 have rows out of time order (e.g. a backward
  // propagation). Run 4 has only fixed-width columns (the plain path), run 2 a text column.
  const secs: Record<number, number[]> = { 2: [60, 0, 30, 90, 45], 4: [10, 5, 5, 0] };
  for (const runId of [3, 0, 4, 2, 1]) {
    const s = secs[runId] ?? [0, 30, 60];
    const columns: TestColumn[] = [
      { name: "time", ns: s.map(t) },
      { name: "x", float: s.map((v, i) => runId * 1000 + v + i / 10) },
    ];
    if (runId !== 4) columns.push({ name: "label", text: s.map((v) => `${runId}@${v}`) });
    const path = await writeRunFile(dir.path, runId, key, columns);
    entries.push({ runId, status: "ok", outputPaths: { [key]: path } });
  }
  const { table } = stitchRuns(entries, { kind: "report" });
  // Expected (run, seconds, x) in order; ties keep file order (stable).
  const expected: [number, number, number][] = [];
  for (const runId of [0, 1, 2, 3, 4]) {
    const s = secs[runId] ?? [0, 30, 60];
    const rows = s.map((v, i): [number, number, number] => [runId, v, runId * 1000 + v + i / 10]);
    rows.sort((a, b) => a[1] - b[1]);
    expected.push(...rows);
  }
  assert.deepEqual(values(table, "run_id"), expected.map(([r]) => BigInt(r)));
  assert.deepEqual(values(table, "time"), expected.map(([, v]) => t(v)));
  assert.deepEqual(values(table, "x"), expected.map(([, , x]) => x));
  assert.deepEqual(
    values(table, "label"),
    expected.map(([r, v]) => (r === 4 ? null : `${r}@${v}`)),
  );
});

Deno.test("stitchRuns() without a name refuses several names, listing them, before reading", () => {
  const entries: StitchEntry[] = [
    { runId: 0, status: "ok", outputPaths: { report__B: "/nonexistent/b", report__A: "/x/a" } },
    { runId: 1, status: "ok", outputPaths: { ephemeris__E: "/nonexistent/e" } },
  ];
  const warnings: string[] = [];
  assert.throws(
    () => stitchRuns(entries, { kind: "report", onWarning: (m) => warnings.push(m) }),
    (e) =>
      e instanceof TableError && e.code === "TABLE_NAME_REQUIRED" &&
      e.message.includes("2 report outputs (A, B)") && e.message.includes("stitchAllRuns"),
  );
  assert.throws(
    () => stitchRuns(entries, { kind: "report", name: "C" }),
    (e) =>
      e instanceof TableError && e.code === "TABLE_UNKNOWN_NAME" &&
      e.message.includes("'C'") && e.message.includes("known report names: A, B"),
  );
  assert.throws(
    () => stitchRuns(entries, { kind: "ephemeris", name: "RF" }),
    (e) => e instanceof TableError && /known ephemeris names: E$/.test(e.message),
  );
  assert.deepEqual(warnings, []);
});

Deno.test("stitchRuns() with no output of the kind makes every run a marker row", () => {
  const entries: StitchEntry[] = [
    { runId: 1, status: "failed", outputPaths: {} },
    { runId: 0, status: "ok", outputPaths: { ephemeris__E: "/nonexistent/e" } },
  ];
  const { table, name, names } = stitchRuns(entries, { kind: "report" });
  assert.equal(name, undefined);
  assert.deepEqual(names, []);
  assert.deepEqual(table.schema.names, ["run_id", "time", "__status"]);
  assert.deepEqual(values(table, "run_id"), [0n, 1n]);
  assert.deepEqual(values(table, "time"), [null, null]);
  assert.deepEqual(values(table, "__status"), ["ok", "failed"]);
  // Only failed runs: an explicit name is not checked (upstream does the same).
  const failed = stitchRuns([{ runId: 0, status: "failed", outputPaths: {} }], {
    kind: "report",
    name: "RF",
  });
  assert.deepEqual(values(failed.table, "__status"), ["failed"]);
  // No runs at all: an empty table with the index and status columns.
  const empty = stitchRuns([], { kind: "report" });
  assert.equal(empty.table.numRows, 0);
  assert.deepEqual(types(empty.table), [
    "run_id: Int64",
    "time: Timestamp<NANOSECOND>",
    "__status: LargeUtf8",
  ]);
});

Deno.test("stitchAllRuns() stitches every name of the kind", async () => {
  await using dir = await tempDir();
  const a = await writeRunFile(dir.path, 0, "report__A", [
    { name: "time", ns: [t(0)] },
    { name: "p", float: [1] },
  ]);
  const b = await writeRunFile(dir.path, 1, "report__B", [
    { name: "time", ns: [t(0), t(1)] },
    { name: "q", float: [2, 3] },
  ]);
  const tables = stitchAllRuns([
    { runId: 0, status: "ok", outputPaths: { report__A: a } },
    { runId: 1, status: "ok", outputPaths: { report__B: b } },
    { runId: 2, status: "failed", outputPaths: {} },
  ], { kind: "report" });
  assert.deepEqual([...tables.keys()], ["A", "B"]);
  assert.deepEqual(values(tables.get("A")!, "p"), [1, null, null]);
  assert.deepEqual(values(tables.get("A")!, "__status"), ["ok", "ok", "failed"]);
  assert.deepEqual(values(tables.get("B")!, "q"), [null, 2, 3, null]);
  assert.equal(stitchAllRuns([], { kind: "ephemeris" }).size, 0);
});

Deno.test("stitchRuns() turns a missing, corrupt, timeless or empty file into a marker (output_missing / output_damaged) and a warning", async () => {
  await using dir = await tempDir();
  const key = "report__RF";
  const good = await writeRunFile(dir.path, 0, key, [
    { name: "time", ns: [t(0), t(1)] },
    { name: "x", float: [1, 2] },
  ]);
  const missing = join(dir.path, "run-1", `${key}.parquet`);
  const corrupt = join(dir.path, "corrupt.parquet");
  await Deno.writeTextFile(corrupt, "this is not parquet at all");
  const timeless = await writeRunFile(dir.path, 3, key, [{ name: "x", float: [5] }]);
  const empty = await writeRunFile(dir.path, 4, key, [
    { name: "time", ns: [] },
    { name: "x", float: [] },
  ]);
  // A file whose footer is fine but whose pages are damaged: found only when decoding.
  const damaged = await writeRunFile(dir.path, 5, key, [
    { name: "time", ns: [t(0), t(1), t(2)] },
    { name: "x", float: [7, 8, 9] },
  ], SNAPPY);
  const bytes = await Deno.readFile(damaged);
  bytes.fill(0xff, 4, 60);
  await Deno.writeFile(damaged, bytes);
  const paths = [good, missing, corrupt, timeless, empty, damaged];
  const entries = paths.map((p, runId): StitchEntry => ({
    runId,
    status: "ok",
    outputPaths: { [key]: p },
  }));
  const { table, warnings } = stitchRuns(entries, { kind: "report" });
  assert.deepEqual(values(table, "run_id"), [0n, 0n, 1n, 2n, 3n, 4n, 5n]);
  assert.deepEqual(values(table, "x"), [1, 2, null, null, null, null, null]);
  assert.deepEqual(values(table, "time"), [t(0), t(1), null, null, null, null, null]);
  // An ok status never stands for data that is not there; an empty report is a legitimate ok.
  assert.deepEqual(values(table, "__status"), [
    "ok",
    "ok",
    "output_missing",
    "output_damaged",
    "output_damaged",
    "ok",
    "output_damaged",
  ]);
  assert.equal(warnings.length, 4, warnings.join("\n"));
  assert.match(
    warnings[0],
    new RegExp(`^Run 1: report__RF file ${missing} is missing; .*\\(output_missing\\)$`),
  );
  assert.match(
    warnings[1],
    /^Run 2: cannot read .*corrupt\.parquet \(Cannot read the Parquet footer.*\(output_damaged\)$/,
  );
  assert.match(warnings[2], /^Run 3: .* has no 'time' column; the run is a marker row/);
  assert.match(warnings[3], /^Run 5: cannot use .*report__RF\.parquet .*\(output_damaged\)$/);
});

Deno.test("stitchRuns() checks files against the size and SHA-256 recorded for them", async () => {
  await using dir = await tempDir();
  const key = "report__RF";
  const columns = (x: number) => [
    { name: "time", ns: [t(0), t(1)] },
    { name: "x", float: [x, x + 1] },
  ];
  const paths = [];
  for (let runId = 0; runId < 4; runId++) {
    paths.push(await writeRunFile(dir.path, runId, key, columns(10 * runId)));
  }
  const digests = await Promise.all(paths.map((p) => digestFile(p)));
  // Run 1: one value byte changed in place (same size; the plain page still decodes).
  const bytes = await Deno.readFile(paths[1]);
  const at = findFloat(bytes, 10);
  bytes[at + 7] ^= 0x01;
  await Deno.writeFile(paths[1], bytes);
  // Run 2: truncated. Run 3: replaced by another run's (valid) file.
  await Deno.writeFile(paths[2], (await Deno.readFile(paths[2])).subarray(0, 40));
  await Deno.copyFile(paths[0], paths[3]);
  const entries = paths.map((p, runId): StitchEntry => ({
    runId,
    status: "ok",
    outputPaths: { [key]: p },
    outputDigests: { [p]: digests[runId] },
  }));
  const { table, warnings } = stitchRuns(entries, { kind: "report" });
  assert.deepEqual(values(table, "__status"), [
    "ok",
    "ok",
    "output_damaged",
    "output_damaged",
    "output_damaged",
  ]);
  assert.deepEqual(values(table, "x"), [0, 1, null, null, null]);
  assert.equal(warnings.length, 3, warnings.join("\n"));
  // The footer pass finds the truncated file; reading the files finds the changed contents.
  assert.match(warnings[0], /^Run 2: cannot read .* does not end with the Parquet magic/);
  assert.match(warnings[1], /^Run 1: cannot use .* SHA-256 .* the manifest recorded/);
  assert.match(warnings[2], /^Run 3: cannot use .* SHA-256/);
  // Without recorded digests the changed value goes through: that is what the record is for.
  const unchecked = stitchRuns(entries.map(({ outputDigests: _, ...e }) => e), { kind: "report" });
  assert.equal(values(unchecked.table, "__status").filter((s) => s === "ok").length, 6);
});

/** The offset of a float64 value in a file's bytes (little-endian). */
function findFloat(bytes: Uint8Array, value: number): number {
  const needle = new Uint8Array(new Float64Array([value]).buffer);
  for (let i = 0; i + 8 <= bytes.length; i++) {
    if (needle.every((b, k) => bytes[i + k] === b)) return i;
  }
  throw new Error(`${value} not found`);
}

Deno.test("stitchRuns() stitches ephemerides with their frame metadata", async () => {
  await using dir = await tempDir();
  const entries: StitchEntry[] = [];
  for (const runId of [0, 1]) {
    const outputPaths = await writeRunOutputs([{
      kind: "ephemeris",
      name: "EF",
      path: fixture("formats/Ex_LEOEphemeris.oem"),
      format: "CCSDS-OEM",
      rows: 361,
    }], join(dir.path, `run-${runId}`));
    entries.push({ runId, status: "ok", outputPaths });
  }
  const { table } = stitchRuns(entries, { kind: "ephemeris" });
  assert.equal(table.numRows, 722);
  assert.deepEqual(table.schema.names, [
    "run_id",
    "time",
    "Epoch",
    "X",
    "Y",
    "Z",
    "VX",
    "VY",
    "VZ",
    "__status",
  ]);
  assert.equal(table.schema.metadata.get("gmat.frame"), "EME2000");
  assert.deepEqual(
    JSON.parse(table.schema.metadata.get("pandas")!).attributes,
    { epoch_scales: { Epoch: "UTC" } },
  );
  assert.deepEqual(values(table, "time").slice(361), values(table, "Epoch").slice(0, 361));
});
