/** GMAT's matrix inverse and pseudoinverse on hand-computed cases. */

import assert from "node:assert/strict";
import { gmatInverse, gmatPseudoinverse } from "../../src/solvers/mod.ts";

Deno.test("gmatInverse() inverts a diagonal matrix element by element", () => {
  assert.deepEqual(gmatInverse([[4, 0], [0, -0.5]]), [[0.25, 0], [0, -2]]);
  assert.equal(gmatInverse([[4, 0], [0, 0]]), undefined);
  assert.deepEqual(gmatInverse([[56793.49746656953]]), [[1 / 56793.49746656953]]);
});

Deno.test("gmatInverse() inverts by Gauss-Jordan elimination with full pivoting", () => {
  const a = [[2, 1, 0], [1, 3, 1], [0, 1, 4]];
  const inv = gmatInverse(a)!;
  // A^-1 = adj(A) / det(A), det = 18
  const exact = [[11, -4, 1], [-4, 8, -2], [1, -2, 5]].map((row) => row.map((x) => x / 18));
  inv.forEach((row, i) => row.forEach((x, j) => assert.ok(Math.abs(x - exact[i][j]) < 1e-15)));
  // an upper-triangular Jacobian keeps its exact zero (GMAT prints "0", not "-0")
  const upper = gmatInverse([[8178.756688575959, -0.2445221471378267], [0, 0.3629956933512424]])!;
  assert.ok(Object.is(upper[1][0], 0));
});

Deno.test("gmatInverse() calls a matrix singular below a 1e-12 pivot", () => {
  assert.equal(gmatInverse([[1, 2], [2, 4]]), undefined);
  assert.equal(gmatInverse([[1e-13, 1e-14], [1e-14, 1e-13]]), undefined);
  assert.ok(gmatInverse([[1e-13, 1e-14], [1e-14, 1e-13]], 1e-15));
  assert.throws(() => gmatInverse([[1, 2]]), RangeError);
});

Deno.test("gmatPseudoinverse() handles more variables or more goals", () => {
  // one variable, two goals: A^T (A A^T)^-1
  assert.deepEqual(gmatPseudoinverse([[1, 2]]), [[0.2], [0.4]]);
  // two variables, one goal: (A^T A)^-1 A^T
  assert.deepEqual(gmatPseudoinverse([[1], [2]]), [[0.2, 0.4]]);
  assert.equal(gmatPseudoinverse([[0, 0]]), undefined);
  assert.throws(() => gmatPseudoinverse([[1, 2], [3]]), RangeError);
});
