/**
 * Tables of hook outputs (`extra_outputs`): one key (e.g. `orbit_metrics`) across all runs of a
 * sweep, keyed by run_id, read from the files the manifest registers (never by globbing the run
 * directories, so stale files of earlier attempts are invisible).
 *
 * Every row of a registered file becomes a row with its run's `run_id`; a run that did not
 * register the key (failed, skipped, its hook failed, or the hook returned other keys) gives one
 * marker row of nulls. `__status` is the run's status and `__postprocess_status` the hook's, so a
 * hook bug is never mistaken for an engine failure; `__postprocess` and `__postprocess_sha256`
 * name the hook that wrote each row and the hash of its module graph (null in older manifests),
 * so rows of two versions of a hook (a `rehook` of some runs) are told apart. A registered file that is missing, unreadable
 * or not the file the manifest recorded (size and SHA-256, when entries carry `outputDigests`)
 * gives one marker row whose `__status` is `output_missing` or `output_damaged`, and a warning.
 * No run registering the key at all is an error naming the key and the keys that exist.
 *
 * @module
 */

import * as arrow from "npm:apache-arrow@21.2.0";
import { createHash } from "node:crypto";
import type { FileDigest, PostprocessStatus, RunStatus } from "../runs/mod.ts";
import { displayTable } from "../display/mod.ts";
import { readParquet } from "./parquet_io.ts";
import { TableError } from "./table_error.ts";

/** What an extra-outputs table is built from: one run's record. */
export interface ExtraOutputEntry {
  /** The run id. */
  readonly runId: number;
  /** The run's status (the table's `__status`). */
  readonly status: RunStatus;
  /** The status of the run's hook (the table's `__postprocess_status`). */
  readonly postprocessStatus: PostprocessStatus;
  /** Hook output name to absolute path. */
  readonly extraOutputs: Readonly<Record<string, string>>;
  /** The hook that ran on the run (its specifier), when recorded. */
  readonly postprocess?: string | null;
  /** SHA-256 of that hook's module graph, when recorded. */
  readonly postprocessSha256?: string | null;
  /** Recorded size and SHA-256 of files, by absolute path (a manifest's `output_digests`). */
  readonly outputDigests?: Readonly<Record<string, FileDigest>>;
}

/** Options of {@link extraOutputsTable}. */
export interface ExtraOutputsOptions {
  /** Called with each warning (a file that is missing or damaged). */
  readonly onWarning?: (message: string) => void;
}

/** A registered file's table, or why it cannot be used. */
async function readRegistered(
  path: string,
  digest: FileDigest | undefined,
): Promise<{ table: arrow.Table } | { status: "output_missing" | "output_damaged"; why: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (e) {
    return e instanceof Deno.errors.NotFound
      ? { status: "output_missing", why: "is missing" }
      : { status: "output_damaged", why: `cannot be read (${(e as Error).message})` };
  }
  if (digest !== undefined) {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (bytes.length !== digest.size || sha256 !== digest.sha256) {
      return { status: "output_damaged", why: "is not the file the manifest recorded" };
    }
  }
  try {
    return { table: await readParquet(bytes) };
  } catch (e) {
    return { status: "output_damaged", why: `cannot be decoded (${(e as Error).message})` };
  }
}

type Cell = number | bigint | string | boolean | null;

/**
 * Build the run_id-keyed table of one hook output.
 *
 * @param entries The runs (last attempt per run), in any order.
 * @param key The hook output name.
 * @param options A warning callback (files that are missing or damaged).
 * @returns An Arrow table: `run_id`, the file's columns, `__status`, `__postprocess_status`,
 *   `__postprocess`, `__postprocess_sha256`, sorted by run_id (rows of one run keep their file order).
 * @throws {TableError} `TABLE_UNKNOWN_NAME` when no run registered `key`.
 */
export async function extraOutputsTable(
  entries: readonly ExtraOutputEntry[],
  key: string,
  options: ExtraOutputsOptions = {},
): Promise<arrow.Table> {
  const sorted = [...entries].sort((a, b) => a.runId - b.runId);
  if (!sorted.some((e) => key in e.extraOutputs)) {
    const known = [...new Set(sorted.flatMap((e) => Object.keys(e.extraOutputs)))].sort();
    throw new TableError(
      "TABLE_UNKNOWN_NAME",
      `No run registered the hook output '${key}'` +
        (known.length ? `; registered outputs: ${known.join(", ")}` : "; no run registered any") +
        ". Check the key your hook returns, and the runs' postprocess_status",
    );
  }
  const columns = new Map<string, Cell[]>();
  const order: string[] = [];
  const runIds: number[] = [];
  const status: string[] = [];
  const hookStatus: string[] = [];
  const hookSpec: (string | null)[] = [];
  const hookSha: (string | null)[] = [];
  let rows = 0;
  const pad = (name: string): Cell[] => {
    let col = columns.get(name);
    if (!col) {
      col = new Array(rows).fill(null);
      columns.set(name, col);
      order.push(name);
    }
    return col;
  };
  for (const e of sorted) {
    const path = e.extraOutputs[key];
    let table: arrow.Table | undefined;
    let rowStatus: string = e.status;
    if (path !== undefined) {
      const read = await readRegistered(path, e.outputDigests?.[path]);
      if ("table" in read) table = read.table;
      else {
        rowStatus = read.status;
        options.onWarning?.(
          `Run ${e.runId}: hook output ${key} file ${path} ${read.why}; the run is a marker ` +
            `row (${read.status})`,
        );
      }
    }
    const n = table && table.numRows > 0 ? table.numRows : 1;
    for (const f of table?.schema.fields ?? []) pad(f.name);
    for (let i = 0; i < n; i++) {
      runIds.push(e.runId);
      status.push(rowStatus);
      hookStatus.push(e.postprocessStatus);
      hookSpec.push(e.postprocessStatus === "none" ? null : e.postprocess ?? null);
      hookSha.push(e.postprocessStatus === "none" ? null : e.postprocessSha256 ?? null);
    }
    for (const name of order) {
      const col = columns.get(name)!;
      const vec = table?.getChild(name);
      for (let i = 0; i < n; i++) {
        col.push(vec && table!.numRows > 0 ? (vec.get(i) as Cell) ?? null : null);
      }
    }
    rows += n;
  }
  const vectors: Record<string, arrow.Vector> = {
    run_id: arrow.vectorFromArray(BigInt64Array.from(runIds, (x) => BigInt(x))),
  };
  for (const name of order) vectors[name] = toVector(columns.get(name)!);
  vectors.__status = arrow.vectorFromArray(status, new arrow.Utf8());
  vectors.__postprocess_status = arrow.vectorFromArray(hookStatus, new arrow.Utf8());
  vectors.__postprocess = arrow.vectorFromArray(hookSpec, new arrow.Utf8());
  vectors.__postprocess_sha256 = arrow.vectorFromArray(hookSha, new arrow.Utf8());
  return displayTable(new arrow.Table(vectors), { title: `hook output ${key}` });
}

function toVector(cells: Cell[]): arrow.Vector {
  const present = cells.filter((c) => c !== null);
  if (present.every((c) => typeof c === "number")) {
    return arrow.vectorFromArray(cells as (number | null)[], new arrow.Float64());
  }
  if (present.every((c) => typeof c === "bigint")) {
    return arrow.vectorFromArray(cells as (bigint | null)[], new arrow.Int64());
  }
  if (present.every((c) => typeof c === "boolean")) {
    return arrow.vectorFromArray(cells as (boolean | null)[], new arrow.Bool());
  }
  if (present.every((c) => typeof c === "number" || typeof c === "bigint")) {
    return arrow.vectorFromArray(
      cells.map((c) => (c === null ? null : Number(c))),
      new arrow.Float64(),
    );
  }
  return arrow.vectorFromArray(
    cells.map((c) => (c === null ? null : String(c))),
    new arrow.Utf8(),
  );
}
