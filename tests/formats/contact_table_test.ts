/**
 * contactTable(), writeRunOutputs() and stitchRuns() for ContactLocator reports: the per-run
 * `contact__<name>.parquet` files of the six reference reports (read back unchanged), and sweeps
 * of them stitched by (run_id, interval_id) with marker rows.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type * as arrow from "apache-arrow";
import type { EngineOutput } from "../../src/engine/mod.ts";
import { contactEpochNs, parseContactReport } from "../../src/formats/mod.ts";
import {
  contactTable,
  INTERVAL_ID_COLUMN,
  type PandasMetadata,
  readParquet,
  stitchAllRuns,
  type StitchEntry,
  stitchRuns,
  stitchToParquet,
  TableError,
  writeRunOutputs,
} from "../../src/table/mod.ts";
import { readParquetFooter } from "../../src/table/parquet_footer.ts";
import { tempDir, values } from "../table/_support.ts";
import { fixturePath, readFixture } from "./_fixtures.ts";

const NAMES = ["Legacy", "ContactRange", "MaxElev", "MaxElevRange", "AzElRange", "AzElRangeRR"];
const file = (name: string) => `contact/Ex_ContactLocatorAllFormats__${name}.txt`;

function types(table: arrow.Table): string[] {
  return table.schema.fields.map((f) => `${f.name}: ${f.type}`);
}

function fieldMeta(table: arrow.Table, name: string): Record<string, string> {
  return Object.fromEntries(table.schema.fields.find((f) => f.name === name)!.metadata);
}

function output(name: string, path = fixturePath(file(name))): EngineOutput {
  return { kind: "contact", name: `${name}CL`, path, format: "ContactLocator", rows: 0 };
}

const TYPES: Record<string, string> = {
  Observer: "Utf8",
  Pass: "Int64",
  Start: "Timestamp<NANOSECOND>",
  Stop: "Timestamp<NANOSECOND>",
  Time: "Timestamp<NANOSECOND>",
  MaxElevationTime: "Timestamp<NANOSECOND>",
};

Deno.test("contactTable() types each report's canonical columns and appends interval_id", () => {
  for (const name of NAMES) {
    const report = parseContactReport(readFixture(file(name)), file(name));
    const table = contactTable(report, `/runs/0/${name}.txt`, `${name}CL`);
    assert.deepEqual(types(table), [
      ...report.columns.map((c) => `${c}: ${TYPES[c] ?? "Float64"}`),
      "interval_id: Int64",
    ]);
    assert.equal(table.numRows, report.rows.length);
    assert.deepEqual(
      values(table, INTERVAL_ID_COLUMN),
      report.rows.map((_, i) => BigInt(i)),
    );
    assert.deepEqual(values(table, "Observer"), report.rows.map((r) => r.Observer));
    for (const [column, format] of Object.entries(report.timeFormats)) {
      assert.deepEqual(fieldMeta(table, column), {
        "gmat.epoch_scale": "UTC",
        "gmat.epoch_format": format,
      });
      assert.deepEqual(
        values(table, column),
        report.rows.map((r) => contactEpochNs(r[column as "Start"]!, format)),
      );
    }
    const attrs = JSON.parse(table.schema.metadata.get("PANDAS_ATTRS")!);
    assert.deepEqual(attrs, {
      target: "Sat",
      report_format: report.format,
      time_scale: "UTC",
      epoch_scales: Object.fromEntries(Object.keys(report.timeFormats).map((c) => [c, "UTC"])),
      event_counts: report.eventCounts,
    });
    assert.deepEqual(JSON.parse(table.schema.metadata.get("gmat.output")!), {
      kind: "contact",
      name: `${name}CL`,
      format: "ContactLocator",
      report_format: report.format,
      target: "Sat",
      file: `${name}.txt`,
    });
  }
});

Deno.test("contactTable() keeps durations in seconds and values with their units", () => {
  const report = parseContactReport(readFixture(file("MaxElevRange")), "MaxElevRange.txt");
  const table = contactTable(report, "MaxElevRange.txt", "CL");
  assert.deepEqual(values(table, "Duration").slice(0, 2), [3053.222079, 8934.058755]);
  assert.deepEqual(values(table, "MaxElevation")[1], 38.838428);
  assert.deepEqual(values(table, "StopRange")[9], 13721.856707);
  // 09 Jan 2010 21:50:51.735 UTC, exact to the millisecond.
  assert.equal(
    values(table, "MaxElevationTime")[1],
    BigInt(Date.UTC(2010, 0, 9, 21, 50, 51, 735)) * 1_000_000n,
  );
  assert.deepEqual(fieldMeta(table, "Duration"), { "gmat.unit": "s" });
  assert.deepEqual(fieldMeta(table, "StartRange"), { "gmat.unit": "km" });
  assert.deepEqual(fieldMeta(table, "MaxElevation"), { "gmat.unit": "deg" });
  const rr = parseContactReport(readFixture(file("AzElRangeRR")), "RR.txt");
  assert.deepEqual(fieldMeta(contactTable(rr, "RR.txt", "CL"), "RangeRate"), {
    "gmat.unit": "km/s",
  });
  // A report without contacts: no rows, only interval_id.
  const empty = parseContactReport("Target: Sat\n\nNo contacts detected\n", "E.txt");
  assert.deepEqual(types(contactTable(empty, "E.txt", "CL")), ["interval_id: Int64"]);
});

Deno.test("contactTable() names the line of an epoch it cannot convert", () => {
  const report = parseContactReport(readFixture(file("Legacy")), "CL.txt");
  report.rows[1] = { ...report.rows[1], Stop: "10 Jan 2010 07:00:61.587" };
  assert.throws(
    () => contactTable(report, "runs/0/CL.txt", "CL"),
    (e: unknown) =>
      e instanceof TableError && e.code === "TABLE_EPOCH" &&
      e.message === "runs/0/CL.txt: line 6, column Stop: cannot read '10 Jan 2010 07:00:61.587' " +
          "as a UTCGregorian epoch",
  );
});

Deno.test("writeRunOutputs() writes contact__<name>.parquet for each report, read back unchanged", async () => {
  await using dir = await tempDir();
  const outputs = NAMES.map((name) => output(name));
  const paths = writeRunOutputs(outputs, join(dir.path, "run-0"));
  assert.deepEqual(Object.keys(paths), NAMES.map((n) => `contact__${n}CL`));
  for (const [i, name] of NAMES.entries()) {
    const path = paths[`contact__${name}CL`];
    assert.equal(path, join(dir.path, "run-0", `contact__${name}CL.parquet`));
    const back = await readParquet(path);
    const source = outputs[i].path;
    const expected = contactTable(
      parseContactReport(readFixture(file(name)), source),
      source,
      name,
    );
    assert.deepEqual(types(back), types(expected));
    assert.equal(back.numRows, expected.numRows);
    for (const field of expected.schema.fields) {
      assert.deepEqual(values(back, field.name), values(expected, field.name), field.name);
      assert.deepEqual(fieldMeta(back, field.name), fieldMeta(expected, field.name));
    }
    for (const key of ["PANDAS_ATTRS"]) {
      assert.equal(back.schema.metadata.get(key), expected.schema.metadata.get(key));
    }
    assert.equal(
      JSON.parse(back.schema.metadata.get("gmat.output")!).report_format,
      [
        "Legacy",
        "ContactRangeReport",
        "SiteViewMaxElevationReport",
        "SiteViewMaxElevationRangeReport",
        "AzimuthElevationRangeReport",
        "AzimuthElevationRangeRangeRateReport",
      ][i],
    );
  }
});

Deno.test("writeRunOutputs() refuses a malformed contact report with its path and line", async () => {
  await using dir = await tempDir();
  const source = join(dir.path, "CL.txt");
  await Deno.writeTextFile(
    source,
    readFixture(file("ContactRange")).replace("14857.240352", "14857.240352     1.0"),
  );
  assert.throws(
    () => writeRunOutputs([output("Broken", source)], join(dir.path, "run-0")),
    (e: unknown) => e instanceof Error && e.message.startsWith(`${source}:5: expected 6 columns`),
  );
});

/** Runs 0, 1 and 3, each converting its own copy of one reference report (as `CL`). */
async function contactSweep(dir: string, name: string): Promise<StitchEntry[]> {
  const entries: StitchEntry[] = [];
  for (const runId of [0, 1, 3]) {
    const runDir = join(dir, `run-${runId}`);
    await Deno.mkdir(runDir, { recursive: true });
    const copy = join(runDir, "CL_out.txt");
    await Deno.copyFile(fixturePath(file(name)), copy);
    entries.push({
      runId,
      status: "ok",
      outputPaths: writeRunOutputs([{ ...output(name, copy), name: "CL" }], runDir),
    });
  }
  return entries;
}

Deno.test("stitchRuns() stitches contacts by (run_id, interval_id) with one marker row per failed run", async () => {
  await using dir = await tempDir();
  const [run0, run1, run3] = await contactSweep(dir.path, "MaxElevRange");
  // Completion order, with a failed run between them.
  const failed: StitchEntry = { runId: 2, status: "failed", outputPaths: {} };
  const entries = [run3, failed, run0, run1];
  const { table, name, names, warnings } = stitchRuns(entries, { kind: "contact" });
  assert.equal(name, "CL");
  assert.deepEqual(names, ["CL"]);
  assert.deepEqual(warnings, []);
  assert.deepEqual(types(table), [
    "run_id: Int64",
    "interval_id: Int64",
    "Observer: Utf8",
    "Start: Timestamp<NANOSECOND>",
    "Stop: Timestamp<NANOSECOND>",
    "Duration: Float64",
    "MaxElevation: Float64",
    "MaxElevationTime: Timestamp<NANOSECOND>",
    "StartRange: Float64",
    "StopRange: Float64",
    "__status: LargeUtf8",
  ]);
  assert.equal(table.numRows, 31);
  const ten = Array.from({ length: 10 }, (_, i) => BigInt(i));
  assert.deepEqual(values(table, "run_id"), [
    ...ten.map(() => 0n),
    ...ten.map(() => 1n),
    2n,
    ...ten.map(() => 3n),
  ]);
  assert.deepEqual(values(table, "interval_id"), [...ten, ...ten, null, ...ten]);
  assert.deepEqual(values(table, "__status"), [
    ...Array(20).fill("ok"),
    "failed",
    ...Array(10).fill("ok"),
  ]);
  const report = parseContactReport(readFixture(file("MaxElevRange")), "x");
  const observers = report.rows.map((r) => r.Observer);
  assert.deepEqual(values(table, "Observer"), [...observers, ...observers, null, ...observers]);
  assert.equal(values(table, "Start")[20], null);
  assert.equal(values(table, "Duration")[20], null);
  assert.equal(values(table, "Duration")[21], 3053.222079);
  assert.equal(
    values(table, "Start")[11],
    BigInt(Date.UTC(2010, 0, 9, 20, 36, 24, 626)) * 1_000_000n,
  );
  const pandas: PandasMetadata = JSON.parse(table.schema.metadata.get("pandas")!);
  assert.deepEqual(pandas.index_columns, ["run_id", "interval_id"]);
  assert.deepEqual(pandas.columns.map((c) => c.name), table.schema.names);
  assert.deepEqual(pandas.attributes, {
    epoch_scales: { Start: "UTC", Stop: "UTC", MaxElevationTime: "UTC" },
  });
  assert.deepEqual(JSON.parse(table.schema.metadata.get("gmat.stitch")!), {
    kind: "contact",
    name: "CL",
  });
});

Deno.test("stitchToParquet() writes a stitched AzEl contact table that reads back unchanged", async () => {
  await using dir = await tempDir();
  const entries = [
    ...await contactSweep(dir.path, "AzElRangeRR"),
    { runId: 4, status: "skipped" as const, outputPaths: {} },
    { runId: 5, status: "ok" as const, outputPaths: {} }, // ok, but without the output
  ];
  const path = join(dir.path, "contact__CL.parquet");
  const { table } = await stitchToParquet(entries, path, { kind: "contact", name: "CL" });
  assert.equal(table.numRows, 3 * 176 + 2);
  const back = await readParquet(path);
  assert.deepEqual(types(back), types(table));
  for (const { name } of table.schema.fields) {
    assert.deepEqual(values(back, name), values(table, name), name);
  }
  assert.deepEqual(values(back, "__status").slice(-3), ["ok", "skipped", "ok"]);
  assert.deepEqual(values(back, "interval_id").slice(-3), [175n, null, null]);
  assert.deepEqual(values(back, "Pass").slice(0, 3), [1n, 1n, 1n]);
  const footer = readParquetFooter(path);
  const pandas: PandasMetadata = JSON.parse(footer.keyValue.get("pandas")!);
  assert.deepEqual(pandas.index_columns, ["run_id", "interval_id"]);
  assert.equal(pandas.columns.find((c) => c.name === "interval_id")!.pandas_type, "int64");
  assert.deepEqual(pandas.attributes, { epoch_scales: { Time: "UTC" } });
});

Deno.test("stitchRuns() unites contact columns across formats and asks for a name among several", async () => {
  await using dir = await tempDir();
  const entries: StitchEntry[] = [];
  for (const [runId, name] of ["Legacy", "ContactRange"].entries()) {
    const runDir = join(dir.path, `run-${runId}`);
    const outputs = [
      { ...output(name), name: "A" },
      { ...output("AzElRange"), name: "B" },
    ];
    entries.push({ runId, status: "ok", outputPaths: writeRunOutputs(outputs, runDir) });
  }
  assert.throws(
    () => stitchRuns(entries, { kind: "contact" }),
    (e: unknown) => e instanceof TableError && e.code === "TABLE_NAME_REQUIRED",
  );
  const { table } = stitchRuns(entries, { kind: "contact", name: "A" });
  assert.deepEqual(table.schema.names, [
    "run_id",
    "interval_id",
    "Observer",
    "Start",
    "Stop",
    "Duration",
    "StartRange",
    "StopRange",
    "__status",
  ]);
  assert.equal(table.numRows, 20);
  assert.deepEqual(values(table, "StartRange").slice(9, 11), [null, 13571.316577]);
  const all = stitchAllRuns(entries, { kind: "contact" });
  assert.deepEqual([...all.keys()], ["A", "B"]);
  assert.equal(all.get("B")!.numRows, 2 * 346);
  // Reports are still stitched by time, and a contact file is not a report.
  assert.deepEqual(stitchRuns(entries, { kind: "report" }).names, []);
});
