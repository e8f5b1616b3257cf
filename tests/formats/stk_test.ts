import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { ignoreUnless } from "../_support/components.ts";
import {
  OutputParseError,
  parseOem,
  parseStk,
  type StkDocument,
  type StkFile,
  writeStk,
} from "../../src/formats/mod.ts";
import { closeTo, readFixture, readGoldenCsv, sharedReferencePath } from "./_fixtures.ts";
import { seededRandom } from "./_c_printf.ts";

/** Rebuilds a writer document (km) from a parsed GMAT file in kilometres. */
function toDocument(stk: StkFile): StkDocument {
  assert.equal(stk.distanceUnit, "Kilometers");
  return {
    version: stk.version,
    writtenBy: stk.writtenBy!,
    scenarioEpoch: stk.scenarioEpoch,
    interpolationMethod: stk.interpolationMethod,
    interpolationOrder: stk.interpolationOrder,
    centralBody: stk.centralBody!,
    coordinateSystem: stk.coordinateSystem!,
    distanceUnit: stk.distanceUnit,
    segmentBoundaryTimes: stk.segmentBoundaryTimes,
    rows: stk.rows,
  };
}

Deno.test("parseStk() reads Ex_STKEphemeris.e: 361 points and GMAT's header", () => {
  const stk = parseStk(readFixture("Ex_STKEphemeris.e"), "Ex_STKEphemeris.e");
  const { rows, ...header } = stk;
  assert.deepEqual(header, {
    version: "stk.v.10.0",
    writtenBy: "GMAT R2026a",
    numberOfEphemerisPoints: 361,
    scenarioEpoch: "01 Jan 2026 12:00:00.000",
    interpolationMethod: "Lagrange",
    interpolationOrder: 7,
    centralBody: "Earth",
    coordinateSystem: "J2000",
    distanceUnit: "Kilometers",
    distanceUnitExplicit: true,
    segmentBoundaryTimes: [],
    extra: {},
  });
  assert.equal(rows.length, 361);
  assert.equal(rows[1].offset, 60.00000019557774);
  assert.equal(rows[360].offset, 21600);
});

Deno.test("writeStk() re-renders Ex_STKEphemeris.e byte-identically", () => {
  const text = readFixture("Ex_STKEphemeris.e");
  assert.equal(writeStk(toDocument(parseStk(text, "x.e"))), text);
});

Deno.test("parseStk() states of Ex_STKEphemeris.e equal Ex_LEOEphemeris.oem's (rtol 1e-14)", () => {
  const stk = parseStk(readFixture("Ex_STKEphemeris.e"), "x.e").rows;
  const oem = parseOem(readFixture("Ex_LEOEphemeris.oem"), "x.oem").segments[0].rows;
  assert.equal(stk.length, 361);
  assert.equal(oem.length, 361);
  for (let r = 0; r < 361; r++) {
    // Nominal 60 s grid; GMAT's A1 MJD round-off shows as ~1e-7 s.
    assert.ok(Math.abs(stk[r].offset - 60 * r) < 1e-6, `offset ${stk[r].offset}`);
    // The two files print the same doubles with the same %.15e: identical, stronger than rtol.
    assert.deepEqual(stk[r].state, oem[r].state);
  }
  const golden = readGoldenCsv("Ex_STKEphemeris__EF.csv");
  assert.equal(golden.rows.length, 361);
  golden.rows.forEach((row, r) => {
    for (let c = 0; c < 6; c++) assert.ok(closeTo(stk[r].state[c], Number(row[c + 1]), 1e-14));
  });
});

Deno.test("parseStk() reads STK 11's BasicPropagation.e: 289 points in metres, tab-separated", () => {
  const stk = parseStk(readFixture("BasicPropagation.e"), "BasicPropagation.e");
  assert.equal(stk.version, "stk.v.11.0");
  assert.equal(stk.writtenBy, "STK_v11.7.0");
  assert.equal(stk.numberOfEphemerisPoints, 289);
  assert.equal(stk.rows.length, 289);
  assert.equal(stk.scenarioEpoch, "7 May 2002 00:00:00.000000");
  assert.equal(stk.interpolationMethod, "Lagrange");
  assert.equal(stk.interpolationOrder, 5); // InterpolationSamplesM1
  assert.equal(stk.centralBody, "Earth");
  assert.equal(stk.coordinateSystem, "J2000");
  assert.equal(stk.distanceUnit, "Meters");
  assert.equal(stk.distanceUnitExplicit, false);
  assert.deepEqual(stk.rows[0], {
    offset: 0,
    state: [
      -7.4633067085458711e+05,
      -1.4636262271777836e+06,
      -7.0012233423870504e+06,
      -6.8636778142013982e+03,
      -2.5616014343701600e+03,
      1.2670000356645342e+03,
    ],
  });
  assert.equal(stk.rows[288].offset, 86400);
  const r = Math.hypot(...stk.rows[0].state.slice(0, 3));
  assert.ok(r > 6.5e6 && r < 8e6, "position magnitude in metres");
});

const SAMPLE = sharedReferencePath("ephemeris/nasa-gmat-data/SampleSTKEphem.e");
Deno.test({
  name: "parseStk() reads SampleSTKEphem.e (GMAT R2017a: no Interpolation lines, e+003)",
  ignore: ignoreUnless(existsSync(SAMPLE)),
  fn: () => {
    const stk = parseStk(Deno.readTextFileSync(SAMPLE), SAMPLE);
    assert.equal(stk.writtenBy, "GMAT R2017a-Beta");
    assert.equal(stk.rows.length, 2610);
    assert.equal(stk.interpolationMethod, undefined);
    assert.equal(stk.interpolationOrder, undefined);
    assert.equal(stk.scenarioEpoch, "01 Jan 2000 11:59:28.000");
    assert.equal(stk.distanceUnit, "Kilometers");
    assert.deepEqual(stk.rows[0], { offset: 0, state: [7100, 0, 1300, 0, 7.35, 1] });
    assert.equal(stk.rows[2609].offset, 2.592000000006286e5);
  },
});

Deno.test("parseStk() rejects other ephemeris sections and malformed files", () => {
  const text = readFixture("Ex_STKEphemeris.e");
  for (const section of ["EphemerisTimePos", "EphemerisTimePosVelAcc", "EphemerisLLATimePos"]) {
    assert.throws(
      () => parseStk(text.replace("EphemerisTimePosVel", section), "s.e"),
      (error: unknown) => {
        assert.ok(error instanceof OutputParseError);
        assert.equal(
          error.message,
          `s.e:12: expected an EphemerisTimePosVel section, got unsupported section ${section}`,
        );
        return true;
      },
    );
  }
  const lines = text.split("\n");
  const edit = (index: number, line: string) =>
    [...lines.slice(0, index), line, ...lines.slice(index + 1)].join("\n");
  const cases: [string, RegExp][] = [
    [
      edit(13, lines[13] + "  1.0"),
      /^s\.e:14: expected 7 numbers \(time and 6 state values\), got 8 tokens$/,
    ],
    [edit(13, lines[13].replace("e+00", "x")), /^s\.e:14: expected a number/],
    [
      edit(3, "NumberOfEphemerisPoints 360"),
      /^s\.e:4: NumberOfEphemerisPoints is 360 but 361 rows were read$/,
    ],
    [
      edit(0, "stk.x"),
      /^s\.e:1: expected an STK ephemeris file starting with "stk\.v\.<version>"$/,
    ],
    [edit(2, "Begin Nothing"), /^s\.e:3: expected "BEGIN Ephemeris"/],
    [edit(4, "Scenario"), /expected a ScenarioEpoch keyword/],
    [lines.slice(0, 100).join("\n"), /^s\.e:100: expected "END Ephemeris"/],
    [
      edit(9, "DistanceUnit            Feet"),
      /^s\.e:10: expected DistanceUnit Kilometers or Meters/,
    ],
  ];
  for (const [bad, pattern] of cases) {
    assert.throws(() => parseStk(bad, "s.e"), (error: unknown) => {
      assert.ok(error instanceof OutputParseError);
      assert.match(error.message, pattern);
      return true;
    });
  }
});

Deno.test("parseStk() skips covariance sections and reads CRLF, segment boundaries, comments", () => {
  const text = [
    "stk.v.10.0",
    "# WrittenBy    GMAT R2026a",
    "BEGIN Ephemeris",
    "NumberOfEphemerisPoints 3",
    "ScenarioEpoch           01 Jan 2026 12:00:00.000",
    "CentralBody             Earth",
    "CoordinateSystem        J2000",
    "CoordinateSystemEpoch   01 Jan 2000 11:58:55.816",
    "MessageLevel            Errors",
    "DistanceUnit            Kilometers",
    "BEGIN SegmentBoundaryTimes",
    "   0.000000000000000e+00",
    "   6.000000000000000e+01",
    "END SegmentBoundaryTimes",
    "",
    "EphemerisTimePosVel",
    "",
    "0.0 1 2 3 4 5 6",
    "6.0e+01 1 2 3 4 5 6",
    "",
    "# a comment",
    "6.0e+001 7 8 9 10 11 12",
    "",
    "CovarianceTimePosVel",
    "0.0 1 2 3 4 5 6 7",
    "    8 9 10 11 12 13 14",
    "END Ephemeris",
  ].join("\r\n");
  const stk = parseStk(text, "c.e");
  assert.equal(stk.rows.length, 3);
  assert.deepEqual(stk.segmentBoundaryTimes, [0, 60]);
  assert.equal(stk.rows[2].offset, 60);
  assert.equal(stk.coordinateSystemEpoch, "01 Jan 2000 11:58:55.816");
  assert.deepEqual(stk.extra, { MessageLevel: "Errors" });
});

Deno.test("writeStk() writes metres, segment boundaries and lowered interpolation orders like GMAT", () => {
  const doc: StkDocument = {
    writtenBy: "GMAT R2026a",
    scenarioEpoch: "01 Jan 2026 12:00:00.000",
    interpolationMethod: "Lagrange",
    interpolationOrder: 7,
    centralBody: "Earth",
    coordinateSystem: "J2000",
    distanceUnit: "Meters",
    segmentBoundaryTimes: [0, 60],
    segmentStarts: [2],
    rows: [
      { offset: 0, state: [7000.123, 0, 0, 0, 7.5, 0] },
      { offset: 60, state: [1, 2, 3, 4, 5, 6] },
      { offset: 60, state: [1, 2, 3, 4.5, 5, 6] },
    ],
  };
  const text = writeStk(doc);
  assert.equal(
    text,
    [
      "stk.v.10.0",
      "# WrittenBy    GMAT R2026a",
      "BEGIN Ephemeris",
      "NumberOfEphemerisPoints 3",
      "ScenarioEpoch           01 Jan 2026 12:00:00.000",
      "InterpolationMethod     Lagrange",
      "InterpolationOrder      2",
      "CentralBody             Earth",
      "CoordinateSystem        J2000",
      "DistanceUnit            Meters",
      "BEGIN SegmentBoundaryTimes",
      "   0.000000000000000e+00",
      "   6.000000000000000e+01",
      "END SegmentBoundaryTimes",
      "",
      "EphemerisTimePosVel",
      "",
      "0.000000000000000e+00   7.000123000000000e+06   0.000000000000000e+00   0.000000000000000e+00" +
      "   0.000000000000000e+00   7.500000000000000e+03   0.000000000000000e+00",
      "6.000000000000000e+01   1.000000000000000e+03   2.000000000000000e+03   3.000000000000000e+03" +
      "   4.000000000000000e+03   5.000000000000000e+03   6.000000000000000e+03",
      "",
      "6.000000000000000e+01   1.000000000000000e+03   2.000000000000000e+03   3.000000000000000e+03" +
      "   4.500000000000000e+03   5.000000000000000e+03   6.000000000000000e+03",
      "",
      "END Ephemeris",
      "",
      "",
    ].join("\n"),
  );
  const back = parseStk(text, "m.e");
  assert.equal(back.distanceUnit, "Meters");
  assert.deepEqual(back.segmentBoundaryTimes, [0, 60]);
  assert.deepEqual(back.rows[0].state, [7000123, 0, 0, 0, 7500, 0]);
  // No interpolation method: no interpolation lines (the R2017a layout).
  const bare = writeStk({ ...doc, interpolationMethod: undefined }, {
    lineEnding: "\r\n",
  });
  assert.ok(!bare.includes("Interpolation"));
  assert.ok(bare.includes("\r\nDistanceUnit            Meters\r\n"));
  assert.throws(() => writeStk({ ...doc, rows: [{ offset: 0, state: [1, 2] }] }), RangeError);
});

Deno.test("writeStk() output parses back to the same numbers (random states)", () => {
  const rand = seededRandom(99);
  const randomValue = () => (rand() - 0.5) * 10 ** Math.floor(rand() * 24 - 12);
  const rows = Array.from({ length: 2000 }, (_, i) => ({
    offset: i * 60.00000019557774,
    state: Array.from({ length: 6 }, randomValue),
  }));
  const doc: StkDocument = {
    writtenBy: "GMAT R2026a",
    scenarioEpoch: "01 Jan 2026 12:00:00.000",
    interpolationMethod: "Lagrange",
    interpolationOrder: 7,
    centralBody: "Earth",
    coordinateSystem: "J2000",
    distanceUnit: "Kilometers",
    rows,
  };
  const text = writeStk(doc);
  const back = parseStk(text, "r.e");
  assert.equal(back.rows.length, rows.length);
  back.rows.forEach((row, r) => {
    assert.ok(closeTo(row.offset, rows[r].offset, 6e-16));
    row.state.forEach((v, c) => assert.ok(closeTo(v, rows[r].state[c], 6e-16)));
  });
  assert.equal(writeStk({ ...doc, rows: back.rows }), text);
});
