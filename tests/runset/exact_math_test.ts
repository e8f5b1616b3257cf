/**
 * The correctly rounded exp/log and the double-double helpers behind lognormal draws and the
 * ziggurat. Broad agreement with a decimal reference is checked in python_crosscheck_test.ts.
 *
 * @module
 */

import assert from "node:assert/strict";
import { crExp, crLog, ddAdd, twoProd, twoSum } from "../../src/numeric/exact_math.ts";
import { bitsHexToDouble, scaleByPowerOfTwo } from "../../src/numeric/float_bits.ts";

Deno.test("crExp() gives correctly rounded known values and handles the range edges", () => {
  assert.equal(crExp(0), 1);
  assert.equal(crExp(1), Math.E); // Math.E is e rounded to nearest
  assert.equal(crExp(Math.LN2), 2);
  assert.equal(crExp(-Math.LN2), 0.5);
  assert.equal(crExp(710), Infinity);
  assert.equal(crExp(709.782712893384), 1.7976931348622732e308);
  assert.equal(crExp(-746), 0);
  // Around half the smallest subnormal (values from a 60-digit decimal exp):
  assert.equal(crExp(-744.5), 5e-324); // 0.94 * 2^-1074
  assert.equal(crExp(-745.13), 5e-324); // 0.5016 * 2^-1074 rounds up
  assert.equal(crExp(-745.1332191019412), 0); // 0.49999999999999276 * 2^-1074 rounds down
  // exp(-740) = 84.78 * 2^-1074, rounded to the subnormal 85 * 2^-1074.
  assert.equal(crExp(-740), 85 * 5e-324);
  assert.ok(Number.isNaN(crExp(NaN)));
  // exp(0.5) = 1.6487212707001282 (0x3ffa61298e1e069c).
  assert.equal(crExp(0.5), bitsHexToDouble("3ffa61298e1e069c"));
});

Deno.test("crLog() gives correctly rounded known values near 1 and far from it", () => {
  assert.equal(crLog(1), 0);
  assert.equal(crLog(2), Math.LN2);
  assert.equal(crLog(Math.E), 1);
  assert.equal(crLog(0), -Infinity);
  assert.ok(Number.isNaN(crLog(-1)));
  // log(1 - 2^-53) = -2^-53 - 2^-107 - ...: rounds to -2^-53 (1.1102230246251565e-16).
  assert.equal(crLog(1 - 2 ** -53), -(2 ** -53));
  assert.equal(crLog(5e-324), -744.4400719213812);
  for (const x of [0.1, 0.3, 0.75, 1.5, 10, 1e-100, 1e300]) {
    assert.ok(Math.abs(crLog(crExp(crLog(x))) - crLog(x)) <= Math.abs(crLog(x)) * 2.3e-16, `${x}`);
  }
});

Deno.test("twoSum()/twoProd() are error-free and ddAdd() keeps the low part", () => {
  const [s, e] = twoSum(1, 2 ** -60);
  assert.equal(s, 1);
  assert.equal(e, 2 ** -60);
  const [p, q] = twoProd(1 + 2 ** -30, 1 + 2 ** -30);
  assert.equal(p, 1 + 2 ** -29);
  assert.equal(q, 2 ** -60);
  assert.deepEqual(ddAdd([1, 2 ** -60], [-1, 0]), [2 ** -60, 0]);
});

Deno.test("scaleByPowerOfTwo() is ldexp: exact in range, one rounding into subnormals", () => {
  assert.equal(scaleByPowerOfTwo(1.5, 10), 1536);
  assert.equal(scaleByPowerOfTwo(1.5, -1074), 5e-324 * 2); // 1.5 * 2^-1074 rounds to even (2)
  assert.equal(scaleByPowerOfTwo(1.25, -1074), 5e-324);
  assert.equal(scaleByPowerOfTwo(1, 1024), Infinity);
  assert.equal(scaleByPowerOfTwo(5e-324, 1074), 1);
  assert.equal(scaleByPowerOfTwo(0.75, 1024), 0.75 * 2 ** 1023 * 2);
});
