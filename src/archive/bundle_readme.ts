/**
 * The `README.md` generated into an archive: what the study is (from the manifest header and
 * entries), the layout, and the commands that check, aggregate, resume and recompute it.
 *
 * Built from the manifest only (never the clock, the host or the archive's path), so two archives
 * of the same sweep carry the same README.
 *
 * @module
 */

import type { Manifest } from "../manifest/mod.ts";
import { RUNS_DIR } from "./bundle_manifest.ts";
import type { RunFilesMode } from "./collect_files.ts";
import { HASH_FILE_NAME } from "./hash_file.ts";

/** Inputs of {@link bundleReadme}. */
export interface BundleReadmeInput {
  /** The manifest as read. */
  readonly manifest: Manifest;
  /** The bundled script's path in the archive, e.g. `script/leo.script`. */
  readonly scriptMember: string;
  /** Which run files were bundled. */
  readonly runFiles: RunFilesMode;
  /** Version of the gmat-sweep that made the archive. */
  readonly archiverVersion: string;
}

/** Quote a word for a POSIX shell when it needs it. */
function sh(word: string): string {
  return /^[A-Za-z0-9_./+:=@%-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A value from a file, safe inside a Markdown code span. */
function code(text: string): string {
  return "`" + text.replaceAll("`", "'").replaceAll("\n", " ") + "`";
}

function describeRunSet(spec: Record<string, unknown>): string {
  const kind = typeof spec._kind === "string" ? spec._kind : "grid";
  const names = (keys: string[]) => keys.length > 0 ? ` over ${keys.map(code).join(", ")}` : "";
  if (kind === "grid") {
    const axes = Object.keys(spec).filter((k) => k !== "_kind").sort();
    const sizes = axes.map((k) => Array.isArray(spec[k]) ? (spec[k] as unknown[]).length : 1);
    return `grid${names(axes)} (${sizes.join(" x ")} values)`;
  }
  if (kind === "explicit") {
    const columns = Array.isArray(spec.columns) ? spec.columns.map(String) : [];
    const rows = Array.isArray(spec.rows) ? spec.rows.length : 0;
    return `explicit rows${names(columns)} (${rows} rows)`;
  }
  const perturb = spec.perturb !== null && typeof spec.perturb === "object"
    ? Object.keys(spec.perturb as object).sort()
    : [];
  const n = typeof spec.n === "number" ? `, n = ${spec.n}` : "";
  return `${kind.replaceAll("_", " ")}${names(perturb)}${n}`;
}

/**
 * The README of an archive.
 *
 * @param input The manifest, the script's member name, the mode and the archiver's version.
 * @returns Markdown text ending in a newline.
 */
export function bundleReadme(input: BundleReadmeInput): string {
  const { manifest, scriptMember } = input;
  const h = manifest.header;
  const counts = { ok: 0, failed: 0, skipped: 0 };
  let maxId = -1;
  for (const e of manifest.entries) {
    counts[e.status]++;
    maxId = Math.max(maxId, e.run_id);
  }
  const total = Math.max(h.run_count, maxId + 1);
  const missing = total - manifest.entries.length;
  const status = [`${counts.ok} ok`];
  if (counts.failed) status.push(`${counts.failed} failed`);
  if (counts.skipped) status.push(`${counts.skipped} skipped`);
  if (missing > 0) status.push(`${missing} never finished`);
  const kind = h.parameter_spec._kind;
  // The Monte Carlo n drawn at launch; run_count is raised by each extend to its target.
  const launched = typeof h.parameter_spec.n === "number" ? h.parameter_spec.n : h.run_count;
  const extended = kind === "monte_carlo" && total > launched ? total - launched : 0;
  const script = sh(scriptMember);
  const engine = h.engine.kind === "gmat"
    ? `GMAT ${h.engine.version}${h.engine.path ? ` (${code(h.engine.path)})` : ""}`
    : `built-in ${h.engine.version}`;

  const lines = [
    `# gmat-sweep study: ${code(scriptMember.slice(scriptMember.indexOf("/") + 1))}`,
    "",
    "A self-contained gmat-sweep study: the GMAT script, the sweep's manifest and what its runs",
    `wrote. Made by \`gmat-sweep archive\` (gmat-sweep ${input.archiverVersion}).`,
    "",
    "## Summary",
    "",
    `- Script: ${code(scriptMember)}, canonical SHA-256 ${code(h.script_sha256)}`,
    `- Run set: ${describeRunSet(h.parameter_spec)}; ${extended ? launched : h.run_count} runs ` +
    "planned" + (extended ? `, extended to ${total}` : ""),
    `- Runs recorded: ${manifest.entries.length} (${status.join(", ")})`,
    `- Seed: ${h.sweep_seed ?? "none"}`,
    `- Engine: ${engine}`,
    `- Postprocess hook: ${h.postprocess === null ? "none" : code(h.postprocess)}`,
    `- Manifest written by gmat-sweep ${h.gmat_sweep_version}` +
    (h.deno_version ? ` on Deno ${h.deno_version}` : "") +
    (h.created_at ? `, started ${h.created_at}` : ""),
    "",
    "## Layout",
    "",
    "| path | what |",
    "| --- | --- |",
    "| `manifest.jsonl` | the manifest: a header line, then one line per finished run (every " +
    "attempt, the last one counts); run paths are relative to `runs/`, `script_path` to this " +
    "directory |",
    `| ${code(scriptMember)} | the script the sweep ran, byte for byte |`,
    input.runFiles === "all"
      ? `| \`${RUNS_DIR}/run-<id>/\` | every file of each recorded run: Parquet outputs ` +
        "(`report__<name>.parquet`, ...), `worker.log`, hook outputs, the run's script with " +
        "its overrides and GMAT's raw outputs |"
      : `| \`${RUNS_DIR}/run-<id>/\` | the files the manifest names for each recorded run: ` +
        "Parquet outputs, hook outputs and logs |",
    `| \`${HASH_FILE_NAME}\` | the SHA-256 of every other file |`,
    "",
    "In the commands below, `gmat-sweep` is `deno run -A <gmat-sweep>/cli.ts`, run from this",
    "directory.",
    "",
    "## Check",
    "",
    "```sh",
    `sha256sum -c ${HASH_FILE_NAME}`,
    "gmat-sweep verify manifest.jsonl   # each run's outputs against their recorded SHA-256",
    "```",
    "",
    "## Aggregate",
    "",
    "```ts",
    'import { lazyOutputs, Sweep } from "<gmat-sweep>/mod.ts";',
    `const sweep = await Sweep.fromManifest("manifest.jsonl", ${JSON.stringify(scriptMember)}, {`,
    `  outputDir: "${RUNS_DIR}",`,
    "});",
    "const table = await sweep.toTable(); // (run_id, time), one marker row per failed run",
    "// Without the script (and without loading a postprocess hook):",
    `const same = await lazyOutputs("manifest.jsonl", { outputDir: "${RUNS_DIR}" });`,
    "```",
    "",
    "```sh",
    "gmat-sweep show manifest.jsonl --detail",
    "```",
    "",
    "## Resume",
    "",
    "Re-runs the failed runs and the runs that never finished (nothing when every run is ok):",
    "",
    "```sh",
    `gmat-sweep resume manifest.jsonl --script ${script} --output-dir ${RUNS_DIR}`,
    "```",
    "",
    "## Recompute from scratch",
    "",
    "A manifest with only the header plans every run again (same run set, same seed):",
    "",
    "```sh",
    "mkdir fresh && head -n 1 manifest.jsonl > fresh/manifest.jsonl",
    `gmat-sweep resume fresh/manifest.jsonl --script ${script} --output-dir fresh`,
    ...(extended
      ? [
        `gmat-sweep extend fresh/manifest.jsonl --script ${script} --output-dir fresh ` +
        `--n ${extended}`,
      ]
      : []),
    "```",
  ];
  const notes: string[] = [];
  if (h.postprocess !== null) {
    notes.push(
      `- The postprocess hook ${code(h.postprocess)} is not in this archive. Resume and ` +
        "`Sweep.fromManifest` load it again, so it must resolve on this machine; " +
        "`lazyOutputs` and `lazyExtraOutputs` read the tables without it.",
    );
  }
  if (h.engine.kind === "gmat") {
    notes.push(
      "- The runs used real GMAT: resume and recompute need a GMAT install (`--gmat-root DIR`).",
    );
  }
  if (notes.length > 0) lines.push("", "## Notes", "", ...notes);
  return lines.join("\n") + "\n";
}
