/**
 * A GMAT-shaped install for tests whose bin/GmatConsole is the built-in engine's console
 * (interactive mode included), wrapped so that every start of the console appends its pid and
 * argument count to a file: how tests count console starts, per worker or per SLURM task.
 *
 * @module
 */

import { join } from "node:path";
import { makeGmatInstall } from "../../src/engine/mod.ts";
import { ROOT } from "./engine.ts";

/** An install whose console logs each start (`<pid> <argument count>`) to `<dir>/starts.txt`. */
export async function countingInstall(
  dir: string,
): Promise<{ root: string; starts: () => Start[] }> {
  const root = join(dir, "GMAT-R2026a");
  const counter = join(dir, "starts.txt");
  const entry = join(ROOT, "src", "engine", "console_main.ts");
  await makeGmatInstall(root, {
    console: `echo "$$ $#" >> '${counter}'\n` +
      `GMAT_SWEEP_BIN_DIR="$(cd "$(dirname "$0")" && pwd)" exec '${Deno.execPath()}' run -A ` +
      `'${entry}' "$@"`,
  });
  const starts = () => {
    let text = "";
    try {
      text = Deno.readTextFileSync(counter);
    } catch {
      // none yet
    }
    return text.trim().split("\n").filter((l) => l !== "").map((l) => {
      const [pid, args] = l.split(" ").map(Number);
      return { pid, args };
    });
  };
  return { root, starts };
}

/** One start of the console. */
export interface Start {
  /** The console's pid. */
  readonly pid: number;
  /** 0 for an interactive console; `--version` probes and `--run` starts have arguments. */
  readonly args: number;
}

/** The starts of interactive consoles (no arguments). */
export const interactiveStarts: (s: Start[]) => Start[] = (s: Start[]) =>
  s.filter((x) => x.args === 0);
