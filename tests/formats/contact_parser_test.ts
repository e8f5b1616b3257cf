/**
 * parseContactReport() and contactEpochNs() on the six GMAT R2026a reference reports (against
 * gmat-run's goldens), on the no-contact variants GMAT writes, and on malformed text.
 */
import assert from "node:assert/strict";
import {
  type ContactColumn,
  contactEpochNs,
  type ContactReport,
  type ContactReportFormat,
  type ContactTimeColumn,
  OutputParseError,
  parseContactReport,
} from "../../src/formats/mod.ts";
import { closeTo, readFixture, readGoldenCsv } from "./_fixtures.ts";

/** The six reference reports: fixture base name, what it must parse to. */
const REFERENCES: {
  name: string;
  format: ContactReportFormat;
  columns: ContactColumn[];
  rows: number;
  eventCounts: Record<string, number>;
}[] = [
  {
    name: "Legacy",
    format: "Legacy",
    columns: ["Observer", "Start", "Stop", "Duration"],
    rows: 10,
    eventCounts: { AthGS: 3, HreGS: 4, GSFC: 3 },
  },
  {
    name: "ContactRange",
    format: "ContactRangeReport",
    columns: ["Observer", "Duration", "Start", "Stop", "StartRange", "StopRange"],
    rows: 10,
    eventCounts: { HreGS: 4, AthGS: 3, GSFC: 3 },
  },
  {
    name: "MaxElev",
    format: "SiteViewMaxElevationReport",
    columns: ["Observer", "Start", "Stop", "Duration", "MaxElevation", "MaxElevationTime"],
    rows: 10,
    eventCounts: { HreGS: 4, AthGS: 3, GSFC: 3 },
  },
  {
    name: "MaxElevRange",
    format: "SiteViewMaxElevationRangeReport",
    columns: [
      "Observer",
      "Start",
      "Stop",
      "Duration",
      "MaxElevation",
      "MaxElevationTime",
      "StartRange",
      "StopRange",
    ],
    rows: 10,
    eventCounts: { HreGS: 4, AthGS: 3, GSFC: 3 },
  },
  {
    name: "AzElRange",
    format: "AzimuthElevationRangeReport",
    columns: ["Pass", "Observer", "Time", "Azimuth", "Elevation", "Range"],
    rows: 346,
    eventCounts: { HreGS: 1, AthGS: 1, GSFC: 1 },
  },
  {
    name: "AzElRangeRR",
    format: "AzimuthElevationRangeRangeRateReport",
    columns: ["Pass", "Observer", "Time", "Azimuth", "Elevation", "Range", "RangeRate"],
    rows: 176,
    eventCounts: { HreGS: 1, AthGS: 1, GSFC: 1 },
  },
];

const file = (name: string) => `contact/Ex_ContactLocatorAllFormats__${name}.txt`;
const golden = (name: string) => `contact/Ex_ContactLocatorAllFormats__${name}.csv`;

function parseFixture(name: string): ContactReport {
  return parseContactReport(readFixture(file(name)), file(name));
}

const MS = 1_000_000n;
const NS_PER_DAY = 86_400_000_000_000n;
const GMAT_MJD_ZERO = contactEpochNs("0", "UTCMJD")!;

/**
 * What gmat-run's golden shows for a UTC-MJD cell: pandas reads the text as a double, converts
 * it with `to_timedelta(unit="D")` (fraction rounded to 13 decimals, then truncated to ns) and
 * the golden writer truncates that to milliseconds.
 */
function pandasMjdMs(text: string): bigint {
  const days = Number(text);
  const whole = Math.trunc(days);
  const fraction = Math.round((days - whole) * 1e13) / 1e13;
  const ns = GMAT_MJD_ZERO + BigInt(whole) * NS_PER_DAY + BigInt(Math.trunc(fraction * 8.64e13));
  return ns / MS * MS;
}

for (const ref of REFERENCES) {
  Deno.test(`parseContactReport() reads ${ref.name} as ${ref.format} with ${ref.rows} rows`, () => {
    const report = parseFixture(ref.name);
    assert.equal(report.target, "Sat");
    assert.equal(report.format, ref.format);
    assert.equal(report.timeScale, "UTC");
    assert.deepEqual(report.columns, ref.columns);
    assert.equal(report.rows.length, ref.rows);
    assert.equal(report.lines.length, ref.rows);
    assert.deepEqual(report.eventCounts, ref.eventCounts);
    assert.equal(report.lineEnding, "\n");
    for (const row of report.rows) {
      assert.deepEqual(Object.keys(row).sort(), [...ref.columns].sort());
    }
    const lines = readFixture(file(ref.name)).split("\n");
    report.rows.forEach((row, i) => {
      const first = row.Start ?? row.Time!;
      assert.ok(lines[report.lines[i] - 1].includes(first), `line ${report.lines[i]}`);
    });
  });

  Deno.test(`parseContactReport() matches gmat-run's golden for ${ref.name}`, () => {
    const report = parseFixture(ref.name);
    const { header, rows } = readGoldenCsv(golden(ref.name));
    assert.deepEqual([...header].sort(), [...ref.columns].sort());
    // The AzEl reports were trimmed to their first three passes; the goldens hold all ten.
    const passes = new Set(report.rows.map((r) => r.Pass));
    const expected = header[0] === "Pass" ? rows.filter((g) => passes.has(Number(g[0]))) : rows;
    assert.equal(report.rows.length, expected.length);
    report.rows.forEach((row, i) => {
      header.forEach((column, c) => {
        const cell = expected[i][c];
        const value = row[column as ContactColumn];
        const at = `row ${i + 1} ${column}`;
        const timeFormat = report.timeFormats[column as ContactTimeColumn];
        if (timeFormat !== undefined) {
          const ours = contactEpochNs(value as string, timeFormat)!;
          const theirs = contactEpochNs(cell, "UTCGregorian")!;
          if (timeFormat === "UTCMJD") {
            // The golden went through a double and was truncated to ms (see pandasMjdMs); ours
            // is the exact instant the 8 decimals write, at most 1 ms after the golden's text.
            assert.equal(pandasMjdMs(value as string), theirs, at);
            assert.ok(ours - theirs >= 0n && ours - theirs <= MS, `${at}: ${ours - theirs} ns`);
          } else {
            assert.equal(ours, theirs, at); // both exact to the millisecond
          }
        } else if (typeof value === "number") {
          assert.ok(closeTo(value, Number(cell), 1e-12), `${at}: ${value} vs ${cell}`);
        } else {
          assert.equal(value, cell, at);
        }
      });
    });
  });
}

Deno.test("parseContactReport() splits the AzEl reports into their three passes", () => {
  for (const [name, sizes] of [["AzElRange", [52, 150, 144]], ["AzElRangeRR", [27, 76, 73]]]) {
    const report = parseFixture(name as string);
    const byPass = new Map<number, string[]>();
    for (const row of report.rows) {
      byPass.set(row.Pass!, [...byPass.get(row.Pass!) ?? [], row.Observer]);
    }
    assert.deepEqual([...byPass.keys()], [1, 2, 3]);
    assert.deepEqual([...byPass.values()].map((o) => o.length), sizes);
    assert.deepEqual([...byPass.values()].map((o) => [...new Set(o)]), [
      ["HreGS"],
      ["AthGS"],
      ["GSFC"],
    ]);
  }
  const iso = parseFixture("AzElRange");
  assert.deepEqual(iso.timeFormats, { Time: "ISOYD" });
  assert.deepEqual(iso.rows[51], {
    Pass: 1,
    Observer: "HreGS",
    Time: "2010-009T16:50:53.222",
    Azimuth: 129.156496,
    Elevation: 5,
    Range: 14857.240352,
  });
  const mjd = parseFixture("AzElRangeRR");
  assert.deepEqual(mjd.timeFormats, { Time: "UTCMJD" });
  assert.equal(mjd.rows[0].Time, "25206.16666667");
  assert.equal(mjd.rows[0].RangeRate, 0.094483);
});

Deno.test("parseContactReport() reads Legacy durations in seconds and keeps observer order", () => {
  const report = parseFixture("Legacy");
  assert.deepEqual(Object.keys(report.eventCounts), ["AthGS", "HreGS", "GSFC"]);
  assert.deepEqual(report.rows[3], {
    Observer: "HreGS",
    Start: "09 Jan 2010 16:00:00.000",
    Stop: "09 Jan 2010 16:50:53.222",
    Duration: 3053.2220792,
  });
  assert.deepEqual(report.lines.slice(0, 4), [5, 6, 7, 15]);
  assert.deepEqual(report.timeFormats, { Start: "UTCGregorian", Stop: "UTCGregorian" });
});

Deno.test("parseContactReport() accepts CRLF line endings and a BOM", () => {
  const text = "\ufeff" + readFixture(file("MaxElevRange")).replaceAll("\n", "\r\n");
  const report = parseContactReport(text, "crlf.txt");
  assert.equal(report.lineEnding, "\r\n");
  assert.deepEqual(report, { ...parseFixture("MaxElevRange"), lineEnding: "\r\n" });
});

const NO_EVENTS =
  "There are no contact events in the time interval 09 Jan 2010 16:00:00.000 to 10 Jan 2010 " +
  "16:00:00.000";

Deno.test("parseContactReport() reads a Legacy observer without events as a count of 0", () => {
  const text = readFixture(file("Legacy")).replace(
    /Observer: HreGS\n[^]*?Number of events : 4\n/,
    `Observer: HreGS\n${NO_EVENTS}\n\n\nNumber of events : 0\n`,
  );
  const report = parseContactReport(text, "CL.txt");
  assert.equal(report.format, "Legacy");
  assert.equal(report.rows.length, 6);
  assert.deepEqual(report.eventCounts, { AthGS: 3, HreGS: 0, GSFC: 3 });
  assert.ok(report.rows.every((r) => r.Observer !== "HreGS"));
});

Deno.test("parseContactReport() reads reports without any contact", () => {
  // Legacy without observers: only the no-events line.
  const legacy = parseContactReport(`Target: Sat\n\n\n${NO_EVENTS}\n`, "L.txt");
  assert.equal(legacy.format, "Legacy");
  assert.deepEqual(legacy.rows, []);
  assert.deepEqual(legacy.eventCounts, {});
  // Legacy whose observers all saw nothing.
  const quiet = parseContactReport(
    `Target: Sat\n\nObserver: GS\n${NO_EVENTS}\n\n\nNumber of events : 0\n\n\n`,
    "Q.txt",
  );
  assert.equal(quiet.format, "Legacy");
  assert.deepEqual(quiet.eventCounts, { GS: 0 });
  // The tabular formats all write the same text; the format cannot be told.
  for (
    const text of [
      "Target: Sat\n\nNo contacts detected\n",
      `Target: Sat\n\n\n${NO_EVENTS}\nNo contacts detected\n`,
    ]
  ) {
    const empty = parseContactReport(text, "T.txt");
    assert.equal(empty.format, null);
    assert.equal(empty.target, "Sat");
    assert.deepEqual(empty.columns, []);
    assert.deepEqual(empty.rows, []);
    assert.deepEqual(empty.eventCounts, {});
  }
});

/** Asserts that parsing throws an OutputParseError at `path:line` whose detail matches. */
function assertParseError(text: string, line: number | undefined, detail: RegExp): void {
  assert.throws(
    () => parseContactReport(text, "runs/0/CL.txt"),
    (e: unknown) => {
      assert.ok(e instanceof OutputParseError, String(e));
      assert.equal(e.code, "OUTPUT_PARSE");
      assert.equal(e.path, "runs/0/CL.txt");
      assert.equal(e.line, line, e.message);
      assert.ok(e.message.startsWith(`runs/0/CL.txt${line === undefined ? "" : `:${line}`}: `));
      assert.match(e.detail, detail);
      return true;
    },
  );
}

/** A reference file with line `n` (1-based) replaced. */
function withLine(name: string, n: number, edit: (line: string) => string): string {
  const lines = readFixture(file(name)).split("\n");
  lines[n - 1] = edit(lines[n - 1]);
  return lines.join("\n");
}

Deno.test("parseContactReport() rejects rows with the wrong number of cells, at their line", () => {
  // Tabular: a row that lost its last cell.
  assertParseError(
    withLine("ContactRange", 7, (l) => l.replace(/\s+14859\.938368\s*$/, "")),
    7,
    /^expected 6 columns \(Observer, Duration, Start, Stop, StartRange, StopRange\), got 5$/,
  );
  // AzEl, after a blank line between passes.
  assertParseError(
    withLine("AzElRangeRR", 34, (l) => l + "  0.5"),
    34,
    /^expected 7 columns .*, got 8$/,
  );
  // Legacy: start and stop run together.
  assertParseError(
    withLine("Legacy", 16, (l) => l.replace("076    10 Jan", "076 10 Jan")),
    16,
    /^expected 3 columns \(Start, Stop, Duration\), got 2$/,
  );
});

Deno.test("parseContactReport() rejects epochs and numbers it cannot read, at their line", () => {
  assertParseError(
    withLine("Legacy", 6, (l) => l.replace("10 Jan 2010 04:31", "10 Jnu 2010 04:31")),
    6,
    /^column Start: cannot read '10 Jnu 2010 04:31:56.141'; expected UTCGregorian epoch text, 'DD Mon YYYY/,
  );
  assertParseError(
    withLine(
      "MaxElev",
      10,
      (l) => l.replace("10 Jan 2010 05:54:56.572", "31 Feb 2010 05:54:56.572"),
    ),
    10,
    /^column MaxElevationTime: cannot read '31 Feb 2010 05:54:56\.572'/,
  );
  assertParseError(
    withLine("AzElRange", 5, (l) => l.replace("2010-009T16:00:00.000", "2010-009T24:00:00.000")),
    5,
    /^column Time: cannot read '2010-009T24:00:00\.000'; expected ISOYD epoch text, 'YYYY-DDDT/,
  );
  assertParseError(
    withLine("AzElRangeRR", 5, (l) => l.replace("25206.16666667", "25206.1666x667")),
    5,
    /^column Time: cannot read '25206\.1666x667'; expected UTCMJD epoch text, a decimal number of days/,
  );
  assertParseError(
    withLine("ContactRange", 5, (l) => l.replace("3053.222079", "3053,222079")),
    5,
    /^column Duration: cannot read '3053,222079'; expected a number$/,
  );
  assertParseError(
    withLine("AzElRange", 6, (l) => l.replace(/^\s+1 /, "        1.5 ")),
    6,
    /^column Pass: cannot read '1\.5'; expected a pass number$/,
  );
});

Deno.test("parseContactReport() rejects layouts it does not know, at the header line", () => {
  assertParseError(
    withLine("ContactRange", 3, (l) => l.replace("Start Range (km)", "Start Doppler (Hz)")),
    3,
    /^unknown column 'Start Doppler \(Hz\)'; not a ContactLocator report layout$/,
  );
  // Known columns, but no ReportFormat has this set.
  assertParseError(
    withLine("ContactRange", 3, (l) => l.replace("Stop Range (km)", "Range (km)     ")),
    3,
    /^columns Observer, Duration, Start, Stop, StartRange, Range match no ContactLocator Report/,
  );
  assertParseError(
    withLine("ContactRange", 3, (l) => l.replace("(km)", "(m)")),
    3,
    /^column 'Start Range \(m\)': expected unit \(km\)$/,
  );
  assertParseError(
    withLine(
      "MaxElev",
      3,
      (l) => l.replace("Start Time (UTCGregorian)", "Start Time (TAIGregorian)"),
    ),
    3,
    /^column 'Start Time \(TAIGregorian\)' has no time format/,
  );
  assertParseError(
    withLine("ContactRange", 4, () => ""),
    5,
    /^expected a line of dashes under the column header$/,
  );
  assertParseError(
    withLine("Legacy", 14, (l) => l.replace("Duration (s)", "Length (s)")),
    14,
    /^expected the Legacy header 'Start Time \(UTC\) {2}Stop Time \(UTC\) {2}Duration \(s\)'/,
  );
  assertParseError(
    "Sat.UTCGregorian           Sat.X\n01 Jan 2026 12:00:00.000   7000\n",
    1,
    /^expected 'Target: <name>' \(a ContactLocator report\), got 'Sat.UTCGregorian/,
  );
  assertParseError("\n\n", undefined, /^expected 'Target: <name>', found no text$/);
  assertParseError("Target: Sat\n\n", undefined, /after the target$/);
  assertParseError(
    "Target: Sat\n\nNo contacts detected\n   GS   1.0\n",
    4,
    /^expected nothing after 'No contacts detected'$/,
  );
});

Deno.test("parseContactReport() checks Legacy event counts and block ends", () => {
  assertParseError(
    withLine("Legacy", 10, () => "Number of events : 4"),
    10,
    /^observer AthGS: 'Number of events' says 4, found 3$/,
  );
  // A file cut off inside the last block.
  const cut = readFixture(file("Legacy")).split("\n").slice(0, 28).join("\n");
  assertParseError(cut, 24, /^observer GSFC's block has no 'Number of events' line/);
  assertParseError(
    withLine("Legacy", 10, () => ""),
    13,
    /^expected 'Number of events : N' to close observer AthGS's block$/,
  );
  assertParseError(
    withLine("Legacy", 13, () => "Observer: AthGS"),
    13,
    /^observer AthGS has a second block$/,
  );
});

Deno.test("contactEpochNs() reads the three ReportTimeFormats exactly", () => {
  const t = (iso: string) => BigInt(Date.parse(iso)) * MS;
  assert.equal(
    contactEpochNs("09 Jan 2010 20:36:24.626", "UTCGregorian"),
    t("2010-01-09T20:36:24.626Z"),
  );
  assert.equal(
    contactEpochNs(" 9 Jan 2010 20:36:24.626 ", "UTCGregorian"),
    t("2010-01-09T20:36:24.626Z"),
  );
  assert.equal(contactEpochNs("2010-009T20:36:24.626", "ISOYD"), t("2010-01-09T20:36:24.626Z"));
  assert.equal(contactEpochNs("2012-366T00:00:00.000", "ISOYD"), t("2012-12-31T00:00:00Z"));
  // 1e-8 day = 864 us: 8 decimals are a whole number of nanoseconds, read without a double.
  assert.equal(contactEpochNs("25206.16666667", "UTCMJD"), t("2010-01-09T16:00:00Z") + 288_000n);
  assert.equal(contactEpochNs("25206.17500000", "UTCMJD"), t("2010-01-09T16:12:00Z"));
  assert.equal(contactEpochNs("21545", "UTCMJD"), t("2000-01-01T12:00:00Z"));
  assert.equal(contactEpochNs("0", "UTCMJD"), t("1941-01-05T12:00:00Z"));
  assert.equal(contactEpochNs("-0.5", "UTCMJD"), t("1941-01-05T00:00:00Z"));
  for (
    const [text, format] of [
      ["29 Feb 2010 00:00:00.000", "UTCGregorian"],
      ["09 jan 2010 00:00:00.000", "UTCGregorian"],
      ["09 Jan 2010 00:60:00.000", "UTCGregorian"],
      ["2010-009 16:00:00.000", "ISOYD"],
      ["2010-366T00:00:00.000", "ISOYD"],
      ["2010-000T00:00:00.000", "ISOYD"],
      ["25206.1.2", "UTCMJD"],
      ["2.5e4", "UTCMJD"],
      ["", "UTCMJD"],
    ] as const
  ) {
    assert.equal(contactEpochNs(text, format), undefined, `${format} '${text}'`);
  }
});
