/**
 * The differential corrector's state machine on hand-computed cases: pass sequences per derivative
 * method and algorithm, MaxStep and bounds clipping, GMAT's perturbation quirks at the bounds,
 * the MaximumIterations failure path, scale factors, solve and exit modes, and its errors.
 */

import assert from "node:assert/strict";
import {
  DifferentialCorrector,
  type DifferentialCorrectorOptions,
  SolverError,
  SolverProgressWriter,
  SolverReportWriter,
  StringSink,
} from "../../src/solvers/mod.ts";
import { drive } from "./_support.ts";
import { HOHMANN_GOALS, HOHMANN_VARIABLES, hohmannModel } from "./_hohmann.ts";

/** Messages and console text a run produced. */
function listen() {
  const messages: string[] = [];
  let console = "";
  const file = new StringSink();
  return {
    messages,
    file,
    get console() {
      return console;
    },
    listeners: [
      { message: (t: string) => messages.push(t) },
      new SolverProgressWriter((t) => console += t),
      new SolverReportWriter(file),
    ],
  };
}

const close = (a: number, b: number, tol = 1e-12) => Math.abs(a - b) <= tol;

Deno.test("DifferentialCorrector scales the whole Newton step down to the tightest MaxStep", () => {
  // y1 = 2 x1 + x2, y2 = x2 -> targets (10, 4) need (3, 4); MaxStep 1 on both
  const { passes, done } = drive(
    {
      variables: ["x1", "x2"].map((name) => ({ name, initialValue: 0, maxStep: 1 })),
      goals: [{ name: "y1", value: 10, tolerance: 1e-9 }, {
        name: "y2",
        value: 4,
        tolerance: 1e-9,
      }],
    },
    ({ values: [a, b] }) => [2 * a + b, b],
  );
  const nominal = passes.filter((p) => p.kind === "nominal").map((p) => p.values);
  const expected = [[0, 0], [0.75, 1], [1.5, 2], [2.25, 3], [3, 4]];
  assert.equal(nominal.length, expected.length);
  nominal.forEach((v, k) => {
    assert.ok(close(v[0], expected[k][0]) && close(v[1], expected[k][1]), `iteration ${k + 1}`);
  });
  assert.equal(done.iterations, 5);
  assert.equal(done.passes, 5 + 4 * 2 + 1);
  assert.equal(done.status, "converged");
});

Deno.test("DifferentialCorrector clamps to the bounds and perturbs backwards at Upper", () => {
  // y = x, target 10, Upper 4: the step is clamped, the forward perturbation at 4 flips to 4 - p
  const run = listen();
  const { passes, done } = drive(
    {
      variables: [{ name: "x", initialValue: 0, upper: 4 }],
      goals: [{ name: "y", value: 10, tolerance: 1e-6 }],
      maxIterations: 3,
      listeners: run.listeners,
    },
    ({ values: [x] }) => [x],
  );
  assert.deepEqual(passes.map((p) => `${p.kind[0]}${p.iteration}`), [
    "n1",
    "p1",
    "n2",
    "p2",
    "n3",
    "f3",
  ]);
  const values = passes.map((p) => p.values[0]);
  assert.deepEqual(values, [0, 0.001, 4, 4 + 0.001 - 2 * 0.001, 4, 4]);
  assert.equal(done.status, "exceededIterations");
  assert.equal(done.converged, false);
  assert.deepEqual(run.messages, [
    "Differential corrector DC has exceeded the maximum number of allowed iterations.\n",
  ]);
  // the Jacobian divides by -p for the flipped step: (3.999 - 4) / -0.001 = 1
  const jacobian = Number(/Jacobian \(Sensitivity matrix\):\n {3}(\S+)\n/.exec(run.file.text)![1]);
  assert.ok(close(jacobian, 1, 1e-9), `Jacobian ${jacobian}`);
  assert.ok(
    run.file.text.endsWith("*** Targeting Completed in 3 iterations\n" + "*".repeat(56) + "\n\n"),
  );
  assert.ok(
    run.console.includes("\n*** Targeting did not converge in 3 iterations\n" + "!".repeat(60)),
  );
  assert.ok(run.console.includes("!!! WARNING: Targeter did NOT converge!\n"));
  assert.ok(run.console.endsWith("Final Variable values:\n   x = 4\n\n"));
});

Deno.test("DifferentialCorrector steps a backward perturbation below Lower to -3p", () => {
  const run = listen();
  const { passes } = drive(
    {
      variables: [{ name: "x", initialValue: 0, lower: 0, perturbation: 0.001 }],
      goals: [{ name: "y", value: 1, tolerance: 1e-9 }],
      derivativeMethod: "BackwardDifference",
      maxIterations: 2,
      listeners: run.listeners,
    },
    ({ values: [x] }) => [x],
  );
  // x - p is below Lower, so GMAT subtracts 2p more: -3p, and still divides by -p
  assert.equal(passes[1].kind, "perturbation");
  assert.equal(passes[1].values[0], 0 - 0.001 - 2 * 0.001);
  const jacobian = Number(/Jacobian \(Sensitivity matrix\):\n {3}(\S+)/.exec(run.file.text)![1]);
  assert.ok(close(jacobian, 3, 1e-12), `Jacobian ${jacobian}`);
});

Deno.test("DifferentialCorrector with CentralDifference runs +p and -p passes past bounds", () => {
  const run = listen();
  const { passes, done } = drive(
    {
      variables: [{ name: "x", initialValue: 2, upper: 2, perturbation: 0.01 }],
      goals: [{ name: "y", value: 1, tolerance: 1e-9 }],
      derivativeMethod: "CentralDifference",
      listeners: run.listeners,
    },
    ({ values: [x] }) => [x * x],
  );
  assert.deepEqual(passes.slice(0, 3).map((p) => [p.kind, p.values[0]]), [
    ["nominal", 2],
    ["perturbation", 2.01],
    ["perturbation", 1.99],
  ]);
  assert.equal(
    run.messages[0],
    "Warning!  Perturbation violates the maximum value for variable x, but is being applied " +
      "anyway to perform central differencing in the differential corrector DC\n",
  );
  // (2.01^2 - 1.99^2) / 0.02 = 4
  const jacobian = Number(/Jacobian \(Sensitivity matrix\):\n {3}(\S+)/.exec(run.file.text)![1]);
  assert.ok(close(jacobian, 4, 1e-9));
  assert.equal(done.status, "converged");
  assert.equal(done.passes, done.iterations + (done.iterations - 1) * 2 + 1);
});

Deno.test("DifferentialCorrector fails hohmann_dc at MaximumIterations 5 like GMAT", () => {
  const run = listen();
  const { passes, done } = drive(
    {
      variables: HOHMANN_VARIABLES,
      goals: HOHMANN_GOALS,
      maxIterations: 5,
      listeners: run.listeners,
    },
    ({ values: [toi, goi] }) => hohmannModel(toi, goi),
  );
  assert.equal(done.status, "exceededIterations");
  assert.equal(done.iterations, 5);
  assert.equal(passes.length, 5 + 4 * 2 + 1);
  // the final pass repeats the last nominal values (GMAT's iteration 5: TOI 1.8)
  assert.deepEqual(passes.at(-1)!.values, passes.at(-2)!.values);
  assert.ok(close(passes.at(-1)!.values[0], 1.8, 1e-12));
  assert.deepEqual(run.messages, [
    "Differential corrector DC has exceeded the maximum number of allowed iterations.\n",
  ]);
  const lines = run.file.text.split("\n");
  assert.equal(lines.filter((l) => l.startsWith("Iteration ")).length, 5);
  assert.equal(lines.filter((l) => l === "Jacobian (Sensitivity matrix):").length, 4);
  assert.ok(
    run.file.text.endsWith("*** Targeting Completed in 5 iterations\n" + "*".repeat(56) + "\n\n"),
  );
});

Deno.test("DifferentialCorrector warns at MaximumIterations even when it converges", () => {
  const run = listen();
  const { done } = drive(
    {
      variables: [{ name: "x", initialValue: 1 }],
      goals: [{ name: "y", value: 1 }],
      maxIterations: 1,
      listeners: run.listeners,
    },
    ({ values: [x] }) => [x],
  );
  assert.equal(done.status, "converged");
  assert.equal(run.messages.length, 1);
  assert.ok(
    run.console.includes("*** Targeting Completed in 1 iterations.\n*** The Targeter converged!"),
  );
});

Deno.test("DifferentialCorrector with Broyden perturbs in the first iteration only", () => {
  const run = listen();
  const { passes, done } = drive(
    {
      variables: HOHMANN_VARIABLES,
      goals: HOHMANN_GOALS,
      algorithm: "Broyden",
      listeners: run.listeners,
    },
    ({ values: [toi, goi] }) => hohmannModel(toi, goi),
  );
  assert.equal(done.status, "converged");
  const kinds = passes.map((p) => p.kind[0]).join("");
  assert.equal(kinds, "npp" + "n".repeat(done.iterations - 1) + "f");
  assert.equal(
    run.file.text.split("\n").filter((l) => l === "Jacobian (Sensitivity matrix):").length,
    done.iterations - 1,
  );
});

Deno.test("DifferentialCorrector with ModifiedBroyden updates the inverse only", () => {
  const run = listen();
  const { passes, done } = drive(
    {
      variables: [{ name: "x", initialValue: 1, perturbation: 1e-6 }],
      goals: [{ name: "y", value: 2, tolerance: 1e-10 }],
      algorithm: "ModifiedBroyden",
      listeners: run.listeners,
    },
    ({ values: [x] }) => [x * x],
  );
  assert.equal(done.status, "converged");
  assert.ok(close(done.values[0], Math.SQRT2, 1e-9));
  assert.equal(passes.filter((p) => p.kind === "perturbation").length, 1);
  const jacobians = [...run.file.text.matchAll(/Jacobian \(Sensitivity matrix\):\n(.*)\n/g)].map(
    (m) => m[1],
  );
  const inverses = [...run.file.text.matchAll(/Inverse Jacobian:\n(.*)\n/g)].map((m) => m[1]);
  assert.ok(jacobians.length >= 3);
  assert.equal(new Set(jacobians).size, 1);
  assert.equal(new Set(inverses).size, inverses.length);
  // in one dimension the update is the secant: H = s / y
  const [h1, h2] = inverses.map(Number);
  assert.ok(Math.abs(h1 - 0.5) < 1e-6 && Math.abs(h2 - h1) > 1e-3);
});

Deno.test("DifferentialCorrector uses the pseudoinverse with more goals than variables", () => {
  const { done } = drive(
    {
      variables: [{ name: "x", initialValue: 0 }],
      goals: [{ name: "a", value: 1, tolerance: 1e-9 }, { name: "b", value: 2, tolerance: 1e-9 }],
    },
    ({ values: [x] }) => [x, 2 * x],
  );
  assert.equal(done.status, "converged");
  assert.ok(close(done.values[0], 1, 1e-9));
});

Deno.test("DifferentialCorrector applies the additive and multiplicative scale factors", () => {
  const run = listen();
  const dc = new DifferentialCorrector({
    variables: [{
      name: "x",
      initialValue: 2,
      perturbation: 0.001,
      additiveScaleFactor: 1,
      multiplicativeScaleFactor: 10,
    }],
    goals: [{ name: "y", value: 3, tolerance: 1e-9 }],
    listeners: run.listeners,
  });
  const nominal = dc.next();
  if (nominal.kind !== "nominal") throw new Error(`expected a nominal pass, got ${nominal.kind}`);
  assert.deepEqual([nominal.values[0], nominal.scaled[0]], [2, 30]);
  dc.report([nominal.values[0]]);
  const pert = dc.next();
  if (pert.kind === "done") throw new Error("unexpected end");
  assert.equal(pert.scaled[0], 30 + 0.001 / (1 / 10));
  assert.equal(pert.values[0], pert.scaled[0] / 10 - 1);
  dc.report([pert.values[0]]);
  dc.next();
  // the new estimate is in scaled units: (3 + 1) * 10 = 40
  const estimate = /New scaled variable estimates:\n {3}x = (\S+)/.exec(run.file.text)![1];
  assert.ok(close(Number(estimate), 40, 1e-9), estimate);
});

Deno.test("DifferentialCorrector moves an initial value onto its bound with a warning", () => {
  const run = listen();
  const dc = new DifferentialCorrector({
    variables: [{ name: "x", initialValue: 5, upper: 4 }],
    goals: [{ name: "y", value: 4 }],
    listeners: run.listeners,
  });
  const pass = dc.next();
  assert.equal(pass.kind === "nominal" && pass.values[0], 4);
  assert.deepEqual(run.messages, [
    "*** Warning*** Initial variable value 5.000000 is greater than upper bound (4.000000). " +
    "It will be adjusted to the upper bound.\n",
  ]);
});

Deno.test("DifferentialCorrector in RunInitialGuess runs one nominal and the final pass", () => {
  const run = listen();
  const { passes, done } = drive(
    {
      variables: [{ name: "x", initialValue: 1 }],
      goals: [{ name: "y", value: 5 }],
      solveMode: "RunInitialGuess",
      listeners: run.listeners,
    },
    ({ values: [x] }) => [x],
  );
  assert.deepEqual(passes.map((p) => [p.kind, p.values[0]]), [["nominal", 1], ["final", 1]]);
  assert.equal(done.status, "initialGuess");
  assert.equal(done.iterations, 0);
  // GMAT closes the file before the final pass and reopens it (truncating) for the last banner
  assert.equal(
    run.file.text,
    `\n${"*".repeat(56)}\n*** Targeting Completed in 0 iterations\n${"*".repeat(56)}\n\n`,
  );
  assert.ok(run.console.includes(
    "\n*** Targeting Completed Initial Guess Run\n***\n   Variable Values:\n      x = 1\n\n" +
      "   Goal Values:\n      y  Desired: 5  Achieved: 1  Variance: 4\n\n",
  ));
});

Deno.test("DifferentialCorrector with ExitMode Stop interrupts the mission when done", () => {
  const dc = new DifferentialCorrector({
    variables: [{ name: "x", initialValue: 1 }],
    goals: [{ name: "y", value: 1 }],
    exitMode: "Stop",
  });
  let pass = dc.next();
  assert.equal(pass.kind, "nominal");
  dc.report([1]);
  pass = dc.next();
  assert.equal(pass.kind, "final");
  dc.report([1]);
  assert.throws(
    () => dc.next(),
    (e) =>
      e instanceof SolverError && e.code === "SOLVER_STOPPED" &&
      /ExitMode = "Stop"/.test(e.message),
  );
  assert.equal(dc.result?.converged, true);
});

Deno.test("restart() keeps the solution with SaveAndContinue and resets it otherwise", () => {
  const body = (x: number) => [x * x];
  for (const exitMode of ["SaveAndContinue", "DiscardAndContinue"] as const) {
    const dc = new DifferentialCorrector({
      variables: [{ name: "x", initialValue: 1, perturbation: 1e-6 }],
      goals: [{ name: "y", value: 4, tolerance: 1e-9 }],
      exitMode,
    });
    for (let p = dc.next(); p.kind !== "done"; p = dc.next()) dc.report(body(p.values[0]));
    const solved = dc.result!.values[0];
    const firstIterations = dc.result!.iterations;
    assert.ok(close(solved, 2, 1e-9));
    dc.restart();
    const first = dc.next();
    assert.equal(first.kind, "nominal");
    assert.equal(first.values[0], exitMode === "SaveAndContinue" ? solved : 1);
    dc.report(body(first.values[0]));
    for (let p = dc.next(); p.kind !== "done"; p = dc.next()) dc.report(body(p.values[0]));
    assert.equal(dc.result!.iterations, exitMode === "SaveAndContinue" ? 1 : firstIterations);
    dc.restart([3]);
    const again = dc.next();
    assert.equal(
      again.kind === "nominal" && again.values[0],
      exitMode === "SaveAndContinue" ? solved : 3,
    );
  }
});

Deno.test("report() takes floating goal values on nominal passes only", () => {
  const run = listen();
  const dc = new DifferentialCorrector({
    variables: [{ name: "x", initialValue: 0 }],
    goals: [{ name: "y", value: 1, tolerance: 1e-9 }],
    listeners: run.listeners,
  });
  dc.next();
  dc.report([0], { desired: [2] });
  dc.next();
  dc.report([0.001], { desired: [99] }); // perturbation pass: ignored
  const next = dc.next();
  assert.ok(next.kind === "nominal" && close(next.values[0], 2, 1e-9));
  assert.ok(run.file.text.includes("   y  Desired: 2 Achieved: 0\n"));
});

Deno.test("DifferentialCorrector stops targeting on a NaN or infinite goal value", () => {
  for (const [bad, what] of [[NaN, "is not a number"], [Infinity, "is infinite"]] as const) {
    const dc = new DifferentialCorrector({
      name: "DC1",
      variables: [{ name: "x", initialValue: 0 }],
      goals: [{ name: "Sat.Earth.RMAG", value: 1 }],
    });
    dc.next();
    assert.throws(
      () => dc.report([bad]),
      (e) =>
        e instanceof SolverError && e.code === "SOLVER_GOAL_VALUE" &&
        e.message.startsWith(
          `The differential corrector DC1 encountered a goal value for Sat.Earth.RMAG that ${what}`,
        ),
    );
    assert.throws(() => dc.next(), (e) => e instanceof SolverError && e.code === "SOLVER_USAGE");
  }
});

Deno.test("DifferentialCorrector refuses a Jacobian it cannot invert", () => {
  const dc = new DifferentialCorrector({
    variables: [{ name: "x", initialValue: 0 }],
    goals: [{ name: "y", value: 1 }],
  });
  assert.equal(dc.next().kind, "nominal");
  dc.report([0]);
  assert.equal(dc.next().kind, "perturbation");
  dc.report([0]); // the goal does not depend on x
  assert.throws(
    () => dc.next(),
    (e) =>
      e instanceof SolverError && e.code === "SOLVER_SINGULAR" &&
      e.message.startsWith("Error inverting the Differential Corrector Jacobian"),
  );
});

Deno.test("DifferentialCorrector refuses the settings GMAT refuses", () => {
  const base: DifferentialCorrectorOptions = {
    variables: [{ name: "x", initialValue: 0 }],
    goals: [{ name: "y", value: 1 }],
  };
  const cases: [Partial<DifferentialCorrectorOptions>, RegExp][] = [
    [{ maxIterations: 0 }, /maximum iterations on DC is not an allowed value/],
    [{ maxIterations: 2.5 }, /\[Integer > 0\]/],
    [{ variables: [] }, /No goals or variables are set/],
    [{ goals: [] }, /No goals or variables are set/],
    [
      { variables: [{ name: "x", initialValue: 0, maxStep: 0 }] },
      /Largest allowed step must be positive/,
    ],
    [
      { variables: [{ name: "x", initialValue: 0, lower: 1, upper: 1 }] },
      /must be less than maximum/,
    ],
    [
      { variables: [{ name: "x", initialValue: 0, multiplicativeScaleFactor: -1 }] },
      /greater than 0/,
    ],
    [{ variables: [{ name: "x", initialValue: NaN }] }, /InitialValue .* is not a number/],
    [{ goals: [{ name: "y", value: 1, tolerance: 0 }] }, /"Tolerance"/],
    [{ algorithm: "Secant" as never }, /"Algorithm" .*NewtonRaphson Broyden ModifiedBroyden/],
    [{ derivativeMethod: "Forward" as never }, /"DerivativeMethod"/],
  ];
  for (const [change, message] of cases) {
    assert.throws(
      () => new DifferentialCorrector({ ...base, ...change }),
      (e) => e instanceof SolverError && e.code === "SOLVER_CONFIG" && message.test(e.message),
      JSON.stringify(change),
    );
  }
});

Deno.test("DifferentialCorrector refuses calls out of order", () => {
  const dc = new DifferentialCorrector({
    variables: [{ name: "x", initialValue: 0 }],
    goals: [{ name: "y", value: 1 }],
  });
  const usage = (e: unknown) => e instanceof SolverError && e.code === "SOLVER_USAGE";
  assert.throws(() => dc.report([0]), usage);
  dc.next();
  assert.throws(() => dc.next(), usage);
  assert.throws(() => dc.report([0, 1]), usage);
  assert.throws(() => dc.restart(), usage);
});
