/**
 * The gmat-sweep command line: subcommand dispatch, the only top-level catch, the only exit code.
 *
 * Each command's module is imported when that command runs (static specifiers, so `deno compile`
 * still embeds them): `--help` loads nothing, `show` and `verify` load the manifest layer only,
 * and the plot and analysis libraries (vega, vega-lite, d3) load for `plot` alone.
 *
 * @module
 */

import { GmatSweepError } from "../errors/mod.ts";
import { bareStorageError } from "../errors/storage_error.ts";
import { POOL_WORKER_COMMAND, SLURM_TASK_COMMAND } from "../runtime/mod.ts";
import { GMAT_SWEEP_VERSION } from "../runtime/version.ts";
import { ExitError } from "./exit_error.ts";

/** Top-level help. */
export const MAIN_HELP = `gmat-sweep: parameter sweeps and Monte Carlo over GMAT mission scripts

Usage:
  gmat-sweep <command> [options]

Commands:
  run SCRIPT --grid ...       full-factorial grid over script fields
  run STUDY.jsonc             the sweep a study file describes (any kind; see run --help)
  monte-carlo SCRIPT ...      Monte Carlo dispersion (numpy-compatible seed contract)
  latin-hypercube SCRIPT ...  Latin hypercube sample
  explicit SCRIPT --samples   one run per row of a CSV or Parquet file
  resume MANIFEST --script    re-run failed and missing runs
  extend MANIFEST --script    add runs to a Monte Carlo sweep
  rehook MANIFEST             run a (fixed) hook again on recorded ok runs, no engine run
  show MANIFEST               summary, --detail table, or --run N
  table MANIFEST --out F      the stitched table (or a hook output's) as Parquet or CSV
  verify MANIFEST             check every recorded output against its size and SHA-256
  plot KIND MANIFEST --out F  scatter | heatmap | band | convergence plot as SVG
  archive MANIFEST --script --out F.zip
                              a byte-deterministic zip of a sweep (sha256sum -c checks it)
  engine SCRIPT [--out DIR]   run one script on the built-in engine and list its outputs
  gmat-console [ARGS]         GmatConsole-compatible entry (--run, --logfile, --startup_file)

Run 'gmat-sweep <command> --help' for a command's options and examples;
'gmat-sweep --version' prints the version.

Examples:
  gmat-sweep run fixtures/scripts/leo_basic.script --grid Sat.SMA=7000:7300:16 --out /tmp/sma
  gmat-sweep show /tmp/sma/manifest.jsonl --detail
  gmat-sweep table /tmp/sma/manifest.jsonl --out /tmp/sma.csv
  gmat-sweep engine fixtures/scripts/leo_basic.script --out /tmp/leo
  gmat-sweep gmat-console --run fixtures/scripts/leo_basic.script --logfile /tmp/GmatLog.txt
`;

/**
 * The exit code of a library error (see the help's exit codes), undefined for other errors.
 *
 * @param e Anything thrown.
 * @returns 2 bad input, 3 manifest problem, 4 backend problem, 5 storage problem, 1 otherwise.
 */
export function exitCodeFor(e: unknown): number | undefined {
  if (!(e instanceof GmatSweepError)) return undefined;
  if (e.code.startsWith("MANIFEST")) return 3;
  if (e.code.startsWith("STORAGE_")) return 5;
  if (
    ["SWEEP_CONFIG", "SWEEP_EXISTS", "RUNSET_CONFIG", "SCRIPT_DRIFT", "OVERRIDE_INVALID"]
      .includes(e.code)
  ) {
    return 2;
  }
  if (e.code.startsWith("SCRIPT_") || e.code === "ENGINE_UNSUPPORTED") return 2;
  if (e.code.startsWith("HOOK_") || e.code === "ARGUMENT") return 2;
  if (e.code === "GMAT_NOT_FOUND" || e.code.startsWith("BACKEND")) return 4;
  if (e.code.startsWith("SLURM")) return 4;
  return 1;
}

/** Run the CLI with arguments; returns the exit code (never exits the process). */
export async function main(
  args: string[],
  io: { print: (s: string) => void; error: (s: string) => void } = {
    print: (s) => console.log(s),
    error: (s) => console.error(s),
  },
): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case undefined:
      case "-h":
      case "--help":
      case "help":
        io.print(MAIN_HELP);
        return command === undefined ? 2 : 0;
      case "-V":
      case "--version":
      case "version":
        io.print(`gmat-sweep ${GMAT_SWEEP_VERSION}`);
        return 0;
      case "run":
        if (/\.jsonc?$/i.test(rest[0] ?? "")) {
          return await (await import("./sweep_commands.ts")).studyCommand(rest, io);
        }
        return await (await import("./sweep_commands.ts")).sweepCommand(command, rest, io);
      case "monte-carlo":
      case "latin-hypercube":
      case "explicit":
        return await (await import("./sweep_commands.ts")).sweepCommand(command, rest, io);
      case "resume":
      case "extend":
        return await (await import("./sweep_commands.ts")).reopenCommand(command, rest, io);
      // Hidden: what a compiled binary runs for its own pool workers and SLURM tasks.
      case POOL_WORKER_COMMAND:
        await (await import("../pool/worker_main.ts")).workerMain();
        return 0;
      case SLURM_TASK_COMMAND:
        await (await import("../pool/slurm_task_main.ts")).runSlurmTask(rest);
        return 0;
      case "plot":
        return await (await import("./plot_command.ts")).plotCommand(rest, io);
      case "archive":
        return await (await import("./archive_command.ts")).archiveCommand(rest, io);
      case "rehook":
        return await (await import("./rehook_command.ts")).rehookCommand(rest, io);
      case "show":
        return await (await import("./show_command.ts")).showCommand(rest, io);
      case "table":
        return await (await import("./table_command.ts")).tableCommand(rest, io);
      case "verify":
        return await (await import("./verify_command.ts")).verifyCommand(rest, io);
      case "engine":
        return await (await import("./engine_command.ts")).engineCommand(rest, io.print);
      case "gmat-console":
        return await (await import("../engine/mod.ts")).runConsole(rest, {
          print: io.print,
          write: (text) => {
            Deno.stdout.writeSync(new TextEncoder().encode(text));
          },
          input: Deno.stdin.readable,
          binDir: Deno.env.get("GMAT_SWEEP_BIN_DIR") ?? Deno.cwd(),
        });
      default:
        throw new ExitError(2, `unknown command '${command}'`, "");
    }
  } catch (e) {
    if (e instanceof ExitError) {
      io.error(`gmat-sweep: ${e.message}`);
      if (e.usageOf !== undefined) {
        const help = e.usageOf === "" ? "gmat-sweep --help" : `gmat-sweep ${e.usageOf} --help`;
        io.error(`Run '${help}' for usage and examples.`);
      }
      return e.exitCode;
    }
    // A file the system refused with no context of ours is still a storage failure (exit 5).
    const known = bareStorageError(e) ?? e;
    const code = exitCodeFor(known);
    if (code !== undefined) {
      io.error(`gmat-sweep: ${(known as Error).message}`);
      return code;
    }
    io.error(`gmat-sweep: unexpected error: ${e instanceof Error ? e.stack : e}`);
    return 1;
  }
}
