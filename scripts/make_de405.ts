/**
 * Writes `data/ephemeris/de405_1960_2060.bin`, the planetary ephemeris of the built-in engine:
 * JPL DE405's Chebyshev records for 1960-2060 as Debian's `casacore-data-jpl-de405` ships them
 * (a casacore table, read directly by `_casacore_de.ts`, no casacore or Python needed).
 *
 *   apt-get install casacore-data-jpl-de405
 *   deno run -A scripts/make_de405.ts [TABLE_DIR]
 *
 * TABLE_DIR defaults to `/usr/share/casacore/data/ephemerides/DE405`.
 *
 * The output layout is documented in `src/physics/ephemeris/de_format.ts` and, in short, in the
 * file's own header text: a header (DE number, record count and length, first record start as a
 * TDB Julian date, 32-day span, AU, EMRAT, CLIGHT, JPL's pointer table for the kept bodies), then
 * per record the coefficients of Mercury, Venus, the Earth-Moon barycentre, Mars, Jupiter, Saturn,
 * Uranus, Neptune, Pluto, the geocentric Moon and the Sun: the first 816 doubles of each JPL
 * record after its two dates, copied bit for bit (nutations and librations are dropped; GMAT's
 * point-mass forces do not use them). Record r covers JD start + 32 r .. + 32 (TDB).
 *
 * Before writing, the script checks that consecutive records join (each body's position at the end
 * of record r matches the start of record r + 1 within 1e-3 km), which proves the row order, and
 * prints the output's sha256 for `data/ephemeris/PROVENANCE.md`.
 *
 * @module
 */

import { readCasacoreDeTable } from "./_casacore_de.ts";
import { DE_TARGETS, type DeBodyLayout, encodeHeader } from "../src/physics/ephemeris/de_format.ts";
import { STANDARD_MJD_JD_OFFSET } from "../src/physics/constants.ts";

const DEFAULT_DIR = "/usr/share/casacore/data/ephemerides/DE405";
const OUTPUT = new URL("../data/ephemeris/de405_1960_2060.bin", import.meta.url);

function numberKeyword(keywords: ReadonlyMap<string, unknown>, name: string): number {
  const v = keywords.get(name);
  if (typeof v !== "number") throw new Error(`DE table keyword ${name} missing or not a number`);
  return v;
}

/** Position component `c` of `body` at the start (tau = -1) or end (+1) of a record. */
function edgeValue(record: Float64Array, body: DeBodyLayout, c: number, end: boolean): number {
  const granule = end ? body.granules - 1 : 0;
  const base = body.offset + (granule * 3 + c) * body.coefficients;
  let sum = 0;
  for (let k = 0; k < body.coefficients; k++) {
    sum += record[base + k] * (end || k % 2 === 0 ? 1 : -1);
  }
  return sum;
}

async function main(dir: string): Promise<void> {
  const table = await readCasacoreDeTable(dir);
  const kw = table.keywords;
  const deNumber = numberKeyword(kw, "DENUM");
  const mjd0 = numberKeyword(kw, "MJD0");
  const dMjd = numberKeyword(kw, "dMJD");
  const bodies: DeBodyLayout[] = table.pointers.slice(0, DE_TARGETS.length).map((
    [start1, coefficients, granules],
  ) => ({ offset: start1 - 3, coefficients, granules }));
  const last = bodies[bodies.length - 1];
  const recordLength = last.offset + 3 * last.coefficients * last.granules;
  const [libration1, librationCount, librationGranules] = table.pointers[12];
  const jplLength = libration1 - 3 + 3 * librationCount * librationGranules;
  if (deNumber !== 405 || recordLength > jplLength || jplLength > table.rowLength) {
    throw new Error(`unexpected table: DE${deNumber}, ${recordLength}/${jplLength} doubles`);
  }
  // casacore's MeasJPL: row r covers MJD0 + (r + 1) dMJD .. MJD0 + (r + 2) dMJD.
  const startJd = mjd0 + dMjd + STANDARD_MJD_JD_OFFSET;
  const endJd = startJd + table.rowCount * dMjd;
  const description = [
    `JPL DE${deNumber} Chebyshev coefficients, records of ${dMjd} days from JD ${startJd} to ` +
    `JD ${endJd} (TDB), ${table.rowCount} records of ${recordLength} little-endian doubles ` +
    `after a header of this length; copied bit for bit from Debian's casacore-data-jpl-de405 ` +
    `(${dir}) by gmat-sweep scripts/make_de405.ts.`,
    `Bodies (offset, coefficients per component, granules): ` +
    DE_TARGETS.map((t, i) =>
      `${t} ${bodies[i].offset} ${bodies[i].coefficients} ${bodies[i].granules}`
    ).join("; ") + ".",
    "Coefficients per body and granule: x block, y block, z block. km, ICRF/J2000 equatorial; " +
    "Moon geocentric, others relative to the solar system barycentre. " +
    "Layout: src/physics/ephemeris/de_format.ts.",
  ].join("\n");
  const header = encodeHeader({
    deNumber,
    recordCount: table.rowCount,
    recordLength,
    startJd,
    spanDays: dMjd,
    au: numberKeyword(kw, "AU"),
    emrat: numberKeyword(kw, "EMRAT"),
    clight: numberKeyword(kw, "CLIGHT"),
    bodies,
    description,
  });

  const out = new Uint8Array(header.length + 8 * table.rowCount * recordLength);
  out.set(header, 0);
  const view = new DataView(out.buffer);
  let previous: Float64Array | undefined;
  let worstJoin = 0;
  for (let r = 0; r < table.rowCount; r++) {
    const row = table.row(r);
    for (let k = jplLength; k < row.length; k++) {
      if (row[k] !== 0) throw new Error(`row ${r}: nonzero value ${row[k]} after the record`);
    }
    const at = header.length + 8 * r * recordLength;
    for (let k = 0; k < recordLength; k++) view.setFloat64(at + 8 * k, row[k], true);
    if (previous) {
      for (const body of bodies) {
        for (let c = 0; c < 3; c++) {
          const gap = Math.abs(edgeValue(previous, body, c, true) - edgeValue(row, body, c, false));
          worstJoin = Math.max(worstJoin, gap);
        }
      }
    }
    previous = row;
  }
  if (!(worstJoin < 1e-3)) throw new Error(`records do not join: worst gap ${worstJoin} km`);

  await Deno.mkdir(new URL(".", OUTPUT), { recursive: true });
  await Deno.writeFile(OUTPUT, out);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", out));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  console.log(`wrote ${OUTPUT.pathname}: ${out.length} bytes, ${table.rowCount} records`);
  console.log(`JD ${startJd} .. ${endJd} (TDB); worst join between records ${worstJoin} km`);
  console.log(`sha256 ${hex}`);
}

if (import.meta.main) await main(Deno.args[0] ?? DEFAULT_DIR);
