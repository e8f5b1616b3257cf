/**
 * `gmat-sweep engine SCRIPT [--out DIR]`: run one script on the built-in engine, GmatConsole
 * style, and print where its outputs went.
 *
 * @module
 */

import { resolve } from "node:path";
import { EngineRunError, runScriptFile } from "../engine/mod.ts";
import { ScriptError } from "../script/errors.ts";
import { ExitError } from "./exit_error.ts";
import { parseCommand } from "./parse_command.ts";

/** Help text of the engine command. */
export const ENGINE_HELP = `gmat-sweep engine: run one GMAT script on the built-in engine

Usage:
  gmat-sweep engine SCRIPT [--out DIR]

Options:
  --out DIR   where outputs with relative Filenames go (GMAT's OUTPUT_PATH); default: .
  -h, --help  show this help

The built-in engine runs a documented subset of GMAT script (point-mass Earth, RungeKutta89,
PrinceDormand78/45, ImpulsiveBurn, ReportFile, EphemerisFile) and refuses anything else with
the file, line and a fix.

Examples:
  gmat-sweep engine fixtures/scripts/leo_basic.script --out /tmp/leo
  gmat-sweep engine mission.script          # outputs land in the current directory
`;

/** Run the engine command; returns the exit code. */
export async function engineCommand(
  args: string[],
  print: (line: string) => void,
): Promise<number> {
  const parsed = parseCommand(args, {
    out: { type: "string" },
    help: { type: "boolean", short: "h" },
  }, "engine");
  if (parsed.values.help) {
    print(ENGINE_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    throw new ExitError(2, "expected exactly one SCRIPT", "engine");
  }
  const script = parsed.positionals[0];
  const outputDir = resolve(parsed.values.out ?? ".");
  const t0 = performance.now();
  try {
    await Deno.mkdir(outputDir, { recursive: true });
    const result = await runScriptFile(script, { outputDir });
    for (const w of result.warnings) print(w);
    print(`Output directory: ${outputDir}`);
    for (const kind of ["report", "ephemeris"] as const) {
      const outs = result.outputs.filter((o) => o.kind === kind);
      print(kind === "report" ? "Reports:" : "Ephemerides:");
      if (outs.length === 0) print("  (none)");
      for (const o of outs) print(`  ${o.name}: ${o.rows} rows -> ${o.path}`);
    }
    print(
      `Mission run completed in ${((performance.now() - t0) / 1000).toFixed(3)} s ` +
        `(${result.counters.steps} steps, ${result.counters.forceEvaluations} force evaluations)`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ScriptError) throw new ExitError(2, `[${e.code}] ${e.message}`);
    if (e instanceof EngineRunError) throw new ExitError(1, e.message);
    throw e;
  }
}
