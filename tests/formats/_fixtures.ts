/**
 * Test helper: reads the byte-exact GMAT reference copies in `fixtures/formats/` and the golden
 * CSVs, and compares numbers with a relative tolerance.
 *
 * @module
 */

import { fileURLToPath as fromFileUrl } from "node:url";
import { join } from "node:path";

/** Absolute path of `fixtures/formats/<name>`. */
export function fixturePath(name: string): string {
  return join(fromFileUrl(new URL("../../fixtures/formats/", import.meta.url)), name);
}

/** Absolute path of `<repo>/../shared/reference/<name>` (large reference files not copied). */
export function sharedReferencePath(name: string): string {
  return join(fromFileUrl(new URL("../../../shared/reference/", import.meta.url)), name);
}

/** Contents of `fixtures/formats/<name>` as text. */
export function readFixture(name: string): string {
  return Deno.readTextFileSync(fixturePath(name));
}

/** A golden CSV (plain, unquoted): header names and rows of raw text cells. */
export function readGoldenCsv(name: string): { header: string[]; rows: string[][] } {
  const lines = readFixture(name).split("\n").filter((line) => line !== "");
  return { header: lines[0].split(","), rows: lines.slice(1).map((line) => line.split(",")) };
}

/**
 * Whether `actual` is within `rtol` of `expected`, relative to the larger of the two or to
 * `scale` (e.g. the largest magnitude in the column) when that is larger.
 */
export function closeTo(actual: number, expected: number, rtol: number, scale = 0): boolean {
  if (actual === expected) return true;
  const size = Math.max(Math.abs(actual), Math.abs(expected), scale);
  return Math.abs(actual - expected) <= rtol * size;
}

/** The largest magnitude of each column of numeric text cells (0 for non-numeric columns). */
export function columnScales(rows: readonly (readonly string[])[]): number[] {
  const scales = rows[0].map(() => 0);
  for (const row of rows) {
    row.forEach((cell, c) => {
      const v = Math.abs(Number(cell));
      if (Number.isFinite(v) && v > scales[c]) scales[c] = v;
    });
  }
  return scales;
}
