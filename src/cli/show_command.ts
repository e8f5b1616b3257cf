/**
 * `gmat-sweep show MANIFEST`: a manifest's summary, a per-run table, or one run in full.
 *
 * The manifest is read once into an index (run id -> status, duration, offset of its last line),
 * in bounded memory whatever its size; `--run N` and `--detail` read the entries they print back
 * from their offsets, so a 10^6-run manifest is never held as objects.
 *
 * @module
 */

import {
  indexManifest,
  type ManifestEntry,
  type ManifestEntryReader,
  type ManifestIndex,
} from "../manifest/mod.ts";
import type { RunStatus } from "../runs/mod.ts";
import { ExitError } from "./exit_error.ts";
import { parseCommand } from "./parse_command.ts";
import type { CliIo } from "./sweep_commands.ts";
import { countsText } from "./summary_line.ts";

/** Help of the show command. */
export const SHOW_HELP = `gmat-sweep show: what a manifest records

Usage:
  gmat-sweep show MANIFEST                      one-line summary
  gmat-sweep show MANIFEST --detail [--filter ok|failed|skipped|hook-failed]
                                                one line per run, failures first; the hook
                                                column is the hook's status (and why it failed)
  gmat-sweep show MANIFEST --run N              everything about run N

Examples:
  gmat-sweep show sweeps/sma/manifest.jsonl
  gmat-sweep show sweeps/sma/manifest.jsonl --detail --filter failed
  gmat-sweep show sweeps/sma/manifest.jsonl --detail --filter hook-failed
  gmat-sweep show sweeps/sma/manifest.jsonl --run 3
`;

/** The `--detail` order: failures first, then skipped, then ok; by run id within each. */
const ORDER: readonly RunStatus[] = ["failed", "skipped", "ok"];
const HEADER = ["run_id", "status", "hook", "duration_s", "stderr_summary", "log_path"];
const FILTERS = ["ok", "failed", "skipped", "hook-failed"];

/** The hook column: its status, and why it failed (`failed: exited`). */
function hookCell(e: ManifestEntry): string {
  if (e.postprocess_status !== "failed") return e.postprocess_status;
  return e.postprocess_reason ? `failed: ${e.postprocess_reason}` : "failed";
}

function firstLine(text: string | null | undefined, width = 60): string {
  if (!text) return "—";
  const line = text.split("\n")[0];
  return line.length > width ? line.slice(0, width - 3) + "..." : line;
}

function detailRow(e: ManifestEntry): string[] {
  return [
    String(e.run_id),
    e.status,
    hookCell(e),
    (e.duration_s ?? 0).toFixed(3),
    firstLine(e.stderr),
    e.log_path ?? "—",
  ];
}

/** Which runs `--detail` lists: by run status, or those whose hook failed. */
type Selection = readonly RunStatus[] | "hook-failed";

/** The entries selected, in `--detail` order, read back one at a time. */
async function* detailEntries(
  index: ManifestIndex,
  reader: ManifestEntryReader,
  selection: Selection,
): AsyncGenerator<ManifestEntry> {
  const groups = selection === "hook-failed"
    ? [index.idsWithHookStatus("failed")]
    : selection.map((status) => index.idsWithStatus(status));
  for (const ids of groups) {
    for (const id of ids) {
      const e = await reader.read(id);
      if (e !== undefined) yield e;
    }
  }
}

/**
 * Print the `--detail` table in two passes over the entries (column widths, then rows), so
 * memory stays bounded by one entry.
 */
async function printDetail(
  index: ManifestIndex,
  statuses: Selection,
  print: (line: string) => void,
): Promise<void> {
  await using reader = await index.entryReader();
  const widths = HEADER.map((h) => h.length);
  for await (const e of detailEntries(index, reader, statuses)) {
    detailRow(e).forEach((c, i) => (widths[i] = Math.max(widths[i], c.length)));
  }
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  print(fmt(HEADER));
  for await (const e of detailEntries(index, reader, statuses)) print(fmt(detailRow(e)));
}

/** Run the show command. */
export async function showCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, {
    detail: { type: "boolean" },
    filter: { type: "string" },
    run: { type: "string" },
    help: { type: "boolean", short: "h" },
  }, "show");
  const v = parsed.values;
  if (v.help) {
    io.print(SHOW_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    throw new ExitError(2, "expected one MANIFEST", "show");
  }
  if (v.filter !== undefined && !v.detail) {
    throw new ExitError(2, "--filter needs --detail");
  }
  if (v.filter !== undefined && !FILTERS.includes(v.filter)) {
    throw new ExitError(
      2,
      `--filter must be ok, failed, skipped or hook-failed, got '${v.filter}'`,
    );
  }
  if (v.detail && v.run !== undefined) {
    throw new ExitError(2, "--detail and --run exclude each other");
  }
  const index = await indexManifest(parsed.positionals[0]);
  if (v.run !== undefined) {
    const id = Number(v.run);
    let e: ManifestEntry | undefined;
    if (Number.isInteger(id)) {
      await using reader = await index.entryReader();
      e = await reader.read(id);
    }
    if (!e) {
      throw new ExitError(3, `run ${v.run} is not in ${index.path} (it has ${index.size} runs)`);
    }
    io.print(`run ${e.run_id}: ${e.status} (attempt ${e.attempt ?? 1})`);
    io.print(`  duration_s: ${e.duration_s}`);
    io.print(`  started_at: ${e.started_at}`);
    io.print(`  ended_at:   ${e.ended_at}`);
    io.print(`  log_path:   ${e.log_path ?? "—"}`);
    io.print("  overrides:");
    for (const k of Object.keys(e.overrides).sort()) {
      io.print(`    ${k} = ${JSON.stringify(e.overrides[k])}`);
    }
    io.print("  outputs:");
    for (const [k, p] of Object.entries(e.output_paths ?? {})) io.print(`    ${k}: ${p}`);
    io.print(`  postprocess: ${e.postprocess ?? "none"}`);
    io.print(`    status: ${hookCell(e)}`);
    if (e.postprocess_sha256) io.print(`    module graph sha256: ${e.postprocess_sha256}`);
    if (e.postprocess_log_path) io.print(`    log: ${e.postprocess_log_path}`);
    const extras = Object.entries(e.extra_outputs ?? {});
    if (extras.length > 0) io.print("    outputs:");
    for (const [k, p] of extras) io.print(`      ${k}: ${p}`);
    if (e.postprocess_error) {
      io.print(`    error:\n${e.postprocess_error.replace(/^/gm, "      ")}`);
    }
    if (Object.keys(e.context ?? {}).length > 0) {
      io.print(`  context: ${JSON.stringify(e.context)}`);
    }
    if (e.stderr) io.print(`  stderr:\n${e.stderr.replace(/^/gm, "    ")}`);
    return 0;
  }
  if (v.detail) {
    const selection: Selection = v.filter === "hook-failed"
      ? "hook-failed"
      : v.filter
      ? [v.filter as RunStatus]
      : ORDER;
    await printDetail(index, selection, io.print);
  }
  const totals = index.totals();
  io.print(
    `${index.header.run_count} planned; ${countsText(totals)} ` +
      `(${totals.runTimeS.toFixed(2)} s of run time) — output: ${index.path}`,
  );
  return 0;
}
