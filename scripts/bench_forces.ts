/**
 * Benchmark of the built-in engine's force models: the cost of one derivative evaluation for
 * each of GMAT's force models the engine runs, as a ratio to point-mass gravity measured in the
 * same run, on one day of the battery's LEO (SMA 7000 km, ECC 0.001, INC 28.5 deg, 1 Jan 2026,
 * RK89 at Accuracy 1e-12). Informational only: nothing asserts on timing.
 *
 * Run: `deno run -A scripts/bench_forces.ts [--repeats=N]`
 *
 * @module
 */

import {
  AdaptiveIntegrator,
  buildForceModel,
  EARTH_MU,
  type ForceModelSpec,
  keplerianToCartesian,
  parseEpoch,
  PhysicsData,
} from "../src/physics/mod.ts";

const EPOCH = parseEpoch("01 Jan 2026 00:00:00.000", "UTCGregorian");
const Y0 = keplerianToCartesian(
  { sma: 7000, ecc: 0.001, inc: 28.5, raan: 0, aop: 0, ta: 0 },
  EARTH_MU,
);
const SAT = { massKg: 500, cd: 2.2, dragAreaM2: 10, cr: 1.8, srpAreaM2: 10 };

const harmonic = (file: string, n: number) =>
  ({ kind: "harmonic", potentialFile: file, degree: n, order: n }) as const;
const drag = (model: "Exponential" | "JacchiaRoberts" | "MSISE90") => ({
  model,
  f107: 150,
  f107a: 150,
  kp: 3,
  historicSource: "ConstantFluxAndGeoMag" as const,
  predictedSource: "ConstantFluxAndGeoMag" as const,
  schattenErrorModel: "Nominal" as const,
  schattenTimingModel: "NominalCycle" as const,
});
const base: ForceModelSpec = {
  gravity: { kind: "pointMass" },
  thirdBodies: [],
  relativistic: false,
  errorControl: "RSSStep",
};

const MODELS: [string, ForceModelSpec][] = [
  ["point mass (reference)", base],
  ["JGM-2 4x4 (GMAT's default)", { ...base, gravity: harmonic("JGM2.cof", 4) }],
  ["JGM-3 20x20", { ...base, gravity: harmonic("JGM3.cof", 20) }],
  ["EGM-96 70x70", { ...base, gravity: harmonic("EGM96.cof", 70) }],
  ["point mass + Sun + Moon", { ...base, thirdBodies: ["Sun", "Luna"] }],
  ["JGM-2 4x4 + SRP", { ...base, gravity: harmonic("JGM2.cof", 4), srp: srp() }],
  ["JGM-2 4x4 + Exponential drag", {
    ...base,
    gravity: harmonic("JGM2.cof", 4),
    drag: drag("Exponential"),
  }],
  ["JGM-2 4x4 + Jacchia-Roberts drag", {
    ...base,
    gravity: harmonic("JGM2.cof", 4),
    drag: drag("JacchiaRoberts"),
  }],
  ["JGM-2 4x4 + MSISE-90 drag", {
    ...base,
    gravity: harmonic("JGM2.cof", 4),
    drag: drag("MSISE90"),
  }],
  ["JGM-2 4x4 + relativity", { ...base, gravity: harmonic("JGM2.cof", 4), relativistic: true }],
  ["all (JGM-3 20x20, Sun, Moon, MSISE-90, SRP)", {
    ...base,
    gravity: harmonic("JGM3.cof", 20),
    thirdBodies: ["Sun", "Luna"],
    drag: drag("MSISE90"),
    srp: srp(),
  }],
];

function srp() {
  return { flux: 1367, nominalSun: 149597870.691, extraShadowBodies: [] };
}

async function oneDay(spec: ForceModelSpec, data: PhysicsData) {
  const f = await buildForceModel(spec, data, EPOCH, [SAT]);
  const integrator = new AdaptiveIntegrator({ type: "RungeKutta89", accuracy: 1e-12 }, f, 6);
  const t0 = performance.now();
  let t = 0;
  let y: Float64Array = Float64Array.from(Y0);
  for (;;) {
    const next = integrator.step(t, y);
    if (next.t >= 86400) break;
    ({ t, y } = next);
  }
  integrator.stepFixed(t, y, 86400 - t);
  return { ms: performance.now() - t0, evaluations: integrator.evaluations };
}

if (import.meta.main) {
  const repeats = Number(Deno.args.find((a) => a.startsWith("--repeats="))?.slice(10) ?? 7);
  const data = new PhysicsData();
  // Warm every model up (data loading, JIT), then interleave the repeats so the machine's noise
  // falls on all models alike, the reference included.
  for (let w = 0; w < 2; w++) for (const [, spec] of MODELS) await oneDay(spec, data);
  const times = MODELS.map(() => [] as number[]);
  const evals = MODELS.map(() => 0);
  for (let r = 0; r < repeats; r++) {
    for (const [i, [, spec]] of MODELS.entries()) {
      const run = await oneDay(spec, data);
      times[i].push(run.ms);
      evals[i] = run.evaluations;
    }
  }
  const rows = MODELS.map(([name], i) => {
    const sorted = times[i].sort((a, b) => a - b);
    const ms = sorted[Math.floor(sorted.length / 2)];
    console.error(`${name}: ${ms.toFixed(1)} ms, ${evals[i]} evaluations`);
    return { name, ms, evals: evals[i], usPerEval: ms * 1000 / evals[i] };
  });
  const ref = rows[0].usPerEval;
  console.log(
    "| force model | evaluations per day | us per evaluation | x point mass | ms per day |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.evals} | ${r.usPerEval.toFixed(2)} | ${(r.usPerEval / ref).toFixed(1)} | ${
        r.ms.toFixed(0)
      } |`,
    );
  }
}
