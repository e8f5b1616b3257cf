/**
 * Test helper for the integrator cases of the GMAT R2026a mission battery: GMAT's default force
 * model, report spans, the console text of a refused run, and a propagation loop that steps the
 * way GMAT's Propagate does for a time stop (in either direction).
 *
 * @module
 */

import { join } from "node:path";
import {
  buildForceModel,
  type Derivatives,
  type ForceModelSpec,
  PhysicsData,
} from "../../src/physics/mod.ts";
import { MISSION_BATTERY_DIR } from "./_mission_battery.ts";

/** GMAT's default force model (`Create ForceModel FM;`): Earth JGM-2 4x4, RSSStep. */
export const DEFAULT_FORCE_MODEL: ForceModelSpec = {
  gravity: { kind: "harmonic", potentialFile: "JGM2.cof", degree: 4, order: 4 },
  thirdBodies: [],
  relativistic: false,
  errorControl: "RSSStep",
};

/** The default force model for one 500 kg spacecraft, in elapsed seconds from `epochA1`. */
export function defaultForceModel(epochA1: number): Promise<Derivatives> {
  return buildForceModel(DEFAULT_FORCE_MODEL, new PhysicsData(), epochA1, [
    { massKg: 500, cd: 2.2, dragAreaM2: 15, cr: 1.8, srpAreaM2: 1 },
  ]);
}

/**
 * Seconds between two report epochs (printed A1 MJDs, 16 digits: a resolution of about 0.9 us,
 * which is also how closely GMAT's time stops land on their goal).
 */
export function spanSeconds(fromA1: number, toA1: number): number {
  return (toA1 - fromA1) * 86400;
}

/** The text of `<case>/console.txt`. */
export function readConsole(caseName: string): string {
  return Deno.readTextFileSync(join(MISSION_BATTERY_DIR, caseName, "console.txt"));
}

/** What a stepping integrator offers (AdaptiveIntegrator, AdamsBashforthMoulton). */
export interface Stepper {
  step(t: number, y: Float64Array): { t: number; y: Float64Array };
  stepFixed(t: number, y: Float64Array, dt: number): { t: number; y: Float64Array };
}

/**
 * Propagates from (t0, y0) by `span` seconds as GMAT's Propagate does for a time stop: adaptive
 * steps until one reaches or passes the end (that step is discarded), then one fixed step from
 * the last kept point that lands exactly on t0 + span. Works in both directions.
 *
 * @returns The final state and the number of kept adaptive steps (GMAT: report rows minus the
 *   initial and the final row).
 */
export function propagateSpan(
  integrator: Stepper,
  t0: number,
  y0: Float64Array,
  span: number,
): { y: Float64Array; steps: number } {
  const end = t0 + span;
  const dir = Math.sign(span);
  let t = t0;
  let y = y0;
  let steps = 0;
  for (;;) {
    const next = integrator.step(t, y);
    if ((next.t - end) * dir >= 0) break;
    ({ t, y } = next);
    steps++;
  }
  return { y: integrator.stepFixed(t, y, end - t).y, steps };
}
