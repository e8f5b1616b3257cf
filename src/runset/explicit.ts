/**
 * Explicit rows: one run per row, columns are dotted field paths (the Python tool's
 * `sweep(samples=DataFrame)`).
 *
 * Validation (the Python tool's rules, made stricter where it forwarded bad data to GMAT):
 * column names must be unique dotted paths; a column empty in every row is refused (as upstream);
 * a single empty cell (null, undefined or NaN) is also refused, naming its row and column (the
 * Python tool forwarded such NaN cells to GMAT, where they fail the run or set a NaN field);
 * cells must be finite numbers, strings, booleans or arrays of them. Zero rows give an empty set.
 * Messages number rows from 0 (the run id); the file readers name file lines or rows instead.
 *
 * @module
 */

import type { OverrideValueJson, RunSpec } from "../runs/mod.ts";
import { requireDottedPath, requireOverrideValue } from "./coerce.ts";
import { RunSetError } from "./errors.ts";
import { checkRunId, type ExplicitParameterSpec, type RunSet, specsByIndex } from "./run_set.ts";

/** Explicit rows as objects (one per run) or as columns plus rows of cells. */
export type ExplicitRows =
  | readonly Readonly<Record<string, OverrideValueJson>>[]
  | {
    readonly columns: readonly string[];
    readonly rows: readonly (readonly OverrideValueJson[])[];
  };

/** An explicit-rows run set. */
export interface ExplicitRunSet extends RunSet {
  /** Always `explicit`. */
  readonly kind: "explicit";
  /** The column names (dotted paths), in order. */
  readonly columns: readonly string[];
}

/** How messages name a row (0-based index in, text out). */
export type RowLabel = (index: number) => string;

const defaultLabel: RowLabel = (i) => `row ${i}`;

function isEmptyCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));
}

/**
 * Build an explicit run set from validated-shape columns and rows; checks names and cells.
 *
 * @param columns Column names.
 * @param rows Rows of cells (each exactly `columns.length` long).
 * @param label How messages name a row.
 * @returns The run set.
 */
export function buildExplicitRunSet(
  columns: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  label: RowLabel = defaultLabel,
): ExplicitRunSet {
  const seen = new Set<string>();
  columns.forEach((c, j) => {
    if (typeof c !== "string") {
      throw new RunSetError(
        `column ${j} name ${JSON.stringify(c) ?? String(c)} is not a string: name every column ` +
          "with a dotted path like 'Sat.SMA'",
      );
    }
    if (seen.has(c)) {
      throw new RunSetError(`column '${c}' appears twice: give each column once`);
    }
    seen.add(c);
    requireDottedPath(c, "column");
  });
  const names = columns as readonly string[];
  rows.forEach((row, i) => {
    if (row.length !== names.length) {
      throw new RunSetError(
        `${label(i)} has ${row.length} cells but there are ${names.length} columns ` +
          `(${names.join(", ")}): give one cell per column`,
      );
    }
  });
  if (rows.length > 0) {
    names.forEach((c, j) => {
      if (rows.every((row) => isEmptyCell(row[j]))) {
        throw new RunSetError(`column '${c}' is empty in every row: fill it or drop the column`);
      }
    });
  }
  const cells: OverrideValueJson[][] = rows.map((row, i) =>
    row.map((v, j) => {
      if (isEmptyCell(v)) {
        throw new RunSetError(
          `${label(i)} has no value in column '${names[j]}': fill the cell (every run needs ` +
            "every column) or split the rows into separate sweeps",
        );
      }
      return requireOverrideValue(v, `${label(i)} column '${names[j]}'`);
    })
  );
  const size = cells.length;
  const set: ExplicitRunSet = {
    kind: "explicit",
    size,
    seed: null,
    columns: [...names],
    spec(runId: number): RunSpec {
      checkRunId(size, runId);
      const overrides: Record<string, OverrideValueJson> = {};
      names.forEach((c, j) => overrides[c] = cells[runId][j]);
      return { runId, overrides, seed: null, context: {} };
    },
    specs: (from?: number, to?: number) => specsByIndex(set, from, to),
    parameterSpec(): ExplicitParameterSpec {
      return { _kind: "explicit", columns: [...names], rows: cells.map((r) => [...r]) };
    },
  };
  return set;
}

/**
 * An explicit-rows run set: run i sets the cells of row i.
 *
 * @param rows Objects (column order = order of first appearance) or `{columns, rows}`.
 * @returns The run set.
 * @throws {RunSetError} for duplicate or non-dotted columns, rows of the wrong length, empty cells
 * or columns, and invalid cell values.
 *
 * @example
 * ```ts
 * import { explicitRunSet } from "./explicit.ts";
 * const set = explicitRunSet([{ "Sat.SMA": 7000, "Sat.ECC": 0.01 }, { "Sat.SMA": 7100, "Sat.ECC": 0 }]);
 * console.log(set.size, set.spec(1).overrides); // 2 { "Sat.SMA": 7100, "Sat.ECC": 0 }
 * ```
 */
export function explicitRunSet(rows: ExplicitRows): ExplicitRunSet {
  if (Array.isArray(rows)) {
    const objects = rows as readonly unknown[];
    const columns: string[] = [];
    const known = new Set<string>();
    objects.forEach((row, i) => {
      if (typeof row !== "object" || row === null || Array.isArray(row)) {
        throw new RunSetError(`row ${i} is not an object of column -> value`);
      }
      for (const key of Object.keys(row)) {
        if (!known.has(key)) {
          known.add(key);
          columns.push(key);
        }
      }
    });
    const cells = objects.map((row) =>
      columns.map((c) => (row as Record<string, unknown>)[c] as OverrideValueJson)
    );
    return buildExplicitRunSet(columns, cells);
  }
  const table = rows as { columns?: unknown; rows?: unknown };
  if (
    typeof table !== "object" || table === null || !Array.isArray(table.columns) ||
    !Array.isArray(table.rows)
  ) {
    throw new RunSetError(
      "explicit rows must be a list of objects or {columns: [...], rows: [[...]]}",
    );
  }
  const cells = table.rows as unknown[];
  cells.forEach((r, i) => {
    if (!Array.isArray(r)) throw new RunSetError(`row ${i} is not a list of cells`);
  });
  return buildExplicitRunSet(table.columns, cells as unknown[][]);
}
