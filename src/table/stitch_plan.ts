/**
 * The first pass of a stitch: from the entries and each file's footer alone, decide which runs
 * bring data (and how many rows, at which row of the final table) and which become marker rows.
 *
 * Entries are ordered by run id (stable), so the stitched table does not depend on completion
 * order. A failed or skipped entry, an ok entry without the output, and an ok entry whose file is
 * missing, unreadable, empty or lacks the index column (a timestamp `time`; for contacts an
 * integer `interval_id`) become one marker row each. The marker of a failed or skipped entry, or
 * of an empty file, carries the entry's status; an ok entry whose file is missing is
 * `output_missing`, one whose file is unreadable, index-less or not the size the manifest
 * recorded is `output_damaged` (each also a warning): an ok status never stands for data that is
 * not there. An empty file's schema does not join the union (its column types are unknown: a
 * header-only ReportFile types every column as text). Only footers are read: a few kilobytes per
 * file.
 *
 * @module
 */

import * as arrow from "npm:apache-arrow@21.2.0";
import type { FileDigest } from "../runs/mod.ts";
import { valueClassOf } from "./column_sink.ts";
import { type ParquetFooter, type PlainChunk, readParquetFooter } from "./parquet_footer.ts";
import { schemaOfFooter } from "./parquet_io.ts";
import { TIME_COLUMN } from "./report_table.ts";

/** A run's status, as the stitcher sees it. */
export type EntryStatus = "ok" | "failed" | "skipped";

/**
 * The `__status` of a marker row: the entry's status, or for an ok run whose output cannot be
 * used, `output_missing` (the file is not there) or `output_damaged` (unreadable, not a table
 * of the kind, or not the file the manifest recorded).
 */
export type MarkerStatus = EntryStatus | "output_missing" | "output_damaged";

/** A run that brings a file's rows. */
export interface DataItem {
  readonly kind: "data";
  readonly runId: number;
  /** The file. */
  readonly path: string;
  /** Its size in bytes. */
  readonly size: number;
  /** Its row count (from the footer). */
  readonly rows: number;
  /** Identifies its schema in {@linkcode StitchPlan.schemas}. */
  readonly schemaKey: string;
  /** Its column chunks when they can be copied without the WASM codec. */
  readonly plain: readonly PlainChunk[] | undefined;
  /** First row of the final table it fills. */
  readonly at: number;
  /** The SHA-256 the manifest recorded for the file, checked when it is read. */
  readonly sha256: string | undefined;
}

/** A run that becomes one marker row. */
export interface MarkerItem {
  readonly kind: "marker";
  readonly runId: number;
  readonly status: MarkerStatus;
  /** The row of the final table it fills. */
  readonly at: number;
  /** Rows reserved for it (more than 1 when a file failed after its rows were planned). */
  readonly span?: number;
}

/** One run of the plan. */
export type StitchItem = DataItem | MarkerItem;

/** A distinct schema among the files. */
export interface FileSchema {
  /** The Arrow schema the file decodes to. */
  readonly schema: arrow.Schema;
  /** Why files of this schema cannot be stitched, if they cannot. */
  readonly problem: string | undefined;
}

/** The plan of a stitch. */
export interface StitchPlan {
  /** Runs in final order. */
  readonly items: readonly StitchItem[];
  /** Distinct schemas by key. */
  readonly schemas: ReadonlyMap<string, FileSchema>;
  /** The schemas of the data items, in order of first use. */
  readonly used: readonly arrow.Schema[];
  /** Rows of the final table. */
  readonly length: number;
}

/** The part of an entry the plan needs. */
export interface PlanEntry {
  readonly runId: number;
  readonly status: EntryStatus;
  readonly outputPaths: Readonly<Record<string, string>>;
  /** Recorded size and SHA-256 of files, by absolute path (from the manifest). */
  readonly outputDigests?: Readonly<Record<string, FileDigest>>;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The secondary index column every file must have: its name and value class. */
export interface IndexColumn {
  readonly name: string;
  readonly cls: "timestamp" | "int";
}

/** The secondary index of reports and ephemerides: a timestamp `time` column. */
export const TIME_INDEX: IndexColumn = { name: TIME_COLUMN, cls: "timestamp" };

function fileSchema(footer: ParquetFooter, index: IndexColumn): FileSchema {
  let schema: arrow.Schema;
  try {
    schema = schemaOfFooter(footer.footerFile);
  } catch (e) {
    return { schema: new arrow.Schema([]), problem: `has an unreadable schema (${message(e)})` };
  }
  const field = schema.fields.find((f) => f.name === index.name);
  const problem = field === undefined
    ? `has no '${index.name}' column`
    : valueClassOf(field.type) !== index.cls
    ? `has a '${index.name}' column of type ${field.type}, not ${
      index.cls === "int" ? "an integer" : "a timestamp"
    }`
    : undefined;
  return { schema, problem };
}

/** Whether an Arrow type is what a plain chunk of that physical type holds. */
function plainMatches(type: arrow.DataType, chunk: PlainChunk): boolean {
  switch (chunk.physicalType) {
    case "DOUBLE":
      return arrow.DataType.isFloat(type) && type.precision === arrow.Precision.DOUBLE;
    case "FLOAT":
      return arrow.DataType.isFloat(type) && type.precision === arrow.Precision.SINGLE;
    case "INT64":
      return arrow.DataType.isTimestamp(type) ||
        (arrow.DataType.isInt(type) && type.isSigned && type.bitWidth === 64);
    case "INT32":
      return arrow.DataType.isInt(type) && type.isSigned && type.bitWidth === 32;
  }
}

function plainChunksOf(footer: ParquetFooter, schema: arrow.Schema): PlainChunk[] | undefined {
  const chunks = footer.plainChunks;
  if (chunks === undefined || chunks.length !== schema.fields.length) return undefined;
  const ok = chunks.every((c, i) =>
    c.name === schema.fields[i].name && plainMatches(schema.fields[i].type, c)
  );
  return ok ? [...chunks] : undefined;
}

/**
 * Plans a stitch (pass 1).
 *
 * @param entries The runs, any order.
 * @param key The output key to stitch (`report__RF`), or undefined when no run has one.
 * @param warn Receives a warning per file that cannot be used.
 * @param index The secondary index column files must have (default `time`, a timestamp).
 * @returns The plan.
 */
export function planStitch(
  entries: readonly PlanEntry[],
  key: string | undefined,
  warn: (message: string) => void,
  index: IndexColumn = TIME_INDEX,
): StitchPlan {
  const sorted = [...entries].sort((a, b) => a.runId - b.runId);
  const schemas = new Map<string, FileSchema>();
  const used = new Map<string, arrow.Schema>();
  const items: StitchItem[] = [];
  let at = 0;
  const marker = (runId: number, status: MarkerStatus): void => {
    items.push({ kind: "marker", runId, status, at });
    at += 1;
  };
  for (const entry of sorted) {
    const path = key === undefined ? undefined : entry.outputPaths[key];
    if (entry.status !== "ok" || path === undefined) {
      marker(entry.runId, entry.status);
      continue;
    }
    let footer: ParquetFooter;
    try {
      footer = readParquetFooter(path);
    } catch (e) {
      const missing = e instanceof Deno.errors.NotFound;
      warn(
        missing
          ? `Run ${entry.runId}: ${key} file ${path} is missing; the run is a marker row ` +
            `(output_missing)`
          : `Run ${entry.runId}: cannot read ${path} (${message(e)}); the run is a marker row ` +
            `(output_damaged)`,
      );
      marker(entry.runId, missing ? "output_missing" : "output_damaged");
      continue;
    }
    const digest = entry.outputDigests?.[path];
    if (digest !== undefined && digest.size !== footer.fileSize) {
      warn(
        `Run ${entry.runId}: ${path} has ${footer.fileSize} bytes, the manifest recorded ` +
          `${digest.size} (truncated or replaced); the run is a marker row (output_damaged)`,
      );
      marker(entry.runId, "output_damaged");
      continue;
    }
    let info = schemas.get(footer.schemaKey);
    if (info === undefined) {
      info = fileSchema(footer, index);
      schemas.set(footer.schemaKey, info);
    }
    if (info.problem !== undefined) {
      warn(
        `Run ${entry.runId}: ${path} ${info.problem}; the run is a marker row (output_damaged)`,
      );
      marker(entry.runId, "output_damaged");
      continue;
    }
    if (footer.numRows === 0) {
      marker(entry.runId, entry.status);
      continue;
    }
    if (!used.has(footer.schemaKey)) used.set(footer.schemaKey, info.schema);
    items.push({
      kind: "data",
      runId: entry.runId,
      path,
      size: footer.fileSize,
      rows: footer.numRows,
      schemaKey: footer.schemaKey,
      plain: plainChunksOf(footer, info.schema),
      at,
      sha256: digest?.sha256,
    });
    at += footer.numRows;
  }
  return { items, schemas, used: [...used.values()], length: at };
}
