/**
 * Notebook display of a gmat-sweep table (stitched outputs, hook outputs, summaries): its size,
 * index columns, a status bar of its runs, then its first and last rows with the index and status
 * columns first (a wide table scrolls; its status stays in view) and a report epoch column that
 * only repeats `time` shown once, as `text/html` and `text/plain`.
 *
 * @module
 */

import * as arrow from "npm:apache-arrow@21.2.0";
import { attachDisplay, type Displayable, type MimeBundle } from "./bundle.ts";
import { escapeHtml, htmlStatusBar, htmlTable } from "./html.ts";

/** Options of {@link tableBundle}. */
export interface TableDisplayOptions {
  /** A title shown above the table. */
  readonly title?: string;
  /** Rows shown from the head and, again, from the tail of a longer table. @default {5} */
  readonly maxRows?: number;
}

/** Status columns: shown right after the index, so a wide table never hides them. */
const STATUS_COLUMNS = ["__status", "__postprocess_status"];

const INDEX_CANDIDATES = [["run_id", "time"], ["run_id", "interval_id"], ["arm", "run_id"], [
  "run_id",
]];

/** The index columns of a table: (run_id, time), (run_id, interval_id) or run_id. */
export function indexColumns(table: arrow.Table): string[] {
  const names = new Set(table.schema.names.map(String));
  return INDEX_CANDIDATES.find((c) => c.every((n) => names.has(n))) ?? [];
}

/** A cell as display text (timestamps in ISO-8601 to the ms, floats to 12 significant digits). */
function cellText(value: unknown, type: arrow.DataType): string | null {
  if (value === null || value === undefined) return null;
  if (arrow.DataType.isTimestamp(type)) {
    // apache-arrow hands timestamps of every unit out as epoch milliseconds.
    const ms = Number(value);
    return Number.isFinite(ms)
      ? new Date(ms).toISOString().replace("T", " ").replace("Z", "")
      : null;
  }
  if (typeof value === "number") {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  }
  return String(value);
}

/**
 * Runs per status (distinct run ids of each `__status` value) and the number of runs, in one pass
 * that reads a run's status once (every row of a run has its status).
 */
export function runStatusCounts(
  table: arrow.Table,
): { counts: Record<string, number>; runs: number | undefined } {
  const status = table.getChild("__status");
  const runId = table.getChild("run_id");
  const ids = runId ? Array.from(runId.toArray() as ArrayLike<unknown>) : undefined;
  const statusOf = new Map<unknown, string>();
  for (let i = 0; i < table.numRows; i++) {
    const id = ids ? ids[i] : i;
    if (!statusOf.has(id)) statusOf.set(id, status ? String(status.get(i)) : "");
  }
  const counts: Record<string, number> = {};
  if (status) { for (const s of statusOf.values()) counts[s] = (counts[s] ?? 0) + 1; }
  return { counts, runs: ids ? statusOf.size : undefined };
}

/**
 * Timestamp columns whose every value equals the `time` column's (a report's own epoch column,
 * which the stitched table copies into `time`): shown once, as `time`.
 */
function sameAsTime(table: arrow.Table): string[] {
  const time = table.getChild("time");
  if (time === null || !arrow.DataType.isTimestamp(time.type)) return [];
  const same: string[] = [];
  for (const f of table.schema.fields) {
    if (f.name === "time" || !arrow.DataType.isTimestamp(f.type)) continue;
    const col = table.getChild(f.name)!;
    let equal = true;
    for (let i = 0; i < table.numRows && equal; i++) equal = col.get(i) === time.get(i);
    if (equal) same.push(f.name);
  }
  return same;
}

/** The row indexes shown: all of a short table, else the head and the tail. */
function shownRows(numRows: number, perEnd: number): { head: number[]; tail: number[] } {
  if (numRows <= 2 * perEnd + 1) return { head: [...Array(numRows).keys()], tail: [] };
  return {
    head: [...Array(perEnd).keys()],
    tail: [...Array(perEnd).keys()].map((i) => numRows - perEnd + i),
  };
}

/** Build the MIME bundle of a table. */
export function tableBundle(table: arrow.Table, options: TableDisplayOptions = {}): MimeBundle {
  const perEnd = options.maxRows ?? 5;
  const index = indexColumns(table);
  const all = table.schema.names.map(String);
  const folded = sameAsTime(table);
  const status = STATUS_COLUMNS.filter((n) => all.includes(n));
  const names = [
    ...index,
    ...status,
    ...all.filter((n) => !index.includes(n) && !status.includes(n) && !folded.includes(n)),
  ];
  const fields = names.map((n) => table.schema.fields.find((f) => f.name === n)!);
  const { head, tail } = shownRows(table.numRows, perEnd);
  const row = (i: number) => fields.map((f) => cellText(table.getChild(f.name)!.get(i), f.type));
  const headRows = head.map(row);
  const tailRows = tail.map(row);
  const hidden = table.numRows - head.length - tail.length;
  const gap = hidden > 0 ? names.map((_, c) => (c === 0 ? `… ${hidden} rows` : "…")) : undefined;
  const rows = [...headRows, ...(gap ? [gap] : []), ...tailRows];
  const { counts, runs } = runStatusCounts(table);
  const size = `${table.numRows} rows × ${all.length} columns` +
    (runs === undefined ? "" : `, ${runs} runs`) +
    (index.length ? `; index (${index.join(", ")})` : "");
  const foldNote = folded.length > 0 ? `${folded.join(", ")} = time (shown once)` : "";
  const html = [
    options.title ? `<div style="font-weight:700">${escapeHtml(options.title)}</div>` : "",
    `<div style="color:#555;margin:2px 0">${escapeHtml(size)}</div>`,
    Object.keys(counts).length ? htmlStatusBar(counts) : "",
    `<div style="overflow-x:auto;max-width:100%">${htmlTable(names, rows, index.length)}</div>`,
    foldNote ? `<div style="color:#999">${escapeHtml(foldNote)}</div>` : "",
  ].join("");
  const widths = names.map((n, c) =>
    Math.min(24, Math.max(n.length, ...rows.map((r) => (r[c] ?? "null").length)))
  );
  const line = (cells: string[]) =>
    cells.map((s, c) => s.slice(0, 24).padStart(widths[c])).join("  ");
  const plain = [
    ...(options.title ? [options.title] : []),
    size,
    ...(Object.keys(counts).length
      ? [Object.entries(counts).map(([s, n]) => `${s} ${n}`).join(", ")]
      : []),
    line(names),
    ...rows.map((r) => line(r.map((c) => c ?? "null"))),
    ...(foldNote ? [foldNote] : []),
  ].join("\n");
  return { "text/html": html, "text/plain": plain };
}

/** Give a table its notebook display (returns the same table). */
export function displayTable(
  table: arrow.Table,
  options: TableDisplayOptions = {},
): arrow.Table & Displayable {
  return attachDisplay(table, () => tableBundle(table, options));
}
