/**
 * Prints a markdown table of how the built-in engine's output files compare with real GMAT
 * R2026a's for GMAT's own sample missions (`../shared/reference/gmat-samples-outputs/`): per
 * sample the engine runs, the files compared, GMAT's data rows, the largest position difference
 * and the largest other difference (velocity, epoch, angle, other numbers; the one nearest its
 * bound). Samples the engine refuses are counted, not listed; failures and problems follow the
 * table. The bounds are `tests/engine/samples_outputs_test.ts`'s.
 *
 * Usage: `deno run -A scripts/samples_outputs_table.ts`
 *
 * @module
 */

import { PhysicsData } from "../src/physics/mod.ts";
import { fmt, type Quantity, UNITS, type Worst } from "../tests/engine/_report_compare.ts";
import {
  compareSample,
  type SampleComparison,
  samplesWithOutputs,
} from "../tests/engine/_samples_outputs.ts";
import { SAMPLE_BOUNDS } from "../tests/engine/samples_outputs_test.ts";

/**
 * The largest position difference, and the other difference nearest its bound (with the largest
 * relative difference along a targeter's path, which is measured, not bounded), as text.
 */
export function summarize(c: SampleComparison): { position: string; other: string } {
  let pos: number | undefined, path: number | undefined;
  let other: { q: Quantity; diff: number; ratio: number } | undefined;
  for (const f of c.files) {
    for (const [q, w] of Object.entries(f.worst) as [Quantity, Worst][]) {
      if (q === "position") pos = Math.max(pos ?? 0, w.diff);
      else if (q === "path") path = Math.max(path ?? 0, w.diff);
      else if (!other || w.ratio > other.ratio) other = { q, ...w };
    }
  }
  // A targeter solution mixes units (goal values, variables): shown as the share of its bound.
  const text = other === undefined
    ? "-"
    : other.q === "solution"
    ? `solution at ${fmt(100 * other.ratio)}% of its bound`
    : `${other.q} ${fmt(other.diff)} ${UNITS[other.q]}`;
  return {
    position: pos === undefined ? "-" : `${fmt(pos)} m`,
    other: text.trim() + (path === undefined ? "" : `; targeter path ${fmt(path)} rel`),
  };
}

/** The markdown table of the compared samples. */
export function samplesOutputsMarkdown(
  results: readonly SampleComparison[],
  bounds: Readonly<
    Record<string, { readonly reason: string; readonly targeterOutcome?: Readonly<object> }>
  > = {},
): string {
  const compared = results.filter((r) => r.status === "compared");
  const refused = results.filter((r) => r.status === "refused").length;
  const failed = results.filter((r) => r.status === "failed");
  const lines = [
    `Of the ${results.length} samples real GMAT R2026a's core ran, the built-in engine runs ` +
    `${compared.length + failed.length} (${failed.length} failing while running) and refuses ` +
    `${refused}; the files of the ${compared.length} that complete, against GMAT's. Bounds: ` +
    "**classes** = position max(1 m, 1e-6 relative), velocity max(1 mm/s, 1e-6 relative), " +
    "angles 1e-6 rad, epochs 1 ms, eccentricity 1e-6, anything else 1e-9 relative, same lines " +
    "and headers; **targeter** = same iterations and words on every line, each final achieved " +
    "value within its goal's Tolerance, the solution within sum|Jinv| (2 Tolerance + first-pass difference) of GMAT's; " +
    "**targeter outcome** = the same header, the first pass within the sample's bounds, both " +
    "converged, each final achieved value (ours and GMAT's) within its goal's Tolerance; " +
    "**files** = both wrote the same (here: no) output files.",
    "",
    "| sample | files compared | rows | max position diff | max other diff | bound |",
    "|---|---|---:|---:|---|---|",
  ];
  for (const r of compared) {
    const s = summarize(r);
    const files = r.files.map((f) => `\`${f.file}\``).join(", ") || "none (neither wrote one)";
    const rows = r.files.reduce((n, f) => n + f.rows, 0);
    const outcome = bounds[r.name]?.targeterOutcome ?? {};
    const kinds = new Set(
      r.files.map((f) =>
        f.file in outcome ? "targeter outcome" : f.file.endsWith(".data") ? "targeter" : "classes"
      ),
    );
    const own = bounds[r.name]?.reason;
    const bound = r.files.length === 0
      ? "files"
      : [...kinds].sort().join(" + ") + (own ? `; ${own}` : "");
    lines.push(`| ${r.name} | ${files} | ${rows} | ${s.position} | ${s.other} | ${bound} |`);
  }
  for (const r of failed) lines.push("", `- ${r.name} fails while running: ${r.message}`);
  const withProblems = compared.filter((r) => r.problems.length > 0);
  for (const r of withProblems) {
    lines.push("", `- ${r.name} differs from GMAT:`, ...r.problems.map((p) => `  - ${p}`));
  }
  return lines.join("\n");
}

if (import.meta.main) {
  const physics = new PhysicsData();
  const results: SampleComparison[] = [];
  for (const s of await samplesWithOutputs()) {
    results.push(await compareSample(s, physics, SAMPLE_BOUNDS[s.name]));
  }
  console.log(samplesOutputsMarkdown(results, SAMPLE_BOUNDS));
}
