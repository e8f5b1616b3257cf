/**
 * The table layer of gmat-sweep: each run's GMAT outputs as Parquet files, and every run's files
 * stitched into one Arrow table indexed by `(run_id, time)` (contacts: `(run_id, interval_id)`)
 * with a `__status` column and one marker row per failed, skipped or output-less run.
 *
 * @example Convert a run's outputs, then stitch a sweep
 * ```ts ignore
 * import { stitchRuns, writeRunOutputs } from "./mod.ts";
 *
 * const outputPaths = await writeRunOutputs(run.outputs, "/sweep/run-0");
 * const { table } = await stitchRuns([{ runId: 0, status: "ok", outputPaths }], { kind: "report" });
 * ```
 *
 * @module
 */

export { TableError, type TableErrorCode } from "./table_error.ts";
export { writeRunOutputs } from "./write_run_outputs.ts";
export { outputKey, type OutputKind, outputName } from "./output_key.ts";
export { outputNames } from "./select_name.ts";
export {
  RUN_ID_COLUMN,
  STATUS_COLUMN,
  type StitchAllOptions,
  stitchAllRuns,
  type StitchEntry,
  type StitchOptions,
  type StitchResult,
  stitchRuns,
  stitchToParquet,
} from "./stitch_runs.ts";
export { encodeParquet, readParquet } from "./parquet_io.ts";
export { nsToIso, type RecordsOptions, type TableRecord, tableRecords } from "./records.ts";
export { writeCsv } from "./write_csv.ts";
export type { EntryStatus, MarkerStatus } from "./stitch_plan.ts";
export { type ParquetLayout, RUN_FILE_LAYOUT, STITCHED_FILE_LAYOUT } from "./parquet_layout.ts";
export { reportTable, TIME_COLUMN } from "./report_table.ts";
export { oemTable, stkTable } from "./ephemeris_table.ts";
export { contactTable, INTERVAL_ID_COLUMN } from "./contact_table.ts";
export { EPOCH_FORMAT_KEY, EPOCH_SCALE_KEY, TIME_SOURCE_KEY, UNIT_KEY } from "./_arrow_build.ts";
export { CENTRAL_BODY_KEY, FRAME_KEY } from "./ephemeris_table.ts";
export { PANDAS_METADATA_KEY, type PandasMetadata } from "./pandas_metadata.ts";
export {
  type ExtraOutputEntry,
  type ExtraOutputsOptions,
  extraOutputsTable,
} from "./extra_outputs.ts";
export { solverTable, yukonTable } from "./solver_table.ts";
export { solverConvergenceTable } from "./solver_convergence.ts";
