/**
 * A byte-deterministic zip writer: the same members with the same bytes always give the same
 * archive, whatever the files' timestamps, owners, modes or the order they were found in.
 *
 * Members must be added in strictly increasing code point order of their names (the writer
 * refuses anything else), each as one buffer; a member is deflated (fflate, level 6, a pinned
 * pure-JavaScript implementation, so the bytes do not depend on the Deno build's zlib) when that
 * makes it smaller, else stored. A member whose content is only known at the end (an index of the
 * others) can be reserved at its sorted position as a stored member of known length and filled in
 * before {@link DeterministicZipWriter#finish}. The record layout is in `zip_format.ts`.
 *
 * Output is buffered and written sequentially; memory holds one member plus one central directory
 * record per member.
 *
 * @module
 */

import { deflateSync } from "npm:fflate@0.8.2";
import { compareCodePoints } from "../manifest/mod.ts";
import { crc32 } from "./crc32.ts";
import {
  centralHeader,
  endRecords,
  LOCAL_CRC_OFFSET,
  localHeader,
  METHOD_DEFLATE,
  METHOD_STORED,
  type ZipMember,
} from "./zip_format.ts";

/** Deflate level (the Python gmat-sweep's and zlib's default). */
export const DEFLATE_LEVEL = 6;

const BUFFER_BYTES = 1 << 20;

/** A stored member whose bytes are written by {@link DeterministicZipWriter#fill}. */
export interface ReservedMember {
  /** The member's name. */
  readonly name: string;
  /** The exact number of bytes it will hold. */
  readonly length: number;
}

interface Reservation {
  member: ZipMember;
  index: number;
  filled: boolean;
}

/** What {@link DeterministicZipWriter#finish} reports. */
export interface ZipSummary {
  /** Number of members. */
  readonly members: number;
  /** Size of the archive in bytes. */
  readonly bytes: number;
}

/** Writes one deterministic zip archive to an open file. */
export class DeterministicZipWriter {
  readonly #file: Deno.FsFile;
  readonly #members: ZipMember[] = [];
  readonly #reserved = new Map<ReservedMember, Reservation>();
  readonly #encoder = new TextEncoder();
  readonly #buffer = new Uint8Array(BUFFER_BYTES);
  #buffered = 0;
  #position = 0;
  #lastName: string | undefined;
  #finished = false;

  /**
   * A writer appending one archive to `file`.
   *
   * @param file A file open for writing, empty and positioned at 0; the writer does not close it.
   */
  constructor(file: Deno.FsFile) {
    this.#file = file;
  }

  /**
   * Add a member, deflated when that is smaller.
   *
   * @param name Its path in the archive (`/` separators, no leading `/`).
   * @param data Its bytes (below 4 GiB).
   * @throws {RangeError} If `name` does not sort after the previous member's name.
   */
  async add(name: string, data: Uint8Array): Promise<void> {
    const encoded = this.#checkName(name);
    const deflated = deflateSync(data, { level: DEFLATE_LEVEL });
    const useDeflate = deflated.length < data.length;
    const member: ZipMember = {
      name: encoded,
      utf8: !isAscii(name),
      method: useDeflate ? METHOD_DEFLATE : METHOD_STORED,
      crc: crc32(data),
      compressedSize: useDeflate ? deflated.length : data.length,
      size: data.length,
      offset: this.#position,
    };
    this.#members.push(member);
    await this.#write(localHeader(member));
    await this.#write(useDeflate ? deflated : data);
  }

  /**
   * Reserve a stored member of known length at this position (zero bytes are written for now).
   *
   * @param name Its path in the archive.
   * @param length The exact byte length {@link fill} will be given.
   * @returns A handle for {@link fill}.
   * @throws {RangeError} If `name` does not sort after the previous member's name.
   */
  async reserve(name: string, length: number): Promise<ReservedMember> {
    const encoded = this.#checkName(name);
    const member: ZipMember = {
      name: encoded,
      utf8: !isAscii(name),
      method: METHOD_STORED,
      crc: 0,
      compressedSize: length,
      size: length,
      offset: this.#position,
    };
    const handle: ReservedMember = { name, length };
    this.#reserved.set(handle, { member, index: this.#members.length, filled: false });
    this.#members.push(member);
    await this.#write(localHeader(member));
    for (let left = length; left > 0;) {
      const n = Math.min(left, BUFFER_BYTES);
      await this.#write(new Uint8Array(n));
      left -= n;
    }
    return handle;
  }

  /**
   * Write the bytes of a reserved member (and its CRC) in place.
   *
   * @param handle What {@link reserve} returned.
   * @param data Exactly `handle.length` bytes.
   * @throws {RangeError} If the length differs or the member was already filled.
   */
  async fill(handle: ReservedMember, data: Uint8Array): Promise<void> {
    const slot = this.#reserved.get(handle);
    if (slot === undefined || slot.filled) {
      throw new RangeError(`zip member ${handle.name} is not reserved or is already filled`);
    }
    if (data.length !== handle.length) {
      throw new RangeError(
        `zip member ${handle.name} was reserved for ${handle.length} bytes, got ${data.length}`,
      );
    }
    await this.#flush();
    const crc = crc32(data);
    const member = { ...slot.member, crc };
    this.#members[slot.index] = member;
    const crcBytes = new Uint8Array(4);
    new DataView(crcBytes.buffer).setUint32(0, crc, true);
    await this.#writeAt(member.offset + LOCAL_CRC_OFFSET, crcBytes);
    await this.#writeAt(member.offset + 30 + member.name.length, data);
    slot.filled = true;
  }

  /**
   * Write the central directory and the end records, and flush. The file stays open.
   *
   * @returns The member count and the archive's size.
   * @throws {RangeError} If a reserved member was never filled.
   */
  async finish(): Promise<ZipSummary> {
    for (const [handle, slot] of this.#reserved) {
      if (!slot.filled) {
        throw new RangeError(`zip member ${handle.name} was reserved, never filled`);
      }
    }
    const directoryOffset = this.#position;
    for (const m of this.#members) await this.#write(centralHeader(m));
    const directorySize = this.#position - directoryOffset;
    await this.#write(endRecords(this.#members.length, directoryOffset, directorySize));
    await this.#flush();
    this.#finished = true;
    return { members: this.#members.length, bytes: this.#position };
  }

  #checkName(name: string): Uint8Array {
    if (this.#finished) throw new RangeError("the zip archive is already finished");
    if (this.#lastName !== undefined && compareCodePoints(this.#lastName, name) >= 0) {
      throw new RangeError(
        `zip members must be added in sorted order: ${JSON.stringify(name)} after ` +
          JSON.stringify(this.#lastName),
      );
    }
    const encoded = this.#encoder.encode(name);
    if (encoded.length === 0 || encoded.length > 0xffff) {
      throw new RangeError(`zip member name ${JSON.stringify(name)} must be 1-65535 bytes`);
    }
    this.#lastName = name;
    return encoded;
  }

  async #write(bytes: Uint8Array): Promise<void> {
    this.#position += bytes.length;
    if (bytes.length > BUFFER_BYTES - this.#buffered) {
      await this.#flush();
      if (bytes.length >= BUFFER_BYTES) {
        await writeAll(this.#file, bytes);
        return;
      }
    }
    this.#buffer.set(bytes, this.#buffered);
    this.#buffered += bytes.length;
  }

  async #flush(): Promise<void> {
    if (this.#buffered === 0) return;
    await writeAll(this.#file, this.#buffer.subarray(0, this.#buffered));
    this.#buffered = 0;
  }

  async #writeAt(offset: number, bytes: Uint8Array): Promise<void> {
    await this.#file.seek(offset, Deno.SeekMode.Start);
    await writeAll(this.#file, bytes);
    await this.#file.seek(this.#position, Deno.SeekMode.Start);
  }
}

async function writeAll(file: Deno.FsFile, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.length;) done += await file.write(bytes.subarray(done));
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
