/**
 * Running the real CLI as a subprocess, for tests.
 *
 * @module
 */

import { join } from "node:path";
import { ROOT } from "./engine.ts";

/** Result of a CLI run. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `deno run -A cli.ts ...args`. */
export function cli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return command(Deno.execPath(), ["run", "-A", "--quiet", join(ROOT, "cli.ts"), ...args], {
    cwd: ROOT,
    env: { DENO_NO_PACKAGE_JSON: "1", NO_COLOR: "1", ...env },
  });
}

/** Options of {@link command}. */
export interface CommandOptions {
  /** Working directory. */
  readonly cwd?: string;
  /** Environment added to this process's (or the whole environment, with `clearEnv`). */
  readonly env?: Record<string, string>;
  /** Start from an empty environment. */
  readonly clearEnv?: boolean;
}

/** Run a program to its end, its output decoded. */
export async function command(
  program: string,
  args: string[],
  options: CommandOptions = {},
): Promise<CliResult> {
  const out = await new Deno.Command(program, {
    args,
    cwd: options.cwd,
    env: options.env,
    clearEnv: options.clearEnv,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}
