/**
 * The battery's `hohmann_dc` case for tests: its Vary and Achieve settings, an independent analytic
 * model of its Target body, and GMAT's own goal values for each of its 29 passes.
 *
 * @module
 */

import {
  cartesianToKeplerian,
  keplerianToCartesian,
  keplerPropagate,
} from "../../src/physics/mod.ts";
import type { AchieveDefinition, VaryDefinition } from "../../src/solvers/mod.ts";
import { readTestdata } from "./_support.ts";

/** Earth's gravitational parameter in the battery's point-mass force model, km^3/s^2. */
export const MU = 398600.4415;

/** The `Vary` commands of `hohmann_dc/case.script`. */
export const HOHMANN_VARIABLES: readonly VaryDefinition[] = ["TOI.Element1", "GOI.Element1"].map(
  (name) => ({
    name,
    initialValue: 1.0,
    perturbation: 0.0001,
    lower: 0,
    upper: 3.14159,
    maxStep: 0.2,
  }),
);

/** The `Achieve` commands of `hohmann_dc/case.script`. */
export const HOHMANN_GOALS: readonly AchieveDefinition[] = [
  { name: "Sat.Earth.RMAG", value: 42164, tolerance: 0.1 },
  { name: "Sat.Earth.ECC", value: 0.0001, tolerance: 1e-5 },
];

/** GMAT's converged values (`burns.txt`). */
export const GMAT_TOI = 2.334895750864568;
/** GMAT's converged values (`burns.txt`). */
export const GMAT_GOI = 1.43478952492098;

/** A velocity-direction (VNB V) impulse of `dv` km/s. */
function burnAlongVelocity(s: Float64Array, dv: number): Float64Array {
  const speed = Math.hypot(s[3], s[4], s[5]);
  const out = Float64Array.from(s);
  for (let i = 3; i < 6; i++) out[i] += dv * s[i] / speed;
  return out;
}

/**
 * The Target body of `hohmann_dc`, analytically: TOI at the initial periapsis, Kepler
 * propagation over half the new period to apoapsis (RMAG goal), GOI there, ECC after it.
 *
 * @returns `[RMAG, ECC]`.
 */
export function hohmannModel(toi: number, goi: number): [number, number] {
  const start = keplerianToCartesian(
    { sma: 7000, ecc: 0.001, inc: 28.5, raan: 0, aop: 0, ta: 0 },
    MU,
  );
  const afterToi = burnAlongVelocity(start, toi);
  const r = Math.hypot(afterToi[0], afterToi[1], afterToi[2]);
  const v2 = afterToi[3] ** 2 + afterToi[4] ** 2 + afterToi[5] ** 2;
  const sma = 1 / (2 / r - v2 / MU);
  const apoapsis = keplerPropagate(afterToi, MU, Math.PI * Math.sqrt(sma ** 3 / MU));
  const rmag = Math.hypot(apoapsis[0], apoapsis[1], apoapsis[2]);
  const ecc = cartesianToKeplerian(burnAlongVelocity(apoapsis, goi), MU).ecc;
  return [rmag, ecc];
}

/** One pass of GMAT's run, from `hohmann_dc/iterations.txt`. */
export interface GmatPass {
  readonly toi: number;
  readonly goi: number;
  readonly rmag: number;
  readonly ecc: number;
}

/**
 * GMAT's 29 passes: the variable values after GOI and the goals (`RMAG` at apoapsis, `ECC` after
 * GOI) that its Report commands printed (16 significant digits).
 */
export function gmatHohmannPasses(): GmatPass[] {
  const passes = new Map<number, { toi: number; goi: number; rmag: number; ecc: number }>();
  for (const line of readTestdata("hohmann_dc/iterations.txt").split("\n")) {
    if (line === "" || line.startsWith("tag")) continue;
    const cells = line.trim().split(/\s{2,}/);
    const n = Number(cells[1]);
    const pass = passes.get(n) ?? { toi: NaN, goi: NaN, rmag: NaN, ecc: NaN };
    if (cells[0] === "iter_at_apoapsis") pass.rmag = Number(cells[15]);
    if (cells[0] === "iter_after_GOI") {
      pass.toi = Number(cells[2]);
      pass.goi = Number(cells[3]);
      pass.ecc = Number(cells[13]);
    }
    passes.set(n, pass);
  }
  return [...passes.keys()].sort((a, b) => a - b).map((n) => passes.get(n)!);
}
