/**
 * The built-in engine against what real GMAT R2026a wrote for its own sample missions
 * (`../shared/reference/gmat-samples-outputs/`, the 54 samples GMAT's core runs without
 * plugins): every such sample the engine runs (refusals are `samples_coverage_test.ts`'s concern)
 * is run unchanged into a scratch directory, and
 *
 * - the set of files must be GMAT's (its `GmatLog.txt` aside): a file only one of them wrote
 *   fails;
 * - ReportFiles: the same lines, header lines identical, every number within its class bound;
 * - ephemerides (STK `.e`, CCSDS-OEM): the same header (writer name and creation time aside), the
 *   same points (or, at integrator steps, as many within 2% and the same span), states within the
 *   position and velocity bounds;
 * - targeter logs (`DifferentialCorrector*.data`): the same lines word for word (so the same
 *   iterations), the first pass within class bounds, the solution within the goals' tolerances;
 *   where a sample's entry says why its targeter path cannot be reproduced
 *   (`targeterOutcome`), the same header, the first pass within the entry's bounds, both
 *   converged and every last goal within its Tolerance.
 *
 * The class bounds (`DEFAULT_TOLERANCES` in `_report_compare.ts`) are set from the physics: a
 * position within max(1 m, 1e-6 relative), a velocity within max(1 mm/s, 1e-6 relative), angles
 * within 1e-6 rad, epochs within 1 ms, other numbers within 1e-9 relative. Where a sample's file
 * legitimately differs more, {@link SAMPLE_BOUNDS} says by how much (measured) and why.
 *
 * `deno run -A scripts/samples_outputs_table.ts` prints the per-sample numbers for the README.
 */
import assert from "node:assert/strict";
import { PhysicsData } from "../../src/physics/mod.ts";
import { ignoreUnless, requireComponent } from "../_support/components.ts";
import {
  compareSample,
  HAVE_SAMPLE_OUTPUTS,
  SAMPLE_OUTPUTS_ROOT,
  type SampleBounds,
  type SampleComparison,
  samplesWithOutputs,
} from "./_samples_outputs.ts";

/** A sample's own bounds: what differs from the defaults, the measured difference, the reason. */
interface SampleBoundsEntry extends SampleBounds {
  /** The difference measured when the bound was set. */
  readonly measured: string;
  /** Why the sample may differ more than the class bound (or what the entry adds). */
  readonly reason: string;
}

/**
 * Per-sample bounds. A targeter's solution (a Vary variable once the goals are met, or a value
 * computed from it) is bounded by 2 * sum_j |Jinv_ij| * Tolerance_j with GMAT's final inverse
 * Jacobian (from the sample's `DifferentialCorrectorDC1.data`): any point with every goal within
 * its Tolerance is a solution, and two such points can be that far apart.
 */
export const SAMPLE_BOUNDS: Readonly<Record<string, SampleBoundsEntry>> = {
  Ex_ForceModel_ExtraShadowBodies: {
    // Not a wider bound: names the columns of a headerless file written by `Write Str`, so the
    // GEO state after a day is held to the position and velocity classes.
    columns: {
      "Ex_ForceModel_ExtraShadowBodies.txt": ["X", "Y", "Z", "VX", "VY", "VZ"].map((c) =>
        `GEOSat.EarthMJ2000Eq.${c}`
      ),
    },
    measured: "position 6.3 mm, velocity 4.6e-4 mm/s (GEO, 1 day, Sun/Moon/SRP/shadows)",
    reason: "the file is a sprintf of GEOSat's EarthMJ2000Eq state: no header to name columns",
  },
  Ex_FiniteBurnParameters: {
    tolerances: { epochMs: 150, otherRel: 1.5e-3 },
    measured: "epoch 109 ms (step sizes within 0.13% of GMAT's), TotalThrust 1.07e-3 N",
    reason: "a report at integrator steps during a burn: the rows sit up to 109 ms from GMAT's, " +
      "and the 10 N thrust along the velocity turns at < 1.2e-3 rad/s, so 10 * 1.2e-3 * 0.11 = " +
      "1.3e-3 N; burn_parameters_test.ts bounds each row by its own epoch offset",
  },
  Ex_GivenEpochGoToTheMoon: {
    // The fine targeter's log is compared by outcome: GMAT rewrites the file at each Target, so
    // it holds only the fine targeter, whose first RAAN and AOP are the coarse targeter's
    // solution (RA, DEC Tolerance 1 deg each). Bound: 2 * sum_j |Jinv_ij| * 1 deg with the coarse
    // targeter's inverse Jacobian at its solution, the secant through GMAT's last three nominal
    // passes (GmatLog.txt, iterations 35-37): Jinv rows (1.720, 1.156) and (-0.946, -1.878).
    targeterOutcome: {
      "DifferentialCorrectorDC1.data": {
        "MoonSat.RAAN": 2 * (1.71979185 + 1.15603679) * 1,
        "MoonSat.AOP": 2 * (0.94574266 + 1.8782344) * 1,
      },
    },
    measured: "coarse solution RAAN 8.7e-4 deg, AOP 0.239 deg from GMAT's (bounds 5.75, 5.65); " +
      "fine targeter converged in 8 iterations (GMAT 9), last goals within 9.6e-3 km, 1.9e-5 " +
      "deg, 5e-7 of Desired (Tolerance 0.1 each)",
    reason: "targeter path not reproducible: setting RAAN/AOP on the near-circular parking orbit " +
      "(TA ~ 0) goes through acos(e.r / (e r)) ~ 1, which quantizes the argument of latitude " +
      "in steps of sqrt(2^-52) = 1.49e-8 rad; one such step (ours one below GMAT's in the fine " +
      "nominal pass: RMAG 5.78e-4 km, BVectorAngle 1.58e-5 deg, ECC 1.8e-9 = the AOP column " +
      "times 8.54e-7 deg) over a Perturbation of 1e-5 deg (coarse) or 1e-6 deg (fine) moves " +
      "Jacobian entries by 9% or 3x, so the iterations differ though both converge",
  },
  Ex_TargetFiniteBurn_CenterPeriapsisDuration: {
    solutions: { "DefaultReportFile.txt": { halfBurnDuration: 2 * 0.3059622333607684 * 0.1 } },
    measured: "halfBurnDuration 4.11e-3 s (1300.8009 s vs GMAT's 1300.7968 s)",
    reason: "targeter solution: RMAG Tolerance 0.1 km, Jinv 0.306 s/km: bound 0.061 s",
  },
  Ex_TargetFiniteBurn_CenterPeriapsisTA: {
    solutions: {
      "DefaultReportFile.txt": {
        burnDuration: 2 * (0.211864107036719 * 0.001 + 0.6114778819981308 * 0.1),
        // finalTA = errorTA - initialTA; errorTA's Tolerance 0.001 deg, initialTA an angle.
        finalTA: 2 * 0.001 + (1e-6 * 180) / Math.PI,
      },
    },
    measured: "burnDuration 1.35e-4 s, finalTA 3.9e-6 deg",
    reason: "targeter solution: Jinv row (-0.212 s/deg, 0.611 s/km) x Tolerances (0.001 deg, " +
      "0.1 km): burnDuration 0.123 s; finalTA through errorTA's 0.001 deg",
  },
};

Deno.test({
  name: "GMAT's samples: the engine writes the files GMAT wrote, with GMAT's numbers",
  ignore: ignoreUnless(HAVE_SAMPLE_OUTPUTS),
  async fn(t) {
    requireComponent(HAVE_SAMPLE_OUTPUTS, `GMAT's sample outputs at ${SAMPLE_OUTPUTS_ROOT}`);
    const samples = await samplesWithOutputs();
    assert.equal(samples.length, 54, "GMAT's core ran 54 samples");
    for (const name of Object.keys(SAMPLE_BOUNDS)) {
      assert.ok(
        samples.some((s) => s.name === name),
        `SAMPLE_BOUNDS names ${name}: no such sample`,
      );
      for (const f of Object.keys(SAMPLE_BOUNDS[name].targeterOutcome ?? {})) {
        const text = await Deno.readTextFile(`${samples.find((s) => s.name === name)!.dir}/${f}`);
        assert.match(text, /^\*+\n\*\*\* Targeter Text File/, `${name}: ${f} is no targeter log`);
      }
    }
    const physics = new PhysicsData();
    const results: SampleComparison[] = [];
    for (const sample of samples) {
      const r = await compareSample(sample, physics, SAMPLE_BOUNDS[sample.name]);
      results.push(r);
      if (r.status === "refused") continue;
      await t.step(`${sample.name} (${r.files.length} files, ${Math.round(r.ms)} ms)`, () => {
        assert.deepEqual(r.problems, []);
      });
    }
    const compared = results.filter((r) => r.status === "compared");
    const files = compared.reduce((n, r) => n + r.files.length, 0);
    console.log(
      `samples outputs: ${compared.length} of ${samples.length} samples compared ` +
        `(${files} files), ${results.filter((r) => r.status === "refused").length} refused, ` +
        `${results.filter((r) => r.status === "failed").length} failed`,
    );
    assert.ok(compared.length > 0, "no sample ran on the engine");
  },
});
