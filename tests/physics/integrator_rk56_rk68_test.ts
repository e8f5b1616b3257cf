/**
 * RungeKutta56 and RungeKutta68 in the adaptive integrator: accuracy against the two-body
 * solution, RK68's Nystrom specifics (state [r, v] per spacecraft, stage velocity = start
 * velocity, no "error 0 keeps h" rule in GMAT's Nystrom driver), and the direction API.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  AdaptiveIntegrator,
  EARTH_MU,
  INTEGRATOR_TYPES,
  keplerianToCartesian,
  keplerPropagate,
  pointMassDerivatives,
} from "../../src/physics/mod.ts";
import { RKN68_TABLEAU } from "../../src/physics/integrators/rkn68_tableau.ts";
import { positionDistance } from "./_assert.ts";
import { propagateSpan } from "./_integrator_battery.ts";

const MU = EARTH_MU;
const LEO = keplerianToCartesian({ sma: 7000, ecc: 0.001, inc: 28.5, raan: 0, aop: 0, ta: 0 }, MU);
const GPS = keplerianToCartesian({ sma: 26560, ecc: 0.01, inc: 55, raan: 10, aop: 20, ta: 30 }, MU);

Deno.test("INTEGRATOR_TYPES lists RungeKutta56 and RungeKutta68 after GMAT's default", () => {
  assert.deepEqual(INTEGRATOR_TYPES, [
    "RungeKutta89",
    "PrinceDormand78",
    "PrinceDormand45",
    "RungeKutta56",
    "RungeKutta68",
  ]);
});

for (const type of ["RungeKutta56", "RungeKutta68"] as const) {
  Deno.test(`${type} at Accuracy 1e-12 follows a 1-day LEO to 1e-6 km of keplerPropagate()`, () => {
    const integrator = new AdaptiveIntegrator(
      { type, accuracy: 1e-12 },
      pointMassDerivatives(MU, 1),
      6,
    );
    const { y } = propagateSpan(integrator, 0, LEO, 86400);
    const error = positionDistance(y, keplerPropagate(LEO, MU, 86400));
    assert.ok(error < 1e-6, `${type}: ${error} km after ${integrator.acceptedSteps} steps`);
  });

  Deno.test(`${type}: two spacecraft integrate together, each to its own solution`, () => {
    const both = new Float64Array([...LEO, ...GPS]);
    const integrator = new AdaptiveIntegrator(
      { type, accuracy: 1e-12 },
      pointMassDerivatives(MU, 2),
      12,
    );
    const { y } = propagateSpan(integrator, 0, both, 20000);
    assert.ok(positionDistance(y.subarray(0, 6), keplerPropagate(LEO, MU, 20000)) < 1e-6);
    assert.ok(positionDistance(y.subarray(6, 12), keplerPropagate(GPS, MU, 20000)) < 1e-6);
  });
}

Deno.test("RungeKutta68 needs [r, v] per spacecraft: the dimension must be a multiple of 6", () => {
  assert.throws(
    () => new AdaptiveIntegrator({ type: "RungeKutta68" }, () => {}, 9),
    /RungeKutta68 integrates \[r, v\] per spacecraft: .* multiple of 6, got 9/,
  );
});

Deno.test("RungeKutta68 evaluates every stage at the start velocity and at t + c_i h", () => {
  const seen: { t: number; v: number[] }[] = [];
  const f = pointMassDerivatives(MU, 1);
  const spy = (t: number, y: Float64Array, dydt: Float64Array) => {
    seen.push({ t, v: [y[3], y[4], y[5]] });
    f(t, y, dydt);
  };
  const integrator = new AdaptiveIntegrator({ type: "RungeKutta68", accuracy: 1e-6 }, spy, 6);
  const r = integrator.step(100, LEO);
  assert.equal(r.taken, 60);
  assert.equal(seen.length, RKN68_TABLEAU.stages);
  assert.equal(integrator.evaluations, 9);
  seen.forEach((s, i) => {
    assert.deepEqual(s.v, [LEO[3], LEO[4], LEO[5]], `stage ${i} velocity`);
    assert.equal(s.t, 100 + 60 * RKN68_TABLEAU.c[i]);
  });
  assert.ok(positionDistance(r.y, keplerPropagate(LEO, MU, 60)) < 1e-8);
});

Deno.test("ErrorControl None: RungeKutta56 keeps h, RungeKutta68 jumps to MaxStep", () => {
  const f = pointMassDerivatives(MU, 1);
  const settings = { errorControl: "None", initialStepSize: 37, maxStep: 100 } as const;
  const rk56 = new AdaptiveIntegrator({ ...settings, type: "RungeKutta56" }, f, 6);
  const a = rk56.step(0, LEO);
  assert.deepEqual([a.taken, rk56.step(a.t, a.y).taken], [37, 37]);
  const rk68 = new AdaptiveIntegrator({ ...settings, type: "RungeKutta68" }, f, 6);
  const b = rk68.step(0, LEO);
  assert.equal(b.taken, 37);
  assert.equal(rk68.h, Infinity, "0.9 h (Accuracy / 0)^(1/8)");
  assert.equal(rk68.step(b.t, b.y).taken, 100);
});

Deno.test("direction: constructor and reset() use |InitialStepSize| x direction", () => {
  const f = pointMassDerivatives(MU, 1);
  for (const type of INTEGRATOR_TYPES) {
    assert.equal(new AdaptiveIntegrator({ type }, f, 6).h, 60);
    assert.equal(new AdaptiveIntegrator({ type }, f, 6, -1).h, -60);
    // GMAT's Propagate takes |InitialStepSize|: a negative value does not reverse a forward run.
    const neg = new AdaptiveIntegrator({ type, initialStepSize: -45 }, f, 6);
    assert.equal(neg.h, 45);
    neg.reset(-1);
    assert.equal(neg.h, -45);
  }
  assert.throws(
    () => new AdaptiveIntegrator({ initialStepSize: 0 }, f, 6),
    /InitialStepSize must be a non-zero number/,
  );
});
