/**
 * `gmat-sweep table MANIFEST --out x.parquet|x.csv`: a sweep's stitched table (one output of
 * every run, keyed by run_id) or a hook output's table, written as Parquet (Arrow's types kept
 * for pandas and Polars) or CSV (run_id a number, timestamps exact ISO text).
 *
 * The file is written beside its destination and renamed into place, so an interrupted or failed
 * write never leaves a partial table under the asked name.
 *
 * @module
 */

import type { Table } from "npm:apache-arrow@21.2.0";
import { dirname, extname, resolve } from "node:path";
import { GmatSweepError } from "../errors/mod.ts";
import { asStorageError } from "../errors/storage_error.ts";
import { lazyExtraOutputs, readOutcomes } from "../sweep/mod.ts";
import {
  encodeParquet,
  type OutputKind,
  outputNames,
  STITCHED_FILE_LAYOUT,
  stitchRuns,
  writeCsv,
} from "../table/mod.ts";
import { ExitError } from "./exit_error.ts";
import { parseCommand } from "./parse_command.ts";
import type { CliIo } from "./sweep_commands.ts";

/** Help of the table command. */
export const TABLE_HELP = `gmat-sweep table: write a sweep's table to a Parquet or CSV file

Usage:
  gmat-sweep table MANIFEST --out FILE.parquet|FILE.csv [options]

What is written:
  (default)           the stitched report: every row of every run's ReportFile, with run_id,
                      plus one marker row for each run without output (__status says why)
  --kind KIND         report (default), ephemeris or contact
  --name NAME         which ReportFile/EphemerisFile/ContactLocator, when the script has several
                      (without it, the error lists the names there are)
  --extra KEY         a hook output (extra_outputs key) instead, keyed by run_id

Options:
  --out FILE          the file to write (required); its extension picks the format
  --format FMT        parquet or csv (overrides the extension)
  --output-dir DIR    directory holding run-<id>/ (default: the manifest's directory)
  -h, --help          this help
Parquet keeps run_id as Int64 and epochs as timestamp[ns] (pandas and Polars read them as
such); CSV has run_id as an integer and epochs as ISO 8601 text with nanoseconds.
Exit codes: 0 written, 1 error, 2 bad input (unknown name or key), 3 manifest problem.

Examples:
  gmat-sweep table sweeps/sma/manifest.jsonl --out sma.parquet
  gmat-sweep table sweeps/sma/manifest.jsonl --kind ephemeris --out states.csv
  gmat-sweep table sweeps/h/manifest.jsonl --extra orbit_metrics --out metrics.csv
`;

const FORMATS = ["parquet", "csv"] as const;
type Format = typeof FORMATS[number];
const KINDS = ["report", "ephemeris", "contact"] as const;

/** Codes of the layers below that mean the user asked for something that is not there. */
const BAD_INPUT_CODES: ReadonlySet<string> = new Set(["TABLE_NAME_REQUIRED", "TABLE_UNKNOWN_NAME"]);

function chooseFormat(out: string, format: string | undefined): Format {
  if (format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new ExitError(2, `--format ${format}: choose parquet or csv`);
    }
    return format as Format;
  }
  const ext = extname(out).toLowerCase();
  if (ext === ".parquet" || ext === ".pq") return "parquet";
  if (ext === ".csv") return "csv";
  throw new ExitError(
    2,
    `--out ${out}: the extension does not say the format; name it .parquet or .csv, or add ` +
      `--format parquet|csv`,
  );
}

/**
 * The stitched table of one output, refusing (exit 2, with the names there are) what the library
 * would answer with marker rows only: a kind that no ok run wrote.
 */
async function stitched(
  manifest: string,
  kind: OutputKind,
  name: string | undefined,
  options: { outputDir?: string; onWarning: (m: string) => void },
): Promise<Table> {
  const entries = await readOutcomes(manifest, options);
  const names = outputNames(entries, kind);
  if (names.length === 0 && entries.some((e) => e.status === "ok")) {
    const present = KINDS.filter((k) => outputNames(entries, k).length > 0)
      .map((k) => `--kind ${k} (${outputNames(entries, k).join(", ")})`);
    throw new ExitError(
      2,
      `no ok run wrote ${kind === "report" ? "a" : "an"} ${kind} output; ` +
        (present.length > 0 ? `the runs have ${present.join("; ")}` : "the runs wrote no outputs"),
    );
  }
  if (name === undefined && names.length > 1) {
    throw new ExitError(
      2,
      `the runs have ${names.length} ${kind} outputs: give --name with one of ${names.join(", ")}`,
    );
  }
  return stitchRuns(entries, { kind, name, onWarning: options.onWarning }).table;
}

/**
 * Run the table command.
 *
 * @param args The arguments after `table`.
 * @param io Printing sinks.
 * @returns 0 when the file is written.
 * @throws {ExitError} 2 for bad input (the message names the output and lists those there are);
 *   manifest errors propagate (exit 3).
 */
export async function tableCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, {
    out: { type: "string" },
    format: { type: "string" },
    kind: { type: "string" },
    name: { type: "string" },
    extra: { type: "string" },
    "output-dir": { type: "string" },
    help: { type: "boolean", short: "h" },
  }, "table");
  const v = parsed.values;
  if (v.help) {
    io.print(TABLE_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    throw new ExitError(2, "expected one MANIFEST", "table");
  }
  const [manifest] = parsed.positionals;
  if (v.out === undefined) throw new ExitError(2, "--out FILE.parquet|FILE.csv is required");
  const format = chooseFormat(v.out, v.format);
  const kind = v.kind ?? "report";
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new ExitError(2, `--kind ${kind}: choose report, ephemeris or contact`);
  }
  if (v.extra !== undefined && (v.kind !== undefined || v.name !== undefined)) {
    throw new ExitError(2, "--extra KEY selects a hook output: give it without --kind or --name");
  }
  const options = { outputDir: v["output-dir"], onWarning: (m: string) => io.error(m) };
  let table;
  try {
    table = v.extra !== undefined
      ? await lazyExtraOutputs(manifest, v.extra, options)
      : await stitched(manifest, kind as OutputKind, v.name, options);
  } catch (e) {
    if (e instanceof GmatSweepError && BAD_INPUT_CODES.has(e.code)) {
      throw new ExitError(2, e.message);
    }
    throw e;
  }
  const out = resolve(v.out);
  await Deno.mkdir(dirname(out), { recursive: true });
  const partial = `${out}.partial-${Deno.pid}`;
  try {
    if (format === "parquet") {
      await Deno.writeFile(partial, encodeParquet(table, STITCHED_FILE_LAYOUT));
    } else await writeCsv(table, partial);
    await Deno.rename(partial, out);
  } catch (e) {
    await Deno.remove(partial).catch(() => {});
    throw asStorageError(e, out, "cannot write the table to");
  }
  io.print(`wrote ${v.out} (${format}, ${table.numRows} rows, ${table.numCols} columns)`);
  return 0;
}
