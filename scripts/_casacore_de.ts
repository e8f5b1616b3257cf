/**
 * A minimal reader of the casacore table that Debian's `casacore-data-jpl-de405` installs
 * (`/usr/share/casacore/data/ephemerides/DE405/`), enough to take JPL DE405's Chebyshev records
 * out of it without casacore or Python. Used by `scripts/make_de405.ts` only.
 *
 * What the table holds (checked here, not assumed):
 * - `table.dat` (casacore AipsIO, big-endian): the table header (row count, endianness flag of
 *   the data files) and the keyword records. The table keywords hold DE405's header constants
 *   (`MJD0`, `dMJD`, `DENUM`, `AU`, `EMRAT`, `CLIGHT`, ...); the keywords of column `x` hold JPL's
 *   pointer table as `Description` (3 x 13 ints: 1-based start in a JPL record, coefficients per
 *   component, granules, for Mercury .. Pluto, Moon, Sun, nutations, librations).
 * - `table.f0i` (the IncrementalStMan's indirect-array file, little-endian here): a 16-byte header
 *   (version, file length) then one array per row at 8-byte aligned offsets: reference count, rank,
 *   shape, then the doubles. Row r holds the 1016 coefficients of JPL record r (JPL's two leading
 *   Julian dates dropped) followed by two zeros; row r covers MJD0 + (r+1) dMJD .. + dMJD, which is
 *   how casacore's own `MeasJPL` maps rows to dates.
 *
 * Only the record types this table uses are decoded (Int, Double, String, Array<Int> fields); a
 * keyword record holding anything else is reported, never guessed.
 *
 * @module
 */

/** A decoded keyword value. */
export type KeywordValue = number | string | readonly number[];

/** What the DE table provides. */
export interface CasacoreDeTable {
  /** Rows of the table (JPL records). */
  readonly rowCount: number;
  /** The table keywords (DE header constants), by name. */
  readonly keywords: ReadonlyMap<string, KeywordValue>;
  /** JPL's pointer table from column `x`'s `Description`: [offset1, ncoef, granules] x 13. */
  readonly pointers: readonly (readonly [number, number, number])[];
  /** Array length of every row of column `x`. */
  readonly rowLength: number;
  /** Row r of column `x` (a view into the file bytes, copied to a fresh array). */
  row(r: number): Float64Array;
}

class BigEndianReader {
  readonly #view: DataView;
  readonly #bytes: Uint8Array;
  at: number;

  constructor(bytes: Uint8Array, at: number) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.at = at;
  }

  u32(): number {
    const v = this.#view.getUint32(this.at, false);
    this.at += 4;
    return v;
  }

  i32(): number {
    const v = this.#view.getInt32(this.at, false);
    this.at += 4;
    return v;
  }

  f64(): number {
    const v = this.#view.getFloat64(this.at, false);
    this.at += 8;
    return v;
  }

  string(): string {
    const n = this.u32();
    const s = new TextDecoder().decode(this.#bytes.subarray(this.at, this.at + n));
    this.at += n;
    return s;
  }

  /** Reads an AipsIO object header: length, type name, version; checks the type name. */
  object(type: string): number {
    this.u32();
    const got = this.string();
    if (got !== type) throw new Error(`expected AipsIO object ${type} at ${this.at}, got ${got}`);
    return this.u32();
  }
}

const TP_INT = 5;
const TP_DOUBLE = 8;
const TP_STRING = 11;
const TP_ARRAY_INT = 18;

/** Decodes the TableRecord whose type-name string starts at `at`. */
function readTableRecord(bytes: Uint8Array, at: number): Map<string, KeywordValue> {
  const r = new BigEndianReader(bytes, at);
  if (r.string() !== "TableRecord") throw new Error(`no TableRecord at ${at}`);
  r.u32(); // version
  r.object("RecordDesc");
  const count = r.i32();
  const fields: { name: string; type: number }[] = [];
  for (let i = 0; i < count; i++) {
    const name = r.string();
    const type = r.i32();
    if (type === TP_ARRAY_INT) {
      r.object("IPosition");
      const rank = r.u32();
      for (let k = 0; k < rank; k++) r.i32();
    } else if (type !== TP_INT && type !== TP_DOUBLE && type !== TP_STRING) {
      throw new Error(`keyword ${name} has casacore data type ${type}, not decoded`);
    }
    r.string(); // comment
    fields.push({ name, type });
  }
  r.u32(); // record type
  const values = new Map<string, KeywordValue>();
  for (const { name, type } of fields) {
    if (type === TP_INT) values.set(name, r.i32());
    else if (type === TP_DOUBLE) values.set(name, r.f64());
    else if (type === TP_STRING) values.set(name, r.string());
    else {
      r.object("Array<Int>");
      const rank = r.u32();
      for (let k = 0; k < rank; k++) r.u32();
      const n = r.u32();
      const ints: number[] = [];
      for (let k = 0; k < n; k++) ints.push(r.i32());
      values.set(name, ints);
    }
  }
  return values;
}

/** Offsets of every length-prefixed "TableRecord" string in `bytes`. */
function tableRecordOffsets(bytes: Uint8Array): number[] {
  const needle = new Uint8Array([0, 0, 0, 11, ...new TextEncoder().encode("TableRecord")]);
  const found: number[] = [];
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    found.push(i);
  }
  return found;
}

/**
 * Opens the casacore DE table in `dir`.
 *
 * @param dir The table directory (holding `table.dat` and `table.f0i`).
 * @throws {Error} When the files do not have the structure described in the module doc.
 */
export async function readCasacoreDeTable(dir: string): Promise<CasacoreDeTable> {
  const dat = await Deno.readFile(`${dir}/table.dat`);
  const head = new BigEndianReader(dat, 0);
  if (head.u32() !== 0xbebebebe) throw new Error(`${dir}/table.dat: not an AipsIO file`);
  head.object("Table");
  const rowCount = head.u32();
  const littleEndian = head.u32() === 1;
  if (head.string() !== "PlainTable") throw new Error(`${dir}: not a PlainTable`);

  const records = tableRecordOffsets(dat).map((at) => readTableRecord(dat, at));
  const keywords = records.find((k) => k.has("EMRAT") && k.has("MJD0"));
  const xKeywords = records.find((k) => k.has("Description"));
  if (!keywords || !xKeywords) throw new Error(`${dir}: DE keywords or pointer table not found`);
  const description = xKeywords.get("Description") as readonly number[];
  const rows = xKeywords.get("Rows");
  const columns = xKeywords.get("Columns");
  if (rows !== 3 || columns !== 13 || description.length !== 39) {
    throw new Error(`${dir}: pointer table is ${rows} x ${columns}, expected 3 x 13`);
  }
  const pointers = Array.from(
    { length: 13 },
    (_, j) => [description[j], description[13 + j], description[26 + j]] as const,
  );

  const f0i = await Deno.readFile(`${dir}/table.f0i`);
  const view = new DataView(f0i.buffer, f0i.byteOffset, f0i.byteLength);
  const u32 = (at: number) => view.getUint32(at, littleEndian);
  const declared = Number(view.getBigUint64(4, littleEndian));
  if (u32(0) !== 1 || declared !== f0i.length) {
    throw new Error(`${dir}/table.f0i: version ${u32(0)}, length ${declared} of ${f0i.length}`);
  }
  const starts: number[] = [];
  let rowLength = -1;
  let at = 16;
  while (at < f0i.length) {
    const rank = u32(at + 4);
    const length = u32(at + 8);
    if (u32(at) !== 1 || rank !== 1 || (rowLength >= 0 && length !== rowLength)) {
      throw new Error(`${dir}/table.f0i: unexpected array header at byte ${at}`);
    }
    rowLength = length;
    starts.push(at + 12);
    at = Math.ceil((at + 12 + 8 * length) / 8) * 8;
  }
  if (starts.length !== rowCount) {
    throw new Error(`${dir}/table.f0i: ${starts.length} arrays for ${rowCount} rows`);
  }
  return {
    rowCount,
    keywords,
    pointers,
    rowLength,
    row(r: number): Float64Array {
      const out = new Float64Array(rowLength);
      for (let k = 0; k < rowLength; k++) out[k] = view.getFloat64(starts[r] + 8 * k, littleEndian);
      return out;
    },
  };
}
