/**
 * Malformed and unsupported scripts: each must give its documented error code, point at the
 * right line (marked `%!` in the case's text), name a construct or field, and say how to fix it,
 * with no stack trace in the message. Nothing may be written for a refused script.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { runScriptText } from "../../src/engine/mod.ts";
import { ScriptError, type ScriptErrorCode } from "../../src/script/mod.ts";
import { leoScript, ROOT } from "../_support/engine.ts";

interface Case {
  readonly name: string;
  readonly text: string;
  readonly code: ScriptErrorCode;
  /** A fragment the message must contain. */
  readonly says: RegExp;
}

const MARK = "%!";

/** leo script with `line` (marked) appended to the resources or replacing the mission. */
const res = (line: string) => leoScript({ resources: `${line} ${MARK}` });
const mis = (line: string) => {
  const [first, ...rest] = line.split("\n");
  return leoScript({ mission: [`${first} ${MARK}`, ...rest].join("\n") });
};
const rep = (param: string) =>
  leoScript({ resources: `Create ReportFile R2\nR2.Add = {${param}} ${MARK}` });

const CASES: Case[] = [
  {
    name: "unterminated string",
    text: res("Sat.Id = 'abc"),
    code: "SCRIPT_SYNTAX",
    says: /unterminated string/,
  },
  {
    name: "non-ASCII byte",
    text: res("% \u00b0 degrees"),
    code: "SCRIPT_NON_ASCII",
    says: /outside the printable ASCII/,
  },
  {
    name: "two statements on a line",
    text: res("Sat.X = 1; Sat.Y = 2"),
    code: "SCRIPT_SYNTAX",
    says: /second statement/,
  },
  {
    name: "misspelt resource type",
    text: res("Create Spacecraftt Sat2"),
    code: "SCRIPT_UNKNOWN_RESOURCE",
    says: /did you mean 'Spacecraft'/,
  },
  {
    name: "duplicate resource name",
    text: res("Create Variable Prop"),
    code: "SCRIPT_DUPLICATE_NAME",
    says: /'Prop' is already defined/,
  },
  {
    name: "misspelt field",
    text: res("Sat.SMAA = 7000"),
    code: "SCRIPT_UNKNOWN_FIELD",
    says: /no field 'SMAA'.*did you mean 'SMA'/,
  },
  {
    name: "undefined resource in assignment",
    text: res("Sta.X = 1"),
    code: "SCRIPT_UNKNOWN_RESOURCE",
    says: /'Sta' is not defined.*'Sat'/,
  },
  {
    name: "word where a number is needed",
    text: res("Prop.Accuracy = small"),
    code: "SCRIPT_BAD_VALUE",
    says: /Prop\.Accuracy expects a number/,
  },
  {
    name: "bad enumeration",
    text: res("Sat.DateFormat = UTCGreg"),
    code: "SCRIPT_BAD_VALUE",
    says: /one of .*UTCGregorian/,
  },
  {
    name: "impossible epoch",
    text: res("Sat.Epoch = '32 Jan 2026 00:00:00.000'"),
    code: "SCRIPT_BAD_VALUE",
    says: /Sat\.Epoch/,
  },
  {
    name: "an atmosphere the engine lacks",
    text: res("FM.Drag.AtmosphereModel = MarsGRAM2005"),
    code: "ENGINE_UNSUPPORTED",
    says: /the MarsGRAM2005 atmosphere/,
  },
  {
    name: "an SRP model the engine lacks",
    text: res("FM.SRP.SRPModel = SPADFile"),
    code: "ENGINE_UNSUPPORTED",
    says: /the SPADFile SRP model/,
  },
  {
    name: "a point mass without an ephemeris",
    text: res("FM.PointMasses = {Earth, Ceres}"),
    code: "ENGINE_UNSUPPORTED",
    says: /third-body gravity of Ceres/,
  },
  {
    name: "a potential file the engine does not ship",
    text: leoScript().replace(
      "FM.PointMasses = {Earth}",
      `FM.PrimaryBodies = {Earth}\nFM.GravityField.Earth.PotentialFile = 'EGM2008.cof' ${MARK}`,
    ),
    code: "ENGINE_UNSUPPORTED",
    says: /the potential file EGM2008\.cof/,
  },
  {
    name: "a primary body other than Earth",
    text: leoScript().replace("FM.PointMasses = {Earth}", `FM.PrimaryBodies = {Luna} ${MARK}`),
    code: "ENGINE_UNSUPPORTED",
    says: /the gravity field of Luna/,
  },
  {
    name: "an Earth tide model",
    text: res("FM.GravityField.Earth.TideModel = 'SolidAndPole'"),
    code: "ENGINE_UNSUPPORTED",
    says: /Earth tide model SolidAndPole/,
  },
  {
    name: "an SRP flux outside GMAT's range",
    text: res("FM.SRP.Flux = 2000"),
    code: "SCRIPT_BAD_VALUE",
    says: /outside GMAT's range/,
  },
  {
    name: "unsupported integrator",
    text: res("Prop.Type = BulirschStoer"),
    code: "ENGINE_UNSUPPORTED",
    says: /propagator type BulirschStoer/,
  },
  {
    name: "SGP4 propagator",
    text: res("Prop.Type = SPICESGP4"),
    code: "ENGINE_UNSUPPORTED",
    says: /SPICESGP4/,
  },
  {
    name: "non-inertial state frame",
    text: leoScript().replace(
      "Sat.CoordinateSystem = EarthMJ2000Eq",
      `Sat.CoordinateSystem = EarthFixed ${MARK}`,
    ),
    code: "ENGINE_UNSUPPORTED",
    says: /EarthFixed/,
  },
  {
    name: "body-fixed axes, once a spacecraft state uses them (at the Axes line)",
    text: leoScript({
      resources: `Create CoordinateSystem Rot\nRot.Origin = Luna\nRot.Axes = BodyFixed ${MARK}\n` +
        "Sat.CoordinateSystem = Rot",
    }),
    code: "ENGINE_UNSUPPORTED",
    says: /BodyFixed axes \(coordinate system Rot, used\)/,
  },
  {
    name: "BodyInertial axes about a body without GMAT's fixed orientation (at the Axes line)",
    text: leoScript({
      resources:
        `Create CoordinateSystem MarsI\nMarsI.Origin = Mars\nMarsI.Axes = BodyInertial ${MARK}\n` +
        "Create ReportFile R2\nR2.Add = {Sat.MarsI.X}",
    }),
    code: "ENGINE_UNSUPPORTED",
    says: /BodyInertial axes about Mars/,
  },
  {
    name: "a LibrationPoint without its Point, once a system uses it as origin (at Origin)",
    text: leoScript({
      resources: "Create LibrationPoint LP\nLP.Primary = Earth\nLP.Secondary = Luna\n" +
        `Create CoordinateSystem LPC\nLPC.Origin = LP ${MARK}\nLPC.Axes = MJ2000Eq\n` +
        "Create ReportFile R2\nR2.Add = {Sat.LPC.X}",
    }),
    code: "ENGINE_UNSUPPORTED",
    says: /LibrationPoint LP without Point/,
  },
  {
    name: "an orbit element in a system about a calculated point",
    text: leoScript({
      resources: "Create LibrationPoint LP\nLP.Primary = Earth\nLP.Secondary = Luna\n" +
        "LP.Point = L1\nCreate CoordinateSystem LPC\nLPC.Origin = LP\nLPC.Axes = MJ2000Eq\n" +
        `Create ReportFile R2\nR2.Add = {Sat.LPC.INC} ${MARK}`,
    }),
    code: "ENGINE_UNSUPPORTED",
    says: /only Cartesian components/,
  },
  {
    name: "a spacecraft origin, once a report parameter uses it",
    text: leoScript({
      resources: `Create CoordinateSystem SatCS\nSatCS.Origin = Sat ${MARK}\n` +
        "Create ReportFile R2\nR2.Add = {Sat.SatCS.X}",
    }),
    code: "ENGINE_UNSUPPORTED",
    says: /Spacecraft Sat as a point of reference/,
  },
  {
    name: "ground station",
    text: res("Create GroundStation GS"),
    code: "ENGINE_UNSUPPORTED",
    says: /GroundStation/,
  },
  {
    name: "differential corrector Debug report style",
    text: leoScript({
      resources: `Create DifferentialCorrector DC\nDC.ReportStyle = Debug ${MARK}`,
    }),
    code: "ENGINE_UNSUPPORTED",
    says: /Debug report style of DC/,
  },
  {
    name: "electric propulsion hardware",
    text: res("Create ElectricTank Tank"),
    code: "ENGINE_UNSUPPORTED",
    says: /resource type ElectricTank/,
  },
  {
    name: "spacecraft tank that is not a tank",
    text: res("Sat.Tanks = {T1}"),
    code: "SCRIPT_UNKNOWN_RESOURCE",
    says: /Sat\.Tanks names 'T1', which is not a ChemicalTank/,
  },
  {
    name: "#Include of a missing file",
    text: res("#Include 'common.script'"),
    code: "SCRIPT_NOT_FOUND",
    says: /cannot read the included file 'common\.script'/,
  },
  {
    name: "setting Earth's constants",
    text: res("Earth.Mu = 398600"),
    code: "ENGINE_UNSUPPORTED",
    says: /setting Earth\.Mu/,
  },
  {
    name: "Target of an undefined solver",
    text: mis("Target DC\nEndTarget"),
    code: "SCRIPT_UNKNOWN_RESOURCE",
    says: /'DC' is not defined/,
  },
  {
    name: "Vary outside a Target",
    text: leoScript({
      resources: "Create DifferentialCorrector DC\nCreate ImpulsiveBurn DV",
      mission: `Vary DC(DV.Element1 = 0.1) ${MARK}`,
    }),
    code: "SCRIPT_MISSION",
    says: /Vary DC\(\.\.\.\) is outside a Target block/,
  },
  {
    name: "Achieve naming an unknown solver",
    text: leoScript({
      resources: "Create DifferentialCorrector DC\nCreate ImpulsiveBurn DV",
      mission: [
        "Target DC",
        "  Vary DC(DV.Element1 = 0.1)",
        "  Maneuver DV(Sat)",
        `  Achieve DC2(Sat.Earth.SMA = 7100) ${MARK}`,
        "EndTarget",
      ].join("\n"),
    }),
    code: "SCRIPT_UNKNOWN_RESOURCE",
    says: /Achieve names the solver 'DC2', which is not defined; did you mean 'DC'/,
  },
  {
    name: "Target without Achieve",
    text: leoScript({
      resources: "Create DifferentialCorrector DC\nCreate ImpulsiveBurn DV",
      mission: `Target DC ${MARK}\n  Vary DC(DV.Element1 = 0.1)\nEndTarget`,
    }),
    code: "SCRIPT_MISSION",
    says: /Target DC has 1 Vary and 0 Achieve commands/,
  },
  {
    name: "Optimize block",
    text: mis("Optimize NLP\nEndOptimize"),
    code: "ENGINE_UNSUPPORTED",
    says: /command Optimize/,
  },
  {
    name: "finite burn command naming no FiniteBurn",
    text: mis("BeginFiniteBurn FB(Sat)"),
    code: "SCRIPT_UNKNOWN_RESOURCE",
    says: /'FB' is not a FiniteBurn/,
  },
  {
    name: "misspelt command",
    text: mis("Propogate Prop(Sat) {Sat.ElapsedSecs = 60}"),
    code: "SCRIPT_MISSION",
    says: /unknown command 'Propogate'.*'Propagate'/,
  },
  {
    name: "unknown propagator",
    text: mis("Propagate P2(Sat) {Sat.ElapsedSecs = 60}"),
    code: "SCRIPT_UNKNOWN_RESOURCE",
    says: /'P2' is not a Propagator/,
  },
  {
    name: "unknown spacecraft",
    text: mis("Propagate Prop(Sat2) {Sat.ElapsedSecs = 60}"),
    code: "SCRIPT_UNKNOWN_RESOURCE",
    says: /'Sat2' is not a Spacecraft/,
  },
  {
    name: "misspelt stop parameter",
    text: mis("Propagate Prop(Sat) {Sat.ElapsedSec = 60}"),
    code: "SCRIPT_UNKNOWN_FIELD",
    says: /did you mean 'ElapsedSecs'/,
  },
  {
    name: "stop condition without value",
    text: mis("Propagate Prop(Sat) {Sat.TA}"),
    code: "SCRIPT_SYNTAX",
    says: /needs a value/,
  },
  {
    name: "Save command",
    text: mis("Save Sat"),
    code: "ENGINE_UNSUPPORTED",
    says: /command Save/,
  },
  {
    name: "missing stop brace",
    text: mis("Propagate Prop(Sat) {Sat.ElapsedSecs = 60"),
    code: "SCRIPT_SYNTAX",
    says: /Propagate: expected ',' or '\}'/,
  },
  {
    name: "a report parameter the engine does not evaluate",
    text: rep("Sat.BetaAngle"),
    code: "ENGINE_UNSUPPORTED",
    says: /BetaAngle/,
  },
  {
    name: "report parameter in a rotating frame",
    text: rep("Sat.EarthFixed.X"),
    code: "ENGINE_UNSUPPORTED",
    says: /relative to EarthFixed/,
  },
  {
    name: "report parameter of unknown owner",
    text: rep("Sta.X"),
    code: "SCRIPT_UNKNOWN_RESOURCE",
    says: /'Sta' is not a Spacecraft/,
  },
  {
    name: "misspelt report parameter",
    text: rep("Sat.Earth.SMAA"),
    code: "SCRIPT_UNKNOWN_FIELD",
    says: /unknown parameter 'SMAA'/,
  },
  {
    name: "EndIf without If",
    text: mis("EndIf"),
    code: "SCRIPT_SYNTAX",
    says: /without an open block/,
  },
  {
    name: "maneuver with unknown burn",
    text: mis("Maneuver Burn1(Sat)"),
    code: "SCRIPT_UNKNOWN_RESOURCE",
    says: /'Burn1' is not an ImpulsiveBurn/,
  },
  {
    name: "burn in the spacecraft's body axes",
    text: res("Create ImpulsiveBurn DV\nDV.Axes = SpacecraftBody"),
    code: "ENGINE_UNSUPPORTED",
    says: /SpacecraftBody burn axes/,
  },
  {
    name: "SPK ephemeris",
    text: res("Create EphemerisFile EF\nEF.FileFormat = SPK"),
    code: "ENGINE_UNSUPPORTED",
    says: /FileFormat = SPK/,
  },
  {
    name: "parabolic orbit",
    text: leoScript({
      elements:
        `Sat.SMA = 7000\nSat.ECC = 1 ${MARK}\nSat.INC = 0\nSat.RAAN = 0\nSat.AOP = 0\nSat.TA = 0`,
    }),
    code: "SCRIPT_BAD_VALUE",
    says:
      /"1" for field "Eccentricity" on object "Sat" is not an allowed value.*Real Number != 1\.0/,
  },
  {
    name: "Planetodetic spacecraft state (needs a body-fixed coordinate system)",
    text: res("Sat.DisplayStateType = Planetodetic"),
    code: "ENGINE_UNSUPPORTED",
    says: /state type Planetodetic \(it needs a body-fixed system\)/,
  },
  {
    name: "assignment to an undefined name",
    text: mis("yy = 3"),
    code: "SCRIPT_UNKNOWN_RESOURCE",
    says: /'yy' is not defined/,
  },
  {
    name: "broken expression",
    text: leoScript({ resources: "Create Variable x", mission: `x = 2 * ${MARK}` }),
    code: "SCRIPT_SYNTAX",
    says: /ends too early/,
  },
  {
    name: "MinStep above MaxStep",
    text: res("Prop.MinStep = 3000"),
    code: "SCRIPT_BAD_VALUE",
    says: /MinStep \(3000\) exceeds MaxStep/,
  },
  {
    name: "a number beyond the double range",
    text: res("Prop.MaxStep = 1e400"),
    code: "SCRIPT_BAD_VALUE",
    says: /Prop\.MaxStep expects a finite number/,
  },
  {
    name: "a field GMAT's type does not have",
    text: res("Sat.SMAA = 7000"),
    code: "SCRIPT_UNKNOWN_FIELD",
    says: /Spacecraft Sat has no field 'SMAA'; did you mean 'SMA'/,
  },
  {
    name: "a real GMAT field the engine does not model",
    text: res("Sat.PowerSystem = PS"),
    code: "ENGINE_UNSUPPORTED",
    says: /Spacecraft field Sat\.PowerSystem/,
  },
  {
    name: "an array element outside its dimensions",
    text: leoScript({ resources: `Create Array A[2, 2]\nA(3, 1) = 5 ${MARK}` }),
    code: "SCRIPT_BAD_VALUE",
    says: /A\(3, 1\) is outside 2x2/,
  },
  {
    name: "a function call in the mission",
    text: mis("[a, b] = MyFunction(Sat.X)"),
    code: "ENGINE_UNSUPPORTED",
    says: /the call of MyFunction/,
  },
];

function markedLine(text: string): number {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.includes(MARK));
  assert.ok(i >= 0, "case has no %! marker");
  return i + 1;
}

Deno.test(`the engine refuses ${CASES.length} malformed or unsupported scripts precisely`, async (t) => {
  assert.ok(CASES.length >= 30);
  for (const c of CASES) {
    await t.step(c.name, async () => {
      const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-refuse-" });
      const file = join(dir, "case.script");
      try {
        await runScriptText(c.text, file, { outputDir: dir });
        assert.fail("the script was accepted");
      } catch (e) {
        if (!(e instanceof ScriptError)) throw e;
        assert.equal(e.code, c.code, e.message);
        assert.match(e.message, c.says);
        const expectedLine = markedLine(c.text);
        assert.equal(e.pos?.line, expectedLine, e.message);
        assert.ok(e.message.startsWith(`${file}:${expectedLine}:`), e.message);
        assert.match(e.message, /\n\s+\d+ \| .*\n\s+\| +\^/, "excerpt with caret");
        assert.match(e.message, /\n {2}fix: \S/, "a fix");
        assert.doesNotMatch(e.message, /\n\s+at /, "no stack trace");
        assert.ok(e.construct, "every refusal names the construct");
        assert.ok(e.hint, "every refusal carries a fix");
        if (c.code === "ENGINE_UNSUPPORTED") {
          assert.match(e.message, /not supported by the built-in engine/);
        }
      }
      const left = [...Deno.readDirSync(dir)].map((d) => d.name);
      assert.deepEqual(left, [], "a refused script writes nothing");
      await Deno.remove(dir, { recursive: true });
    });
  }
});

Deno.test("cli engine: a refused script exits 2 with the located message and no stack trace", async () => {
  const dir = await Deno.makeTempDir();
  const file = join(dir, "bad.script");
  await Deno.writeTextFile(file, res("FM.SRP.SRPModel = SPADFile"));
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "cli.ts"), "engine", file, "--out", dir],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 2, stderr);
  assert.match(
    stderr,
    new RegExp(`${file.replace(/[.]/g, "\\.")}:\\d+:\\d+: the SPADFile SRP model`),
  );
  assert.doesNotMatch(stderr, /\n\s+at /);
  await Deno.remove(dir, { recursive: true });
});
