/**
 * Test helpers for the solvers: the GMAT reference copies in `testdata/`, a driving loop, and a
 * line-by-line comparison of report texts that tells layout from number differences.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { join } from "node:path";
import {
  DifferentialCorrector,
  type DifferentialCorrectorOptions,
  type SolverDone,
  type SolverPass,
} from "../../src/solvers/mod.ts";

/** Absolute path of `tests/solvers/testdata/<name>`. */
export function testdataPath(name: string): string {
  return join(fileURLToPath(new URL("./testdata/", import.meta.url)), name);
}

/** Text of `tests/solvers/testdata/<name>`. */
export function readTestdata(name: string): string {
  return Deno.readTextFileSync(testdataPath(name));
}

/** Names of the sample-mission solver logs in `testdata/samples/`. */
export function sampleLogs(): string[] {
  return [...Deno.readDirSync(testdataPath("samples"))].map((e) => `samples/${e.name}`).sort();
}

/** A driven run: the passes handed out and the end. */
export interface DrivenRun {
  readonly passes: SolverPass[];
  readonly done: SolverDone;
}

/**
 * Runs a differential corrector to the end with a model of the Target body.
 *
 * @param options The solver's options.
 * @param body Goal values for a pass.
 */
export function drive(
  options: DifferentialCorrectorOptions,
  body: (pass: SolverPass, index: number) => readonly number[],
): DrivenRun {
  const dc = new DifferentialCorrector(options);
  const passes: SolverPass[] = [];
  for (let pass = dc.next(); pass.kind !== "done"; pass = dc.next()) {
    passes.push(pass);
    dc.report(body(pass, passes.length - 1));
  }
  return { passes, done: dc.result! };
}

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]\d+)?|-?inf|-?nan/g;

/** How two report texts compare line by line. */
export interface TextComparison {
  /** Lines whose text without numbers differs (layout differences), as `line: ours | GMAT's`. */
  readonly layout: string[];
  /** Lines that are identical. */
  readonly identical: number;
  /** Total lines compared. */
  readonly lines: number;
  /** Largest relative difference of a number, over lines with the same layout. */
  readonly maxRelative: number;
}

/**
 * Compares texts line by line: the same number of lines, the same text once numbers are masked,
 * and the largest relative difference of the numbers.
 */
export function compareReports(ours: string, gmat: string): TextComparison {
  const a = ours.split("\n");
  const b = gmat.split("\n");
  const layout: string[] = [];
  let identical = 0;
  let maxRelative = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? "<missing>";
    const y = b[i] ?? "<missing>";
    if (x === y) {
      identical++;
      continue;
    }
    if (x.replace(NUMBER, "#") !== y.replace(NUMBER, "#")) {
      layout.push(`${i + 1}: ${JSON.stringify(x)} | ${JSON.stringify(y)}`);
      continue;
    }
    const nx = x.match(NUMBER) ?? [];
    const ny = y.match(NUMBER) ?? [];
    nx.forEach((text, k) => {
      const u = Number(text);
      const v = Number(ny[k]);
      if (u === v) return;
      const rel = Math.abs(u - v) / Math.max(Math.abs(u), Math.abs(v));
      if (rel > maxRelative) maxRelative = rel;
    });
  }
  return { layout, identical, lines: Math.max(a.length, b.length), maxRelative };
}
