/**
 * Converting the GMAT outputs of one run into per-run Parquet files in the run's directory.
 *
 * @module
 */

import { join, resolve } from "node:path";
import type * as arrow from "npm:apache-arrow@21.2.0";
import {
  OutputParseError,
  parseContactReport,
  parseOem,
  parseReportFile,
  parseStk,
  type RunOutput,
} from "../formats/mod.ts";
import { parseSolverReport, parseYukonLog } from "../solvers/mod.ts";
import { contactTable } from "./contact_table.ts";
import { oemTable, stkTable } from "./ephemeris_table.ts";
import { outputKey } from "./output_key.ts";
import { writeParquetFileSync } from "./parquet_io.ts";
import { RUN_FILE_LAYOUT } from "./parquet_layout.ts";
import { reportTable } from "./report_table.ts";
import { solverTable, yukonTable } from "./solver_table.ts";
import { TableError } from "./table_error.ts";

function tableOf(output: RunOutput, text: string): arrow.Table | undefined {
  switch (output.format) {
    case "ReportFile":
      return reportTable(
        parseReportFile(text, output.path, output.columns ? { columns: output.columns } : {}),
        output.path,
        output.name,
      );
    case "DifferentialCorrector": {
      const report = parseSolverReport(text, { path: output.path });
      if (report.iterations.length === 0 && text.includes("Iteration ")) {
        throw new OutputParseError(
          output.path,
          undefined,
          "GMAT wrote iterations but none could be read from the solver log",
        );
      }
      return solverTable(report, output.path, output.name);
    }
    case "Yukon": {
      const log = parseYukonLog(text, output.path);
      if (log.passes.length === 0 && text.includes("Nominal Pass")) {
        throw new OutputParseError(
          output.path,
          undefined,
          "GMAT wrote nominal passes but none could be read from the optimizer log",
        );
      }
      return yukonTable(log, output.path, output.name);
    }
    case "Text":
      return undefined;
    case "CCSDS-OEM":
      return oemTable(parseOem(text, output.path), output.path, output.name);
    case "STK-TimePosVel":
      return stkTable(parseStk(text, output.path), output.path, output.name);
    case "ContactLocator":
      return contactTable(parseContactReport(text, output.path), output.path, output.name);
  }
}

/**
 * Converts each GMAT output of a run to Parquet: `report__<name>.parquet` for ReportFiles,
 * `ephemeris__<name>.parquet` for CCSDS-OEM and STK-TimePosVel ephemerides,
 * `contact__<name>.parquet` for ContactLocator reports, in the layout {@linkcode RUN_FILE_LAYOUT}
 * (chosen for read speed). See `report_table.ts`, `ephemeris_table.ts` and `contact_table.ts` for
 * the columns, types and metadata.
 *
 * @param outputs The outputs the run wrote (`EngineRunResult.outputs`).
 * @param runDir The run's directory (created if missing).
 * @returns Output key (`report__RF`) to the absolute path of its Parquet file, in output order.
 * @throws {TableError} `TABLE_DUPLICATE_OUTPUT` when two outputs share a kind and name (before
 *   anything is written); `TABLE_EPOCH` when an epoch cannot be converted.
 * @throws {OutputParseError} When an output file is malformed.
 *
 * @example Usage
 * ```ts ignore
 * import { runScriptText } from "../engine/mod.ts";
 * import { writeRunOutputs } from "./write_run_outputs.ts";
 *
 * const run = await runScriptText(text, "leo.script", { outputDir: "out/run-0" });
 * const paths = await writeRunOutputs(run.outputs, "out/run-0");
 * // { report__RF: "/abs/out/run-0/report__RF.parquet" }
 * ```
 */
export function writeRunOutputs(
  outputs: readonly RunOutput[],
  runDir: string,
): Record<string, string> {
  const dir = resolve(runDir);
  const keys = outputs.map((o) => outputKey(o.kind, o.name));
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate !== undefined) {
    throw new TableError(
      "TABLE_DUPLICATE_OUTPUT",
      `Two outputs of the run map to ${duplicate}.parquet in ${dir}; ` +
        "give every ReportFile, EphemerisFile and ContactLocator a distinct name",
    );
  }
  // Synchronous file calls: a run's files are small, and in a worker this runs on the engine
  // thread, where each async call would only add a thread-pool round trip.
  if (outputs.length > 0) Deno.mkdirSync(dir, { recursive: true });
  const paths: Record<string, string> = {};
  for (const [i, output] of outputs.entries()) {
    const text = Deno.readTextFileSync(output.path);
    const table = tableOf(output, text);
    if (table === undefined) {
      // Free text is kept as GMAT wrote it: the key names the file itself.
      paths[keys[i]] = resolve(output.path);
      continue;
    }
    if (table.numRows === 0 && output.kind === "report" && hasData(text, output)) {
      throw new OutputParseError(
        output.path,
        undefined,
        "GMAT wrote data to this report, but it parses to no rows",
      );
    }
    const path = join(dir, `${keys[i]}.parquet`);
    writeParquetFileSync(table, path, RUN_FILE_LAYOUT);
    paths[keys[i]] = path;
  }
  return paths;
}

/** Whether a report holds lines besides its header (the first non-blank line, when it has one). */
function hasData(text: string, output: RunOutput): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.length > (output.columns ? 0 : 1);
}
