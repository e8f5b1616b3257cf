/**
 * `--context-file`: per-run JSON contexts for the postprocess hook, from a JSON file holding
 * either one object (every run gets it) or an array of objects (run i gets element i). An array
 * must cover every planned run: a short one is refused before any run (a run past its end would
 * silently get no context).
 *
 * @module
 */

import { z } from "npm:zod@4.6.7";
import { type JsonValue, JsonValueSchema } from "../runs/mod.ts";
import type { ContextProvider } from "../sweep/mod.ts";
import { ExitError } from "./exit_error.ts";

const ContextSchema = z.record(z.string(), JsonValueSchema);

/** A read context file. */
export interface ContextFile {
  /** Run id to its context. */
  readonly provider: ContextProvider;
  /** For an array, the runs it covers (run ids below it); undefined for one object. */
  readonly runs: number | undefined;
  /**
   * Refuses (exit 2) an array shorter than the planned runs.
   *
   * @param planned The runs the sweep plans.
   */
  checkCovers(planned: number): void;
}

/**
 * Read a context file into a provider.
 *
 * @param path The JSON file.
 * @throws {ExitError} exit code 2 naming the file and what is wrong.
 */
export async function readContextFile(path: string): Promise<ContextFile> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    throw new ExitError(2, `--context-file ${path}: cannot read it (${(e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ExitError(2, `--context-file ${path}: not valid JSON: ${(e as Error).message}`);
  }
  const fail = (where: string, message: string): never => {
    throw new ExitError(
      2,
      `--context-file ${path}: ${where}: ${message}; give one JSON object (every run's ` +
        "context) or an array of objects (run i gets element i)",
    );
  };
  const check = (value: unknown, where: string): Record<string, JsonValue> => {
    const parsed = ContextSchema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const at = issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    return fail(where + at, issue.message);
  };
  if (Array.isArray(json)) {
    const list = json.map((v, i) => check(v, `element ${i}`));
    return {
      provider: ({ runId }) => list[runId],
      runs: list.length,
      checkCovers(planned) {
        if (list.length < planned) {
          throw new ExitError(
            2,
            `--context-file ${path}: the array has ${list.length} contexts for ${planned} runs; ` +
              `give one object per run (run i gets element i), or one object for every run`,
          );
        }
      },
    };
  }
  const one = check(json, "the top level");
  return { provider: () => one, runs: undefined, checkCovers() {} };
}
