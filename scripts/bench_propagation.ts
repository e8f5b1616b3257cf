/**
 * Benchmark of the built-in propagator: one day of a LEO (SMA 7000 km, ECC 0.001, INC 28.5 deg)
 * under point-mass gravity with GMAT's step control, for RungeKutta89, PrinceDormand78 and
 * PrinceDormand45 at Accuracy 1e-9 and 1e-12 (other settings GMAT's defaults: InitialStepSize
 * 60 s, MinStep 0.001 s, MaxStep 2700 s, ErrorControl RSSStep).
 *
 * Reports accepted/rejected steps, derivative evaluations per orbit, the median wall time of
 * several repeats and the final position error against the analytic two-body solution, as a
 * markdown table for the README. Informational only: nothing here asserts on timing.
 *
 * Run: `deno run -A scripts/bench_propagation.ts [--repeats=N]`
 *
 * @module
 */

import {
  AdaptiveIntegrator,
  EARTH_MU,
  type IntegratorType,
  keplerianToCartesian,
  keplerPropagate,
  pointMassDerivatives,
  type Vec6,
} from "../src/physics/mod.ts";

const DURATION = 86400;
const ELEMENTS = { sma: 7000, ecc: 0.001, inc: 28.5, raan: 0, aop: 0, ta: 0 };

interface Run {
  accepted: number;
  rejected: number;
  evaluations: number;
  final: Vec6;
}

/** Propagates like GMAT's Propagate to an elapsed-time stop: adaptive steps, then a fixed step. */
function propagateOnce(type: IntegratorType, accuracy: number, y0: Vec6): Run {
  const integrator = new AdaptiveIntegrator(
    { type, accuracy },
    pointMassDerivatives(EARTH_MU, 1),
    6,
  );
  let t = 0;
  let y = y0;
  for (;;) {
    const next = integrator.step(t, y);
    if (next.t >= DURATION) break;
    ({ t, y } = next);
  }
  const final = integrator.stepFixed(t, y, DURATION - t).y;
  return {
    accepted: integrator.acceptedSteps,
    rejected: integrator.rejectedSteps,
    evaluations: integrator.evaluations,
    final,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function main(): void {
  const arg = Deno.args.find((a) => a.startsWith("--repeats="));
  const repeats = arg === undefined ? 7 : Math.max(1, Number(arg.slice("--repeats=".length)));
  const y0 = keplerianToCartesian(ELEMENTS, EARTH_MU);
  const truth = keplerPropagate(y0, EARTH_MU, DURATION);
  const period = 2 * Math.PI * Math.sqrt(ELEMENTS.sma ** 3 / EARTH_MU);
  const orbits = DURATION / period;
  const rows: string[] = [];
  const types: IntegratorType[] = ["RungeKutta89", "PrinceDormand78", "PrinceDormand45"];
  for (const type of types) {
    for (const accuracy of [1e-9, 1e-12]) {
      propagateOnce(type, accuracy, y0); // warm-up
      const times: number[] = [];
      let run: Run | undefined;
      for (let i = 0; i < repeats; i++) {
        const start = performance.now();
        run = propagateOnce(type, accuracy, y0);
        times.push(performance.now() - start);
      }
      const r = run as Run;
      const error = Math.hypot(
        r.final[0] - truth[0],
        r.final[1] - truth[1],
        r.final[2] - truth[2],
      );
      rows.push(
        `| ${type} | ${accuracy.toExponential(0)} | ${r.accepted} | ${r.rejected} | ` +
          `${(r.evaluations / orbits).toFixed(0)} | ${median(times).toFixed(1)} | ` +
          `${error.toExponential(2)} |`,
      );
    }
  }
  console.log(
    `One day of LEO point-mass propagation (SMA 7000 km, ECC 0.001, INC 28.5 deg; ` +
      `${orbits.toFixed(2)} orbits), GMAT step control, median of ${repeats} runs, ` +
      `Deno ${Deno.version.deno}.\n`,
  );
  console.log(
    "| Integrator | Accuracy | Accepted steps | Rejected | Derivative evals / orbit | " +
      "Wall time (ms) | Final position error vs Kepler (km) |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|");
  for (const row of rows) console.log(row);
}

if (import.meta.main) main();
