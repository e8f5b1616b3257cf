/**
 * Reading a Parquet file's footer without reading its data: the row count, the row-group count,
 * the key-value metadata and a key that identifies the file's schema.
 *
 * The stitcher reads every file's footer first, to learn the total row count and the union schema
 * before it allocates the final columns. Only the tail of each file is read (one small read for
 * most files) and the footer's Thrift compact encoding is walked here in plain TypeScript: it
 * costs a few microseconds, against tens of microseconds for a round trip through the WASM
 * reader. The Arrow schema itself is derived by the WASM reader (see `parquet_io.ts`), once per
 * distinct {@linkcode ParquetFooter.schemaKey}.
 *
 * @module
 */

import { TableError } from "./table_error.ts";

/** What the stitcher needs from a Parquet footer. */
export interface ParquetFooter {
  /** Number of rows in the file. */
  readonly numRows: number;
  /** Number of row groups. */
  readonly numRowGroups: number;
  /** The footer's key-value metadata (`ARROW:schema`, `pandas`, ...). */
  readonly keyValue: ReadonlyMap<string, string>;
  /**
   * A string equal for two files exactly when their schemas are equal: the `ARROW:schema` value
   * when present, else the encoded Parquet schema.
   */
  readonly schemaKey: string;
  /** Size of the whole file in bytes. */
  readonly fileSize: number;
  /**
   * The column chunks when the file has the plain layout that `plain_pages.ts` reads without the
   * WASM codec (one row group; flat schema of required INT32/INT64/FLOAT/DOUBLE columns;
   * uncompressed chunks without dictionary pages), in schema order; else undefined.
   */
  readonly plainChunks: readonly PlainChunk[] | undefined;
  /**
   * The footer as a minimal Parquet file (`PAR1`, footer, length, `PAR1`): enough for a reader
   * that only parses metadata, such as parquet-wasm's `readSchema`.
   */
  readonly footerFile: Uint8Array;
}

/** Parquet physical types of fixed width that the plain reader copies. */
export type PlainPhysicalType = "INT32" | "INT64" | "FLOAT" | "DOUBLE";

/** One column chunk of a plain-layout file. */
export interface PlainChunk {
  /** Column name. */
  readonly name: string;
  /** Physical type; values are little-endian, 4 or 8 bytes each. */
  readonly physicalType: PlainPhysicalType;
  /** File offset of the chunk's first (data) page header. */
  readonly offset: number;
  /** Bytes of the chunk: page headers and pages. */
  readonly size: number;
}

const PHYSICAL: Record<number, PlainPhysicalType> = {
  1: "INT32",
  2: "INT64",
  4: "FLOAT",
  5: "DOUBLE",
};

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"
const TAIL_GUESS = 16 * 1024;

/** Thrift compact protocol types. */
const T = {
  TRUE: 1,
  FALSE: 2,
  BYTE: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  DOUBLE: 7,
  BINARY: 8,
  LIST: 9,
  SET: 10,
  MAP: 11,
  STRUCT: 12,
} as const;

/** A cursor over Thrift compact-protocol bytes. */
export class Compact {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  byte(): number {
    if (this.pos >= this.bytes.length) throw new RangeError("footer ends early");
    return this.bytes[this.pos++];
  }

  /** An unsigned varint as a number (exact up to 2^53). */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
      if (scale > 2 ** 63) throw new RangeError("varint too long");
    }
  }

  /** A zigzag varint as a number. */
  zigzag(): number {
    const v = this.varint();
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }

  binary(): Uint8Array {
    const n = this.varint();
    const start = this.pos;
    this.pos += n;
    if (this.pos > this.bytes.length) throw new RangeError("footer ends early");
    return this.bytes.subarray(start, this.pos);
  }

  /** Reads a field header; returns undefined at the struct's stop byte. */
  field(lastId: number): { id: number; type: number } | undefined {
    const b = this.byte();
    if (b === 0) return undefined;
    const delta = b >> 4;
    return { id: delta === 0 ? this.zigzag() : lastId + delta, type: b & 0x0f };
  }

  listHeader(): { size: number; type: number } {
    const b = this.byte();
    const short = b >> 4;
    return { size: short === 15 ? this.varint() : short, type: b & 0x0f };
  }

  /** Reads a struct, calling `on(id, type)` per field; `on` returns false to skip the field. */
  struct(on: (id: number, type: number) => boolean): void {
    let id = 0;
    for (let f = this.field(id); f !== undefined; f = this.field(id)) {
      id = f.id;
      if (!on(id, f.type)) this.skip(f.type);
    }
  }

  skip(type: number): void {
    switch (type) {
      case T.TRUE:
      case T.FALSE:
        return;
      case T.BYTE:
        this.pos++;
        return;
      case T.I16:
      case T.I32:
      case T.I64:
        this.varint();
        return;
      case T.DOUBLE:
        this.pos += 8;
        return;
      case T.BINARY:
        this.binary();
        return;
      case T.LIST:
      case T.SET: {
        const { size, type: elem } = this.listHeader();
        for (let i = 0; i < size; i++) {
          if (elem === T.TRUE || elem === T.FALSE) this.pos++;
          else this.skip(elem);
        }
        return;
      }
      case T.MAP: {
        const size = this.varint();
        if (size === 0) return;
        const kinds = this.byte();
        for (let i = 0; i < size; i++) {
          this.skip(kinds >> 4);
          this.skip(kinds & 0x0f);
        }
        return;
      }
      case T.STRUCT: {
        let id = 0;
        for (let f = this.field(id); f !== undefined; f = this.field(id)) {
          id = f.id;
          this.skip(f.type);
        }
        return;
      }
      default:
        throw new RangeError(`unknown Thrift type ${type}`);
    }
  }
}

const decoder = new TextDecoder();

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return s;
}

/**
 * Parses the Thrift-encoded `FileMetaData` of a Parquet file.
 *
 * @param footer The footer bytes (without the trailing length and magic).
 * @returns Row and row-group counts, key-value metadata and the schema key.
 * @throws {RangeError} When the bytes are not a valid footer.
 */
function parseFileMetaData(
  footer: Uint8Array,
): Omit<ParquetFooter, "footerFile" | "fileSize"> {
  const c = new Compact(footer);
  let numRows: number | undefined;
  let schemaBytes: Uint8Array | undefined;
  const schema: SchemaElement[] = [];
  const rowGroups: ChunkMeta[][] = [];
  const keyValue = new Map<string, string>();
  c.struct((id, type) => {
    if (id === 2 && type === T.LIST) {
      const start = c.pos;
      const { size } = c.listHeader();
      for (let i = 0; i < size; i++) schema.push(schemaElement(c));
      schemaBytes = footer.subarray(start, c.pos);
    } else if (id === 3 && type === T.I64) {
      numRows = c.zigzag();
    } else if (id === 4 && type === T.LIST) {
      const { size } = c.listHeader();
      for (let i = 0; i < size; i++) rowGroups.push(rowGroup(c));
    } else if (id === 5 && type === T.LIST) {
      const { size } = c.listHeader();
      for (let i = 0; i < size; i++) {
        let key: string | undefined;
        let value: string | undefined;
        c.struct((kid, ktype) => {
          if (ktype !== T.BINARY || (kid !== 1 && kid !== 2)) return false;
          const text = decoder.decode(c.binary());
          if (kid === 1) key = text;
          else value = text;
          return true;
        });
        if (key !== undefined) keyValue.set(key, value ?? "");
      }
    } else {
      return false;
    }
    return true;
  });
  if (numRows === undefined || schemaBytes === undefined) {
    throw new RangeError("footer lacks num_rows or schema");
  }
  const arrowSchema = keyValue.get("ARROW:schema");
  return {
    numRows,
    numRowGroups: rowGroups.length,
    keyValue,
    schemaKey: arrowSchema !== undefined ? `A:${arrowSchema}` : `P:${latin1(schemaBytes)}`,
    plainChunks: plainChunks(schema, rowGroups, numRows),
  };
}

/** The fields of a `SchemaElement` the plain reader checks. */
interface SchemaElement {
  type?: number;
  repetition?: number;
  name?: string;
  numChildren?: number;
}

/** The fields of a `ColumnChunk` / `ColumnMetaData` the plain reader checks. */
interface ChunkMeta {
  filePath?: string;
  type?: number;
  path: string[];
  codec?: number;
  numValues?: number;
  totalCompressedSize?: number;
  dataPageOffset?: number;
  dictionaryPageOffset?: number;
}

function schemaElement(c: Compact): SchemaElement {
  const e: SchemaElement = {};
  c.struct((id, type) => {
    if (id === 1 && type === T.I32) e.type = c.zigzag();
    else if (id === 3 && type === T.I32) e.repetition = c.zigzag();
    else if (id === 4 && type === T.BINARY) e.name = decoder.decode(c.binary());
    else if (id === 5 && type === T.I32) e.numChildren = c.zigzag();
    else return false;
    return true;
  });
  return e;
}

function rowGroup(c: Compact): ChunkMeta[] {
  const chunks: ChunkMeta[] = [];
  c.struct((id, type) => {
    if (id !== 1 || type !== T.LIST) return false;
    const { size } = c.listHeader();
    for (let i = 0; i < size; i++) {
      const m: ChunkMeta = { path: [] };
      c.struct((cid, ctype) => {
        if (cid === 1 && ctype === T.BINARY) m.filePath = decoder.decode(c.binary());
        else if (cid === 3 && ctype === T.STRUCT) columnMetaData(c, m);
        else return false;
        return true;
      });
      chunks.push(m);
    }
    return true;
  });
  return chunks;
}

function columnMetaData(c: Compact, m: ChunkMeta): void {
  c.struct((id, type) => {
    if (id === 1 && type === T.I32) m.type = c.zigzag();
    else if (id === 3 && type === T.LIST) {
      const { size } = c.listHeader();
      for (let i = 0; i < size; i++) m.path.push(decoder.decode(c.binary()));
    } else if (id === 4 && type === T.I32) m.codec = c.zigzag();
    else if (id === 5 && type === T.I64) m.numValues = c.zigzag();
    else if (id === 7 && type === T.I64) m.totalCompressedSize = c.zigzag();
    else if (id === 9 && type === T.I64) m.dataPageOffset = c.zigzag();
    else if (id === 11 && type === T.I64) m.dictionaryPageOffset = c.zigzag();
    else return false;
    return true;
  });
}

/** The chunks of a plain-layout file, or undefined when the file does not have that layout. */
function plainChunks(
  schema: readonly SchemaElement[],
  rowGroups: readonly ChunkMeta[][],
  numRows: number,
): PlainChunk[] | undefined {
  if (rowGroups.length !== 1 || schema.length < 2) return undefined;
  const leaves = schema.slice(1);
  if (schema[0].numChildren !== leaves.length) return undefined;
  const chunks = rowGroups[0];
  if (chunks.length !== leaves.length) return undefined;
  const out: PlainChunk[] = [];
  for (const [i, leaf] of leaves.entries()) {
    const m = chunks[i];
    const physicalType = PHYSICAL[leaf.type ?? -1];
    const ok = physicalType !== undefined && leaf.repetition === 0 && !leaf.numChildren &&
      m.filePath === undefined && m.type === leaf.type && m.codec === 0 &&
      m.dictionaryPageOffset === undefined && m.numValues === numRows &&
      m.path.length === 1 && m.path[0] === leaf.name && m.dataPageOffset !== undefined &&
      m.totalCompressedSize !== undefined;
    if (!ok) return undefined;
    out.push({
      name: leaf.name!,
      physicalType,
      offset: m.dataPageOffset!,
      size: m.totalCompressedSize!,
    });
  }
  return out;
}

/**
 * Parses a Parquet footer from the tail of a file.
 *
 * @param tail The last bytes of the file: at least the footer, its 4-byte length and `PAR1`.
 * @param fileSize Size of the whole file (to check the footer fits in it).
 * @returns The footer, or the number of tail bytes needed when `tail` is too short.
 * @throws {RangeError} When the bytes are not a Parquet tail.
 */
export function parseParquetTail(tail: Uint8Array, fileSize: number): ParquetFooter | number {
  const n = tail.length;
  if (n < 8 || MAGIC.some((b, i) => tail[n - 4 + i] !== b)) {
    throw new RangeError("the file does not end with the Parquet magic 'PAR1'");
  }
  const length = new DataView(tail.buffer, tail.byteOffset, n).getUint32(n - 8, true);
  if (length + 12 > fileSize) throw new RangeError(`footer length ${length} exceeds the file`);
  if (length + 8 > n) return length + 8;
  const footer = tail.subarray(n - 8 - length, n - 8);
  const footerFile = new Uint8Array(length + 12);
  footerFile.set(MAGIC, 0);
  footerFile.set(footer, 4);
  footerFile.set(tail.subarray(n - 8), 4 + length);
  return { ...parseFileMetaData(footer), fileSize, footerFile };
}

function readAt(file: Deno.FsFile, position: number, length: number): Uint8Array {
  const buf = new Uint8Array(length);
  file.seekSync(position, Deno.SeekMode.Start);
  let filled = 0;
  while (filled < length) {
    const n = file.readSync(buf.subarray(filled));
    if (n === null || n === 0) throw new RangeError("the file ends early");
    filled += n;
  }
  return buf;
}

/**
 * Reads the footer of a Parquet file, reading only the file's tail.
 *
 * @param path Path of the file.
 * @returns The footer.
 * @throws {Deno.errors.NotFound} When the file does not exist.
 * @throws {TableError} `TABLE_PARQUET` when the file is not a Parquet file.
 *
 * @example Usage
 * ```ts ignore
 * import { readParquetFooter } from "./parquet_footer.ts";
 *
 * const footer = readParquetFooter("/sweep/run-0/report__RF.parquet");
 * console.log(footer.numRows);
 * ```
 */
export function readParquetFooter(path: string): ParquetFooter {
  using file = Deno.openSync(path);
  const size = file.seekSync(0, Deno.SeekMode.End);
  try {
    let want = Math.min(size, TAIL_GUESS);
    for (;;) {
      const result = parseParquetTail(readAt(file, size - want, want), size);
      if (typeof result !== "number") return result;
      want = result;
    }
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new TableError(
      "TABLE_PARQUET",
      `Cannot read the Parquet footer of ${path}: ${e.message}; ` +
        "the file is truncated or not Parquet, rewrite it from the run's GMAT outputs",
      { cause: e },
    );
  }
}
