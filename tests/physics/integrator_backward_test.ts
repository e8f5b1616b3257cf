/**
 * Backward propagation (GMAT `Propagate BackProp`): the step is |InitialStepSize| times the
 * direction and every integrator runs with negative steps.
 *
 * - The mission battery's `backprop` case (point-mass Earth, RK89 Accuracy 1e-12): +3600 s, then
 *   `BackProp {ElapsedSecs = -3600}`, then +3600 s again, each a new Propagate (a fresh step
 *   size) chained from our own result, against GMAT's report rows.
 * - Independent checks for every integrator type: forward then backward over the same interval
 *   with GMAT's default force model returns to the start within about Accuracy times the
 *   distance flown; backward point-mass runs match the analytic two-body solution.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  EARTH_MU,
  keplerianToCartesian,
  keplerPropagate,
  pointMassDerivatives,
} from "../../src/physics/mod.ts";
import { AdaptiveIntegrator } from "../../src/physics/integrators/adaptive_integrator.ts";
import {
  type AnyIntegratorSettings,
  createIntegrator,
} from "../../src/physics/integrators/propagation_integrator.ts";
import { positionDistance } from "./_assert.ts";
import { HAVE_MISSION_BATTERY, readMissionReport, stateOf } from "./_mission_battery.ts";
import { defaultForceModel, propagateSpan, spanSeconds } from "./_integrator_battery.ts";

const velocityDistance = (a: Float64Array, b: Float64Array) =>
  Math.hypot(a[3] - b[3], a[4] - b[4], a[5] - b[5]);

Deno.test({
  name: "backprop: +3600 s, BackProp -3600 s, +3600 s match GMAT's rows (1e-5 km, 1e-8 km/s)",
  ignore: !HAVE_MISSION_BATTERY,
  fn() {
    const rows = readMissionReport("backprop");
    const byTag = (tag: string) => rows.find((r) => r.text.tag === tag)!;
    const segments = ["initial", "fwd_3600s", "back_3600s", "fwd_3600s_again"].map(byTag);
    const f = pointMassDerivatives(EARTH_MU, 1);
    let y = stateOf(segments[0]);
    for (let k = 1; k < segments.length; k++) {
      const from = segments[k - 1];
      const to = segments[k];
      // The scripted goal; GMAT's printed epochs agree with it to their 0.9 us resolution.
      const printed = spanSeconds(from.num["Sat.A1ModJulian"], to.num["Sat.A1ModJulian"]);
      const span = to.text.tag.startsWith("back") ? -3600 : 3600;
      assert.ok(Math.abs(printed - span) < 1e-6, `${to.text.tag}: printed span ${printed} s`);
      const direction = span < 0 ? -1 : 1;
      const integrator = new AdaptiveIntegrator({ accuracy: 1e-12 }, f, 6, direction);
      assert.equal(integrator.h, direction * 60, "a new Propagate starts at +-InitialStepSize");
      const first = integrator.step(0, y);
      assert.equal(first.taken, direction * 60);
      integrator.reset(direction);
      const result = propagateSpan(integrator, 0, y, span);
      y = result.y;
      const dr = positionDistance(y, stateOf(to));
      const dv = velocityDistance(y, stateOf(to));
      console.log(
        `${to.text.tag}: ${result.steps} steps, ${dr.toExponential(2)} km and ` +
          `${dv.toExponential(2)} km/s from GMAT's row`,
      );
      assert.ok(dr < 1e-5, `${to.text.tag}: position ${dr} km from GMAT's`);
      assert.ok(dv < 1e-8, `${to.text.tag}: velocity ${dv} km/s from GMAT's`);
      assert.ok(result.steps >= 45 && result.steps <= 55, `${result.steps} steps`);
    }
    // Back at the start: GMAT itself returned within 8.5e-7 km.
    const back = stateOf(byTag("back_3600s"));
    assert.ok(positionDistance(back, stateOf(segments[0])) < 1e-6);
  },
});

const TYPES: readonly AnyIntegratorSettings[] = [
  { type: "RungeKutta89" },
  { type: "PrinceDormand78" },
  { type: "PrinceDormand45" },
  { type: "RungeKutta56" },
  { type: "RungeKutta68" },
  { type: "AdamsBashforthMoulton" },
];

const accuracyOf = (s: AnyIntegratorSettings) => s.type === "AdamsBashforthMoulton" ? 1e-10 : 1e-11;

Deno.test("every integrator: 5800 s forward then back returns to the start (JGM-2)", async () => {
  const epoch = 31041.50042863868;
  const f = await defaultForceModel(epoch);
  const y0 = keplerianToCartesian(
    { sma: 7000, ecc: 0.001, inc: 28.5, raan: 0, aop: 0, ta: 0 },
    EARTH_MU,
  );
  const span = 5800;
  for (const settings of TYPES) {
    const fwd = createIntegrator(settings, f, 6, 1);
    const there = propagateSpan(fwd, 0, y0, span);
    const bwd = createIntegrator(settings, f, 6, -1);
    const back = propagateSpan(bwd, span, there.y, -span);
    const dr = positionDistance(back.y, y0);
    const dv = velocityDistance(back.y, y0);
    // Each step's relative error is at most Accuracy: about Accuracy x distance flown overall.
    const tolerance = accuracyOf(settings) * 2 * 7.6 * span;
    console.log(
      `${settings.type}: ${there.steps} steps out, ${back.steps} back, returns within ` +
        `${dr.toExponential(2)} km / ${dv.toExponential(2)} km/s (tolerance ${
          tolerance.toExponential(2)
        } km)`,
    );
    assert.ok(dr < tolerance, `${settings.type}: ${dr} km from the start`);
    assert.ok(dv < tolerance / 1000, `${settings.type}: ${dv} km/s from the start`);
    assert.ok(Math.abs(there.steps - back.steps) <= 0.05 * there.steps + 2);
  }
});

Deno.test("every integrator: backward point-mass propagation follows the two-body solution", () => {
  const mu = EARTH_MU;
  const y0 = keplerianToCartesian(
    { sma: 7000, ecc: 0.05, inc: 28.5, raan: 10, aop: 20, ta: 30 },
    mu,
  );
  const f = pointMassDerivatives(mu, 1);
  const span = -7200;
  const truth = keplerPropagate(y0, mu, span);
  for (const settings of TYPES) {
    const integrator = createIntegrator(settings, f, 6, -1);
    const first = integrator.step(0, y0);
    assert.ok(first.taken < 0 && first.t < 0, `${settings.type}: first step ${first.taken} s`);
    integrator.reset(-1);
    const { y } = propagateSpan(integrator, 0, y0, span);
    const dr = positionDistance(y, truth);
    const tolerance = accuracyOf(settings) * 7.6 * Math.abs(span);
    assert.ok(dr < tolerance, `${settings.type}: ${dr} km from the two-body solution`);
  }
});

Deno.test("stepFixed() integrates a negative interval exactly, for every integrator", () => {
  const mu = EARTH_MU;
  const y0 = keplerianToCartesian({ sma: 8000, ecc: 0.1, inc: 50, raan: 0, aop: 0, ta: 0 }, mu);
  const f = pointMassDerivatives(mu, 1);
  for (const settings of TYPES) {
    const integrator = createIntegrator(settings, f, 6, -1);
    const r = integrator.stepFixed(100, y0, -345.6);
    assert.equal(r.t, 100 - 345.6);
    const dr = positionDistance(r.y, keplerPropagate(y0, mu, -345.6));
    assert.ok(dr < 1e-6, `${settings.type}: ${dr} km`);
  }
});
