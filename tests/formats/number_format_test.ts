import { ignoreUnless, requireComponent } from "../_support/components.ts";
import assert from "node:assert/strict";
import { formatE, formatG } from "../../src/formats/mod.ts";
import { cPrintf, hasCPrintf, seededRandom } from "./_c_printf.ts";

/** Doubles from every corner: random bit patterns, ordinary magnitudes, exact ties, edges. */
function sampleValues(): number[] {
  const rand = seededRandom(20261124);
  const view = new DataView(new ArrayBuffer(8));
  const values: number[] = [];
  // 1. Uniformly random finite bit patterns (all exponents, subnormals included).
  while (values.length < 6000) {
    view.setUint32(0, Math.floor(rand() * 2 ** 32));
    view.setUint32(4, Math.floor(rand() * 2 ** 32));
    const v = view.getFloat64(0);
    if (Number.isFinite(v)) values.push(v);
  }
  // 2. Everyday magnitudes 1e-30 .. 1e30, both signs.
  for (let i = 0; i < 6000; i++) {
    const v = (rand() + 0.05) * 10 ** Math.floor(rand() * 60 - 30);
    values.push(rand() < 0.5 ? -v : v);
  }
  // 3. Short binary fractions m / 2^k: their decimal expansions are short, so exact ties at
  //    16 (and other) significant digits occur often.
  for (let i = 0; i < 6000; i++) {
    const k = Math.floor(rand() * 40);
    const maxM = Math.min(2 ** 53, Math.ceil(10 ** (17 + rand() * 2) / 5 ** k));
    const m = Math.floor(rand() * maxM) | 1;
    const scale = 2 ** Math.floor(rand() * 20);
    values.push((m / 2 ** k) * (rand() < 0.5 ? scale : 1 / scale));
  }
  // 4. Integers, including around 2^53 and 1e15 / 1e16 / 1e17.
  for (let i = 0; i < 2000; i++) {
    const base = [1e15, 1e16, 1e17, 2 ** 53, 12345, 1e21][i % 6];
    values.push(Math.round(base + (rand() - 0.5) * 2000) * (i % 2 ? 1 : -1));
  }
  // 5. Edge cases.
  for (let e = -324; e <= 308; e++) {
    const p = Number(`1e${e}`);
    values.push(p, -p, p * (1 + Number.EPSILON), p * (1 - Number.EPSILON / 2));
  }
  values.push(
    0,
    -0,
    9.9999999999999995,
    999.9,
    99.99,
    9999999999.999998,
    999999999999999.9,
    0.99999999999999995,
    9.999999999999999e22,
    999999999999999.9,
    9999999999999998,
    9999999999999999,
    1e16,
    1e15,
    0.0001,
    0.00009999999999999999,
    0.5,
    1.5,
    2.5,
    1000000000000000.5,
    1000000000000001.5,
    5e-324,
    2.2250738585072014e-308,
    2.225073858507201e-308,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE * 12345,
    21545.00000039794,
    -0.003397893306150187,
    4.195051398634114e-6,
    2.206977572872483e-16,
    60.00000019557774,
  );
  return values;
}

const VALUES = sampleValues();

async function assertMatchesC(
  format: string,
  mine: (v: number) => string,
  values: readonly number[] = VALUES,
): Promise<void> {
  requireComponent(hasCPrintf, "python3 with ctypes (C printf oracle)");
  const expected = await cPrintf(format, values);
  assert.equal(expected.length, values.length);
  const failures: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const got = mine(values[i]);
    if (got !== expected[i]) failures.push(`${values[i]}: C "${expected[i]}", got "${got}"`);
  }
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} mismatches for ${format}`);
}

Deno.test({
  name: "formatG() matches C %.16g for many thousands of doubles",
  ignore: ignoreUnless(hasCPrintf),
  fn: () => assertMatchesC("%.16g", (v) => formatG(v)),
});

Deno.test({
  name: "formatG() with showPoint matches C %#.16g",
  ignore: ignoreUnless(hasCPrintf),
  fn: () => assertMatchesC("%#.16g", (v) => formatG(v, 16, { showPoint: true })),
});

Deno.test({
  name: "formatG() matches C %.{p}g at other precisions",
  ignore: ignoreUnless(hasCPrintf),
  fn: async () => {
    const subset = VALUES.filter((_, i) => i % 3 === 0);
    for (const p of [1, 2, 3, 6, 10, 15, 17, 20, 25]) {
      await assertMatchesC(`%.${p}g`, (v) => formatG(v, p), subset);
      await assertMatchesC(`%#.${p}g`, (v) => formatG(v, p, { showPoint: true }), subset);
    }
    await assertMatchesC("%.0g", (v) => formatG(v, 0), subset);
  },
});

Deno.test({
  name: "formatE() matches C % 1.15e, %1.15e and %+.15e",
  ignore: ignoreUnless(hasCPrintf),
  fn: async () => {
    await assertMatchesC("% 1.15e", (v) => formatE(v, 15, { space: true }));
    await assertMatchesC("%1.15e", (v) => formatE(v));
    await assertMatchesC("%+.15e", (v) => formatE(v, 15, { plus: true }));
  },
});

Deno.test({
  name: "formatE() matches C at other digit counts",
  ignore: ignoreUnless(hasCPrintf),
  fn: async () => {
    const subset = VALUES.filter((_, i) => i % 3 === 1);
    for (const d of [0, 1, 2, 5, 14, 16, 17, 20, 30]) {
      await assertMatchesC(`%.${d}e`, (v) => formatE(v, d), subset);
    }
  },
});

Deno.test({
  name: "formatE() prints non-finite values as glibc does",
  ignore: ignoreUnless(hasCPrintf),
  fn: async () => {
    const specials = [Infinity, -Infinity, NaN];
    await assertMatchesC("% 1.15e", (v) => formatE(v, 15, { space: true }), specials);
    await assertMatchesC("%+1.15e", (v) => formatE(v, 15, { plus: true }), specials);
    await assertMatchesC("%.3e", (v) => formatE(v, 3), specials);
  },
});

Deno.test("formatG() edge cases", () => {
  assert.equal(formatG(NaN), "NaN");
  assert.equal(formatG(Infinity), "inf");
  assert.equal(formatG(-Infinity), "-inf");
  assert.equal(formatG(-0), "-0");
  assert.equal(formatG(0), "0");
  assert.equal(formatG(0, 16, { showPoint: true }), "0.000000000000000");
  assert.equal(formatG(1e16), "1e+16");
  assert.equal(formatG(1e15), "1000000000000000");
  assert.equal(formatG(9.9999999999999995), "10");
  assert.equal(formatG(1000000000000000.5), "1000000000000000"); // exact tie: to even
  assert.equal(formatG(1000000000000001.5), "1000000000000002"); // exact tie: to even
  assert.equal(formatG(0.0001), "0.0001");
  assert.equal(formatG(0.00001), "1e-05");
  assert.equal(formatG(1.5e300), "1.5e+300");
  assert.equal(formatG(5e-324), "4.940656458412465e-324");
  assert.equal(formatG(123456, 3), "1.23e+05");
  assert.equal(formatG(7000, 16, { showPoint: true }), "7000.000000000000");
  assert.equal(formatG(1e20, 1, { showPoint: true }), "1.e+20");
  // glibc quirk: a carry from below 10^P up to 10^P keeps no fraction digits under %#g.
  assert.equal(formatG(999.9, 3, { showPoint: true }), "1.e+03");
  assert.equal(formatG(999999999999999.9, 15, { showPoint: true }), "1.e+15");
  assert.equal(formatG(9999.9, 3, { showPoint: true }), "1.00e+04");
  assert.equal(formatG(1e16, 16, { showPoint: true }), "1.000000000000000e+16");
  assert.throws(() => formatG(1, 101), RangeError);
  assert.throws(() => formatG(1, 2.5), RangeError);
});

Deno.test("formatE() edge cases", () => {
  assert.equal(formatE(-0, 15, { space: true }), "-0.000000000000000e+00");
  assert.equal(formatE(0, 15, { space: true }), " 0.000000000000000e+00");
  assert.equal(formatE(1e-300), "1.000000000000000e-300");
  assert.equal(formatE(0.5, 0), "5e-01");
  assert.equal(formatE(2.5, 0), "2e+00"); // exact tie: to even
  assert.equal(formatE(3.5, 0), "4e+00");
  assert.equal(formatE(NaN, 15, { space: true }), " nan");
  assert.equal(formatE(-Infinity, 15, { space: true }), "-inf");
  assert.throws(() => formatE(1, 100), RangeError);
});
