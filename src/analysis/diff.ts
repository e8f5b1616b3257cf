/**
 * `sweepDiff`: compare two stitched sweep tables row by row (the Python tool's `sweep_diff`),
 * with a tolerance flag and a summary.
 *
 * Alignment: rows are matched on `(run_id, time)` (marker rows, whose time is null, match the
 * other side's marker row of the same run), or with `on: "run_id"` on `run_id` alone after each
 * side is collapsed to its last row per run (latest time), as upstream. Only keys present on both
 * sides give result rows (upstream's index intersection); the others are listed in the summary.
 * Compared columns: the numeric data columns both tables share (or those named in `columns`).
 *
 * Result columns, following upstream's names: `run_id`, `time` (not with `on: "run_id"`), then
 * per column `<column>__diff` = b - a and `<column>__rel` = (b - a) / a (null where a is 0, or
 * where either side has no value), then `__status_diff` (`"ok"` when both rows are ok, else
 * `"<status a>/<status b>"`) and `__within_tolerance`: true when the statuses are equal and every
 * column satisfies `|b - a| <= atol + rtol * |a|` (a is the reference; two missing values agree,
 * one missing value does not). Rows are sorted by (run_id, time), marker rows first.
 *
 * Deviation: upstream's `tolerance` masks small differences to NaN; here nothing is masked, the
 * flag and the summary say what is within tolerance, so no difference is ever hidden. The default
 * tolerance is the one of upstream's golden-file comparison, `rtol = 1e-9, atol = 1e-6`.
 *
 * @module
 */

import type * as arrow from "npm:apache-arrow@21.2.0";
import {
  ANALYSIS_METADATA_KEY,
  boolCol,
  buildTable,
  type BuiltColumn,
  float64Col,
  int64Col,
  timestampCol,
  utf8Col,
} from "./_build.ts";
import {
  hasTime,
  numericColumns,
  readNumbers,
  readRunIds,
  readStatus,
  readTimes,
  requireNumericColumn,
  RUN_ID,
  TIME,
} from "./_read.ts";
import { AnalysisError } from "./errors.ts";

/** Options of {@link sweepDiff}. */
export interface SweepDiffOptions {
  /** Relative tolerance (of a). @default {1e-9} */
  readonly rtol?: number;
  /** Absolute tolerance, in the column's unit. @default {1e-6} */
  readonly atol?: number;
  /** The columns to compare (numeric in both tables). @default every shared numeric column */
  readonly columns?: readonly string[];
  /** Align on `(run_id, time)` (`"time"`) or on each run's last row (`"run_id"`). @default {"time"} */
  readonly on?: "time" | "run_id";
}

/** A row key: the run and the time (null for a marker row, and with `on: "run_id"`). */
export interface DiffKey {
  /** The run. */
  readonly runId: number;
  /** Nanoseconds since the epoch, or null. */
  readonly time: bigint | null;
}

/** How one column differs. */
export interface DiffColumnSummary {
  /** The column. */
  readonly column: string;
  /** The largest |b - a| over matched rows with a value on both sides (null: none). */
  readonly maxAbsDiff: number | null;
  /** The largest |b - a| / |a| over those rows with a != 0 (null: none). */
  readonly maxRelDiff: number | null;
  /** Matched rows where this column is outside the tolerance. */
  readonly outOfTolerance: number;
}

/** What {@link sweepDiff} found, in numbers. */
export interface SweepDiffSummary {
  /** The relative tolerance used. */
  readonly rtol: number;
  /** The absolute tolerance used. */
  readonly atol: number;
  /** Rows present on both sides (the result's rows). */
  readonly matched: number;
  /** Matched rows outside the tolerance in some column, or with different statuses. */
  readonly outOfTolerance: number;
  /** Matched rows whose statuses differ. */
  readonly statusMismatches: number;
  /** Keys only in a. */
  readonly onlyInA: readonly DiffKey[];
  /** Keys only in b. */
  readonly onlyInB: readonly DiffKey[];
  /** Per compared column. */
  readonly columns: readonly DiffColumnSummary[];
  /** Numeric columns only a has (not compared). */
  readonly columnsOnlyInA: readonly string[];
  /** Numeric columns only b has (not compared). */
  readonly columnsOnlyInB: readonly string[];
  /** True when every row of each side has a partner and every matched row is within tolerance. */
  readonly allWithinTolerance: boolean;
}

/** The result of {@link sweepDiff}. */
export interface SweepDiff {
  /** One row per matched key; see the module documentation for the columns. */
  readonly table: arrow.Table;
  /** Maximum differences, counts and one-sided keys. */
  readonly summary: SweepDiffSummary;
}

/** One side's rows, keyed. */
interface Side {
  readonly keys: Map<string, number>;
  readonly runIds: Float64Array;
  readonly times: { ns: BigInt64Array; valid: Uint8Array } | null;
  readonly status: string[];
}

function keyOf(runId: number, time: bigint | null): string {
  return time === null ? `${runId}|` : `${runId}|${time}`;
}

function keyTime(side: Side, row: number): bigint | null {
  return side.times !== null && side.times.valid[row] === 1 ? side.times.ns[row] : null;
}

function readSide(table: arrow.Table, label: "a" | "b", on: "time" | "run_id"): Side {
  const runIds = readRunIds(table);
  const status = readStatus(table);
  if (on === "time" && !hasTime(table)) {
    throw new AnalysisError(
      "ANALYSIS_TABLE",
      `sweepDiff: table ${label} has no timestamp 'time' column; compare per run with on: "run_id"`,
    );
  }
  const times = hasTime(table) ? readTimes(table, "sweepDiff") : null;
  const side: Side = { keys: new Map(), runIds, times, status };
  if (on === "time") {
    for (let i = 0; i < table.numRows; i++) {
      const t = keyTime(side, i);
      const key = keyOf(runIds[i], t);
      if (side.keys.has(key)) {
        throw new AnalysisError(
          "ANALYSIS_DUPLICATE_KEY",
          `sweepDiff: table ${label} has two rows for run ${runIds[i]} at time ${
            t === null ? "null" : `${t} ns`
          } (rows ${side.keys.get(key)} and ${i}); deduplicate it, or compare with on: "run_id"`,
        );
      }
      side.keys.set(key, i);
    }
    return side;
  }
  // on run_id: each run's row with the latest time (the last row when none has a time).
  const last = new Map<number, number>();
  for (let i = 0; i < table.numRows; i++) {
    const prev = last.get(runIds[i]);
    if (prev === undefined) {
      last.set(runIds[i], i);
      continue;
    }
    const tp = keyTime(side, prev);
    const ti = keyTime(side, i);
    if (ti !== null ? tp === null || ti >= tp : tp === null) last.set(runIds[i], i);
  }
  for (const [runId, row] of last) side.keys.set(keyOf(runId, null), row);
  return side;
}

function checkTolerance(value: number, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new AnalysisError(
      "ANALYSIS_OPTION",
      `sweepDiff: ${name} must be a finite number >= 0, got ${String(value)}`,
    );
  }
  return value;
}

function compareKeys(x: DiffKey, y: DiffKey): number {
  if (x.runId !== y.runId) return x.runId - y.runId;
  if (x.time === y.time) return 0;
  if (x.time === null) return -1;
  if (y.time === null) return 1;
  return x.time < y.time ? -1 : 1;
}

function columnsToCompare(
  a: arrow.Table,
  b: arrow.Table,
  columns: readonly string[] | undefined,
): { compared: string[]; onlyA: string[]; onlyB: string[] } {
  const numA = numericColumns(a);
  const numB = numericColumns(b);
  const onlyA = numA.filter((c) => !numB.includes(c));
  const onlyB = numB.filter((c) => !numA.includes(c));
  if (columns === undefined) {
    const compared = numA.filter((c) => numB.includes(c));
    if (compared.length === 0) {
      throw new AnalysisError(
        "ANALYSIS_COLUMN",
        `sweepDiff: the tables share no numeric column (a: ${numA.join(", ") || "none"}; b: ${
          numB.join(", ") || "none"
        }); pass tables stitched from the same report`,
      );
    }
    return { compared, onlyA, onlyB };
  }
  for (const c of columns) {
    requireNumericColumn(a, c, "sweepDiff (table a)");
    requireNumericColumn(b, c, "sweepDiff (table b)");
  }
  if (new Set(columns).size !== columns.length) {
    throw new AnalysisError("ANALYSIS_OPTION", "sweepDiff: a column is listed twice in columns");
  }
  return { compared: [...columns], onlyA, onlyB };
}

/**
 * Compare two stitched sweep tables, b against a.
 *
 * @example
 * ```ts ignore
 * const { table, summary } = sweepDiff(baseline, candidate, { rtol: 1e-9, atol: 1e-6 });
 * if (!summary.allWithinTolerance) console.table(summary.columns);
 * ```
 * @param a The reference table (stitched by gmat-sweep).
 * @param b The table compared with it.
 * @param options Tolerances, columns and alignment.
 * @returns The per-row differences and the summary.
 * @throws {AnalysisError} `ANALYSIS_DUPLICATE_KEY` when a side has two rows with one key,
 *   `ANALYSIS_COLUMN` for a column not numeric in both, `ANALYSIS_OPTION` for a bad tolerance.
 */
export function sweepDiff(
  a: arrow.Table,
  b: arrow.Table,
  options: SweepDiffOptions = {},
): SweepDiff {
  const rtol = checkTolerance(options.rtol ?? 1e-9, "rtol");
  const atol = checkTolerance(options.atol ?? 1e-6, "atol");
  const on = options.on ?? "time";
  if (on !== "time" && on !== "run_id") {
    throw new AnalysisError(
      "ANALYSIS_OPTION",
      `sweepDiff: on must be "time" or "run_id", got ${JSON.stringify(on)}`,
    );
  }
  const { compared, onlyA, onlyB } = columnsToCompare(a, b, options.columns);
  const sa = readSide(a, "a", on);
  const sb = readSide(b, "b", on);

  const pairs: { key: DiffKey; ra: number; rb: number }[] = [];
  const onlyInA: DiffKey[] = [];
  const onlyInB: DiffKey[] = [];
  const keyFor = (side: Side, row: number): DiffKey => ({
    runId: side.runIds[row],
    time: on === "time" ? keyTime(side, row) : null,
  });
  for (const [key, ra] of sa.keys) {
    const rb = sb.keys.get(key);
    if (rb === undefined) onlyInA.push(keyFor(sa, ra));
    else pairs.push({ key: keyFor(sa, ra), ra, rb });
  }
  for (const [key, rb] of sb.keys) if (!sa.keys.has(key)) onlyInB.push(keyFor(sb, rb));
  pairs.sort((x, y) => compareKeys(x.key, y.key));
  onlyInA.sort(compareKeys);
  onlyInB.sort(compareKeys);

  const m = pairs.length;
  const within = pairs.map(({ ra, rb }) => sa.status[ra] === sb.status[rb]);
  const statusMismatches = within.filter((w) => !w).length;
  const out: BuiltColumn[] = [int64Col(RUN_ID, pairs.map((p) => p.key.runId))];
  if (on === "time") {
    const ns = new BigInt64Array(m);
    const valid = new Uint8Array(m);
    pairs.forEach((p, i) => {
      if (p.key.time !== null) [ns[i], valid[i]] = [p.key.time, 1];
    });
    const field = a.schema.fields.find((f) => f.name === TIME)!;
    out.push(timestampCol(TIME, ns, valid, field.metadata));
  }
  const columnSummaries: DiffColumnSummary[] = compared.map((name) => {
    const va = readNumbers(a, name);
    const vb = readNumbers(b, name);
    const diff = new Float64Array(m);
    const rel = new Float64Array(m);
    let maxAbs = -1;
    let maxRel = -1;
    let outside = 0;
    pairs.forEach(({ ra, rb }, i) => {
      const x = va[ra];
      const y = vb[rb];
      let ok: boolean;
      if (Number.isNaN(x) || Number.isNaN(y)) {
        diff[i] = rel[i] = NaN;
        ok = Number.isNaN(x) && Number.isNaN(y);
      } else {
        const d = x === y ? 0 : y - x;
        diff[i] = d;
        rel[i] = x === 0 ? NaN : d / x;
        ok = Math.abs(d) <= atol + rtol * Math.abs(x);
        maxAbs = Math.max(maxAbs, Math.abs(d));
        if (x !== 0) maxRel = Math.max(maxRel, Math.abs(d / x));
      }
      if (!ok) {
        outside++;
        within[i] = false;
      }
    });
    out.push(float64Col(`${name}__diff`, diff), float64Col(`${name}__rel`, rel));
    return {
      column: name,
      maxAbsDiff: maxAbs < 0 ? null : maxAbs,
      maxRelDiff: maxRel < 0 ? null : maxRel,
      outOfTolerance: outside,
    };
  });
  out.push(
    utf8Col(
      "__status_diff",
      pairs.map(({ ra, rb }) => {
        const [x, y] = [sa.status[ra], sb.status[rb]];
        return x === "ok" && y === "ok" ? "ok" : `${x}/${y}`;
      }),
    ),
    boolCol("__within_tolerance", within),
  );
  const outOfTolerance = within.filter((w) => !w).length;
  const metadata = new Map([[
    ANALYSIS_METADATA_KEY,
    JSON.stringify({ kind: "diff", on, rtol, atol, columns: compared }),
  ]]);
  return {
    table: buildTable(out, metadata),
    summary: {
      rtol,
      atol,
      matched: m,
      outOfTolerance,
      statusMismatches,
      onlyInA,
      onlyInB,
      columns: columnSummaries,
      columnsOnlyInA: onlyA,
      columnsOnlyInB: onlyB,
      allWithinTolerance: outOfTolerance === 0 && onlyInA.length === 0 && onlyInB.length === 0,
    },
  };
}
