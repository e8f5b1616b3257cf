/**
 * Every validation failure is a RunSetError (code RUNSET_CONFIG) raised before any run, with a
 * message naming the field, column or row and the fix.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  type Distribution,
  explicitRunSet,
  extendMonteCarlo,
  gridFromShorthands,
  gridRunSet,
  latinHypercubeRunSet,
  monteCarloRunSet,
  parseDistribution,
  parseGridShorthand,
  parsePerturbShorthand,
  readExplicitRows,
  RunSetError,
  runSetFromParameterSpec,
} from "../../src/runset/mod.ts";
import { GmatSweepError } from "../../src/errors/mod.ts";

const N01: Distribution = { kind: "normal", mu: 0, sigma: 1 };

/** [what, action, the exact message or a pattern it must match]. */
const CASES: [string, () => unknown, string | RegExp][] = [
  // grids
  [
    "empty grid axis",
    () => gridRunSet({ "Sat.SMA": [] }),
    "grid axis 'Sat.SMA' is empty: give at least one value",
  ],
  [
    "non-dotted grid axis",
    () => gridRunSet({ SMA: [1] }),
    `grid axis "SMA" is not a dotted field path: give Resource.Field, e.g. 'Sat.SMA'`,
  ],
  [
    "grid axis that is not a list",
    () => gridRunSet({ "Sat.SMA": 7000 as unknown as number[] }),
    "grid axis 'Sat.SMA' is not a list: give a list of values",
  ],
  [
    "NaN grid value",
    () => gridRunSet({ "Sat.SMA": [7000, NaN] }),
    "grid axis 'Sat.SMA' value 1 is NaN: give a finite number",
  ],
  [
    "null grid value",
    () => gridRunSet({ "Sat.SMA": [null as unknown as number] }),
    "grid axis 'Sat.SMA' value 0 is null: give a number, string, boolean or an array of them",
  ],
  [
    "grid beyond 2^53 cells",
    () => {
      const axis = Array.from({ length: 1000 }, (_, i) => i);
      return gridRunSet({
        "A.a": axis,
        "B.b": axis,
        "C.c": axis,
        "D.d": axis,
        "E.e": axis,
        "F.f": axis,
      });
    },
    "grid has more than 2^53 - 1 cells (at axis 'F.f'): split the sweep",
  ],
  [
    "duplicate --grid axis",
    () => gridFromShorthands(["Sat.SMA=1,2", "Sat.SMA=3"]),
    "--grid axis 'Sat.SMA' is given twice: give each axis once",
  ],
  [
    "--grid count below 2",
    () => parseGridShorthand("Sat.SMA=7000:7300:1"),
    "--grid 'Sat.SMA=7000:7300:1': count must be >= 2, got 1",
  ],
  [
    "--grid count not an integer",
    () => parseGridShorthand("Sat.SMA=7000:7300:2.5"),
    "--grid 'Sat.SMA=7000:7300:2.5': count '2.5' is not an integer",
  ],
  [
    "--grid nan bound",
    () => parseGridShorthand("Sat.SMA=nan:7300:4"),
    "--grid 'Sat.SMA=nan:7300:4': lo is nan: give a finite number",
  ],
  [
    "--grid inf list item",
    () => parseGridShorthand("Sat.SMA=7000,inf"),
    "--grid 'Sat.SMA=7000,inf': item 2 is inf: give a finite number",
  ],
  [
    "--grid empty list item",
    () => parseGridShorthand("Sat.SMA=7000,,7100"),
    "--grid 'Sat.SMA=7000,,7100': item 2 is empty: remove the extra comma",
  ],
  [
    "--grid two colon fields",
    () => parseGridShorthand("Sat.SMA=7000:7300"),
    "--grid 'Sat.SMA=7000:7300': expected lo:hi:count (3 fields), got 2; for a list use commas",
  ],
  [
    "--grid without '='",
    () => parseGridShorthand("Sat.SMA"),
    "--grid 'Sat.SMA' has no '=': write it as 'Sat.SMA=7000:7300:16'",
  ],
  // distributions (list form: the Python tool's validation)
  [
    "unknown distribution tag",
    () => parseDistribution(["gauss", 0, 1], "Sat.SMA"),
    "perturb 'Sat.SMA': unknown distribution tag \"gauss\": use one of normal, uniform, lognormal",
  ],
  [
    "truncnormal in list form",
    () => parseDistribution(["truncnormal", 0, 1, -1, 1], "Sat.SMA"),
    /truncnormal takes the object form \{"kind": "truncnormal", \.\.\.\}/,
  ],
  [
    "wrong length",
    () => parseDistribution(["normal", 7000], "Sat.SMA"),
    `perturb 'Sat.SMA': ["normal", ...] has 2 elements, expected 3: [tag, a, b]`,
  ],
  [
    "empty list",
    () => parseDistribution([], "Sat.SMA"),
    /^perturb 'Sat\.SMA': empty distribution: give \["normal", mu, sigma\]/,
  ],
  [
    "boolean parameter",
    () => parseDistribution(["normal", true, 10], "Sat.SMA"),
    "perturb 'Sat.SMA': mu is a boolean (true): give a number",
  ],
  [
    "non-numeric parameter",
    () => parseDistribution(["uniform", "0", 1], "Sat.ECC"),
    `perturb 'Sat.ECC': lo is not a number (got "0")`,
  ],
  [
    "non-finite parameter",
    () => parseDistribution(["normal", 7000, Infinity], "Sat.SMA"),
    "perturb 'Sat.SMA': sigma is Infinity: give a finite number",
  ],
  [
    "sigma <= 0",
    () => parseDistribution(["lognormal", 0, 0], "Sat.Cd"),
    "perturb 'Sat.Cd': sigma must be > 0, got 0",
  ],
  [
    "hi <= lo",
    () => parseDistribution(["uniform", 1, 1], "Sat.ECC"),
    "perturb 'Sat.ECC': hi (1) must be greater than lo (1)",
  ],
  [
    "neither list nor object",
    () => parseDistribution(7000, "Sat.SMA"),
    /^perturb 'Sat\.SMA': a distribution must be a list like \["normal", mu, sigma\] .* got number$/,
  ],
  [
    "frozen scipy distribution",
    () => parseDistribution({ name: "norm", args: [], kwds: { loc: 0 } }, "Sat.SMA"),
    /^perturb 'Sat\.SMA': frozen scipy distributions \("norm"\) are not supported/,
  ],
  // distributions (object form)
  [
    "unknown kind",
    () => parseDistribution({ kind: "beta", a: 1 }, "Sat.X"),
    "perturb 'Sat.X': unknown distribution kind \"beta\": use one of normal, uniform, lognormal, truncnormal, choice",
  ],
  [
    "unknown field",
    () => parseDistribution({ kind: "normal", mu: 0, sigma: 1, loc: 2 }, "Sat.X"),
    "perturb 'Sat.X': unknown field 'loc' for kind 'normal': expected mu, sigma",
  ],
  [
    "missing field",
    () => parseDistribution({ kind: "truncnormal", mu: 0, sigma: 1, lo: -1 }, "Sat.X"),
    "perturb 'Sat.X': truncnormal needs 'hi' (fields: mu, sigma, lo, hi)",
  ],
  [
    "truncation far in the tail",
    () => parseDistribution({ kind: "truncnormal", mu: 0, sigma: 1, lo: 40, hi: 41 }, "Sat.X"),
    "perturb 'Sat.X': [lo, hi] = [40, 41] lies more than 37 sigma from mu = 0: move the interval closer to mu or use uniform",
  ],
  [
    "empty choice",
    () => parseDistribution({ kind: "choice", values: [] }, "Sat.Mode"),
    "perturb 'Sat.Mode': choice needs a non-empty 'values' list",
  ],
  [
    "choice weights of the wrong length",
    () => parseDistribution({ kind: "choice", values: ["a", "b"], weights: [1] }, "Sat.Mode"),
    "perturb 'Sat.Mode': choice has 2 values but 1 weights: give one weight per value",
  ],
  [
    "negative choice weight",
    () => parseDistribution({ kind: "choice", values: ["a", "b"], weights: [1, -1] }, "Sat.Mode"),
    "perturb 'Sat.Mode': weights[1] is -1: weights must be >= 0",
  ],
  [
    "all-zero choice weights",
    () => parseDistribution({ kind: "choice", values: ["a", "b"], weights: [0, 0] }, "Sat.Mode"),
    "perturb 'Sat.Mode': choice weights are all zero: give at least one positive weight",
  ],
  [
    "unknown --perturb tag",
    () => parsePerturbShorthand("Sat.SMA=beta:1:2"),
    /^--perturb 'Sat\.SMA=beta:1:2': unknown distribution 'beta': use normal:mu:sigma, uniform:lo:hi/,
  ],
  [
    "--perturb field count",
    () => parsePerturbShorthand("Sat.SMA=normal:7000"),
    "--perturb 'Sat.SMA=normal:7000': normal takes 2 numbers (normal:mu:sigma), got 1",
  ],
  [
    "--perturb non-dotted name",
    () => parsePerturbShorthand("SMA=normal:7000:10"),
    `--perturb name "SMA" is not a dotted field path: give Resource.Field, e.g. 'Sat.SMA'`,
  ],
  // Monte Carlo / Latin hypercube
  [
    "empty perturb",
    () => monteCarloRunSet({}, 10, 1),
    "monte_carlo perturb is empty: give at least one parameter to perturb",
  ],
  [
    "n = 0",
    () => monteCarloRunSet({ "Sat.SMA": N01 }, 0, 1),
    "monte_carlo n = 0 is not a whole number of runs >= 1",
  ],
  [
    "fractional n",
    () => latinHypercubeRunSet({ "Sat.SMA": N01 }, 2.5, 1),
    "latin_hypercube n = 2.5 is not a whole number of runs >= 1",
  ],
  [
    "negative seed",
    () => monteCarloRunSet({ "Sat.SMA": N01 }, 10, -1),
    "monte_carlo seed -1 is not a non-negative integer below 2^53: give such an integer, or null for a random (recorded) seed",
  ],
  [
    "non-dotted perturb name",
    () => monteCarloRunSet({ SMA: N01 }, 10, 1),
    `monte_carlo parameter "SMA" is not a dotted field path: give Resource.Field, e.g. 'Sat.SMA'`,
  ],
  [
    "invalid distribution object passed to a run set",
    () => monteCarloRunSet({ "Sat.SMA": { kind: "normal", mu: 0, sigma: -1 } }, 10, 1),
    "perturb 'Sat.SMA': sigma must be > 0, got -1",
  ],
  [
    "extending a Latin hypercube",
    () => extendMonteCarlo(latinHypercubeRunSet({ "Sat.SMA": N01 }, 4, 1), 2),
    "a Latin hypercube design cannot be extended (every sample would be re-stratified): run a new design with the larger n",
  ],
  [
    "extending by 0",
    () => extendMonteCarlo(monteCarloRunSet({ "Sat.SMA": N01 }, 4, 1), 0),
    "extension k = 0 is not a whole number of runs >= 1",
  ],
  // explicit rows
  [
    "duplicate column",
    () => explicitRunSet({ columns: ["Sat.SMA", "Sat.SMA"], rows: [[1, 2]] }),
    "column 'Sat.SMA' appears twice: give each column once",
  ],
  [
    "non-dotted column",
    () => explicitRunSet([{ SMA: 7000 }]),
    `column "SMA" is not a dotted field path: give Resource.Field, e.g. 'Sat.SMA'`,
  ],
  [
    "non-string column",
    () => explicitRunSet({ columns: [3 as unknown as string], rows: [[1]] }),
    "column 0 name 3 is not a string: name every column with a dotted path like 'Sat.SMA'",
  ],
  [
    "column empty in every row",
    () =>
      explicitRunSet({
        columns: ["Sat.SMA", "Sat.ECC"],
        rows: [[7000, null], [7100, NaN]] as never,
      }),
    "column 'Sat.ECC' is empty in every row: fill it or drop the column",
  ],
  [
    "single empty cell",
    () => explicitRunSet([{ "Sat.SMA": 7000, "Sat.ECC": 0.1 }, { "Sat.SMA": 7100 }]),
    "row 1 has no value in column 'Sat.ECC': fill the cell (every run needs every column) or split the rows into separate sweeps",
  ],
  [
    "row of the wrong length",
    () => explicitRunSet({ columns: ["Sat.SMA", "Sat.ECC"], rows: [[7000]] }),
    "row 0 has 1 cells but there are 2 columns (Sat.SMA, Sat.ECC): give one cell per column",
  ],
  [
    "infinite cell",
    () => explicitRunSet([{ "Sat.SMA": -Infinity }]),
    "row 0 column 'Sat.SMA' is -Infinity: give a finite number",
  ],
  // parameter_spec
  [
    "unknown _kind",
    () => runSetFromParameterSpec({ _kind: "sobol", n: 4 }),
    `parameter_spec has unknown _kind "sobol": expected grid, explicit, monte_carlo or latin_hypercube`,
  ],
  [
    "malformed explicit spec",
    () => runSetFromParameterSpec({ _kind: "explicit", columns: "Sat.SMA", rows: [] }),
    /^parameter_spec of kind 'explicit' is malformed: columns: /,
  ],
  [
    "stochastic spec without seed",
    () =>
      runSetFromParameterSpec({
        _kind: "monte_carlo",
        perturb: { "Sat.SMA": ["normal", 0, 1] },
        n: 3,
        seed: null,
      }),
    /^parameter_spec of kind 'monte_carlo' has seed null: the Python tool drew unrecorded OS entropy/,
  ],
  [
    "not an object",
    () => runSetFromParameterSpec([1, 2]),
    "parameter_spec must be a JSON object with a '_kind' field",
  ],
];

Deno.test(`${CASES.length} validation failures throw RunSetError (RUNSET_CONFIG) with a precise message`, () => {
  assert.ok(CASES.length >= 15);
  for (const [what, action, expected] of CASES) {
    let thrown: unknown;
    try {
      action();
    } catch (e) {
      thrown = e;
    }
    assert.ok(thrown instanceof RunSetError, `${what}: expected RunSetError, got ${thrown}`);
    assert.ok(thrown instanceof GmatSweepError, what);
    assert.equal(thrown.code, "RUNSET_CONFIG", what);
    assert.equal(thrown.name, "RunSetError", what);
    if (typeof expected === "string") assert.equal(thrown.message, expected, what);
    else assert.match(thrown.message, expected, what);
  }
});

Deno.test("readExplicitRows() refuses other suffixes, naming the supported ones", async () => {
  await assert.rejects(
    () => readExplicitRows("samples.xlsx"),
    (e) =>
      e instanceof RunSetError &&
      e.message ===
        "explicit rows file 'samples.xlsx' has an unsupported suffix: use .csv or .parquet",
  );
  await assert.rejects(
    () => readExplicitRows("/nonexistent/samples.csv"),
    (e) =>
      e instanceof RunSetError &&
      /^cannot read explicit rows file '\/nonexistent\/samples\.csv'/.test(e.message),
  );
});
