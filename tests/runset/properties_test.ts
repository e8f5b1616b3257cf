/**
 * Properties of the stochastic run sets: name-keyed draws, exact extension, independence from
 * process and order, Latin hypercube stratification, recorded seeds.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { doubleToBitsHex } from "../../src/numeric/float_bits.ts";
import {
  type Distribution,
  extendMonteCarlo,
  latinHypercubeRunSet,
  monteCarloRunSet,
  normalCdf,
  runSetFromParameterSpec,
} from "../../src/runset/mod.ts";
import type { RunSpec } from "../../src/runs/mod.ts";
import { ROOT } from "./_support.ts";

const SMA: Distribution = { kind: "normal", mu: 7000, sigma: 10 };
const ECC: Distribution = { kind: "uniform", lo: 0, hi: 0.02 };
const CD: Distribution = { kind: "lognormal", mu: 0.8, sigma: 0.1 };
const INC: Distribution = { kind: "truncnormal", mu: 28.5, sigma: 0.5, lo: 28, hi: 29 };
const MODE: Distribution = { kind: "choice", values: ["a", "b", "c"], weights: [1, 1, 2] };

Deno.test("adding a parameter never changes the other parameters' draws (keyed by name)", () => {
  const small = monteCarloRunSet({ "Sat.SMA": SMA, "Sat.ECC": ECC }, 40, 11);
  const large = monteCarloRunSet(
    { "Sat.ECC": ECC, "Aaa.First": CD, "Sat.SMA": SMA, "Zzz.Last": INC, "Sat.Mode": MODE },
    40,
    11,
  );
  const a = [...small.specs()];
  const b = [...large.specs()];
  a.forEach((s, i) => {
    assert.equal(b[i].seed, s.seed);
    assert.equal(b[i].overrides["Sat.SMA"], s.overrides["Sat.SMA"]);
    assert.equal(b[i].overrides["Sat.ECC"], s.overrides["Sat.ECC"]);
  });
  // Overrides are listed in sorted name order.
  assert.deepEqual(Object.keys(b[0].overrides), [
    "Aaa.First",
    "Sat.ECC",
    "Sat.Mode",
    "Sat.SMA",
    "Zzz.Last",
  ]);
});

Deno.test("extendMonteCarlo() draws exactly what a fresh larger sweep draws", () => {
  const perturb = {
    "Sat.SMA": SMA,
    "Sat.ECC": ECC,
    "Sat.Cd": CD,
    "Sat.INC": INC,
    "Sat.Mode": MODE,
  };
  const base = monteCarloRunSet(perturb, 30, 2026);
  const extended = extendMonteCarlo(base, 20);
  const fresh = monteCarloRunSet(perturb, 50, 2026);
  assert.equal(extended.size, 50);
  assert.equal(extended.seed, 2026);
  assert.deepEqual([...extended.specs()], [...fresh.specs()]);
  assert.deepEqual([...fresh.specs(0, 30)], [...base.specs()]);
  const tail = [...extended.specs(30, 50)];
  assert.deepEqual(tail.map((s) => s.runId), Array.from({ length: 20 }, (_, i) => 30 + i));
  assert.deepEqual(tail, [...fresh.specs()].slice(30));
  // Also from a run set rebuilt from its manifest parameter_spec, twice over.
  const rebuilt = runSetFromParameterSpec(JSON.parse(JSON.stringify(base.parameterSpec())));
  assert.deepEqual([...extendMonteCarlo(extendMonteCarlo(rebuilt, 5), 15).specs()], [
    ...fresh.specs(),
  ]);
});

function bitsOf(spec: RunSpec) {
  return {
    runId: spec.runId,
    seed: spec.seed,
    overrides: Object.fromEntries(
      Object.entries(spec.overrides).map((
        [k, v],
      ) => [k, typeof v === "number" ? doubleToBitsHex(v) : v]),
    ),
  };
}

Deno.test("a spec's draws do not depend on the order or the process that computes them", async () => {
  const perturb = { "Sat.SMA": SMA, "ünïcode.Field": CD, "Sat.INC": INC, "Sat.Mode": MODE };
  const set = monteCarloRunSet(perturb, 64, 99);
  const forward = [...set.specs()].map(bitsOf);
  const backward = Array.from({ length: 64 }, (_, i) => bitsOf(set.spec(63 - i))).reverse();
  assert.deepEqual(backward, forward);
  const fresh = monteCarloRunSet(perturb, 64, 99);
  assert.deepEqual(bitsOf(fresh.spec(37)), forward[37]); // first computation in a new set
  // Another process, rebuilding from the parameter_spec, asked for runs in a scrambled order.
  const ids = [63, 0, 17, 42, 5, 31];
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--config",
      join(ROOT, "deno.json"),
      join(ROOT, "tests", "runset", "_spec_worker.ts"),
      JSON.stringify(set.parameterSpec()),
      ids.join(","),
    ],
    cwd: ROOT,
    env: { DENO_NO_PACKAGE_JSON: "1", NO_COLOR: "1" },
  }).output();
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
  const remote = JSON.parse(new TextDecoder().decode(out.stdout));
  assert.deepEqual(remote, ids.map((i) => forward[i]));
});

Deno.test("latinHypercubeRunSet() puts exactly one point per 1/n stratum per axis (n = 1000)", () => {
  const n = 1000;
  const perturb = { "Sat.SMA": SMA, "Sat.ECC": ECC, "Sat.Cd": CD, "Sat.INC": INC };
  const set = latinHypercubeRunSet(perturb, n, 12345);
  const names = Object.keys(set.perturb);
  assert.deepEqual(names, ["Sat.Cd", "Sat.ECC", "Sat.INC", "Sat.SMA"]);
  const unit = set.unitPoints();
  const specs = [...set.specs()];
  // Each mapped value's own CDF says which stratum it is in.
  const cdf: Record<string, (v: number) => number> = {
    "Sat.SMA": (v) => normalCdf((v - 7000) / 10),
    "Sat.ECC": (v) => (v - 0) / 0.02,
    "Sat.Cd": (v) => normalCdf((Math.log(v) - 0.8) / 0.1),
    "Sat.INC": (v) => {
      const a = normalCdf((28 - 28.5) / 0.5);
      const b = normalCdf((29 - 28.5) / 0.5);
      return (normalCdf((v - 28.5) / 0.5) - a) / (b - a);
    },
  };
  names.forEach((name, j) => {
    const strata = new Set<number>();
    for (let i = 0; i < n; i++) {
      const p = unit[i * names.length + j];
      assert.ok(p > 0 && p <= 1);
      const k = Math.ceil(p * n) - 1; // p in (k/n, (k+1)/n]
      strata.add(k);
      // The mapped value lies in the same stratum of its own distribution (to 1e-9 of a stratum).
      const x = cdf[name](specs[i].overrides[name] as number) * n;
      assert.ok(x > k - 1e-9 && x < k + 1 + 1e-9, `${name} run ${i}: stratum ${k}, cdf*n ${x}`);
    }
    assert.equal(strata.size, n, `${name}: one point per stratum`);
  });
  for (const s of specs) assert.equal(s.seed, null);
});

Deno.test("latinHypercubeRunSet() is deterministic for a seed and changes with it", () => {
  const perturb = { "Sat.SMA": SMA, "Sat.Mode": MODE };
  const a = [...latinHypercubeRunSet(perturb, 50, 7).specs()];
  const b = [...latinHypercubeRunSet(perturb, 50, 7).specs()];
  const c = [...latinHypercubeRunSet(perturb, 50, 8).specs()];
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  // Choice through its inverse CDF: weights 1:1:2 give 12.5 / 12.5 / 25 of 50.
  const counts = { a: 0, b: 0, c: 0 } as Record<string, number>;
  for (const s of a) counts[s.overrides["Sat.Mode"] as string]++;
  assert.deepEqual(counts, { a: 13, b: 12, c: 25 });
});

Deno.test("a null seed is replaced by a random recorded seed, so the set can be rebuilt", () => {
  const set = monteCarloRunSet({ "Sat.SMA": SMA }, 5, null);
  assert.ok(Number.isSafeInteger(set.seed) && set.seed >= 0);
  const spec = set.parameterSpec();
  assert.equal(spec._kind, "monte_carlo");
  assert.equal((spec as { seed: number }).seed, set.seed);
  assert.deepEqual([...runSetFromParameterSpec(spec).specs()], [...set.specs()]);
  const other = monteCarloRunSet({ "Sat.SMA": SMA }, 5, null);
  assert.notEqual(other.seed, set.seed);
  const lhs = latinHypercubeRunSet({ "Sat.SMA": SMA }, 5, null);
  assert.deepEqual([...runSetFromParameterSpec(lhs.parameterSpec()).specs()], [...lhs.specs()]);
});

Deno.test("Monte Carlo runs record their run seed and an empty context", () => {
  const set = monteCarloRunSet({ "Sat.SMA": SMA }, 3, 42);
  assert.deepEqual([...set.specs()].map((s) => s.seed), [2684470948, 4091952314, 233227757]);
  assert.deepEqual(set.spec(2).context, {});
  assert.equal(set.kind, "monte_carlo");
});
