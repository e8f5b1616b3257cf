/**
 * Notebook display of a manifest and of a sweep: script, short hash, engine, planned and recorded
 * runs, status counts (with a bar), hook status counts, backend, seed; then the recorded runs'
 * first rows. Every value read from the manifest is escaped.
 *
 * @module
 */

import type { Manifest } from "../manifest/reader.ts";
import type { MimeBundle } from "./bundle.ts";
import { escapeHtml, htmlFacts, htmlStatusBar, htmlTable } from "./html.ts";

/** What a sweep adds to its manifest's summary. */
export interface SweepFacts {
  readonly scriptPath: string;
  readonly outputDir: string;
  readonly manifestPath: string;
  readonly engineLabel: string;
  readonly planned: number;
  readonly kind: string;
}

function counts<T extends string>(values: readonly T[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function countText(c: Record<string, number>): string {
  const parts = Object.entries(c).map(([k, n]) => `${n} ${k}`);
  return parts.length ? parts.join(", ") : "none";
}

/**
 * The bundle of a manifest (or of a sweep, with `sweep` facts; `manifest` undefined before its
 * first run).
 */
export function manifestBundle(
  manifest: Manifest | undefined,
  sweep?: SweepFacts,
  maxRows = 6,
): MimeBundle {
  const h = manifest?.header;
  const entries = manifest?.entries ?? [];
  const status = counts(entries.map((e) => e.status));
  const hooks = counts(
    entries.filter((e) => e.postprocess_status !== "none").map((e) => e.postprocess_status),
  );
  const kind = sweep?.kind ?? String(h?.parameter_spec?._kind ?? "?");
  const facts: [string, unknown][] = [
    ["script", sweep?.scriptPath ?? h?.script_path ?? "?"],
    ["script sha256", h ? `${h.script_sha256.slice(0, 12)}…` : "(not run yet)"],
    ["engine", sweep?.engineLabel ?? (h?.engine ? `${h.engine.kind} ${h.engine.version}` : "?")],
    ["run set", kind],
    ["runs", `${entries.length} recorded of ${sweep?.planned ?? h?.run_count ?? "?"} planned`],
    ["status", countText(status)],
  ];
  if (h?.postprocess) facts.push(["hook", `${h.postprocess} (${countText(hooks)})`]);
  const hookFailures = counts(
    entries.filter((e) => e.postprocess_status === "failed").map((e) =>
      e.postprocess_reason ?? "failed"
    ),
  );
  if (Object.keys(hookFailures).length > 0) {
    // Apart from the runs' status: these runs are ok, their hook is not (rehook re-runs it).
    facts.push(["hook failures", `${countText(hookFailures)} — gmat-sweep rehook re-runs them`]);
  }
  if (h) facts.push(["backend", h.backend ?? "?"], ["seed", h.sweep_seed ?? "none"]);
  if (sweep) facts.push(["output", sweep.outputDir]);
  facts.push(["manifest", sweep?.manifestPath ?? manifest?.path ?? "?"]);
  const title = sweep ? "gmat-sweep Sweep" : "gmat-sweep manifest";
  const shown = [...entries].sort((a, b) => a.run_id - b.run_id).slice(0, maxRows);
  const rows = shown.map((e) => [
    e.run_id,
    e.status,
    e.postprocess_status === "failed" && e.postprocess_reason
      ? `failed: ${e.postprocess_reason}`
      : e.postprocess_status,
    JSON.stringify(e.overrides),
    e.duration_s === null || e.duration_s === undefined ? null : e.duration_s.toFixed(3),
    e.stderr ? e.stderr.split("\n")[0].slice(0, 80) : "",
  ]);
  const headers = ["run_id", "status", "hook", "overrides", "duration_s", "stderr"];
  const html = `<div style="font-weight:700">${escapeHtml(title)}</div>` + htmlFacts(facts) +
    (entries.length ? htmlStatusBar(status) : "") +
    (rows.length ? htmlTable(headers, rows, 1) : "") +
    (entries.length > shown.length
      ? `<div style="color:#999">… ${entries.length - shown.length} more runs</div>`
      : "");
  const plain = [
    title,
    ...facts.map(([k, v]) => `  ${k}: ${v}`),
    ...rows.map((r) => `  run ${r[0]}: ${r[1]} (hook ${r[2]}) ${r[3]}`),
  ].join("\n");
  return { "text/html": html, "text/plain": plain };
}
