/**
 * "Did you mean ...?": the known names nearest a misspelt one (case-insensitive edit distance), for
 * messages about script fields, resources, overrides and command-line options alike.
 *
 * @module
 */

/** Up to three known names close to `name` (edit distance), best first. */
export function suggest(name: string, known: Iterable<string>): string[] {
  const scored: [number, string][] = [];
  const lower = name.toLowerCase();
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d <= Math.max(2, Math.floor(k.length / 3))) scored.push([d, k]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return scored.slice(0, 3).map(([, k]) => k);
}

/**
 * A "; did you mean 'X'?" suffix, or "".
 *
 * @example
 * ```ts
 * import { didYouMean } from "./did_you_mean.ts";
 * console.log(didYouMean("worker", ["workers", "timeout"])); // ; did you mean 'workers'?
 * ```
 */
export function didYouMean(name: string, known: Iterable<string>): string {
  const s = [...new Set(suggest(name, known))];
  return s.length ? `; did you mean ${s.map((x) => `'${x}'`).join(" or ")}?` : "";
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
