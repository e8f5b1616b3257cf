/**
 * The CSSI and Schatten readers and GMAT's lookup rules, against values read straight from the
 * shipped GMAT data files in this test (fixed columns of the CSSI FORMAT statement
 * `(I4,I3,I3,I5,I3,8I3,I4,8I4,I4,F4.1,I2,I4,F6.1,I2,5F6.1)`), combined by the rules documented in
 * GMAT R2026a's `SolarFluxReader::PrepareApData` / `PrepareKpData` (F10.7 measured at 20:00 UTC
 * since 1991-05-31, the previous day's flux, the 81-day centred average, 3-hourly Ap bins, Kp 6.7 h
 * before the epoch).
 */

import assert from "node:assert/strict";
import {
  createSpaceWeatherCache,
  DEFAULT_CSSI_FILE,
  DEFAULT_SCHATTEN_FILE,
  gmatMjdOfDate,
  loadCssi,
  parseCssiSpaceWeather,
  parseSchattenPredict,
} from "../../src/physics/atmosphere/space_weather.ts";
import {
  apToKp,
  constantSpaceWeather,
  jacchiaWeather,
  kpToAp,
  loadSpaceWeatherSource,
  msiseWeather,
} from "../../src/physics/atmosphere/space_weather_rules.ts";
import { SpaceWeatherError } from "../../src/physics/atmosphere/atmosphere_error.ts";
import { assertClose } from "./_assert.ts";

/** One CSSI line split by the FORMAT statement's columns. */
function cssiColumns(line: string) {
  const num = (a: number, b: number) => Number(line.slice(a, b));
  return {
    kp: Array.from({ length: 8 }, (_, i) => num(18 + 3 * i, 21 + 3 * i) / 10),
    ap: Array.from({ length: 8 }, (_, i) => num(46 + 4 * i, 50 + 4 * i)),
    apAvg: num(78, 82),
    adjF107: num(92, 98),
    obsF107: num(112, 118),
    obsCtr81: num(118, 124),
  };
}

const cssiText = await Deno.readTextFile(DEFAULT_CSSI_FILE);
function day(date: string) {
  const line = cssiText.split("\n").find((l) => l.startsWith(date));
  if (!line) throw new Error(`no CSSI line for ${date}`);
  return cssiColumns(line);
}

/** GMAT MJD (JD - 2430000) of 2003-10-29 00:00 UTC: JD 2452941.5. */
const OCT29 = 22941.5;

Deno.test("cssi reader: GMAT MJD of a date (2003-10-29 is JD 2452941.5)", () => {
  assert.equal(gmatMjdOfDate(2003, 10, 29), OCT29);
  assert.equal(gmatMjdOfDate(2026, 1, 1), 2461041.5 - 2430000);
});

Deno.test("cssi reader: the 2003 Halloween-storm days as printed in the file", async () => {
  const cssi = await loadCssi(createSpaceWeatherCache());
  for (const [date, dd] of [["2003 10 27", 26], ["2003 10 28", 27], ["2003 10 29", 28]] as const) {
    const rec = cssi.observed.find((r) => r.epoch === gmatMjdOfDate(2003, 10, dd + 1));
    assert.ok(rec, date);
    const want = day(date);
    assert.deepEqual(rec.kp, want.kp, date);
    assert.deepEqual(rec.ap, want.ap, date);
    assert.equal(rec.apAvg, want.apAvg, date);
    assert.equal(rec.adjF107, want.adjF107, date);
    assert.equal(rec.obsF107, want.obsF107, date);
    assert.equal(rec.obsCtrF107a, want.obsCtr81, date);
  }
  const oct29 = day("2003 10 29");
  assert.equal(oct29.apAvg, 204);
  assert.equal(oct29.obsF107, 291.7);
  assert.equal(cssi.observed[0].epoch, gmatMjdOfDate(1957, 10, 1));
  assert.equal(cssi.observed.length, 24643); // NUM_OBSERVED_POINTS
  assert.equal(cssi.observed.at(-1)!.epoch, gmatMjdOfDate(2025, 3, 20));
  assert.equal(cssi.predicted[0].epoch, gmatMjdOfDate(2025, 3, 21));
  assert.equal(cssi.predicted.length, 45 + 857); // daily + monthly; MONTHLY_FIT repeats dates
});

Deno.test("cssi reader: an older file whose monthly predictions leave Kp/Ap blank", async () => {
  // GMAT's sample CSSI_2004To2026.txt: 45 daily predictions with Kp/Ap, then monthly lines with
  // only the F10.7 columns. The predictions end at the last line carrying the indices.
  const path = new URL(
    "../../../shared/reference/gmat-samples/SupportFiles/CSSI_2004To2026.txt",
    import.meta.url,
  );
  const text = await Deno.readTextFile(path);
  const lines = text.split(/\r?\n/);
  const begin = lines.findIndex((l) => l.includes("BEGIN DAILY_PREDICTED"));
  const end = lines.findIndex((l) => l.includes("END DAILY_PREDICTED"));
  const daily = lines.slice(begin + 1, end).filter((l) => l.length > 60);
  const cssi = parseCssiSpaceWeather(text, "CSSI_2004To2026.txt");
  assert.equal(cssi.predicted.length, daily.length);
  const last = cssiColumns(daily.at(-1)!);
  assert.deepEqual(cssi.predicted.at(-1)!.kp, last.kp);
  assert.deepEqual(cssi.predicted.at(-1)!.ap, last.ap);
  assert.equal(cssi.predicted.at(-1)!.obsF107, last.obsF107);
  assert.equal(cssi.predicted.at(-1)!.epoch, gmatMjdOfDate(2015, 2, 26));
  assert.ok(cssi.observed.length > 3000);
});

Deno.test("cssi reader: parsed once per cache; a missing file is a SpaceWeatherError", async () => {
  const cache = createSpaceWeatherCache();
  assert.equal(loadCssi(cache), loadCssi(cache));
  await assert.rejects(
    () => loadCssi(cache, new URL("./no-such-weather.txt", DEFAULT_CSSI_FILE)),
    SpaceWeatherError,
  );
});

const cache = createSpaceWeatherCache();
const cssiSource = await loadSpaceWeatherSource(
  { historic: "CSSISpaceWeatherFile", predicted: "CSSISpaceWeatherFile" },
  cache,
);

Deno.test("rules: MSISE-90 inputs at 2003-10-29 06:00 UTC (observed data)", () => {
  const d27 = day("2003 10 27");
  const d28 = day("2003 10 28");
  const d29 = day("2003 10 29");
  const d26 = day("2003 10 26");
  const w = msiseWeather(cssiSource, OCT29 + 0.25);
  // F10.7 pinned at 20:00: F(Oct 27) at Oct 28 20:00 rising to F(Oct 28) at Oct 29 20:00.
  assertClose(w.f107, d27.obsF107 + (10 / 24) * (d28.obsF107 - d27.obsF107), { rtol: 1e-12 });
  // Before 08:00 UTC the 81-day average is the previous day's.
  assert.equal(w.f107a, d28.obsCtr81);
  assert.equal(w.ap[0], d29.apAvg);
  // 06-09 UT is bin 2; then bins 1, 0 and the previous day's bin 7.
  assert.deepEqual(w.ap.slice(1, 5), [d29.ap[2], d29.ap[1], d29.ap[0], d28.ap[7]]);
  const prior = [
    ...d28.ap.slice(0, 7).reverse(),
    ...d27.ap.slice().reverse(),
    ...d26.ap.slice()
      .reverse(),
  ];
  const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
  assertClose(w.ap[5], mean(prior.slice(0, 8)), { rtol: 1e-14 });
  assertClose(w.ap[6], mean(prior.slice(8, 16)), { rtol: 1e-14 });
});

Deno.test("rules: MSISE-90 inputs later on 2003-10-29", () => {
  const d28 = day("2003 10 28");
  const d29 = day("2003 10 29");
  const noon = msiseWeather(cssiSource, OCT29 + 0.5);
  const d27 = day("2003 10 27");
  assertClose(noon.f107, d27.obsF107 + (16 / 24) * (d28.obsF107 - d27.obsF107), { rtol: 1e-12 });
  assert.equal(noon.f107a, d29.obsCtr81);
  assert.deepEqual(noon.ap.slice(1, 5), [d29.ap[4], d29.ap[3], d29.ap[2], d29.ap[1]]);
  const late = msiseWeather(cssiSource, OCT29 + 21 / 24);
  assertClose(late.f107, d28.obsF107 + (1 / 24) * (d29.obsF107 - d28.obsF107), { rtol: 1e-12 });
});

Deno.test("rules: Jacchia-Roberts inputs on 2003-10-29 (Kp 6.7 h back)", () => {
  const d27 = day("2003 10 27");
  const d28 = day("2003 10 28");
  const d29 = day("2003 10 29");
  assert.deepEqual(jacchiaWeather(cssiSource, OCT29 + 0.25), {
    f107: d27.obsF107,
    f107a: d27.obsCtr81,
    kp: d28.kp[7], // 06:00 - 6.7 h = 23:18 on Oct 28
  });
  assert.deepEqual(jacchiaWeather(cssiSource, OCT29 + 0.5), {
    f107: d28.obsF107,
    f107a: d28.obsCtr81,
    kp: d29.kp[1], // 12:00 - 6.7 h = 05:18
  });
});

Deno.test("rules: CSSI monthly predictions after the observed data (2026-01-15 12:00 UTC)", () => {
  const jan = cssiColumns(cssiText.split("\n").find((l) => l.startsWith("2026 01 01"))!);
  const t = gmatMjdOfDate(2026, 1, 15) + 0.5;
  const w = msiseWeather(cssiSource, t);
  assert.equal(w.f107, jan.obsF107);
  assert.equal(w.f107a, jan.obsCtr81);
  assert.deepEqual(w.ap, [jan.apAvg, ...new Array(6).fill(jan.ap[7])]);
  assert.deepEqual(jacchiaWeather(cssiSource, t), {
    f107: jan.obsF107,
    f107a: jan.obsCtr81,
    kp: jan.kp[7],
  });
});

Deno.test("rules: constants (GMAT's defaults F10.7 = F10.7A = 150, Kp = 3 -> Ap = 15)", () => {
  const c = constantSpaceWeather();
  assert.deepEqual(msiseWeather(c, 31041.5), { f107: 150, f107a: 150, ap: new Array(7).fill(15) });
  assert.deepEqual(jacchiaWeather(c, 31041.5), { f107: 150, f107a: 150, kp: 3 });
  // Vallado's Kp -> Ap table (GMAT's default conversion) and its inverse.
  assert.deepEqual([0, 1 / 3, 1, 2 + 2 / 3, 3, 5, 9].map(kpToAp), [0, 2, 4, 12, 15, 48, 400]);
  assertClose(apToKp(15), 3, { rtol: 1e-15 });
  assertClose(apToKp(13.5), 2.835, { rtol: 1e-12 });
  // GMAT's AtmosphereModel ignores a zero MagneticIndex (keeps Kp 3); the drag refuses Kp > 9.
  assert.equal(constantSpaceWeather({ kp: 0 }).kp, 3);
  assert.throws(() => constantSpaceWeather({ kp: 9.5 }), /MagneticIndex/);
});

Deno.test("schatten: monthly predictions, mid-month epochs, nominal and +2 sigma", async () => {
  const text = await Deno.readTextFile(DEFAULT_SCHATTEN_FILE);
  const recs = parseSchattenPredict(text);
  // First data line: "  3 2026   138  157  116   12  111  125   97   10  159  184  133   14".
  assert.deepEqual(recs[0].f107, [138, 157, 116, 111, 125, 97, 159, 184, 133]);
  assert.deepEqual(recs[0].ap, [12, 10, 14]);
  const mar = gmatMjdOfDate(2026, 3, 1);
  const apr = gmatMjdOfDate(2026, 4, 1);
  assert.equal(recs[0].epoch, (mar + apr) / 2 - 0.5);
  const src = await loadSpaceWeatherSource({ predicted: "SchattenFile" }, cache);
  const mid = (recs[0].epoch + recs[1].epoch) / 2;
  const w = msiseWeather(src, mid);
  assertClose(w.f107, (138 + 136) / 2, { rtol: 1e-14 });
  assert.equal(w.f107a, w.f107);
  assert.deepEqual(w.ap, new Array(7).fill(12));
  assert.deepEqual(jacchiaWeather(src, mid), { f107: 138, f107a: 138, kp: apToKp(12) });
  // Before the first Schatten month the constants apply.
  assert.equal(msiseWeather(src, recs[0].epoch - 1).f107, 150);
  const high = await loadSpaceWeatherSource(
    { predicted: "SchattenFile", schattenError: "PlusTwoSigma", schattenTiming: "LateCycle" },
    cache,
  );
  assert.deepEqual(jacchiaWeather(high, recs[0].epoch + 1), {
    f107: 184,
    f107a: 184,
    kp: apToKp(14),
  });
});

Deno.test("data: the shipped atmosphere files are GMAT R2026a's bytes", async () => {
  const want: Record<string, string> = {
    "SpaceWeather-All-v1.2.txt": "47aef46938f4b639965cd73d9406c9580f4042fbd938467b40a26ff0d4b354cf",
    "SchattenPredict.txt": "89ad34445419440914370a38b4108316c3637539611f46a501cffd491c2fa798",
    "EarthExponentialAtmosphereData.txt":
      "75762f679f82e089a4a6eadaa1251c797a2151aab5311b36b2ae96cffefda85e",
  };
  for (const [name, sha] of Object.entries(want)) {
    const bytes = await Deno.readFile(new URL(`./${name}`, DEFAULT_CSSI_FILE));
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
    assert.equal(hex, sha, name);
  }
});
