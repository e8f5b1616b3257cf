/**
 * Output keys: `report__<name>`, `ephemeris__<name>`, `contact__<name>` and `solver__<name>`, the
 * keys of a run's `outputPaths` and the base names of its per-run Parquet files; `text__<name>`
 * names a free-text report kept as GMAT wrote it (no Parquet). The prefix lets a stitcher
 * dispatch by kind without reading files (gmat-sweep 0.2's convention).
 *
 * @module
 */

/** Kinds of per-run outputs the table layer converts and stitches. */
export type OutputKind = "report" | "ephemeris" | "contact" | "solver";

/**
 * The key of an output: `<kind>__<name>`.
 *
 * @param kind `report`, `ephemeris`, `contact`, `solver` or `text`.
 * @param name The GMAT resource name, e.g. `RF`.
 * @returns The key, e.g. `report__RF`.
 *
 * @example Usage
 * ```ts
 * import { outputKey } from "./output_key.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(outputKey("report", "RF"), "report__RF");
 * ```
 */
export function outputKey(kind: OutputKind | "text", name: string): string {
  return `${kind}__${name}`;
}

/**
 * The name part of a key of the given kind.
 *
 * @param key An output key such as `report__RF`.
 * @param kind The kind to match.
 * @returns The name (`RF`), or `undefined` when the key is of another kind.
 *
 * @example Usage
 * ```ts
 * import { outputName } from "./output_key.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(outputName("report__RF", "report"), "RF");
 * assert.equal(outputName("ephemeris__EF", "report"), undefined);
 * ```
 */
export function outputName(key: string, kind: OutputKind): string | undefined {
  const prefix = `${kind}__`;
  return key.startsWith(prefix) && key.length > prefix.length
    ? key.slice(prefix.length)
    : undefined;
}
