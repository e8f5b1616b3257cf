/**
 * `gmat-sweep archive MANIFEST --script SCRIPT --out study.zip`: a sweep as one byte-deterministic
 * zip (see `src/archive/`).
 *
 * Exit codes: 0 written; 2 bad input (usage, a missing script, output directory or run file, a
 * path outside the output directory, an unusable archive path, script drift); 3 a missing or
 * corrupt manifest (the manifest layer's errors, mapped by the CLI entry); 1 anything else.
 *
 * @module
 */

import { ARCHIVE_INPUT_CODES, ArchiveError, archiveSweep } from "../archive/mod.ts";
import { ExitError } from "./exit_error.ts";
import { parseCommand } from "./parse_command.ts";
import type { CliIo } from "./sweep_commands.ts";

/** Help of the archive command. */
export const ARCHIVE_HELP = `gmat-sweep archive: a sweep as one reproducible zip

Usage:
  gmat-sweep archive MANIFEST --script SCRIPT --out PATH.zip [--output-dir DIR]
                     [--outputs-only] [--allow-script-drift]

The archive is byte-deterministic (the same sweep always gives the same bytes) and holds:
  MANIFEST.hash      SHA-256 of every other file, for sha256sum -c
  README.md          what the study is; how to check, aggregate, resume and recompute it
  manifest.jsonl     the manifest, run paths relative to runs/, script_path script/<name>
  runs/run-<id>/     each recorded run's files: Parquet outputs, worker.log, hook outputs and
                     log, the run's script with its overrides, GMAT's raw outputs
  script/<name>      the script, byte for byte
Unpacked anywhere, it checks, aggregates and resumes with no edits:
  sha256sum -c MANIFEST.hash
  gmat-sweep resume manifest.jsonl --script script/<name> --output-dir runs

Options:
  --script SCRIPT        the script the sweep ran (required; its canonical hash must match)
  --out PATH             the archive to write (required; replaced if it exists)
  --output-dir DIR       the directory holding the run-<id> folders (default: the manifest's)
  --outputs-only         only the files the manifest names (outputs, hook outputs, logs): no
                         raw GMAT files, no per-run scripts
  --allow-script-drift   bundle a script whose hash differs from the manifest's (a warning;
                         resuming the archive then needs --allow-script-drift too)
Exit codes: 0 written, 1 error, 2 bad input, 3 manifest problem.

Examples:
  gmat-sweep archive sweeps/sma/manifest.jsonl --script leo.script --out sma-study.zip
  gmat-sweep archive /scratch/sma.jsonl --script leo.script --output-dir /scratch/sma \\
      --out sma-study.zip --outputs-only
`;

function usage(message: string): never {
  throw new ExitError(2, message, "archive");
}

/**
 * Run the archive command.
 *
 * @param args The arguments after `archive`.
 * @param io Where to print.
 * @returns 0 when the archive is written.
 * @throws {ExitError} With code 2 for bad input, 1 for other archive failures.
 */
export async function archiveCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, {
    script: { type: "string" },
    out: { type: "string" },
    "output-dir": { type: "string" },
    "outputs-only": { type: "boolean" },
    "allow-script-drift": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  }, "archive");
  const v = parsed.values;
  if (v.help) {
    io.print(ARCHIVE_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1) usage("expected exactly one MANIFEST");
  if (v.script === undefined) usage("--script SCRIPT is required (it is hash-checked and bundled)");
  if (v.out === undefined) usage("--out PATH is required (the zip to write)");
  try {
    const result = await archiveSweep({
      manifestPath: parsed.positionals[0],
      scriptPath: v.script,
      outputDir: v["output-dir"],
      out: v.out,
      runFiles: v["outputs-only"] ? "referenced" : "all",
      allowScriptDrift: v["allow-script-drift"] === true,
      onWarning: (w) => io.error(`gmat-sweep: warning: ${w}`),
    });
    io.print(
      `archived ${result.runs} runs (${result.members.length} files, ${result.bytes} bytes) ` +
        `to ${result.out}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ArchiveError) {
      throw new ExitError(ARCHIVE_INPUT_CODES.has(e.code) ? 2 : 1, e.message);
    }
    throw e;
  }
}
