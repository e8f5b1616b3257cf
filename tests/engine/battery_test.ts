/**
 * The built-in engine against real GMAT R2026a on the force-model battery
 * (`../shared/reference/gmat-battery/`): every case run from its unchanged `case.script` and
 * compared with GMAT's every-step report: final position within 1 m for gravity, third bodies,
 * SRP and relativity, within 1% of the drag effect for drag, the burn-to-apoapsis stop within
 * 1 ms, and the number of accepted steps (report rows) within 2% of GMAT's (5% for GTO at Accuracy
 * 1e-12, see `stepCountBound`).
 */
import assert from "node:assert/strict";
import { PhysicsData } from "../../src/physics/mod.ts";
import {
  BATTERY_ROOT,
  batteryCases,
  type BatteryResult,
  runBatteryCase,
} from "../../scripts/_battery.ts";

/**
 * How far our accepted-step count may be from GMAT's. At Accuracy 1e-12 the count of a GTO day
 * is chaotic: changing the initial SMA by 1e-9 km moved ours from 377 to 386 steps
 * (gto__all__acc1e-12; seven runs with SMA changes of 0, +-1e-9, +-1e-8, +-1e-7 km gave
 * 377-389 against GMAT's 393; gto__jgm2_4x4_expdrag__acc1e-12 gave 337-348 against 333), a
 * 3% spread from sub-micrometre changes, so the bound for GTO at 1e-12 is 5%; elsewhere 2%.
 */
function stepCountBound(name: string): number {
  return /^gto__.*acc1e-12/.test(name) ? 0.05 : 0.02;
}

Deno.test("every battery case reproduces real GMAT's trajectory and step count", async () => {
  try {
    await Deno.stat(BATTERY_ROOT);
  } catch {
    throw new Error(`required test component missing: GMAT's battery at ${BATTERY_ROOT}`);
  }
  const physics = new PhysicsData();
  const cases = await batteryCases();
  assert.ok(cases.length >= 40, `${cases.length} cases`);
  const bad: string[] = [];
  const results: BatteryResult[] = [];
  for (const name of cases) {
    const r = await runBatteryCase(name, physics);
    results.push(r);
    const limitM = r.dragEffectM === undefined ? 1 : Math.max(1, 0.01 * r.dragEffectM);
    if (!(r.finalM <= limitM)) bad.push(`${name}: final position ${r.finalM} m > ${limitM} m`);
    // Altitude goes through the FK5 body-fixed frame: it cannot differ more than the position.
    if (!(r.altitudeM <= r.finalM + 1e-6)) {
      bad.push(`${name}: final altitude ${r.altitudeM} m off, position ${r.finalM} m`);
    }
    const ratio = r.rows[0] / r.rows[1];
    if (!(Math.abs(ratio - 1) <= stepCountBound(name))) {
      bad.push(`${name}: ${r.rows[0]} rows vs GMAT's ${r.rows[1]}`);
    }
    if (/burn/.test(name) && !(Math.abs(r.epochMs) <= 1)) {
      bad.push(`${name}: stop epoch ${r.epochMs} ms from GMAT's`);
    }
  }
  assert.deepEqual(bad, []);
});
