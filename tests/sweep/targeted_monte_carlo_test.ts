/**
 * Monte Carlo of a targeted manoeuvre: 200 runs of a Hohmann transfer whose injection orbit is
 * dispersed, each run re-targeting both burns with the DifferentialCorrector. Every run must meet
 * its goals, and each burn must equal the two-body value for the orbit that run achieved: a
 * tangential burn at periapsis rp reaching apoapsis ra needs sqrt(mu (2/rp - 2/(rp + ra))) minus
 * the periapsis speed sqrt(mu (1 + e) / rp); the circularising burn at ra to eccentricity e' (ra
 * becoming the new periapsis) is sqrt(mu (1 + e') / ra) minus the apoapsis speed. These are
 * independent of the engine: a wrong Vary, a stale restore between passes or a wrong Jacobian
 * breaks them.
 */
import assert from "node:assert/strict";
import { monteCarloRunSet } from "../../src/runset/mod.ts";
import { Sweep } from "../../src/sweep/mod.ts";
import { fixture } from "../_support/engine.ts";

const SCRIPT = fixture("scripts/hohmann_targeted.script");
const MU = 398600.4415; // GMAT's Earth mu, km^3/s^2
const RUNS = 200;

Deno.test("200 dispersed injections, each burn re-targeted to GMAT's goals", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-targeted-mc-" });
  const runSet = monteCarloRunSet(
    {
      "Sat.SMA": { kind: "normal", mu: 7000, sigma: 20 },
      "Sat.ECC": { kind: "uniform", lo: 0.0005, hi: 0.002 },
      "Sat.INC": { kind: "normal", mu: 28.5, sigma: 0.5 },
      "Sat.RAAN": { kind: "uniform", lo: 0, hi: 360 },
    },
    RUNS,
    2026,
  );
  const sweep = await Sweep.create(SCRIPT, runSet, {
    outputDir: dir,
    engine: "builtin",
    workers: 2,
    timeoutS: 120,
  });
  await sweep.run();
  const manifest = await sweep.manifest();
  const failed = manifest.entries.filter((e) => e.status !== "ok");
  assert.deepEqual(failed.map((e) => `${e.run_id}: ${e.stderr}`), []);
  assert.equal(manifest.entries.length, RUNS);

  const burns = await sweep.toTable({ name: "RFburn" });
  assert.equal(burns.numRows, RUNS);
  const col = (name: string) => [...burns.getChild(name)!.toArray()] as number[];
  const runIds = col("run_id").map(Number);
  const toi = col("TOI.Element1"), goi = col("GOI.Element1");
  const rmag = col("Sat.Earth.RMAG"), ecc = col("Sat.Earth.ECC");
  const passes = col("nPass").map(Number);
  const overrides = new Map(manifest.entries.map((e) => [e.run_id, e.overrides]));
  let worstToi = 0, worstGoi = 0;
  for (let i = 0; i < RUNS; i++) {
    const o = overrides.get(runIds[i])! as Record<string, number>;
    const rp = o["Sat.SMA"] * (1 - o["Sat.ECC"]);
    const ra = rmag[i]; // the impulsive GOI leaves the position at apoapsis unchanged
    assert.ok(Math.abs(ra - 42164) <= 0.1, `run ${runIds[i]}: RMAG ${ra}`);
    assert.ok(Math.abs(ecc[i] - 1e-4) <= 1e-5, `run ${runIds[i]}: ECC ${ecc[i]}`);
    const toiWant = Math.sqrt(MU * (2 / rp - 2 / (rp + ra))) -
      Math.sqrt(MU * (1 + o["Sat.ECC"]) / rp);
    const apoSpeed = Math.sqrt(MU * (2 / ra - 2 / (rp + ra)));
    const goiWant = Math.sqrt(MU * (1 + ecc[i]) / ra) - apoSpeed;
    worstToi = Math.max(worstToi, Math.abs(toi[i] - toiWant));
    worstGoi = Math.max(worstGoi, Math.abs(goi[i] - goiWant));
    // nominal + 2 perturbation passes per iteration, plus the final pass
    assert.ok(passes[i] >= 5 && (passes[i] - 2) % 3 === 0, `run ${runIds[i]}: ${passes[i]} passes`);
  }
  // 1e-9 km/s = 1 um/s: RK89 at Accuracy 1e-12 over five hours and the apsis stop leave about
  // 1e-12 km/s (measured 8e-14 and 3e-12); a solver or restore error is orders larger.
  assert.ok(worstToi < 1e-9, `TOI off the two-body value by ${worstToi} km/s`);
  assert.ok(worstGoi < 1e-9, `GOI off the two-body value by ${worstGoi} km/s`);
  const range = (xs: number[]) => `${Math.min(...xs)}-${Math.max(...xs)}`;
  console.log(
    `TOI ${range(toi)} km/s, GOI ${range(goi)} km/s, passes ${range(passes)}; worst ` +
      `|TOI - two-body| ${worstToi.toExponential(2)} km/s, |GOI - two-body| ` +
      `${worstGoi.toExponential(2)} km/s over ${RUNS} runs`,
  );
  await Deno.remove(dir, { recursive: true });
});
