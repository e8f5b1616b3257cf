/**
 * The line every sweep-running command and `show` end with.
 *
 * @module
 */

import type { ManifestTotals } from "../manifest/mod.ts";

/**
 * The summary line: `N runs (A ok, B failed) in T s wall (S s of run time) — output: DIR`.
 *
 * @param totals The manifest's runs by status and their run time.
 * @param wallS Wall time of the invocation.
 * @param outputDir Where the outputs are.
 * @returns The line.
 *
 * @example
 * ```ts
 * import { summaryLine } from "./summary_line.ts";
 * console.log(summaryLine({ runs: 3, ok: 2, failed: 1, skipped: 0, runTimeS: 1.5 }, 2, "/out"));
 * // 3 runs (2 ok, 1 failed) in 2.00 s wall (1.50 s of run time) — output: /out
 * ```
 */
export function summaryLine(totals: ManifestTotals, wallS: number, outputDir: string): string {
  const parts = [`${totals.ok} ok`];
  if (totals.failed) parts.push(`${totals.failed} failed`);
  if (totals.skipped) parts.push(`${totals.skipped} skipped`);
  return `${totals.runs} runs (${parts.join(", ")}) in ${wallS.toFixed(2)} s wall ` +
    `(${totals.runTimeS.toFixed(2)} s of run time) — output: ${outputDir}`;
}
