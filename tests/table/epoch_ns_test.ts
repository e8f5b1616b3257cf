/** Epoch text and numbers to timestamp[ns] values. */
import assert from "node:assert/strict";
import { parseGregorian } from "../../src/physics/mod.ts";
import { addSecondsNs, gregorianToNs, isoToNs, modJulianToNs } from "../../src/table/epoch_ns.ts";

const MS = 1_000_000n;

Deno.test("gregorianToNs() reads GMAT Gregorian text exactly, to the millisecond", () => {
  assert.equal(gregorianToNs("01 Jan 2026 00:00:00.000"), BigInt(Date.UTC(2026, 0, 1)) * MS);
  assert.equal(
    gregorianToNs("04 May 2002 11:45:15.695"),
    BigInt(Date.UTC(2002, 4, 4, 11, 45, 15, 695)) * MS,
  );
  assert.equal(gregorianToNs("9 Jan 2010 16:00:00.000"), BigInt(Date.UTC(2010, 0, 9, 16)) * MS);
  assert.equal(
    gregorianToNs("29 Feb 2024 23:59:59.999"),
    BigInt(Date.UTC(2024, 1, 29, 23, 59, 59, 999)) * MS,
  );
  assert.equal(gregorianToNs("01 Jan 1941 00:00:00"), BigInt(Date.UTC(1941, 0, 1)) * MS);
  // A UTC leap second has no place on a naive clock: the next day's first second.
  assert.equal(
    gregorianToNs("31 Dec 2016 23:59:60.500"),
    BigInt(Date.UTC(2017, 0, 1, 0, 0, 0, 500)) * MS,
  );
  for (const bad of ["29 Feb 2026 00:00:00.000", "01 Foo 2026 00:00:00.000", "01 Jan 2026", "x"]) {
    assert.equal(gregorianToNs(bad), undefined, bad);
  }
});

Deno.test("isoToNs() reads CCSDS epochs, calendar and day-of-year forms", () => {
  assert.equal(isoToNs("2026-01-01T12:00:00.000"), BigInt(Date.UTC(2026, 0, 1, 12)) * MS);
  assert.equal(isoToNs("2026-032T00:00:01.5Z"), BigInt(Date.UTC(2026, 1, 1, 0, 0, 1, 500)) * MS);
  assert.equal(
    isoToNs("2026-01-01T00:00:00.123456789"),
    BigInt(Date.UTC(2026, 0, 1)) * MS + 123456789n,
  );
  assert.equal(isoToNs("2026-13-01T00:00:00"), undefined);
  assert.equal(isoToNs("2026-366T00:00:00"), undefined);
});

Deno.test("modJulianToNs() counts days from 1941-01-05T12:00:00, to the nearest ns", () => {
  assert.equal(modJulianToNs(0), BigInt(Date.UTC(1941, 0, 5, 12)) * MS);
  assert.equal(modJulianToNs(21545), BigInt(Date.UTC(2000, 0, 1, 12)) * MS);
  assert.equal(modJulianToNs(-0.5), BigInt(Date.UTC(1941, 0, 5)) * MS);
  assert.equal(modJulianToNs(NaN), undefined);
  // Consistent with the physics layer's Gregorian reading (same scale, same clock).
  const mjd = parseGregorian("01 Jan 2026 00:00:30.000");
  const ns = modJulianToNs(mjd)!;
  const exact = gregorianToNs("01 Jan 2026 00:00:30.000")!;
  assert.ok(ns - exact < 1000n && exact - ns < 1000n, `${ns} vs ${exact}`);
});

Deno.test("addSecondsNs() adds an STK offset rounded to the nanosecond", () => {
  assert.equal(addSecondsNs(10n, 60.00000019557774), 60000000206n);
  assert.equal(addSecondsNs(0n, -1.5), -1500000000n);
  assert.equal(addSecondsNs(0n, Infinity), undefined);
});
