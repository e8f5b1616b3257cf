/**
 * Scripts as analysts have them: a mission laid out as GMAT's GUI saves it (every GUI field,
 * displays with nested lists and empty items, an object copy, BeginScript, labels on every
 * command, two spacecraft) runs on the built-in engine and matches the analytic two-body
 * solution; invalid orbital elements are refused with GMAT's rule; a stop condition that is
 * never met or lies behind ends with a clear error instead of a hang.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { EngineRunError, runScriptFile } from "../../src/engine/mod.ts";
import { EARTH_MU, keplerianToCartesian, keplerPropagate } from "../../src/physics/mod.ts";
import { ScriptError } from "../../src/script/errors.ts";
import { close, fixture, leoScript, readReport, runInTemp } from "../_support/engine.ts";
import { cli } from "../_support/cli.ts";

Deno.test("a GUI-saved two-spacecraft mission runs and matches Kepler's solution to 1e-6 km", async () => {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-gui-" });
  const result = await runScriptFile(fixture("scripts/gui_two_sats.script"), { outputDir: dir });
  const { columns, rows } = await readReport(join(dir, "states.txt"));
  assert.equal(columns.length, 8);
  const last = rows[rows.length - 1];
  // Two Propagates of 2900 s and 3100 s (ElapsedSecs stop conditions count from each command).
  close(Number(last[0]), 6000, 0, 1e-6, "final Sat1.ElapsedSecs");
  assert.equal(Number(last[7]), 1, "Revs counted by the labelled assignments");
  const common = { ecc: 0.01000000000000004, inc: 28.5, raan: 75, aop: 90 };
  // Sat1.SMA was set to 7200 after the copy; Sat2 keeps the copied 7000 and gets TA 45 from the
  // mission's BeginScript block.
  const sat1 = keplerianToCartesian({ sma: 7200, ta: 0, ...common }, EARTH_MU);
  const sat2 = keplerianToCartesian({ sma: 7000.000000000001, ta: 45, ...common }, EARTH_MU);
  const t = Number(last[0]);
  const truth1 = keplerPropagate(sat1, EARTH_MU, t);
  const truth2 = keplerPropagate(sat2, EARTH_MU, t);
  for (let i = 0; i < 3; i++) {
    close(Number(last[1 + i]), truth1[i], 0, 1e-6, `Sat1 position ${i}`);
    close(Number(last[4 + i]), truth2[i], 0, 1e-6, `Sat2 position ${i}`);
  }
  // Every display resource and GUI-only command is accepted and named in a warning.
  for (
    const name of [
      "OrbitView DefaultOrbitView",
      "GroundTrackPlot DefaultGroundTrackPlot",
      "DynamicDataDisplay StateDisplay",
      "OpenFramesInterface OFI",
      "XYPlot SMAPlot",
      "PenUp",
      "Sat1.OrbitErrorCovariance",
    ]
  ) {
    assert.ok(result.warnings.some((w) => w.includes(name)), `no warning names ${name}`);
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("DateFormat and Epoch set during the mission move the spacecraft's epoch", async () => {
  const text = leoScript({
    report: "Sat.TAIModJulian, Sat.ElapsedSecs",
    mission: [
      "BeginScript 'Config'",
      "  Sat.DateFormat = TAIModJulian",
      "  Sat.Epoch = '30000.5'",
      "EndScript",
      "Propagate Prop(Sat) {Sat.ElapsedSecs = 600}",
    ].join("\n"),
  });
  const r = await runInTemp(text);
  const { rows } = await readReport(join(r.dir, "rf.txt"));
  close(Number(rows[0][0]), 30000.5, 0, 1e-9, "first epoch");
  close(Number(rows[rows.length - 1][0]), 30000.5 + 600 / 86400, 0, 1e-9, "last epoch");
  close(Number(rows[rows.length - 1][1]), 600, 0, 1e-6, "ElapsedSecs from the new epoch");
  await Deno.remove(r.dir, { recursive: true });
});

function elements(lines: string): string {
  return leoScript({ elements: lines, mission: "Propagate Prop(Sat) {Sat.ElapsedSecs = 60}" });
}

async function refusal(text: string): Promise<ScriptError> {
  try {
    await runInTemp(text);
  } catch (e) {
    assert.ok(e instanceof ScriptError, `not a ScriptError: ${e}`);
    return e;
  }
  assert.fail("the script ran");
}

Deno.test("invalid Keplerian elements are refused with GMAT's rule, at the line GMAT names", async () => {
  const cases: [string, RegExp, number][] = [
    // SMA < 0 set before ECC < 1: GMAT refuses the ECC assignment.
    [
      "Sat.SMA = -7000\nSat.ECC = 0.001\nSat.INC = 0\nSat.RAAN = 0\nSat.AOP = 0\nSat.TA = 0",
      /"0\.001" for field "ECC".*Real Number > 1 when SMA < 0/,
      2,
    ],
    // ECC < 0 after SMA > 0.
    [
      "Sat.SMA = 7000\nSat.ECC = -0.5\nSat.INC = 0\nSat.RAAN = 0\nSat.AOP = 0\nSat.TA = 0",
      /"-0\.5" for field "ECC".*0 < Real Number < 1 when SMA > 0/,
      2,
    ],
    // ECC > 1 after SMA > 0.
    [
      "Sat.SMA = 7000\nSat.ECC = 1.5\nSat.INC = 0\nSat.RAAN = 0\nSat.AOP = 0\nSat.TA = 0",
      /"1\.5" for field "ECC".*0 < Real Number < 1 when SMA > 0/,
      2,
    ],
    // SMA > 0 after ECC > 1.
    [
      "Sat.ECC = 1.5\nSat.SMA = 7000\nSat.INC = 0\nSat.RAAN = 0\nSat.AOP = 0\nSat.TA = 0",
      /"7000" for field "SMA".*Real Number < 0 when ECC > 1/,
      2,
    ],
    ["Sat.SMA = 0\nSat.ECC = 0", /"0" for field "SMA".*Real Number != 0/, 1],
    ["Sat.SMA = 7000\nSat.ECC = 0\nSat.INC = 190", /"190" for field "INC".*0\.0 <= Real/, 3],
  ];
  for (const [lines, re, line] of cases) {
    const e = await refusal(elements(lines));
    assert.equal(e.code, "SCRIPT_BAD_VALUE", e.message);
    assert.match(e.message, re);
    assert.match(e.message, /is not an allowed value/);
    // The element block starts on line 6 of leoScript's text.
    assert.equal(e.pos?.line, 5 + line, e.message);
    assert.ok(e.hint && e.construct?.startsWith("Spacecraft."), e.message);
  }
});

Deno.test("GMAT's sign corrections run with GMAT's warning, as GMAT does", async () => {
  // ECC set first, then a negative SMA: GMAT accepts both and flips the sign when it builds
  // the state, warning in these words.
  const r = await runInTemp(
    elements(
      "Sat.ECC = 0.001\nSat.SMA = -7000\nSat.INC = 0\nSat.RAAN = 0\nSat.AOP = 0\nSat.TA = 0",
    ),
  );
  assert.ok(
    r.warnings.some((w) =>
      /Semimajor axis \(-7000\) cannot be negative if eccentricity \(0\.001\) is less than 1\.0/
        .test(w)
    ),
    r.warnings.join("\n"),
  );
});

Deno.test("a stop goal behind the epoch is refused at once; a never-met one ends at the step limit", async () => {
  const behind = leoScript({ mission: "Propagate Prop(Sat) {Sat.ElapsedSecs = -60}" });
  await assert.rejects(
    () => runInTemp(behind),
    (e: unknown) =>
      e instanceof EngineRunError &&
      /Sat\.ElapsedSecs = -60' lies 60 s behind the current epoch/.test(e.message) &&
      /BackProp/.test(e.message),
  );
  const never = leoScript({ mission: "Propagate Prop(Sat) {Sat.Earth.SMA = 100000}" });
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(join(dir, "never.script"), never);
  await assert.rejects(
    () => runScriptFile(join(dir, "never.script"), { outputDir: dir, maxSteps: 2000 }),
    (e: unknown) =>
      e instanceof EngineRunError &&
      /no stop condition was met in 2000 integration steps/.test(e.message) &&
      /Sat\.Earth\.SMA = 100000/.test(e.message),
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("cli engine prints the refusal's code, place, construct and fix", async () => {
  const dir = await Deno.makeTempDir();
  const script = join(dir, "optimize.script");
  await Deno.writeTextFile(
    script,
    leoScript({ mission: "Optimize NLP\n  Propagate Prop(Sat) {Sat.Periapsis}\nEndOptimize" }),
  );
  const r = await cli(["engine", script, "--out", dir]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /\[ENGINE_UNSUPPORTED\]/);
  assert.match(r.stderr, /optimize\.script:\d+:1: command Optimize/);
  assert.match(r.stderr, /fix: .*real GMAT/);
  await Deno.remove(dir, { recursive: true });
});
