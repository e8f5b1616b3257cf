/**
 * Shared helpers of the analysis tests: real sweeps of the LEO fixture on the built-in engine,
 * the same sweep re-stitched with a failed run added, column readers, and Debian's numpy as an
 * oracle (via /usr/bin/python3; ignored locally when missing, required in CI).
 *
 * @module
 */

import type * as arrow from "apache-arrow";
import { sweep, type SweepResult } from "../../mod.ts";
import { outcomeFromEntry } from "../../src/manifest/mod.ts";
import { type StitchEntry, stitchRuns } from "../../src/table/mod.ts";
import { fixture } from "../_support/engine.ts";

/** The LEO fixture script. */
export const LEO: string = fixture("scripts/leo_basic.script");

/** A finished real sweep and its temporary directory (removed on disposal). */
export interface RealSweep extends AsyncDisposable {
  readonly result: SweepResult;
  readonly table: arrow.Table;
}

/**
 * Run the LEO fixture over explicit rows on the built-in engine.
 *
 * @param rows One record of overrides per run.
 */
export async function realSweep(
  rows: readonly Record<string, number>[],
): Promise<RealSweep> {
  const dir = await Deno.makeTempDir({ prefix: "gmat-sweep-analysis-" });
  const result = await sweep(LEO, { rows, outputDir: dir, engine: "builtin", workers: 2 });
  return {
    result,
    table: result.table!,
    [Symbol.asyncDispose]: () => Deno.remove(dir, { recursive: true }),
  };
}

/**
 * The sweep's report stitched again from its manifest, with extra non-ok entries (no outputs), so
 * the table carries their marker rows as a sweep with failures does (an "ok" entry without
 * outputs gives the marker row of an output-less run).
 *
 * @param real The finished sweep.
 * @param extra Run ids and statuses to add.
 */
export async function withMarkers(
  real: RealSweep,
  extra: readonly { runId: number; status: "ok" | "failed" | "skipped" }[],
): Promise<arrow.Table> {
  const manifest = await real.result.sweep.manifest();
  const entries: StitchEntry[] = manifest.entries.map((e) =>
    outcomeFromEntry(e, real.result.sweep.outputDir)
  );
  for (const x of extra) entries.push({ runId: x.runId, status: x.status, outputPaths: {} });
  return stitchRuns(entries, { kind: "report", name: "RF" }).table;
}

/** A column's values as JS values (int64 as bigint, null as null). */
export function col(table: arrow.Table, name: string): unknown[] {
  const v = table.getChild(name);
  if (v === null) throw new Error(`no column ${name}; have ${table.schema.names.join(", ")}`);
  return Array.from({ length: v.length }, (_, i) => (v.isValid(i) ? v.get(i) : null));
}

/** A float column's values (null as NaN). */
export function floats(table: arrow.Table, name: string): number[] {
  return col(table, name).map((x) => (x === null ? NaN : Number(x)));
}

/** A timestamp[ns] column's raw nanoseconds (null as null). */
export function timesNs(table: arrow.Table, name = "time"): (bigint | null)[] {
  const v = table.getChild(name)!;
  const out: (bigint | null)[] = [];
  for (const d of v.data) {
    for (let i = 0; i < d.length; i++) {
      out.push(d.getValid(i) ? (d.values as BigInt64Array)[i] : null);
    }
  }
  return out;
}

const PYTHON = "/usr/bin/python3";

/** Whether Debian's python3 with numpy can be run. */
export const HAS_NUMPY: boolean = (() => {
  try {
    return new Deno.Command(PYTHON, {
      args: ["-c", "import numpy"],
      stdout: "null",
      stderr: "null",
    }).outputSync().success;
  } catch {
    return false;
  }
})();

/**
 * Run a Python snippet with numpy: `data` (JSON) is bound to the name `data`; the snippet sets
 * `result`, printed back as JSON (floats as Python's repr, which round-trips exactly).
 */
export async function numpy<T>(snippet: string, data: unknown): Promise<T> {
  const program = [
    "import json, sys",
    "import numpy as np",
    "data = json.loads(sys.stdin.read())",
    snippet,
    "sys.stdout.write(json.dumps(result))",
  ].join("\n");
  const child = new Deno.Command(PYTHON, {
    args: ["-c", program],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(data)));
  await writer.close();
  const { success, stdout, stderr } = await child.output();
  if (!success) throw new Error(`python3 failed: ${new TextDecoder().decode(stderr)}`);
  return JSON.parse(new TextDecoder().decode(stdout)) as T;
}

/** Assert |a - b| <= tol * max(1, |b|) for every pair, naming the first failure. */
export function assertClose(a: readonly number[], b: readonly number[], tol: number, what: string) {
  if (a.length !== b.length) throw new Error(`${what}: lengths ${a.length} != ${b.length}`);
  a.forEach((x, i) => {
    const y = b[i];
    const ok = (Number.isNaN(x) && Number.isNaN(y)) ||
      Math.abs(x - y) <= tol * Math.max(1, Math.abs(y));
    if (!ok) throw new Error(`${what}[${i}]: ${x} != ${y} (tol ${tol})`);
  });
}
