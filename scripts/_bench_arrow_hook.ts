/**
 * The acceptance story's hook written against apache-arrow and parquet-wasm, as every hook worker
 * ran it before the hook helpers read and wrote gmat-sweep's own layout without them: the
 * reference `bench_hooks.ts` measures the helpers against, in the same run.
 *
 * @module
 */

import { join } from "node:path";
import * as arrow from "apache-arrow";
import { type Hook, readParquetTable, writeParquet } from "../hook.ts";

/** Derive |r| statistics of one run through apache-arrow; returns `{ orbit_metrics: <path> }`. */
export const deriveOrbitMetrics: Hook = async (spec, outcome) => {
  const report = await readParquetTable(outcome.outputPaths["report__RF"]);
  const axis = (name: string) =>
    report.getChild(`Sat.EarthMJ2000Eq.${name}`)!.toArray() as Float64Array;
  const [x, y, z] = [axis("X"), axis("Y"), axis("Z")];
  const radius = Array.from(x, (_, i) => Math.hypot(x[i], y[i], z[i]));
  const path = join(spec.outputDir, "orbit_metrics.parquet");
  await writeParquet(
    arrow.tableFromArrays({
      final_radius_km: Float64Array.of(radius[radius.length - 1]),
      radius_span_km: Float64Array.of(Math.max(...radius) - Math.min(...radius)),
    }),
    path,
  );
  console.log(`run ${spec.runId}: ${radius.length} rows, final |r| ${radius.at(-1)} km`);
  return { orbit_metrics: path };
};
