/**
 * Reading explicit rows from a `.csv` or `.parquet` file (the Python tool's `explicit --samples`,
 * which used pandas `read_csv` / `read_parquet`).
 *
 * CSV: the first row names the columns (dotted paths). Blank lines are skipped and a UTF-8 BOM is
 * ignored. Cell types are decided per column as pandas does: a column whose every cell is an
 * integer (`int()`) holds integers, else one whose every cell is a number (`float()`) holds
 * numbers, else one whose every cell is `True`/`False` (also `TRUE`, `true`, ...) holds booleans,
 * else every cell stays a string, verbatim. Empty cells and pandas' NA spellings (`NA`, `NaN`,
 * `null`, `N/A`, `None`, ...) are missing values: a column missing everywhere is refused (as
 * upstream), and so is a single missing cell, naming its file line and column. Duplicate column
 * names are refused (pandas silently renamed them `name.1`).
 *
 * Parquet (parquet-wasm and apache-arrow, loaded on first use so that importing run sets costs
 * nothing): numeric columns (floats, integers) give numbers (64-bit integers must fit in 2^53),
 * string columns (plain or dictionary-encoded) give strings, boolean columns give booleans; nulls
 * and NaN are missing values (refused as above); other column types are refused.
 *
 * @module
 */

import type { Field } from "npm:apache-arrow@21.2.0";
import { parse } from "npm:csv-parse@7.0.3/sync";
import type { OverrideValueJson } from "../runs/mod.ts";
import { parsePythonFloat, parsePythonInt } from "./coerce.ts";
import { RunSetError } from "./errors.ts";
import { buildExplicitRunSet, type ExplicitRunSet } from "./explicit.ts";

/** pandas' default NA strings (`pandas._libs.parsers.STR_NA_VALUES`). */
const NA_STRINGS = new Set([
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
]);
const TRUE_STRINGS = new Set(["True", "TRUE", "true"]);
const FALSE_STRINGS = new Set(["False", "FALSE", "false"]);

/**
 * Read explicit rows from a `.csv` or `.parquet` file into a run set.
 *
 * @param path The file path.
 * @returns The explicit run set.
 * @throws {RunSetError} for an unsupported suffix, an unreadable or malformed file, or rows that
 * fail the explicit-rows checks (messages name the file, line or row, and column).
 *
 * @example
 * ```ts ignore
 * import { readExplicitRows } from "./read_explicit.ts";
 * const set = await readExplicitRows("samples.csv");
 * console.log(set.size);
 * ```
 */
export async function readExplicitRows(path: string): Promise<ExplicitRunSet> {
  const lower = path.toLowerCase();
  if (!lower.endsWith(".csv") && !lower.endsWith(".parquet")) {
    throw new RunSetError(
      `explicit rows file '${path}' has an unsupported suffix: use .csv or .parquet`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (e) {
    throw new RunSetError(
      `cannot read explicit rows file '${path}': ${(e as Error).message}`,
      { cause: e },
    );
  }
  return lower.endsWith(".csv")
    ? explicitRowsFromCsv(bytes, path)
    : await explicitRowsFromParquet(bytes, path);
}

/**
 * Explicit rows from CSV bytes (see the module comment for the typing rules).
 *
 * @param bytes The file contents (UTF-8).
 * @param path The file name, for messages.
 * @returns The run set.
 */
export function explicitRowsFromCsv(bytes: Uint8Array, path: string): ExplicitRunSet {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (e) {
    throw new RunSetError(`explicit rows file '${path}' is not UTF-8 text`, { cause: e });
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records;
  } catch (e) {
    throw new RunSetError(
      `explicit rows file '${path}' is not valid CSV: ${(e as Error).message}`,
      { cause: e },
    );
  }
  if (records.length === 0) {
    throw new RunSetError(
      `explicit rows file '${path}' is empty: the first row must name the columns`,
    );
  }
  const header = records[0].record;
  header.forEach((name, j) => {
    if (name.trim() === "") {
      throw new RunSetError(
        `explicit rows file '${path}': column ${j + 1} of the header has no name: name it ` +
          "with a dotted path like 'Sat.SMA'",
      );
    }
  });
  const body = records.slice(1);
  const lines = body.map((r) => r.info.lines);
  const raw = body.map((r) => r.record);
  const columns = header.map((_, j) => typeColumn(raw.map((row) => row[j])));
  const rows = raw.map((_, i) => columns.map((col) => col[i]));
  return buildExplicitRunSet(header, rows, (i) => `'${path}' line ${lines[i]}`);
}

/** Type one CSV column as pandas would: int, float, bool, or strings; NA cells become null. */
function typeColumn(cells: readonly (string | undefined)[]): (OverrideValueJson | null)[] {
  const present = cells.filter((c): c is string => c !== undefined && !NA_STRINGS.has(c));
  const asNull = (c: string | undefined) => c === undefined || NA_STRINGS.has(c);
  if (present.every((c) => parsePythonInt(c) !== undefined)) {
    return cells.map((c) => asNull(c) ? null : parsePythonInt(c!)!);
  }
  if (present.every((c) => parsePythonFloat(c) !== undefined)) {
    return cells.map((c) => asNull(c) ? null : parsePythonFloat(c!)!);
  }
  if (present.every((c) => TRUE_STRINGS.has(c) || FALSE_STRINGS.has(c))) {
    return cells.map((c) => asNull(c) ? null : TRUE_STRINGS.has(c!));
  }
  return cells.map((c) => asNull(c) ? null : c!);
}

/**
 * Explicit rows from Parquet bytes (see the module comment for the column types).
 *
 * @param bytes The file contents.
 * @param path The file name, for messages.
 * @returns The run set.
 */
export async function explicitRowsFromParquet(
  bytes: Uint8Array,
  path: string,
): Promise<ExplicitRunSet> {
  const [{ readParquet }, arrow] = await Promise.all([
    import("npm:parquet-wasm@0.8.0"),
    import("npm:apache-arrow@21.2.0"),
  ]);
  let table;
  try {
    const wasmTable = readParquet(bytes);
    table = arrow.tableFromIPC(wasmTable.intoIPCStream());
  } catch (e) {
    throw new RunSetError(
      `explicit rows file '${path}' is not a readable Parquet file: ${String(e)}`,
      { cause: e },
    );
  }
  const fields = table.schema.fields;
  const columns = fields.map((field: Field, j: number) => {
    const vector = table.getChildAt(j)!;
    const convert = cellConverter(arrow.DataType, field, path);
    const out: (OverrideValueJson | null)[] = [];
    for (let i = 0; i < table.numRows; i++) out.push(convert(vector.get(i), i));
    return out;
  });
  const rows = Array.from({ length: table.numRows }, (_, i) => columns.map((col) => col[i]));
  return buildExplicitRunSet(
    fields.map((f: Field) => f.name),
    rows,
    (i) => `'${path}' row ${i}`,
  );
}

function cellConverter(
  DataType: typeof import("npm:apache-arrow@21.2.0").DataType,
  field: Field,
  path: string,
): (value: unknown, row: number) => OverrideValueJson | null {
  const type = field.type;
  if (DataType.isFloat(type)) {
    return (v) => (v === null || v === undefined ? null : Number(v));
  }
  if (DataType.isInt(type)) {
    return (v, row) => {
      if (v === null || v === undefined) return null;
      if (typeof v === "bigint") {
        const n = Number(v);
        if (!Number.isSafeInteger(n)) {
          throw new RunSetError(
            `'${path}' row ${row} column '${field.name}': ${v} does not fit in 2^53: ` +
              "store it as a float or a string",
          );
        }
        return n;
      }
      return Number(v);
    };
  }
  if (DataType.isBool(type)) {
    return (v) => (v === null || v === undefined ? null : Boolean(v));
  }
  const isString = DataType.isUtf8(type) || DataType.isLargeUtf8(type) ||
    (DataType.isDictionary(type) &&
      (DataType.isUtf8(type.dictionary) || DataType.isLargeUtf8(type.dictionary)));
  if (isString) {
    return (v) => (v === null || v === undefined ? null : String(v));
  }
  throw new RunSetError(
    `explicit rows file '${path}': column '${field.name}' has type ${String(type)}: only ` +
      "numbers, strings and booleans can be overrides; convert the column",
  );
}
