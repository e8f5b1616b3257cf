/**
 * Checking what a hook returned: a map of names to files inside its run directory. Paths may be
 * absolute or relative to the run directory; each must resolve (symlinks followed) to an existing
 * regular file inside the run directory. Anything else is a recorded hook failure naming the
 * entry and the fix.
 *
 * @module
 */

import { isAbsolute, join, relative, resolve, sep } from "node:path";

/** The checked outputs (absolute paths), or why they cannot be used. */
export type CheckedOutputs =
  | { readonly ok: true; readonly outputs: Record<string, string> }
  | { readonly ok: false; readonly error: string };

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}

/**
 * Check a hook's return value against its run directory.
 *
 * @param value What the hook returned (`undefined`/`null` mean no outputs).
 * @param runDir The run's directory.
 */
export async function checkHookOutputs(value: unknown, runDir: string): Promise<CheckedOutputs> {
  if (value === undefined || value === null) return { ok: true, outputs: {} };
  if (typeof value !== "object" || Array.isArray(value)) {
    return {
      ok: false,
      error: `the hook returned ${Array.isArray(value) ? "an array" : typeof value}; ` +
        "return an object of output names to file paths, e.g. { orbit_metrics: path }",
    };
  }
  const realDir = await Deno.realPath(runDir);
  const outputs: Record<string, string> = {};
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!NAME.test(name)) {
      return {
        ok: false,
        error: `the hook returned output name ${JSON.stringify(name)}; ` +
          "use letters, digits, '_', '.' and '-' (it becomes a manifest key)",
      };
    }
    if (typeof raw !== "string" || raw === "") {
      return {
        ok: false,
        error: `the hook returned ${name} -> ${JSON.stringify(raw)}; each value must be the ` +
          "path of a file it wrote in its run directory",
      };
    }
    const path = resolve(runDir, raw);
    let real: string;
    try {
      real = await Deno.realPath(path);
    } catch {
      return {
        ok: false,
        error: `the hook returned ${name} -> ${path}, which does not exist; write the file ` +
          "before returning its path",
      };
    }
    if (!inside(realDir, real)) {
      return {
        ok: false,
        error: `the hook returned ${name} -> ${raw}, which is outside the run directory ` +
          `${runDir}; write outputs inside spec.outputDir and return their paths`,
      };
    }
    if (!(await Deno.stat(real)).isFile) {
      return { ok: false, error: `the hook returned ${name} -> ${path}, which is not a file` };
    }
    outputs[name] = join(runDir, relative(realDir, real));
  }
  return { ok: true, outputs };
}
