/**
 * `parameter_spec` round trips for all four kinds, through JSON text, plus legacy grids.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  type Distribution,
  explicitRunSet,
  gridRunSet,
  latinHypercubeRunSet,
  monteCarloRunSet,
  type RunSet,
  runSetFromParameterSpec,
} from "../../src/runset/mod.ts";

const PERTURB: Record<string, Distribution> = {
  "Sat.SMA": { kind: "normal", mu: 7000, sigma: 10 },
  "Sat.ECC": { kind: "uniform", lo: 0, hi: 0.02 },
  "Sat.Cd": { kind: "lognormal", mu: 0.8, sigma: 0.1 },
  "Sat.INC": { kind: "truncnormal", mu: 28.5, sigma: 0.5, lo: 28, hi: 29 },
  "Sat.Mode": { kind: "choice", values: ["a", 2, true, [1, 2]], weights: [1, 0, 2, 0.5] },
  "Sat.Any": { kind: "choice", values: ["x", "y"] },
};

function roundTrip(set: RunSet): RunSet {
  const text = JSON.stringify(set.parameterSpec());
  const rebuilt = runSetFromParameterSpec(JSON.parse(text));
  assert.equal(rebuilt.kind, set.kind);
  assert.equal(rebuilt.size, set.size);
  assert.equal(rebuilt.seed, set.seed);
  assert.deepEqual([...rebuilt.specs()], [...set.specs()]);
  assert.equal(JSON.stringify(rebuilt.parameterSpec()), text);
  return rebuilt;
}

Deno.test("parameter_spec round trip: grid", () => {
  const set = gridRunSet({ "Sat.SMA": [7000, 7100.5], "Sat.Name": ["a", "b"], "Sat.On": [true] });
  assert.deepEqual(set.parameterSpec(), {
    _kind: "grid",
    "Sat.SMA": [7000, 7100.5],
    "Sat.Name": ["a", "b"],
    "Sat.On": [true],
  });
  roundTrip(set);
  roundTrip(gridRunSet({}));
});

Deno.test("parameter_spec: an untagged (legacy) grid loads as a grid", () => {
  const set = runSetFromParameterSpec({ "Sat.SMA": [7000, 7100], "Sat.ECC": [0, 0.1] });
  assert.equal(set.kind, "grid");
  assert.deepEqual(set.spec(1).overrides, { "Sat.ECC": 0, "Sat.SMA": 7100 });
  assert.deepEqual(set.parameterSpec(), {
    _kind: "grid",
    "Sat.SMA": [7000, 7100],
    "Sat.ECC": [0, 0.1],
  });
});

Deno.test("parameter_spec round trip: explicit", () => {
  const set = explicitRunSet({
    columns: ["Sat.SMA", "Sat.Name", "FM.Drag.Flux"],
    rows: [[7000, "a", [150, 150, 150]], [7100, "b", [160, 155, 140]]],
  });
  assert.deepEqual(set.parameterSpec(), {
    _kind: "explicit",
    columns: ["Sat.SMA", "Sat.Name", "FM.Drag.Flux"],
    rows: [[7000, "a", [150, 150, 150]], [7100, "b", [160, 155, 140]]],
  });
  roundTrip(set);
});

Deno.test("parameter_spec round trip: monte_carlo, in the Python tool's shape", () => {
  const set = monteCarloRunSet(PERTURB, 25, 42);
  assert.deepEqual(set.parameterSpec(), {
    _kind: "monte_carlo",
    perturb: {
      "Sat.Any": { kind: "choice", values: ["x", "y"] },
      "Sat.Cd": ["lognormal", 0.8, 0.1],
      "Sat.ECC": ["uniform", 0, 0.02],
      "Sat.INC": { kind: "truncnormal", mu: 28.5, sigma: 0.5, lo: 28, hi: 29 },
      "Sat.Mode": { kind: "choice", values: ["a", 2, true, [1, 2]], weights: [1, 0, 2, 0.5] },
      "Sat.SMA": ["normal", 7000, 10],
    },
    n: 25,
    seed: 42,
  });
  roundTrip(set);
});

Deno.test("parameter_spec round trip: latin_hypercube", () => {
  const set = latinHypercubeRunSet(PERTURB, 30, 7);
  const spec = set.parameterSpec();
  assert.equal(spec._kind, "latin_hypercube");
  roundTrip(set);
});

Deno.test("parameter_spec written by the Python tool (list-form perturb) rebuilds its runs", () => {
  const upstream = {
    _kind: "monte_carlo",
    perturb: { "Sat.SMA": ["normal", 7000.0, 10.0], "Sat.ECC": ["uniform", -1, 1] },
    n: 8,
    seed: 42,
  };
  const set = runSetFromParameterSpec(upstream);
  assert.equal(set.kind, "monte_carlo");
  assert.deepEqual([...set.specs()].map((s) => s.seed).slice(0, 3), [
    2684470948,
    4091952314,
    233227757,
  ]);
});
