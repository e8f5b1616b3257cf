/**
 * Running scripts on the built-in engine inside temporary directories, for tests.
 *
 * @module
 */

import { join } from "node:path";
import { runScriptText } from "../../src/engine/mod.ts";
import type { EngineRunResult } from "../../src/engine/mod.ts";
import { parseReportFile } from "../../src/formats/mod.ts";

/** The repository root. */
export const ROOT: string = new URL("../../", import.meta.url).pathname;

/** A fixture path. */
export function fixture(path: string): string {
  return join(ROOT, "fixtures", path);
}

/** Run script text in a fresh temporary output directory. */
export async function runInTemp(
  text: string,
  file = "test.script",
): Promise<EngineRunResult & { dir: string }> {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-test-" });
  const result = await runScriptText(text, join(dir, file), { outputDir: dir });
  return { ...result, dir };
}

/** Read a ReportFile written by a run as rows of cells. */
export async function readReport(
  path: string,
): Promise<{ columns: string[]; rows: (number | string)[][] }> {
  const table = parseReportFile(await Deno.readTextFile(path), path);
  return { columns: [...table.columns], rows: table.rows.map((r) => [...r]) };
}

/** Assert |a - b| <= atol + rtol |b|. */
export function close(a: number, b: number, rtol: number, atol: number, what = ""): void {
  if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
    throw new Error(`${what}: ${a} differs from ${b} by ${a - b} (rtol ${rtol}, atol ${atol})`);
  }
}

/** A minimal point-mass LEO script with optional extra resource lines and a mission body. */
export function leoScript(opts: {
  resources?: string;
  mission?: string;
  report?: string;
  integrator?: string;
  accuracy?: number;
  step?: number;
  elements?: string;
} = {}): string {
  return `Create Spacecraft Sat
Sat.DateFormat = UTCGregorian
Sat.Epoch = '01 Jan 2026 00:00:00.000'
Sat.CoordinateSystem = EarthMJ2000Eq
Sat.DisplayStateType = Keplerian
${
    opts.elements ??
      "Sat.SMA = 7000\nSat.ECC = 0.001\nSat.INC = 28.5\nSat.RAAN = 0\nSat.AOP = 0\nSat.TA = 0"
  }
Create ForceModel FM
FM.CentralBody = Earth
FM.PointMasses = {Earth}
Create Propagator Prop
Prop.FM = FM
Prop.Type = ${opts.integrator ?? "RungeKutta89"}
Prop.InitialStepSize = ${opts.step ?? 60}
Prop.Accuracy = ${opts.accuracy ?? 1e-12}
Prop.MinStep = 0.001
Prop.MaxStep = 2700
Create ReportFile RF
RF.Filename = 'rf.txt'
RF.Add = {${
    opts.report ??
      "Sat.UTCGregorian, Sat.EarthMJ2000Eq.X, Sat.EarthMJ2000Eq.Y, Sat.EarthMJ2000Eq.Z, Sat.EarthMJ2000Eq.VX, Sat.EarthMJ2000Eq.VY, Sat.EarthMJ2000Eq.VZ"
  }}
${opts.resources ?? ""}
BeginMissionSequence
${opts.mission ?? "Propagate Prop(Sat) {Sat.ElapsedSecs = 600}"}
`;
}
