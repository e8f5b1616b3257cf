/**
 * Report rows holding Arrays and Strings, and the Write command, against real GMAT R2026a's
 * files of the mission battery's `math_strings_arrays` case
 * (`../shared/reference/gmat-mission-battery/math_strings_arrays/`):
 *
 * - the layout functions fed with the numbers GMAT printed reproduce `arrays.txt`,
 *   `strings.txt` and `write.txt` byte for byte, and the Write echo GMAT printed on its console
 *   and in its log;
 * - the engine running a script that sets GMAT's printed values (instead of propagating) writes
 *   the three files byte for byte;
 * - the engine running the unchanged `case.script` writes `strings.txt` byte for byte, and
 *   `write.txt` and `arrays.txt` with GMAT's layout (values from our propagation, ~1e-7 km off).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  commandDataText,
  commandHeaderLine,
  type CommandLayout,
  matrixRowText,
} from "../../src/engine/outputs/report_output.ts";
import {
  arrayScript,
  arrayText,
  scriptCell,
  type WriteItem,
  writeMessageText,
  type WriteStyle,
} from "../../src/engine/commands/write.ts";
import { Matrix } from "../../src/engine/math/matrix.ts";
import type { Value } from "../../src/engine/math/value.ts";
import { runInTemp } from "../_support/engine.ts";
import { HAVE_MISSION_BATTERY, MISSION_BATTERY_DIR } from "../physics/_mission_battery.ts";

const CASE_DIR = join(MISSION_BATTERY_DIR, "math_strings_arrays");

/** A file of GMAT's run of the case. */
function gmat(file: string): string {
  if (!HAVE_MISSION_BATTERY) {
    throw new Error(`required test component missing: GMAT's mission battery at ${CASE_DIR}`);
  }
  return Deno.readTextFileSync(join(CASE_DIR, file));
}

/** GMAT's ReportFile defaults (all the case's ReportFiles use them). */
const DEFAULTS: CommandLayout = {
  precision: 16,
  columnWidth: 23,
  leftJustify: true,
  zeroFill: false,
  fixedWidth: true,
  delimiter: " ",
  writeHeaders: true,
};

const mat = (rows: number[][]) =>
  new Matrix(rows.length, rows[0].length, Float64Array.from(rows.flat()));

/** The numbers of a line of GMAT's text. */
const numbers = (line: string) => line.trim().split(/\s+/).map(Number);

/** The arrays GMAT reported, rebuilt from the numbers it printed in `arrays.txt`. */
function gmatArrays(): Record<string, Matrix> {
  const lines = gmat("arrays.txt").split("\n");
  const [l2, l3, l4] = [1, 2, 3].map((i) => numbers(lines[i]));
  const out: Record<string, Matrix> = {
    r: mat([[l2[0]], [l3[0]], [l4[0]]]),
    v: mat([[l2[1]], [l3[1]], [l4[1]]]),
    h: mat([[l2[2]], [l3[2]], [l4[2]]]),
    rT: mat([l2.slice(3, 6)]),
    rdv: mat([[l2[6]]]),
  };
  for (let i = 4; i < lines.length; i += 4) {
    const name = lines[i].trim();
    if (name === "") break;
    out[name] = mat([1, 2, 3].map((k) => numbers(lines[i + k])));
  }
  return out;
}

/** The scalar values GMAT reported in `report.txt`, by name. */
function gmatScalars(): Record<string, number> {
  const lines = gmat("report.txt").split("\n");
  const names = lines[2].trim().split(/\s+/);
  const values = numbers(lines[3]);
  return Object.fromEntries(names.map((n, i) => [n, values[i]]));
}

/** The strings GMAT reported in `strings.txt`. */
function gmatStrings(): { str1: string; str2: string } {
  const lines = gmat("strings.txt").split("\n");
  return { str1: lines[1], str2: lines[3] };
}

/** The text of a Report command that runs once. */
function reportText(names: string[], values: Value[], layout = DEFAULTS): string {
  return commandHeaderLine(names, layout) + commandDataText(names, values, layout);
}

/** The Write commands of the case, as (item, style) with GMAT's values. */
function caseWrites(): { item: WriteItem; style: WriteStyle; log: boolean }[] {
  const { str1, str2 } = gmatStrings();
  const a = gmatArrays();
  return [
    { item: { name: "str1", kind: "String", value: str1 }, style: "Concise", log: true },
    { item: { name: "str2", kind: "String", value: str2 }, style: "Verbose", log: true },
    {
      item: { name: "rmag", kind: "Variable", value: gmatScalars().rmag },
      style: "Concise",
      log: false,
    },
    { item: { name: "r", kind: "Array", value: a.r }, style: "Verbose", log: false },
    { item: { name: "A", kind: "Array", value: a.A }, style: "Script", log: false },
  ];
}

/** The text after GMAT's last kernel-load line, up to the blank line of `Mission run completed.` */
function echoed(file: string): string {
  const text = gmat(file);
  const kernel = "SPICELunaFrameKernel.tf has been loaded.\n";
  const from = text.indexOf(kernel) + kernel.length;
  const to = text.indexOf("\nMission run completed.");
  assert.ok(from > kernel.length && to > from, file);
  return text.slice(from, to);
}

Deno.test("Report rows of arrays fed with GMAT's values reproduce arrays.txt byte for byte", () => {
  const a = gmatArrays();
  let text = reportText(["r", "v", "h", "rT", "rdv"], [a.r, a.v, a.h, a.rT, a.rdv]);
  for (const name of ["M", "Minv", "MMinv", "A", "Ainv"]) text += reportText([name], [a[name]]);
  assert.equal(text, gmat("arrays.txt"));
});

Deno.test("Report rows of Strings reproduce strings.txt byte for byte", () => {
  const { str1, str2 } = gmatStrings();
  assert.equal(reportText(["str1"], [str1]) + reportText(["str2"], [str2]), gmat("strings.txt"));
});

Deno.test("Write into a ReportFile with GMAT's values reproduces write.txt byte for byte", () => {
  let text = "";
  for (const { item, style } of caseWrites()) {
    if (style === "Script") text += commandDataText([item.name], [scriptCell(item)], DEFAULTS);
    else text += reportText([item.name], [item.value]);
  }
  assert.equal(text, gmat("write.txt"));
});

Deno.test("Write's message-window and log text equal GMAT's console and log echo", () => {
  let console = "";
  let log = "";
  for (const { item, style, log: toLog } of caseWrites()) {
    const text = writeMessageText(item, style);
    console += text; // MessageWindow = true for every Write of the case
    if (toLog) {
      console += text; // GmatConsole prints LogMessage text too
      log += text;
    }
  }
  assert.equal(console, echoed("console.txt"));
  assert.equal(log, echoed("GmatLog.txt"));
});

Deno.test("GMAT's row, array and script texts for arrays", () => {
  const m = mat([[1.5, -2, 0], [0, NaN, 1e-5]]);
  assert.equal(matrixRowText(m, 0, 16, false), "1.5 -2 0 ");
  assert.equal(matrixRowText(m, 1, 16, false), "0 nan 1e-05 ");
  // ZeroFill: %{P+4}.{P}e
  assert.equal(matrixRowText(m, 0, 4, true), "1.5000e+00 -2.0000e+00 0.0000e+00 ");
  assert.equal(arrayText(m), "1.5 -2 0 \n0 nan 1e-05 ");
  assert.equal(
    arrayScript("B", m),
    "Create Array B[2,3];\nB(1, 1) = 1.5;\nB(1, 2) = -2;\nB(2, 2) = nan;\nB(2, 3) = 1e-05;\n\n",
  );
  assert.equal(arrayScript("Z", Matrix.zeros(2, 1)), "Create Array Z[2,1];\n");
  const v: WriteItem = { name: "x", kind: "Variable", value: 0.1 };
  assert.equal(writeMessageText(v, "Script"), "Create Variable x;\nx = 0.1;\n");
  assert.equal(writeMessageText(v, "Verbose"), "x =\n0.1\n");
  const s: WriteItem = { name: "s", kind: "String", value: "'q'" };
  assert.equal(writeMessageText(s, "Concise"), "'q'\n"); // already enclosed: not quoted again
  assert.equal(scriptCell(s), "Create String s;\ns = 'q';\n");
});

Deno.test("Report data: shorter items, WriteHeaders off, FixedWidth off, right-justified", () => {
  const col = mat([[1], [2]]);
  // A scalar beside a column vector: its column is blank (spaces) on the second line.
  assert.equal(
    commandDataText(["x", "c"], [7, col], DEFAULTS),
    "7" + " ".repeat(25) + "1" + " ".repeat(25) + "\n" + " ".repeat(26) + "2" + " ".repeat(25) +
      "\n",
  );
  // Without headers the name does not widen the column, but the command's +3 stays.
  const long = "a_name_longer_than_23_characters";
  assert.equal(
    commandDataText([long], [5], { ...DEFAULTS, writeHeaders: false }),
    "5" + " ".repeat(25) + "\n",
  );
  assert.equal(commandDataText([long], [5], DEFAULTS), "5" + " ".repeat(long.length + 2) + "\n");
  // An array's column without headers is exactly its longest row + 3.
  assert.equal(
    commandDataText(["c"], [col], { ...DEFAULTS, writeHeaders: false }),
    "1    \n2    \n",
  );
  assert.equal(
    commandDataText(["x", "c", "s"], [7, col, "t"], {
      ...DEFAULTS,
      fixedWidth: false,
      delimiter: ",",
    }),
    "7,1 ,t\n,2 ,\n",
  );
  const right = { ...DEFAULTS, leftJustify: false, columnWidth: 5 };
  assert.equal(commandHeaderLine(["ab"], right), "   ab   \n");
  assert.equal(commandDataText(["ab"], [1], right), "       1\n");
  assert.equal(commandDataText(["u"], [NaN], DEFAULTS), "NaN" + " ".repeat(23) + "\n");
});

/** A script that sets GMAT's printed values and runs the case's Report and Write commands. */
function valuesScript(): string {
  const a = gmatArrays();
  const s = gmatScalars();
  const assign: string[] = [];
  for (const [name, m] of Object.entries(a)) {
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < m.cols; j++) assign.push(`${name}(${i + 1},${j + 1}) = ${m.at(i, j)};`);
    }
  }
  const vars = ["rmag", "vmag", "detA", "ang", "energy"];
  for (const v of vars) assign.push(`${v} = ${s[v]};`);
  const caseLines = gmat("case.script").split("\n");
  const from = caseLines.findIndex((l) => l.startsWith("Report RFarr r v h"));
  return [
    `Create Variable ${vars.join(" ")};`,
    "Create Array r[3,1] v[3,1] h[3,1] rT[1,3] rdv[1,1] M[3,3] Minv[3,3] MMinv[3,3] A[3,3] " +
    "Ainv[3,3];",
    "Create String str1 str2;",
    ...["RFarr arrays", "RFstr strings", "RFwrite write"].flatMap((x) => {
      const [rf, file] = x.split(" ");
      return [`Create ReportFile ${rf};`, `${rf}.Filename = '${file}.txt';`];
    }),
    "BeginMissionSequence;",
    ...assign,
    ...caseLines.slice(from),
  ].join("\n");
}

Deno.test("the engine fed with GMAT's values writes the three files byte for byte", async () => {
  const r = await runInTemp(valuesScript());
  for (const f of ["arrays.txt", "strings.txt", "write.txt"]) {
    assert.equal(await Deno.readTextFile(join(r.dir, f)), gmat(f), f);
  }
  const all = r.messages.map((m) => m.text).join("");
  const log = r.messages.filter((m) => m.sink === "LogFile").map((m) => m.text).join("");
  assert.equal(all, echoed("console.txt"));
  assert.equal(log, echoed("GmatLog.txt"));
});

/** Numbers of two texts agree to `rtol`, or `atol` for rounding noise near zero. */
function closeNumbers(ours: string, theirs: string, what: string): void {
  const a = ours.trim().split(/\s+/);
  const b = theirs.trim().split(/\s+/);
  assert.equal(a.length, b.length, `${what}: cells`);
  a.forEach((x, i) => {
    const [p, q] = [Number(x), Number(b[i])];
    assert.ok(Number.isFinite(p) && Number.isFinite(q), `${what}: '${x}' '${b[i]}'`);
    assert.ok(Math.abs(p - q) <= 1e-9 + 1e-6 * Math.abs(q), `${what}: ${x} vs ${b[i]}`);
  });
}

/** Where each cell of a line starts. */
const starts = (line: string) => [...line.matchAll(/\S+/g)].map((m) => m.index);

Deno.test("the engine on case.script writes strings, write and arrays.txt as GMAT", async () => {
  const r = await runInTemp(gmat("case.script"), "case.script");
  assert.equal(await Deno.readTextFile(join(r.dir, "strings.txt")), gmat("strings.txt"));

  // write.txt: identical but for the propagated values (rmag, r), which keep GMAT's layout.
  const ours = (await Deno.readTextFile(join(r.dir, "write.txt"))).split("\n");
  const theirs = gmat("write.txt").split("\n");
  assert.equal(ours.length, theirs.length);
  ours.forEach((line, i) => {
    if (/^[-\d]/.test(theirs[i])) {
      assert.equal(line.length, theirs[i].length, `write.txt line ${i + 1}`);
      closeNumbers(line, theirs[i], `write.txt line ${i + 1}`);
    } else {
      assert.equal(line, theirs[i], `write.txt line ${i + 1}`);
    }
  });

  // arrays.txt: same headers, cells and cell positions; a matrix block's lines are as long as
  // GMAT's whenever its longest row has as many characters (MMinv's entries are rounding noise
  // of 1e-17 whose texts differ in length; there each file follows GMAT's rule: longest + 3).
  const oa = (await Deno.readTextFile(join(r.dir, "arrays.txt"))).split("\n");
  const ga = gmat("arrays.txt").split("\n");
  assert.equal(oa.length, ga.length);
  for (let i = 0; i < ga.length - 1; i += 4) {
    assert.equal(oa[i], ga[i], `arrays.txt header line ${i + 1}`);
    const block = [1, 2, 3].map((k) => i + k);
    for (const k of block) closeNumbers(oa[k], ga[k], `arrays.txt line ${k + 1}`);
    if (i === 0) {
      for (const k of block) {
        assert.deepEqual(starts(oa[k]), starts(ga[k]), `line ${k + 1}`);
        assert.equal(oa[k].length, ga[k].length, `line ${k + 1}`);
      }
      continue;
    }
    const rowLength = (l: string) => l.trimEnd().length + 1; // the row text ends in a space
    const longest = (f: string[]) => Math.max(...block.map((k) => rowLength(f[k])));
    for (const f of [oa, ga]) {
      for (const k of block) assert.equal(f[k].length, Math.max(26, longest(f) + 3));
    }
    if (longest(oa) === longest(ga)) {
      for (const k of block) assert.equal(oa[k].length, ga[k].length, `line ${k + 1}`);
    }
  }
  assert.equal(oa.at(-1), "");
});

Deno.test("Write of a String into a headerless ReportFile, as in GMAT's sample", async () => {
  // GMAT's Ex_ForceModel_ExtraShadowBodies: RF.WriteHeaders = false; Write Str {ReportFile = RF}
  const sample = "Ex_ForceModel_ExtraShadowBodies";
  const expected = gmat(`../../gmat-samples-outputs/${sample}/${sample}.txt`);
  const r = await runInTemp([
    "Create String Str;",
    "Create ReportFile RF;",
    "RF.Filename = 'rf.txt';",
    "RF.WriteHeaders = false;",
    "BeginMissionSequence;",
    `Str = '${expected.trimEnd()}';`,
    "Write Str { ReportFile = RF }",
  ].join("\n"));
  assert.equal(await Deno.readTextFile(join(r.dir, "rf.txt")), expected);
  assert.deepEqual(r.messages, [{ sink: "MessageWindow", text: `'${expected.trimEnd()}'\n` }]);
});

Deno.test("Report rows without headers keep the +3 of a Report (GMAT's string sample)", () => {
  // GMAT's Ex_NewStringFunctions: rf.WriteHeaders = false; Report rf s2, str, s3, then testVar x3.
  const sample = "Ex_NewStringFunctions";
  const expected = gmat(`../../gmat-samples-outputs/${sample}/rf.txt`);
  const lines = expected.split("\n").slice(0, -1);
  const layout = { ...DEFAULTS, writeHeaders: false };
  const names = ["s2", "str", "s3", "testVar", "testVar", "testVar"];
  const values: Value[] = lines.map((l, i) => i < 3 ? (i === 1 ? l.trimEnd() : l) : Number(l));
  const text = names.map((n, i) => commandDataText([n], [values[i]], layout)).join("");
  assert.equal(text, expected);
});

Deno.test("Write's options are checked as in GMAT; objects are refused by name", async () => {
  const head = "Create Spacecraft Sat;\nCreate Variable x;\nCreate ReportFile RF;\n" +
    "BeginMissionSequence;\n";
  const cases: [string, string][] = [
    ["Write x {Style = Fancy}", "SCRIPT_BAD_VALUE"],
    ["Write x {Style = Concise, style = Verbose}", "SCRIPT_BAD_VALUE"],
    ["Write x {LogFile = maybe}", "SCRIPT_BAD_VALUE"],
    ["Write x {Color = Red}", "SCRIPT_BAD_VALUE"],
    ["Write x {ReportFile = Sat}", "SCRIPT_UNKNOWN_RESOURCE"],
    ["Write Sat", "ENGINE_UNSUPPORTED"],
    ["Write Sat.X {Style = Script}", "ENGINE_UNSUPPORTED"],
  ];
  for (const [line, code] of cases) {
    await assert.rejects(runInTemp(head + line), (e: Error & { code?: string }) => {
      assert.equal(e.code, code, line);
      return true;
    });
  }
  const r = await runInTemp(head + "x = 2.5;\nWrite x Sat.X {style = verbose, LOGFILE = TRUE}");
  assert.deepEqual(r.messages.map((m) => [m.sink, m.text]), [
    ["MessageWindow", "x =\n2.5\n"],
    ["LogFile", "x =\n2.5\n"],
    ["MessageWindow", "Sat.X =\n7100\n"],
    ["LogFile", "Sat.X =\n7100\n"],
  ]);
});

Deno.test("Write of a Spacecraft in Script style reproduces GMAT's Ex_WriteCommand report", async () => {
  const sample = "Ex_WriteCommand";
  const dir = join(CASE_DIR, "../../gmat-samples-outputs", sample);
  const script = Deno.readTextFileSync(join(CASE_DIR, "../../gmat-samples", `${sample}.script`));
  const r = await runInTemp(script);
  assert.equal(
    await Deno.readTextFile(join(r.dir, "theReport.txt")),
    Deno.readTextFileSync(join(dir, "theReport.txt")),
  );
  // GMAT's log holds the LogFile = true echo of the second Write, the line after the kernels.
  const log = Deno.readTextFileSync(join(dir, "GmatLog.txt")).split("\n");
  const echoed = log[log.indexOf("Mission run completed.") - 2];
  assert.deepEqual(r.messages, [
    { sink: "MessageWindow", text: echoed + "\n" },
    { sink: "LogFile", text: echoed + "\n" },
  ]);
});

Deno.test("A Spacecraft's script text has its current state, epoch and settings", async () => {
  const r = await runInTemp([
    "Create Spacecraft A B;",
    "B.DateFormat = TAIModJulian",
    "B.Epoch = '21545.5'",
    ...["X = 7000", "Y = 0", "Z = 0", "VX = 0", "VY = 0", "VZ = 0"].map((a) => `B.${a}`),
    ...["DryMass = 500", "Cd = 2", "Cr = 1.5", "DragArea = 3", "SRPArea = 4"].map((a) => `B.${a}`),
    "B.Id = 'Bee'",
    "Create ForceModel FM",
    "FM.PointMasses = {Earth}",
    "Create Propagator P",
    "P.FM = FM",
    "BeginMissionSequence;",
    "Write B {Style = Script, MessageWindow = true}",
    "Propagate P(B) {B.ElapsedSecs = 0.5}",
    "Write B {Style = Script}",
  ].join("\n"));
  const [before, after] = r.messages.map((m) => m.text.split("\n"));
  const field = (lines: string[], f: string) =>
    lines.find((l) => l.startsWith(`B.${f} = `))?.slice(`B.${f} = `.length, -1);
  assert.equal(before[0], "Create Spacecraft B;");
  assert.equal(field(before, "Epoch"), "'21545.5'");
  for (const [f, v] of [["X", "7000"], ["VY", "0"], ["DryMass", "500"], ["Cd", "2"]]) {
    assert.equal(field(before, f), v, f);
  }
  assert.equal(field(before, "SRPArea"), "4");
  assert.equal(field(before, "Id"), "'Bee'");
  // The second Spacecraft the script creates: GMAT's counter gives -10001001.
  assert.equal(field(before, "NAIFId"), "-10001001");
  assert.equal(field(before, "NAIFIdReferenceFrame"), "-9001001");
  // The text ends in a line end and Write adds one (GMAT shows "%s" and a line end).
  assert.deepEqual(before.slice(-3), ["B.EulerAngleSequence = '321';", "", ""]);
  // Falling from rest for half a second: x = 7000 - mu/(2 r^2) t^2, and the epoch moves on.
  assert.equal(field(after, "Epoch"), `'${21545.5 + 0.5 / 86400}'`);
  const x = Number(field(after, "X"));
  assert.ok(Math.abs(x - (7000 - 398600.4415 / 7000 ** 2 / 2 * 0.25)) < 1e-6, `${x}`);
});

Deno.test("Write refuses a Spacecraft it cannot write as GMAT does, by name", async () => {
  const head = "Create Spacecraft Sat;\nCreate ChemicalTank T;\n";
  const cases: [string, string][] = [
    ["BeginMissionSequence;\nWrite Sat {Style = Verbose}", "Write {Style = Verbose} Spacecraft"],
    [
      "Sat.Tanks = {T};\nBeginMissionSequence;\nWrite Sat {Style = Script}",
      "Write Spacecraft.Tanks",
    ],
    [
      "Sat.Attitude = Spinner;\nBeginMissionSequence;\nWrite Sat {Style = Script}",
      "Write Spacecraft.Attitude",
    ],
  ];
  for (const [body, construct] of cases) {
    await assert.rejects(
      runInTemp(head + body),
      (e: Error & { code?: string; construct?: string }) => {
        assert.equal(e.code, "ENGINE_UNSUPPORTED", body);
        assert.equal(e.construct, construct, body);
        return true;
      },
    );
  }
});
