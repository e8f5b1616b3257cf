/**
 * CLI shorthands and the int -> float -> str coercion.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  gridFromShorthands,
  linspace,
  parseGridShorthand,
  parsePerturbShorthand,
  perturbFromShorthands,
  RunSetError,
} from "../../src/runset/mod.ts";
import { coerceScalar, parsePythonFloat, parsePythonInt } from "../../src/runset/coerce.ts";

Deno.test("coerceScalar() tries int, then float, then keeps the string (Python's rules)", () => {
  assert.equal(coerceScalar("7000"), 7000);
  assert.equal(coerceScalar(" 42 "), 42);
  assert.equal(coerceScalar("+5"), 5);
  assert.equal(coerceScalar("1_000"), 1000);
  assert.equal(coerceScalar("007"), 7);
  assert.equal(coerceScalar("1e-3"), 0.001);
  assert.equal(coerceScalar("1."), 1);
  assert.equal(coerceScalar(".5"), 0.5);
  assert.equal(coerceScalar("-2.5E+2"), -250);
  assert.equal(coerceScalar("1_0.2_5"), 10.25);
  assert.equal(coerceScalar("Earth"), "Earth");
  assert.equal(coerceScalar("1__0"), "1__0");
  assert.equal(coerceScalar("_1"), "_1");
  assert.equal(coerceScalar("0x10"), "0x10");
  assert.equal(coerceScalar("1e"), "1e");
  assert.equal(coerceScalar(" spaced value "), " spaced value ");
  assert.ok(Number.isNaN(coerceScalar("nan")));
  assert.equal(coerceScalar("-Infinity"), -Infinity);
  assert.equal(parsePythonInt("1.0"), undefined);
  assert.equal(parsePythonFloat("0.1"), 0.1);
});

Deno.test("parseGridShorthand() reads lo:hi:count as numpy.linspace and lists by coercion", () => {
  assert.deepEqual(parseGridShorthand("Sat.SMA=7000:7300:4"), ["Sat.SMA", [
    7000,
    7100,
    7200,
    7300,
  ]]);
  assert.deepEqual(parseGridShorthand("Sat.SMA=7000:7300:16")[1].length, 16);
  assert.deepEqual(parseGridShorthand("Sat.X=1:0:2"), ["Sat.X", [1, 0]]);
  assert.deepEqual(parseGridShorthand("Sat.Name=a,2,3.5,1e3"), ["Sat.Name", ["a", 2, 3.5, 1000]]);
  assert.deepEqual(parseGridShorthand("Sat.One=5"), ["Sat.One", [5]]);
  assert.deepEqual(
    parseGridShorthand("Sat.Epoch=01 Jan 2000 11:59:28.000,02 Jan 2000 00:00:00.000"),
    ["Sat.Epoch", ["01 Jan 2000 11:59:28.000", "02 Jan 2000 00:00:00.000"]],
  );
  // numpy: step = (stop - start) / (num - 1); value i = i*step + start; last = stop.
  const v = linspace(0.1, 0.7, 13);
  assert.equal(v[12], 0.7);
  assert.equal(v[3], 3 * ((0.7 - 0.1) / 12) + 0.1);
  // A step that underflows to 0 takes numpy's (i/div)*delta + start branch.
  assert.deepEqual(linspace(5e-324, 1e-323, 3), [5e-324, 5e-324, 1e-323]);
});

Deno.test("parsePerturbShorthand() reads the three upstream tags plus truncnormal and choice", () => {
  assert.deepEqual(parsePerturbShorthand("Sat.SMA=normal:7000:10"), [
    "Sat.SMA",
    { kind: "normal", mu: 7000, sigma: 10 },
  ]);
  assert.deepEqual(parsePerturbShorthand("Sat.ECC=uniform:0:0.02")[1], {
    kind: "uniform",
    lo: 0,
    hi: 0.02,
  });
  assert.deepEqual(parsePerturbShorthand("Sat.Cd=lognormal:-1.5:0.25")[1], {
    kind: "lognormal",
    mu: -1.5,
    sigma: 0.25,
  });
  assert.deepEqual(parsePerturbShorthand("Sat.INC=truncnormal:28.5:0.5:28:29")[1], {
    kind: "truncnormal",
    mu: 28.5,
    sigma: 0.5,
    lo: 28,
    hi: 29,
  });
  assert.deepEqual(parsePerturbShorthand("Sat.Mode=choice:a,2,b:c")[1], {
    kind: "choice",
    values: ["a", 2, "b:c"],
  });
});

Deno.test("gridFromShorthands()/perturbFromShorthands() refuse an axis given twice", () => {
  assert.deepEqual(gridFromShorthands(["Sat.A=1,2", "Sat.B=x"]), {
    "Sat.A": [1, 2],
    "Sat.B": ["x"],
  });
  assert.throws(
    () => gridFromShorthands(["Sat.A=1,2", "Sat.A=3"]),
    (e) => e instanceof RunSetError && /--grid axis 'Sat\.A' is given twice/.test(e.message),
  );
  assert.throws(
    () => perturbFromShorthands(["Sat.A=normal:0:1", "Sat.A=uniform:0:1"]),
    /--perturb parameter 'Sat\.A' is given twice/,
  );
});
