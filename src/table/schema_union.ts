/**
 * The union of the schemas of a stitch's files: every column that any file has, in order of first
 * appearance, with its type promoted across files.
 *
 * Promotion follows pyarrow's `promote_options="default"` where it can: a Null column takes the
 * other type; int + float -> float64; timestamps of any unit -> `timestamp[ns]` (the first file's
 * time zone). Where pyarrow would raise (say int in one run and text in another) the stitch must
 * not fail after a sweep ran, so the column becomes utf8 (values as text) and a warning says so.
 *
 * @module
 */

import * as arrow from "npm:apache-arrow@21.2.0";
import { type ValueClass, valueClassOf } from "./column_sink.ts";

/** One column of the unified schema. */
export interface UnifiedColumn {
  /** The final field: name, promoted type (nullable), metadata of its first appearance. */
  readonly field: arrow.Field;
  /** The value class of the final type. */
  readonly cls: ValueClass;
}

/** The result of {@linkcode unifySchemas}. */
export interface UnifiedSchema {
  /** Columns in order of first appearance. */
  readonly columns: readonly UnifiedColumn[];
  /** What was converted to text and why. */
  readonly warnings: readonly string[];
}

interface Acc {
  name: string;
  cls: ValueClass | "null" | "other";
  timezone: string | null | undefined;
  metadata: Map<string, string>;
  classes: Set<string>;
}

function promote(a: Acc["cls"], b: Acc["cls"]): Acc["cls"] {
  if (a === b) return a;
  if (a === "null") return b;
  if (b === "null") return a;
  if ((a === "int" && b === "float") || (a === "float" && b === "int")) return "float";
  return "string";
}

function finalType(acc: Acc): arrow.DataType {
  switch (acc.cls) {
    case "int":
      return new arrow.Int64();
    case "float":
      return new arrow.Float64();
    case "timestamp":
      return new arrow.Timestamp(arrow.TimeUnit.NANOSECOND, acc.timezone ?? null);
    default:
      return new arrow.Utf8();
  }
}

/**
 * Unifies schemas.
 *
 * @param schemas The files' schemas, in stitch order.
 * @param skip Names to leave out (columns the stitch provides itself).
 * @returns The unified columns and warnings about text conversions.
 *
 * @example Usage
 * ```ts
 * import * as arrow from "npm:apache-arrow@21.2.0";
 * import { unifySchemas } from "./schema_union.ts";
 * import assert from "node:assert/strict";
 *
 * const a = new arrow.Schema([new arrow.Field("x", new arrow.Int64())]);
 * const b = new arrow.Schema([
 *   new arrow.Field("x", new arrow.Float64()),
 *   new arrow.Field("y", new arrow.Float64()),
 * ]);
 * const { columns } = unifySchemas([a, b], new Set());
 * assert.deepEqual(columns.map((c) => [c.field.name, c.cls]), [["x", "float"], ["y", "float"]]);
 * ```
 */
export function unifySchemas(
  schemas: readonly arrow.Schema[],
  skip: ReadonlySet<string>,
): UnifiedSchema {
  const byName = new Map<string, Acc>();
  for (const schema of schemas) {
    for (const f of schema.fields) {
      if (skip.has(f.name)) continue;
      const cls = valueClassOf(f.type);
      const acc = byName.get(f.name);
      const timezone = arrow.DataType.isTimestamp(f.type) ? f.type.timezone : undefined;
      if (acc === undefined) {
        byName.set(f.name, {
          name: f.name,
          cls,
          timezone,
          metadata: new Map(f.metadata),
          classes: new Set([String(f.type)]),
        });
        continue;
      }
      acc.cls = promote(acc.cls, cls);
      acc.classes.add(String(f.type));
      if (acc.timezone === undefined) acc.timezone = timezone;
      if (acc.metadata.size === 0 && f.metadata.size > 0) acc.metadata = new Map(f.metadata);
    }
  }
  const warnings: string[] = [];
  const columns = [...byName.values()].map((acc): UnifiedColumn => {
    if (acc.cls === "other" || (acc.cls === "string" && acc.classes.size > 1)) {
      const kinds = [...acc.classes].join(", ");
      if (acc.cls === "other" || [...acc.classes].some((k) => !/Utf8|Dictionary/.test(k))) {
        warnings.push(
          `Column ${acc.name} has types ${kinds} across runs; it is stitched as text (utf8)`,
        );
      }
    }
    const cls: ValueClass = acc.cls === "null" || acc.cls === "other" ? "string" : acc.cls;
    const type = finalType({ ...acc, cls });
    return { field: new arrow.Field(acc.name, type, true, acc.metadata), cls };
  });
  return { columns, warnings };
}
