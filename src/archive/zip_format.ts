/**
 * The byte layout of a zip file's records (PKWARE APPNOTE 6.3): local file headers, central
 * directory headers and the end records, with every field that could vary between two archives
 * of the same content pinned:
 *
 * - one timestamp for every member, {@link FIXED_DOS_DATE} / {@link FIXED_DOS_TIME}
 *   (2026-01-01 00:00:00, the Python gmat-sweep's archive date; a 1980-01-01 date becomes a 1979
 *   instant east of Greenwich, which some readers reject);
 * - "made by" Unix, external attributes `0100644` (a regular file, rw-r--r--), internal
 *   attributes 0;
 * - no extra fields (no extended timestamps, no uid/gid), no comments, no data descriptors;
 * - the UTF-8 flag (bit 11) exactly when a name is not plain ASCII.
 *
 * Zip64 records are written only when the content needs them (more than 65,535 members, or an
 * offset at or past 4 GiB), so the choice depends on the content alone.
 *
 * @module
 */

/** DOS date of 2026-01-01: ((2026 - 1980) << 9) | (1 << 5) | 1. */
export const FIXED_DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
/** DOS time 00:00:00. */
export const FIXED_DOS_TIME = 0;
/** Unix mode of every member: a regular file, rw-r--r--. */
export const FILE_MODE = 0o100644;

/** Compression method: stored. */
export const METHOD_STORED = 0;
/** Compression method: deflate. */
export const METHOD_DEFLATE = 8;

/** Largest value of a 16-bit field; a count at this value moves to the zip64 record. */
export const MAX_U16 = 0xffff;
/** Largest value of a 32-bit field; a size or offset at this value moves to zip64. */
export const MAX_U32 = 0xffffffff;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
/** Version 2.0: deflate. */
const VERSION_DEFLATE = 20;
/** Version 4.5: zip64. */
const VERSION_ZIP64 = 45;
/** Upper byte 3: Unix (so extractors apply the mode bits); lower byte: spec 4.5. */
const MADE_BY = (3 << 8) | VERSION_ZIP64;
const FLAG_UTF8 = 1 << 11;

/** What the records of one member need to know. */
export interface ZipMember {
  /** The member's path inside the archive, UTF-8 encoded (`/` separators). */
  readonly name: Uint8Array;
  /** Whether the name has non-ASCII bytes (sets the UTF-8 flag). */
  readonly utf8: boolean;
  /** {@link METHOD_STORED} or {@link METHOD_DEFLATE}. */
  readonly method: number;
  /** CRC-32 of the uncompressed bytes. */
  readonly crc: number;
  /** Bytes stored in the archive. */
  readonly compressedSize: number;
  /** Bytes after extraction. */
  readonly size: number;
  /** Offset of the member's local header from the start of the archive. */
  readonly offset: number;
}

/** Offset of the CRC field inside a local file header. */
export const LOCAL_CRC_OFFSET = 14;

/**
 * The local file header of a member (sizes must be below 4 GiB: local headers carry no zip64
 * field here).
 *
 * @param m The member.
 * @returns 30 bytes plus the name.
 * @throws {RangeError} If a size does not fit in 32 bits.
 */
export function localHeader(m: ZipMember): Uint8Array {
  if (m.size >= MAX_U32 || m.compressedSize >= MAX_U32) {
    throw new RangeError(`zip member of ${m.size} bytes: sizes must be below 4 GiB`);
  }
  const out = new Uint8Array(30 + m.name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, SIG_LOCAL, true);
  v.setUint16(4, VERSION_DEFLATE, true);
  v.setUint16(6, m.utf8 ? FLAG_UTF8 : 0, true);
  v.setUint16(8, m.method, true);
  v.setUint16(10, FIXED_DOS_TIME, true);
  v.setUint16(12, FIXED_DOS_DATE, true);
  v.setUint32(LOCAL_CRC_OFFSET, m.crc, true);
  v.setUint32(18, m.compressedSize, true);
  v.setUint32(22, m.size, true);
  v.setUint16(26, m.name.length, true);
  v.setUint16(28, 0, true);
  out.set(m.name, 30);
  return out;
}

/**
 * The central directory header of a member; an offset at or past 4 GiB goes into a zip64 extra
 * field (the only extra field ever written).
 *
 * @param m The member.
 * @returns 46 bytes plus the name and, when needed, a 12-byte zip64 field.
 */
export function centralHeader(m: ZipMember): Uint8Array {
  const zip64 = m.offset >= MAX_U32;
  const extra = zip64 ? 12 : 0;
  const out = new Uint8Array(46 + m.name.length + extra);
  const v = new DataView(out.buffer);
  v.setUint32(0, SIG_CENTRAL, true);
  v.setUint16(4, MADE_BY, true);
  v.setUint16(6, zip64 ? VERSION_ZIP64 : VERSION_DEFLATE, true);
  v.setUint16(8, m.utf8 ? FLAG_UTF8 : 0, true);
  v.setUint16(10, m.method, true);
  v.setUint16(12, FIXED_DOS_TIME, true);
  v.setUint16(14, FIXED_DOS_DATE, true);
  v.setUint32(16, m.crc, true);
  v.setUint32(20, m.compressedSize, true);
  v.setUint32(24, m.size, true);
  v.setUint16(28, m.name.length, true);
  v.setUint16(30, extra, true);
  v.setUint16(32, 0, true); // comment length
  v.setUint16(34, 0, true); // disk number start
  v.setUint16(36, 0, true); // internal attributes
  v.setUint32(38, (FILE_MODE << 16) >>> 0, true);
  v.setUint32(42, zip64 ? MAX_U32 : m.offset, true);
  out.set(m.name, 46);
  if (zip64) {
    const at = 46 + m.name.length;
    v.setUint16(at, 0x0001, true); // zip64 extended information
    v.setUint16(at + 2, 8, true);
    v.setBigUint64(at + 4, BigInt(m.offset), true);
  }
  return out;
}

/**
 * The end of the archive: the end of central directory record, preceded by the zip64 end record
 * and its locator when the member count or the directory's size or offset overflow.
 *
 * @param count Number of members.
 * @param directoryOffset Offset of the first central directory header.
 * @param directorySize Bytes of the central directory.
 * @returns The bytes that close the archive.
 */
export function endRecords(
  count: number,
  directoryOffset: number,
  directorySize: number,
): Uint8Array {
  const zip64 = count >= MAX_U16 || directoryOffset >= MAX_U32 || directorySize >= MAX_U32;
  const out = new Uint8Array((zip64 ? 56 + 20 : 0) + 22);
  const v = new DataView(out.buffer);
  let at = 0;
  if (zip64) {
    const end64Offset = directoryOffset + directorySize;
    v.setUint32(0, SIG_END64, true);
    v.setBigUint64(4, 44n, true); // size of the rest of this record
    v.setUint16(12, MADE_BY, true);
    v.setUint16(14, VERSION_ZIP64, true);
    v.setUint32(16, 0, true); // this disk
    v.setUint32(20, 0, true); // disk of the central directory
    v.setBigUint64(24, BigInt(count), true);
    v.setBigUint64(32, BigInt(count), true);
    v.setBigUint64(40, BigInt(directorySize), true);
    v.setBigUint64(48, BigInt(directoryOffset), true);
    v.setUint32(56, SIG_LOCATOR64, true);
    v.setUint32(60, 0, true); // disk of the zip64 end record
    v.setBigUint64(64, BigInt(end64Offset), true);
    v.setUint32(72, 1, true); // total disks
    at = 76;
  }
  v.setUint32(at, SIG_END, true);
  v.setUint16(at + 4, 0, true);
  v.setUint16(at + 6, 0, true);
  v.setUint16(at + 8, Math.min(count, MAX_U16), true);
  v.setUint16(at + 10, Math.min(count, MAX_U16), true);
  v.setUint32(at + 12, Math.min(directorySize, MAX_U32), true);
  v.setUint32(at + 16, Math.min(directoryOffset, MAX_U32), true);
  v.setUint16(at + 20, 0, true); // comment length
  return out;
}
