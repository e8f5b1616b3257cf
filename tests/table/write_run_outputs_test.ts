/**
 * writeRunOutputs(): GMAT outputs (real engine runs and GMAT's own reference files) converted to
 * per-run Parquet files, read back through the table layer's reader.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type * as arrow from "apache-arrow";
import type { EngineOutput } from "../../src/engine/mod.ts";
import { parseOem, parseReportFile, parseStk } from "../../src/formats/mod.ts";
import { readParquet, TableError, writeRunOutputs } from "../../src/table/mod.ts";
import { readParquetFooter } from "../../src/table/parquet_footer.ts";
import { gregorianToNs, isoToNs, modJulianToNs } from "../../src/table/epoch_ns.ts";
import { fixture, sweepLeo, tempDir, values } from "./_support.ts";

function meta(table: arrow.Table, column: string): Record<string, string> {
  return Object.fromEntries(table.schema.fields.find((f) => f.name === column)!.metadata);
}

Deno.test("writeRunOutputs() writes report__RF.parquet with GMAT's columns, typed, plus time", async () => {
  await using dir = await tempDir();
  const [entry] = await sweepLeo(dir.path, [7000]);
  const path = join(dir.path, "run-0", "report__RF.parquet");
  assert.deepEqual(entry.outputPaths, { report__RF: path });
  const table = await readParquet(path);
  assert.deepEqual(table.schema.fields.map((f) => `${f.name}: ${f.type}`), [
    "Sat.UTCGregorian: Timestamp<NANOSECOND>",
    "Sat.EarthMJ2000Eq.X: Float64",
    "Sat.EarthMJ2000Eq.Y: Float64",
    "Sat.EarthMJ2000Eq.Z: Float64",
    "Sat.Earth.SMA: Float64",
    "Sat.Earth.ECC: Float64",
    "time: Timestamp<NANOSECOND>",
  ]);
  const report = parseReportFile(
    await Deno.readTextFile(join(dir.path, "run-0", "sat.report")),
    "sat.report",
  );
  assert.deepEqual(
    values(table, "time"),
    report.rows.map((r) => gregorianToNs(String(r[0]))),
  );
  assert.deepEqual(values(table, "Sat.UTCGregorian"), values(table, "time"));
  assert.deepEqual(values(table, "Sat.EarthMJ2000Eq.X"), report.rows.map((r) => r[1]));
  assert.deepEqual(meta(table, "Sat.UTCGregorian"), {
    "gmat.epoch_scale": "UTC",
    "gmat.epoch_format": "Gregorian",
  });
  assert.deepEqual(meta(table, "time"), {
    "gmat.epoch_scale": "UTC",
    "gmat.time_source": "Sat.UTCGregorian",
  });
  assert.deepEqual(JSON.parse(table.schema.metadata.get("PANDAS_ATTRS")!), {
    epoch_scales: { "Sat.UTCGregorian": "UTC" },
  });

  // The per-run layout: one row group, uncompressed plain pages the stitcher copies directly.
  const footer = readParquetFooter(path);
  assert.equal(footer.numRows, 3);
  assert.equal(footer.numRowGroups, 1);
  assert.deepEqual(footer.plainChunks?.map((c) => `${c.name}:${c.physicalType}`), [
    "Sat.UTCGregorian:INT64",
    "Sat.EarthMJ2000Eq.X:DOUBLE",
    "Sat.EarthMJ2000Eq.Y:DOUBLE",
    "Sat.EarthMJ2000Eq.Z:DOUBLE",
    "Sat.Earth.SMA:DOUBLE",
    "Sat.Earth.ECC:DOUBLE",
    "time:INT64",
  ]);
});

Deno.test("writeRunOutputs() keeps ModJulian epochs as float64 and adds time from them", async () => {
  await using dir = await tempDir();
  const source = fixture("formats/Ex_FiniteBurnParameters.txt");
  const output: EngineOutput = {
    kind: "report",
    name: "RF",
    path: source,
    format: "ReportFile",
    rows: 121,
  };
  const paths = await writeRunOutputs([output], dir.path);
  const table = await readParquet(paths.report__RF);
  const report = parseReportFile(await Deno.readTextFile(source), source);
  assert.equal(table.numRows, report.rows.length);
  assert.equal(String(table.schema.fields[0].type), "Float64");
  assert.equal(table.schema.fields[0].name, "DefaultSC.A1ModJulian");
  const isp = table.schema.fields.find((f) => f.name === "DefaultSC.ChemicalThruster1.Isp")!;
  assert.equal(String(isp.type), "Int64");
  assert.equal(values(table, isp.name)[0], 300n);
  const last = table.schema.fields.at(-1)!;
  assert.equal(last.name, "time");
  assert.equal(String(last.type), "Timestamp<NANOSECOND>");
  assert.deepEqual(
    values(table, "time"),
    report.rows.map((r) => modJulianToNs(r[0] as number)),
  );
  // 21545.00000039794 A1 days = 2000-01-01T12:00:00.034382 (to GMAT's ~1 us resolution).
  const t0 = values(table, "time")[0] as bigint;
  const noon = BigInt(Date.UTC(2000, 0, 1, 12)) * 1_000_000n;
  assert.ok(t0 - noon > 34_381_000n && t0 - noon < 34_383_000n, String(t0 - noon));
  assert.deepEqual(meta(table, "DefaultSC.A1ModJulian"), {
    "gmat.epoch_scale": "A1",
    "gmat.epoch_format": "ModJulian",
  });
  assert.equal(meta(table, "time")["gmat.epoch_scale"], "A1");
});

Deno.test("writeRunOutputs() types string columns utf8 and keeps an existing time column", async () => {
  await using dir = await tempDir();
  const source = join(dir.path, "mixed.txt");
  await Deno.writeTextFile(
    source,
    [
      "Sat.TAIGregorian           Sat.UTCGregorian           Sat.Name    time    Sat.N",
      "01 Jan 2026 00:00:37.000   01 Jan 2026 00:00:00.000   alpha       7.5     1",
      "01 Jan 2026 00:01:37.000   01 Jan 2026 00:01:00.000   beta        8.5     2",
    ].join("\n"),
  );
  const paths = await writeRunOutputs(
    [{ kind: "report", name: "Mixed", path: source, format: "ReportFile", rows: 2 }],
    join(dir.path, "run-3"),
  );
  assert.deepEqual(Object.keys(paths), ["report__Mixed"]);
  const table = await readParquet(paths.report__Mixed);
  assert.deepEqual(table.schema.fields.map((f) => `${f.name}: ${f.type}`), [
    "Sat.TAIGregorian: Timestamp<NANOSECOND>",
    "Sat.UTCGregorian: Timestamp<NANOSECOND>",
    "Sat.Name: Utf8",
    "time: Float64",
    "Sat.N: Int64",
  ]);
  assert.deepEqual(values(table, "Sat.Name"), ["alpha", "beta"]);
  assert.deepEqual(values(table, "time"), [7.5, 8.5]);
  assert.equal(readParquetFooter(paths.report__Mixed).plainChunks, undefined);
});

Deno.test("writeRunOutputs() takes time from the first epoch column", async () => {
  await using dir = await tempDir();
  const source = join(dir.path, "two.txt");
  await Deno.writeTextFile(
    source,
    "Sat.X     Sat.TAIGregorian           Sat.UTCGregorian\n" +
      "1         01 Jan 2026 00:00:37.000   01 Jan 2026 00:00:00.000\n",
  );
  const paths = await writeRunOutputs(
    [{ kind: "report", name: "Two", path: source, format: "ReportFile", rows: 1 }],
    dir.path,
  );
  const table = await readParquet(paths.report__Two);
  assert.deepEqual(values(table, "time"), [gregorianToNs("01 Jan 2026 00:00:37.000")]);
  assert.equal(meta(table, "time")["gmat.epoch_scale"], "TAI");
  assert.equal(meta(table, "time")["gmat.time_source"], "Sat.TAIGregorian");
});

Deno.test("writeRunOutputs() converts CCSDS-OEM and STK ephemerides to Epoch, X..VZ and time", async () => {
  await using dir = await tempDir();
  const oemPath = fixture("formats/Ex_LEOEphemeris.oem");
  const stkPath = fixture("formats/Ex_STKEphemeris.e");
  const paths = await writeRunOutputs([
    { kind: "ephemeris", name: "OEM", path: oemPath, format: "CCSDS-OEM", rows: 361 },
    { kind: "ephemeris", name: "STK", path: stkPath, format: "STK-TimePosVel", rows: 361 },
  ], dir.path);
  assert.deepEqual(Object.keys(paths), ["ephemeris__OEM", "ephemeris__STK"]);
  const oem = parseOem(await Deno.readTextFile(oemPath), oemPath);
  const stk = parseStk(await Deno.readTextFile(stkPath), stkPath);

  const a = await readParquet(paths.ephemeris__OEM);
  assert.deepEqual(a.schema.names, ["Epoch", "X", "Y", "Z", "VX", "VY", "VZ", "time"]);
  const rows = oem.segments.flatMap((s) => s.rows);
  assert.deepEqual(values(a, "Epoch"), rows.map((r) => isoToNs(r.epoch)));
  assert.deepEqual(values(a, "time"), values(a, "Epoch"));
  assert.deepEqual(values(a, "VZ"), rows.map((r) => r.state[5]));
  assert.equal(a.schema.metadata.get("gmat.frame"), "EME2000");
  assert.equal(a.schema.metadata.get("gmat.central_body"), "Earth");
  assert.equal(meta(a, "Epoch")["gmat.epoch_scale"], "UTC");
  assert.equal(meta(a, "X")["gmat.unit"], "km");
  assert.equal(meta(a, "VX")["gmat.unit"], "km/s");

  const b = await readParquet(paths.ephemeris__STK);
  assert.deepEqual(b.schema.names, a.schema.names);
  const base = gregorianToNs(stk.scenarioEpoch)!;
  assert.equal(values(b, "Epoch")[0], base);
  assert.equal(values(b, "Epoch")[1], base + 60_000_000_196n); // offset 6.000000019557774e+01 s
  assert.deepEqual(values(b, "X"), stk.rows.map((r) => r.state[0]));
  assert.equal(b.schema.metadata.get("gmat.frame"), "J2000");
  assert.equal(JSON.parse(b.schema.metadata.get("gmat.output")!).format, "STK-TimePosVel");
});

Deno.test("writeRunOutputs() refuses two outputs with one key before writing anything", async () => {
  await using dir = await tempDir();
  const source = fixture("formats/Ex_FiniteBurnParameters.txt");
  const output: EngineOutput = {
    kind: "report",
    name: "RF",
    path: source,
    format: "ReportFile",
    rows: 0,
  };
  assert.throws(
    () => writeRunOutputs([output, output], join(dir.path, "run-0")),
    (e: unknown) =>
      e instanceof TableError && e.code === "TABLE_DUPLICATE_OUTPUT" &&
      /report__RF/.test(e.message),
  );
  await assert.rejects(() => Deno.stat(join(dir.path, "run-0")), Deno.errors.NotFound);
});

Deno.test("writeRunOutputs() names the file, row and column of an unreadable epoch", async () => {
  await using dir = await tempDir();
  const source = join(dir.path, "bad.txt");
  await Deno.writeTextFile(
    source,
    "Sat.UTCGregorian           Sat.X\n01 Jan 2026 00:00:00.000   1\n31 Feb 2026 00:00:00.000   2\n",
  );
  assert.throws(
    () =>
      writeRunOutputs(
        [{ kind: "report", name: "RF", path: source, format: "ReportFile", rows: 2 }],
        dir.path,
      ),
    (e: unknown) =>
      e instanceof TableError && e.code === "TABLE_EPOCH" &&
      e.message.includes(`${source}: data row 2, column Sat.UTCGregorian`),
  );
});
