/**
 * The line every sweep-running command and `show` end with.
 *
 * @module
 */

import type { ManifestTotals } from "../manifest/mod.ts";

/** What the line of a sweep-running command says. */
export interface InvocationSummary {
  /** The whole manifest afterwards. */
  readonly totals: ManifestTotals;
  /** The runs the sweep plans in all. */
  readonly planned: number;
  /** Runs this invocation recorded. */
  readonly ran: number;
  /** Wall time of this invocation, seconds. */
  readonly wallS: number;
  /** Run time of this invocation's runs, seconds. */
  readonly runTimeS: number;
  /** Whether the invocation was interrupted. */
  readonly interrupted: boolean;
}

/**
 * The counts of a manifest: `N runs (A ok, B failed)`, or `N of P runs (...)` when fewer than
 * planned are recorded.
 *
 * @param totals The manifest's runs by status.
 * @param planned The runs planned; omitted or equal to the count, it is not shown.
 * @returns The counts.
 */
export function countsText(totals: ManifestTotals, planned?: number): string {
  const of = planned !== undefined && planned !== totals.runs ? ` of ${planned}` : "";
  return `${totals.runs}${of} runs (${statusText(totals)})`;
}

/**
 * `A ok, B failed, C skipped`, leaving out the statuses no run has (but ok); with a hook, its
 * outcomes apart from the engine's: `A ok; hooks: H ok, F failed`.
 */
function statusText(totals: ManifestTotals): string {
  const parts = [`${totals.ok} ok`];
  if (totals.failed) parts.push(`${totals.failed} failed`);
  if (totals.skipped) parts.push(`${totals.skipped} skipped`);
  const hooks = totals.hooksOk + totals.hooksFailed > 0
    ? `; hooks: ${totals.hooksOk} ok${totals.hooksFailed ? `, ${totals.hooksFailed} failed` : ""}`
    : "";
  return parts.join(", ") + hooks;
}

/**
 * The summary line of a sweep-running command. Wall time and run time are both this
 * invocation's (a resume does not add earlier sessions' run time to its own wall time); the
 * counts are the whole manifest's, out of the planned runs when some are still missing.
 *
 * @param s What the invocation did and the manifest afterwards.
 * @param outputDir Where the outputs are.
 * @returns The line.
 *
 * @example
 * ```ts
 * import { summaryLine } from "./summary_line.ts";
 * const totals = { runs: 532, ok: 530, failed: 2, skipped: 0, runTimeS: 80, hooksOk: 0, hooksFailed: 0 };
 * console.log(summaryLine({
 *   totals, planned: 2000, ran: 532, wallS: 41, runTimeS: 80, interrupted: true,
 * }, "/out"));
 * // 532 of 2000 runs (530 ok, 2 failed) in 41.00 s wall (80.00 s of run time) — output: /out
 * ```
 */
export function summaryLine(s: InvocationSummary, outputDir: string): string {
  if (s.ran === 0 && !s.interrupted) {
    return `nothing to run: ${s.totals.runs} of ${s.planned} runs recorded ` +
      `(${statusText(s.totals)}) — output: ${outputDir}`;
  }
  const time = `${s.wallS.toFixed(2)} s wall (${s.runTimeS.toFixed(2)} s of run time)`;
  const counts = countsText(s.totals, s.planned);
  return s.ran === s.totals.runs
    ? `${counts} in ${time} — output: ${outputDir}`
    : `${counts}; this session: ${s.ran} runs in ${time} — output: ${outputDir}`;
}
