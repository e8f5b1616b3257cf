/**
 * Butcher tableaux: exact checks in Q(sqrt 6) arithmetic (weights sum to 1, rows of A sum to c,
 * Butcher order conditions over all rooted trees) and the observed convergence order on a smooth
 * two-body problem.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  AdaptiveIntegrator,
  type ButcherTableau,
  keplerianToCartesian,
  keplerPropagate,
  PD45_TABLEAU,
  PD78_TABLEAU,
  pointMassDerivatives,
  RK89_TABLEAU,
} from "../../src/physics/mod.ts";
import { orderResiduals, Q6, rootedTrees } from "./_exact.ts";
import { positionDistance } from "./_assert.ts";

const TREES = rootedTrees(9);

Deno.test("rootedTrees() enumerates 1, 1, 2, 4, 9, 20, 48, 115, 286 trees of orders 1..9", () => {
  const counts = Array.from({ length: 9 }, (_, i) => TREES.filter((t) => t.order === i + 1).length);
  assert.deepEqual(counts, [1, 1, 2, 4, 9, 20, 48, 115, 286]);
});

function sum(xs: Q6[]): Q6 {
  return xs.reduce((a, b) => a.add(b), Q6.int(0));
}

/** Largest |residual| per order, and whether each order's residuals are exactly zero. */
function residualsByOrder(tab: ButcherTableau, low: boolean, maxOrder: number) {
  const trees = TREES.filter((t) => t.order <= maxOrder);
  const res = orderResiduals(tab.exact, low ? tab.exact.bLow : tab.exact.b, trees);
  const worst = new Array<number>(maxOrder + 1).fill(0);
  const exact = new Array<boolean>(maxOrder + 1).fill(true);
  res.forEach((r, i) => {
    const o = trees[i].order;
    worst[o] = Math.max(worst[o], Math.abs(r.toNumber()));
    if (!r.isZero()) exact[o] = false;
  });
  return { worst, exact };
}

for (const tab of [RK89_TABLEAU, PD45_TABLEAU]) {
  Deno.test(`${tab.name} weights sum to 1 and rows of A sum to c, exactly`, () => {
    assert.ok(sum(tab.exact.b.map(Q6.of)).sub(Q6.int(1)).isZero(), "b sums to 1");
    assert.ok(sum(tab.exact.bLow.map(Q6.of)).sub(Q6.int(1)).isZero(), "bLow sums to 1");
    tab.exact.a.forEach((row, i) => {
      assert.ok(sum(row.map(Q6.of)).sub(Q6.of(tab.exact.c[i])).isZero(), `row ${i} sums to c${i}`);
    });
  });

  Deno.test(`${tab.name} satisfies every order condition of its orders exactly`, () => {
    const high = residualsByOrder(tab, false, tab.order + 1);
    const low = residualsByOrder(tab, true, tab.lowOrder + 1);
    for (let o = 1; o <= tab.order; o++) assert.ok(high.exact[o], `order-${o} conditions of b`);
    for (let o = 1; o <= tab.lowOrder; o++) {
      assert.ok(low.exact[o], `order-${o} conditions of bLow`);
    }
    assert.ok(!low.exact[tab.lowOrder + 1], "the embedded solution is not of higher order");
    if (tab.order < 9) assert.ok(!high.exact[tab.order + 1], "b is not of higher order");
  });
}

Deno.test("PrinceDormand78 (published rational approximations) satisfies its conditions to 1e-16", () => {
  const one = (xs: readonly (readonly [number, number, number])[]) =>
    Math.abs(sum(xs.map(Q6.of)).sub(Q6.int(1)).toNumber());
  assert.ok(one(PD78_TABLEAU.exact.b) < 1e-16, "b sums to 1");
  assert.ok(one(PD78_TABLEAU.exact.bLow) < 1e-16, "bLow sums to 1");
  PD78_TABLEAU.exact.a.forEach((row, i) => {
    const d = sum(row.map(Q6.of)).sub(Q6.of(PD78_TABLEAU.exact.c[i])).toNumber();
    assert.ok(Math.abs(d) < 1e-16, `row ${i} sums to c${i} (off by ${d})`);
  });
  const high = residualsByOrder(PD78_TABLEAU, false, 8);
  const low = residualsByOrder(PD78_TABLEAU, true, 8);
  for (let o = 1; o <= 8; o++) assert.ok(high.worst[o] < 1e-16, `order ${o}: ${high.worst[o]}`);
  for (let o = 1; o <= 7; o++) {
    assert.ok(low.worst[o] < 1e-16, `embedded order ${o}: ${low.worst[o]}`);
  }
  assert.ok(low.worst[8] > 1e-6, "the embedded solution is of order 7 only");
});

Deno.test("tableau floating-point values are the exact coefficients rounded", () => {
  for (const tab of [RK89_TABLEAU, PD78_TABLEAU, PD45_TABLEAU]) {
    tab.exact.c.forEach((x, i) => assert.ok(Math.abs(Q6.of(x).toNumber() - tab.c[i]) <= 3e-16));
    tab.b.forEach((x, i) =>
      assert.ok(Math.abs(x - tab.e[i] - Q6.of(tab.exact.bLow[i]).toNumber()) < 1e-15)
    );
    assert.equal(tab.a.length, tab.stages);
  }
});

// Observed order: fixed steps (ErrorControl None) over half an orbit of an e = 0.3 ellipse.
const MU = 398600.4415;
const S0 = keplerianToCartesian({ sma: 10000, ecc: 0.3, inc: 20, raan: 10, aop: 30, ta: 0 }, MU);
const HALF = Math.PI * Math.sqrt(10000 ** 3 / MU);
const TRUTH = keplerPropagate(S0, MU, HALF);

function fixedStepError(tab: ButcherTableau, steps: number): number {
  const type = tab.name as "RungeKutta89";
  const h = HALF / steps;
  const integrator = new AdaptiveIntegrator(
    { type, errorControl: "None", initialStepSize: h, minStep: 1e-6, maxStep: 1e6 },
    pointMassDerivatives(MU, 1),
    6,
  );
  let t = 0;
  let y = S0;
  for (let i = 0; i < steps; i++) ({ t, y } = integrator.step(t, y));
  return positionDistance(y, TRUTH);
}

for (const [tab, steps] of [[RK89_TABLEAU, 8], [PD78_TABLEAU, 8], [PD45_TABLEAU, 32]] as const) {
  Deno.test(`${tab.name} converges with its claimed order ${tab.order}`, () => {
    const e = [steps, 2 * steps, 4 * steps].map((n) => fixedStepError(tab, n));
    const orders = [Math.log2(e[0] / e[1]), Math.log2(e[1] / e[2])];
    const mean = (orders[0] + orders[1]) / 2;
    assert.ok(
      Math.abs(mean - tab.order) < 0.6,
      `observed orders ${orders.map((o) => o.toFixed(2)).join(", ")} (errors ${e.join(", ")} km)`,
    );
  });
}

Deno.test("tableaux are immutable shared data", () => {
  for (const tab of [RK89_TABLEAU, PD78_TABLEAU, PD45_TABLEAU]) {
    assert.ok(Object.isFrozen(tab) && Object.isFrozen(tab.b) && Object.isFrozen(tab.a[3]));
    assert.ok(Object.isFrozen(tab.exact.a[3]) && Object.isFrozen(tab.exact.a[3][0]));
    assert.throws(() => {
      (tab.b as number[])[0] = 1;
    }, TypeError);
  }
});
