import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { ignoreUnless } from "../_support/components.ts";
import { type OemFile, OutputParseError, parseOem, writeOem } from "../../src/formats/mod.ts";
import { closeTo, readFixture, readGoldenCsv, sharedReferencePath } from "./_fixtures.ts";
import { seededRandom } from "./_c_printf.ts";

/** Rebuilds a writer document from a parsed file. */
function toDocument(oem: OemFile) {
  return { ...oem.header, segments: oem.segments };
}

Deno.test("parseOem() reads Ex_LEOEphemeris.oem: 1 segment, 361 records", () => {
  const oem = parseOem(readFixture("Ex_LEOEphemeris.oem"), "Ex_LEOEphemeris.oem");
  assert.deepEqual(oem.header, {
    version: "1.0",
    creationDate: "2026-04-25T19:04:31",
    originator: "GMAT USER",
    comments: [],
  });
  assert.equal(oem.segments.length, 1);
  const [segment] = oem.segments;
  assert.deepEqual(segment.meta, {
    objectName: "Sat",
    objectId: "SatId",
    centerName: "Earth",
    refFrame: "EME2000",
    timeSystem: "UTC",
    startTime: "2026-01-01T12:00:00.000",
    useableStartTime: "2026-01-01T12:00:00.000",
    useableStopTime: "2026-01-01T18:00:00.000",
    stopTime: "2026-01-01T18:00:00.000",
    interpolation: "LAGRANGE",
    interpolationDegree: 7,
  });
  assert.equal(segment.rows.length, 361);
  assert.deepEqual(segment.rows[0], {
    epoch: "2026-01-01T12:00:00.000",
    state: [
      -5936.16291491494,
      1590.590059191038,
      3336.771210495442,
      -1.95501634591792,
      -7.296220332593329,
      2.206977572872483e-16,
    ],
  });
  assert.equal(segment.rows[360].epoch, "2026-01-01T18:00:00.000");
});

Deno.test("writeOem() re-renders Ex_LEOEphemeris.oem byte-identically", () => {
  const text = readFixture("Ex_LEOEphemeris.oem");
  assert.equal(writeOem(toDocument(parseOem(text, "x.oem"))), text);
});

Deno.test("writeOem() re-renders DemoLEO-1.oem (R2026a dev build, no blank line) byte-identically", () => {
  const text = readFixture("DemoLEO-1.oem");
  const oem = parseOem(text, "DemoLEO-1.oem");
  assert.equal(oem.segments[0].rows.length, 577);
  assert.equal(writeOem(toDocument(oem), { blankLineBeforeMeta: false }), text);
});

const SHARED_OEMS = [
  ["ephemeris/nasa-gmat-data/DemoLEO-2.oem", 2881],
  ["ephemeris/nasa-gmat-data/DemoLuna-1.oem", 2161],
  ["ephemeris/nasa-gmat-data/DemoLuna-2.oem", 2161],
] as const;

for (const [name, count] of SHARED_OEMS) {
  const path = sharedReferencePath(name);
  Deno.test({
    name: `parseOem() reads ${name} (${count} records) and re-renders it byte-identically`,
    ignore: ignoreUnless(existsSync(path)),
    fn: () => {
      const text = Deno.readTextFileSync(path);
      const oem = parseOem(text, path);
      assert.equal(oem.segments.length, 1);
      assert.equal(oem.segments[0].rows.length, count);
      assert.equal(writeOem(toDocument(oem), { blankLineBeforeMeta: false }), text);
    },
  });
}

Deno.test("parseOem() values of Ex_LEOEphemeris.oem match Ex_LEOEphemeris__EF.csv (rtol 1e-14)", () => {
  const rows = parseOem(readFixture("Ex_LEOEphemeris.oem"), "x.oem").segments[0].rows;
  const golden = readGoldenCsv("Ex_LEOEphemeris__EF.csv");
  assert.deepEqual(golden.header, ["Epoch", "X", "Y", "Z", "VX", "VY", "VZ"]);
  assert.equal(rows.length, golden.rows.length);
  rows.forEach((row, r) => {
    assert.equal(row.epoch, golden.rows[r][0]);
    row.state.forEach((value, c) => {
      const expected = Number(golden.rows[r][c + 1]);
      assert.ok(
        closeTo(value, expected, 1e-14),
        `row ${r + 1} col ${c + 1}: ${value} vs ${expected}`,
      );
    });
  });
});

Deno.test("parseOem() handles comments, covariance blocks, several segments and CRLF", () => {
  const text = [
    "CCSDS_OEM_VERS = 2.0",
    "COMMENT  written by hand",
    "CREATION_DATE  = 2026-04-25T19:04:31",
    "ORIGINATOR     = GMAT USER",
    "",
    "META_START",
    "COMMENT  first arc",
    "OBJECT_NAME          = Sat",
    "OBJECT_ID            = SatId",
    "CENTER_NAME          = Moon",
    "REF_FRAME            = ICRF",
    "TIME_SYSTEM          = UTC",
    "START_TIME           = 2026-01-01T12:00:00.000",
    "STOP_TIME            = 2026-01-01T12:01:00.000",
    "META_STOP",
    "",
    "COMMENT  data comment",
    "2026-01-01T12:00:00.000   1.0e+03   2 3 4 5 6",
    "2026-01-01T12:01:00.000  -1 -2 -3 -4 -5 -6",
    "",
    "COVARIANCE_START",
    "EPOCH = 2026-01-01T12:00:00.000",
    "COV_REF_FRAME = EME2000",
    " 1.0e+00",
    " 0.0e+00  1.0e+00",
    "COVARIANCE_STOP",
    "COMMENT  Burn",
    "",
    "META_START",
    "OBJECT_NAME          = Sat",
    "OBJECT_ID            = SatId",
    "CENTER_NAME          = Moon",
    "REF_FRAME            = ICRF",
    "TIME_SYSTEM          = UTC",
    "START_TIME           = 2026-01-01T12:01:00.000",
    "STOP_TIME            = 2026-01-01T12:01:00.000",
    "INTERPOLATION        = HERMITE",
    "INTERPOLATION_DEGREE = 1 ",
    "META_STOP",
    "2026-01-01T12:01:00.000  7 8 9 10 11 12",
    "",
  ].join("\r\n");
  const oem = parseOem("\uFEFF" + text, "multi.oem");
  assert.equal(oem.header.version, "2.0");
  assert.deepEqual(oem.header.comments, ["written by hand"]);
  assert.equal(oem.segments.length, 2);
  assert.deepEqual(oem.segments[0].meta.comments, ["first arc"]);
  assert.deepEqual(oem.segments[0].comments, ["data comment"]);
  assert.deepEqual(oem.segments[0].rows.map((r) => r.state), [[1000, 2, 3, 4, 5, 6], [
    -1,
    -2,
    -3,
    -4,
    -5,
    -6,
  ]]);
  assert.deepEqual(oem.segments[1].comments, ["Burn"]);
  assert.equal(oem.segments[1].meta.interpolationDegree, 1);
  assert.equal(oem.segments[1].meta.useableStartTime, undefined);
  assert.equal(oem.segments[1].rows.length, 1);
});

Deno.test("parseOem() rejects malformed files with path:line messages", () => {
  const good = readFixture("Ex_LEOEphemeris.oem").split("\n");
  const withLine = (index: number, line: string) =>
    [...good.slice(0, index), line, ...good.slice(index + 1)].join("\n");
  const cases: [string, RegExp][] = [
    // 19th line is the first data line.
    [
      withLine(18, good[18] + "  1.0  2.0  3.0"),
      /^bad\.oem:19: expected 7 tokens \(epoch and 6 state values\), got 10$/,
    ],
    [withLine(18, "2026-01-01T12:00:00.000  1 2 3"), /^bad\.oem:19: expected 7 tokens/],
    [
      withLine(18, "2026-01-01T12:00:00.000  1 2 3 4 5 x"),
      /^bad\.oem:19: expected a number, got "x"$/,
    ],
    [withLine(16, "STOP"), /^bad\.oem:17: expected a metadata "KEY = value" line or META_STOP/],
    [withLine(5, "COMMENT no object"), /^bad\.oem:5: expected metadata key OBJECT_NAME/],
    [
      withLine(0, "CCSDS_AEM_VERS = 1.0"),
      /^bad\.oem:1: expected "CCSDS_OEM_VERS = <version>" first/,
    ],
    [good.slice(0, 3).join("\n"), /bad\.oem:3: expected at least one META_START block/],
    [withLine(2, "COMMENT no originator"), /bad\.oem:5: expected header key ORIGINATOR/],
    [good.slice(0, 10).join("\n"), /bad\.oem:5: expected META_STOP/],
  ];
  for (const [text, pattern] of cases) {
    assert.throws(() => parseOem(text, "bad.oem"), (error: unknown) => {
      assert.ok(error instanceof OutputParseError);
      assert.match(error.message, pattern);
      return true;
    });
  }
});

Deno.test("writeOem() writes comments, several segments and CRLF like GMAT", () => {
  const meta = {
    objectName: "Sat",
    objectId: "SatId",
    centerName: "Earth",
    refFrame: "EME2000",
    timeSystem: "UTC",
    startTime: "2026-01-01T12:00:00.000",
    useableStartTime: "2026-01-01T12:00:00.000",
    useableStopTime: "2026-01-01T12:00:00.000",
    stopTime: "2026-01-01T12:00:00.000",
    interpolation: "Lagrange",
    interpolationDegree: 12,
  };
  const row = { epoch: "2026-01-01T12:00:00.000", state: [1, -2, 3e-300, -0, 5e20, 6] };
  const text = writeOem({
    creationDate: "2026-04-25T19:04:31",
    originator: "GMAT USER",
    comments: ["header note"],
    segments: [{ meta, rows: [row] }, { meta, comments: ["Maneuver"], rows: [row] }],
  }, { lineEnding: "\r\n" });
  const expectedSegment = [
    "META_START",
    "OBJECT_NAME          = Sat",
    "OBJECT_ID            = SatId",
    "CENTER_NAME          = Earth",
    "REF_FRAME            = EME2000",
    "TIME_SYSTEM          = UTC",
    "START_TIME           = 2026-01-01T12:00:00.000",
    "USEABLE_START_TIME   = 2026-01-01T12:00:00.000",
    "USEABLE_STOP_TIME    = 2026-01-01T12:00:00.000",
    "STOP_TIME            = 2026-01-01T12:00:00.000",
    "INTERPOLATION        = LAGRANGE",
    "INTERPOLATION_DEGREE = 12",
    "META_STOP",
    "",
    "2026-01-01T12:00:00.000   1.000000000000000e+00  -2.000000000000000e+00   3.000000000000000e-300" +
    "  -0.000000000000000e+00   5.000000000000000e+20   6.000000000000000e+00",
  ];
  assert.equal(
    text,
    [
      "CCSDS_OEM_VERS = 1.0",
      "COMMENT  header note",
      "CREATION_DATE  = 2026-04-25T19:04:31",
      "ORIGINATOR     = GMAT USER",
      "",
      ...expectedSegment,
      "",
      "COMMENT  Maneuver",
      "",
      ...expectedSegment,
      "",
    ].join("\r\n"),
  );
  const back = parseOem(text, "w.oem");
  assert.equal(back.segments.length, 2);
  assert.deepEqual(back.segments[1].comments, ["Maneuver"]);
  assert.deepEqual(back.header.comments, ["header note"]);
  assert.equal(writeOem(toDocument(back), { lineEnding: "\r\n" }), text);
  assert.throws(
    () =>
      writeOem({ ...toDocument(back), segments: [{ meta, rows: [{ epoch: "x", state: [1] }] }] }),
    RangeError,
  );
});

Deno.test("writeOem() output parses back to the same numbers (random states)", () => {
  const rand = seededRandom(42);
  const randomValue = () => {
    const v = (rand() - 0.5) * 10 ** Math.floor(rand() * 30 - 15);
    return rand() < 0.02 ? 0 : v;
  };
  const rows = Array.from({ length: 2000 }, (_, i) => ({
    epoch: `2026-01-01T12:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:00.000`,
    state: Array.from({ length: 6 }, randomValue),
  }));
  const meta = {
    objectName: "Sat",
    objectId: "SatId",
    centerName: "Earth",
    refFrame: "EME2000",
    timeSystem: "UTC",
    startTime: rows[0].epoch,
    stopTime: rows[rows.length - 1].epoch,
  };
  const text = writeOem({
    creationDate: "2026-01-01T00:00:00",
    originator: "GMAT USER",
    segments: [{ meta, rows }],
  });
  const back = parseOem(text, "r.oem").segments[0].rows;
  assert.equal(back.length, rows.length);
  back.forEach((row, r) => {
    assert.equal(row.epoch, rows[r].epoch);
    // %.15e keeps 16 significant digits: within 5e-16 relative, and re-formatting is exact.
    row.state.forEach((v, c) => assert.ok(closeTo(v, rows[r].state[c], 6e-16)));
  });
  assert.equal(
    writeOem({
      creationDate: "2026-01-01T00:00:00",
      originator: "GMAT USER",
      segments: [{ meta, rows: back }],
    }),
    text,
  );
});
