/**
 * The built-in engine against real GMAT R2026a on the mission-sequence battery
 * (`../shared/reference/gmat-mission-battery/`): each case's unchanged `case.script` is run and
 * every report it writes is compared with GMAT's, row by row and column by column: epochs as
 * GMAT printed them (to the ms), positions within 1 m, velocities within 1 mm/s, masses within
 * 1e-9 kg, loop counters and branches exactly, integrator step counts (report rows) within 2%.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { runScriptFile } from "../../src/engine/mod.ts";
import { PhysicsData } from "../../src/physics/mod.ts";
import { ScriptError } from "../../src/script/errors.ts";

const ROOT = new URL("../../../shared/reference/gmat-mission-battery/", import.meta.url).pathname;
const physics = new PhysicsData();

/** A report as rows of cells (dates kept whole), header rows dropped. */
function rows(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const split = (l: string) =>
    l.trim().replace(/(\d{2}) (\w{3}) (\d{4}) (\d{2}:\d{2}:\d{2}\.\d{3})/g, "$1_$2_$3_$4")
      .split(/\s+/);
  const header = split(lines[0]);
  return { header, rows: lines.map(split).filter((r) => r[0] !== header[0]) };
}

/** How close a column must be, by its name. */
function tolerance(column: string): { abs: number; angle?: boolean } {
  if (/Mass/.test(column)) return { abs: 1e-9 };
  if (/ModJulian/.test(column)) return { abs: 1.2e-8 }; // 1 ms
  if (/\.V[XYZ]$|VMAG/.test(column)) return { abs: 1e-6 };
  if (/\.(X|Y|Z|RMAG|SMA|Altitude)$/.test(column)) return { abs: 1e-3 };
  if (/\.(TA|RAAN|AOP|INC)$/.test(column)) return { abs: 1e-5, angle: true };
  if (/ECC$/.test(column)) return { abs: 1e-9 };
  if (/ElapsedSecs$/.test(column)) return { abs: 1e-3 };
  return { abs: 1e-9 };
}

function compareReports(name: string, ours: string, gmat: string, rowSlack: number): string[] {
  const a = rows(ours), b = rows(gmat);
  const bad: string[] = [];
  if (Math.abs(a.rows.length / b.rows.length - 1) > rowSlack) {
    bad.push(`${name}: ${a.rows.length} rows, GMAT ${b.rows.length}`);
  }
  const lastA = a.rows[a.rows.length - 1], lastB = b.rows[b.rows.length - 1];
  const pairs = rowSlack === 0 ? a.rows.map((r, i) => [r, b.rows[i]]) : [[lastA, lastB]];
  for (const [ra, rb] of pairs) {
    if (!rb) break;
    for (let c = 0; c < b.header.length; c++) {
      const x = ra[c], y = rb[c];
      const nx = Number(x), ny = Number(y);
      if (Number.isNaN(ny) || y === undefined) {
        if (x !== y) bad.push(`${name} ${rb[0]} ${b.header[c]}: ${x} vs GMAT ${y}`);
        continue;
      }
      const tol = tolerance(b.header[c]);
      let d = Math.abs(nx - ny);
      if (tol.angle) d = Math.min(d, Math.abs(d - 360));
      if (!(d <= tol.abs + 1e-12 * Math.abs(ny))) {
        bad.push(`${name} ${rb[0]} ${b.header[c]}: ${x} vs GMAT ${y} (${d})`);
      }
    }
  }
  return bad;
}

/**
 * The cases and their files: a Report command's file is compared row by row; a subscriber's
 * (one row per integrator step, `steps`) by its row count (within 2%) and its final row.
 */
type File = { readonly file: string; readonly steps?: boolean };
const report = (file: string): File => ({ file });
const steps = (file: string): File => ({ file, steps: true });
const CASES: { name: string; files: File[] }[] = [
  { name: "control_flow", files: [report("report.txt")] },
  { name: "backprop", files: [report("report.txt")] },
  { name: "finite_burn", files: [report("points.txt"), steps("report.txt")] },
  { name: "impulsive_decrement_mass", files: [report("report.txt")] },
  ...[
    "RungeKutta56",
    "RungeKutta68",
    "RungeKutta89",
    "PrinceDormand45",
    "PrinceDormand78",
    "AdamsBashforthMoulton",
  ].map((t) => ({ name: `integrator_${t}`, files: [report("final.txt"), steps("report.txt")] })),
  { name: "math_strings_arrays", files: [report("report.txt"), report("strings.txt")] },
];

for (const c of CASES) {
  Deno.test(`mission battery: ${c.name} reproduces GMAT's reports`, async () => {
    const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-mission-" });
    await Deno.copyFile(join(ROOT, c.name, "case.script"), join(dir, "case.script"));
    await runScriptFile(join(dir, "case.script"), { outputDir: dir, physics });
    const bad: string[] = [];
    for (const { file, steps } of c.files) {
      const ours = await Deno.readTextFile(join(dir, file));
      const gmat = await Deno.readTextFile(join(ROOT, c.name, file));
      bad.push(...compareReports(`${c.name}/${file}`, ours, gmat, steps ? 0.02 : 0));
    }
    assert.deepEqual(bad, []);
    await Deno.remove(dir, { recursive: true });
  });
}

Deno.test("mission battery: ABM with Accuracy 1e-11 is refused with GMAT's words", async () => {
  const name = "integrator_AdamsBashforthMoulton_acc1e-11_rejected";
  const console = await Deno.readTextFile(join(ROOT, name, "console.txt"));
  const gmatText =
    /Predictor-Corrector integrators require that the error control settings satisfy the relationship\s+LowerError < TargetError < Accuracy/;
  assert.match(console, gmatText);
  const dir = await Deno.makeTempDir();
  await Deno.copyFile(join(ROOT, name, "case.script"), join(dir, "case.script"));
  await assert.rejects(
    () => runScriptFile(join(dir, "case.script"), { outputDir: dir, physics }),
    // Refused before the run, as GMAT refuses it when it sets the propagator up.
    (e: unknown) => e instanceof ScriptError && gmatText.test(e.message),
  );
  await Deno.remove(dir, { recursive: true });
});
