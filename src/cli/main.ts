/**
 * The gmat-sweep command line: subcommand dispatch, the only top-level catch, the only exit code.
 *
 * @module
 */

import { runConsole } from "../engine/mod.ts";
import { workerMain } from "../pool/worker_main.ts";
import { runSlurmTask } from "../pool/slurm_task_main.ts";
import { POOL_WORKER_COMMAND, SLURM_TASK_COMMAND } from "../runtime/mod.ts";
import { archiveCommand } from "./archive_command.ts";
import { engineCommand } from "./engine_command.ts";
import { plotCommand } from "./plot_command.ts";
import { ExitError } from "./exit_error.ts";
import { showCommand } from "./show_command.ts";
import { exitCodeFor, reopenCommand, sweepCommand } from "./sweep_commands.ts";

/** Top-level help. */
export const MAIN_HELP = `gmat-sweep: parameter sweeps and Monte Carlo over GMAT mission scripts

Usage:
  gmat-sweep <command> [options]

Commands:
  run SCRIPT --grid ...       full-factorial grid over script fields
  monte-carlo SCRIPT ...      Monte Carlo dispersion (numpy-compatible seed contract)
  latin-hypercube SCRIPT ...  Latin hypercube sample
  explicit SCRIPT --samples   one run per row of a CSV or Parquet file
  resume MANIFEST --script    re-run failed and missing runs
  extend MANIFEST --script    add runs to a Monte Carlo sweep
  show MANIFEST               summary, --detail table, or --run N
  plot KIND MANIFEST --out F  scatter | heatmap | band | convergence plot as SVG
  archive MANIFEST --script --out F.zip
                              a byte-deterministic zip of a sweep (sha256sum -c checks it)
  engine SCRIPT [--out DIR]   run one script on the built-in engine and list its outputs
  gmat-console [ARGS]         GmatConsole-compatible entry (--run, --logfile, --startup_file)

Run 'gmat-sweep <command> --help' for a command's options and examples.

Examples:
  gmat-sweep run fixtures/scripts/leo_basic.script --grid Sat.SMA=7000:7300:16 --out /tmp/sma
  gmat-sweep show /tmp/sma/manifest.jsonl --detail
  gmat-sweep engine fixtures/scripts/leo_basic.script --out /tmp/leo
  gmat-sweep gmat-console --run fixtures/scripts/leo_basic.script --logfile /tmp/GmatLog.txt
`;

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
      case "run":
      case "monte-carlo":
      case "latin-hypercube":
      case "explicit":
        return await sweepCommand(command, rest, io);
      case "resume":
      case "extend":
        return await reopenCommand(command, rest, io);
      // Hidden: what a compiled binary runs for its own pool workers and SLURM tasks.
      case POOL_WORKER_COMMAND:
        await workerMain();
        return 0;
      case SLURM_TASK_COMMAND:
        await runSlurmTask(rest);
        return 0;
      case "plot":
        return await plotCommand(rest, io);
      case "archive":
        return await archiveCommand(rest, io);
      case "show":
        return await showCommand(rest, io);
      case "engine":
        return await engineCommand(rest, io.print);
      case "gmat-console":
        return await runConsole(rest, {
          print: io.print,
          binDir: Deno.env.get("GMAT_SWEEP_BIN_DIR") ?? Deno.cwd(),
        });
      default:
        throw new ExitError(2, `unknown command '${command}'\n\n${MAIN_HELP}`);
    }
  } catch (e) {
    if (e instanceof ExitError) {
      io.error(`gmat-sweep: ${e.message}`);
      return e.exitCode;
    }
    const code = exitCodeFor(e);
    if (code !== undefined) {
      io.error(`gmat-sweep: ${(e as Error).message}`);
      return code;
    }
    io.error(`gmat-sweep: unexpected error: ${e instanceof Error ? e.stack : e}`);
    return 1;
  }
}
