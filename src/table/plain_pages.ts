/**
 * Locating the values of a plain-layout Parquet file without the WASM codec.
 *
 * The per-run files (`RUN_FILE_LAYOUT`) store each column as one uncompressed, PLAIN-encoded data
 * page of a required fixed-width type in a single row group: the page body is nothing but the
 * column's little-endian values. For such a column the stitcher copies those bytes straight into
 * the final column, a `memcpy` per column per file. The footer tells which files have that layout
 * (`ParquetFooter.plainChunks`); this module reads each chunk's page header and checks, page by
 * page, that the chunk is exactly one such page. Anything else (another encoding, a compressed or
 * second page, levels, a checksum the reader would have to verify) returns undefined and the file
 * goes through the WASM codec instead.
 *
 * @module
 */

import { Compact, type PlainChunk, type PlainPhysicalType } from "./parquet_footer.ts";

const WIDTH: Record<PlainPhysicalType, number> = { INT32: 4, INT64: 8, FLOAT: 4, DOUBLE: 8 };
const DATA_PAGE = 0;
const DATA_PAGE_V2 = 3;
const PLAIN = 0;

/** Where a column's values sit in the file's bytes. */
export interface PlainValues {
  /** Byte offset of the first value. */
  readonly start: number;
  /** Number of values. */
  readonly count: number;
  /** Bytes per value (4 or 8). */
  readonly width: number;
}

interface PageHeader {
  type?: number;
  uncompressed?: number;
  compressed?: number;
  crc?: boolean;
  numValues?: number;
  encoding?: number;
  numNulls?: number;
  defLength?: number;
  repLength?: number;
}

function pageHeader(c: Compact): PageHeader {
  const h: PageHeader = {};
  c.struct((id, type) => {
    if (id === 1 && type === 5) h.type = c.zigzag();
    else if (id === 2 && type === 5) h.uncompressed = c.zigzag();
    else if (id === 3 && type === 5) h.compressed = c.zigzag();
    else if (id === 4 && type === 5) {
      c.zigzag();
      h.crc = true;
    } else if (id === 5 && type === 12) {
      c.struct((did, dtype) => {
        if (did === 1 && dtype === 5) h.numValues = c.zigzag();
        else if (did === 2 && dtype === 5) h.encoding = c.zigzag();
        else return false;
        return true;
      });
    } else if (id === 8 && type === 12) {
      c.struct((did, dtype) => {
        if (did === 1 && dtype === 5) h.numValues = c.zigzag();
        else if (did === 2 && dtype === 5) h.numNulls = c.zigzag();
        else if (did === 4 && dtype === 5) h.encoding = c.zigzag();
        else if (did === 5 && dtype === 5) h.defLength = c.zigzag();
        else if (did === 6 && dtype === 5) h.repLength = c.zigzag();
        else return false;
        return true;
      });
    } else {
      return false;
    }
    return true;
  });
  return h;
}

/**
 * Locates the values of one plain-layout column chunk.
 *
 * @param bytes The whole file.
 * @param chunk The chunk, from the footer.
 * @param rows The file's row count.
 * @returns Where the values are, or undefined when the chunk is not a single plain page.
 */
export function plainValues(
  bytes: Uint8Array,
  chunk: PlainChunk,
  rows: number,
): PlainValues | undefined {
  const width = WIDTH[chunk.physicalType];
  const end = chunk.offset + chunk.size;
  if (end > bytes.length) return undefined;
  const c = new Compact(bytes.subarray(chunk.offset, end));
  let h: PageHeader;
  try {
    h = pageHeader(c);
  } catch {
    return undefined;
  }
  const body = rows * width;
  const v1 = h.type === DATA_PAGE;
  const v2 = h.type === DATA_PAGE_V2 && !h.numNulls && !h.defLength && !h.repLength;
  const ok = (v1 || v2) && h.crc !== true && h.encoding === PLAIN && h.numValues === rows &&
    h.uncompressed === body && h.compressed === body && c.pos + body === chunk.size;
  return ok ? { start: chunk.offset + c.pos, count: rows, width } : undefined;
}
