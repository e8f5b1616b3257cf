/**
 * Helpers for the table tests: sweeps of leo_basic on the built-in engine, synthetic per-run
 * Parquet files, and column access by name.
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import * as arrow from "apache-arrow";
import { runScriptText } from "../../src/engine/mod.ts";
import { insertOverrides } from "../../src/script/mod.ts";
import {
  type ParquetLayout,
  RUN_FILE_LAYOUT,
  type StitchEntry,
  writeRunOutputs,
} from "../../src/table/mod.ts";
import {
  float64Column,
  int64Column,
  tableOf,
  timestampColumn,
  utf8Column,
} from "../../src/table/_arrow_build.ts";
import { encodeParquet } from "../../src/table/parquet_io.ts";

/** The repository root. */
export const ROOT: string = new URL("../../", import.meta.url).pathname;

/** A fixture path. */
export function fixture(path: string): string {
  return join(ROOT, "fixtures", path);
}

/** The leo_basic script text. */
export const LEO_BASIC: string = await Deno.readTextFile(fixture("scripts/leo_basic.script"));

/** Runs leo_basic once per SMA into `<dir>/run-<i>` and converts each run's outputs. */
export async function sweepLeo(dir: string, smas: readonly number[]): Promise<StitchEntry[]> {
  const entries: StitchEntry[] = [];
  for (const [runId, sma] of smas.entries()) {
    const runDir = join(dir, `run-${runId}`);
    const text = insertOverrides(LEO_BASIC, { "Sat.SMA": sma });
    const result = await runScriptText(text, join(runDir, "leo_basic.script"), {
      outputDir: runDir,
    });
    entries.push({
      runId,
      status: "ok",
      outputPaths: await writeRunOutputs(result.outputs, runDir),
    });
  }
  return entries;
}

/** The values of a column (all chunks), raw: bigint for int64/timestamps, null for nulls. */
export function values(table: arrow.Table, name: string): (number | bigint | string | null)[] {
  const column = table.getChild(name);
  assert.ok(column, `column ${name} exists`);
  const out: (number | bigint | string | null)[] = [];
  for (const data of column.data) {
    const raw = arrow.DataType.isTimestamp(data.type) ? data.values as BigInt64Array : undefined;
    const vector = arrow.makeVector(data);
    for (let i = 0; i < data.length; i++) {
      if (!data.getValid(i)) out.push(null);
      else out.push(raw !== undefined ? raw[i] : vector.get(i));
    }
  }
  return out;
}

/** Assert |a - b| <= atol + rtol |b|. */
export function close(a: number, b: number, rtol: number, atol: number, what: string): void {
  assert.ok(Math.abs(a - b) <= atol + rtol * Math.abs(b), `${what}: ${a} vs ${b}`);
}

/** A temporary directory removed on dispose. */
export async function tempDir(): Promise<AsyncDisposable & { path: string }> {
  const path = await Deno.makeTempDir({ prefix: "gmat-sweep-table-" });
  return {
    path,
    [Symbol.asyncDispose]: () => Deno.remove(path, { recursive: true }),
  };
}

/** A column for {@linkcode writeRunFile}: floats, ints (bigint), strings, or timestamps (ns). */
export type TestColumn =
  | { name: string; float: number[] }
  | { name: string; int: bigint[] }
  | { name: string; text: string[] }
  | { name: string; ns: bigint[] };

/** Writes `<dir>/run-<id>/<key>.parquet` with the given columns; returns its path. */
export async function writeRunFile(
  dir: string,
  runId: number,
  key: string,
  columns: readonly TestColumn[],
  layout: ParquetLayout = RUN_FILE_LAYOUT,
): Promise<string> {
  const built = columns.map((c) => {
    if ("float" in c) return float64Column(c.name, Float64Array.from(c.float));
    if ("int" in c) return int64Column(c.name, BigInt64Array.from(c.int));
    if ("text" in c) return utf8Column(c.name, c.text);
    return timestampColumn(c.name, BigInt64Array.from(c.ns), undefined);
  });
  const runDir = join(dir, `run-${runId}`);
  await Deno.mkdir(runDir, { recursive: true });
  const path = join(runDir, `${key}.parquet`);
  await Deno.writeFile(path, encodeParquet(tableOf(built), layout));
  return path;
}

/** Nanoseconds of 2026-01-01T00:00:00 plus `seconds`. */
export function t(seconds: number): bigint {
  return BigInt(Date.UTC(2026, 0, 1)) * 1_000_000n + BigInt(seconds) * 1_000_000_000n;
}
