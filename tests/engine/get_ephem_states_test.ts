/**
 * GetEphemStates on the built-in engine, checked against the ephemeris file itself and against
 * routes that do not go through the function: the states equal the OEM's own first and last data
 * lines (read here by splitting the text), the epochs are the calendar text and modified Julian
 * dates of those lines (computed here with `Date.UTC` and the 2015 TAI-UTC of 35 s), a state
 * moved to a Luna-centred system comes back to the file's Earth-centred state when a spacecraft
 * is started from it (the engine's initial-state translation, the other direction) and differs
 * from it by an Earth-Moon distance; bad inputs are refused before any file is written, a missing
 * file and unread OEM content fail the run with the project's error codes. GMAT's own output of
 * Ex_NewFunctions_GetEphemStates is compared byte for byte in samples_outputs_test.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { EngineRunError, runScriptText } from "../../src/engine/mod.ts";
import { ScriptError } from "../../src/script/mod.ts";
import { close, fixture, runInTemp } from "../_support/engine.ts";

const OEM = fixture("formats/DemoLEO-1.oem");

/** The OEM's data lines, split by hand: [epoch text, six numbers]. */
async function oemRows(path: string): Promise<[string, number[]][]> {
  const text = await Deno.readTextFile(path);
  return text.split("\n").filter((l) => /^\d{4}-\d\d-\d\dT/.test(l)).map((l) => {
    const [epoch, ...xs] = l.trim().split(/\s+/);
    return [epoch, xs.map(Number)];
  });
}

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

/** `2015-04-28T00:00:00.000` as GMAT's Gregorian text `28 Apr 2015 00:00:00.000`. */
function gregorian(iso: string): string {
  const [, y, m, d, time] = /^(\d{4})-(\d\d)-(\d\d)T(.*)$/.exec(iso)!;
  return `${d} ${MONTHS[Number(m) - 1]} ${y} ${time}`;
}

/** GMAT's modified Julian date (days since JD 2430000.0) of an ISO UTC epoch. */
function gmatMjd(iso: string): number {
  return Date.parse(`${iso}Z`) / 86400000 + 2440587.5 - 2430000;
}

function script(opts: {
  file?: string;
  type?: string;
  format?: string;
  cs?: string;
  outputs?: string;
  extra?: string;
}): string {
  return `Create Spacecraft Sat
Sat.EphemerisName = '${opts.file ?? OEM}'
Create CoordinateSystem LunaEq
LunaEq.Origin = Luna
LunaEq.Axes = MJ2000Eq
Create String e0 e1
Create Array s0[6,1] s1[6,1] small[3,1]
Create Variable v
${opts.extra ?? ""}
Create ReportFile rf
rf.Filename = 'out.txt'
rf.WriteHeaders = false
BeginMissionSequence
[${opts.outputs ?? "e0, s0, e1, s1"}] = GetEphemStates('${opts.type ?? "CCSDS-OEM"}', Sat, '${
    opts.format ?? "UTCGregorian"
  }', ${opts.cs ?? "EarthMJ2000Eq"})
Report rf s0
Report rf s1
Report rf e0
Report rf e1
`;
}

/** Run a script and read its report: the 12 state numbers and the two epoch texts. */
async function run(text: string) {
  const r = await runInTemp(text);
  const lines = (await Deno.readTextFile(join(r.dir, "out.txt"))).split(/\r?\n/).map((l) =>
    l.trim()
  );
  await Deno.remove(r.dir, { recursive: true });
  return {
    initial: lines.slice(0, 6).map(Number),
    final: lines.slice(6, 12).map(Number),
    epochs: [lines[12], lines[13]],
  };
}

Deno.test("GetEphemStates returns the OEM's first and last lines in EarthMJ2000Eq", async () => {
  const rows = await oemRows(OEM);
  const [first, last] = [rows[0], rows[rows.length - 1]];
  const out = await run(script({}));
  first[1].forEach((x, k) => close(out.initial[k], x, 1e-15, 0, `initial[${k}]`));
  last[1].forEach((x, k) => close(out.final[k], x, 1e-15, 0, `final[${k}]`));
  assert.deepEqual(out.epochs, [gregorian(first[0]), gregorian(last[0])]);
});

Deno.test("GetEphemStates writes epochs in the requested format", async () => {
  const rows = await oemRows(OEM);
  const [first, last] = [rows[0][0], rows[rows.length - 1][0]];
  const utc = await run(script({ format: "UTCModJulian" }));
  close(Number(utc.epochs[0]), gmatMjd(first), 0, 1e-9, "UTC MJD initial");
  close(Number(utc.epochs[1]), gmatMjd(last), 0, 1e-9, "UTC MJD final");
  // TAI - UTC was 35 s from 2012-07-01 to 2015-06-30.
  const tai = await run(script({ format: "TAIGregorian" }));
  assert.deepEqual(tai.epochs, [
    gregorian(first).replace("00:00:00.000", "00:00:35.000"),
    gregorian(last).replace("00:00:00.000", "00:00:35.000"),
  ]);
});

Deno.test("a state moved to a Luna system returns to the file's state by another route", async () => {
  const rows = await oemRows(OEM);
  const luna = await run(script({ cs: "LunaEq" }));
  const earth = rows[0][1];
  const offset = Math.hypot(...[0, 1, 2].map((k) => luna.initial[k] - earth[k]));
  assert.ok(offset > 356000 && offset < 407000, `Earth-Moon distance ${offset} km`);
  // Start a spacecraft from the Luna-centred state and read it back in EarthMJ2000Eq.
  const names = ["X", "Y", "Z", "VX", "VY", "VZ"];
  const text = `Create CoordinateSystem LunaEq
LunaEq.Origin = Luna
LunaEq.Axes = MJ2000Eq
Create Spacecraft Back
Back.DateFormat = UTCGregorian
Back.Epoch = '${luna.epochs[0]}'
Back.CoordinateSystem = LunaEq
${names.map((n, k) => `Back.${n} = ${luna.initial[k].toPrecision(17)}`).join("\n")}
Create ReportFile rf
rf.Filename = 'out.txt'
rf.WriteHeaders = false
BeginMissionSequence
Report rf ${names.map((n) => `Back.EarthMJ2000Eq.${n}`).join(" ")}
`;
  const r = await runInTemp(text);
  const back = (await Deno.readTextFile(join(r.dir, "out.txt"))).trim().split(/\s+/).map(Number);
  await Deno.remove(r.dir, { recursive: true });
  earth.forEach((x, k) => close(back[k], x, 0, k < 3 ? 1e-6 : 1e-9, names[k]));
});

/** The ScriptError a script is refused with, after checking it wrote nothing. */
async function refusal(text: string): Promise<ScriptError> {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-test-" });
  try {
    await runScriptText(text, join(dir, "t.script"), { outputDir: dir });
  } catch (e) {
    assert.deepEqual([...Deno.readDirSync(dir)], [], "a refused script writes nothing");
    await Deno.remove(dir, { recursive: true });
    if (e instanceof ScriptError) return e;
    throw e;
  }
  throw new Error("the script was not refused");
}

Deno.test("bad GetEphemStates inputs and outputs are refused before running", async () => {
  const cases: [Parameters<typeof script>[0], string, RegExp][] = [
    [{ type: "CCSDS" }, "SCRIPT_BAD_VALUE", /no ephemeris type 'CCSDS'/],
    [{ type: "SPK" }, "ENGINE_UNSUPPORTED", /ephemeris type 'SPK'/],
    [{ type: "STK" }, "ENGINE_UNSUPPORTED", /ephemeris type 'STK'/],
    [{ format: "UTCGreg" }, "SCRIPT_BAD_VALUE", /'UTCGreg' is not an epoch format/],
    [{ cs: "EarthFixed" }, "ENGINE_UNSUPPORTED", /states in EarthFixed/],
    [{ cs: "Nowhere" }, "SCRIPT_BAD_VALUE", /'Nowhere' is not a CoordinateSystem/],
    [
      {
        cs: "EarthMoonRot",
        extra: "Create CoordinateSystem EarthMoonRot\nEarthMoonRot.Origin = Earth\n" +
          "EarthMoonRot.Axes = ObjectReferenced\nEarthMoonRot.Primary = Earth\n" +
          "EarthMoonRot.Secondary = Luna\nEarthMoonRot.XAxis = R\nEarthMoonRot.ZAxis = N",
      },
      "ENGINE_UNSUPPORTED",
      /GetEphemStates states in EarthMoonRot/,
    ],
    [{ outputs: "e0, s0, e1" }, "SCRIPT_BAD_VALUE", /4 outputs, the call names 3/],
    [{ outputs: "e0, small, e1, s1" }, "SCRIPT_BAD_VALUE", /'small' .* must be a 6x1 Array/],
    [{ outputs: "v, s0, e1, s1" }, "SCRIPT_BAD_VALUE", /'v' .* must be a String/],
  ];
  for (const [opts, code, message] of cases) {
    const e = await refusal(script(opts));
    assert.equal(e.code, code, JSON.stringify(opts));
    assert.match(e.message, message);
  }
  const noFile = script({}).replace(/^Sat\.EphemerisName = .*$/m, "");
  assert.match((await refusal(noFile)).message, /Sat has no EphemerisName/);
});

/** The run error a script fails with, and the code of its cause. */
async function runFailure(text: string): Promise<{ message: string; code: string }> {
  try {
    await runInTemp(text);
  } catch (e) {
    assert.ok(e instanceof EngineRunError, String(e));
    return { message: e.message, code: (e.cause as { code: string }).code };
  }
  throw new Error("the run did not fail");
}

Deno.test("a missing ephemeris file fails the run with DATA_FILE_MISSING", async () => {
  for (const file of ["no_such_file.oem", "../data/vehicle/ephem/ccsds/NoSuchFile.oem"]) {
    const f = await runFailure(script({ file }));
    assert.equal(f.code, "DATA_FILE_MISSING");
    assert.match(f.message, /Cannot read the ephemeris file/);
  }
});

Deno.test("OEM content the engine does not read is refused by name", async () => {
  const text = await Deno.readTextFile(OEM);
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-test-" });
  const cases: [string, string, RegExp][] = [
    [text.replace("REF_FRAME            = EME2000", "REF_FRAME = GRC"), "UNSUPPORTED", /GRC/],
    [text.replace("TIME_SYSTEM          = UTC", "TIME_SYSTEM = TAI"), "UNSUPPORTED", /TAI/],
    [text.replace("REF_FRAME            = EME2000", "REF_FRAME = ICRF"), "FORMAT", /ICRF/],
  ];
  for (const [i, [oem, code, message]] of cases.entries()) {
    assert.notEqual(oem, text, "the fixture changed");
    const path = join(dir, `case${i}.oem`);
    await Deno.writeTextFile(path, oem);
    const f = await runFailure(script({ file: path }));
    assert.equal(f.code, `EPHEMERIS_INPUT_${code}`);
    assert.match(f.message, message);
  }
  await Deno.remove(dir, { recursive: true });
});
