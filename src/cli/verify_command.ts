/**
 * `gmat-sweep verify MANIFEST`: check a sweep's run tree (or an unpacked archive) against the
 * manifest: every ok run's outputs present, inside the tree, with the recorded size and SHA-256.
 *
 * Exit codes: 0 everything matches; 3 a file is missing, damaged or outside the tree (each is
 * printed), or the manifest cannot be read; 2 bad usage.
 *
 * @module
 */

import { verifySweep } from "../sweep/verify_sweep.ts";
import { ExitError } from "./exit_error.ts";
import { parseCommand } from "./parse_command.ts";
import type { CliIo } from "./sweep_commands.ts";

/** Help of the verify command. */
export const VERIFY_HELP = `gmat-sweep verify: check a sweep's files against its manifest

Usage:
  gmat-sweep verify MANIFEST [--output-dir DIR]

Every ok run's outputs and hook outputs must exist inside the output directory with the size and
SHA-256 the manifest recorded when the run finished (manifests from before sizes were recorded:
presence only). In an unpacked archive, MANIFEST.hash is checked too. Paths that leave the
output directory are reported and never opened.

Options:
  --output-dir DIR   the directory holding the run-<id> folders (default: the manifest's, or
                     the runs/ of an unpacked archive)
Exit codes: 0 all files match, 3 a file is missing, damaged or outside (or the manifest cannot
be read), 2 bad usage.

Examples:
  gmat-sweep verify sweeps/sma/manifest.jsonl
  unzip -q study.zip -d study && gmat-sweep verify study/manifest.jsonl
`;

/**
 * Run the verify command.
 *
 * @param args The arguments after `verify`.
 * @param io Where to print.
 * @returns 0 when every file matches.
 * @throws {ExitError} Code 3 when a file does not match, 2 for bad usage.
 */
export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, {
    "output-dir": { type: "string" },
    help: { type: "boolean", short: "h" },
  }, "verify");
  if (parsed.values.help) {
    io.print(VERIFY_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    throw new ExitError(2, "expected one MANIFEST", "verify");
  }
  const manifest = parsed.positionals[0];
  const report = await verifySweep(manifest, {
    outputDir: parsed.values["output-dir"],
    onProblem: (p) =>
      io.print(
        `${
          p.runId === null ? "archive" : `run ${p.runId}`
        }: ${p.field} ${p.path}: ${p.kind} (${p.detail})`,
      ),
  });
  const archive = report.archiveMembers > 0
    ? `, ${report.archiveMembers} archive members (MANIFEST.hash)`
    : "";
  const unrecorded = report.unrecorded > 0
    ? ` (${report.unrecorded} without a recorded size and SHA-256: presence only)`
    : "";
  const checked = `${report.runs} runs, ${report.files} files${archive}`;
  if (report.problems === 0) {
    io.print(`verified ${checked}: every file matches the manifest${unrecorded}`);
    return 0;
  }
  throw new ExitError(
    3,
    `${report.problems} of ${report.files} files do not match ${manifest} (${checked})` +
      `${unrecorded}; fix: restore the files listed above (from a backup or the sweep's ` +
      "archive), or run those runs again with gmat-sweep resume MANIFEST --script SCRIPT " +
      "--rerun-damaged; their table rows read as output_missing / output_damaged until then",
  );
}
