/**
 * The convergence table of a sweep's solver runs: from the stitched `solver` table (one row per
 * nominal pass, keyed by `(run_id, iteration)`), one row per run: `run_id`, `iterations` (the
 * nominal passes GMAT logged), `status` (the last pass's `converged`, `max_iter`, `failed` or
 * `initial_guess`; for a run without a solver log its `__status`, e.g. `failed`) and `converged`
 * (null when the run has no log).
 *
 * @module
 */

import * as arrow from "npm:apache-arrow@21.2.0";
import { RUN_ID_COLUMN, STATUS_COLUMN } from "./stitch_runs.ts";

/**
 * Summarise a stitched solver table per run.
 *
 * @param stitched The table `stitchRuns(entries, { kind: "solver" })` returns.
 * @returns One row per run id, in run id order.
 *
 * @example
 * ```ts ignore
 * const runs = await sweep.toTable({ kind: "solver", name: "DC" });
 * const summary = solverConvergenceTable(runs); // run_id, iterations, status, converged
 * ```
 */
export function solverConvergenceTable(stitched: arrow.Table): arrow.Table {
  const runIds = stitched.getChild(RUN_ID_COLUMN);
  const iteration = stitched.getChild("iteration");
  const status = stitched.getChild("status");
  const converged = stitched.getChild("converged");
  const rowStatus = stitched.getChild(STATUS_COLUMN);
  const runs = new Map<
    bigint,
    { iterations: number; status: string; converged: boolean | null; last: bigint }
  >();
  for (let i = 0; i < stitched.numRows; i++) {
    const id = BigInt(runIds?.get(i) ?? -1);
    const ok = rowStatus?.get(i) === "ok";
    const it = ok ? iteration?.get(i) as bigint | null : null;
    const seen = runs.get(id);
    if (!ok || it === null || it === undefined) {
      if (!seen) {
        runs.set(id, {
          iterations: 0,
          status: String(rowStatus?.get(i) ?? "missing"),
          converged: null,
          last: -1n,
        });
      }
      continue;
    }
    const entry = seen ?? { iterations: 0, status: "", converged: null, last: -1n };
    entry.iterations++;
    if (BigInt(it) >= entry.last) {
      entry.last = BigInt(it);
      entry.status = String(status?.get(i) ?? "");
      const c = converged?.get(i);
      entry.converged = c === null || c === undefined ? null : Number(c) === 1;
    }
    runs.set(id, entry);
  }
  const ids = [...runs.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = ids.map((id) => runs.get(id)!);
  return new arrow.Table({
    [RUN_ID_COLUMN]: arrow.vectorFromArray(ids, new arrow.Int64()),
    iterations: arrow.vectorFromArray(rows.map((r) => BigInt(r.iterations)), new arrow.Int64()),
    status: arrow.vectorFromArray(rows.map((r) => r.status), new arrow.Utf8()),
    converged: arrow.vectorFromArray(rows.map((r) => r.converged), new arrow.Bool()),
  });
}
