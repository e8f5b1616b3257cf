/**
 * Test helper: runs a GMAT sample mission on the built-in engine and compares every file it
 * writes with what real GMAT R2026a wrote for the same sample
 * (`../shared/reference/gmat-samples-outputs/<Sample>/`, `Folder__Name` for samples in
 * subfolders). Shared by `samples_outputs_test.ts` and `scripts/samples_outputs_table.ts`.
 *
 * @module
 */

import { existsSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { runScriptFile } from "../../src/engine/run_script.ts";
import type { PhysicsData } from "../../src/physics/mod.ts";
import { ScriptError } from "../../src/script/errors.ts";
import { sampleFiles, SAMPLES_ROOT } from "../../scripts/_coverage.ts";
import {
  compareEphemeris,
  compareReport,
  compareTargeterLog,
  compareTargeterOutcome,
  DEFAULT_TOLERANCES,
  type FileComparison,
  type Tolerances,
} from "./_report_compare.ts";

/** Where GMAT's outputs of its samples are, beside the checkout. */
export const SAMPLE_OUTPUTS_ROOT: string = fileURLToPath(
  new URL("../../../shared/reference/gmat-samples-outputs/", import.meta.url),
);

/** Whether GMAT's sample outputs are present. */
export const HAVE_SAMPLE_OUTPUTS: boolean = existsSync(SAMPLE_OUTPUTS_ROOT);

/**
 * Files of an output folder that GMAT did not write as the sample's output: its log (the engine
 * returns messages instead of writing one) and the script GMAT ran (the sample minus its
 * OpenFrames graphics lines, which the engine skips).
 */
const NOT_OUTPUTS = new Set(["GmatLog.txt", "script_without_openframes.script", "README.md"]);

/** A sample with a folder of GMAT outputs. */
export interface SampleWithOutputs {
  /** The folder name, e.g. `Ex_STKEphemOutput` or `SupportFiles__Ex_IncludeFile`. */
  readonly name: string;
  /** The sample's absolute path. */
  readonly script: string;
  /** The folder of GMAT's outputs. */
  readonly dir: string;
}

/** The samples GMAT's core ran, sorted by name. */
export async function samplesWithOutputs(): Promise<SampleWithOutputs[]> {
  const out: SampleWithOutputs[] = [];
  for (const script of await sampleFiles()) {
    const name = relative(SAMPLES_ROOT, script).replace(/\.(script|gmf)$/, "").replaceAll(
      "/",
      "__",
    );
    const dir = join(SAMPLE_OUTPUTS_ROOT, name);
    if (existsSync(dir)) out.push({ name, script, dir });
  }
  return out;
}

/** How one sample compared. */
export interface SampleComparison {
  /** The sample's folder name. */
  readonly name: string;
  /** `compared`: ran and was compared; `refused`: refused before running; `failed`: failed. */
  readonly status: "compared" | "refused" | "failed";
  /** The refusal's construct or the failure's first line. */
  readonly message?: string;
  /** Files compared (written by both). */
  readonly files: readonly FileComparison[];
  /** File-set differences and comparison problems; empty when the sample agrees. */
  readonly problems: readonly string[];
  /** Wall time of the run, ms. */
  readonly ms: number;
}

/** Run limits of a sample. */
export interface SampleLimits {
  /** Most integration steps of one Propagate. */
  readonly maxSteps?: number;
  /** Wall-time limit of the run, ms. */
  readonly timeoutMs?: number;
}

/** Files below `dir`, as paths relative to it. */
function listFiles(dir: string, under = ""): string[] {
  const out: string[] = [];
  for (const e of Deno.readDirSync(join(dir, under))) {
    const rel = under ? `${under}/${e.name}` : e.name;
    if (e.isDirectory) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}

/** Strip `%` comments (outside quotes) from a script line. */
function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "'") quoted = !quoted;
    else if (line[i] === "%" && !quoted) return line.slice(0, i);
  }
  return line;
}

/**
 * The parameters a headerless ReportFile's columns hold, from the script's `Report` commands for
 * it (when they all list the same parameters) or its `Add` field.
 */
export function reportColumns(scriptText: string, report: string): string[] | undefined {
  const text = scriptText.split("\n").map(stripComment).join("\n");
  const esc = report.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const lists = new Set<string>();
  for (const m of text.matchAll(new RegExp(`^\\s*Report\\s+${esc}\\s+([^;\\n]+)`, "gm"))) {
    lists.add(m[1].trim());
  }
  const add = new RegExp(`^\\s*${esc}\\.Add\\s*=\\s*\\{([^}]*)\\}`, "m").exec(text);
  if (lists.size === 1) return [...lists][0].split(/[\s,]+/);
  if (lists.size === 0 && add) return add[1].split(/[\s,]+/).filter((s) => s !== "");
  return undefined;
}

/** Whether the script's EphemerisFile `name` writes at integrator steps (GMAT's default). */
export function atIntegratorSteps(scriptText: string, name: string): boolean {
  const text = scriptText.split("\n").map(stripComment).join("\n");
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`^\\s*${esc}\\.StepSize\\s*=\\s*([^;\\s]+)`, "m").exec(text);
  return !m || m[1] === "IntegratorSteps";
}

/** Bounds of one sample that differ from {@link DEFAULT_TOLERANCES}. */
export interface SampleBounds {
  /** Class bounds replacing the defaults. */
  readonly tolerances?: Partial<Tolerances>;
  /** Column names of reports written without headers (by a `Write` command), by file. */
  readonly columns?: Readonly<Record<string, readonly string[]>>;
  /** Absolute bounds of report columns holding a targeter's solution, by file and column. */
  readonly solutions?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * Targeter logs compared by outcome (`compareTargeterOutcome`) instead of line by line, by
   * file: absolute bounds of first-pass variables (by name) that another targeter set.
   */
  readonly targeterOutcome?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * Run one sample into a scratch directory and compare its files with GMAT's.
 *
 * @param sample The sample.
 * @param physics The physics data shared by the runs.
 * @param bounds The sample's bounds where they differ from the defaults.
 * @param limits Run limits.
 */
export async function compareSample(
  sample: SampleWithOutputs,
  physics: PhysicsData,
  bounds: SampleBounds = {},
  limits: SampleLimits = {},
): Promise<SampleComparison> {
  const tolerances: Tolerances = { ...DEFAULT_TOLERANCES, ...bounds.tolerances };
  const outputDir = await Deno.makeTempDir({ prefix: "gmat-sweep-samples-outputs-" });
  const t0 = performance.now();
  const base = { name: sample.name, files: [], problems: [] };
  try {
    let result;
    try {
      result = await runScriptFile(sample.script, {
        outputDir,
        physics,
        maxSteps: limits.maxSteps ?? 200_000,
        signal: AbortSignal.timeout(limits.timeoutMs ?? 60_000),
      });
    } catch (e) {
      const ms = performance.now() - t0;
      if (e instanceof ScriptError) {
        return { ...base, status: "refused", message: e.construct ?? e.code, ms };
      }
      const message = e instanceof Error ? e.message.split("\n")[0] : String(e);
      return { ...base, status: "failed", message, problems: [`failed: ${message}`], ms };
    }
    const ms = performance.now() - t0;
    const scriptText = await Deno.readTextFile(sample.script);
    // What the engine wrote: its outputs, and anything else found in the scratch directory.
    const ours = new Map<string, { path: string; kind?: string; name?: string }>();
    for (const f of listFiles(outputDir)) ours.set(basename(f), { path: join(outputDir, f) });
    for (const o of result.outputs) ours.set(basename(o.path), { ...o });
    const gmat = listFiles(sample.dir).filter((f) => !NOT_OUTPUTS.has(f));
    const problems: string[] = [];
    for (const f of gmat) if (!ours.has(f)) problems.push(`GMAT wrote ${f}, the engine did not`);
    for (const f of ours.keys()) {
      if (!gmat.includes(f)) problems.push(`the engine wrote ${f}, GMAT did not`);
    }
    const files: FileComparison[] = [];
    for (const f of gmat) {
      const o = ours.get(f);
      if (!o) continue;
      const mine = await Deno.readTextFile(o.path);
      const theirs = await Deno.readTextFile(join(sample.dir, f));
      const ephemeris = o.kind === "ephemeris" ||
        /^stk\.v\.|^CCSDS_OEM_VERS/.test(theirs.trimStart());
      const targeter = /^\*+\n\*\*\* Targeter Text File/.test(theirs);
      const outcome = bounds.targeterOutcome?.[f];
      const c = targeter && outcome
        ? compareTargeterOutcome(f, mine, theirs, outcome, tolerances)
        : targeter
        ? compareTargeterLog(f, mine, theirs, tolerances)
        : ephemeris
        ? compareEphemeris(
          f,
          mine,
          theirs,
          atIntegratorSteps(scriptText, o.name ?? f.replace(/\.[^.]*$/, "")),
          tolerances,
        )
        : compareReport(
          f,
          mine,
          theirs,
          tolerances,
          bounds.columns?.[f] ?? (o.name ? reportColumns(scriptText, o.name) : undefined),
          bounds.solutions?.[f],
        );
      files.push(c);
      problems.push(...c.problems);
    }
    return { name: sample.name, status: "compared", files, problems, ms };
  } finally {
    await Deno.remove(outputDir, { recursive: true }).catch(() => {});
  }
}
