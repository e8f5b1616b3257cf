/**
 * The force-model battery: real GMAT R2026a runs of 1-3 day LEO/GTO/GEO missions under each force
 * model (`../shared/reference/gmat-battery/`), re-run on the built-in engine from their unchanged
 * `case.script` and compared with GMAT's every-step report. Shared by
 * `scripts/battery_table.ts` (the README table) and `tests/engine/battery_test.ts`.
 *
 * @module
 */

import { join } from "node:path";
import { runScriptFile } from "../src/engine/run_script.ts";
import { parseReportFile } from "../src/formats/mod.ts";
import type { PhysicsData } from "../src/physics/mod.ts";

/** Where the battery is, beside the checkout. */
export const BATTERY_ROOT: string = new URL("../../shared/reference/gmat-battery/", import.meta.url)
  .pathname;

/**
 * The size of each drag case's effect after its span, in m, from GMAT's own reports: the
 * distance between the drag case's final position and its no-drag twin's (the `default` case of
 * the same orbit and accuracy). The storm cases have no twin in the battery; their effects are
 * the battery README's (the orbit moves 1,025 km with MSISE-90 and 1,471 km with
 * Jacchia-Roberts in 3 days).
 */
export const STORM_EFFECT_M: Readonly<Record<string, number>> = {
  leo__msise90_cssi_2003storm: 1_025_000,
  leo__jr_cssi_2003storm: 1_471_000,
};

/** The battery's case names (folders), sorted. */
export async function batteryCases(root = BATTERY_ROOT): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(root)) if (e.isDirectory) out.push(e.name);
  return out.sort();
}

/** Whether a case has drag (its effect is the comparison's scale). */
export function isDragCase(name: string): boolean {
  return /drag|msise|jrdrag|expdrag|__all|_exp_|storm/.test(name);
}

/** One case compared. */
export interface BatteryResult {
  /** The case name. */
  readonly name: string;
  /** Report rows (GMAT publishes every accepted step), ours and GMAT's. */
  readonly rows: readonly [number, number];
  /** Final position difference, m. */
  readonly finalM: number;
  /** Final epoch difference, ms. */
  readonly epochMs: number;
  /** Final `Sat.Earth.Altitude` difference (GMAT's body-fixed frame and ellipsoid), m. */
  readonly altitudeM: number;
  /** For drag cases: the drag effect from GMAT's own reports, m. */
  readonly dragEffectM?: number;
  /** Wall time of the engine run, ms. */
  readonly runMs: number;
}

interface Report {
  readonly rows: number;
  readonly final: readonly number[];
  readonly epoch: number;
  readonly altitude: number;
}

async function readFinal(path: string): Promise<Report> {
  const t = parseReportFile(await Deno.readTextFile(path), path);
  const x = t.columns.indexOf("Sat.EarthMJ2000Eq.X");
  const e = t.columns.indexOf("Sat.A1ModJulian");
  const h = t.columns.indexOf("Sat.Earth.Altitude");
  const last = t.rows[t.rows.length - 1];
  return {
    rows: t.rows.length,
    final: [0, 1, 2].map((k) => Number(last[x + k])),
    epoch: Number(last[e]),
    altitude: Number(last[h]),
  };
}

const distance = (a: readonly number[], b: readonly number[]) =>
  Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/**
 * Run one case on the built-in engine (in a scratch directory) and compare with GMAT's report.
 *
 * @param name The case folder.
 * @param physics The data context shared by the runs.
 */
export async function runBatteryCase(
  name: string,
  physics: PhysicsData,
  root = BATTERY_ROOT,
): Promise<BatteryResult> {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-battery-" });
  try {
    await Deno.copyFile(join(root, name, "case.script"), join(dir, "case.script"));
    const t0 = performance.now();
    await runScriptFile(join(dir, "case.script"), { outputDir: dir, physics });
    const runMs = performance.now() - t0;
    const ours = await readFinal(join(dir, "report.txt"));
    const gmat = await readFinal(join(root, name, "report.txt"));
    let dragEffectM: number | undefined;
    if (isDragCase(name)) {
      dragEffectM = STORM_EFFECT_M[name];
      const twin = name.replace(/__[a-z0-9_]+__acc/, "__default__acc");
      if (dragEffectM === undefined && twin !== name) {
        const base = await readFinal(join(root, twin, "report.txt"));
        dragEffectM = distance(gmat.final, base.final) * 1000;
      }
    }
    return {
      name,
      rows: [ours.rows, gmat.rows],
      finalM: distance(ours.final, gmat.final) * 1000,
      epochMs: (ours.epoch - gmat.epoch) * 86400e3,
      altitudeM: Math.abs(ours.altitude - gmat.altitude) * 1000,
      ...(dragEffectM !== undefined ? { dragEffectM } : {}),
      runMs,
    };
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

/** The README table of every case. */
export function batteryMarkdown(results: readonly BatteryResult[]): string {
  const fmt = (x: number) => x < 0.01 ? x.toExponential(1) : x.toFixed(x < 1 ? 3 : 1);
  return [
    "| case | rows ours / GMAT | final position vs GMAT | drag effect | error / effect |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...results.map((r) =>
      `| ${r.name} | ${r.rows[0]} / ${r.rows[1]} (${
        ((r.rows[0] / r.rows[1] - 1) * 100).toFixed(1)
      }%) | ${fmt(r.finalM)} m | ${
        r.dragEffectM === undefined ? "" : `${fmt(r.dragEffectM)} m`
      } | ${r.dragEffectM === undefined ? "" : `${(r.finalM / r.dragEffectM * 100).toFixed(3)}%`} |`
    ),
  ].join("\n");
}
