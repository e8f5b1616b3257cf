/**
 * The adaptive integrator: accuracy against the analytic two-body solution, GMAT's step-control
 * rules (ErrorControl None, MaxStep, MinStep, MaxStepAttempts, StopIfAccuracyIsViolated, fixed
 * intervals) and the leo_basic golden produced by GMAT (`fixtures/physics/sma_16.csv`: 16 runs,
 * SMA 7000..7300 km, rows at t = 0, 30, 60 s).
 *
 * @module
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  AdaptiveIntegrator,
  DEFAULT_INTEGRATOR_SETTINGS,
  EARTH_MU,
  errorNorm,
  IntegrationError,
  type IntegratorSettings,
  keplerianToCartesian,
  keplerPropagate,
  orbitParameter,
  pointMassDerivatives,
  RK89_TABLEAU,
  type Vec6,
} from "../../src/physics/mod.ts";
import { assertClose, positionDistance } from "./_assert.ts";

const MU = EARTH_MU;
const LEO = keplerianToCartesian({ sma: 7000, ecc: 0.001, inc: 28.5, raan: 0, aop: 0, ta: 0 }, MU);

/** Propagates to `end` the way GMAT's Propagate does: adaptive steps, then a fixed final step. */
function propagate(integrator: AdaptiveIntegrator, y0: Vec6, end: number): Vec6 {
  let t = 0;
  let y = y0;
  for (;;) {
    const probe = integrator.step(t, y);
    if (Math.abs(probe.t) >= Math.abs(end)) break;
    ({ t, y } = probe);
  }
  return integrator.stepFixed(t, y, end - t).y;
}

function make(settings: Partial<IntegratorSettings>, count = 1): AdaptiveIntegrator {
  return new AdaptiveIntegrator(settings, pointMassDerivatives(MU, count), 6 * count);
}

Deno.test("DEFAULT_INTEGRATOR_SETTINGS are GMAT's defaults", () => {
  assert.deepEqual({ ...DEFAULT_INTEGRATOR_SETTINGS }, {
    type: "RungeKutta89",
    initialStepSize: 60,
    accuracy: 1e-11,
    minStep: 0.001,
    maxStep: 2700,
    maxStepAttempts: 50,
    stopIfAccuracyIsViolated: true,
    errorControl: "RSSStep",
  });
});

for (
  const [type, accuracy] of [
    ["RungeKutta89", 1e-12],
    ["PrinceDormand78", 1e-12],
    ["PrinceDormand45", 1e-12],
  ] as const
) {
  Deno.test(`${type} at Accuracy ${accuracy} follows a 1-day LEO to 1e-6 km of keplerPropagate()`, () => {
    const integrator = make({ type, accuracy });
    const y = propagate(integrator, LEO, 86400);
    const error = positionDistance(y, keplerPropagate(LEO, MU, 86400));
    assert.ok(error < 1e-6, `${type}: ${error} km after ${integrator.acceptedSteps} steps`);
  });
}

Deno.test("leo_basic: the first RK89 step from t = 0 is accepted at h = 30 s and the next h is larger", () => {
  for (const sma of [7000, 7300]) {
    const s = keplerianToCartesian({ sma, ecc: 0.001, inc: 28.5, raan: 0, aop: 0, ta: 0 }, MU);
    const integrator = make({ initialStepSize: 30, accuracy: 1e-9 });
    const first = integrator.step(0, s);
    assert.equal(first.taken, 30);
    assert.equal(integrator.rejectedSteps, 0);
    assert.ok(integrator.lastError <= 1e-9, `error ${integrator.lastError}`);
    assert.ok(integrator.h > 30, `next h ${integrator.h}`);
    assert.equal(integrator.evaluations, RK89_TABLEAU.stages);
  }
});

interface GoldenRow {
  run: number;
  t: number;
  xyz: number[];
  sma: number;
  ecc: number;
}

function readGolden(): GoldenRow[] {
  const text = readFileSync(new URL("../../fixtures/physics/sma_16.csv", import.meta.url), "utf8");
  const [header, ...rows] = text.trim().split("\n");
  assert.equal(
    header,
    "run_id,time,Sat.UTCGregorian,Sat.EarthMJ2000Eq.X,Sat.EarthMJ2000Eq.Y,Sat.EarthMJ2000Eq.Z," +
      "Sat.Earth.SMA,Sat.Earth.ECC,__status",
  );
  return rows.map((line) => {
    const f = line.split(",");
    const seconds = (Date.parse(`${f[1].slice(0, 23)}Z`) - Date.parse("2026-01-01T00:00:00Z")) /
      1000;
    return {
      run: Number(f[0]),
      t: seconds,
      xyz: f.slice(3, 6).map(Number),
      sma: Number(f[6]),
      ecc: Number(f[7]),
    };
  });
}

Deno.test("leo_basic: 16 RK89 runs match GMAT's report rows at t = 0, 30, 60 s (rtol 1e-9, atol 1e-6 km)", () => {
  const golden = readGolden();
  assert.equal(golden.length, 48);
  for (let run = 0; run < 16; run++) {
    const sma = 7000 + 20 * run;
    const s0 = keplerianToCartesian({ sma, ecc: 0.001, inc: 28.5, raan: 0, aop: 0, ta: 0 }, MU);
    const integrator = make({ initialStepSize: 30, accuracy: 1e-9 });
    // Engine behaviour: step to 30 s; the next attempted step crosses 60 s, so it is discarded and
    // the final fixed step of 30 s is taken from t = 30 s.
    const at30 = integrator.step(0, s0);
    assert.equal(at30.t, 30);
    assert.ok(30 + integrator.h > 60, "the next adaptive step would cross the 60 s stop");
    const at60 = integrator.stepFixed(at30.t, at30.y, 60 - at30.t);
    assert.equal(at60.t, 60);
    const states = new Map([[0, s0], [30, at30.y], [60, at60.y]]);
    for (const row of golden.filter((r) => r.run === run)) {
      const y = states.get(row.t);
      assert.ok(y !== undefined, `row at t = ${row.t}`);
      for (let i = 0; i < 3; i++) {
        assertClose(y[i], row.xyz[i], { rtol: 1e-9, atol: 1e-6 }, `run ${run} t=${row.t} [${i}]`);
      }
      assertClose(orbitParameter("SMA", y, MU), row.sma, { rtol: 1e-9 }, `run ${run} SMA`);
      assertClose(orbitParameter("ECC", y, MU), row.ecc, { atol: 1e-12 }, `run ${run} ECC`);
    }
  }
});

Deno.test("step() with ErrorControl None takes exactly InitialStepSize every time", () => {
  const integrator = make({ errorControl: "None", initialStepSize: 37 });
  let t = 0;
  let y = LEO;
  for (let i = 1; i <= 50; i++) {
    const r = integrator.step(t, y);
    assert.equal(r.taken, 37);
    assert.equal(integrator.h, 37);
    ({ t, y } = r);
  }
  assert.equal(t, 50 * 37);
  assert.equal(integrator.lastError, 0);
  assert.equal(integrator.evaluations, 50 * RK89_TABLEAU.stages);
});

Deno.test("step() cuts the attempted step to MaxStep and raises it to MinStep", () => {
  const clamped = make({ initialStepSize: 5000, maxStep: 100, accuracy: 1e-6 });
  let t = 0;
  let y = LEO;
  for (let i = 0; i < 20; i++) {
    const r = clamped.step(t, y);
    assert.ok(Math.abs(r.taken) <= 100, `taken ${r.taken}`);
    ({ t, y } = r);
  }
  assert.equal(clamped.acceptedSteps, 20);
  const raised = make({ initialStepSize: 1e-5, minStep: 0.5 });
  assert.equal(raised.step(0, LEO).taken, 0.5);
});

Deno.test("step() throws INTEGRATION_ACCURACY when a MinStep step misses Accuracy", () => {
  const integrator = make({ accuracy: 1e-20, minStep: 10, initialStepSize: 60 });
  assert.throws(
    () => integrator.step(0, LEO),
    (e: unknown) =>
      e instanceof IntegrationError && e.code === "INTEGRATION_ACCURACY" &&
      /minimum step 10 s/.test(e.message) && /Accuracy = 1e-20/.test(e.message) &&
      /StopIfAccuracyIsViolated/.test(e.message) && /MinStep/.test(e.message),
  );
});

Deno.test("step() accepts a MinStep step with one warning when StopIfAccuracyIsViolated is false", () => {
  const integrator = make({
    accuracy: 1e-20,
    minStep: 10,
    initialStepSize: 60,
    stopIfAccuracyIsViolated: false,
  });
  let t = 0;
  let y = LEO;
  for (let i = 0; i < 3; i++) ({ t, y } = integrator.step(t, y));
  assert.equal(t, 30);
  assert.equal(integrator.warnings.length, 1);
  assert.match(integrator.warnings[0], /accuracy settings will be violated/);
});

Deno.test("step() throws INTEGRATION_FAILED after MaxStepAttempts consecutive rejections", () => {
  const integrator = make({ accuracy: 1e-20, minStep: 1e-9, maxStepAttempts: 3 });
  assert.throws(
    () => integrator.step(0, LEO),
    (e: unknown) =>
      e instanceof IntegrationError && e.code === "INTEGRATION_FAILED" &&
      /3 consecutive step attempts/.test(e.message) && /MaxStepAttempts/.test(e.message),
  );
  assert.equal(integrator.rejectedSteps, 3);
});

Deno.test("step() throws INTEGRATION_FAILED when the derivatives produce a non-finite state", () => {
  const integrator = make({});
  assert.throws(
    () => integrator.step(0, new Float64Array([0, 0, 0, 1, 0, 0])),
    (e: unknown) => e instanceof IntegrationError && e.code === "INTEGRATION_FAILED",
  );
});

Deno.test("stepFixed() lands exactly on t + dt, sub-stepping under MaxStep", () => {
  const integrator = make({ maxStep: 100 });
  const dt = 1234.5678;
  const r = integrator.stepFixed(12.3, LEO, dt);
  assert.equal(r.t, 12.3 + dt);
  assert.ok(integrator.acceptedSteps >= 13, `${integrator.acceptedSteps} sub-steps`);
  assert.ok(positionDistance(r.y, keplerPropagate(LEO, MU, dt)) < 1e-7);
  assert.ok(integrator.h > 0 && Number.isFinite(integrator.h));
  const zero = integrator.stepFixed(5, LEO, 0);
  assert.deepEqual([zero.t, ...zero.y], [5, ...LEO]);
});

Deno.test("stepFixed() ignores MinStep at the top of a sub-step (tiny final steps)", () => {
  const integrator = make({ minStep: 1 });
  const r = integrator.stepFixed(0, LEO, 1e-4);
  assert.equal(integrator.acceptedSteps, 1);
  assert.ok(positionDistance(r.y, keplerPropagate(LEO, MU, 1e-4)) < 1e-12);
});

Deno.test("stepFixed() throws INTEGRATION_FAILED when it needs more than MaxStepAttempts + 1 sub-steps", () => {
  const integrator = make({ maxStep: 1, minStep: 0.5, maxStepAttempts: 5 });
  assert.doesNotThrow(() => integrator.stepFixed(0, LEO, 6));
  assert.throws(
    () => integrator.stepFixed(0, LEO, 100),
    (e: unknown) =>
      e instanceof IntegrationError && e.code === "INTEGRATION_FAILED" &&
      /more than 6 sub-steps/.test(e.message) && /MaxStep/.test(e.message),
  );
});

Deno.test("reset() restarts from InitialStepSize, and a negative direction propagates backward", () => {
  const integrator = make({ accuracy: 1e-12 });
  integrator.step(0, LEO);
  assert.notEqual(integrator.h, 60);
  integrator.reset();
  assert.equal(integrator.h, 60);
  integrator.reset(-1);
  const back = integrator.step(0, LEO);
  assert.equal(back.taken, -60);
  assert.ok(back.t < 0);
  const y = propagate(integrator, LEO, -7200);
  assert.ok(positionDistance(y, keplerPropagate(LEO, MU, -7200)) < 1e-7);
});

Deno.test("several spacecraft integrate together, each to its own analytic solution", () => {
  const other = keplerianToCartesian(
    { sma: 26560, ecc: 0.01, inc: 55, raan: 10, aop: 20, ta: 30 },
    MU,
  );
  const both = new Float64Array([...LEO, ...other]);
  const integrator = make({ accuracy: 1e-12 }, 2);
  const y = propagate(integrator, both, 20000);
  assert.ok(positionDistance(y.subarray(0, 6), keplerPropagate(LEO, MU, 20000)) < 1e-6);
  assert.ok(positionDistance(y.subarray(6, 12), keplerPropagate(other, MU, 20000)) < 1e-6);
});

Deno.test("errorNorm() follows GMAT's triplet rules, including the squared-magnitude quirk", () => {
  const start = new Float64Array([7000, 0, 0, 0, 7.5, 0]);
  const cand = new Float64Array([6999.9, 225, 0, -0.24, 7.49, 0]);
  const d = new Float64Array([3e-9, 4e-9, 0, 1e-12, 0, 0]);
  const dr = Math.hypot(-0.1, 225, 0);
  const dv = Math.hypot(-0.24, -0.01, 0); // 0.24 km/s: |dv|^2 < 0.1, so the velocity error is absolute
  assertClose(errorNorm("RSSStep", start, cand, d), 5e-9 / dr, { rtol: 1e-12 }, "RSSStep");
  assert.ok(dv * dv < 0.1);
  const cand2 = new Float64Array([6999.9, 225, 0, -0.24, 7.49, 0]);
  const d2 = new Float64Array([0, 0, 0, 1e-9, 0, 0]);
  assertClose(
    errorNorm("RSSStep", start, cand2, d2),
    1e-9,
    { rtol: 1e-12 },
    "absolute velocity error",
  );
  const mid = Math.hypot((7000 + 6999.9) / 2, 112.5, 0);
  assertClose(errorNorm("RSSState", start, cand, d), 5e-9 / mid, { rtol: 1e-12 }, "RSSState");
  const l1 = 0.1 + 225;
  assertClose(errorNorm("LargestStep", start, cand, d), 7e-9 / l1, { rtol: 1e-12 }, "LargestStep");
  const l1s = (7000 + 6999.9) / 2 + 112.5;
  assertClose(
    errorNorm("LargestState", start, cand, d),
    7e-9 / l1s,
    { rtol: 1e-12 },
    "LargestState",
  );
  assert.equal(errorNorm("None", start, cand, d), 0);
});

Deno.test("AdaptiveIntegrator rejects invalid settings with the field name", () => {
  assert.throws(() => make({ accuracy: 0 }), /Accuracy must be a positive number/);
  assert.throws(() => make({ maxStep: 0.0001 }), /MaxStep \(0.0001\) must not be below MinStep/);
  assert.throws(() => make({ maxStepAttempts: 0 }), /MaxStepAttempts/);
  assert.throws(() => make({ minStep: -1 }), /MinStep must be a number >= 0/);
  assert.throws(() => new AdaptiveIntegrator({}, pointMassDerivatives(MU, 1), 7), /multiple of 3/);
  assert.throws(
    () => make({ type: "Euler" as "RungeKutta89" }),
    /Unknown integrator type 'Euler'/,
  );
});

Deno.test("MinStep = 0 is allowed as in GMAT and leaves the step unfloored", () => {
  // GMAT's Integrator accepts "Real Number >= 0.0" for MinStep; a 1-day LEO still follows Kepler.
  const integrator = make({ minStep: 0, accuracy: 1e-12 });
  const y = propagate(integrator, LEO, 86400);
  assert.ok(positionDistance(y, keplerPropagate(LEO, MU, 86400)) < 1e-6);
});
