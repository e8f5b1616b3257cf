/**
 * Earth orientation (`src/physics/frames/`): the data readers against the file text, the angle
 * series against Vallado's worked examples (Fundamentals of Astrodynamics and Applications,
 * examples 3-5 and 3-15), GMAT's nutation update interval, the rotation rate against a finite
 * difference, and the whole EarthMJ2000Eq -> EarthFixed chain against GMAT's own
 * `Sat.Earth.Altitude` column in the battery reports (positions from the same rows).
 *
 * @module
 */

import assert from "node:assert/strict";
import { GmatDataSet } from "../../src/physics/data/gmat_data.ts";
import {
  lunarNodeLongitude,
  meanObliquity1980,
  nutation1980,
  NutationCache,
} from "../../src/physics/frames/iau1980_nutation.ts";
import { parseNutationFile } from "../../src/physics/frames/nutation_data.ts";
import { precessionAngles1976 } from "../../src/physics/frames/iau1976_precession.ts";
import { gmst1982 } from "../../src/physics/frames/sidereal_time.ts";
import { parseEopFile, polarMotionAt, ut1MinusUtcAt } from "../../src/physics/frames/eop_data.ts";
import { EarthFixedFrame, rotate } from "../../src/physics/frames/earth_fixed.ts";
import { geodeticAltitude } from "../../src/physics/frames/earth_tilt.ts";
import { DataFileError } from "../../src/physics/data/data_file_error.ts";
import { convertMjd } from "../../src/physics/time/convert_mjd.ts";
import { ignoreUnless } from "../_support/components.ts";
import { assertClose } from "./_assert.ts";
import { HAVE_BATTERY, readReport } from "./_gmat_battery.ts";

const data = new GmatDataSet();
const DEG = 180 / Math.PI;

Deno.test("NUTATION.DAT: GMAT reads the 106 terms of the '1980 IAU' block", async () => {
  const series = await data.nutation();
  assert.equal(series.count, 106);
  // First term of the 1980 block: 0 0 0 0 1 -171996 -174.2 92025 8.9 (not the 2000 block's
  // -171996 -84.2 at the top of the file).
  assert.deepEqual([...series.multipliers.slice(0, 5)], [0, 0, 0, 0, 1]);
  assertClose(series.a[0], -17.1996, { rtol: 1e-15 });
  assertClose(series.b[0], -0.01742, { rtol: 1e-15 });
  assertClose(series.c[0], 9.2025, { rtol: 1e-15 });
  assertClose(series.d[0], 0.00089, { rtol: 1e-15 });
  // Last term: 0 1 0 1 0 1 0 0 0 106
  assert.deepEqual([...series.multipliers.slice(5 * 105)], [0, 1, 0, 1, 0]);
  assertClose(series.a[105], 1e-4, { rtol: 1e-15 });
  assert.throws(() => parseNutationFile("xx 1996 IAU only\n"), DataFileError);
  assert.throws(
    () => parseNutationFile("xx 1980 IAU\nxx a2\n 0 0 0 0 1 -171996 -174.2 92025 8.9 1\n"),
    /ends after 1 of the 106/,
  );
});

Deno.test("Vallado example 3-15: IAU-1976 precession and IAU-1980 nutation", async () => {
  const series = await data.nutation();
  const t = 0.0426236319;
  const p = new Float64Array(3);
  precessionAngles1976(t, p);
  assertClose(p[0] * DEG, 0.0273055, { atol: 1e-7 }, "zeta");
  assertClose(p[1] * DEG, 0.0237306, { atol: 1e-7 }, "theta");
  assertClose(p[2] * DEG, 0.0273059, { atol: 1e-7 }, "z");
  const n = new Float64Array(2);
  nutation1980(series, t, lunarNodeLongitude(t), n);
  assertClose(n[0] * DEG, -0.0034108, { atol: 1e-7 }, "dpsi");
  assertClose(n[1] * DEG, 0.0020316, { atol: 1e-7 }, "deps");
  assertClose(meanObliquity1980(t) * DEG, 23.4387368, { atol: 1e-7 }, "mean obliquity");
});

Deno.test("GMST 1982 matches Vallado examples 3-5 and 3-15", () => {
  for (
    const [jdUt1, expected] of [[2448855.009722222, 152.578787810], [
      2453101.827406783,
      312.8098943,
    ]]
  ) {
    const mjd = jdUt1 - 2430000;
    const day = Math.floor(mjd);
    const gmst = gmst1982((mjd - day) * 86400, (mjd - 21545) / 36525) * DEG;
    assertClose(gmst, expected, { atol: 2e-7 }, `GMST at JD ${jdUt1}`);
  }
});

Deno.test("EOP C04: rows as in the file; x, y and UT1-UTC interpolated linearly", async () => {
  const eop = await data.eop();
  // 2026   1   1  61041   0.110512   0.331193   0.0740869  -0.0000217 ...
  // 2026   1   2  61042   0.109623   0.332564   0.0741827  -0.0001620 ...
  const i = 61041 - eop.mjd[0];
  assert.equal(eop.mjd[i], 61041);
  assert.equal(eop.x[i], 0.110512);
  assert.equal(eop.ut1MinusUtc[i], 0.0740869);
  const out = new Float64Array(3);
  polarMotionAt(eop, 61041.25, out);
  assertClose(out[0], 0.110512 + 0.25 * (0.109623 - 0.110512), { rtol: 1e-12 }, "x");
  assertClose(out[1], 0.331193 + 0.25 * (0.332564 - 0.331193), { rtol: 1e-12 }, "y");
  assert.equal(out[2], -0.0000217, "LOD is the earlier row's, not interpolated");
  // UT1-UTC by TAI: at 0h UTC of 2026-01-01 plus 6 h.
  const tai = convertMjd(61041 - 29999.5, "UTC", "TAI") + 0.25;
  assertClose(ut1MinusUtcAt(eop, tai), 0.0740869 + 0.25 * (0.0741827 - 0.0740869), {
    rtol: 1e-9,
  }, "UT1-UTC");
  // Outside the table the end values are held.
  polarMotionAt(eop, 30000, out);
  assert.equal(out[0], eop.x[0]);
  polarMotionAt(eop, 99999, out);
  assert.equal(out[0], eop.x[eop.size - 1]);
});

Deno.test("EOP C04: UT1-UTC stays continuous across the 2016-12-31 leap second", async () => {
  const eop = await data.eop();
  // 2016 12 31 57753: UT1-UTC -0.4077697; 2017 1 1 57754: 0.5912870 (leap second: TAI-UTC
  // 36 s -> 37 s, so UT1-UTC steps up by about 1 s).
  const i = 57753 - eop.mjd[0];
  const before = eop.ut1MinusUtc[i];
  const after = eop.ut1MinusUtc[i + 1];
  assert.equal(before, -0.4077697);
  assert.equal(after, 0.5912870);
  const t0 = eop.taiMjd[i];
  const t1 = eop.taiMjd[i + 1];
  assertClose((t1 - t0) * 86400, 86401, { atol: 1e-5 }, "TAI span of the day");
  // UT1 - TAI is interpolated without the jump: halfway, UT1-UTC = (before + after - 1 s) / 2.
  const mid = ut1MinusUtcAt(eop, (t0 + t1) / 2);
  assertClose(mid, (before + after - 1) / 2, { atol: 1e-9 }, "mid-day UT1-UTC");
});

Deno.test("EOP reader rules: header '(0h', blank lines skipped, errors named", () => {
  const text = "header\n     (0h UTC)\n\n" +
    "2026   1   1  61041   0.110512   0.331193   0.0740869  -0.0000217\n\n" +
    "2026   1   2  61042   0.109623   0.332564   0.0741827  -0.0001620\n";
  const eop = parseEopFile(text, "mini");
  assert.equal(eop.size, 2);
  assert.equal(eop.lod[1], -0.000162);
  assert.throws(() => parseEopFile("no header\n"), DataFileError);
  assert.throws(() => parseEopFile("(0h\n2026 1 1 61041 x 0 0 0\n", "bad"), /bad.*line 2/);
});

Deno.test("nutation is recomputed only after 60 s or more (GMAT's interval)", async () => {
  const frame = new EarthFixedFrame(await data.earthOrientation(), new NutationCache(60));
  const r = new Float64Array(9);
  const base = 31041.5;
  const counts: number[] = [];
  for (const s of [0, 30, 59.9, 60.01, 61, 100, 119.99, 121, 0]) {
    frame.rotation(base, r, s);
    counts.push(frame.cache.computations);
  }
  // 0 computes; 30, 59.9 reuse; 60.01 computes (|dt| >= 60 s); 61, 100, 119.99 reuse; 121
  // computes; back to 0 (121 s earlier) computes. (Exactly 60 s is not tested: like GMAT, the
  // difference of two A1 MJD doubles decides.)
  assert.deepEqual(counts, [1, 1, 1, 2, 2, 2, 2, 3, 4]);
  // Each frame owns its cache.
  const other = new EarthFixedFrame(frame.data);
  other.rotation(base, r, 10);
  assert.equal(other.cache.computations, 1);
  assert.equal(frame.cache.computations, 4);
});

Deno.test("R is a rotation and dR/dt matches a central difference of R", async () => {
  const orientation = await data.earthOrientation();
  const frame = new EarthFixedFrame(orientation, new NutationCache(0));
  const r = new Float64Array(9);
  const rdot = new Float64Array(9);
  frame.rotationAndRate(31041.5, r, rdot, 1234.5);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const dot = r[3 * i] * r[3 * j] + r[3 * i + 1] * r[3 * j + 1] + r[3 * i + 2] * r[3 * j + 2];
      assertClose(dot, i === j ? 1 : 0, { atol: 2e-15 }, `R R^T (${i},${j})`);
    }
  }
  const plus = new Float64Array(9);
  const minus = new Float64Array(9);
  frame.rotation(31041.5, plus, 1234.5 + 0.5);
  frame.rotation(31041.5, minus, 1234.5 - 0.5);
  for (let k = 0; k < 9; k++) {
    // The rate keeps only the sidereal-angle derivative (as GMAT does); precession and nutation
    // rates (about 1e-11 / s) are left out.
    assertClose(rdot[k], plus[k] - minus[k], { atol: 3e-11 }, `Rdot[${k}]`);
  }
});

for (const caseName of ["leo__default__acc1e-12", "leo__exp_2000"]) {
  Deno.test({
    name: `${caseName}: GMAT's Sat.Earth.Altitude from GMAT's positions, within 1e-6 km`,
    ignore: ignoreUnless(HAVE_BATTERY),
    fn: async () => {
      const rows = readReport(caseName);
      const frame = new EarthFixedFrame(await data.earthOrientation());
      const rot = new Float64Array(9);
      const fixed = new Float64Array(3);
      let worst = 0;
      for (const row of rows) {
        frame.rotation(row.a1, rot);
        rotate(rot, row.state, fixed);
        const h = geodeticAltitude(fixed[0], fixed[1], fixed[2], 6378.1363, 0.0033527).altitude;
        worst = Math.max(worst, Math.abs(h - row.columns["Sat.Earth.Altitude"]));
      }
      assert.ok(worst < 1e-6, `${caseName}: worst altitude difference ${worst} km`);
    },
  });
}
