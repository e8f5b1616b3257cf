/**
 * The line every sweep-running command and `show` end with.
 *
 * @module
 */

import type { ManifestTotals } from "../manifest/mod.ts";

/**
 * The summary line: `N runs (A ok, B failed) in T s wall (S s of run time) — output: DIR`; with
 * a hook, its outcomes apart from the engine's: `N runs (N ok; hooks: H ok, F failed) ...`.
 *
 * @param totals The manifest's runs by status and their run time.
 * @param wallS Wall time of the invocation.
 * @param outputDir Where the outputs are.
 * @returns The line.
 *
 * @example
 * ```ts
 * import { summaryLine } from "./summary_line.ts";
 * const totals = { runs: 3, ok: 2, failed: 1, skipped: 0, runTimeS: 1.5 };
 * console.log(summaryLine({ ...totals, hooksOk: 0, hooksFailed: 0 }, 2, "/out"));
 * // 3 runs (2 ok, 1 failed) in 2.00 s wall (1.50 s of run time) — output: /out
 * console.log(summaryLine({ ...totals, hooksOk: 1, hooksFailed: 1 }, 2, "/out"));
 * // 3 runs (2 ok, 1 failed; hooks: 1 ok, 1 failed) in 2.00 s wall (1.50 s of run time) — output: /out
 * ```
 */
export function summaryLine(totals: ManifestTotals, wallS: number, outputDir: string): string {
  const parts = [`${totals.ok} ok`];
  if (totals.failed) parts.push(`${totals.failed} failed`);
  if (totals.skipped) parts.push(`${totals.skipped} skipped`);
  const hooks = totals.hooksOk + totals.hooksFailed > 0
    ? `; hooks: ${totals.hooksOk} ok${totals.hooksFailed ? `, ${totals.hooksFailed} failed` : ""}`
    : "";
  return `${totals.runs} runs (${parts.join(", ")}${hooks}) in ${wallS.toFixed(2)} s wall ` +
    `(${totals.runTimeS.toFixed(2)} s of run time) — output: ${outputDir}`;
}
