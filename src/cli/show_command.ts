/**
 * `gmat-sweep show MANIFEST`: a manifest's summary, a per-run table, or one run in full.
 *
 * @module
 */

import { type ManifestEntry, readManifest } from "../manifest/mod.ts";
import { ExitError } from "./exit_error.ts";
import { parseCommand } from "./parse_command.ts";
import type { CliIo } from "./sweep_commands.ts";
import { summaryLine } from "./sweep_commands.ts";

/** Help of the show command. */
export const SHOW_HELP = `gmat-sweep show: what a manifest records

Usage:
  gmat-sweep show MANIFEST                      one-line summary
  gmat-sweep show MANIFEST --detail [--filter ok|failed|skipped]
                                                one line per run, failures first
  gmat-sweep show MANIFEST --run N              everything about run N

Examples:
  gmat-sweep show sweeps/sma/manifest.jsonl
  gmat-sweep show sweeps/sma/manifest.jsonl --detail --filter failed
  gmat-sweep show sweeps/sma/manifest.jsonl --run 3
`;

const ORDER = { failed: 0, skipped: 1, ok: 2 } as const;

function firstLine(text: string | null | undefined, width = 60): string {
  if (!text) return "—";
  const line = text.split("\n")[0];
  return line.length > width ? line.slice(0, width - 3) + "..." : line;
}

/** Render the `--detail` table. */
export function detailTable(entries: readonly ManifestEntry[]): string[] {
  const rows = [...entries].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.run_id - b.run_id)
    .map((e) => [
      String(e.run_id),
      e.status,
      (e.duration_s ?? 0).toFixed(3),
      firstLine(e.stderr),
      e.log_path ?? "—",
    ]);
  const header = ["run_id", "status", "duration_s", "stderr_summary", "log_path"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [fmt(header), ...rows.map(fmt)];
}

/** Run the show command. */
export async function showCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, {
    detail: { type: "boolean" },
    filter: { type: "string" },
    run: { type: "string" },
    help: { type: "boolean", short: "h" },
  }, SHOW_HELP);
  const v = parsed.values;
  if (v.help) {
    io.print(SHOW_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    throw new ExitError(2, `expected one MANIFEST\n\n${SHOW_HELP}`);
  }
  if (v.filter !== undefined && !v.detail) {
    throw new ExitError(2, "--filter needs --detail");
  }
  if (v.filter !== undefined && !["ok", "failed", "skipped"].includes(v.filter)) {
    throw new ExitError(2, `--filter must be ok, failed or skipped, got '${v.filter}'`);
  }
  if (v.detail && v.run !== undefined) {
    throw new ExitError(2, "--detail and --run exclude each other");
  }
  const manifest = await readManifest(parsed.positionals[0]);
  if (v.run !== undefined) {
    const id = Number(v.run);
    const e = manifest.entries.find((x) => x.run_id === id);
    if (!Number.isInteger(id) || !e) {
      throw new ExitError(
        3,
        `run ${v.run} is not in ${manifest.path} (it has ${manifest.entries.length} runs)`,
      );
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
    io.print(`    status: ${e.postprocess_status ?? "none"}`);
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
    const entries = v.filter
      ? manifest.entries.filter((e) => e.status === v.filter)
      : manifest.entries;
    for (const line of detailTable(entries)) io.print(line);
  }
  const wall = manifest.entries.reduce((s, e) => s + (e.duration_s ?? 0), 0);
  io.print(
    `${manifest.header.run_count} planned; ` +
      summaryLine(manifest, wall, manifest.path).replace(/ in [\d.]+ s wall \(/, " ("),
  );
  return 0;
}
