/**
 * Target/Vary/Achieve with a DifferentialCorrector on the built-in engine, beyond the GMAT
 * battery case: the solve and exit modes, a Target run twice, a target that cannot converge, and
 * ExitMode = Stop. The problem: raise a 7000 km orbit's SMA to 7300 km with one VNB burn, then
 * coast 600 s, inside the Target body.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { EngineRunError } from "../../src/engine/mod.ts";
import { leoScript, readReport, runInTemp } from "../_support/engine.ts";

const RESOURCES = `Create ImpulsiveBurn DV
DV.CoordinateSystem = Local
DV.Axes = VNB
Create DifferentialCorrector DC
DC.ReportFile = 'dc.data'
Create Variable nPass i
Create Spacecraft Sat0
Create ReportFile Out
Out.Filename = 'out.txt'
Create ReportFile After
After.Filename = 'after.txt'`;

/** The script: `Target` with `options`, `tolerance` on SMA; `loop` runs the Target twice. */
function script(
  options: string,
  opts: { tolerance?: string; loop?: boolean; dc?: string } = {},
): string {
  const target = `Target DC {${options}}
  nPass = nPass + 1
  Vary DC(DV.Element1 = 0.1, {Perturbation = 1e-5, MaxStep = 0.5})
  Maneuver DV(Sat)
  Propagate Prop(Sat) {Sat.ElapsedSecs = 600}
  Achieve DC(Sat.Earth.SMA = 7300, {Tolerance = ${opts.tolerance ?? "1e-6"}})
EndTarget
Report Out i nPass DV.Element1 Sat.Earth.SMA Sat.ElapsedSecs`;
  const mission = opts.loop
    ? `Sat0 = Sat\nFor i = 1:2\n  Sat = Sat0\n${target}\nEndFor`
    : `${target}\nPropagate Prop(Sat) {Sat.ElapsedSecs = 60}\nReport After nPass Sat.ElapsedSecs`;
  return leoScript({ resources: `${RESOURCES}\n${opts.dc ?? ""}`, mission });
}

Deno.test("Target converges, restoring the spacecraft each pass, and goes on from there", async () => {
  const r = await runInTemp(script("SolveMode = Solve"));
  const out = await readReport(join(r.dir, "out.txt"));
  const [, nPass, dv, sma, elapsed] = out.rows[0] as number[];
  assert.ok(Math.abs(sma - 7300) <= 1e-6, `SMA ${sma}`);
  assert.ok(dv > 0.1 && dv < 0.2, `DV ${dv}`);
  // restored before every pass: the coast ends 600 s after the start, not 600 s per pass
  assert.ok(Math.abs(elapsed - 600) < 1e-6, `ElapsedSecs ${elapsed}`);
  const dc = await Deno.readTextFile(join(r.dir, "dc.data"));
  const iterations = dc.match(/^Iteration \d+$/gm)?.length ?? 0;
  // a nominal and a perturbation pass per iteration but the last, then the final pass
  assert.equal(nPass, 2 * iterations);
  assert.match(dc, new RegExp(`Targeting Completed in ${iterations} iterations`));
  const after = await readReport(join(r.dir, "after.txt"));
  assert.equal(after.rows[0][0], nPass, "the mission goes on after EndTarget");
  assert.ok(Math.abs((after.rows[0][1] as number) - 660) < 1e-3);
  await Deno.remove(r.dir, { recursive: true });
});

Deno.test("SolveMode = RunInitialGuess runs the body with the initial guess only", async () => {
  const r = await runInTemp(script("SolveMode = RunInitialGuess"));
  const out = await readReport(join(r.dir, "out.txt"));
  const [, nPass, dv, sma] = out.rows[0] as number[];
  // GMAT's state machine: the nominal pass, then the final pass with the same values
  assert.equal(nPass, 2);
  assert.equal(dv, 0.1);
  assert.ok(sma > 7100 && sma < 7250, `SMA ${sma} is the initial guess's, not the target's`);
  const dc = await Deno.readTextFile(join(r.dir, "dc.data"));
  // GMAT reopens the file at the end of an initial-guess run: only the closing banner is left
  assert.equal(
    dc,
    `\n${"*".repeat(56)}\n*** Targeting Completed in 0 iterations\n${"*".repeat(56)}\n\n`,
  );
  const text = r.messages.map((m) => m.text).join("");
  assert.match(text, /\*\*\* Targeting Completed Initial Guess Run\n/);
  await Deno.remove(r.dir, { recursive: true });
});

Deno.test("ExitMode decides where a Target run again starts", async () => {
  const passes = async (exit: string) => {
    const r = await runInTemp(script(`ExitMode = ${exit}`, { loop: true }));
    const out = await readReport(join(r.dir, "out.txt"));
    const dc = await Deno.readTextFile(join(r.dir, "dc.data"));
    await Deno.remove(r.dir, { recursive: true });
    const [first, second] = out.rows.map((row) => row[1] as number);
    for (const row of out.rows) assert.ok(Math.abs((row[3] as number) - 7300) <= 1e-6);
    // the report file holds the last run (GMAT rewrites it when targeting starts)
    return { first, second: second - first, dc };
  };
  const discard = await passes("DiscardAndContinue");
  // the initial guess again: the same passes as the first run
  assert.equal(discard.second, discard.first);
  assert.match(
    discard.dc,
    /^Iteration 1\nRunning Nominal Pass\nVariables:\n {3}DV\.Element1 = 0\.1\n/m,
  );
  const save = await passes("SaveAndContinue");
  // from the solution: converged at once, then the final pass
  assert.equal(save.first, discard.first);
  assert.equal(save.second, 2);
  assert.doesNotMatch(save.dc, /DV\.Element1 = 0\.1\n/);
});

Deno.test("a Target not converging in MaximumIterations lets the mission go on", async () => {
  const r = await runInTemp(
    script("ExitMode = SaveAndContinue", { tolerance: "1e-30", dc: "DC.MaximumIterations = 2" }),
  );
  const out = await readReport(join(r.dir, "out.txt"));
  // iteration 1: nominal + perturbation; iteration 2: nominal; then the final pass
  assert.equal(out.rows[0][1], 4);
  const after = await readReport(join(r.dir, "after.txt"));
  assert.equal(after.rows.length, 1, "the commands after EndTarget ran");
  const text = r.messages.map((m) => m.text).join("");
  assert.match(text, /Differential corrector DC has exceeded the maximum number of allowed/);
  assert.match(text, /!!! WARNING: Targeter did NOT converge!/);
  assert.ok(r.warnings.some((w) => /Target DC did not converge in 2 iterations/.test(w)));
  await Deno.remove(r.dir, { recursive: true });
});

Deno.test("ExitMode = Stop ends the run with GMAT's words after targeting", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-test-" });
  const { runScriptText } = await import("../../src/engine/mod.ts");
  await assert.rejects(
    () => runScriptText(script("ExitMode = Stop"), join(dir, "t.script"), { outputDir: dir }),
    (e: unknown) =>
      e instanceof EngineRunError && /t\.script:\d+: Target: \[SOLVER_STOPPED\]/.test(e.message) &&
      /Mission interrupted/.test(e.message),
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("SolverStatus and SolverState follow GMAT's SolverData before and after targeting", async () => {
  const withStatus = (s: string) =>
    s.replace("Target DC {", "Report After DC.SolverStatus DC.SolverState\nTarget DC {")
      .replace("Report After nPass Sat.ElapsedSecs", "Report After DC.SolverStatus DC.SolverState");
  const ok = await runInTemp(withStatus(script("SolveMode = Solve")));
  const okRows = (await readReport(join(ok.dir, "after.txt"))).rows;
  assert.deepEqual(okRows, [["Initialized", 0], ["Converged", 1]]);
  const bad = await runInTemp(
    withStatus(script("ExitMode = SaveAndContinue", {
      tolerance: "1e-30",
      dc: "DC.MaximumIterations = 2",
    })),
  );
  const badRows = (await readReport(join(bad.dir, "after.txt"))).rows;
  assert.deepEqual(badRows.at(-1), ["ExceededIterations", -1]);
  await Deno.remove(ok.dir, { recursive: true });
  await Deno.remove(bad.dir, { recursive: true });
});
