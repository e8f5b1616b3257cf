/**
 * Test helper: reads the NASA GMAT state-conversion truth files (FreeFlyer `.truth` reports and
 * STK 8 Delaunay reports) copied into `fixtures/physics/stateconv/`.
 *
 * FreeFlyer layout: a blank line, a header line of `Spacecraft1.X ...` names, a units line, one
 * values line; a blank line; the element-set names, units, values. STK layout: a date line, the
 * satellite name, two blank lines, a header of names with units in parentheses, a dashes line, a
 * values line; two blank lines; the element header, dashes, values.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";

/** Root of the copied truth tables. */
export const STATECONV_DIR = fileURLToPath(
  new URL("../../fixtures/physics/stateconv/", import.meta.url),
);

/** One truth report: the Cartesian block and the element block, each as name -> value. */
export interface TruthReport {
  cartesian: number[];
  names: string[];
  units: string[];
  elements: number[];
}

/** Reads a FreeFlyer `.truth` report. */
export function readFreeFlyer(relPath: string): TruthReport {
  const lines = readFileSync(STATECONV_DIR + relPath, "utf8").split("\n");
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  if (blocks.length !== 2 || blocks.some((b) => b.length !== 3)) {
    throw new Error(`Unexpected layout in ${relPath}`);
  }
  const nums = (l: string) => l.trim().split(/\s+/).map(Number);
  const words = (l: string) => l.trim().split(/\s+/);
  const cartNames = words(blocks[0][0]);
  if (
    cartNames.join(" ") !==
      "Spacecraft1.X Spacecraft1.Y Spacecraft1.Z Spacecraft1.VX Spacecraft1.VY Spacecraft1.VZ"
  ) {
    throw new Error(`Unexpected Cartesian header in ${relPath}`);
  }
  return {
    cartesian: nums(blocks[0][2]),
    names: words(blocks[1][0]).map((n) => n.replace(/^Spacecraft1\./, "")),
    units: words(blocks[1][1]),
    elements: nums(blocks[1][2]),
  };
}

/** Reads an STK 8 Delaunay report (values in km, km/s; actions in m^2/s; angles in deg). */
export function readStkDelaunay(relPath: string): TruthReport {
  const lines = readFileSync(STATECONV_DIR + relPath, "utf8").split("\n").map((l) => l.trimEnd());
  const valueLines = lines.filter((l) => /^\s*-?\d/.test(l) && !/^\s*\d+ \w{3} \d{4}/.test(l));
  const headers = lines.filter((l) => /\(/.test(l) || /sqrt/.test(l));
  if (valueLines.length !== 2) throw new Error(`Unexpected layout in ${relPath}`);
  const nums = (l: string) => l.trim().split(/\s+/).map(Number);
  const names = headers[1].trim().split(/\s{2,}/);
  return {
    cartesian: nums(valueLines[0]),
    names,
    units: names.map((n) => /\((.*)\)/.exec(n)?.[1] ?? "m^2/s"),
    elements: nums(valueLines[1]),
  };
}

/** Earth's mu as `InputStates.txt` states it for the truth cases (`Earth Mu: 398600.4418`). */
export function truthEarthMu(): number {
  const text = readFileSync(STATECONV_DIR + "InputStates.txt", "utf8");
  const m = /^Earth Mu:\s*([\d.]+)\s*$/m.exec(text);
  if (m === null) throw new Error("InputStates.txt has no 'Earth Mu:' line");
  return Number(m[1]);
}
