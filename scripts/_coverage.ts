/**
 * The built-in engine's coverage of GMAT's own sample missions: each sample of
 * `../shared/reference/gmat-samples/` is run on the built-in engine (in a scratch directory,
 * with a step limit and a time limit) and classified as run, refused by construct, or failed.
 * Shared by `scripts/engine_coverage.ts` (which writes the README table) and the corpus test.
 *
 * @module
 */

import { join, relative } from "node:path";
import { EngineRunError, runScriptFile } from "../src/engine/run_script.ts";
import type { MissionStatement, Script } from "../src/script/ast.ts";
import { ScriptError } from "../src/script/errors.ts";

/** Where GMAT's samples are, beside the checkout. */
export const SAMPLES_ROOT: string = new URL("../../shared/reference/gmat-samples/", import.meta.url)
  .pathname;

/** Every `.script` and `.gmf` under the samples folder, sorted, as absolute paths. */
export async function sampleFiles(root = SAMPLES_ROOT): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for await (const e of Deno.readDir(dir)) {
      const p = join(dir, e.name);
      if (e.isDirectory) await walk(p);
      else if (/\.(script|gmf)$/.test(e.name)) out.push(p);
    }
  };
  await walk(root);
  return out.sort();
}

/** How the built-in engine handled one sample. */
export interface SampleResult {
  /** The sample's path below the samples folder. */
  readonly sample: string;
  /** `runs`: completed; `refused`: refused before running; `failed`: failed while running. */
  readonly status: "runs" | "refused" | "failed";
  /** The error code of a refusal or failure. */
  readonly code?: string;
  /** The construct a refusal names. */
  readonly construct?: string;
  /** The first line of the refusal or failure. */
  readonly message?: string;
  /** Output files written by a run. */
  readonly outputs?: number;
}

/**
 * Run one sample on the built-in engine and classify the outcome.
 *
 * @param path The sample's absolute path.
 * @param root The samples folder (for the relative name).
 * @param limits Step and wall-time limits of the run.
 */
export async function classifySample(
  path: string,
  root = SAMPLES_ROOT,
  limits: { maxSteps?: number; timeoutMs?: number } = {},
): Promise<SampleResult> {
  const sample = relative(root, path);
  const outputDir = await Deno.makeTempDir({ prefix: "gmat-sweep-coverage-" });
  try {
    const result = await runScriptFile(path, {
      outputDir,
      maxSteps: limits.maxSteps ?? 200_000,
      signal: AbortSignal.timeout(limits.timeoutMs ?? 60_000),
    });
    return { sample, status: "runs", outputs: result.outputs.length };
  } catch (e) {
    const message = e instanceof Error ? e.message.split("\n")[0] : String(e);
    if (e instanceof ScriptError) {
      return { sample, status: "refused", code: e.code, construct: e.construct, message };
    }
    if (e instanceof EngineRunError) return { sample, status: "failed", code: e.code, message };
    return { sample, status: "failed", code: "UNCAUGHT", message };
  } finally {
    await Deno.remove(outputDir, { recursive: true }).catch(() => {});
  }
}

/**
 * The README section: totals, the samples that run, then refusals grouped by construct (a list,
 * which `deno fmt` leaves as written).
 */
export function coverageMarkdown(results: readonly SampleResult[]): string {
  const runs = results.filter((r) => r.status === "runs");
  const refused = results.filter((r) => r.status === "refused");
  const failed = results.filter((r) => r.status === "failed");
  const byConstruct = new Map<string, string[]>();
  for (const r of refused) {
    const key = `${r.construct ?? "(none)"}`;
    byConstruct.set(key, [...(byConstruct.get(key) ?? []), r.sample]);
  }
  const rows = [...byConstruct.entries()].sort((a, b) =>
    b[1].length - a[1].length || a[0].localeCompare(b[0])
  );
  const name = (s: string) => s.replace(/\.(script|gmf)$/, "");
  return [
    `Of GMAT R2026a's ${results.length} sample missions, the built-in engine runs ` +
    `**${runs.length}**, refuses **${refused.length}** before running and fails ` +
    `**${failed.length}** while running.`,
    "",
    `- runs (${runs.length}): ${runs.map((r) => name(r.sample)).join(", ") || "none yet"}`,
    ...failed.map((r) => `- fails while running: ${name(r.sample)}: ${r.message}`),
    ...rows.map(([c, s]) => `- refused at \`${c}\` (${s.length}): ${s.map(name).join(", ")}`),
  ].join("\n");
}

/** Whether `text` holds `part` word for word (line wrapping and spacing aside). */
export function sameWords(text: string, part: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  return norm(text).includes(norm(part));
}

/** The first spacecraft a script creates (before or inside the mission). */
export function firstSpacecraft(script: Script): string | undefined {
  for (const r of script.resources) {
    if (r.kind === "create" && r.type === "Spacecraft") return r.names[0].name;
  }
  const walk = (list: readonly MissionStatement[]): string | undefined => {
    for (const m of list) {
      if (m.kind === "create" && m.type === "Spacecraft") return m.names[0].name;
      if (m.kind === "command") {
        const found = walk(m.body ?? []) ?? walk(m.elseBody ?? []);
        if (found) return found;
      }
    }
  };
  return walk(script.mission);
}
