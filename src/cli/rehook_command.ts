/**
 * `gmat-sweep rehook MANIFEST`: run a postprocess hook again (the recorded one, or a new one) on
 * a sweep's recorded ok runs, without running the engine.
 *
 * @module
 */

import { rehookSweep } from "../sweep/rehook.ts";
import { ExitError } from "./exit_error.ts";
import { parseCommand } from "./parse_command.ts";
import { countsText } from "./summary_line.ts";
import { type CliIo, HOOK_OPTIONS } from "./sweep_commands.ts";

/** Help of the rehook command. */
export const REHOOK_HELP = `gmat-sweep rehook: run a hook again on recorded ok runs (no engine run)

Usage:
  gmat-sweep rehook MANIFEST [--postprocess SPEC] [--runs failed|all|IDS] [options]

Runs the manifest's hook (with its recorded permissions), or --postprocess SPEC (then recorded
in the header, so later resumes and extends apply it), on recorded ok runs: --runs failed (the
default: runs whose hook failed), all, or run ids (3,7,10-20). Each run's engine outputs are
checked against their recorded SHA-256 first; each run gets a new manifest entry (last wins)
with the hook's outputs, status and provenance (specifier and module-graph hash).

Options:
  --postprocess SPEC            the hook to run instead of the recorded one
  --postprocess-allow KIND[=V]  permissions of the new hook (repeatable)
  --postprocess-timeout SECONDS time one hook call may take (default 300)
  --postprocess-isolation run|sweep
                                default: the recorded mode
  --postprocess-memory MB       heap limit of each hook (default 2048)
  --postprocess-max-output BYTES
                                total bytes one run's hook may register (default 1 GiB)
  --output-dir DIR              the run tree, when not the manifest's directory
  --workers N                   hooks at the same time (default: number of cores)

Examples:
  gmat-sweep rehook sweeps/h/manifest.jsonl --postprocess ./pipeline.ts#deriveOrbitMetrics
  gmat-sweep rehook sweeps/h/manifest.jsonl --runs all
`;

/** `3,7,10-20` as run ids. */
function parseIds(text: string): number[] {
  const ids: number[] = [];
  for (const part of text.split(",")) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (m === null) {
      throw new ExitError(2, `--runs: '${part}' is not a run id or a range A-B\n\n${REHOOK_HELP}`);
    }
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from || to - from > 100_000_000) {
      throw new ExitError(2, `--runs: range '${part}' is empty or too large`);
    }
    for (let id = from; id <= to; id++) ids.push(id);
  }
  return ids;
}

function positive(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!(n > 0)) throw new ExitError(2, `--${name} must be a positive number, got '${text}'`);
  return n;
}

/** Run the rehook command. */
export async function rehookCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, {
    ...HOOK_OPTIONS,
    runs: { type: "string" },
    "output-dir": { type: "string" },
    workers: { type: "string" },
    quiet: { type: "boolean", short: "q" },
    help: { type: "boolean", short: "h" },
  }, REHOOK_HELP);
  const v = parsed.values;
  if (v.help) {
    io.print(REHOOK_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    throw new ExitError(2, `expected one MANIFEST\n\n${REHOOK_HELP}`);
  }
  const allow = v["postprocess-allow"] ?? [];
  if (allow.length > 0 && v.postprocess === undefined) {
    throw new ExitError(
      2,
      "--postprocess-allow needs --postprocess SPEC (a recorded hook keeps its permissions)",
    );
  }
  const isolation = v["postprocess-isolation"];
  if (isolation !== undefined && isolation !== "run" && isolation !== "sweep") {
    throw new ExitError(2, `--postprocess-isolation must be run or sweep, got '${isolation}'`);
  }
  const runs = v.runs === undefined || v.runs === "failed" || v.runs === "all"
    ? (v.runs as "failed" | "all" | undefined)
    : parseIds(v.runs);
  const workers = positive("workers", v.workers);
  if (workers !== undefined && !Number.isInteger(workers)) {
    throw new ExitError(2, "--workers must be a whole number");
  }
  const controller = new AbortController();
  const stop = () => controller.abort();
  const signals: Deno.Signal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];
  for (const s of signals) Deno.addSignalListener(s, stop);
  try {
    const summary = await rehookSweep(parsed.positionals[0], {
      postprocess: v.postprocess,
      postprocessPermissions: allow,
      postprocessTimeoutS: positive("postprocess-timeout", v["postprocess-timeout"]),
      postprocessIsolation: isolation as "run" | "sweep" | undefined,
      postprocessMemoryMb: positive("postprocess-memory", v["postprocess-memory"]),
      postprocessMaxOutputBytes: positive("postprocess-max-output", v["postprocess-max-output"]),
      runs,
      workers,
      outputDir: v["output-dir"],
      onWarning: (w) => io.error(`gmat-sweep: warning: ${w}`),
    }, controller.signal);
    io.print(
      `rehook ${summary.hook} (module graph sha256 ${summary.hookSha256.slice(0, 12)}...): ` +
        `${summary.ran} runs (hooks: ${summary.hooksOk} ok, ${summary.hooksFailed} failed)` +
        (summary.damaged ? `, ${summary.damaged} left alone (engine outputs changed)` : ""),
    );
    io.print(
      `${countsText(summary.totals)} in ${summary.wallS.toFixed(2)} s wall — output: ` +
        summary.outputDir,
    );
    return summary.interrupted ? 130 : 0;
  } finally {
    for (const s of signals) Deno.removeSignalListener(s, stop);
  }
}
