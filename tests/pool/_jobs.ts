/**
 * Jobs for pool tests: a leo_basic variant whose propagation stops after `stopDays` days (a
 * Variable, overridden per run as `stopDays.Value`), so a run can be quick (0.001 days), slow
 * (tens of days) or effectively hung (100000 days).
 *
 * @module
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import type { RunJob } from "../../src/pool/mod.ts";
import { canonicalScriptFileSha256 } from "../../src/script/mod.ts";
import { fixture } from "../_support/engine.ts";

/** Stop values. */
export const QUICK = 0.001;
/** A few hundred milliseconds to a couple of seconds per run. */
export const SLOW = 60;
/** Never finishes within any test's patience. */
export const HANG = 100000;

/** Write the stopDays script into `dir`; returns its path. */
export async function writeStopDaysScript(dir: string): Promise<string> {
  const text = (await Deno.readTextFile(fixture("scripts/leo_basic.script")))
    .replace("{Sat.ElapsedSecs = 60}", "{Sat.ElapsedDays = stopDays}")
    .replace(
      "Create ReportFile RF;",
      "Create Variable stopDays;\nGMAT stopDays = 0.01;\n\nCreate ReportFile RF;",
    );
  assert.match(text, /\{Sat\.ElapsedDays = stopDays\}/);
  assert.match(text, /Create Variable stopDays/);
  const path = join(dir, "stop_days.script");
  await Deno.writeTextFile(path, text);
  return path;
}

/** Builds jobs for one script and output directory. */
export class JobMaker {
  private constructor(
    readonly scriptPath: string,
    readonly scriptSha256: string,
    readonly outputDir: string,
  ) {}

  /** A temp dir holding the stopDays script; run directories go under `<dir>/out`. */
  static async create(prefix: string): Promise<JobMaker & { dir: string }> {
    const dir = await Deno.makeTempDir({ prefix });
    const script = await writeStopDaysScript(dir);
    const maker = new JobMaker(script, await canonicalScriptFileSha256(script), join(dir, "out"));
    return Object.assign(maker, { dir });
  }

  /** The run directory of a run id. */
  runDir(runId: number): string {
    return join(this.outputDir, `run-${runId}`);
  }

  /** A job whose propagation stops after `stopDays` days. */
  job(runId: number, stopDays: number): RunJob {
    return {
      spec: { runId, overrides: { "stopDays.Value": stopDays }, seed: null, context: {} },
      scriptPath: this.scriptPath,
      scriptSha256: this.scriptSha256,
      runDir: this.runDir(runId),
      engine: { kind: "builtin" },
      attempt: 1,
      timeoutMs: null,
    };
  }

  /** Whether a worker has started the run (the built-in path writes the run's script first). */
  started(runId: number): boolean {
    try {
      Deno.statSync(join(this.runDir(runId), "stop_days.script"));
      return true;
    } catch {
      return false;
    }
  }
}
