/**
 * Notebook display of a gmat-sweep table (stitched outputs, hook outputs, summaries): its size,
 * index columns, a status bar of its runs and its first rows, as `text/html` and `text/plain`.
 *
 * @module
 */

import * as arrow from "apache-arrow";
import { attachDisplay, type Displayable, type MimeBundle } from "./bundle.ts";
import { escapeHtml, htmlStatusBar, htmlTable } from "./html.ts";

/** Options of {@link tableBundle}. */
export interface TableDisplayOptions {
  /** A title shown above the table. */
  readonly title?: string;
  /** Rows shown. @default {8} */
  readonly maxRows?: number;
}

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

/** Build the MIME bundle of a table. */
export function tableBundle(table: arrow.Table, options: TableDisplayOptions = {}): MimeBundle {
  const maxRows = options.maxRows ?? 8;
  const index = indexColumns(table);
  const all = table.schema.names.map(String);
  const names = [...index, ...all.filter((n) => !index.includes(n))];
  const fields = names.map((n) => table.schema.fields.find((f) => f.name === n)!);
  const shown = Math.min(maxRows, table.numRows);
  const rows: (string | null)[][] = [];
  for (let i = 0; i < shown; i++) {
    rows.push(fields.map((f) => cellText(table.getChild(f.name)!.get(i), f.type)));
  }
  const { counts, runs } = runStatusCounts(table);
  const size = `${table.numRows} rows × ${names.length} columns` +
    (runs === undefined ? "" : `, ${runs} runs`) +
    (index.length ? `; index (${index.join(", ")})` : "");
  const html = [
    options.title ? `<div style="font-weight:700">${escapeHtml(options.title)}</div>` : "",
    `<div style="color:#555;margin:2px 0">${escapeHtml(size)}</div>`,
    Object.keys(counts).length ? htmlStatusBar(counts) : "",
    htmlTable(names, rows, index.length),
    shown < table.numRows
      ? `<div style="color:#999">… ${table.numRows - shown} more rows</div>`
      : "",
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
    ...(shown < table.numRows ? [`… ${table.numRows - shown} more rows`] : []),
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
