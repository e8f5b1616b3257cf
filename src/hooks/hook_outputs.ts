/**
 * Checking what a hook returned: a map of names to files inside its run directory. Paths may be
 * absolute or relative to the run directory; each must resolve (symlinks followed) to an existing
 * regular file inside the run directory, and together they must stay within the size limit.
 * Anything else is a recorded hook failure naming the entry and the fix.
 *
 * @module
 */

import { isAbsolute, join, relative, resolve, sep } from "node:path";

/** The checked outputs (absolute paths), or why they cannot be used. */
export type CheckedOutputs =
  | { readonly ok: true; readonly outputs: Record<string, string> }
  | {
    readonly ok: false;
    readonly error: string;
    /** `outputs` (a bad value or path) or `oversize` (past the size limit). */
    readonly reason: "outputs" | "oversize";
  };

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
 * @param maxBytes The most bytes the outputs may hold together.
 */
export async function checkHookOutputs(
  value: unknown,
  runDir: string,
  maxBytes = Infinity,
): Promise<CheckedOutputs> {
  if (value === undefined || value === null) return { ok: true, outputs: {} };
  if (typeof value !== "object" || Array.isArray(value)) {
    return {
      ok: false,
      reason: "outputs",
      error: `the hook returned ${Array.isArray(value) ? "an array" : typeof value}; ` +
        "return an object of output names to file paths, e.g. { orbit_metrics: path }",
    };
  }
  const realDir = await Deno.realPath(runDir);
  const outputs: Record<string, string> = {};
  let total = 0;
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!NAME.test(name)) {
      return {
        ok: false,
        reason: "outputs",
        error: `the hook returned output name ${JSON.stringify(name)}; ` +
          "use letters, digits, '_', '.' and '-' (it becomes a manifest key)",
      };
    }
    if (typeof raw !== "string" || raw === "") {
      return {
        ok: false,
        reason: "outputs",
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
        reason: "outputs",
        error: `the hook returned ${name} -> ${path}, which does not exist; write the file ` +
          "before returning its path",
      };
    }
    if (!inside(realDir, real)) {
      return {
        ok: false,
        reason: "outputs",
        error: `the hook returned ${name} -> ${raw}, which is outside the run directory ` +
          `${runDir}; write outputs inside spec.outputDir and return their paths`,
      };
    }
    const stat = await Deno.stat(real);
    if (!stat.isFile) {
      return {
        ok: false,
        reason: "outputs",
        error: `the hook returned ${name} -> ${path}, which is not a file`,
      };
    }
    total += stat.size;
    if (total > maxBytes) {
      return {
        ok: false,
        reason: "oversize",
        error: `the hook's outputs hold ${total} bytes (${name} -> ${path} is ${stat.size}), ` +
          `more than the limit of ${maxBytes} bytes; write smaller outputs, or raise the limit ` +
          "with --postprocess-max-output BYTES (postprocessMaxOutputBytes)",
      };
    }
    outputs[name] = join(runDir, relative(realDir, real));
  }
  return { ok: true, outputs };
}
