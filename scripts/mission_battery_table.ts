/**
 * Prints a markdown table of how the built-in engine reproduces real GMAT R2026a's mission-sequence
 * battery (`../shared/reference/gmat-mission-battery/`): per case and report file, the rows ours /
 * GMAT's and the largest differences by quantity (position, velocity, epoch, other numbers such as
 * masses and burn components). A file written every integrator step (a subscriber report) is
 * compared on its row count and its last row: the step epochs of two adaptive integrators drift
 * apart by milliseconds, so row i of one is not row i of the other. The bounds are `tests/engine/mission_battery_test.ts`'s.
 *
 * Usage: `deno run -A scripts/mission_battery_table.ts`
 *
 * @module
 */

import { join } from "node:path";
import { runScriptFile } from "../src/engine/mod.ts";
import { PhysicsData } from "../src/physics/mod.ts";
import {
  compareReport,
  fmt,
  type Quantity,
  textLines,
  UNITS,
} from "../tests/engine/_report_compare.ts";

const ROOT = new URL("../../shared/reference/gmat-mission-battery/", import.meta.url).pathname;

const CASES: [string, string[]][] = [
  ["control_flow", ["report.txt"]],
  ["backprop", ["report.txt"]],
  ["finite_burn", ["points.txt", "report.txt*"]],
  ["impulsive_decrement_mass", ["report.txt"]],
  ...["RungeKutta56", "RungeKutta68", "RungeKutta89", "PrinceDormand45", "PrinceDormand78"]
    .concat(["AdamsBashforthMoulton"])
    .map((t): [string, string[]] => [`integrator_${t}`, ["final.txt", "report.txt*"]]),
  ["math_strings_arrays", ["report.txt", "strings.txt"]],
  ["hohmann_dc", ["report.txt", "burns.txt", "iterations.txt"]],
];

if (import.meta.main) {
  const physics = new PhysicsData();
  const show: Quantity[] = ["position", "velocity", "epoch"];
  console.log("| case | file | rows ours / GMAT | position | velocity | epoch | other |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const [name, files] of CASES) {
    const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-mission-table-" });
    await Deno.copyFile(join(ROOT, name, "case.script"), join(dir, "case.script"));
    await runScriptFile(join(dir, "case.script"), { outputDir: dir, physics });
    for (const entry of files) {
      const steps = entry.endsWith("*");
      const file = entry.replace("*", "");
      let ours = await Deno.readTextFile(join(dir, file));
      let gmat = await Deno.readTextFile(join(ROOT, name, file));
      const a = textLines(ours), b = textLines(gmat);
      const rows = `${a.length - 1} / ${b.length - 1}${steps ? " (last row compared)" : ""}`;
      if (steps) {
        ours = [a[0], a.at(-1)].join("\n") + "\n";
        gmat = [b[0], b.at(-1)].join("\n") + "\n";
      }
      const c = compareReport(file, ours, gmat);
      const cell = (q: Quantity) => {
        const w = c.worst[q];
        return w === undefined ? "" : `${fmt(w.diff)} ${UNITS[q]}`.trim();
      };
      const others = (Object.keys(c.worst) as Quantity[]).filter((q) => !show.includes(q));
      const other = others.map((q) => `${q} ${cell(q).trim()}`).join(", ");
      console.log(
        `| ${name} | ${file} | ${rows} | ${cell("position")} | ${cell("velocity")} | ` +
          `${cell("epoch")} | ${other} |`,
      );
    }
    await Deno.remove(dir, { recursive: true });
  }
}
