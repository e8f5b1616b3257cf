import assert from "node:assert/strict";
import {
  detectLineEnding,
  OutputParseError,
  parseReportFile,
  renderReportFile,
  ReportFileWriter,
} from "../../src/formats/mod.ts";
import { closeTo, columnScales, readFixture, readGoldenCsv } from "./_fixtures.ts";

const REFERENCE_REPORTS = [
  { file: "Ex_TLE_Propagation.txt", rows: 289, cols: 7, golden: "Ex_TLE_Propagation__RF.csv" },
  { file: "Ex_FiniteBurnParameters.txt", rows: 121, cols: 11, golden: undefined },
  {
    file: "Ex_AnalyticMassProperties.txt",
    rows: 215,
    cols: 10,
    golden: "Ex_AnalyticMassProperties__RF.csv",
  },
];

for (const ref of REFERENCE_REPORTS) {
  Deno.test(`parseReportFile() reads ${ref.file} with ${ref.rows} rows x ${ref.cols} columns`, () => {
    const table = parseReportFile(readFixture(ref.file), ref.file);
    assert.equal(table.rows.length, ref.rows);
    assert.equal(table.columns.length, ref.cols);
    assert.equal(table.lineEnding, "\r\n");
    for (const row of table.rows) assert.equal(row.length, ref.cols);
  });

  Deno.test(`ReportFileWriter re-renders ${ref.file} byte-identically`, () => {
    const text = readFixture(ref.file);
    const table = parseReportFile(text, ref.file);
    const lineEnding = detectLineEnding(text);
    const rendered = renderReportFile(table.columns, table.rows, { lineEnding });
    if (rendered !== text) {
      const a = rendered.split("\r\n");
      const b = text.split("\r\n");
      const i = a.findIndex((line, k) => line !== b[k]);
      assert.equal(a[i], b[i], `first difference on line ${i + 1}`);
    }
    assert.equal(rendered, text);
  });

  if (ref.golden) {
    const golden = ref.golden;
    // The golden CSV comes from a separate GMAT run written at %.15g (see PROVENANCE), so a
    // component near zero may differ in its last digits: compare relative to the column scale.
    Deno.test(`parseReportFile() values of ${ref.file} match ${golden} (rtol 1e-14)`, () => {
      const table = parseReportFile(readFixture(ref.file), ref.file);
      const { header, rows } = readGoldenCsv(golden);
      const scales = columnScales(rows);
      assert.deepEqual(table.columns, header);
      assert.equal(table.rows.length, rows.length);
      for (let r = 0; r < rows.length; r++) {
        for (let c = 0; c < header.length; c++) {
          const mine = table.rows[r][c];
          const theirs = rows[r][c];
          if (typeof mine === "string") {
            assert.equal(mine, theirs, `row ${r + 1} ${header[c]}`);
          } else {
            assert.ok(
              closeTo(mine, Number(theirs), 1e-14, scales[c]),
              `row ${r + 1} ${header[c]}: ${mine} vs ${theirs}`,
            );
          }
        }
      }
    });
  }
}

Deno.test("parseReportFile() types columns and recognises epoch columns", () => {
  const burn = parseReportFile(readFixture("Ex_FiniteBurnParameters.txt"), "burn.txt");
  assert.deepEqual(burn.columnTypes, [
    "float",
    "float",
    "int",
    "int",
    "float",
    "float",
    "float",
    "float",
    "float",
    "float",
    "float",
  ]);
  assert.equal(burn.rows[0][0], 21545.00000039794);
  assert.equal(burn.rows[0][2], 300);
  assert.deepEqual(burn.epochScales, { "DefaultSC.A1ModJulian": "A1" });
  assert.deepEqual(burn.epochFormats, { "DefaultSC.A1ModJulian": "ModJulian" });

  const tle = parseReportFile(readFixture("Ex_TLE_Propagation.txt"), "tle.txt");
  assert.equal(tle.columnTypes[0], "string");
  assert.equal(tle.rows[0][0], "04 May 2002 11:45:15.695");
  assert.equal(tle.rows[288][0], "05 May 2002 11:45:15.695");
  assert.deepEqual(tle.epochScales, { "ExampleSat.UTCGregorian": "UTC" });

  const names = ["S.A1Gregorian", "S.TAIModJulian", "S.TTGregorian", "S.TDBModJulian", "S.X"];
  const text = renderReportFile(names, [["01 Jan 2000 11:59:28.000", 21545, "x", 1, 2]]);
  const table = parseReportFile(text, "t.txt");
  assert.deepEqual(table.epochScales, {
    "S.A1Gregorian": "A1",
    "S.TAIModJulian": "TAI",
    "S.TTGregorian": "TT",
    "S.TDBModJulian": "TDB",
  });
  // Not one of the ten names: not an epoch column.
  const odd = parseReportFile("S.GPSModJulian  S.UTCGregorianX\n1  2\n", "o.txt");
  assert.deepEqual(odd.epochScales, {});
});

Deno.test("parseReportFile() skips blank lines and repeated headers, strips a BOM", () => {
  const writer = new ReportFileWriter(["Sat.UTCGregorian", "Sat.X"]);
  const text = "\uFEFF\n" + writer.header() + "\n" + writer.header() +
    writer.row(["01 Jan 2026 12:00:00.000", 7000]) + "   \n" + writer.header() +
    writer.row(["01 Jan 2026 12:01:00.000", -1.5e-7]);
  const table = parseReportFile(text, "rep.txt");
  assert.deepEqual(table.columns, ["Sat.UTCGregorian", "Sat.X"]);
  assert.deepEqual(table.rows, [
    ["01 Jan 2026 12:00:00.000", 7000],
    ["01 Jan 2026 12:01:00.000", -1.5e-7],
  ]);
  assert.deepEqual(table.columnTypes, ["string", "float"]);
  assert.equal(table.lineEnding, "\n");
});

Deno.test("parseReportFile() rejects a row with the wrong token count, naming path and line", () => {
  const text = "A                          B\n1                          2\n3  4  5\n";
  assert.throws(
    () => parseReportFile(text, "runs/0/RF.txt"),
    (error: unknown) => {
      assert.ok(error instanceof OutputParseError);
      assert.equal(error.code, "OUTPUT_PARSE");
      assert.equal(error.line, 3);
      assert.equal(error.message, "runs/0/RF.txt:3: expected 2 columns, got 3");
      return true;
    },
  );
  // A truncated last line (GMAT stopped mid-write) is an error too, not a row with empty cells.
  const writer = new ReportFileWriter(["S.UTCGregorian", "S.X", "S.Y"]);
  const truncated = writer.header() + writer.row(["01 Jan 2026 12:00:00.000", 1, 2]) +
    "01 Jan 2026 12:01:00.000   1\n";
  assert.throws(() => parseReportFile(truncated, "t.txt"), /t\.txt:3: expected 3 columns, got 2/);
  assert.throws(() => parseReportFile("\n \r\n", "empty.txt"), OutputParseError);
});

Deno.test("parseReportFile() recovers empty string cells of a fixed-width row", () => {
  for (const leftJustify of [true, false]) {
    const writer = new ReportFileWriter(["S.Name", "S.X", "S.Tag"], { leftJustify });
    const text = writer.header() + writer.row(["", 1, "a"]) + writer.row(["b", 2, ""]) +
      writer.row(["c", 3, "d"]);
    const table = parseReportFile(text, "s.txt");
    assert.deepEqual(table.rows, [["", 1, "a"], ["b", 2, ""], ["c", 3, "d"]]);
  }
});

Deno.test("ReportFileWriter follows GMAT's layout rules", () => {
  const writer = new ReportFileWriter([
    "Sat.UTCGregorian",
    "Sat.X",
    "Sat1.SystemMomentOfInertiaXX",
  ]);
  assert.deepEqual(writer.cellWidths, [27, 26, 31]);
  const header = writer.header();
  assert.equal(header.length, 27 + 26 + 31 + 1);
  assert.ok(header.startsWith("Sat.UTCGregorian           Sat.X                     Sat1."));
  const row = writer.row(["04 May 2002 11:45:15.695", -6775.105759552147, 4.195051398634114e-6]);
  assert.equal(
    row,
    "04 May 2002 11:45:15.695   -6775.105759552147        4.195051398634114e-06          \n",
  );
  assert.equal(
    writer.row(["x", NaN, -9876543210.1234]).slice(27).trimEnd(),
    "NaN                       NaN",
  );
  assert.equal(writer.formatCell(300), "300");
  assert.throws(() => writer.row([1, 2]), RangeError);
  // A value wider than its column is written whole.
  const narrow = new ReportFileWriter(["A"], { columnWidth: 2, precision: 16 });
  assert.equal(narrow.row([1.25]), "1.25 \n");
  assert.equal(narrow.row([-1.2345678]), "-1.2345678\n");
});

Deno.test("ReportFileWriter right-justifies with LeftJustify = Off", () => {
  const writer = new ReportFileWriter(["Sat.UTCGregorian", "Sat.X"], { leftJustify: false });
  assert.equal(writer.header(), " ".repeat(11) + "Sat.UTCGregorian" + " ".repeat(21) + "Sat.X\n");
  assert.equal(
    writer.row(["01 Jan 2026 12:00:00.000", 7000]),
    "   01 Jan 2026 12:00:00.000" + " ".repeat(22) + "7000\n",
  );
  const table = parseReportFile(
    writer.header() + writer.row(["01 Jan 2026 12:00:00.000", 7000]),
    "r.txt",
  );
  assert.deepEqual(table.rows, [["01 Jan 2026 12:00:00.000", 7000]]);
});

Deno.test("ReportFileWriter keeps trailing zeros with ZeroFill = On", () => {
  const writer = new ReportFileWriter(["Sat.X", "Sat.ECC"], { zeroFill: true });
  const row = writer.row([7000, 0.001]);
  assert.equal(
    row,
    "7000.000000000000" + " ".repeat(9) + "0.001000000000000000" + " ".repeat(6) + "\n",
  );
  const table = parseReportFile(writer.header() + row, "z.txt");
  assert.deepEqual(table.rows, [[7000, 0.001]]);
  assert.equal(
    new ReportFileWriter(["A"], { zeroFill: true, precision: 3 }).formatCell(1e-7),
    "1.00e-07",
  );
});

Deno.test("ReportFileWriter joins cells with the delimiter when FixedWidth = false", () => {
  const names = ["Sat.UTCGregorian", "Sat.X", "Sat.Y"];
  const options = { fixedWidth: false, delimiter: ";;" };
  const text = renderReportFile(names, [["01 Jan 2026 12:00:00.000", 1.5, -2]], options);
  assert.equal(text, "Sat.UTCGregorian;Sat.X;Sat.Y\n01 Jan 2026 12:00:00.000;1.5;-2\n");
  const table = parseReportFile(text, "d.txt", { delimiter: ";" });
  assert.deepEqual(table.rows, [["01 Jan 2026 12:00:00.000", 1.5, -2]]);
  assert.throws(
    () => parseReportFile("A;B\n1;2;3\n", "d.txt", { delimiter: ";" }),
    /d\.txt:2: expected 2 columns, got 3$/,
  );
  // A space delimiter without fixed width: one space between cells, no padding.
  assert.equal(renderReportFile(["A", "B"], [[1, 2]], { fixedWidth: false }), "A B\n1 2\n");
});

Deno.test("ReportFileWriter pads with the delimiter, and writes no header with WriteHeaders = false", () => {
  const padded = new ReportFileWriter(["A", "B"], { delimiter: ",", columnWidth: 3 });
  assert.equal(padded.header(), "A,,,,,B,,,,,\n");
  assert.equal(padded.row([1, 2]), "1,,,,,2,,,,,\n");
  const bare = new ReportFileWriter(["Sat.UTCGregorian", "B"], {
    writeHeaders: false,
    columnWidth: 5,
  });
  assert.equal(bare.header(), "");
  assert.deepEqual(bare.cellWidths, [5, 5]);
  assert.equal(bare.row(["x", 2]), "x    2    \n");
  assert.equal(
    new ReportFileWriter(["A"], { lineEnding: "\r\n" }).row([1]),
    "1" + " ".repeat(25) + "\r\n",
  );
});

Deno.test("ReportFileWriter output parses back to the same numbers", () => {
  let seed = 7;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const names = ["Sat.UTCGregorian", "Sat.X", "Sat.Y", "Sat.Count"];
  const rows = Array.from({ length: 500 }, (_, i) => [
    "01 Jan 2026 12:00:00.000",
    (rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20),
    -rand() * 1e5,
    i,
  ]);
  for (const zeroFill of [false, true]) {
    const table = parseReportFile(renderReportFile(names, rows, { zeroFill }), "p.txt");
    assert.deepEqual(table.columnTypes, ["string", "float", "float", zeroFill ? "float" : "int"]);
    for (let r = 0; r < rows.length; r++) {
      for (let c = 1; c < 4; c++) {
        // 16 significant digits: equal to within one unit in the 16th digit.
        assert.ok(closeTo(table.rows[r][c] as number, rows[r][c] as number, 1e-15));
      }
    }
  }
});
