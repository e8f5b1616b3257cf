/**
 * GMAT's own solver logs (19 sample missions, the battery's hohmann_dc and gmat-run's GEO transfer)
 * checked against this module's arithmetic: every printed Jacobian inverted here gives the printed
 * inverse, and every printed Newton step (inverse, goals, MaxStep, bounds) gives the printed new
 * variable values; the convergence flags and iteration counts follow GMAT's rules.
 */

import assert from "node:assert/strict";
import { streamG } from "../../src/solvers/_format.ts";
import {
  type DcReportFile,
  gmatInverse,
  gmatPseudoinverse,
  parseSolverReport,
  SolverReportWriter,
  StringSink,
  VARY_UNBOUNDED,
} from "../../src/solvers/mod.ts";
import { compareReports, drive, readTestdata, sampleLogs } from "./_support.ts";

const LOGS = [...sampleLogs(), "hohmann_dc/DC_report.data", "gmat_run/dc_converged_R2026a.data"];

/**
 * MaxStep, Lower, Upper and Perturbation of each variable of the last Target that wrote each log
 * (from its script).
 */
const VARY: Record<string, readonly (readonly [number, number, number, number])[]> = {
  "Ex_CustomSegmentColors": [[0.2, 0, 3.14159, 1e-4], [0.2, 0, 3.14159, 1e-4]],
  "Ex_DoubleLunarSwingby": [[0.08, -0.5, 0.5, 1e-6]],
  "Ex_GEOTransfer": [[0.1, -VARY_UNBOUNDED, VARY_UNBOUNDED, 1e-4]],
  "Ex_GivenEpochGoToTheMoon": [
    [2, -VARY_UNBOUNDED, VARY_UNBOUNDED, 1e-6],
    [2, -VARY_UNBOUNDED, VARY_UNBOUNDED, 1e-6],
    [0.01, -VARY_UNBOUNDED, VARY_UNBOUNDED, 1e-7],
    [0.3, -VARY_UNBOUNDED, VARY_UNBOUNDED, 1e-5],
  ],
  "Ex_HohmannTransfer": [[0.2, 0, 3.14159, 1e-4], [0.2, 0, 3.14159, 1e-4]],
  "Ex_ImprovedTargeterAlgorithms": [[VARY_UNBOUNDED, -VARY_UNBOUNDED, VARY_UNBOUNDED, 0.001]],
  "Ex_L2Design": [[0.0005, -0.04, 0.0297, 1e-6]],
  "Ex_LEOStationKeeping": [[0.05, -VARY_UNBOUNDED, VARY_UNBOUNDED, 1e-4], [
    0.05,
    -VARY_UNBOUNDED,
    VARY_UNBOUNDED,
    5e-5,
  ]],
  "Ex_LibrationPointStationKeeping_ESM": [[0.001, -0.1, 0.1, 1e-5]],
  "Ex_LunarOrbitStationKeeping": [[0.01, -1, 1, 1e-4], [0.01, -1, 1, 1e-4]],
  "Ex_LunarTransfer": [[0.3, -3, 0, 0.001]],
  "Ex_MMSSingleLunarSwingby": [[0.08, -0.5, 0.5, 1e-6]],
  "Ex_MarsBPlane": [[0.1, -VARY_UNBOUNDED, VARY_UNBOUNDED, 1e-5]],
  "Ex_TargetFiniteBurn_CenterPeriapsisDuration": [[100, 0, 3000, 1e-4]],
  "Ex_TargetFiniteBurn_CenterPeriapsisTA": [[100, -5000, -1, 1e-4], [100, 10, 5000, 1e-4]],
  "Ex_TargetStatusWindow": [[0.1, -VARY_UNBOUNDED, VARY_UNBOUNDED, 1e-4]],
  "Tut_Mars_B_Plane_Targeting": [[0.1, -10e300, 10e300, 1e-5]],
  "Tut_SimpleOrbitTransfer": [[0.5, 0, 3.14159, 1e-4], [0.2, 0, 3.14159, 1e-4]],
  "Tut_Target_Finite_Burn_to_Raise_Apogee": [[100, 0, 10000, 1e-4]],
  "hohmann_dc": [[0.2, 0, 3.14159, 1e-4], [0.2, 0, 3.14159, 1e-4]],
  "dc_converged_R2026a": [[0.1, -VARY_UNBOUNDED, VARY_UNBOUNDED, 1e-4]],
};

function key(log: string): string {
  if (log.startsWith("samples/")) return log.slice(8).split("__")[0];
  if (log.startsWith("hohmann_dc")) return "hohmann_dc";
  return log.split("/")[1].replace(".data", "");
}

const reports = new Map<string, DcReportFile>(
  LOGS.map((log) => [log, parseSolverReport(readTestdata(log), { path: log })]),
);

/** Whether two printed values agree: same text, or within `rtol` (absolute near 0). */
function agree(ours: number, printed: number, rtol: number): boolean {
  if (streamG(ours, 16) === streamG(printed, 16)) return true;
  return Math.abs(ours - printed) <= rtol * Math.max(Math.abs(printed), 1e-300);
}

Deno.test("gmatInverse() reproduces the inverse Jacobians GMAT printed in 22 solver logs", () => {
  let cells = 0;
  let sameText = 0;
  for (const [log, report] of reports) {
    for (const it of report.iterations) {
      if (!it.jacobian || !it.inverse) continue;
      const square = it.jacobian.length === it.jacobian[0].length;
      const inv = square ? gmatInverse(it.jacobian) : gmatPseudoinverse(it.jacobian);
      assert.ok(inv, `${log} iteration ${it.iteration}: singular`);
      inv.forEach((row, g) =>
        row.forEach((x, v) => {
          const printed = it.inverse![g][v];
          if (square) cells++;
          if (square && streamG(x, 16) === streamG(printed, 16)) sameText++;
          // the Jacobian is read back from 16 digits; the 4 x 3 pseudoinverse of
          // Ex_GivenEpochGoToTheMoon squares its conditioning and moves by up to 5e-7 relative
          // when the entries move in their 16th digit (measured), GMAT's values lie within that
          // (square: measured at most 6e-16 relative, a last-digit difference)
          const rtol = square ? 2e-15 : 1e-6;
          assert.ok(
            agree(x, printed, rtol),
            `${log} it ${it.iteration} [${g}][${v}]: ${x} ${printed}`,
          );
          assert.equal(Object.is(x, -0), Object.is(printed, -0), `${log} sign of zero`);
        })
      );
    }
  }
  // 16-digit Jacobians in, so the 16th digit of the inverse flips for about a quarter of cells
  assert.ok(cells > 250, `${cells} cells`);
  assert.ok(sameText / cells > 0.7, `${sameText} of ${cells} cells print identically`);
});

Deno.test("the Newton step with MaxStep and bounds reproduces GMAT's new variable values", () => {
  let values = 0;
  let sameText = 0;
  for (const [log, report] of reports) {
    const vary = VARY[key(log)];
    assert.ok(vary, `no Vary settings for ${log}`);
    assert.equal(vary.length, report.variableNames.length, log);
    for (const it of report.iterations) {
      if (!it.inverse || !it.nextScaled) continue;
      const n = it.variables.length;
      const delta = it.variables.map((_, i) => {
        let d = 0.0;
        it.desired.forEach((goal, j) => d += it.inverse![j][i] * (goal - it.achieved[j]));
        return d;
      });
      let multiplier = 1.0;
      for (let i = 0; i < n; i++) {
        if (Math.abs(delta[i]) > vary[i][0]) {
          multiplier = Math.min(multiplier, Math.abs(vary[i][0] / delta[i]));
        }
      }
      for (let i = 0; i < n; i++) {
        const next = Math.min(
          Math.max(it.variables[i] + delta[i] * multiplier, vary[i][1]),
          vary[i][2],
        );
        values++;
        if (streamG(next, 16) === streamG(it.nextScaled[i], 16)) sameText++;
        const scale = Math.max(Math.abs(it.variables[i]), Math.abs(delta[i]));
        assert.ok(
          Math.abs(next - it.nextScaled[i]) <= 1e-12 * scale,
          `${log} iteration ${it.iteration} ${report.variableNames[i]}: ${next} vs ${
            it.nextScaled[i]
          }`,
        );
      }
    }
  }
  assert.ok(values > 100, `${values} values`);
  // 16-digit inputs: the 16th digit of a sum flips in about a quarter of the values
  assert.ok(sameText / values > 0.7, `${sameText} of ${values} print identically`);
});

Deno.test("solver logs follow GMAT's completion rules", () => {
  for (const [log, report] of reports) {
    const its = report.iterations;
    assert.equal(report.completed, true, log);
    assert.equal(report.iterationsTaken, its.length, log);
    assert.equal(report.status, "converged", log);
    its.forEach((it, k) => {
      assert.equal(it.iteration, k + 1, log);
      // an iteration continues (Jacobian block) exactly when it did not converge
      assert.equal(it.converged, k === its.length - 1, `${log} iteration ${k + 1}`);
      assert.equal(it.inverse !== undefined, !it.converged, `${log} iteration ${k + 1}`);
    });
  }
});

Deno.test("DifferentialCorrector replays each GMAT log with GMAT's passes and layout", () => {
  const identical: string[] = [];
  for (const [log, report] of reports) {
    const vary = VARY[key(log)];
    const first = report.iterations[0];
    const gmat = readTestdata(log);
    const sink = new StringSink();
    let nominal = 0;
    let base: readonly number[] = [];
    const { done } = drive(
      {
        name: log,
        algorithm: key(log) === "Ex_ImprovedTargeterAlgorithms" ? "Broyden" : "NewtonRaphson",
        variables: report.variableNames.map((name, i) => ({
          name,
          initialValue: first.variables[i],
          maxStep: vary[i][0],
          lower: vary[i][1],
          upper: vary[i][2],
          perturbation: vary[i][3],
        })),
        goals: report.goalNames.map((name, j) => ({
          name,
          value: first.desired[j],
          tolerance: first.tolerance[j],
        })),
        listeners: [new SolverReportWriter(sink)],
      },
      (pass) => {
        const it = report.iterations[pass.iteration - 1];
        if (pass.kind === "nominal") {
          assert.equal(pass.iteration, ++nominal, log);
          base = pass.values;
        }
        if (pass.kind !== "perturbation") return it.achieved;
        // the achieved value that reproduces GMAT's Jacobian for the step actually taken
        const v = pass.perturbed!;
        return it.achieved.map((a, j) => a + it.jacobian![v][j] * (pass.values[v] - base[v]));
      },
    );
    assert.equal(done.iterations, report.iterationsTaken, log);
    assert.equal(done.status, "converged", log);
    const cmp = compareReports(sink.text, gmat);
    assert.deepEqual(cmp.layout, [], log);
    // GMAT's values come back from 16 digits: measured at most 3e-9 relative with square
    // Jacobians (Ex_TargetFiniteBurn_CenterPeriapsisTA), 4e-7 through the 4 x 3 pseudoinverse
    const rtol = report.variableNames.length === report.goalNames.length ? 1e-8 : 1e-5;
    assert.ok(cmp.maxRelative < rtol, `${log}: max relative difference ${cmp.maxRelative}`);
    if (cmp.identical === cmp.lines) identical.push(key(log));
  }
  // where the rebuilt perturbation values give GMAT's Jacobian bits, the file is byte-identical
  assert.deepEqual(identical, [
    "Tut_Mars_B_Plane_Targeting",
    "Tut_Target_Finite_Burn_to_Raise_Apogee",
  ]);
});
