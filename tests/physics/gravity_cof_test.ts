/**
 * The `.cof` reader: GMAT's column rules on the shipped JGM-2 / JGM-3 / EGM-96 files (values
 * checked against the file text and the JGM-2 table of the integration fact sheet), load limits,
 * unnormalised coefficients and format errors; and the data loader (`gmat_data.ts`).
 *
 * @module
 */

import assert from "node:assert/strict";
import { coefficientIndex, parseCofFile } from "../../src/physics/gravity/cof_file.ts";
import { DataFileError } from "../../src/physics/data/data_file_error.ts";
import { GmatDataSet, readDataText } from "../../src/physics/data/gmat_data.ts";
import { assertClose } from "./_assert.ts";

const data = new GmatDataSet();

Deno.test("JGM-2: POTFIELD header and the n <= 4 coefficients of the fact sheet", async () => {
  const jgm2 = await data.gravity("JGM2.cof");
  assert.equal(jgm2.fileDegree, 70);
  assert.equal(jgm2.fileOrder, 70);
  assert.equal(jgm2.normalizedOnFile, true);
  assert.equal(jgm2.mu, 398600.4415);
  assert.equal(jgm2.radius, 6378.1363);
  // design/gmat-integration.md section 6 (exact file values).
  const table: [number, number, number, number][] = [
    [2, 0, -4.84165390000000e-04, 0],
    [2, 1, -1.86987640000000e-10, 1.19528010000000e-09],
    [2, 2, 2.43908370000000e-06, -1.40010930000000e-06],
    [3, 0, 9.57122390000000e-07, 0],
    [3, 1, 2.02839970000000e-06, 2.48806640000000e-07],
    [3, 2, 9.04408620000000e-07, -6.19230590000000e-07],
    [3, 3, 7.21153880000000e-07, 1.41403690000000e-06],
    [4, 0, 5.40143330000000e-07, 0],
    [4, 1, -5.36367950000000e-07, -4.73422660000000e-07],
    [4, 2, 3.50349320000000e-07, 6.62868900000000e-07],
    [4, 3, 9.90258120000000e-07, -2.01009910000000e-07],
    [4, 4, -1.88488500000000e-07, 3.08845320000000e-07],
  ];
  for (const [n, m, c, s] of table) {
    const k = coefficientIndex(jgm2, n, m);
    assert.equal(jgm2.c[k], c, `C${n}${m}`);
    assert.equal(jgm2.s[k], s, `S${n}${m}`);
  }
  // No degree-1 terms on file.
  assert.equal(jgm2.c[coefficientIndex(jgm2, 1, 0)], 0);
  assert.equal(jgm2.c[coefficientIndex(jgm2, 1, 1)], 0);
  // The last line: RECOEF 70 70 -6.45165130000000e-10-1.66292990000000e-10
  assert.equal(jgm2.c[coefficientIndex(jgm2, 70, 70)], -6.45165130000000e-10);
  assert.equal(jgm2.s[coefficientIndex(jgm2, 70, 70)], -1.66292990000000e-10);
});

Deno.test("EGM-96: 360x360 header (POTFIELD360360) and a line with adjacent C and S", async () => {
  const egm = await data.gravity("EGM96.cof");
  assert.equal(egm.fileDegree, 360);
  assert.equal(egm.fileOrder, 360);
  assert.equal(egm.degree, 360);
  // RECOEF    2  2    2.43914352398000E-06-1.40016683654000E-06
  assert.equal(egm.c[coefficientIndex(egm, 2, 2)], 2.43914352398000e-06);
  assert.equal(egm.s[coefficientIndex(egm, 2, 2)], -1.40016683654000e-06);
  // RECOEF  360360   -4.47516389678000E-25-8.30224945525000E-11
  assert.equal(egm.c[coefficientIndex(egm, 360, 360)], -4.47516389678000e-25);
  assert.equal(egm.s[coefficientIndex(egm, 360, 360)], -8.30224945525000e-11);
});

Deno.test("load limits keep (degree + 1) x (order + 1) values and the same numbers", async () => {
  const full = await data.gravity("JGM3.cof");
  const small = await data.gravity("JGM3.cof", { maxDegree: 8, maxOrder: 3 });
  assert.equal(small.degree, 8);
  assert.equal(small.order, 3);
  assert.equal(small.c.length, 9 * 4);
  for (let n = 2; n <= 8; n++) {
    for (let m = 0; m <= Math.min(n, 3); m++) {
      assert.equal(small.c[coefficientIndex(small, n, m)], full.c[coefficientIndex(full, n, m)]);
      assert.equal(small.s[coefficientIndex(small, n, m)], full.s[coefficientIndex(full, n, m)]);
    }
  }
  // The order limit never exceeds the degree limit.
  const tiny = await data.gravity("JGM3.cof", { maxDegree: 2 });
  assert.equal(tiny.order, 2);
});

Deno.test("the data set parses each file once and shares the result", async () => {
  const set = new GmatDataSet();
  const [a, b] = await Promise.all([set.nutation(), set.nutation()]);
  assert.equal(a, b);
  assert.equal(
    await set.gravity("JGM2.cof", { maxDegree: 4 }),
    await set.gravity("JGM2.cof", { maxDegree: 4 }),
  );
  assert.notEqual(await set.gravity("JGM2.cof", { maxDegree: 4 }), await set.gravity("JGM2.cof"));
  // A second set is independent (no global cache).
  assert.notEqual(await new GmatDataSet().nutation(), a);
});

Deno.test("missing data files and escaping paths are DATA_FILE_MISSING errors", async () => {
  await assert.rejects(() => data.gravity("NOPE.cof"), (e: unknown) => {
    assert.ok(e instanceof DataFileError);
    assert.equal(e.code, "DATA_FILE_MISSING");
    assert.match(e.message, /NOPE\.cof/);
    return true;
  });
  await assert.rejects(() => readDataText("../deno.json"), DataFileError);
});

const HEADER =
  "COMMENT   1\nCCCCC test\nPOTFIELD  4  4  1 3.98600441500000e+14 6.37813630000000e+06 ";

Deno.test("unnormalised coefficients are divided by GMAT's normalisation factor", () => {
  // Unnormalised J2 = 1.0826e-3 (C20 = -J2) and C22 = 1.57e-6; fully normalised values are
  // C20 / sqrt(5) and C22 / sqrt(2 * 5 * 0! / 4!) (textbook normalisation).
  const text = HEADER + "0.00000000000000e+00\n" +
    "RECOEF    2  0   -1.08260000000000e-03\n" +
    "RECOEF    2  2    1.57000000000000e-06-9.00000000000000e-07\n" +
    "END\n";
  const coefs = parseCofFile(text, "unnormalised.cof");
  assert.equal(coefs.normalizedOnFile, false);
  assertClose(coefs.c[coefficientIndex(coefs, 2, 0)], -1.0826e-3 / Math.sqrt(5), {
    rtol: 1e-15,
  }, "C20");
  const n22 = Math.sqrt((2 * 5) / 24);
  assertClose(coefs.c[coefficientIndex(coefs, 2, 2)], 1.57e-6 / n22, { rtol: 1e-15 }, "C22");
  assertClose(coefs.s[coefficientIndex(coefs, 2, 2)], -9e-7 / n22, { rtol: 1e-15 }, "S22");
});

Deno.test("comment lines are skipped and END stops reading", () => {
  const text = HEADER + "1.0\n" +
    "RECOEF    2  0   -4.84165390000000e-04\n" +
    "C a comment line, even one that looks like RECOEF\n" +
    "END\n" +
    "RECOEF    3  0    9.99999999999999e-01\n";
  const coefs = parseCofFile(text, "end.cof");
  assert.equal(coefs.c[coefficientIndex(coefs, 2, 0)], -4.84165390000000e-04);
  assert.equal(coefs.c[coefficientIndex(coefs, 3, 0)], 0);
});

Deno.test("format errors name the file and line", () => {
  const bad: [string, RegExp][] = [
    ["RECOEF    2  0   -4.8e-04\n", /no POTFIELD|before the POTFIELD/],
    [
      HEADER + "1.0\nRECOEF    5  0    1.0e-06\n",
      /line 4: n = 5 is greater than the file degree 4/,
    ],
    [HEADER + "1.0\nRECOEF    2  1    1.0e-06\n", /line 4: S is missing for m = 1/],
    [HEADER + "1.0\nRECOEF    2  0    x.0e-06\n", /line 4: C .* is not a real number/],
    ["POTFIELD  4  4  1 3.986e+14\n", /line 1: POTFIELD needs/],
    ["C only comments\n", /no POTFIELD line/],
  ];
  for (const [text, pattern] of bad) {
    assert.throws(() => parseCofFile(text, "bad.cof"), (e: unknown) => {
      assert.ok(e instanceof DataFileError, String(e));
      assert.equal(e.code, "DATA_FILE_FORMAT");
      assert.match(e.message, /bad\.cof/);
      assert.match(e.message, pattern);
      return true;
    });
  }
});
