/**
 * Time scales and epoch text: GMAT's published epochs, round trips through every scale and
 * format, leap seconds (2016-12-31 / 2017-01-01), GMAT's millisecond rounding and error messages.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  A1_MINUS_TAI,
  convertMjd,
  EPOCH_FORMATS,
  EpochError,
  epochFormatParts,
  epochValue,
  formatGregorian,
  formatIsoUtc,
  isEpochFormat,
  isoToA1Mjd,
  parseEpoch,
  parseGregorian,
  SECONDS_PER_DAY,
  TAI_UTC_TABLE,
  taiMinusUtc,
  TIME_SCALES,
  TT_MINUS_TAI,
} from "../../src/physics/mod.ts";
import { assertClose } from "./_assert.ts";

const SEC = 1 / SECONDS_PER_DAY;

Deno.test("parseEpoch() reads GMAT's default epoch 01 Jan 2000 11:59:28.000 UTC as A1 21545.00000039794", () => {
  const a1 = parseEpoch("01 Jan 2000 11:59:28.000", "UTCGregorian");
  assertClose(a1, 21545.00000039794, { atol: 1e-11 }, "A1ModJulian");
  assertClose(a1, 21545 + A1_MINUS_TAI * SEC, { atol: 1e-11 }, "TAI 21545 + A1 offset");
  assertClose(parseEpoch("21545", "TAIModJulian"), a1, { atol: 1e-11 }, "TAIModJulian 21545");
  assert.equal(epochValue(a1, "UTCGregorian"), "01 Jan 2000 11:59:28.000");
  assert.equal(epochValue(a1, "TAIGregorian"), "01 Jan 2000 12:00:00.000");
  assert.equal(epochValue(a1, "A1Gregorian"), "01 Jan 2000 12:00:00.034");
  assert.equal(epochValue(a1, "TTGregorian"), "01 Jan 2000 12:00:32.184");
  assertClose(epochValue(a1, "TAIModJulian") as number, 21545, { atol: 1e-11 }, "TAIModJulian");
});

Deno.test("parseEpoch() reads a one-digit day: '9 Jan 2010 16:00:00.000' is UTCModJulian 25206.16666667", () => {
  const a1 = parseEpoch("9 Jan 2010 16:00:00.000", "UTCGregorian");
  assert.equal(a1, parseEpoch("09 Jan 2010 16:00:00.000", "UTCGregorian"));
  assertClose(epochValue(a1, "UTCModJulian") as number, 25206.16666667, { atol: 5e-9 }, "UTC MJD");
});

Deno.test("convertMjd() applies GMAT's offsets: A1-TAI 0.0343817 s, TT-TAI 32.184 s, TDB series", () => {
  const tai = 28000.25; // 2017-09-08
  assertClose((convertMjd(tai, "TAI", "A1") - tai) / SEC, 0.0343817, { atol: 1e-6 }, "A1 - TAI");
  assert.deepEqual([A1_MINUS_TAI, TT_MINUS_TAI], [0.0343817, 32.184]);
  assertClose((convertMjd(tai, "TAI", "TT") - tai) / SEC, TT_MINUS_TAI, { atol: 1e-6 }, "TT - TAI");
  assertClose(
    (tai - convertMjd(tai, "TAI", "UTC")) / SEC,
    37,
    { atol: 1e-6 },
    "TAI - UTC since 2017",
  );
  // TDB - TT = 0.001658 sin M + 0.00001385 sin 2M, M = 357.5277233 + 35999.05034 T (deg).
  const t = (tai - 21545) / 36525;
  const m = (357.5277233 + 35999.05034 * t) * Math.PI / 180;
  const expected = 0.001658 * Math.sin(m) + 0.00001385 * Math.sin(2 * m);
  const got = (convertMjd(tai, "TAI", "TDB") - convertMjd(tai, "TAI", "TT")) / SEC;
  assertClose(got, expected, { atol: 1e-6 }, "TDB - TT");
  assert.ok(Math.abs(got) <= 0.00168);
});

Deno.test("convertMjd() round-trips between every pair of scales", () => {
  const epochs = [8000.3, 9500.7, 21545.1, 27753.9, 27754.6, 30316.5]; // 1962 ... 2024
  for (const mjd of epochs) {
    for (const from of TIME_SCALES) {
      for (const to of TIME_SCALES) {
        const back = convertMjd(convertMjd(mjd, from, to), to, from);
        assertClose(back, mjd, { atol: 1e-11 }, `${from}->${to}->${from} at ${mjd}`);
      }
    }
  }
});

Deno.test("epochValue() and parseEpoch() round-trip every format", () => {
  const a1s = [9500.123456, 21545.00000039794, 27754.0001, 30316.987654321];
  for (const a1 of a1s) {
    for (const format of EPOCH_FORMATS) {
      const value = epochValue(a1, format);
      const back = parseEpoch(String(value), format);
      const { representation } = epochFormatParts(format);
      // Gregorian text keeps milliseconds, ModJulian numbers keep full precision.
      const tol = representation === "Gregorian" ? 0.0005 * SEC + 1e-11 : 1e-11;
      assertClose(back, a1, { atol: tol }, `${format} ${value}`);
    }
  }
});

Deno.test("taiMinusUtc() uses GMAT's tai-utc.dat, including the 1961-1971 rate terms", () => {
  assert.equal(TAI_UTC_TABLE.length, 41);
  assert.equal(taiMinusUtc(parseGregorian("31 Dec 2016 23:59:59.000")), 36);
  assert.equal(taiMinusUtc(parseGregorian("01 Jan 2017 00:00:00.000")), 37);
  assert.equal(taiMinusUtc(parseGregorian("01 Jan 1972 00:00:00.000")), 10);
  // 1965 JAN 1: 3.5401300 + (MJD - 38761) * 0.001296 s, MJD 38761 = 1965-01-01.
  const utc = parseGregorian("11 Jan 1965 00:00:00.000");
  assertClose(taiMinusUtc(utc), 3.54013 + 10 * 0.001296, { atol: 1e-9 }, "1965 rate term");
  assert.equal(taiMinusUtc(parseGregorian("01 Jan 1950 00:00:00.000")), 0);
});

Deno.test("UTC across the 2016-12-31 leap second: 23:59:60 exists and TAI advances by 1 s per s", () => {
  const texts = [
    "31 Dec 2016 23:59:59.000",
    "31 Dec 2016 23:59:59.500",
    "31 Dec 2016 23:59:60.000",
    "31 Dec 2016 23:59:60.500",
    "01 Jan 2017 00:00:00.000",
    "01 Jan 2017 00:00:00.500",
  ];
  const tai = texts.map((t) => convertMjd(parseEpoch(t, "UTCGregorian"), "A1", "TAI"));
  for (let i = 1; i < tai.length; i++) {
    assertClose((tai[i] - tai[i - 1]) / SEC, 0.5, { atol: 1e-6 }, `${texts[i - 1]} -> ${texts[i]}`);
  }
  // Back to text, including the inserted second.
  for (const text of texts) {
    assert.equal(epochValue(parseEpoch(text, "UTCGregorian"), "UTCGregorian"), text);
  }
  assert.equal(
    formatIsoUtc(parseEpoch("31 Dec 2016 23:59:60.250", "UTCGregorian")),
    "2016-12-31T23:59:60.250",
  );
  assertClose(
    isoToA1Mjd("2016-12-31T23:59:60.250"),
    parseEpoch("31 Dec 2016 23:59:60.250", "UTCGregorian"),
    { atol: 1e-11 },
    "ISO leap second",
  );
  // Inside the leap second GMAT's UTC MJD runs one second ahead (documented behaviour).
  const midnight = parseGregorian("01 Jan 2017 00:00:00.000");
  assertClose(convertMjd(tai[3], "TAI", "UTC"), midnight + 0.5 * SEC, { atol: 1e-11 }, "UTC MJD");
  // A leap second only exists where the table inserts one.
  assert.throws(() => parseEpoch("30 Dec 2016 23:59:60.000", "UTCGregorian"), EpochError);
  assert.throws(() => parseEpoch("31 Dec 2016 23:59:60.000", "TAIGregorian"), EpochError);
});

Deno.test("formatGregorian() rounds to the millisecond like GMAT and carries into the next day", () => {
  const day = parseGregorian("31 Dec 2025 00:00:00.000");
  assert.equal(formatGregorian(day + 86399.9996 * SEC), "01 Jan 2026 00:00:00.000");
  assert.equal(formatGregorian(day + 86399.9994 * SEC), "31 Dec 2025 23:59:59.999");
  assert.equal(formatGregorian(day + 3599.9996 * SEC), "31 Dec 2025 01:00:00.000");
  assert.equal(formatGregorian(day + 45296.7894 * SEC), "31 Dec 2025 12:34:56.789");
  assert.equal(formatGregorian(day + 45296.7896 * SEC), "31 Dec 2025 12:34:56.790");
  assert.equal(
    formatGregorian(parseGregorian("29 Feb 2024 07:08:09.010")),
    "29 Feb 2024 07:08:09.010",
  );
  assert.equal(formatGregorian(parseGregorian("1 Mar 2024 00:00:00")), "01 Mar 2024 00:00:00.000");
});

Deno.test("formatIsoUtc() and isoToA1Mjd() write and read CCSDS OEM epochs", () => {
  const a1 = parseEpoch("01 Jan 2026 12:00:00.000", "UTCGregorian");
  assert.equal(formatIsoUtc(a1), "2026-01-01T12:00:00.000");
  assertClose(isoToA1Mjd("2026-01-01T12:00:00.000"), a1, { atol: 1e-11 }, "read back");
  assertClose(isoToA1Mjd("2026-001T12:00:00Z"), a1, { atol: 1e-11 }, "day-of-year form");
  assertClose(
    isoToA1Mjd("2024-366T00:00:00"),
    isoToA1Mjd("2024-12-31T00:00:00"),
    { atol: 0 },
    "leap year",
  );
  assert.throws(
    () => isoToA1Mjd("01 Jan 2026 12:00:00.000"),
    (e: unknown) =>
      e instanceof EpochError && e.code === "EPOCH_FORMAT" &&
      /2026-01-01T12:00:00\.000/.test(e.message),
  );
  assert.throws(() => isoToA1Mjd("2026-02-30T00:00:00"), EpochError);
});

Deno.test("parseEpoch() rejects malformed text with EPOCH_FORMAT, quoting it and the expected form", () => {
  const bad: [string, string, RegExp][] = [
    ["2026-01-01T00:00:00", "UTCGregorian", /four fields/],
    ["01 Janu 2026 00:00:00.000", "UTCGregorian", /'Janu' is not a month/],
    ["01 jan 2026 00:00:00.000", "UTCGregorian", /'jan' is not a month/],
    ["32 Jan 2026 00:00:00.000", "UTCGregorian", /no day 32/],
    ["29 Feb 2025 00:00:00.000", "TAIGregorian", /no day 29/],
    ["01 Jan 26 00:00:00.000", "UTCGregorian", /four digits/],
    ["01 Jan 1949 00:00:00.000", "UTCGregorian", /from 1950/],
    ["01 Jan 2026 24:00:00.000", "UTCGregorian", /hour 24/],
    ["01 Jan 2026 00:60:00.000", "A1Gregorian", /minute 60/],
    ["01 Jan 2026 0:00:00.000", "UTCGregorian", /two digits/],
    ["01 Jan 2026 00:00:00.0001", "UTCGregorian", /one to three decimals/],
    ["", "TTGregorian", /four fields/],
  ];
  for (const [text, format, why] of bad) {
    assert.throws(
      () => parseEpoch(text, format as "UTCGregorian"),
      (e: unknown) =>
        e instanceof EpochError && e.code === "EPOCH_FORMAT" && e.message.includes(`'${text}'`) &&
        why.test(e.message) &&
        e.message.includes(
          "expected 'DD Mon YYYY HH:MM:SS.mmm' such as '01 Jan 2026 00:00:00.000'",
        ),
      `${text} (${format})`,
    );
  }
  for (const text of ["abc", "", "1e", "21545.0.0", "NaN"]) {
    assert.throws(
      () => parseEpoch(text, "A1ModJulian"),
      (e: unknown) =>
        e instanceof EpochError && e.message.includes(`'${text}'`) &&
        /decimal number/.test(e.message),
      text,
    );
  }
  assert.throws(
    () => parseEpoch("21545", "GPSModJulian" as "A1ModJulian"),
    (e: unknown) =>
      e instanceof EpochError && /Unknown epoch format 'GPSModJulian'/.test(e.message),
  );
});

Deno.test("isEpochFormat() accepts exactly GMAT's ten names", () => {
  assert.equal(EPOCH_FORMATS.length, 10);
  for (const f of EPOCH_FORMATS) assert.ok(isEpochFormat(f));
  for (const f of ["UTCModJulian ", "utcgregorian", "UT1ModJulian", "Gregorian", ""]) {
    assert.ok(!isEpochFormat(f), f);
  }
  assert.deepEqual(epochFormatParts("TDBModJulian"), { scale: "TDB", representation: "ModJulian" });
});
