/**
 * Small HTML building blocks for notebook display: escaping (every value that came from a file
 * goes through {@link escapeHtml}), a definition list, a table, and a status bar. Inline styles
 * only, so the output looks the same in JupyterLab, VS Code and a static HTML export.
 *
 * @module
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Colours of run statuses (ok, failed, skipped, none). */
export const STATUS_COLORS: Readonly<Record<string, string>> = {
  ok: "#2e7d32",
  failed: "#c62828",
  skipped: "#9e9e9e",
};

const CELL =
  "padding:2px 8px;text-align:right;border-bottom:1px solid #ddd;font-family:monospace;" +
  "white-space:nowrap";
const HEAD =
  "padding:2px 8px;text-align:right;border-bottom:2px solid #999;font-family:monospace;" +
  "white-space:nowrap";

/** A two-column list of labels and (escaped) values. */
export function htmlFacts(facts: readonly (readonly [string, unknown])[]): string {
  const rows = facts.map(([k, v]) =>
    `<tr><th style="text-align:left;padding:1px 10px 1px 0;font-weight:600">${escapeHtml(k)}</th>` +
    `<td style="text-align:left;font-family:monospace">${escapeHtml(v)}</td></tr>`
  ).join("");
  return `<table style="border-collapse:collapse">${rows}</table>`;
}

/** A table of (escaped) cells; `index` columns are shown in bold. */
export function htmlTable(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  index = 0,
): string {
  const head = headers.map((h, i) =>
    `<th style="${HEAD}${i < index ? ";font-weight:700" : ";font-weight:400"}">${
      escapeHtml(h)
    }</th>`
  ).join("");
  const body = rows.map((r) =>
    "<tr>" + r.map((c, i) =>
      `<td style="${CELL}${i < index ? ";font-weight:700" : ""}">${
        c === null || c === undefined ? '<span style="color:#999">null</span>' : escapeHtml(c)
      }</td>`
    ).join("") + "</tr>"
  ).join("");
  return `<table style="border-collapse:collapse"><thead><tr>${head}</tr></thead>` +
    `<tbody>${body}</tbody></table>`;
}

/** A horizontal bar split by status counts, with a legend. */
export function htmlStatusBar(counts: Readonly<Record<string, number>>): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total === 0) return '<div style="color:#999">no runs recorded</div>';
  const parts = Object.entries(counts).filter(([, n]) => n > 0);
  const bar = parts.map(([s, n]) =>
    `<div title="${escapeHtml(`${s}: ${n}`)}" style="width:${(100 * n) / total}%;` +
    `background:${STATUS_COLORS[s] ?? "#607d8b"}"></div>`
  ).join("");
  const legend = parts.map(([s, n]) =>
    `<span style="margin-right:12px"><span style="color:${STATUS_COLORS[s] ?? "#607d8b"}">` +
    `&#9632;</span> ${escapeHtml(s)} ${n}</span>`
  ).join("");
  return `<div style="display:flex;width:320px;height:10px;border-radius:3px;overflow:hidden;` +
    `margin:4px 0">${bar}</div><div style="font-size:90%">${legend}</div>`;
}
