/**
 * The acceptance story's postprocess hook: after each ok run it reads the run's ReportFile
 * Parquet, computes the orbital radius |r| at each row (GMAT did not report it), and writes a
 * one-row Parquet with two derived scalars, `final_radius_km` and `radius_span_km`.
 *
 * Use it as `--postprocess ./examples/downstream_pipeline.ts#deriveOrbitMetrics`.
 *
 * @module
 */

import { join } from "node:path";
import { type Hook, readRunParquet, writeParquet } from "../hook.ts";

/** Derive |r| statistics of one run; returns `{ orbit_metrics: <path> }`. */
export const deriveOrbitMetrics: Hook = async (spec, outcome) => {
  const report = await readRunParquet(outcome.outputPaths["report__RF"]);
  const axis = (name: string) =>
    report.getChild(`Sat.EarthMJ2000Eq.${name}`)!.toArray() as Float64Array;
  const [x, y, z] = [axis("X"), axis("Y"), axis("Z")];
  const radius = Array.from(x, (_, i) => Math.hypot(x[i], y[i], z[i]));
  const path = join(spec.outputDir, "orbit_metrics.parquet");
  await writeParquet([{
    final_radius_km: radius[radius.length - 1],
    radius_span_km: Math.max(...radius) - Math.min(...radius),
  }], path);
  console.log(`run ${spec.runId}: ${radius.length} rows, final |r| ${radius.at(-1)} km`);
  return { orbit_metrics: path };
};
