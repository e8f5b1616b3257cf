/**
 * The RungeKutta56 (Fehlberg 5(6)) and RungeKutta68 (Dormand-El-Mikkawy-Prince Nystrom 8(6))
 * tableaux: exact checks of weights, row sums and order conditions (Butcher trees for RK56, the
 * Nystrom trees of `_nystrom_trees.ts` for RK68), floating-point values equal to GMAT's
 * expressions, and the observed convergence order.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  AdaptiveIntegrator,
  type ButcherTableau,
  type ExactCoefficient,
  keplerianToCartesian,
  keplerPropagate,
  pointMassDerivatives,
} from "../../src/physics/mod.ts";
import { RK56_TABLEAU } from "../../src/physics/integrators/rk56_tableau.ts";
import { RKN68_TABLEAU } from "../../src/physics/integrators/rkn68_tableau.ts";
import { orderResiduals, Q6, Rat, rootedTrees } from "./_exact.ts";
import { nystromResiduals, nystromTrees } from "./_nystrom_trees.ts";
import { positionDistance } from "./_assert.ts";

const sum = (xs: readonly ExactCoefficient[]) => xs.reduce((a, x) => a.add(Q6.of(x)), Q6.int(0));
const half = new Q6(new Rat(1n, 2n));

Deno.test("RungeKutta56: weights sum to 1 and rows of A sum to c, exactly", () => {
  const x = RK56_TABLEAU.exact;
  assert.ok(sum(x.b).sub(Q6.int(1)).isZero());
  assert.ok(sum(x.bLow).sub(Q6.int(1)).isZero());
  x.a.forEach((row, i) => assert.ok(sum(row).sub(Q6.of(x.c[i])).isZero(), `row ${i}`));
  assert.equal(RK56_TABLEAU.stages, 8);
  assert.equal(RK56_TABLEAU.order, 6);
});

Deno.test("RungeKutta56: b has order 6 and bLow order 5 exactly, no more", () => {
  const trees = rootedTrees(7);
  const check = (weights: readonly ExactCoefficient[], upTo: number) => {
    const res = orderResiduals(RK56_TABLEAU.exact, weights, trees);
    for (let o = 1; o <= upTo + 1; o++) {
      const zero = res.every((r, i) => trees[i].order !== o || r.isZero());
      assert.equal(zero, o <= upTo, `order ${o} (${upTo === 6 ? "b" : "bLow"})`);
    }
  };
  check(RK56_TABLEAU.exact.b, 6);
  check(RK56_TABLEAU.exact.bLow, 5);
});

Deno.test("RungeKutta68: A-bar rows sum to c^2/2, position weights to 1/2, velocity to 1", () => {
  const x = RKN68_TABLEAU.exact;
  const v = RKN68_TABLEAU.nystrom!.exact;
  x.a.forEach((row, i) => {
    const c = Q6.of(x.c[i]);
    assert.ok(sum(row).sub(c.mul(c).mul(half)).isZero(), `row ${i}`);
  });
  assert.ok(sum(x.b).sub(half).isZero());
  assert.ok(sum(x.bLow).sub(half).isZero());
  assert.ok(sum(v.bDot).sub(Q6.int(1)).isZero());
  assert.ok(sum(v.bDotLow).sub(Q6.int(1)).isZero());
  assert.equal(RKN68_TABLEAU.stages, 9);
  assert.equal(RKN68_TABLEAU.order, 8);
});

Deno.test("nystromTrees() enumerates the fat trees of weights 0..4 (1, 1, 2, 3, 6)", () => {
  const trees = nystromTrees(4);
  const counts = [0, 1, 2, 3, 4].map((w) => trees.filter((t) => t.weight === w).length);
  // w=1: f'(y'); w=2: f''(y',y'), f'(f); w=3: f'''(y'^3), f''(y',f), f'(f'(y'));
  // w=4: f''''(y'^4), f'''(y',y',f), f''(f,f), f''(y',f'(y')), f'(f''(y',y')), f'(f'(f)).
  assert.deepEqual(counts, [1, 1, 2, 3, 6]);
});

Deno.test("RungeKutta68: order 8 in position and velocity, embedded pair order 6, exactly", () => {
  const x = RKN68_TABLEAU.exact;
  const v = RKN68_TABLEAU.nystrom!.exact;
  const trees = nystromTrees(8);
  const orderOf = (weights: readonly ExactCoefficient[], kind: "velocity" | "position") => {
    const res = nystromResiduals(x.c, x.a, weights, kind, trees);
    const offset = kind === "velocity" ? 1 : 2;
    let order = 0;
    for (let p = 1; p <= 9; p++) {
      const ok = res.every((r) => r.tree.weight + offset > p || r.residual.isZero());
      if (!ok) break;
      order = p;
    }
    return order;
  };
  assert.equal(orderOf(x.b, "position"), 8);
  assert.equal(orderOf(v.bDot, "velocity"), 8);
  assert.equal(orderOf(x.bLow, "position"), 6);
  assert.equal(orderOf(v.bDotLow, "velocity"), 6);
});

Deno.test("floating-point weights are GMAT's expressions bit for bit", () => {
  // RungeKuttaFehlberg56::SetCoefficients: ee[0] = 7/1408 - 31/384, ee[5] = -5/66.
  assert.equal(RK56_TABLEAU.e[0], 7 / 1408 - 31 / 384);
  assert.equal(RK56_TABLEAU.e[5], -5 / 66);
  assert.deepEqual(RK56_TABLEAU.e.slice(1, 5), [0, 0, 0, 0]);
  assert.equal(RK56_TABLEAU.a[7][2], 803 / 256);
  // DormandElMikkawyPrince68::SetCoefficients: ee = cj - ..., eeDeriv = cdotj - ...
  const n = RKN68_TABLEAU.nystrom!;
  assert.equal(RKN68_TABLEAU.e[4], 41 / 448 + 497221 / 12409600);
  assert.equal(RKN68_TABLEAU.e[6], 1175 / 72576 - 1610737 / 402071040);
  assert.equal(n.eDot[4], 41 / 224 + 497221 / 6204800);
  assert.equal(n.eDot[7], 223 / 7938 + 4251941 / 54970650);
  assert.equal(n.eDot[8], -3 / 20);
  assert.equal(RKN68_TABLEAU.a[7][2], 1063919505 / 156478208);
  for (const tab of [RK56_TABLEAU, RKN68_TABLEAU]) {
    tab.exact.c.forEach((x, i) => assert.equal(tab.c[i], x[0] / x[2]));
    assert.ok(Object.isFrozen(tab) && Object.isFrozen(tab.a[3]) && Object.isFrozen(tab.exact.b));
  }
  assert.ok(Object.isFrozen(n) && Object.isFrozen(n.bDot) && Object.isFrozen(n.exact.bDotLow));
});

// Observed order: fixed steps over half an orbit of an e = 0.3 ellipse. ErrorControl None keeps
// h for RK56; RK68 (GMAT's Nystrom driver) grows h without bound then, so MaxStep = h holds it.
const MU = 398600.4415;
const S0 = keplerianToCartesian({ sma: 10000, ecc: 0.3, inc: 20, raan: 10, aop: 30, ta: 0 }, MU);
const HALF = Math.PI * Math.sqrt(10000 ** 3 / MU);
const TRUTH = keplerPropagate(S0, MU, HALF);

function fixedStepError(tab: ButcherTableau, steps: number): number {
  const h = HALF / steps;
  const integrator = new AdaptiveIntegrator(
    {
      type: tab.name as "RungeKutta56",
      errorControl: "None",
      initialStepSize: h,
      minStep: 1e-6,
      maxStep: h,
    },
    pointMassDerivatives(MU, 1),
    6,
  );
  let t = 0;
  let y = S0;
  for (let i = 0; i < steps; i++) ({ t, y } = integrator.step(t, y));
  assert.ok(Math.abs(t - HALF) < 1e-9);
  return positionDistance(y, TRUTH);
}

for (const [tab, steps] of [[RK56_TABLEAU, 16], [RKN68_TABLEAU, 8]] as const) {
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
