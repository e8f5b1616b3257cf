/**
 * Which output a stitch is about: gmat-sweep's name selection, done before any file is read.
 *
 * Names are collected from the **ok** entries' output keys of the kind (`report__RF` -> `RF`).
 * Without a name: exactly one name -> that one; none -> every run becomes a marker row; several ->
 * an error listing them (stitch them all with `stitchAllRuns`). With a name that no ok entry has
 * -> an error listing the known names (only when some ok entry exists, as upstream).
 *
 * @module
 */

import { type OutputKind, outputName } from "./output_key.ts";
import { TableError } from "./table_error.ts";

/** The part of a stitch entry that name selection looks at. */
export interface NamedEntry {
  readonly status: string;
  readonly outputPaths: Readonly<Record<string, string>>;
}

/**
 * The output names of a kind among the ok entries, sorted.
 *
 * @param entries The entries.
 * @param kind `report` or `ephemeris`.
 * @returns The distinct names, sorted.
 *
 * @example Usage
 * ```ts
 * import { outputNames } from "./select_name.ts";
 * import assert from "node:assert/strict";
 *
 * const names = outputNames([
 *   { status: "ok", outputPaths: { report__RF: "/a", ephemeris__EF: "/b" } },
 *   { status: "failed", outputPaths: { report__Other: "/c" } },
 * ], "report");
 * assert.deepEqual(names, ["RF"]);
 * ```
 */
export function outputNames(entries: readonly NamedEntry[], kind: OutputKind): string[] {
  const names = new Set<string>();
  for (const entry of entries) {
    if (entry.status !== "ok") continue;
    for (const key of Object.keys(entry.outputPaths)) {
      const name = outputName(key, kind);
      if (name !== undefined) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * Resolves the name a stitch is about.
 *
 * @param entries The entries.
 * @param kind `report` or `ephemeris`.
 * @param name The name asked for, if any.
 * @returns The selected name (undefined when no ok entry has an output of the kind) and all names.
 * @throws {TableError} `TABLE_NAME_REQUIRED` when no name is given and several exist;
 *   `TABLE_UNKNOWN_NAME` when the name given is not among them.
 */
export function selectName(
  entries: readonly NamedEntry[],
  kind: OutputKind,
  name: string | undefined,
): { name: string | undefined; names: string[] } {
  const names = outputNames(entries, kind);
  const list = names.length === 0 ? "none" : names.join(", ");
  if (name === undefined) {
    if (names.length > 1) {
      throw new TableError(
        "TABLE_NAME_REQUIRED",
        `The runs have ${names.length} ${kind} outputs (${list}); pass { name } to stitch one, ` +
          "or use stitchAllRuns to stitch each of them",
      );
    }
    return { name: names[0], names };
  }
  if (!names.includes(name) && entries.some((e) => e.status === "ok")) {
    throw new TableError(
      "TABLE_UNKNOWN_NAME",
      `No ok run has a ${kind} named '${name}'; known ${kind} names: ${list}`,
    );
  }
  return { name, names };
}
