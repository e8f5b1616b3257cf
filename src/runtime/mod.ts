/**
 * How gmat-sweep starts its own helper processes, whether it runs as `deno run` or as a binary
 * built by `deno compile`: the command of a pool worker and of a SLURM task (the binary runs
 * itself with a hidden subcommand; `deno run` runs the entry module), and the `deno` executable
 * the hook sandbox needs (a compiled binary cannot be it: it finds one, or says how to).
 *
 * @module
 */

import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GmatSweepError } from "../errors/mod.ts";

/** The hidden CLI subcommand a compiled binary runs for a local pool worker. */
export const POOL_WORKER_COMMAND = "__pool-worker";
/** The hidden CLI subcommand a compiled binary runs for a SLURM array task. */
export const SLURM_TASK_COMMAND = "__slurm-task";

/** The environment variable naming the `deno` the hook sandbox runs with. */
export const DENO_ENV = "GMAT_SWEEP_DENO";

/** What the decisions here depend on (the running process, or a test's stand-in). */
export interface RuntimeFacts {
  /** Whether this is a `deno compile` binary. */
  readonly standalone: boolean;
  /** This process's executable. */
  readonly execPath: string;
  /** Environment lookup. */
  readonly env: (name: string) => string | undefined;
}

/** The facts of this process. */
export function currentRuntime(): RuntimeFacts {
  return {
    standalone: Deno.build.standalone === true,
    execPath: Deno.execPath(),
    env: (name) => Deno.env.get(name),
  };
}

/** The gmat-sweep repository's config (the import map its modules load under). */
const CONFIG = new URL("../../deno.json", import.meta.url);

/**
 * The command that runs one of gmat-sweep's process entries: a compiled binary runs itself with
 * the hidden subcommand; otherwise `deno run -A` runs the entry module under gmat-sweep's config.
 *
 * @param entry The entry module (`file:` URL).
 * @param subcommand The hidden subcommand that does the same in a compiled binary.
 * @param flags Extra `deno run` flags (e.g. V8 flags).
 */
export function selfCommand(
  entry: URL,
  subcommand: string,
  flags: readonly string[] = [],
  runtime: RuntimeFacts = currentRuntime(),
): string[] {
  if (runtime.standalone) return [runtime.execPath, subcommand];
  const args = [runtime.execPath, "run", "-A", "--quiet", ...flags];
  if (CONFIG.protocol === "file:") args.push("--config", fileURLToPath(CONFIG));
  args.push(entry.protocol === "file:" ? fileURLToPath(entry) : entry.href);
  return args;
}

function onPath(name: string, path: string | undefined): string | undefined {
  for (const dir of (path ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    try {
      const info = Deno.statSync(candidate);
      if (info.isFile && ((info.mode ?? 0o111) & 0o111) !== 0) return candidate;
    } catch { /* not here */ }
  }
  return undefined;
}

/**
 * The `deno` executable the hook sandbox runs: `$GMAT_SWEEP_DENO`, else this Deno (under
 * `deno run`), else (in a compiled binary) the first `deno` on `PATH`.
 *
 * @throws {GmatSweepError} `HOOK_SANDBOX` from a compiled binary when no `deno` is found.
 */
export function sandboxDeno(runtime: RuntimeFacts = currentRuntime()): string {
  const given = runtime.env(DENO_ENV);
  if (given) return given;
  if (!runtime.standalone) return runtime.execPath;
  const found = onPath(Deno.build.os === "windows" ? "deno.exe" : "deno", runtime.env("PATH"));
  if (found) return found;
  throw new GmatSweepError(
    "HOOK_SANDBOX",
    "Postprocess hooks run in a Deno sandbox, and this gmat-sweep binary found no `deno` " +
      `executable on PATH; install Deno (npm install deno, or its installer) or set ${DENO_ENV} ` +
      "to its path",
  );
}
