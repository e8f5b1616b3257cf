/**
 * Run the force-model battery (`../shared/reference/gmat-battery/`) on the built-in engine and
 * print the README table: rows ours/GMAT, final position difference, and for drag cases the
 * error as a share of the drag effect.
 *
 * Usage: `deno run -A scripts/battery_table.ts [case ...]`
 *
 * @module
 */

import { PhysicsData } from "../src/physics/mod.ts";
import { batteryCases, batteryMarkdown, runBatteryCase } from "./_battery.ts";

if (import.meta.main) {
  const physics = new PhysicsData();
  const names = Deno.args.length > 0 ? Deno.args : await batteryCases();
  const results = [];
  for (const name of names) {
    const r = await runBatteryCase(name, physics);
    console.error(
      `${name}: ${r.finalM.toFixed(4)} m, rows ${r.rows.join("/")}, ${r.runMs.toFixed(0)} ms`,
    );
    results.push(r);
  }
  console.log(batteryMarkdown(results));
}
