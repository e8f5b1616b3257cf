/**
 * The integrator cases of the GMAT R2026a mission battery: a 1-day LEO (SMA 7000 km, ECC 0.001,
 * INC 28.5 deg) with GMAT's default force model (JGM-2 4x4, RSSStep) and each integrator type,
 * Accuracy 1e-11 (AdamsBashforthMoulton: all GMAT defaults). From GMAT's first report row we
 * propagate the report's span as GMAT's Propagate does (adaptive steps, the crossing step
 * discarded, a fixed final step onto GMAT's last epoch) and compare the number of accepted steps
 * (report rows minus the initial and final rows) and the final position (`final.txt`). Also GMAT's
 * refusal of an AdamsBashforthMoulton with Accuracy 1e-11, with GMAT's own text.
 *
 * @module
 */

import assert from "node:assert/strict";
import { GmatSweepError } from "../../src/errors/mod.ts";
import { AdaptiveIntegrator } from "../../src/physics/integrators/adaptive_integrator.ts";
import type { IntegratorType } from "../../src/physics/integrators/settings.ts";
import { AdamsBashforthMoulton } from "../../src/physics/integrators/adams_bashforth_moulton.ts";
import { IntegrationError } from "../../src/physics/integrators/integration_error.ts";
import { createIntegrator } from "../../src/physics/integrators/propagation_integrator.ts";
import { positionDistance } from "./_assert.ts";
import { HAVE_MISSION_BATTERY, readMissionReport, stateOf } from "./_mission_battery.ts";
import {
  defaultForceModel,
  propagateSpan,
  readConsole,
  spanSeconds,
  type Stepper,
} from "./_integrator_battery.ts";

/** Data rows of each case's report.txt, as the battery README lists them. */
const CASES: readonly { type: IntegratorType | "AdamsBashforthMoulton"; rows: number }[] = [
  { type: "RungeKutta56", rows: 4773 },
  { type: "RungeKutta68", rows: 1382 },
  { type: "RungeKutta89", rows: 907 },
  { type: "PrinceDormand45", rows: 6696 },
  { type: "PrinceDormand78", rows: 675 },
  { type: "AdamsBashforthMoulton", rows: 21287 },
];

for (const { type, rows: expectedRows } of CASES) {
  Deno.test({
    name: `integrator_${type}: GMAT's step count within 2% and final position within 1e-5 km`,
    ignore: !HAVE_MISSION_BATTERY,
    async fn() {
      const caseName = `integrator_${type}`;
      const rows = readMissionReport(caseName);
      assert.equal(rows.length, expectedRows, "report data rows");
      const [final] = readMissionReport(caseName, "final.txt");
      const first = rows[0];
      const last = rows[rows.length - 1];
      assert.deepEqual(stateOf(final), stateOf(last), "final.txt repeats the last report row");
      const epoch = first.num["Sat.A1ModJulian"];
      const span = spanSeconds(epoch, last.num["Sat.A1ModJulian"]);
      assert.ok(Math.abs(span - 86400) < 2e-6, `span ${span} s`);

      const f = await defaultForceModel(epoch);
      const integrator: Stepper = type === "AdamsBashforthMoulton"
        ? new AdamsBashforthMoulton({}, f, 6)
        : new AdaptiveIntegrator({ type, accuracy: 1e-11 }, f, 6);
      const started = performance.now();
      const { y, steps } = propagateSpan(integrator, 0, stateOf(first), span);
      const ms = performance.now() - started;

      const gmatSteps = rows.length - 2;
      const miss = positionDistance(y, stateOf(final));
      console.log(
        `${type}: ${steps} steps (GMAT ${gmatSteps}), final position ${miss.toExponential(2)} km ` +
          `from GMAT, ${ms.toFixed(0)} ms`,
      );
      assert.ok(
        Math.abs(steps - gmatSteps) <= 0.02 * gmatSteps,
        `${type}: ${steps} accepted steps, GMAT ${gmatSteps}`,
      );
      assert.ok(miss < 1e-5, `${type}: final position ${miss} km from GMAT's`);
    },
  });
}

/** GMAT's refusal text in the rejected case's console output (after the exception prefix). */
function gmatRefusal(): string {
  const text = readConsole("integrator_AdamsBashforthMoulton_acc1e-11_rejected");
  const start = text.indexOf("Setup error in the AdamsBashforthMoulton Propagator");
  const end = text.indexOf("at least a factor of 10", start);
  assert.ok(start >= 0 && end > start, "the refusal is in console.txt");
  assert.match(text.slice(0, start), /Propagator Exception: $/);
  return text.slice(start, end + "at least a factor of 10".length);
}

Deno.test({
  name: "AdamsBashforthMoulton with Accuracy 1e-11 is refused with GMAT's text",
  ignore: !HAVE_MISSION_BATTERY,
  async fn() {
    const expected = gmatRefusal();
    assert.ok(expected.includes("\n\n   LowerError < TargetError < Accuracy\n\n"));
    const rows = readMissionReport("integrator_AdamsBashforthMoulton");
    const f = await defaultForceModel(rows[0].num["Sat.A1ModJulian"]);
    const refused = (e: unknown) =>
      e instanceof IntegrationError && e instanceof GmatSweepError &&
      e.code === "INTEGRATION_SETTINGS" && e.message.startsWith(expected) &&
      /TargetError = 1e-11, Accuracy = 1e-11/.test(e.message);
    assert.throws(() => new AdamsBashforthMoulton({ accuracy: 1e-11 }, f, 6), refused);
    assert.throws(
      () => createIntegrator({ type: "AdamsBashforthMoulton", accuracy: 1e-11 }, f, 6),
      refused,
    );
    // Both halves of the relationship are checked.
    assert.throws(
      () => new AdamsBashforthMoulton({ lowerError: 1e-11 }, f, 6),
      (e: unknown) => e instanceof IntegrationError && e.message.startsWith(expected),
    );
    assert.doesNotThrow(() => new AdamsBashforthMoulton({ accuracy: 1.01e-11 }, f, 6));
  },
});
