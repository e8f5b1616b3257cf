/**
 * Distribution JSON forms: parsing, validation and writing back.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  type Distribution,
  DistributionSchema,
  distributionToJson,
  makeSampler,
  parseDistribution,
} from "../../src/runset/mod.ts";

Deno.test("parseDistribution() reads the Python tool's list form", () => {
  assert.deepEqual(parseDistribution(["normal", 7000, 10], "Sat.SMA"), {
    kind: "normal",
    mu: 7000,
    sigma: 10,
  });
  assert.deepEqual(parseDistribution(["uniform", -1, 1], "Sat.ECC"), {
    kind: "uniform",
    lo: -1,
    hi: 1,
  });
  assert.deepEqual(parseDistribution(["lognormal", 0, 0.5], "Sat.Cd"), {
    kind: "lognormal",
    mu: 0,
    sigma: 0.5,
  });
});

Deno.test("parseDistribution() reads the object form of every kind; distributionToJson() inverts it", () => {
  const all: Distribution[] = [
    { kind: "normal", mu: 1, sigma: 2 },
    { kind: "uniform", lo: 1, hi: 2 },
    { kind: "lognormal", mu: -1, sigma: 0.1 },
    { kind: "truncnormal", mu: 0, sigma: 1, lo: -2, hi: 0.5 },
    { kind: "choice", values: ["a", 1, false, [1, 2]] },
    { kind: "choice", values: ["a", "b"], weights: [0.25, 0.75] },
  ];
  for (const d of all) {
    assert.deepEqual(parseDistribution({ ...d }, "Sat.X"), d);
    assert.deepEqual(parseDistribution(distributionToJson(d), "Sat.X"), d);
    assert.ok(DistributionSchema.safeParse(d).success);
  }
  assert.deepEqual(distributionToJson(all[0]), ["normal", 1, 2]);
  assert.deepEqual(distributionToJson(all[1]), ["uniform", 1, 2]);
  assert.deepEqual(distributionToJson(all[3]), {
    kind: "truncnormal",
    mu: 0,
    sigma: 1,
    lo: -2,
    hi: 0.5,
  });
});

Deno.test("makeSampler() quantiles: normal/lognormal through AS 241, uniform exact, choice by cdf", () => {
  const n = makeSampler({ kind: "normal", mu: 7000, sigma: 10 });
  assert.equal(n.ppf(0.5), 7000);
  assert.ok(Math.abs((n.ppf(0.975) as number) - 7019.59963984540054) < 1e-9);
  const u = makeSampler({ kind: "uniform", lo: 2, hi: 4 });
  assert.equal(u.ppf(0.25), 2.5);
  const ln = makeSampler({ kind: "lognormal", mu: 0, sigma: 1 });
  assert.equal(ln.ppf(0.5), 1);
  assert.ok(Number.isFinite(ln.ppf(1) as number)); // q = 1 maps at 1 - 2^-53
  const c = makeSampler({ kind: "choice", values: ["a", "b", "c"], weights: [1, 0, 1] });
  assert.deepEqual([0, 0.49, 0.5, 0.99].map((q) => c.ppf(q)), ["a", "a", "c", "c"]);
  const t = makeSampler({ kind: "truncnormal", mu: 0, sigma: 1, lo: 2, hi: 6 });
  assert.equal(t.ppf(0), 2);
  assert.ok((t.ppf(0.999999) as number) < 6);
  for (let i = 0; i < 200; i++) {
    const v = t.draw(i) as number;
    assert.ok(v >= 2 && v <= 6);
  }
});
