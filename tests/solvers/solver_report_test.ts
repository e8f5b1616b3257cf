/**
 * The solver report writer against GMAT's files (byte for byte where the inputs are exact), its
 * styles and incremental writing, and the report parser with gmat-run's table.
 */

import assert from "node:assert/strict";
import { OutputParseError } from "../../src/formats/mod.ts";
import {
  type DcReportFile,
  DifferentialCorrector,
  type DifferentialCorrectorOptions,
  parseSolverReport,
  type ReportStyle,
  type SolverPass,
  SolverReportWriter,
  solverRunTable,
  StringSink,
} from "../../src/solvers/mod.ts";
import { compareReports, drive, readTestdata, sampleLogs } from "./_support.ts";

const STARS = "*".repeat(56);

/** The GEO transfer's last Target ("Lower Apogee") in gmat-run's logs. */
const LOWER_APOGEE: DifferentialCorrectorOptions = {
  variables: [{
    name: "MOI.Element1",
    initialValue: -0.1,
    perturbation: 0.0001,
    lower: -9.999999e300,
    upper: 9.999999e300,
    maxStep: 0.1,
  }],
  goals: [{ name: "geoSat.Earth.SMA", value: 42166.90, tolerance: 0.001 }],
};

function write(
  options: DifferentialCorrectorOptions,
  body: (x: readonly number[], pass: SolverPass) => number[],
  style?: ReportStyle,
) {
  const sink = new StringSink();
  const run = drive(
    { ...options, listeners: [new SolverReportWriter(sink, { style })] },
    (pass) => body(pass.values, pass),
  );
  return { text: sink.text, ...run };
}

/**
 * A Target body replaying a GMAT log: nominal passes return GMAT's achieved values (in order);
 * perturbation passes return the value that reproduces GMAT's printed Jacobian, `a + J p`.
 */
function replay(log: DcReportFile, perturbation: number) {
  let nominal = 0;
  return (_: readonly number[], pass: SolverPass): number[] => {
    if (pass.kind === "nominal") return [...log.iterations[nominal++].achieved];
    const it = log.iterations[pass.iteration - 1];
    if (pass.kind === "final") return [...it.achieved];
    return it.achieved.map((a, j) => a + it.jacobian![pass.perturbed!][j] * perturbation);
  };
}

Deno.test("SolverReportWriter writes dc_maxiter_R2026a.data byte for byte", () => {
  const gmat = readTestdata("gmat_run/dc_maxiter_R2026a.data");
  const { text, done } = write({ ...LOWER_APOGEE, maxIterations: 1 }, () => [8929.80725361425]);
  assert.equal(done.passes, 2);
  assert.equal(done.status, "exceededIterations");
  assert.equal(text, gmat);
});

Deno.test("SolverReportWriter rewrites dc_converged_R2026a.data from GMAT's own values", () => {
  const gmat = readTestdata("gmat_run/dc_converged_R2026a.data");
  const { text, done } = write(LOWER_APOGEE, replay(parseSolverReport(gmat), 0.0001));
  assert.equal(done.iterations, 7);
  const cmp = compareReports(text, gmat);
  assert.deepEqual(cmp.layout, []);
  assert.ok(cmp.maxRelative < 1e-11, `max relative difference ${cmp.maxRelative}`);
});

Deno.test("Broyden rewrites Ex_ImprovedTargeterAlgorithms' log from GMAT's nominal values", () => {
  const name = sampleLogs().find((f) => f.includes("Ex_ImprovedTargeterAlgorithms"))!;
  const gmat = readTestdata(name);
  const { text, done } = write(
    {
      algorithm: "Broyden",
      variables: [{ name: "aDeltaV.Element1", initialValue: 0.01 }],
      goals: [{ name: "aSat.RMAG", value: 12000 }],
    },
    replay(parseSolverReport(gmat), 0.001), // the default Perturbation
  );
  assert.equal(done.iterations, 6);
  assert.equal(done.passes, 6 + 1 + 1);
  const cmp = compareReports(text, gmat);
  assert.deepEqual(cmp.layout, []);
  assert.ok(cmp.maxRelative < 1e-10, `max relative difference ${cmp.maxRelative}`);
});

const TINY: DifferentialCorrectorOptions = {
  variables: [{ name: "x", initialValue: 1, perturbation: 0.5 }],
  goals: [{ name: "y", value: 4, tolerance: 1e-9 }],
};

const TINY_HEADER = `${STARS}\n*** Targeter Text File\n*** \n*** Using Differential Correction\n` +
  "***\n*** 1 variables\n*** 1 goals\n***\n*** Variables:\n***    x\n***    \n*** Goals:\n" +
  `***    y\n***    \n*** SolverMode:  Solve\n***    \n${STARS}\n\n`;

const TINY_END = "Iteration 2\nRunning Nominal Pass\nVariables:\n   x = 2{s2}\n   \n" +
  "Goals and achieved values:\n   y  Desired: 4 Achieved: 4\n   Tolerance: 1e-09\n   \n" +
  `${STARS}\n\n\n${STARS}\n*** Targeting Completed in 1 iterations\n${STARS}\n\n`.replace(
    "1 iterations",
    "2 iterations",
  );

Deno.test("SolverReportWriter writes GMAT's Normal and Concise text", () => {
  const expected = TINY_HEADER +
    "Iteration 1\nRunning Nominal Pass\nVariables:\n   x = 1\n   \n" +
    "Goals and achieved values:\n   y  Desired: 4 Achieved: 2\n   Tolerance: 1e-09\n   \n" +
    `${STARS}\n\n` +
    "\nJacobian (Sensitivity matrix):\n   2\n\n\nInverse Jacobian:\n   0.5\n\n\n" +
    "New scaled variable estimates:\n   x = 2\n   \n" + TINY_END.replace("{s2}", "");
  for (const style of ["Normal", "Concise"] as const) {
    assert.equal(write(TINY, ([x]) => [2 * x], style).text, expected, style);
  }
});

Deno.test("SolverReportWriter writes GMAT's Verbose and Debug text", () => {
  const verbose = TINY_HEADER +
    "Iteration 1\nRunning Nominal Pass\nVariables:\n   x = 1; targeter scaled value: 1\n   \n" +
    "Goals and achieved values:\n   y  Desired: 4 Achieved: 2\n   Tolerance: 1e-09\n   \n" +
    `${STARS}\n\n` +
    "Perturbing with variable values:\n   x = 1; targeter scaled value: 1.5\n   \n" +
    "{debug}" +
    "{calculating}" +
    "\nJacobian (Sensitivity matrix):\n   2\n\n\nInverse Jacobian:\n   0.5\n\n\n" +
    "New scaled variable estimates:\n   x = 2\n   \n" +
    TINY_END.replace("{s2}", "; targeter scaled value: 2");
  const calculating =
    "Calculating\nGoals and achieved values:\n   y  Desired: 4 Achieved: 3\n    \n";
  assert.equal(
    write(TINY, ([x]) => [2 * x], "Verbose").text,
    verbose.replace("{debug}", "").replace("{calculating}", calculating),
  );
  const debug = `${"-".repeat(48)}\nCommand stream data:\n\n${"-".repeat(48)}\n`;
  assert.equal(
    write(TINY, ([x]) => [2 * x], "Debug").text,
    verbose.replace("{debug}", debug).replace("{calculating}", ""),
  );
});

Deno.test("SolverReportWriter writes as the passes happen", () => {
  const sink = new StringSink();
  const dc = new DifferentialCorrector({ ...TINY, listeners: [new SolverReportWriter(sink)] });
  assert.equal(sink.text, "");
  dc.next();
  assert.equal(sink.text, TINY_HEADER);
  dc.report([2]);
  assert.ok(sink.text.endsWith("Iteration 1\nRunning Nominal Pass\nVariables:\n   x = 1\n   \n"));
  dc.next(); // the convergence check writes the goals, then the perturbation pass is handed out
  assert.ok(sink.text.endsWith(`   Tolerance: 1e-09\n   \n${STARS}\n\n`));
});

Deno.test("SolverReportWriter starts a new file when the solver restarts", () => {
  const sink = new StringSink();
  const dc = new DifferentialCorrector({ ...TINY, listeners: [new SolverReportWriter(sink)] });
  for (let p = dc.next(); p.kind !== "done"; p = dc.next()) dc.report([2 * p.values[0]]);
  const first = sink.text;
  dc.restart();
  for (let p = dc.next(); p.kind !== "done"; p = dc.next()) dc.report([2 * p.values[0]]);
  assert.equal(sink.text, first);
});

Deno.test("parseSolverReport() reads every GMAT log in testdata", () => {
  const logs = [...sampleLogs(), "hohmann_dc/DC_report.data", "gmat_run/dc_converged_R2026a.data"];
  for (const log of logs) {
    const report = parseSolverReport(readTestdata(log), { path: log });
    assert.equal(report.status, "converged", log);
    assert.ok(report.variableNames.length >= 1 && report.goalNames.length >= 1, log);
    for (const it of report.iterations) {
      assert.equal(it.variables.length, report.variableNames.length, log);
      assert.ok(it.achieved.every(Number.isFinite), log);
    }
  }
});

Deno.test("parseSolverReport() reads hohmann_dc's rows and gmat-run's table", () => {
  const report = parseSolverReport(readTestdata("hohmann_dc/DC_report.data"));
  assert.equal(report.solverMode, "Solve");
  assert.deepEqual(report.variableNames, ["TOI.Element1", "GOI.Element1"]);
  assert.deepEqual(report.goalNames, ["Sat.Earth.RMAG", "Sat.Earth.ECC"]);
  assert.equal(report.iterationsTaken, 10);
  assert.equal(report.iterations.length, 10);
  assert.deepEqual(report.iterations[9].variables, [2.334895750864568, 1.43478952492098]);
  assert.deepEqual(report.iterations[0].jacobian, [
    [8178.756688575959, -0.2445221471378267],
    [0, 0.3629956933512424],
  ]);
  const table = solverRunTable(report);
  assert.deepEqual(table.columns, [
    "iteration",
    "TOI.Element1",
    "GOI.Element1",
    "Sat.Earth.RMAG",
    "Sat.Earth.RMAG_desired",
    "Sat.Earth.RMAG_residual",
    "Sat.Earth.RMAG_tolerance",
    "Sat.Earth.ECC",
    "Sat.Earth.ECC_desired",
    "Sat.Earth.ECC_residual",
    "Sat.Earth.ECC_tolerance",
    "status",
  ]);
  assert.equal(table.rows.length, 10);
  assert.deepEqual(table.rows[0].slice(0, 7), [
    1,
    1,
    1,
    12529.14875926571,
    42164,
    12529.14875926571 - 42164,
    0.1,
  ]);
  assert.deepEqual(table.rows.map((r) => r.at(-1)), [...Array(9).fill("running"), "converged"]);
});

Deno.test("parseSolverReport() tells max_iter, failed and initial-guess runs apart", () => {
  const maxIter = parseSolverReport(readTestdata("gmat_run/dc_maxiter_R2026a.data"));
  assert.equal(maxIter.status, "max_iter");
  assert.equal(maxIter.converged, false);
  assert.deepEqual(solverRunTable(maxIter).rows.map((r) => r.at(-1)), ["max_iter"]);

  const gmat = readTestdata("hohmann_dc/DC_report.data");
  const cut = gmat.slice(0, gmat.indexOf("Iteration 4\n"));
  const failed = parseSolverReport(cut);
  assert.equal(failed.status, "failed");
  assert.equal(failed.iterations.length, 3);

  const sink = new StringSink();
  drive(
    { ...TINY, solveMode: "RunInitialGuess", listeners: [new SolverReportWriter(sink)] },
    () => [
      3,
    ],
  );
  const guess = parseSolverReport(sink.text);
  assert.equal(guess.completed, true);
  assert.equal(guess.iterationsTaken, 0);
  assert.equal(guess.iterations.length, 0);
});

Deno.test("parseSolverReport() reads Verbose and Debug files like Normal ones", () => {
  const normal = parseSolverReport(write(TINY, ([x]) => [2 * x]).text);
  for (const style of ["Verbose", "Debug"] as const) {
    assert.deepEqual(parseSolverReport(write(TINY, ([x]) => [2 * x], style).text), normal, style);
  }
});

Deno.test("parseSolverReport() names the line at fault", () => {
  const gmat = readTestdata("hohmann_dc/DC_report.data");
  assert.throws(
    () => parseSolverReport("Iteration 1\n", { path: "DC.data" }),
    (e) =>
      e instanceof OutputParseError &&
      e.message.startsWith("DC.data:2: expected 'Running Nominal Pass'"),
  );
  assert.throws(
    () =>
      parseSolverReport(gmat.replace("   TOI.Element1 = 1.2\n", "   TOI.Element1 = x\n"), {
        path: "DC.data",
      }),
    (e) =>
      e instanceof OutputParseError && /^DC\.data:\d+: expected a number, got 'x'/.test(e.message),
  );
  assert.throws(
    () => parseSolverReport("hello\n", { path: "DC.data" }),
    (e) =>
      e instanceof OutputParseError &&
      e.message.includes("not a GMAT DifferentialCorrector report"),
  );
});
